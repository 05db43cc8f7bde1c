<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>CallBank</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="364"/>
        <source>No phone number on record</source>
        <translation>Телефон нөмірі жазылмаған</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="365"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="379"/>
        <source>never</source>
        <translation>ешқашан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="415"/>
        <source>Your list is done for now. %1 passed over this sitting.</source>
        <translation>Тізіміңіз әзірге аяқталды. Осы отырыста өткізіп жіберілгендер: %1.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="419"/>
        <source>&amp;Call the passed-over again</source>
        <translation>Өткізілгендерге &amp;қайта қоңырау шалу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="422"/>
        <source>Your list is done.</source>
        <translation>Тізіміңіз аяқталды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="466"/>
        <source>Press 1 to 5 to record an outcome.</source>
        <translation>Нәтижені жазу үшін 1–5 пернесін басыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="485"/>
        <source>Needs help (welfare campaign “%1”).</source>
        <translation>Көмек керек («%1» қоңырау науқаны).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="559"/>
        <source>%1: %2 recorded.</source>
        <translation>%1: «%2» жазылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="565"/>
        <source>Recorded the same for members of the household: %1.</source>
        <translation>Отбасы мүшелеріне де осылай жазылды: %1.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="569"/>
        <source>Moved to the follow-up list.</source>
        <translation>Қайта қоңырау тізіміне ауыстырылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="571"/>
        <source>An assistance case was opened.</source>
        <translation>Көмек ісі ашылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="586"/>
        <source>%1 passed over for now.</source>
        <translation>%1 әзірге өткізіп жіберілді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="612"/>
        <source>Your list: %1 of %2 done</source>
        <translation>Тізіміңіз: дайын %1 / %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="624"/>
        <source>Call bank: %1</source>
        <translation>Қоңырау шалу: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="627"/>
        <source>Messengers</source>
        <translation>Мессенджерлер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="628"/>
        <source>Languages</source>
        <translation>Тілдері</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="629"/>
        <source>Lives in</source>
        <translation>Тұратын жері</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="630"/>
        <source>Vulnerable</source>
        <translation>Осалдығы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="631"/>
        <source>Welfare now</source>
        <translation>Қазіргі жағдайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="632"/>
        <source>Attempts so far</source>
        <translation>Әрекеттер саны</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="633"/>
        <source>Last contact</source>
        <translation>Соңғы байланыс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="637"/>
        <source>Record the same for (safe or needs help; Ctrl+H ticks all):</source>
        <translation>Осыларға да солай жазу (қауіпсіз немесе көмек керек; Ctrl+H — бәрін белгілеу):</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="638"/>
        <source>Script, in the language of the call:</source>
        <translation>Сөйлесу тіліндегі мәтін:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="639"/>
        <source>&amp;Note:</source>
        <translation>&amp;Жазба:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="640"/>
        <source>What the person said (optional)</source>
        <translation>Адам не айтты (міндетті емес)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="645"/>
        <source>Press %1 (Ctrl+%1 while typing a note)</source>
        <translation>%1 пернесін басыңыз (жазба терген кезде Ctrl+%1)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="646"/>
        <source>Esc  Skip</source>
        <translation>Esc  Өткізу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="647"/>
        <source>Pass over this person for now; they come back at the end</source>
        <translation>Бұл адамды әзірге өткізіп жіберу; ол тізімнің соңында қайта шығады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="650"/>
        <source>Press 1 to 5 to record the outcome; the next person appears at once. In the note, the digits type: use Ctrl+1 to 5, or Ctrl+Enter for the highlighted outcome.</source>
        <translation>Нәтижені жазу үшін 1–5 пернесін басыңыз; келесі адам бірден шығады. Жазбада сандар теріледі: Ctrl+1–5 пернелерін немесе белгіленген нәтиже үшін Ctrl+Enter пернесін қолданыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="654"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>CampaignCriteria</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="280"/>
        <source>vulnerable only</source>
        <translation>тек осал топтағылар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="283"/>
        <source>not reached since %1</source>
        <translation>%1 бері байланыс жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="288"/>
        <source>everyone</source>
        <translation>барлығы</translation>
    </message>
</context>
<context>
    <name>CampaignLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="31"/>
        <source>Safe</source>
        <translation>Қауіпсіз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="32"/>
        <source>Needs help</source>
        <translation>Көмек керек</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="33"/>
        <source>No answer</source>
        <translation>Жауап жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="34"/>
        <source>Wrong number</source>
        <translation>Қате нөмір</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="35"/>
        <source>Message left</source>
        <translation>Хабар қалдырылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="42"/>
        <source>To call</source>
        <translation>Қоңырау күтуде</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="43"/>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="44"/>
        <source>Follow-up</source>
        <translation>Қайта қоңырау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="51"/>
        <source>Open</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="52"/>
        <source>Closed</source>
        <translation>Жабық</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="222"/>
        <source>Welfare campaigns are worked by the staff who make the calls; the dashboard shows their progress.</source>
        <translation>Қоңырау науқандарын қоңырау шалатын қызметкерлер жүргізеді; олардың барысы көрсеткіштер тақтасында көрінеді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="270"/>
        <source>Made %1 by %2</source>
        <translation>%1 құрылды, құрастырған: %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="280"/>
        <source>No welfare campaign yet. An officer makes one with “New campaign”.</source>
        <translation>Қоңырау науқаны әлі жоқ. Консул оны «Жаңа науқан» батырмасымен құрады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="328"/>
        <source>never</source>
        <translation>ешқашан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="338"/>
        <source>Follow-up list: %1</source>
        <translation>Қайта қоңырау тізімі: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="390"/>
        <source>Making the call lists</source>
        <translation>Қоңырау тізімдері жасалуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="399"/>
        <source>Campaign “%1” made: %2 people to call.</source>
        <translation>«%1» науқаны құрылды: %2 адамға қоңырау шалу керек.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="465"/>
        <source>Calls moved to %1: %2.</source>
        <translation>%1 қызметкеріне берілген қоңыраулар: %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="482"/>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="490"/>
        <source>Close campaign</source>
        <translation>Науқанды жабу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="483"/>
        <source>Close “%1”? Nobody can record calls on its lists after that.</source>
        <translation>«%1» жабылсын ба? Осыдан кейін оның тізімдері бойынша қоңырау жазуға болмайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="491"/>
        <source>Keep it open</source>
        <translation>Ашық қалдыру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="501"/>
        <source>Campaign “%1” closed.</source>
        <translation>«%1» науқаны жабылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="510"/>
        <source>Welfare campaigns</source>
        <translation>Азаматтарға қоңырау шалу науқандары</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="511"/>
        <source>Show &amp;closed</source>
        <translation>&amp;Жабылғандарын көрсету</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="512"/>
        <source>&amp;New campaign…</source>
        <translation>Жаңа &amp;науқан…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="513"/>
        <source>&amp;Work my list</source>
        <translation>&amp;Менің тізімім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="514"/>
        <source>Open the call bank on your own list of the selected campaign</source>
        <translation>Таңдалған науқан бойынша өз тізіміңізбен қоңырау шалуды ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="515"/>
        <source>&amp;Reassign…</source>
        <translation>&amp;Басқаға беру…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="516"/>
        <source>C&amp;lose campaign</source>
        <translation>Науқанды ж&amp;абу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="517"/>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="520"/>
        <source>Campaign</source>
        <translation>Науқан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="521"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="522"/>
        <source>People</source>
        <translation>Адам</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="523"/>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="524"/>
        <source>To call</source>
        <translation>Қоңырау күтуде</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="525"/>
        <source>Follow-up</source>
        <translation>Қайта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="526"/>
        <source>Progress</source>
        <translation>Барысы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="527"/>
        <source>Who is called</source>
        <translation>Кімге қоңырау шалынады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="532"/>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="533"/>
        <source>Latin name</source>
        <translation>Латынша</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="534"/>
        <source>Phones</source>
        <translation>Телефондар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="535"/>
        <source>Attempts</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="537"/>
        <source>Last outcome</source>
        <translation>Соңғы нәтиже</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="536"/>
        <source>Welfare</source>
        <translation>Жағдайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="537"/>
        <source>Last contact</source>
        <translation>Соңғы байланыс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="543"/>
        <source>Off the call list after a third unanswered call or a wrong number. Enter opens the person&apos;s record.</source>
        <translation>Үшінші жауапсыз қоңыраудан немесе қате нөмірден кейін қоңырау тізімінен шығарылғандар. Enter адамның жазбасын ашады.</translation>
    </message>
</context>
<context>
    <name>CaseDraftDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="95"/>
        <source>Say what the citizen needs.</source>
        <translation>Азаматқа не керек екенін жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="103"/>
        <source>Open an assistance case</source>
        <translation>Көмек ісін ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="105"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Түрі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="105"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Басымдығы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="105"/>
        <source>&amp;Summary:</source>
        <translation>&amp;Қысқаша мазмұны:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="122"/>
        <source>Confirming records “needs help” and opens this case. Cancel records nothing.</source>
        <translation>Растау «көмек керек» деп жазып, осы істі ашады. «Болдырмау» ештеңе жазбайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="124"/>
        <source>Record and &amp;open case</source>
        <translation>Жазып, істі &amp;ашу</translation>
    </message>
</context>
<context>
    <name>NewCampaignDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="208"/>
        <source>Give the campaign a name.</source>
        <translation>Науқанға атау беріңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="213"/>
        <source>Tick at least one member of staff to make the calls.</source>
        <translation>Қоңырау шалатын кемінде бір қызметкерді белгілеңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="220"/>
        <source>New welfare campaign</source>
        <translation>Жаңа қоңырау науқаны</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="221"/>
        <source>&amp;Name:</source>
        <translation>&amp;Атауы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="222"/>
        <source>For example: Seoul, martial law, first round</source>
        <translation>Мысалы: Сеул, әскери жағдай, бірінші кезең</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="223"/>
        <source>Who to call</source>
        <translation>Кімге қоңырау шалу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="226"/>
        <source>Regions</source>
        <translation>Өңірлер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="226"/>
        <source>Purpose of stay</source>
        <translation>Болу мақсаты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="226"/>
        <source>Welfare status</source>
        <translation>Жағдайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="240"/>
        <source>&amp;Vulnerable people only (a recorded vulnerability, children, the elderly)</source>
        <translation>&amp;Тек осал топтағылар (жазылған осалдық, балалар, қарттар)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="242"/>
        <source>Not &amp;reached since</source>
        <translation>&amp;Байланыс жоқ, мына күннен бері</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="245"/>
        <source>A list with nothing ticked does not narrow the campaign. Vulnerable people, children and the elderly are called first, then those without a contact for longest.</source>
        <translation>Ештеңе белгіленбеген тізім науқанды тарылтпайды. Алдымен осал топтағыларға, балалар мен қарттарға, содан кейін ең ұзақ байланыс болмағандарға қоңырау шалынады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="249"/>
        <source>Staff on duty</source>
        <translation>Кезекші қызметкерлер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="255"/>
        <source>The people are split among the ticked staff; a household goes to one caller.</source>
        <translation>Адамдар белгіленген қызметкерлерге бөлінеді; бір отбасы бір қызметкерге беріледі.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="257"/>
        <source>&amp;Create campaign</source>
        <translation>Науқанды &amp;құру</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="134"/>
        <source>Choose a campaign to see its progress.</source>
        <translation>Барысын көру үшін науқанды таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="141"/>
        <source>%1 of %2 done · %3 still to call · %4 on the follow-up list</source>
        <translation>Дайын: %1 / %2 · әлі қоңырау шалу керек: %3 · қайта қоңырау тізімінде: %4</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="149"/>
        <source>%p% done</source>
        <translation>%p% дайын</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="149"/>
        <source>Nobody matched the criteria</source>
        <translation>Шарттарға ешкім сәйкес келмеді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="167"/>
        <source>People by latest outcome</source>
        <translation>Соңғы нәтиже бойынша адамдар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="168"/>
        <source>Per member of staff</source>
        <translation>Қызметкерлер бойынша</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="169"/>
        <source>Outcome</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="169"/>
        <source>People</source>
        <translation>Адам</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="171"/>
        <source>Staff</source>
        <translation>Қызметкер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="171"/>
        <source>Assigned</source>
        <translation>Берілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="171"/>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="171"/>
        <source>Left</source>
        <translation>Қалды</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="170"/>
        <source>Choose from whom and to whom.</source>
        <translation>Кімнен және кімге екенін таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="173"/>
        <source>Choose two different members of staff.</source>
        <translation>Екі түрлі қызметкерді таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="176"/>
        <source>Tick the people to move.</source>
        <translation>Берілетін адамдарды белгілеңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="181"/>
        <source>Reassign calls</source>
        <translation>Қоңырауларды басқаға беру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="182"/>
        <source>&amp;From:</source>
        <translation>&amp;Кімнен:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="183"/>
        <source>&amp;To:</source>
        <translation>К&amp;імге:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="184"/>
        <source>The &amp;whole list still to call</source>
        <translation>Қоңырау шалынбаған &amp;бүкіл тізім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="185"/>
        <source>Only the &amp;people ticked below</source>
        <translation>&amp;Тек төменде белгіленгендер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="186"/>
        <source>&amp;Move</source>
        <translation>Бе&amp;ру</translation>
    </message>
</context>
</TS>

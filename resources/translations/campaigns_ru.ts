<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>CallBank</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="364"/>
        <source>No phone number on record</source>
        <translation>Номер телефона не записан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="365"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="379"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="415"/>
        <source>Your list is done for now. %1 passed over this sitting.</source>
        <translation>Ваш список пока пройден. Пропущено за этот сеанс: %1.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="419"/>
        <source>&amp;Call the passed-over again</source>
        <translation>&amp;Позвонить пропущенным ещё раз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="422"/>
        <source>Your list is done.</source>
        <translation>Ваш список пройден.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="466"/>
        <source>Press 1 to 5 to record an outcome.</source>
        <translation>Нажмите 1–5, чтобы записать результат.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="485"/>
        <source>Needs help (welfare campaign “%1”).</source>
        <translation>Нужна помощь (обзвон «%1»).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="559"/>
        <source>%1: %2 recorded.</source>
        <translation>%1: записано «%2».</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="565"/>
        <source>Recorded the same for members of the household: %1.</source>
        <translation>То же записано для членов семьи: %1.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="569"/>
        <source>Moved to the follow-up list.</source>
        <translation>Перенесён в список повторных звонков.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="571"/>
        <source>An assistance case was opened.</source>
        <translation>Открыто дело о помощи.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="586"/>
        <source>%1 passed over for now.</source>
        <translation>%1 — пропущен(а) пока.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="612"/>
        <source>Your list: %1 of %2 done</source>
        <translation>Ваш список: готово %1 из %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="624"/>
        <source>Call bank: %1</source>
        <translation>Обзвон: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="627"/>
        <source>Messengers</source>
        <translation>Мессенджеры</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="628"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="629"/>
        <source>Lives in</source>
        <translation>Живёт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="630"/>
        <source>Vulnerable</source>
        <translation>Уязвимость</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="631"/>
        <source>Welfare now</source>
        <translation>Состояние сейчас</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="632"/>
        <source>Attempts so far</source>
        <translation>Попыток</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="633"/>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="637"/>
        <source>Record the same for (safe or needs help; Ctrl+H ticks all):</source>
        <translation>Записать то же для (в безопасности или нужна помощь; Ctrl+H — отметить всех):</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="638"/>
        <source>Script, in the language of the call:</source>
        <translation>Текст для звонка на языке разговора:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="639"/>
        <source>&amp;Note:</source>
        <translation>&amp;Заметка:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="640"/>
        <source>What the person said (optional)</source>
        <translation>Что сказал человек (необязательно)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="645"/>
        <source>Press %1 (Ctrl+%1 while typing a note)</source>
        <translation>Нажмите %1 (Ctrl+%1, пока пишете заметку)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="646"/>
        <source>Esc  Skip</source>
        <translation>Esc  Пропустить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="647"/>
        <source>Pass over this person for now; they come back at the end</source>
        <translation>Пропустить этого человека пока; он вернётся в конце списка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="650"/>
        <source>Press 1 to 5 to record the outcome; the next person appears at once. In the note, the digits type: use Ctrl+1 to 5, or Ctrl+Enter for the highlighted outcome.</source>
        <translation>Нажмите 1–5, чтобы записать результат; следующий человек появится сразу. В заметке цифры печатаются: используйте Ctrl+1–5 или Ctrl+Enter для выделенного результата.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/call_bank.py" line="654"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>CampaignCriteria</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="280"/>
        <source>vulnerable only</source>
        <translation>только уязвимые</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="283"/>
        <source>not reached since %1</source>
        <translation>без связи с %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="288"/>
        <source>everyone</source>
        <translation>все</translation>
    </message>
</context>
<context>
    <name>CampaignLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="31"/>
        <source>Safe</source>
        <translation>В безопасности</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="32"/>
        <source>Needs help</source>
        <translation>Нужна помощь</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="33"/>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="34"/>
        <source>Wrong number</source>
        <translation>Неверный номер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="35"/>
        <source>Message left</source>
        <translation>Оставлено сообщение</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="42"/>
        <source>To call</source>
        <translation>Ждёт звонка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="43"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="44"/>
        <source>Follow-up</source>
        <translation>Повторный звонок</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="51"/>
        <source>Open</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/labels.py" line="52"/>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="222"/>
        <source>Welfare campaigns are worked by the staff who make the calls; the dashboard shows their progress.</source>
        <translation>Обзвоны ведут сотрудники, которые звонят; их ход виден на панели показателей.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="270"/>
        <source>Made %1 by %2</source>
        <translation>Создан %1, автор: %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="280"/>
        <source>No welfare campaign yet. An officer makes one with “New campaign”.</source>
        <translation>Обзвонов пока нет. Консул создаёт обзвон кнопкой «Новый обзвон».</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="328"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="338"/>
        <source>Follow-up list: %1</source>
        <translation>Список повторных звонков: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="390"/>
        <source>Making the call lists</source>
        <translation>Составляются списки обзвона</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="399"/>
        <source>Campaign “%1” made: %2 people to call.</source>
        <translation>Обзвон «%1» создан: позвонить %2 людям.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="465"/>
        <source>Calls moved to %1: %2.</source>
        <translation>Звонки переданы сотруднику %1: %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="482"/>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="490"/>
        <source>Close campaign</source>
        <translation>Закрыть обзвон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="483"/>
        <source>Close “%1”? Nobody can record calls on its lists after that.</source>
        <translation>Закрыть «%1»? После этого по его спискам нельзя будет записывать звонки.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="491"/>
        <source>Keep it open</source>
        <translation>Оставить открытым</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="501"/>
        <source>Campaign “%1” closed.</source>
        <translation>Обзвон «%1» закрыт.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="510"/>
        <source>Welfare campaigns</source>
        <translation>Обзвоны граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="511"/>
        <source>Show &amp;closed</source>
        <translation>Показать &amp;закрытые</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="512"/>
        <source>&amp;New campaign…</source>
        <translation>&amp;Новый обзвон…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="513"/>
        <source>&amp;Work my list</source>
        <translation>&amp;Мой список</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="514"/>
        <source>Open the call bank on your own list of the selected campaign</source>
        <translation>Открыть обзвон по вашему списку выбранной кампании</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="515"/>
        <source>&amp;Reassign…</source>
        <translation>&amp;Передать…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="516"/>
        <source>C&amp;lose campaign</source>
        <translation>За&amp;крыть обзвон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="517"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="520"/>
        <source>Campaign</source>
        <translation>Обзвон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="521"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="522"/>
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="523"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="524"/>
        <source>To call</source>
        <translation>Ждут звонка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="525"/>
        <source>Follow-up</source>
        <translation>Повторно</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="526"/>
        <source>Progress</source>
        <translation>Ход</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="527"/>
        <source>Who is called</source>
        <translation>Кому звоним</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="532"/>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="533"/>
        <source>Latin name</source>
        <translation>Латиницей</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="534"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="535"/>
        <source>Attempts</source>
        <translation>Попыток</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="537"/>
        <source>Last outcome</source>
        <translation>Последний результат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="536"/>
        <source>Welfare</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="537"/>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/view.py" line="543"/>
        <source>Off the call list after a third unanswered call or a wrong number. Enter opens the person&apos;s record.</source>
        <translation>Сняты со списка обзвона после третьего звонка без ответа или из-за неверного номера. Enter открывает карточку человека.</translation>
    </message>
</context>
<context>
    <name>CaseDraftDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="95"/>
        <source>Say what the citizen needs.</source>
        <translation>Укажите, что нужно гражданину.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="103"/>
        <source>Open an assistance case</source>
        <translation>Открыть дело о помощи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="105"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="105"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Приоритет:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="105"/>
        <source>&amp;Summary:</source>
        <translation>&amp;Суть:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="122"/>
        <source>Confirming records “needs help” and opens this case. Cancel records nothing.</source>
        <translation>Подтверждение запишет «нужна помощь» и откроет это дело. «Отмена» ничего не записывает.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/case_draft_dialog.py" line="124"/>
        <source>Record and &amp;open case</source>
        <translation>Записать и &amp;открыть дело</translation>
    </message>
</context>
<context>
    <name>NewCampaignDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="208"/>
        <source>Give the campaign a name.</source>
        <translation>Дайте обзвону название.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="213"/>
        <source>Tick at least one member of staff to make the calls.</source>
        <translation>Отметьте хотя бы одного сотрудника, который будет звонить.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="220"/>
        <source>New welfare campaign</source>
        <translation>Новый обзвон граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="221"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="222"/>
        <source>For example: Seoul, martial law, first round</source>
        <translation>Например: Сеул, военное положение, первый круг</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="223"/>
        <source>Who to call</source>
        <translation>Кому звонить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="226"/>
        <source>Regions</source>
        <translation>Регионы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="226"/>
        <source>Purpose of stay</source>
        <translation>Цель пребывания</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="226"/>
        <source>Welfare status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="240"/>
        <source>&amp;Vulnerable people only (a recorded vulnerability, children, the elderly)</source>
        <translation>&amp;Только уязвимые (записанная уязвимость, дети, пожилые)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="242"/>
        <source>Not &amp;reached since</source>
        <translation>&amp;Без связи с</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="245"/>
        <source>A list with nothing ticked does not narrow the campaign. Vulnerable people, children and the elderly are called first, then those without a contact for longest.</source>
        <translation>Список без отметок не сужает обзвон. Сначала звонят уязвимым, детям и пожилым, затем тем, с кем дольше всего не было связи.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="249"/>
        <source>Staff on duty</source>
        <translation>Дежурные сотрудники</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="255"/>
        <source>The people are split among the ticked staff; a household goes to one caller.</source>
        <translation>Люди делятся между отмеченными сотрудниками; одна семья достаётся одному сотруднику.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/new_campaign_dialog.py" line="257"/>
        <source>&amp;Create campaign</source>
        <translation>&amp;Создать обзвон</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="134"/>
        <source>Choose a campaign to see its progress.</source>
        <translation>Выберите обзвон, чтобы увидеть его ход.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="141"/>
        <source>%1 of %2 done · %3 still to call · %4 on the follow-up list</source>
        <translation>Готово %1 из %2 · осталось позвонить %3 · в списке повторных звонков %4</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="149"/>
        <source>%p% done</source>
        <translation>готово %p%</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="149"/>
        <source>Nobody matched the criteria</source>
        <translation>Под условия никто не подошёл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="167"/>
        <source>People by latest outcome</source>
        <translation>Люди по последнему результату</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="168"/>
        <source>Per member of staff</source>
        <translation>По сотрудникам</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="169"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="169"/>
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="171"/>
        <source>Staff</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="171"/>
        <source>Assigned</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="171"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/progress_panel.py" line="171"/>
        <source>Left</source>
        <translation>Осталось</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="170"/>
        <source>Choose from whom and to whom.</source>
        <translation>Выберите, от кого и кому.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="173"/>
        <source>Choose two different members of staff.</source>
        <translation>Выберите двух разных сотрудников.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="176"/>
        <source>Tick the people to move.</source>
        <translation>Отметьте, кого передать.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="181"/>
        <source>Reassign calls</source>
        <translation>Передать звонки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="182"/>
        <source>&amp;From:</source>
        <translation>&amp;От:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="183"/>
        <source>&amp;To:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="184"/>
        <source>The &amp;whole list still to call</source>
        <translation>&amp;Весь список, кому ещё не позвонили</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="185"/>
        <source>Only the &amp;people ticked below</source>
        <translation>&amp;Только отмеченных ниже</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/campaigns/reassign_dialog.py" line="186"/>
        <source>&amp;Move</source>
        <translation>&amp;Передать</translation>
    </message>
</context>
</TS>

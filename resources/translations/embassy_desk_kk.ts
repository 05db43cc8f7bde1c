<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="55"/>
        <source>Add a staff account</source>
        <translation>Қызметкердің тіркелгісін қосу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="62"/>
        <source>User name:</source>
        <translation>Пайдаланушы аты:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="63"/>
        <source>Full name:</source>
        <translation>Толық аты:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="64"/>
        <source>Role:</source>
        <translation>Рөлі:</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="131"/>
        <source>First administrator</source>
        <translation>Бірінші әкімші</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="132"/>
        <source>This person adds the other staff accounts and keeps the recovery code.</source>
        <translation>Бұл қызметкер басқалардың тіркелгілерін қосады және қалпына келтіру кодын сақтайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="134"/>
        <source>User names use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, for example a.nurlanova.</source>
        <translation>Пайдаланушы аты: әріптер, сандар, «.», «_» немесе «-», мысалы a.nurlanova.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="136"/>
        <source>&amp;User name:</source>
        <translation>&amp;Пайдаланушы аты:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="137"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Толық аты:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="143"/>
        <source>User name</source>
        <translation>Пайдаланушы аты</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/view.py" line="38"/>
        <source>Users and roles</source>
        <translation>Пайдаланушылар мен рөлдер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/view.py" line="39"/>
        <source>Workstation settings</source>
        <translation>Жұмыс орнының баптаулары</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/view.py" line="40"/>
        <source>Audit log</source>
        <translation>Аудит журналы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/view.py" line="41"/>
        <source>Backups</source>
        <translation>Сақтық көшірмелер</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="63"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="64"/>
        <source>When (UTC)</source>
        <translation>Қашан (UTC)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="65"/>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="66"/>
        <source>Action</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="67"/>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="68"/>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="71"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Жаңарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="72"/>
        <source>&amp;Verify chain</source>
        <translation>&amp;Тізбекті тексеру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="112"/>
        <source>The audit chain of %1 entries is intact.</source>
        <translation>%1 жазбадан тұратын аудит тізбегі бүтін.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="117"/>
        <source>The audit log was tampered with: %1</source>
        <translation>Аудит журналы өзгертілген: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Workstation set up</source>
        <translation>Жұмыс орны құрылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Signed in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Sign-in refused</source>
        <translation>Кіру қабылданбады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Locked</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Citizen registered</source>
        <translation>Азамат тіркелді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Citizen edited</source>
        <translation>Азамат жазбасы өзгертілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Citizen deleted</source>
        <translation>Азамат жазбасы жойылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Records merged</source>
        <translation>Жазбалар біріктірілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Marked as not a duplicate</source>
        <translation>Қайталану емес деп белгіленді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Household created</source>
        <translation>Отбасы құрылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Contact logged</source>
        <translation>Байланыс жазылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Assistance case opened</source>
        <translation>Өтініш ашылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Assistance case updated</source>
        <translation>Өтініш өзгертілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Notice issued</source>
        <translation>Хабарлама шығарылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Notices issued</source>
        <translation>Хабарламалар шығарылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Notice printed again</source>
        <translation>Хабарлама қайта басып шығарылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Notice cancelled</source>
        <translation>Хабарлама болдырылмады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Settings changed</source>
        <translation>Баптаулар өзгертілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Embassy details changed</source>
        <translation>Елшілік деректемелері өзгертілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Account added</source>
        <translation>Тіркелгі қосылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Account disabled</source>
        <translation>Тіркелгі өшірілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Account reopened</source>
        <translation>Тіркелгі қайта ашылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Passphrase changed</source>
        <translation>Құпия фраза өзгертілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Passphrase reset with the recovery code</source>
        <translation>Құпия фраза қалпына келтіру кодымен қайта орнатылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Remembered on this workstation</source>
        <translation>Осы жұмыс орнында есте сақталды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Forgotten by this workstation</source>
        <translation>Осы жұмыс орны ұмытты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Backup made</source>
        <translation>Сақтық көшірме жасалды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Backup restored</source>
        <translation>Сақтық көшірме қалпына келтірілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Integrity checked</source>
        <translation>Тұтастық тексерілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Data key changed</source>
        <translation>Деректер кілті ауыстырылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Data key change finished</source>
        <translation>Деректер кілтін ауыстыру аяқталды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Database upgraded</source>
        <translation>Дерекқор жаңартылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Audit log viewed</source>
        <translation>Аудит журналы қаралды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>citizen</source>
        <translation>азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>case</source>
        <translation>өтініш</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>account</source>
        <translation>тіркелгі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>notice</source>
        <translation>хабарлама</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>household</source>
        <translation>отбасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="42"/>
        <source>A backup is encrypted with the same key: the same passphrases and the recovery code open it. Keep backups on a removable disk stored apart from this computer.</source>
        <translation>Сақтық көшірме сол кілтпен шифрланған: оны сол құпия фразалар мен қалпына келтіру коды ашады. Көшірмелерді осы компьютерден бөлек, алынбалы дискіде сақтаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="46"/>
        <source>&amp;Create backup…</source>
        <translation>Сақтық көшірме &amp;жасау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="57"/>
        <source>Back up the workstation</source>
        <translation>Жұмыс орнының сақтық көшірмесі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="59"/>
        <source>Embassy Desk backups (*.edbk)</source>
        <translation>Embassy Desk сақтық көшірмелері (*.edbk)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="69"/>
        <source>Backing up</source>
        <translation>Сақтық көшірме жасалуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="80"/>
        <source>Backup written and verified: %1 (%2 citizens).</source>
        <translation>Сақтық көшірме жазылып, тексерілді: %1 (азаматтар: %2).</translation>
    </message>
</context>
<context>
    <name>CaseBoard</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/board.py" line="70"/>
        <source>nobody</source>
        <translation>ешкім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/board.py" line="73"/>
        <source>Owner: {owner}</source>
        <translation>Жауапты: {owner}</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="111"/>
        <source>Assistance case</source>
        <translation>Көмек туралы өтініш</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="115"/>
        <source>Citizen</source>
        <translation>Азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="116"/>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="117"/>
        <source>Opened</source>
        <translation>Ашылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="118"/>
        <source>Summary</source>
        <translation>Мәні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="119"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="120"/>
        <source>Priority</source>
        <translation>Басымдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="121"/>
        <source>Owner</source>
        <translation>Жауапты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="122"/>
        <source>Add a note</source>
        <translation>Жазба қосу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="127"/>
        <source>Timeline</source>
        <translation>Іс барысы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="128"/>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="128"/>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="128"/>
        <source>What</source>
        <translation>Не</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="129"/>
        <source>Save changes</source>
        <translation>Өзгерістерді сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="130"/>
        <source>Close case</source>
        <translation>Өтінішті жабу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="131"/>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="132"/>
        <source>Open citizen&apos;s record</source>
        <translation>Азаматтың картасын ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="133"/>
        <source>What happened, what was agreed, what is next</source>
        <translation>Не болды, не туралы келісілді, әрі қарай не</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="135"/>
        <source>Your role may view cases but not change them</source>
        <translation>Рөліңіз өтініштерді көруге рұқсат береді, бірақ өзгертуге емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="137"/>
        <source>Only officers and administrators may close a case</source>
        <translation>Өтінішті тек консулдық қызметкерлер мен әкімшілер жаба алады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="183"/>
        <source>— nobody</source>
        <translation>— ешкім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="198"/>
        <source>nobody</source>
        <translation>ешкім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="240"/>
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="259"/>
        <source>Nothing to save.</source>
        <translation>Сақтайтын ештеңе жоқ.</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="12"/>
        <source>Evacuation</source>
        <translation>Эвакуация</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="13"/>
        <source>Lost documents</source>
        <translation>Құжаттарды жоғалту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="14"/>
        <source>Medical</source>
        <translation>Медициналық көмек</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="15"/>
        <source>Detention</source>
        <translation>Ұстау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="16"/>
        <source>Financial</source>
        <translation>Қаржылық көмек</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="17"/>
        <source>Death</source>
        <translation>Қайтыс болу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="18"/>
        <source>Missing person</source>
        <translation>Хабарсыз кеткен адам</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="19"/>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="25"/>
        <source>Urgent</source>
        <translation>Шұғыл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="26"/>
        <source>High</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="27"/>
        <source>Normal</source>
        <translation>Қалыпты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="28"/>
        <source>Low</source>
        <translation>Төмен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="34"/>
        <source>Open</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="35"/>
        <source>In progress</source>
        <translation>Жұмыста</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="36"/>
        <source>Waiting</source>
        <translation>Күтуде</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="37"/>
        <source>Closed</source>
        <translation>Жабық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="44"/>
        <source>Opened</source>
        <translation>Ашылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="45"/>
        <source>Status changed to</source>
        <translation>Күйі өзгертілді:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="46"/>
        <source>Assigned to</source>
        <translation>Тағайындалды:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="47"/>
        <source>Priority changed to</source>
        <translation>Басымдық өзгертілді:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="48"/>
        <source>Note</source>
        <translation>Жазба</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="59"/>
        <source>Priority</source>
        <translation>Басымдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="60"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="61"/>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="62"/>
        <source>Citizen</source>
        <translation>Азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="63"/>
        <source>Owner</source>
        <translation>Жауапты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="64"/>
        <source>Opened</source>
        <translation>Ашылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="65"/>
        <source>Summary</source>
        <translation>Мәні</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="51"/>
        <source>Opened</source>
        <translation>Ашылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="52"/>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="53"/>
        <source>Priority</source>
        <translation>Басымдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="54"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="55"/>
        <source>Owner</source>
        <translation>Жауапты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="56"/>
        <source>Summary</source>
        <translation>Мәні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="59"/>
        <source>New case…</source>
        <translation>Жаңа өтініш…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="60"/>
        <source>Open case</source>
        <translation>Өтінішті ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="61"/>
        <source>No assistance case for this person.</source>
        <translation>Бұл адамның көмек туралы өтініштері жоқ.</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="121"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="121"/>
        <source>Priority</source>
        <translation>Басымдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="121"/>
        <source>Owner</source>
        <translation>Жауапты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="124"/>
        <location filename="../../embassy_desk/gui/cases/view.py" line="125"/>
        <source>All</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="127"/>
        <source>Anyone</source>
        <translation>Кез келген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="128"/>
        <source>Nobody</source>
        <translation>Ешкім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="129"/>
        <source>Me</source>
        <translation>Мен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="133"/>
        <source>List</source>
        <translation>Тізім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="134"/>
        <source>Board</source>
        <translation>Тақта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="135"/>
        <source>New case…</source>
        <translation>Жаңа өтініш…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="136"/>
        <source>Open</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="137"/>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="139"/>
        <source>Your role may view cases but not open them</source>
        <translation>Рөліңіз өтініштерді көруге рұқсат береді, бірақ ашуға емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="140"/>
        <source>No case matches these filters.</source>
        <translation>Бұл сүзгілерге сай өтініш жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="233"/>
        <source>Select a case first.</source>
        <translation>Алдымен өтінішті таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>CitizenForm</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="279"/>
        <source>Passport MRZ</source>
        <translation>Төлқұжаттың машинамен оқылатын аймағы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="280"/>
        <source>Identity</source>
        <translation>Жеке басы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="281"/>
        <source>Documents</source>
        <translation>Құжаттар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="282"/>
        <source>Stay and address</source>
        <translation>Болу және мекенжай</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="283"/>
        <source>Contacts</source>
        <translation>Байланыстар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="284"/>
        <source>Emergency contact at home</source>
        <translation>Елдегі төтенше жағдайдағы байланыс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="285"/>
        <source>Household</source>
        <translation>Отбасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="286"/>
        <source>Flags and consent</source>
        <translation>Белгілер және келісім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="287"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="310"/>
        <source>+82 10 1234 5678 or 010-1234-5678</source>
        <translation>+82 10 1234 5678 немесе 010-1234-5678</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="314"/>
        <source>service:handle; e.g. telegram:@name, kakao:id</source>
        <translation>сервис:атау; мысалы telegram:@name, kakao:id</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="315"/>
        <source>kk, ru, en, ko</source>
        <translation>kk, ru, en, ko</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="317"/>
        <source>A name for the family; members with the same name form one household</source>
        <translation>Отбасының атауы; атауы бірдей адамдар бір отбасы болады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="319"/>
        <source>+7 701 123 4567</source>
        <translation>+7 701 123 4567</translation>
    </message>
</context>
<context>
    <name>CitizenLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="38"/>
        <source>E-mail</source>
        <translation>Эл. пошта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="15"/>
        <source>Surname</source>
        <translation>Тегі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="16"/>
        <source>Given names</source>
        <translation>Аты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="17"/>
        <source>Patronymic</source>
        <translation>Әкесінің аты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="18"/>
        <source>Surname (Latin, as in passport)</source>
        <translation>Тегі (латынша, төлқұжаттағыдай)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="19"/>
        <source>Given names (Latin, as in passport)</source>
        <translation>Аты (латынша, төлқұжаттағыдай)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="22"/>
        <source>Sex</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="23"/>
        <source>Date of birth</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="24"/>
        <source>Place of birth</source>
        <translation>Туған жері</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="25"/>
        <source>National id (IIN)</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="26"/>
        <source>Passport number</source>
        <translation>Төлқұжат нөмірі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="27"/>
        <source>Passport issued</source>
        <translation>Төлқұжат берілген күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="28"/>
        <source>Passport expires</source>
        <translation>Төлқұжаттың жарамдылық мерзімі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="29"/>
        <source>Nationality (from MRZ)</source>
        <translation>Азаматтығы (MRZ бойынша)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="30"/>
        <source>Purpose of stay</source>
        <translation>Болу мақсаты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="31"/>
        <source>Arrival</source>
        <translation>Келген күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="32"/>
        <source>Planned departure</source>
        <translation>Жоспарланған кету күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="33"/>
        <source>Address</source>
        <translation>Мекенжай</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="34"/>
        <source>City</source>
        <translation>Қала</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="35"/>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="36"/>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="43"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="37"/>
        <source>Second phone</source>
        <translation>Екінші телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="39"/>
        <source>Messengers</source>
        <translation>Мессенджерлер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="40"/>
        <source>Languages</source>
        <translation>Тілдер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="41"/>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="42"/>
        <source>Relation</source>
        <translation>Туыстығы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="44"/>
        <source>Household</source>
        <translation>Отбасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="45"/>
        <source>Vulnerability</source>
        <translation>Осалдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="46"/>
        <source>Consent given on</source>
        <translation>Келісім берілген күн</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="47"/>
        <source>Consent given how</source>
        <translation>Келісім берілген тәсіл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="48"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="49"/>
        <source>Welfare</source>
        <translation>Жағдайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="50"/>
        <source>Notes</source>
        <translation>Ескертпелер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="57"/>
        <source>document number</source>
        <translation>құжат нөмірі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="58"/>
        <source>date of birth</source>
        <translation>туған күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="59"/>
        <source>expiry date</source>
        <translation>жарамдылық мерзімі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="60"/>
        <source>personal number</source>
        <translation>жеке нөмір</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="61"/>
        <source>whole zone (composite check digit)</source>
        <translation>бүкіл аймақ (жалпы бақылау саны)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="62"/>
        <source>name</source>
        <translation>аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="63"/>
        <source>sex</source>
        <translation>жынысы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="64"/>
        <source>nationality</source>
        <translation>азаматтығы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="65"/>
        <source>issuing state</source>
        <translation>берген мемлекет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="66"/>
        <source>document type</source>
        <translation>құжат түрі</translation>
    </message>
</context>
<context>
    <name>CitizenRecordDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="143"/>
        <source>New citizen</source>
        <translation>Жаңа азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="145"/>
        <source>Citizen: {name}</source>
        <translation>Азамат: {name}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="146"/>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="148"/>
        <source>Household</source>
        <translation>Отбасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="149"/>
        <source>Contact log</source>
        <translation>Байланыстар журналы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="150"/>
        <source>Cases</source>
        <translation>Өтініштер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="151"/>
        <source>Notices issued</source>
        <translation>Берілген хабарламалар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="152"/>
        <source>History</source>
        <translation>Тарих</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="157"/>
        <source>Log contact (Ctrl+L)</source>
        <translation>Байланысты жазу (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="158"/>
        <source>Print notice… (Ctrl+P)</source>
        <translation>Хабарламаны басып шығару… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="159"/>
        <source>Save (Ctrl+S)</source>
        <translation>Сақтау (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="160"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="163"/>
        <source>Your role may view records but not change them</source>
        <translation>Рөліңіз карталарды көруге рұқсат береді, бірақ өзгертуге емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="220"/>
        <source>Last contact: {when} (today)</source>
        <translation>Соңғы байланыс: {when} (бүгін)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="222"/>
        <source>Last contact: {when} ({days} days ago)</source>
        <translation>Соңғы байланыс: {when} ({days} күн бұрын)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="224"/>
        <source>No contact logged yet</source>
        <translation>Әзірге байланыс жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="226"/>
        <source>Welfare: {status}</source>
        <translation>Жағдайы: {status}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="281"/>
        <source>Your role may view records but not change them.</source>
        <translation>Рөліңіз карталарды көруге рұқсат береді, бірақ өзгертуге емес.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="296"/>
        <source>Registered.</source>
        <translation>Тіркелді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="303"/>
        <source>Nothing was changed.</source>
        <translation>Ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="317"/>
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="356"/>
        <source>Not saved: correct the fields marked below.</source>
        <translation>Сақталмады: төменде белгіленген өрістерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="386"/>
        <source>born {date}</source>
        <translation>туған күні {date}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="388"/>
        <source>passport {number}</source>
        <translation>төлқұжат {number}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="401"/>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="407"/>
        <source>Not saved; the form keeps what you typed.</source>
        <translation>Сақталмады; енгізілгені пішінде қалды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="421"/>
        <source>Saved, and remembered as a different person from the record shown.</source>
        <translation>Сақталды; көрсетілген жазбадағы адам емес екені есте сақталды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="442"/>
        <source>These two cannot be merged: {problem}</source>
        <translation>Бұл жазбаларды біріктіру мүмкін емес: {problem}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="447"/>
        <source>Merged: the existing record of {name} is kept and completed from what you typed.</source>
        <translation>Біріктірілді: {name} бұрыннан бар картасы сақталып, енгізілген деректермен толықтырылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="453"/>
        <source>Merged: this record is kept; the record of {name} was merged into it.</source>
        <translation>Біріктірілді: бұл карта сақталды, {name} картасы оған қосылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="495"/>
        <source>Save the record first, then log the contact.</source>
        <translation>Алдымен картаны сақтаңыз, содан кейін байланысты жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="498"/>
        <source>Your role may not log contacts.</source>
        <translation>Рөліңіз байланыстарды жазуға рұқсат бермейді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="508"/>
        <source>Save the record first, then print a notice.</source>
        <translation>Алдымен картаны сақтаңыз, содан кейін хабарламаны басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="511"/>
        <source>Your role may not issue notices.</source>
        <translation>Рөліңіз хабарлама беруге рұқсат бермейді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="540"/>
        <source>There are unsaved changes. Save them, or close again to discard them.</source>
        <translation>Сақталмаған өзгерістер бар. Оларды сақтаңыз немесе бас тарту үшін қайта жабыңыз.</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="43"/>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="44"/>
        <source>Channel</source>
        <translation>Арна</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="45"/>
        <source>Direction</source>
        <translation>Бағыты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="46"/>
        <source>Outcome</source>
        <translation>Нәтижесі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="47"/>
        <source>Welfare reported</source>
        <translation>Хабарланған жағдайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="48"/>
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="49"/>
        <source>Follow-up</source>
        <translation>Қайта байланыс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="50"/>
        <source>Note</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="53"/>
        <source>Log contact (Ctrl+L)</source>
        <translation>Байланысты жазу (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="54"/>
        <source>No contact logged yet.</source>
        <translation>Әзірге байланыс жоқ.</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="247"/>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="278"/>
        <source>Creating the workstation</source>
        <translation>Жұмыс орнын құру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="249"/>
        <source>Encrypting the new registry and tuning the key derivation to this computer.</source>
        <translation>Жаңа тізілімді шифрлау және кілт алуды осы компьютерге баптау.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="252"/>
        <source>The workstation is ready.</source>
        <translation>Жұмыс орны дайын.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="254"/>
        <source>Please wait; this takes a few seconds.</source>
        <translation>Күте тұрыңыз, бұл бірнеше секунд алады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="299"/>
        <source>The workstation could not be created; go back and try again.</source>
        <translation>Жұмыс орнын құру мүмкін болмады; артқа қайтып, қайталап көріңіз.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/date_field.py" line="63"/>
        <source>DD.MM.YYYY</source>
        <translation>КК.АА.ЖЖЖЖ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/date_field.py" line="64"/>
        <source>Pick a date</source>
        <translation>Күнді таңдаңыз</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="103"/>
        <source>same national id</source>
        <translation>ЖСН бірдей</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="104"/>
        <source>same passport number</source>
        <translation>төлқұжат нөмірі бірдей</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="105"/>
        <source>same name and date of birth</source>
        <translation>аты-жөні мен туған күні бірдей</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="110"/>
        <source>Possible duplicate</source>
        <translation>Ықтимал қайталама</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="112"/>
        <source>This person may already be registered. Nothing has been saved yet.</source>
        <translation>Бұл адам бұрын тіркелген болуы мүмкін. Әзірге ештеңе сақталған жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="114"/>
        <source>After this change the record looks like another registered person.</source>
        <translation>Бұл өзгерістен кейін карта басқа тіркелген адамға ұқсайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="121"/>
        <source>Open the existing record</source>
        <translation>Бар картаны ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="122"/>
        <source>Merge</source>
        <translation>Біріктіру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="123"/>
        <source>Not a duplicate: save</source>
        <translation>Қайталама емес: сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="124"/>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="126"/>
        <source>Only officers and administrators may merge records</source>
        <translation>Карталарды тек консулдық қызметкерлер мен әкімшілер біріктіре алады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="132"/>
        <source>Merge keeps the record you are editing; empty fields are filled from {name}, whose contacts and cases move here, and that record is removed.</source>
        <translation>Біріктіргенде өңделіп жатқан карта қалады; бос өрістер {name} картасынан толтырылады, оның байланыстары мен өтініштері осында көшеді, ал ол карта жойылады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="137"/>
        <source>Merge keeps the existing record of {name}; its empty fields are filled from what you typed, and no second record is created.</source>
        <translation>Біріктіргенде {name} бұрыннан бар картасы қалады; оның бос өрістері енгізілген деректермен толтырылады, екінші карта құрылмайды.</translation>
    </message>
</context>
<context>
    <name>EmbassyDetailsDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="84"/>
        <source>Embassy details on notices</source>
        <translation>Хабарламалардағы елшілік деректері</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="87"/>
        <source>How notices name and reach the embassy, in each language they are printed in. Empty fields use the workstation&apos;s post details.</source>
        <translation>Хабарламаларда елшіліктің атауы және онымен байланысу тәсілі, әр басып шығару тілінде. Бос өрістер осы жұмыс орнының мекеме деректерінен алынады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="92"/>
        <source>Name:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="93"/>
        <source>Address:</source>
        <translation>Мекенжай:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="94"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="95"/>
        <source>Hotline:</source>
        <translation>Жедел желі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="96"/>
        <source>E-mail:</source>
        <translation>Эл. пошта:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="103"/>
        <source>Only an administrator may change these details.</source>
        <translation>Бұл деректерді тек әкімші өзгерте алады.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="46"/>
        <source>How should %1 be imported?</source>
        <translation>%1 қалай импортталсын?</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="48"/>
        <source>Import the good rows: rows with problems are not imported; they are written, each with its reason, to a file beside this one, to be corrected and imported. All or nothing: nothing is imported unless every row is good.</source>
        <translation>Дұрыс жолдарды импорттау: қатесі бар жолдар импортталмайды; олар әрқайсысы себебімен осы файлдың жанындағы файлға жазылады, оларды түзетіп, импорттауға болады. Бәрі немесе ештеңе: барлық жол дұрыс болмаса, ештеңе импортталмайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="54"/>
        <source>Import the good rows</source>
        <translation>Дұрыс жолдарды импорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="55"/>
        <source>All or nothing</source>
        <translation>Бәрі немесе ештеңе</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="31"/>
        <source>Import citizens</source>
        <translation>Азаматтарды импорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="33"/>
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Кестелер (*.csv *.xlsx *.txt);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="42"/>
        <source>Importing citizens</source>
        <translation>Азаматтар импортталуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="55"/>
        <source>Export citizens</source>
        <translation>Азаматтарды экспорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="57"/>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel кітабы (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="70"/>
        <source>Exporting citizens</source>
        <translation>Азаматтар экспортталуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="76"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="77"/>
        <source>%1 citizens written to %2.</source>
        <translation>%1 азамат %2 файлына жазылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="86"/>
        <source>Back up the workstation</source>
        <translation>Жұмыс орнының сақтық көшірмесі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="88"/>
        <source>Embassy Desk backups (*.edbk)</source>
        <translation>Embassy Desk сақтық көшірмелері (*.edbk)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="98"/>
        <source>Backing up</source>
        <translation>Сақтық көшірме жасалуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="104"/>
        <source>Backup</source>
        <translation>Сақтық көшірме</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="105"/>
        <source>Backup written and verified: %1</source>
        <translation>Сақтық көшірме жазылып, тексерілді: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="79"/>
        <source>&amp;Region:</source>
        <translation>&amp;Өңір:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="80"/>
        <source>&amp;Status:</source>
        <translation>&amp;Күйі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="81"/>
        <source>&amp;Welfare:</source>
        <translation>&amp;Жағдайы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="82"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Мақсаты:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="83"/>
        <source>V&amp;ulnerability:</source>
        <translation>&amp;Осалдық:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="87"/>
        <source>All</source>
        <translation>Барлығы</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Nothing is due tomorrow.</source>
        <translation>Ертеңге ештеңе жоспарланбаған.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Nothing is overdue or due this week.</source>
        <translation>Мерзімі өткендер жоқ, осы аптаға да ештеңе жоспарланбаған.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Nothing is due from %1 to %2.</source>
        <translation>%1 мен %2 аралығында ештеңе жоспарланбаған.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Nothing is due today and nothing is overdue.</source>
        <translation>Бүгінге ештеңе жоспарланбаған, мерзімі өткендер жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>The next follow-up is on %1: %2.</source>
        <translation>Келесі қайта байланыс — %1: %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Follow-ups due tomorrow</source>
        <translation>Ертеңгі қайта байланыстар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Follow-ups overdue and due this week</source>
        <translation>Мерзімі өткен және осы аптадағы қайта байланыстар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Follow-ups due on the chosen days</source>
        <translation>Таңдалған күндердегі қайта байланыстар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Today and overdue</source>
        <translation>Бүгін және мерзімі өткендер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Tomorrow</source>
        <translation>Ертең</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>This week</source>
        <translation>Осы апта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Chosen days…</source>
        <translation>Күндерді таңдау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>&amp;Show:</source>
        <translation>&amp;Көрсету:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>From</source>
        <translation>Бастап</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>To</source>
        <translation>Дейін</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="173"/>
        <source>Overdue</source>
        <translation>Мерзімі өткен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="184"/>
        <source>Follow-ups due today and overdue</source>
        <translation>Бүгінгі және мерзімі өткен қайта байланыстар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="185"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Жаңарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="186"/>
        <source>&amp;Log contact</source>
        <translation>Байланысты &amp;жазу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="187"/>
        <source>Log the call with the selected citizen (Ctrl+L, then a number)</source>
        <translation>Таңдалған азаматқа қоңырауды жазу (Ctrl+L, содан кейін сан)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="188"/>
        <source>Log contact</source>
        <translation>Байланысты жазу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="189"/>
        <source>Nothing is due.</source>
        <translation>Жоспарланған байланыс жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Due</source>
        <translation>Мерзімі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Last outcome</source>
        <translation>Соңғы нәтиже</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Note</source>
        <translation>Жазба</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="39"/>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="39"/>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="39"/>
        <source>What</source>
        <translation>Не</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="39"/>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="40"/>
        <source>No history recorded.</source>
        <translation>Тарих бос.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="59"/>
        <source>Registered by import</source>
        <translation>Импорт арқылы тіркелді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="61"/>
        <source>Registered</source>
        <translation>Тіркелді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="62"/>
        <source>Edited</source>
        <translation>Өзгертілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="63"/>
        <source>Merged with another record</source>
        <translation>Басқа картамен біріктірілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="64"/>
        <source>Marked as not a duplicate</source>
        <translation>Қайталама емес деп белгіленді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="65"/>
        <source>Contact logged</source>
        <translation>Байланыс жазылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="66"/>
        <source>Assistance case opened</source>
        <translation>Көмек туралы өтініш ашылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="67"/>
        <source>Assistance case updated</source>
        <translation>Көмек туралы өтініш жаңартылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="68"/>
        <source>Deleted</source>
        <translation>Жойылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="76"/>
        <source>Changed: {fields}</source>
        <translation>Өзгертілді: {fields}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="78"/>
        <source>Saved although it looked like a duplicate</source>
        <translation>Қайталамаға ұқсаса да сақталды</translation>
    </message>
</context>
<context>
    <name>HouseholdTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="48"/>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="48"/>
        <source>Date of birth</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="48"/>
        <source>Head</source>
        <translation>Отағасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="49"/>
        <source>Open member&apos;s record</source>
        <translation>Отбасы мүшесінің картасын ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="50"/>
        <source>Register a new member…</source>
        <translation>Жаңа отбасы мүшесін тіркеу…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="52"/>
        <source>Not in a household. Type a household name in the Details tab to join or start one.</source>
        <translation>Отбасына кірмейді. Қосылу немесе жаңасын құру үшін «Толығырақ» қойындысында отбасы атауын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="80"/>
        <source>Household: {name}</source>
        <translation>Отбасы: {name}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="85"/>
        <source>{name} (this record)</source>
        <translation>{name} (осы карта)</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="30"/>
        <source>Nothing was imported: every row must be good (all or nothing). Good rows: %1. Rejected rows: %2.</source>
        <translation>Ештеңе импортталған жоқ: барлық жол дұрыс болуы керек (бәрі немесе ештеңе). Дұрыс жолдар: %1. Қабылданбаған жолдар: %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="42"/>
        <source>They are in %1 beside the file, each with its reason: correct them there and import that file. It holds personal data and only you can read it; delete it when done.</source>
        <translation>Олар бастапқы файлдың жанындағы %1 файлына әрқайсысы себебімен жазылды: оларды сонда түзетіп, сол файлды импорттаңыз. Онда жеке деректер бар және оны тек сіз оқи аласыз; жұмыс біткен соң оны өшіріңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="25"/>
        <source>Import report</source>
        <translation>Импорт есебі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="27"/>
        <source>Imported: %1. Rejected rows: %2.</source>
        <translation>Импортталды: %1. Қабылданбаған жолдар: %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="31"/>
        <source>Nothing was imported from the rejected rows; correct them and import them again.</source>
        <translation>Қабылданбаған жолдар импортталған жоқ; оларды түзетіп, қайта импорттаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="35"/>
        <source>Row</source>
        <translation>Жол</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="35"/>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>Unsaved changes are open. This workstation locks as soon as they are saved or discarded; if nobody does, they are discarded at the next idle timeout.</source>
        <translation>Сақталмаған өзгерістер бар. Жұмыс орны олар сақталған немесе бас тартылған сәтте құлыпталады; ешкім мұны жасамаса, келесі әрекетсіздік кезінде олардан бас тартылады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>There are unsaved changes in &quot;{title}&quot;. Save them before locking?</source>
        <translation>«{title}» терезесінде сақталмаған өзгерістер бар. Құлыптау алдында оларды сақтау керек пе?</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>There are unsaved changes in &quot;{title}&quot;. Save them before quitting?</source>
        <translation>«{title}» терезесінде сақталмаған өзгерістер бар. Шығу алдында оларды сақтау керек пе?</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="176"/>
        <source>Embassy Desk</source>
        <translation>Embassy Desk</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="180"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="181"/>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="182"/>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="183"/>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="184"/>
        <source>&amp;Import citizens…</source>
        <translation>Азаматтарды &amp;импорттау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="185"/>
        <source>&amp;Export citizens…</source>
        <translation>Азаматтарды &amp;экспорттау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="186"/>
        <source>&amp;Backup…</source>
        <translation>&amp;Сақтық көшірме…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="187"/>
        <source>&amp;Lock</source>
        <translation>&amp;Құлыптау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="188"/>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="189"/>
        <source>&amp;About Embassy Desk</source>
        <translation>Embassy Desk &amp;туралы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="206"/>
        <source>About Embassy Desk</source>
        <translation>Embassy Desk туралы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="207"/>
        <source>Embassy Desk %1
The consular registry of an embassy, encrypted and offline.</source>
        <translation>Embassy Desk %1
Елшіліктің консулдық тізілімі: шифрланған, желісіз жұмыс істейді.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../embassy_desk/gui/registry/messages.py" line="14"/>
        <source>Not allowed</source>
        <translation>Рұқсат жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/messages.py" line="15"/>
        <source>Your role does not allow this.</source>
        <translation>Рөліңіз бұған рұқсат бермейді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/messages.py" line="17"/>
        <source>Could not do that</source>
        <translation>Орындау мүмкін болмады</translation>
    </message>
</context>
<context>
    <name>MrzInput</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="72"/>
        <source>Type, paste or scan the 2 or 3 lines of the passport&apos;s MRZ</source>
        <translation>Төлқұжаттың MRZ 2 немесе 3 жолын енгізіңіз, қойыңыз немесе сканерлеңіз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="133"/>
        <source>The check digit of the {part} is wrong: {detail}.</source>
        <translation>Бақылау саны қате ({part}): {detail}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="135"/>
        <source>The MRZ cannot be read ({part}): {detail}.</source>
        <translation>MRZ оқылмайды ({part}): {detail}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="139"/>
        <source>MRZ read: the form was filled from it.</source>
        <translation>MRZ оқылды: пішін толтырылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="144"/>
        <source>Characters per line so far: {counts}</source>
        <translation>Жолдағы таңбалар саны: {counts}</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="101"/>
        <source>New assistance case</source>
        <translation>Көмек туралы жаңа өтініш</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="104"/>
        <source>Citizen</source>
        <translation>Азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="104"/>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="104"/>
        <source>Priority</source>
        <translation>Басымдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="104"/>
        <source>Summary</source>
        <translation>Мәні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="108"/>
        <source>Find the citizen: name, passport, IIN or phone</source>
        <translation>Азаматты табыңыз: аты-жөні, төлқұжат, ЖСН немесе телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="110"/>
        <source>No citizen chosen yet</source>
        <translation>Азамат әлі таңдалмаған</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="111"/>
        <source>What does the citizen need?</source>
        <translation>Азаматқа не қажет?</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="121"/>
        <source>Open case</source>
        <translation>Өтінішті ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="122"/>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="158"/>
        <source>Choose the citizen first.</source>
        <translation>Алдымен азаматты таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="170"/>
        <source>Say what the citizen needs.</source>
        <translation>Азаматқа не қажет екенін көрсетіңіз.</translation>
    </message>
</context>
<context>
    <name>NoticeDelivery</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="93"/>
        <source>Print notice</source>
        <translation>Хабарламаны басып шығару</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="109"/>
        <source>Printing notices</source>
        <translation>Хабарламалар басылуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="116"/>
        <source>Issued {count} notice(s), {references}, and sent {pages} page(s) to {printer}.</source>
        <translation>{count} хабарлама берілді ({references}); басып шығаруға {pages} бет жіберілді ({printer}).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="120"/>
        <source>the printer</source>
        <translation>принтер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="127"/>
        <source>Printing was cancelled. The notice(s) {references} stay recorded as issued; print them again from the record&apos;s notices.</source>
        <translation>Басып шығару тоқтатылды. {references} хабарламалары берілген ретінде жазылып қалды; оларды картадағы хабарламалардан қайта басып шығарыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="131"/>
        <source>Cancelled: no notice was issued.</source>
        <translation>Тоқтатылды: хабарлама берілген жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="155"/>
        <source>Folder for the notices (one PDF each)</source>
        <translation>Хабарламаларға арналған қалта (әрқайсысына бір PDF)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="195"/>
        <source>Issuing notices</source>
        <translation>Хабарламалар берілуде</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="198"/>
        <source>Cancelled: no notice was issued and no file was written.</source>
        <translation>Тоқтатылды: хабарлама берілмеді, файл жазылмады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="204"/>
        <source>one PDF per person in {folder}</source>
        <translation>{folder} қалтасында әр адамға бір PDF</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="209"/>
        <source>Issued {count} notice(s) ({pages} page(s)), {references}, saved to {where}.</source>
        <translation>{count} хабарлама берілді ({pages} бет), {references}; сақталды: {where}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="222"/>
        <source>Save notice as PDF</source>
        <translation>Хабарламаны PDF ретінде сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="222"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="235"/>
        <source>Notices</source>
        <translation>Хабарламалар</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="1"/>
        <source>Write a text in each language of the notice: every page prints only its own language's text. Other fields are printed the same in every language.</source>
        <translation>Мәтінді хабарламаның әр тілінде жазыңыз: әр бетте тек өз тіліндегі мәтін басылады. Қалған өрістер барлық тілде бірдей басылады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="66"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Түрі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="68"/>
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="70"/>
        <source>&amp;Translation:</source>
        <translation>&amp;Аудармасы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="72"/>
        <source>&amp;Paper:</source>
        <translation>&amp;Қағаз:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="80"/>
        <source>None</source>
        <translation>Жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="81"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="82"/>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="84"/>
        <source>The main language of the notice; the translation follows it (cards: on the back)</source>
        <translation>Хабарламаның негізгі тілі; аудармасы одан кейін (карточкаларда — сыртында)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="146"/>
        <source>Fill in {fields} first.</source>
        <translation>Алдымен толтырыңыз: {fields}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="188"/>
        <source>If left empty: {text}</source>
        <translation>Бос қалдырылса: {text}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="188"/>
        <source>Required</source>
        <translation>Міндетті</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="193"/>
        <source>Cards print the language on the front and the translation on the back.</source>
        <translation>Карточкаларда тіл алдыңғы жағында, аудармасы сыртында басылады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="197"/>
        <source>Fields below are printed the same in every language of the notice.</source>
        <translation>Төмендегі өрістер хабарламаның барлық тілінде бірдей басылады.</translation>
    </message>
</context>
<context>
    <name>NoticeLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="28"/>
        <source>Advisory notice</source>
        <translation>Ақпараттық хабарлама</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="29"/>
        <source>Welfare letter</source>
        <translation>Жағдай туралы хат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="30"/>
        <source>Appointment letter</source>
        <translation>Қабылдауға жазылу туралы хат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="31"/>
        <source>Document ready letter</source>
        <translation>Құжаттың дайын екені туралы хат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="32"/>
        <source>Emergency contact card</source>
        <translation>Төтенше байланыс карточкасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="33"/>
        <source>Registration certificate</source>
        <translation>Консулдық есепке алу туралы анықтама</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="34"/>
        <source>Evacuation boarding notice</source>
        <translation>Эвакуациялық рейске отырғызу туралы хабарлама</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="35"/>
        <source>Recovery sheet</source>
        <translation>Қалпына келтіру парағы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="45"/>
        <source>Each citizen's own language</source>
        <translation>Әр азаматтың өз тілі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="52"/>
        <source>Situation</source>
        <translation>Жағдай</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="53"/>
        <source>Appointment date</source>
        <translation>Қабылдау күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="54"/>
        <source>Appointment time</source>
        <translation>Қабылдау уақыты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="55"/>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="56"/>
        <source>Purpose</source>
        <translation>Мақсаты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="57"/>
        <source>Document</source>
        <translation>Құжат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="58"/>
        <source>Flight</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="59"/>
        <source>Flight date</source>
        <translation>Рейс күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="60"/>
        <source>Departure airport</source>
        <translation>Ұшу әуежайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="61"/>
        <source>Assembly point</source>
        <translation>Жиналу орны</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="62"/>
        <source>Assembly time</source>
        <translation>Жиналу уақыты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="63"/>
        <source>Seat</source>
        <translation>Ұшақтағы орын</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="64"/>
        <source>Recovery code</source>
        <translation>Қалпына келтіру коды</translation>
    </message>
</context>
<context>
    <name>NoticePreview</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview_worker.py" line="55"/>
        <source>The preview could not be made; see the log.</source>
        <translation>Алдын ала қарау жасалмады; журналды қараңыз.</translation>
    </message>
</context>
<context>
    <name>NoticesTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>Issued</source>
        <translation>Берілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>Reference</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="168"/>
        <source>No notice has been issued to this person.</source>
        <translation>Бұл адамға хабарлама берілмеген.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="82"/>
        <source>&amp;Print again…</source>
        <translation>Қайта &amp;басып шығару…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="83"/>
        <source>Save again as P&amp;DF…</source>
        <translation>Қайта P&amp;DF ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="104"/>
        <source>Print notice again</source>
        <translation>Хабарламаны қайта басып шығару</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="119"/>
        <source>Printing notice again</source>
        <translation>Хабарлама қайта басылуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="122"/>
        <source>Notice {reference} printed again ({pages} page(s)).</source>
        <translation>{reference} хабарламасы қайта басылды ({pages} бет).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="135"/>
        <source>Save notice again as PDF</source>
        <translation>Хабарламаны қайта PDF ретінде сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="135"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="150"/>
        <source>Saving notice again</source>
        <translation>Хабарлама қайта сақталуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="153"/>
        <source>Notice {reference} saved again to {path}.</source>
        <translation>{reference} хабарламасы {path} файлына қайта сақталды.</translation>
    </message>
</context>
<context>
    <name>NoticesView</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="130"/>
        <source>Notice</source>
        <translation>Хабарлама</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="131"/>
        <source>For</source>
        <translation>Кімге</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="132"/>
        <source>One PDF file per &amp;person</source>
        <translation>Әр &amp;адамға бөлек PDF</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="133"/>
        <source>Files are named by reference number, never by name</source>
        <translation>Файлдар аты-жөнімен емес, нөмірмен аталады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="134"/>
        <source>&amp;Print…</source>
        <translation>&amp;Басып шығару…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="135"/>
        <source>Issue the notice and print it (Ctrl+P)</source>
        <translation>Хабарламаны беріп, басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="136"/>
        <source>Save as P&amp;DF…</source>
        <translation>P&amp;DF ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="137"/>
        <source>Issue the notice and save it as a PDF file (Ctrl+Shift+S)</source>
        <translation>Хабарламаны беріп, PDF ретінде сақтау (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="138"/>
        <source>&amp;Embassy details…</source>
        <translation>&amp;Елшілік деректері…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="139"/>
        <source>How notices name and reach the embassy</source>
        <translation>Хабарламаларда елшіліктің атауы және онымен байланысу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="142"/>
        <source>Your role may see notices but not issue them</source>
        <translation>Рөліңіз хабарламаларды көруге рұқсат береді, бірақ беруге емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="145"/>
        <source>Notices for a region, a status or everyone are issued by officers</source>
        <translation>Өңірге, күйге немесе барлығына арналған хабарламаларды консулдық қызметкерлер береді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="197"/>
        <source>Issue for the selection…</source>
        <translation>Іріктемеге беру…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/notices/view.py" line="199"/>
        <source>Issue for %n citizen(s)…</source>
        <translation>
            <numerusform>%n азаматқа беру…</numerusform>
            <numerusform>%n азаматқа беру…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/notices/view.py" line="209"/>
        <source>Preview of the first of %n notice(s); each citizen gets their own.</source>
        <translation>
            <numerusform>%n хабарламаның біріншісін алдын ала қарау; әр азамат өзінікін алады.</numerusform>
            <numerusform>%n хабарламаның біріншісін алдын ала қарау; әр азамат өзінікін алады.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="226"/>
        <source>Pick a citizen to see the notice.</source>
        <translation>Хабарламаны көру үшін азаматты таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="232"/>
        <source>Counting the citizens of the selection…</source>
        <translation>Іріктемедегі азаматтар саналуда…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="236"/>
        <source>No citizen matches this selection.</source>
        <translation>Бұл іріктемеге сай азамат жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="259"/>
        <source>Wait for the notices being issued to finish.</source>
        <translation>Хабарламаларды беру аяқталғанша күтіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="268"/>
        <source>Pick the citizen the notice is for first.</source>
        <translation>Алдымен хабарлама арналған азаматты таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="88"/>
        <source>New passphrase for %1</source>
        <translation>%1 үшін жаңа құпия фраза</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="29"/>
        <source>Passphrase:</source>
        <translation>Құпия фраза:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="30"/>
        <source>Repeat it:</source>
        <translation>Қайталаңыз:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="42"/>
        <source>The two passphrases are not the same.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="171"/>
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="173"/>
        <source>The passphrase unlocks the encrypted registry. Nobody can recover it for you.</source>
        <translation>Құпия фраза шифрланған тізілімді ашады. Оны сіз үшін ешкім қалпына келтіре алмайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="177"/>
        <source>At least 12 characters; a few unrelated words make a good passphrase. Common passwords, one character repeated, sequences such as 1234 or qwerty, and your user name are refused.</source>
        <translation>Кемінде 12 таңба; жақсы құпия фраза — бір-бірімен байланыссыз бірнеше сөз. Кең таралған парольдер, бір таңбаның қайталануы, 1234 немесе qwerty сияқты тізбектер және пайдаланушы атыңыз қабылданбайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="181"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Құпия фраза:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="182"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Қайталаңыз:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="192"/>
        <source>The two passphrases are not the same.</source>
        <translation>Құпия фразалар сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="198"/>
        <source>weak</source>
        <translation>әлсіз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="198"/>
        <source>fair</source>
        <translation>орташа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="198"/>
        <source>strong</source>
        <translation>берік</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="200"/>
        <source>Strength: %1</source>
        <translation>Беріктігі: %1</translation>
    </message>
</context>
<context>
    <name>PostPage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="79"/>
        <source>Your post</source>
        <translation>Сіздің мекемеңіз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="82"/>
        <source>The embassy or consulate this workstation belongs to; its details appear on printed notices.</source>
        <translation>Осы жұмыс орны тиесілі елшілік немесе консулдық; оның деректері басып шығарылатын хабарламаларда көрсетіледі.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="86"/>
        <source>&amp;Name of the post:</source>
        <translation>Мекеменің &amp;атауы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="87"/>
        <source>&amp;Home country (ISO code):</source>
        <translation>&amp;Мекеме елі (ISO коды):</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="88"/>
        <source>H&amp;ost country (ISO code):</source>
        <translation>&amp;Болу елі (ISO коды):</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="89"/>
        <source>&amp;City:</source>
        <translation>&amp;Қала:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="90"/>
        <source>&amp;Address:</source>
        <translation>&amp;Мекенжай:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="91"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="92"/>
        <source>Hot&amp;line:</source>
        <translation>&amp;Жедел желі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="93"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. пошта:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="97"/>
        <source>Embassy of the Republic of Kazakhstan in …</source>
        <translation>Қазақстан Республикасының … елшілігі</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="51"/>
        <source>◀ Previous page</source>
        <translation>◀ Алдыңғы бет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="52"/>
        <source>Next page ▶</source>
        <translation>Келесі бет ▶</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="53"/>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="54"/>
        <source>Page Down</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="125"/>
        <source>Page {page} of {pages}</source>
        <translation>{pages} беттің {page}-беті</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="127"/>
        <source>No preview</source>
        <translation>Алдын ала қарау жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="129"/>
        <source>{position} · updating…</source>
        <translation>{position} · жаңартылуда…</translation>
    </message>
</context>
<context>
    <name>PrintNoticeDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="91"/>
        <source>Print notice</source>
        <translation>Хабарламаны басып шығару</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="93"/>
        <source>For: {name}</source>
        <translation>Кімге: {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="96"/>
        <source>For %n selected citizen(s); each gets their own notice.</source>
        <translation>
            <numerusform>%n таңдалған азаматқа; әрқайсысы өз хабарламасын алады.</numerusform>
            <numerusform>%n таңдалған азаматқа; әрқайсысы өз хабарламасын алады.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="98"/>
        <source>&amp;Print…</source>
        <translation>&amp;Басып шығару…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="99"/>
        <source>Issue the notice and print it (Ctrl+P)</source>
        <translation>Хабарламаны беріп, басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="100"/>
        <source>Save as P&amp;DF…</source>
        <translation>P&amp;DF ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="101"/>
        <source>Issue the notice and save it as a PDF file (Ctrl+Shift+S)</source>
        <translation>Хабарламаны беріп, PDF ретінде сақтау (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="102"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="104"/>
        <source>Your role may see notices but not issue them.</source>
        <translation>Рөліңіз хабарламаларды көруге рұқсат береді, бірақ беруге емес.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="115"/>
        <source>No citizen was picked.</source>
        <translation>Азамат таңдалмады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="133"/>
        <source>Wait for the notice being issued to finish.</source>
        <translation>Хабарламаны беру аяқталғанша күтіңіз.</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="1"/>
        <source>No answer or busy: &amp;retry in</source>
        <translation>Жауап жоқ не бос емес: &amp;қайта қоңырау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="1"/>
        <source> h</source>
        <translation> сағ. кейін</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="1"/>
        <source>no retry</source>
        <translation>қайталамау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="230"/>
        <source>welfare: %1</source>
        <translation>жағдайы: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="232"/>
        <source>follow up on %1</source>
        <translation>қайта байланысу күні %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="233"/>
        <source>Contact with %1 logged: %2</source>
        <translation>%1 — байланыс жазылды: %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="221"/>
        <source>Log a contact</source>
        <translation>Байланысты жазу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="224"/>
        <source>No citizen selected</source>
        <translation>Азамат таңдалмаған</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="233"/>
        <source>No phone number on record</source>
        <translation>Картада телефон жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="236"/>
        <source>Welfare now: %1</source>
        <translation>Қазіргі жағдайы: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="247"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Арна:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="248"/>
        <source>&amp;Welfare if reached:</source>
        <translation>Байланысқа шықса, &amp;жағдайы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="249"/>
        <source>&amp;Follow up on</source>
        <translation>&amp;Қайта байланысу күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="250"/>
        <source>Note (optional)</source>
        <translation>Жазба (міндетті емес)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="253"/>
        <source>Press a number to log that outcome at once. In the note, Ctrl+Enter logs the highlighted one.</source>
        <translation>Сол нәтижені бірден жазу үшін санды басыңыз. Жазбада Ctrl+Enter белгіленгенін жазады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="257"/>
        <source>&amp;Log</source>
        <translation>&amp;Жазу</translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="175"/>
        <source>V&amp;ulnerability:</source>
        <translation>&amp;Осалдық:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="176"/>
        <source>Any</source>
        <translation>Кез келген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="181"/>
        <source>Not &amp;reached since</source>
        <translation>&amp;Мына күннен бері байланыс болмаған:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="238"/>
        <source>not reached since %1</source>
        <translation>%1 бері байланыс жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="151"/>
        <source>One &amp;citizen</source>
        <translation>Бір &amp;азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="152"/>
        <source>A &amp;selection of citizens</source>
        <translation>Азаматтар &amp;іріктемесі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="153"/>
        <source>&amp;No one in particular (a general notice)</source>
        <translation>&amp;Нақты адамға емес (жалпы хабарлама)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="154"/>
        <source>Search by name, passport, IIN or phone</source>
        <translation>Аты-жөні, төлқұжат, ЖСН немесе телефон бойынша іздеу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="155"/>
        <source>&amp;Region:</source>
        <translation>&amp;Өңір:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="156"/>
        <source>&amp;Welfare status:</source>
        <translation>&amp;Жағдайы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="157"/>
        <source>Any region</source>
        <translation>Кез келген өңір</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="159"/>
        <source>Any status</source>
        <translation>Кез келген күй</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="164"/>
        <source>One notice addressed to no one by name (&quot;Dear compatriots&quot;), to print and post.</source>
        <translation>Ешкімге атап жазылмаған бір хабарлама («Құрметті отандастар»), басып шығарып, ілуге арналған.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="222"/>
        <source>every citizen on the register</source>
        <translation>есептегі барлық азаматтар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="274"/>
        <source>For: {name}</source>
        <translation>Кімге: {name}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="276"/>
        <source>Search, then pick the citizen in the list.</source>
        <translation>Іздеп, тізімнен азаматты таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="302"/>
        <source>Counting citizens</source>
        <translation>Азаматтар саналуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="317"/>
        <source>Counting…</source>
        <translation>Саналуда…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="319"/>
        <source>%n citizen(s)</source>
        <translation>
            <numerusform>%n азамат</numerusform>
            <numerusform>%n азамат</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="1"/>
        <source>The recovery sheet was saved to {path}. Print it, then delete the file.</source>
        <translation>Қалпына келтіру парағы {path} ішіне сақталды. Оны басып шығарыңыз, содан кейін файлды жойыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="1"/>
        <source>The recovery sheet was sent to the printer.</source>
        <translation>Қалпына келтіру парағы принтерге жіберілді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="346"/>
        <source>Recovery code</source>
        <translation>Қалпына келтіру коды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="347"/>
        <source>Shown only now. Print it or write it down before you finish.</source>
        <translation>Тек қазір көрсетіледі. Аяқтамас бұрын оны басып шығарыңыз немесе жазып алыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="350"/>
        <source>If every passphrase is forgotten, this code is the only way into the registry. Keep it on paper in the embassy safe, never on this computer.</source>
        <translation>Барлық құпия фразалар ұмытылса, тізілімді тек осы код ашады. Оны елшіліктің сейфінде қағазда сақтаңыз, ешқашан осы компьютерде емес.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="354"/>
        <source>&amp;Print recovery sheet…</source>
        <translation>Қалпына келтіру парағын &amp;басып шығару…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="355"/>
        <source>&amp;Save recovery sheet as PDF…</source>
        <translation>Қалпына келтіру парағын PDF ретінде &amp;сақтау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="356"/>
        <source>I have printed or written down the recovery code</source>
        <translation>Мен қалпына келтіру кодын басып шығардым немесе жазып алдым</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="377"/>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="384"/>
        <source>Save recovery sheet</source>
        <translation>Қалпына келтіру парағын сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="377"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegistryColumns</name>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="61"/>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="66"/>
        <source>Name (passport)</source>
        <translation>Аты-жөні (төлқұжат бойынша)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="71"/>
        <source>Born</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="76"/>
        <source>Sex</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="82"/>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="87"/>
        <source>Passport</source>
        <translation>Төлқұжат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="92"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="97"/>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="102"/>
        <source>City</source>
        <translation>Қала</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="108"/>
        <source>Purpose</source>
        <translation>Мақсаты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="114"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="119"/>
        <source>Welfare</source>
        <translation>Жағдайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="124"/>
        <source>Vulnerability</source>
        <translation>Осалдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="130"/>
        <source>Last contact</source>
        <translation>Соңғы байланыс</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="300"/>
        <source>Export the %1 citizens shown…</source>
        <translation>Көрсетілген азаматтарды экспорттау (%1)…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="302"/>
        <source>Export the %1 selected citizens…</source>
        <translation>Таңдалған азаматтарды экспорттау (%1)…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="304"/>
        <source>Export all citizens…</source>
        <translation>Барлық азаматтарды экспорттау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="460"/>
        <source>E&amp;xport</source>
        <translation>Э&amp;кспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="461"/>
        <source>Export the citizens shown or selected to a CSV or Excel file</source>
        <translation>Көрсетілген не таңдалған азаматтарды CSV немесе Excel файлына экспорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="276"/>
        <source>The registry could not be read: %1</source>
        <translation>Тізілімді оқу мүмкін болмады: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="302"/>
        <source>Reading the registry…</source>
        <translation>Тізілім оқылуда…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="305"/>
        <source>Citizens: %1</source>
        <translation>Азаматтар: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="308"/>
        <source>loading…</source>
        <translation>жүктелуде…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="311"/>
        <source>shown: %1</source>
        <translation>көрсетілді: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="313"/>
        <source>(the first %1 matches: type more to narrow the search)</source>
        <translation>(алғашқы %1 сәйкестік: іздеуді нақтылаңыз)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="320"/>
        <source>Search: name in any script, passport, IIN or the last digits of a phone (Ctrl+F)</source>
        <translation>Іздеу: кез келген әліпбидегі аты-жөні, төлқұжат, ЖСН немесе телефонның соңғы сандары (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="322"/>
        <source>&amp;New citizen</source>
        <translation>&amp;Жаңа азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="323"/>
        <source>Register a citizen (Ctrl+N)</source>
        <translation>Азаматты тіркеу (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="324"/>
        <source>&amp;Log contact</source>
        <translation>Байланысты &amp;жазу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="325"/>
        <source>Log a contact with the selected citizen (Ctrl+L, then a number)</source>
        <translation>Таңдалған азаматпен байланысты жазу (Ctrl+L, содан кейін сан)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="326"/>
        <source>&amp;Print notice…</source>
        <translation>Хабарламаны &amp;басып шығару…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="327"/>
        <source>Print a notice for the selected citizens (Ctrl+P)</source>
        <translation>Таңдалған азаматтарға хабарлама басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="328"/>
        <source>Print notice</source>
        <translation>Хабарламаны басып шығару</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="329"/>
        <source>Find</source>
        <translation>Табу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="330"/>
        <source>New citizen</source>
        <translation>Жаңа азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="331"/>
        <source>Log contact</source>
        <translation>Байланысты жазу</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="56"/>
        <source>&amp;Lock after this many idle minutes:</source>
        <translation>&amp;Әрекетсіздіктен кейін құлыптау (минут):</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="57"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="58"/>
        <source>The OS &amp;keyring may remember a credential on this workstation</source>
        <translation>ОЖ &amp;кілттер қоймасына осы жұмыс орнында тіркелгі деректерін сақтауға рұқсат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="59"/>
        <source>A secure system keyring is available.</source>
        <translation>Қорғалған жүйелік кілттер қоймасы қолжетімді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="61"/>
        <source>No secure system keyring here: the passphrase is asked every time and nothing is stored.</source>
        <translation>Қорғалған жүйелік кілттер қоймасы жоқ: құпия фраза әр жолы сұралады, ештеңе сақталмайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="65"/>
        <source>&amp;Save settings</source>
        <translation>Баптауларды &amp;сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="88"/>
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Артқа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Келесі &gt;</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>&amp;Create</source>
        <translation>&amp;Құру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Аяқтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="79"/>
        <source>Embassy Desk: set up this workstation</source>
        <translation>Embassy Desk: жұмыс орнын баптау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="80"/>
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="100"/>
        <source>Recovery code</source>
        <translation>Қалпына келтіру коды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="101"/>
        <source>The recovery code will not be shown again. Close without keeping it?</source>
        <translation>Қалпына келтіру коды қайта көрсетілмейді. Оны сақтамай жабу керек пе?</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/status.py" line="64"/>
        <source>Citizens: %1</source>
        <translation>Азаматтар: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/status.py" line="65"/>
        <source>Sync: not set up</source>
        <translation>Синхрондау: бапталмаған</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/status.py" line="1"/>
        <source>Last sync: %1</source>
        <translation>Соңғы синхрондау: %1</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="122"/>
        <source>Embassy Desk</source>
        <translation>Embassy Desk</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="123"/>
        <source>&amp;User name:</source>
        <translation>&amp;Пайдаланушы аты:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="124"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Құпия фраза:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="125"/>
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="126"/>
        <source>Unlocking…</source>
        <translation>Құлып ашылуда…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="126"/>
        <source>&amp;Unlock</source>
        <translation>Құлыпты &amp;ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="131"/>
        <source>Demo post (invented people only). Accounts: %1. Passphrase for all: %2</source>
        <translation>Демо мекеме (тек ойдан шығарылған адамдар). Тіркелгілер: %1. Барлығына ортақ құпия фраза: %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="140"/>
        <source>administrator</source>
        <translation>әкімші</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="141"/>
        <source>consular officer</source>
        <translation>консулдық қызметкер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="142"/>
        <source>clerk</source>
        <translation>іс жүргізуші</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="143"/>
        <source>viewer</source>
        <translation>бақылаушы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="185"/>
        <source>Type your user name and passphrase.</source>
        <translation>Пайдаланушы аты мен құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="191"/>
        <source>Unlocking</source>
        <translation>Құлыпты ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="140"/>
        <source>&amp;Remember me on this workstation</source>
        <translation>Мені осы жұмыс орнында есте &amp;сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="142"/>
        <source>Remembered here: leave empty and press Unlock</source>
        <translation>Сіз осында есте сақталғансыз: өрісті бос қалдырып, «Құлыпты ашу» түймесін басыңыз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="279"/>
        <source>Other users of this computer could read %1; made private again.</source>
        <translation>Осы компьютердің басқа пайдаланушылары %1 оқи алатын еді; қолжетімділік қайта жабылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="193"/>
        <source>This workstation will remember you: next time, leave the passphrase empty.</source>
        <translation>Бұл жұмыс орны сізді есте сақтайды: келесі жолы құпия фразаны бос қалдырыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="196"/>
        <source>An administrator has not allowed this workstation to remember staff; your passphrase is still needed.</source>
        <translation>Әкімші бұл жұмыс орнына қызметкерлерді есте сақтауға рұқсат бермеген; құпия фраза әлі де қажет.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="200"/>
        <source>This computer has no secure keyring, so it cannot remember you; your passphrase is still needed.</source>
        <translation>Бұл компьютерде қорғалған кілттер қоймасы жоқ, сондықтан ол сізді есте сақтай алмайды; құпия фраза әлі де қажет.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="203"/>
        <source>This workstation no longer remembers you.</source>
        <translation>Бұл жұмыс орны сізді енді есте сақтамайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="203"/>
        <source>This workstation no longer remembers you; type your passphrase.</source>
        <translation>Бұл жұмыс орны сізді енді есте сақтамайды; құпия фразаны енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="66"/>
        <source>User name</source>
        <translation>Пайдаланушы аты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="66"/>
        <source>Full name</source>
        <translation>Толық аты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="66"/>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="66"/>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="68"/>
        <source>&amp;Add…</source>
        <translation>&amp;Қосу…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="69"/>
        <source>&amp;New passphrase…</source>
        <translation>&amp;Жаңа құпия фраза…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="70"/>
        <source>&amp;Disable</source>
        <translation>&amp;Өшіру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="71"/>
        <source>&amp;Reopen after lock-out</source>
        <translation>Бұғаттаудан кейін &amp;ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="91"/>
        <source>disabled</source>
        <translation>өшірілген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="91"/>
        <source>active</source>
        <translation>белсенді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="138"/>
        <source>Add a staff account</source>
        <translation>Қызметкердің тіркелгісін қосу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="139"/>
        <source>The account %1 was added.</source>
        <translation>%1 тіркелгісі қосылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="152"/>
        <source>New passphrase</source>
        <translation>Жаңа құпия фраза</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="153"/>
        <source>The passphrase of %1 was changed.</source>
        <translation>%1 құпия фразасы өзгертілді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="162"/>
        <source>Disable account</source>
        <translation>Тіркелгіні өшіру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="163"/>
        <source>Disable %1? Their passphrase will no longer open anything.</source>
        <translation>%1 өшірілсін бе? Оның құпия фразасы енді ештеңені ашпайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="186"/>
        <source>Reopen account</source>
        <translation>Тіркелгіні ашу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="187"/>
        <source>%1 can sign in again.</source>
        <translation>%1 қайтадан кіре алады.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="28"/>
        <source>Present</source>
        <translation>Елде</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="29"/>
        <source>Departed</source>
        <translation>Кетті</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="30"/>
        <source>Transferred</source>
        <translation>Есепке берілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="31"/>
        <source>Deceased</source>
        <translation>Қайтыс болған</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="38"/>
        <source>Unknown</source>
        <translation>Белгісіз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="39"/>
        <source>Safe</source>
        <translation>Қауіпсіз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="40"/>
        <source>Needs assistance</source>
        <translation>Көмек қажет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="41"/>
        <source>Unreachable</source>
        <translation>Байланыс жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="42"/>
        <source>Evacuated</source>
        <translation>Эвакуацияланды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="49"/>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="105"/>
        <source>Visit</source>
        <translation>Сапар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="50"/>
        <source>Study</source>
        <translation>Оқу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="51"/>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="124"/>
        <source>Work</source>
        <translation>Жұмыс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="52"/>
        <source>Family</source>
        <translation>Отбасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="53"/>
        <source>Residence</source>
        <translation>Тұрақты тұру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="54"/>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="125"/>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="61"/>
        <source>Minor</source>
        <translation>Кәмелетке толмаған</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="62"/>
        <source>Elderly</source>
        <translation>Егде жастағы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="63"/>
        <source>Medical condition</source>
        <translation>Денсаулық жағдайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="64"/>
        <source>Reduced mobility</source>
        <translation>Қозғалысы шектеулі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="102"/>
        <source>Phone call</source>
        <translation>Қоңырау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="114"/>
        <source>Outgoing</source>
        <translation>Шығыс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="115"/>
        <source>Incoming</source>
        <translation>Кіріс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="122"/>
        <source>Mobile</source>
        <translation>Ұялы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="123"/>
        <source>Home</source>
        <translation>Үй</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="65"/>
        <source>Pregnancy</source>
        <translation>Жүктілік</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="72"/>
        <source>Female</source>
        <translation>Әйел</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="73"/>
        <source>Male</source>
        <translation>Ер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="74"/>
        <source>Unspecified</source>
        <translation>Көрсетілмеген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="81"/>
        <source>M</source>
        <translation>Е</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="82"/>
        <source>F</source>
        <translation>Ә</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="83"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="90"/>
        <source>Reached</source>
        <translation>Байланысқа шықты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="91"/>
        <source>No answer</source>
        <translation>Жауап жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="92"/>
        <source>Wrong number</source>
        <translation>Қате нөмір</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="93"/>
        <source>Message left</source>
        <translation>Хабарлама қалдырылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="94"/>
        <source>Busy</source>
        <translation>Бос емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="95"/>
        <source>Declined</source>
        <translation>Бас тартты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="103"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="104"/>
        <source>E-mail</source>
        <translation>Эл. пошта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="106"/>
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="107"/>
        <source>Letter</source>
        <translation>Хат</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../embassy_desk/gui/errors.py" line="29"/>
        <source>Not allowed</source>
        <translation>Рұқсат жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/errors.py" line="31"/>
        <source>Cannot do this</source>
        <translation>Орындау мүмкін емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/errors.py" line="47"/>
        <source>Something went wrong</source>
        <translation>Бірдеңе дұрыс болмады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/errors.py" line="48"/>
        <source>Something went wrong; the details were written to the log. Nothing was half-saved.</source>
        <translation>Бірдеңе дұрыс болмады; толығырақ журналға жазылды. Ештеңе жартылай сақталған жоқ.</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="41"/>
        <source>Registry</source>
        <translation>Тізілім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="42"/>
        <source>Follow-ups</source>
        <translation>Қайта байланыстар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="43"/>
        <source>Cases</source>
        <translation>Өтініштер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="44"/>
        <source>Notices</source>
        <translation>Хабарламалар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="47"/>
        <source>Administration</source>
        <translation>Әкімшілік</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Campaigns</source>
        <translation>Науқандар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Dashboard</source>
        <translation>Жиынтық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Evacuation</source>
        <translation>Эвакуация</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Duty log</source>
        <translation>Кезекшілік журналы</translation>
    </message>
</context>
<context>
    <name>recovery_sheet</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/recovery_sheet.py" line="36"/>
        <source>Print recovery sheet</source>
        <translation>Қалпына келтіру парағын басып шығару</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../embassy_desk/gui/roles.py" line="13"/>
        <source>administrator</source>
        <translation>әкімші</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/roles.py" line="14"/>
        <source>consular officer</source>
        <translation>консулдық қызметкер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/roles.py" line="15"/>
        <source>clerk</source>
        <translation>іс жүргізуші</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/roles.py" line="16"/>
        <source>viewer</source>
        <translation>бақылаушы</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../embassy_desk/gui/tasks.py" line="137"/>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/tasks.py" line="147"/>
        <location filename="../../embassy_desk/gui/tasks.py" line="148"/>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <location filename="../../embassy_desk/gui/unlock/messages.py" line="14"/>
        <source>Too many failed attempts. Try again in %1 s.</source>
        <translation>Сәтсіз әрекеттер тым көп. %1 с кейін қайталаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/messages.py" line="24"/>
        <source>This account is locked after %1 failed attempts. An administrator or the recovery code can reopen it.</source>
        <translation>Тіркелгі %1 сәтсіз әрекеттен кейін бұғатталды. Оны әкімші немесе қалпына келтіру коды аша алады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/messages.py" line="30"/>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>Тіркелгі өшірілген. Әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/messages.py" line="32"/>
        <source>Wrong user name or passphrase.</source>
        <translation>Пайдаланушы аты немесе құпия фраза қате.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <!-- Qt's own qtbase_kk.qm lacks these; they fill the gaps of Qt's file dialog. -->
    <message>
        <source>Look in:</source>
        <translation>Қайда қарау:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Файлдар түрі:</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Менің компьютерім</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Бүркеншік ат</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Жарлық</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Белгісіз</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Файл қалтасы</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Қалта</translation>
    </message>
</context>
<context>
    <name>open_dialogs</name>
    <message>
        <location filename="../../embassy_desk/gui/open_dialogs.py" line="1"/>
        <source>This record is already open, under this window: close this window to go back to it.</source>
        <translation>Бұл жазба осы терезенің астында ашық тұр: оған оралу үшін осы терезені жабыңыз.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <!-- Qt's own qtbase_kk.qm lacks these: the type column of Qt's file dialog. -->
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Қалта</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>Файл қалтасы</translation>
    </message>
    <message>
        <source>Finder Folder</source>
        <comment>Match OS X Finder</comment>
        <translation>Қалта</translation>
    </message>
</context>
<context>
    <name>BundlesView</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="71"/>
        <source>When there is no connection, carry the changes on a USB stick: write a bundle here and take it to headquarters; bring back the bundle headquarters writes for this post and read it here. Bundles are encrypted and signed: one altered on the way is refused.</source>
        <translation>Байланыс болмаған кезде өзгерістерді USB жинақтағышпен жеткізіңіз: осында пакет жазып, оны орталыққа апарыңыз; орталық осы мекеме үшін жазған пакетті әкеліп, осында оқыңыз. Пакеттер шифрланған және қол қойылған: жолда өзгертілген пакет қабылданбайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="76"/>
        <source>&amp;Write bundle for headquarters…</source>
        <translation>Орталыққа пакет &amp;жазу…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="77"/>
        <source>&amp;Read bundle from headquarters…</source>
        <translation>Орталықтан келген пакетті &amp;оқу…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="85"/>
        <source>Embassy Desk sync bundles (*%1);;All files (*)</source>
        <translation>Embassy Desk синхрондау пакеттері (*%1);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="92"/>
        <source>Write a bundle for headquarters</source>
        <translation>Орталыққа пакет жазу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="104"/>
        <source>Writing the bundle</source>
        <translation>Пакет жазылуда</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="111"/>
        <source>Bundle %1 written to %2: %n change(s) for headquarters.</source>
        <translation>
            <numerusform>%1-пакет %2 файлына жазылды: орталыққа %n өзгеріс.</numerusform>
            <numerusform>%1-пакет %2 файлына жазылды: орталыққа %n өзгеріс.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="121"/>
        <source>Read a bundle from headquarters</source>
        <translation>Орталықтан келген пакетті оқу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="128"/>
        <source>Reading the bundle</source>
        <translation>Пакет оқылуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="135"/>
        <source>Bundle %1 from headquarters was read before; nothing changed.</source>
        <translation>Орталықтың %1-пакеті бұрын оқылған; ештеңе өзгерген жоқ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="137"/>
        <source>Bundle %1 from headquarters read: %n change(s) received.</source>
        <translation>
            <numerusform>Орталықтың %1-пакеті оқылды: %n өзгеріс алынды.</numerusform>
            <numerusform>Орталықтың %1-пакеті оқылды: %n өзгеріс алынды.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictQueue</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="228"/>
        <source>Settling the conflict</source>
        <translation>Қайшылық шешілуде</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="239"/>
        <source>Settled: this workstation&apos;s value is kept.</source>
        <translation>Шешілді: осы жұмыс орнының мәні қалдырылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="240"/>
        <source>Settled: the other side&apos;s value is kept.</source>
        <translation>Шешілді: екінші тараптың мәні қалдырылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="270"/>
        <source>deleted on one side</source>
        <translation>бір тарапта жойылған</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="279"/>
        <source>%n conflict(s) to settle. Both workstations changed the same thing before either synced; choose which value stays.</source>
        <translation>
            <numerusform>Шешілуі тиіс %n қайшылық. Екі жұмыс орны синхрондауға дейін бір нәрсені өзгертті; қай мән қалатынын таңдаңыз.</numerusform>
            <numerusform>Шешілуі тиіс %n қайшылық. Екі жұмыс орны синхрондауға дейін бір нәрсені өзгертті; қай мән қалатынын таңдаңыз.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="285"/>
        <source>No conflicts to settle.</source>
        <translation>Шешілетін қайшылық жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="298"/>
        <source>someone on this workstation</source>
        <translation>осы жұмыс орнындағы біреу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="300"/>
        <source>a colleague on another workstation</source>
        <translation>басқа жұмыс орнындағы әріптес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="301"/>
        <source>Changed by %1, %2</source>
        <translation>Өзгерткен: %1, %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="315"/>
        <source>This record was deleted on one side while it was being edited on the other. The deletion was kept; keep the edit to restore the record with it.</source>
        <translation>Бұл жазба бір тарапта өңделіп жатқанда екінші тарапта жойылды. Жою сақталды; жазбаны сол өңдеумен қалпына келтіру үшін өңдеуді қалдырыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="322"/>
        <source>Both sides changed this at the same time. The later change is on the record now; nothing is lost until you choose.</source>
        <translation>Екі тарап мұны бір мезгілде өзгертті. Қазір жазбада кейінгі өзгеріс тұр; сіз таңдағанша ештеңе жоғалмайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="326"/>
        <source>(deleted)</source>
        <translation>(жойылған)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="326"/>
        <source>(empty)</source>
        <translation>(бос)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="335"/>
        <source>On the record now</source>
        <translation>Қазір жазбада</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="344"/>
        <source>Conflicts are settled by staff who may edit records</source>
        <translation>Қайшылықтарды жазбаларды өңдеуге рұқсаты бар қызметкерлер шешеді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="347"/>
        <source>This workstation</source>
        <translation>Осы жұмыс орны</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="348"/>
        <source>Other workstation, through headquarters</source>
        <translation>Басқа жұмыс орны, орталық арқылы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="349"/>
        <source>Keep &amp;local</source>
        <translation>&amp;Осыны қалдыру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="350"/>
        <source>Keep &amp;remote</source>
        <translation>&amp;Басқасын қалдыру</translation>
    </message>
</context>
<context>
    <name>EnrollForm</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="77"/>
        <source>Connect to headquarters</source>
        <translation>Орталыққа қосылу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="80"/>
        <source>Headquarters gives the address of its server and a one-time enrollment code (valid for 24 hours). This workstation makes its own key and sends headquarters only the public half; the first sync then brings the post&apos;s whole registry.</source>
        <translation>Орталық өз серверінің мекенжайын және бір реттік тіркеу кодын береді (24 сағат жарамды). Бұл жұмыс орны өз кілтін жасап, орталыққа оның тек ашық бөлігін жібереді; содан кейін алғашқы синхрондау мекеменің бүкіл тізілімін әкеледі.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="85"/>
        <source>Headquarters &amp;address:</source>
        <translation>Орталықтың &amp;мекенжайы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="86"/>
        <source>Enrollment &amp;code:</source>
        <translation>Тіркеу &amp;коды:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="87"/>
        <source>&amp;Enroll this workstation</source>
        <translation>Жұмыс орнын &amp;тіркеу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="107"/>
        <source>Connecting to headquarters</source>
        <translation>Орталыққа қосылу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="119"/>
        <source>This workstation is enrolled. The first sync starts now.</source>
        <translation>Жұмыс орны тіркелді. Алғашқы синхрондау басталды.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="92"/>
        <source>Network</source>
        <translation>Желі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="93"/>
        <source>Bundle written</source>
        <translation>Пакет жазылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="94"/>
        <source>Bundle read</source>
        <translation>Пакет оқылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="103"/>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="103"/>
        <source>Interrupted</source>
        <translation>Үзілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="105"/>
        <source>Headquarters could not be reached; nothing was lost</source>
        <translation>Орталықпен байланыс болмады; ештеңе жоғалған жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="107"/>
        <source>Headquarters was busy; nothing was lost</source>
        <translation>Орталық бос емес еді; ештеңе жоғалған жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="109"/>
        <source>Refused: this workstation is not (or no longer) enrolled</source>
        <translation>Қабылданбады: жұмыс орны тіркелмеген (немесе тіркеуі кері қайтарылған)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="111"/>
        <source>Refused: this computer&apos;s clock is off</source>
        <translation>Қабылданбады: бұл компьютердің сағаты дұрыс емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="113"/>
        <source>Refused: this version of Embassy Desk is too old</source>
        <translation>Қабылданбады: Embassy Desk-тің бұл нұсқасы ескірген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="115"/>
        <source>Done, but headquarters refused some changes</source>
        <translation>Дайын, бірақ орталық кейбір өзгерістерді қабылдамады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="117"/>
        <source>Done, but the final check still differs from headquarters</source>
        <translation>Дайын, бірақ соңғы тексеру әлі де орталықпен сәйкес емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="119"/>
        <source>Stopped when the workstation was locked</source>
        <translation>Жұмыс орны құлыпталғанда тоқтатылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="121"/>
        <source>The bundle was refused</source>
        <translation>Пакет қабылданбады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="122"/>
        <source>Failed</source>
        <translation>Сәтсіз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="149"/>
        <source>Started</source>
        <translation>Басталуы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="150"/>
        <source>How</source>
        <translation>Тәсілі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="151"/>
        <source>Sent</source>
        <translation>Жіберілді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="152"/>
        <source>Received</source>
        <translation>Алынды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="153"/>
        <source>Conflicts</source>
        <translation>Қайшылықтар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="154"/>
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="157"/>
        <source>No sync yet.</source>
        <translation>Әлі синхрондау болған жоқ.</translation>
    </message>
</context>
<context>
    <name>HqPublications</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/hq_publications.py" line="104"/>
        <source>Notice template</source>
        <translation>Хабарлама үлгісі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/hq_publications.py" line="105"/>
        <source>Advisory</source>
        <translation>Ұсыным</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/hq_publications.py" line="133"/>
        <source>Notice template %1, version %2, language %3</source>
        <translation>%1 хабарлама үлгісі, %2 нұсқасы, тілі %3</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/hq_publications.py" line="144"/>
        <source>From headquarters</source>
        <translation>Орталықтан</translation>
    </message>
</context>
<context>
    <name>SyncConflictLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="25"/>
        <source>Names</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="26"/>
        <source>Identity</source>
        <translation>Жеке басы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="27"/>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="28"/>
        <source>Stay</source>
        <translation>Болу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="29"/>
        <source>Address</source>
        <translation>Мекенжай</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="30"/>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="59"/>
        <source>Phones</source>
        <translation>Телефондар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="31"/>
        <source>E-mail</source>
        <translation>Эл. пошта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="32"/>
        <source>Messengers</source>
        <translation>Мессенджерлер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="33"/>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="61"/>
        <source>Emergency contact</source>
        <translation>Төтенше жағдайдағы байланыс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="34"/>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="48"/>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="60"/>
        <source>Household</source>
        <translation>Үй шаруашылығы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="35"/>
        <source>Languages</source>
        <translation>Тілдер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="36"/>
        <source>Vulnerabilities</source>
        <translation>Осалдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="37"/>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="38"/>
        <source>Status</source>
        <translation>Мәртебе</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="39"/>
        <source>Welfare</source>
        <translation>Жағдайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="40"/>
        <source>Notes</source>
        <translation>Ескертпелер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="47"/>
        <source>Citizen</source>
        <translation>Азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="49"/>
        <source>Contact</source>
        <translation>Байланыс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="50"/>
        <source>Case</source>
        <translation>Өтініш</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="51"/>
        <source>Case event</source>
        <translation>Өтініш оқиғасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="52"/>
        <source>Notice</source>
        <translation>Хабарлама</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="62"/>
        <source>Welfare checked on</source>
        <translation>Жағдайы тексерілген күн</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="63"/>
        <source>Welfare checked by</source>
        <translation>Жағдайын тексерген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="64"/>
        <source>Title</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="65"/>
        <source>Priority</source>
        <translation>Басымдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="66"/>
        <source>Assigned to</source>
        <translation>Орындаушы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="79"/>
        <source>Whole record</source>
        <translation>Бүкіл жазба</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/runner.py" line="261"/>
        <source>%n change(s) received from headquarters</source>
        <translation>
            <numerusform>Орталықтан %n өзгеріс алынды</numerusform>
            <numerusform>Орталықтан %n өзгеріс алынды</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="45"/>
        <source>Something went wrong; the details were written to the log. Nothing was half-saved.</source>
        <translation>Бірдеңе дұрыс болмады; толығырақ журналға жазылды. Ештеңе жартылай сақталған жоқ.</translation>
    </message>
</context>
<context>
    <name>SyncStateView</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="87"/>
        <source>Headquarters</source>
        <translation>Орталық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="91"/>
        <source>Post:</source>
        <translation>Мекеме:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="92"/>
        <source>Address:</source>
        <translation>Мекенжай:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="93"/>
        <source>Connection:</source>
        <translation>Байланыс:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="94"/>
        <source>Last sync:</source>
        <translation>Соңғы синхрондау:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="95"/>
        <source>Waiting to be sent:</source>
        <translation>Жіберуді күтуде:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="96"/>
        <source>Conflicts to settle:</source>
        <translation>Шешілетін қайшылықтар:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="101"/>
        <source>&amp;Sync now</source>
        <translation>Қазір &amp;синхрондау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="102"/>
        <source>Send this workstation&apos;s changes and receive the others&apos; now</source>
        <translation>Осы жұмыс орнының өзгерістерін жіберіп, басқалардікін қазір алу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="115"/>
        <source>Reading the sync state…</source>
        <translation>Синхрондау күйі оқылуда…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="119"/>
        <source>This workstation is not connected to headquarters yet. Its changes wait in the change log and are sent once it is enrolled.</source>
        <translation>Бұл жұмыс орны әлі орталыққа қосылмаған. Оның өзгерістері өзгерістер журналында күтеді және тіркелгеннен кейін жіберіледі.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="124"/>
        <source>This workstation syncs with headquarters by itself.</source>
        <translation>Бұл жұмыс орны орталықпен өзі синхрондалады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="128"/>
        <source>never</source>
        <translation>ешқашан</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="130"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n өзгеріс</numerusform>
            <numerusform>%n өзгеріс</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="130"/>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="132"/>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="147"/>
        <source>not tried since sign-in</source>
        <translation>кіргеннен бері тексерілмеген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="149"/>
        <source>headquarters answers</source>
        <translation>орталық жауап береді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="150"/>
        <source>headquarters does not answer</source>
        <translation>орталық жауап бермейді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="157"/>
        <source>Sync is tried again by itself every few minutes.</source>
        <translation>Синхрондау әр бірнеше минут сайын өздігінен қайталанады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="159"/>
        <source>Sync stays stopped until this is put right: tell an administrator.</source>
        <translation>Бұл түзетілгенше синхрондау тоқтап тұрады: әкімшіге хабарлаңыз.</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="115"/>
        <source>&amp;Conflicts (%1)</source>
        <translation>&amp;Қайшылықтар (%1)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="115"/>
        <source>&amp;Conflicts</source>
        <translation>&amp;Қайшылықтар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="120"/>
        <source>&amp;History</source>
        <translation>&amp;Тарих</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="121"/>
        <source>&amp;USB bundles</source>
        <translation>&amp;USB пакеттер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="123"/>
        <source>An administrator connects this workstation to headquarters on this screen.</source>
        <translation>Әкімші бұл жұмыс орнын орталыққа осы экранда қосады.</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="96"/>
        <source>Sending changes to headquarters… (%n sent)</source>
        <translation>
            <numerusform>Өзгерістер орталыққа жіберілуде… (%n жіберілді)</numerusform>
            <numerusform>Өзгерістер орталыққа жіберілуде… (%n жіберілді)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="98"/>
        <source>Receiving changes from headquarters… (%n received)</source>
        <translation>
            <numerusform>Орталықтан өзгерістер алынуда… (%n алынды)</numerusform>
            <numerusform>Орталықтан өзгерістер алынуда… (%n алынды)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="100"/>
        <source>Checking the registry against headquarters…</source>
        <translation>Тізілім орталықпен салыстырылуда…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="102"/>
        <source>Connecting to headquarters…</source>
        <translation>Орталыққа қосылуда…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="103"/>
        <source>Syncing…</source>
        <translation>Синхрондау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="108"/>
        <source>Sync: syncing…</source>
        <translation>Синхрондау: жүріп жатыр…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="110"/>
        <source>Sync: refused by headquarters</source>
        <translation>Синхрондау: орталық қабылдамады</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="113"/>
        <source>Sync: offline, %n waiting</source>
        <translation>
            <numerusform>Синхрондау: байланыс жоқ, %n күтуде</numerusform>
            <numerusform>Синхрондау: байланыс жоқ, %n күтуде</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="115"/>
        <source>Sync: offline</source>
        <translation>Синхрондау: байланыс жоқ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="119"/>
        <source>Sync: failed, %n waiting</source>
        <translation>
            <numerusform>Синхрондау: сәтсіз, %n күтуде</numerusform>
            <numerusform>Синхрондау: сәтсіз, %n күтуде</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="121"/>
        <source>Sync: failed</source>
        <translation>Синхрондау: сәтсіз</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="124"/>
        <source>Sync: %n waiting</source>
        <translation>
            <numerusform>Синхрондау: %n күтуде</numerusform>
            <numerusform>Синхрондау: %n күтуде</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="126"/>
        <source>Sync: up to date</source>
        <translation>Синхрондау: деректер өзекті</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="128"/>
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n қайшылық</numerusform>
            <numerusform>%n қайшылық</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="55"/>
        <source>Add a staff account</source>
        <translation>Добавить учётную запись сотрудника</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="62"/>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="63"/>
        <source>Full name:</source>
        <translation>Полное имя:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="64"/>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="131"/>
        <source>First administrator</source>
        <translation>Первый администратор</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="132"/>
        <source>This person adds the other staff accounts and keeps the recovery code.</source>
        <translation>Этот сотрудник добавляет учётные записи остальных и хранит код восстановления.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="134"/>
        <source>User names use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, for example a.nurlanova.</source>
        <translation>Имя пользователя: буквы, цифры, «.», «_» или «-», например a.nurlanova.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="136"/>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="137"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Полное имя:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="143"/>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/view.py" line="38"/>
        <source>Users and roles</source>
        <translation>Пользователи и роли</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/view.py" line="39"/>
        <source>Workstation settings</source>
        <translation>Настройки рабочего места</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/view.py" line="40"/>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/view.py" line="41"/>
        <source>Backups</source>
        <translation>Резервные копии</translation>
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
        <translation>Когда (UTC)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="65"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="66"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="67"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="68"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="71"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="72"/>
        <source>&amp;Verify chain</source>
        <translation>&amp;Проверить цепочку</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="112"/>
        <source>The audit chain of %1 entries is intact.</source>
        <translation>Цепочка аудита из %1 записей не нарушена.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="117"/>
        <source>The audit log was tampered with: %1</source>
        <translation>Журнал аудита был изменён: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Workstation set up</source>
        <translation>Рабочее место создано</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Signed in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Sign-in refused</source>
        <translation>Вход отклонён</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Locked</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Citizen registered</source>
        <translation>Гражданин зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Citizen edited</source>
        <translation>Запись гражданина изменена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Citizen deleted</source>
        <translation>Запись гражданина удалена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Records merged</source>
        <translation>Записи объединены</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Marked as not a duplicate</source>
        <translation>Отмечено: не дубликат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Household created</source>
        <translation>Семья создана</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Contact logged</source>
        <translation>Контакт записан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Assistance case opened</source>
        <translation>Обращение открыто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Assistance case updated</source>
        <translation>Обращение изменено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Notice issued</source>
        <translation>Уведомление выпущено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Notices issued</source>
        <translation>Уведомления выпущены</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Notice printed again</source>
        <translation>Уведомление напечатано повторно</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Notice cancelled</source>
        <translation>Уведомление отменено</translation>
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
        <translation>Настройки изменены</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Embassy details changed</source>
        <translation>Реквизиты посольства изменены</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Account added</source>
        <translation>Учётная запись добавлена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Account disabled</source>
        <translation>Учётная запись отключена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Account reopened</source>
        <translation>Учётная запись снова открыта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Passphrase changed</source>
        <translation>Парольная фраза изменена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Passphrase reset with the recovery code</source>
        <translation>Парольная фраза сброшена кодом восстановления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Remembered on this workstation</source>
        <translation>Запомнен(а) на этом рабочем месте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Forgotten by this workstation</source>
        <translation>Забыт(а) этим рабочим местом</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Backup made</source>
        <translation>Резервная копия создана</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Backup restored</source>
        <translation>Резервная копия восстановлена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Integrity checked</source>
        <translation>Проверка целостности</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Data key changed</source>
        <translation>Ключ данных сменён</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Data key change finished</source>
        <translation>Смена ключа данных завершена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Database upgraded</source>
        <translation>База данных обновлена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>Audit log viewed</source>
        <translation>Просмотр журнала аудита</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>citizen</source>
        <translation>гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>case</source>
        <translation>обращение</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>account</source>
        <translation>учётная запись</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>notice</source>
        <translation>уведомление</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>household</source>
        <translation>семья</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/audit_tab.py" line="1"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="42"/>
        <source>A backup is encrypted with the same key: the same passphrases and the recovery code open it. Keep backups on a removable disk stored apart from this computer.</source>
        <translation>Резервная копия зашифрована тем же ключом: её открывают те же парольные фразы и код восстановления. Храните копии на съёмном диске отдельно от этого компьютера.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="46"/>
        <source>&amp;Create backup…</source>
        <translation>&amp;Создать резервную копию…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="57"/>
        <source>Back up the workstation</source>
        <translation>Резервная копия рабочего места</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="59"/>
        <source>Embassy Desk backups (*.edbk)</source>
        <translation>Резервные копии Embassy Desk (*.edbk)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="69"/>
        <source>Backing up</source>
        <translation>Создание резервной копии</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/backup_tab.py" line="80"/>
        <source>Backup written and verified: %1 (%2 citizens).</source>
        <translation>Резервная копия записана и проверена: %1 (граждан: %2).</translation>
    </message>
</context>
<context>
    <name>CaseBoard</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/board.py" line="70"/>
        <source>nobody</source>
        <translation>никто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/board.py" line="73"/>
        <source>Owner: {owner}</source>
        <translation>Ответственный: {owner}</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="111"/>
        <source>Assistance case</source>
        <translation>Обращение о помощи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="115"/>
        <source>Citizen</source>
        <translation>Гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="116"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="117"/>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="118"/>
        <source>Summary</source>
        <translation>Суть</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="119"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="120"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="121"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="122"/>
        <source>Add a note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="127"/>
        <source>Timeline</source>
        <translation>Ход дела</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="128"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="128"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="128"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="129"/>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="130"/>
        <source>Close case</source>
        <translation>Закрыть обращение</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="131"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="132"/>
        <source>Open citizen&apos;s record</source>
        <translation>Открыть карточку гражданина</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="133"/>
        <source>What happened, what was agreed, what is next</source>
        <translation>Что произошло, о чём договорились, что дальше</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="135"/>
        <source>Your role may view cases but not change them</source>
        <translation>Ваша роль позволяет просматривать обращения, но не изменять их</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="137"/>
        <source>Only officers and administrators may close a case</source>
        <translation>Закрыть обращение могут только консулы и администраторы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="183"/>
        <source>— nobody</source>
        <translation>— никто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="198"/>
        <source>nobody</source>
        <translation>никто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="240"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_dialog.py" line="259"/>
        <source>Nothing to save.</source>
        <translation>Нечего сохранять.</translation>
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
        <translation>Утрата документов</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="14"/>
        <source>Medical</source>
        <translation>Медицинская помощь</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="15"/>
        <source>Detention</source>
        <translation>Задержание</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="16"/>
        <source>Financial</source>
        <translation>Финансовая помощь</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="17"/>
        <source>Death</source>
        <translation>Смерть</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="18"/>
        <source>Missing person</source>
        <translation>Пропавший без вести</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="19"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="25"/>
        <source>Urgent</source>
        <translation>Срочный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="26"/>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="27"/>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="28"/>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="34"/>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="35"/>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="36"/>
        <source>Waiting</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="37"/>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="44"/>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="45"/>
        <source>Status changed to</source>
        <translation>Статус изменён на</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="46"/>
        <source>Assigned to</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="47"/>
        <source>Priority changed to</source>
        <translation>Приоритет изменён на</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/labels.py" line="48"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="59"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="60"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="61"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="62"/>
        <source>Citizen</source>
        <translation>Гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="63"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="64"/>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/case_table.py" line="65"/>
        <source>Summary</source>
        <translation>Суть</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="51"/>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="52"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="53"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="54"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="55"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="56"/>
        <source>Summary</source>
        <translation>Суть</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="59"/>
        <source>New case…</source>
        <translation>Новое обращение…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="60"/>
        <source>Open case</source>
        <translation>Открыть обращение</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/cases_tab.py" line="61"/>
        <source>No assistance case for this person.</source>
        <translation>У этого человека нет обращений о помощи.</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="121"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="121"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="121"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="124"/>
        <location filename="../../embassy_desk/gui/cases/view.py" line="125"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="127"/>
        <source>Anyone</source>
        <translation>Любой</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="128"/>
        <source>Nobody</source>
        <translation>Никто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="129"/>
        <source>Me</source>
        <translation>Я</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="133"/>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="134"/>
        <source>Board</source>
        <translation>Доска</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="135"/>
        <source>New case…</source>
        <translation>Новое обращение…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="136"/>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="137"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="139"/>
        <source>Your role may view cases but not open them</source>
        <translation>Ваша роль позволяет просматривать обращения, но не открывать их</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="140"/>
        <source>No case matches these filters.</source>
        <translation>Нет обращений, подходящих под эти фильтры.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/view.py" line="233"/>
        <source>Select a case first.</source>
        <translation>Сначала выберите обращение.</translation>
    </message>
</context>
<context>
    <name>CitizenForm</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="279"/>
        <source>Passport MRZ</source>
        <translation>Машиночитаемая зона паспорта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="280"/>
        <source>Identity</source>
        <translation>Личность</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="281"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="282"/>
        <source>Stay and address</source>
        <translation>Пребывание и адрес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="283"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="284"/>
        <source>Emergency contact at home</source>
        <translation>Контакт на родине на случай ЧС</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="285"/>
        <source>Household</source>
        <translation>Семья</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="286"/>
        <source>Flags and consent</source>
        <translation>Отметки и согласие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="287"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="310"/>
        <source>+82 10 1234 5678 or 010-1234-5678</source>
        <translation>+82 10 1234 5678 или 010-1234-5678</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="314"/>
        <source>service:handle; e.g. telegram:@name, kakao:id</source>
        <translation>сервис:имя; например telegram:@name, kakao:id</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="315"/>
        <source>kk, ru, en, ko</source>
        <translation>kk, ru, en, ko</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py" line="317"/>
        <source>A name for the family; members with the same name form one household</source>
        <translation>Название семьи; люди с одним названием образуют одну семью</translation>
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
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="15"/>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="16"/>
        <source>Given names</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="17"/>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="18"/>
        <source>Surname (Latin, as in passport)</source>
        <translation>Фамилия (латиницей, как в паспорте)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="19"/>
        <source>Given names (Latin, as in passport)</source>
        <translation>Имя (латиницей, как в паспорте)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="22"/>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="23"/>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="24"/>
        <source>Place of birth</source>
        <translation>Место рождения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="25"/>
        <source>National id (IIN)</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="26"/>
        <source>Passport number</source>
        <translation>Номер паспорта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="27"/>
        <source>Passport issued</source>
        <translation>Паспорт выдан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="28"/>
        <source>Passport expires</source>
        <translation>Паспорт действителен до</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="29"/>
        <source>Nationality (from MRZ)</source>
        <translation>Гражданство (из MRZ)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="30"/>
        <source>Purpose of stay</source>
        <translation>Цель пребывания</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="31"/>
        <source>Arrival</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="32"/>
        <source>Planned departure</source>
        <translation>Планируемый выезд</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="33"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="34"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="35"/>
        <source>Region</source>
        <translation>Регион</translation>
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
        <translation>Второй телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="39"/>
        <source>Messengers</source>
        <translation>Мессенджеры</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="40"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="41"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="42"/>
        <source>Relation</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="44"/>
        <source>Household</source>
        <translation>Семья</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="45"/>
        <source>Vulnerability</source>
        <translation>Уязвимость</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="46"/>
        <source>Consent given on</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="47"/>
        <source>Consent given how</source>
        <translation>Способ согласия</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="48"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="49"/>
        <source>Welfare</source>
        <translation>Благополучие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="50"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="57"/>
        <source>document number</source>
        <translation>номер документа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="58"/>
        <source>date of birth</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="59"/>
        <source>expiry date</source>
        <translation>срок действия</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="60"/>
        <source>personal number</source>
        <translation>личный номер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="61"/>
        <source>whole zone (composite check digit)</source>
        <translation>вся зона (общая контрольная цифра)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="62"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="63"/>
        <source>sex</source>
        <translation>пол</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="64"/>
        <source>nationality</source>
        <translation>гражданство</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="65"/>
        <source>issuing state</source>
        <translation>государство выдачи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/labels.py" line="66"/>
        <source>document type</source>
        <translation>тип документа</translation>
    </message>
</context>
<context>
    <name>CitizenRecordDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="143"/>
        <source>New citizen</source>
        <translation>Новый гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="145"/>
        <source>Citizen: {name}</source>
        <translation>Гражданин: {name}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="146"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="148"/>
        <source>Household</source>
        <translation>Семья</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="149"/>
        <source>Contact log</source>
        <translation>Журнал контактов</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="150"/>
        <source>Cases</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="151"/>
        <source>Notices issued</source>
        <translation>Выданные уведомления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="152"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="157"/>
        <source>Log contact (Ctrl+L)</source>
        <translation>Записать контакт (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="158"/>
        <source>Print notice… (Ctrl+P)</source>
        <translation>Печать уведомления… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="159"/>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="160"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="163"/>
        <source>Your role may view records but not change them</source>
        <translation>Ваша роль позволяет просматривать карточки, но не изменять их</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="220"/>
        <source>Last contact: {when} (today)</source>
        <translation>Последний контакт: {when} (сегодня)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="222"/>
        <source>Last contact: {when} ({days} days ago)</source>
        <translation>Последний контакт: {when} (дней назад: {days})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="224"/>
        <source>No contact logged yet</source>
        <translation>Контактов пока нет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="226"/>
        <source>Welfare: {status}</source>
        <translation>Благополучие: {status}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="281"/>
        <source>Your role may view records but not change them.</source>
        <translation>Ваша роль позволяет просматривать карточки, но не изменять их.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="296"/>
        <source>Registered.</source>
        <translation>Зарегистрирован.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="303"/>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="317"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="356"/>
        <source>Not saved: correct the fields marked below.</source>
        <translation>Не сохранено: исправьте отмеченные ниже поля.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="386"/>
        <source>born {date}</source>
        <translation>род. {date}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="388"/>
        <source>passport {number}</source>
        <translation>паспорт {number}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="401"/>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="407"/>
        <source>Not saved; the form keeps what you typed.</source>
        <translation>Не сохранено; введённое осталось в форме.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="421"/>
        <source>Saved, and remembered as a different person from the record shown.</source>
        <translation>Сохранено; отмечено, что это другой человек, не тот, что показан.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="442"/>
        <source>These two cannot be merged: {problem}</source>
        <translation>Эти записи нельзя объединить: {problem}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="447"/>
        <source>Merged: the existing record of {name} is kept and completed from what you typed.</source>
        <translation>Объединено: существующая карточка {name} сохранена и дополнена введёнными данными.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="453"/>
        <source>Merged: this record is kept; the record of {name} was merged into it.</source>
        <translation>Объединено: эта карточка сохранена, карточка {name} присоединена к ней.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="495"/>
        <source>Save the record first, then log the contact.</source>
        <translation>Сначала сохраните карточку, затем запишите контакт.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="498"/>
        <source>Your role may not log contacts.</source>
        <translation>Ваша роль не позволяет записывать контакты.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="508"/>
        <source>Save the record first, then print a notice.</source>
        <translation>Сначала сохраните карточку, затем печатайте уведомление.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="511"/>
        <source>Your role may not issue notices.</source>
        <translation>Ваша роль не позволяет выдавать уведомления.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/record.py" line="540"/>
        <source>There are unsaved changes. Save them, or close again to discard them.</source>
        <translation>Есть несохранённые изменения. Сохраните их или закройте ещё раз, чтобы отменить.</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="43"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="44"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="45"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="46"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="47"/>
        <source>Welfare reported</source>
        <translation>Сообщённое благополучие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="48"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="49"/>
        <source>Follow-up</source>
        <translation>Повторный контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="50"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="53"/>
        <source>Log contact (Ctrl+L)</source>
        <translation>Записать контакт (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py" line="54"/>
        <source>No contact logged yet.</source>
        <translation>Контактов пока нет.</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="247"/>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="278"/>
        <source>Creating the workstation</source>
        <translation>Создание рабочего места</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="249"/>
        <source>Encrypting the new registry and tuning the key derivation to this computer.</source>
        <translation>Шифрование нового реестра и настройка получения ключа под этот компьютер.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="252"/>
        <source>The workstation is ready.</source>
        <translation>Рабочее место готово.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="254"/>
        <source>Please wait; this takes a few seconds.</source>
        <translation>Подождите, это займёт несколько секунд.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="299"/>
        <source>The workstation could not be created; go back and try again.</source>
        <translation>Не удалось создать рабочее место; вернитесь и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/date_field.py" line="63"/>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/date_field.py" line="64"/>
        <source>Pick a date</source>
        <translation>Выберите дату</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="103"/>
        <source>same national id</source>
        <translation>тот же ИИН</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="104"/>
        <source>same passport number</source>
        <translation>тот же номер паспорта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="105"/>
        <source>same name and date of birth</source>
        <translation>то же имя и дата рождения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="110"/>
        <source>Possible duplicate</source>
        <translation>Возможный дубликат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="112"/>
        <source>This person may already be registered. Nothing has been saved yet.</source>
        <translation>Возможно, этот человек уже зарегистрирован. Пока ничего не сохранено.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="114"/>
        <source>After this change the record looks like another registered person.</source>
        <translation>После этого изменения карточка похожа на другого зарегистрированного человека.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="121"/>
        <source>Open the existing record</source>
        <translation>Открыть существующую карточку</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="122"/>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="123"/>
        <source>Not a duplicate: save</source>
        <translation>Не дубликат: сохранить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="124"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="126"/>
        <source>Only officers and administrators may merge records</source>
        <translation>Объединять карточки могут только консулы и администраторы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="132"/>
        <source>Merge keeps the record you are editing; empty fields are filled from {name}, whose contacts and cases move here, and that record is removed.</source>
        <translation>При объединении остаётся редактируемая карточка; пустые поля заполняются из карточки {name}, её контакты и обращения переходят сюда, а сама она удаляется.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/duplicates.py" line="137"/>
        <source>Merge keeps the existing record of {name}; its empty fields are filled from what you typed, and no second record is created.</source>
        <translation>При объединении остаётся существующая карточка {name}; её пустые поля заполняются введёнными данными, вторая карточка не создаётся.</translation>
    </message>
</context>
<context>
    <name>EmbassyDetailsDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="84"/>
        <source>Embassy details on notices</source>
        <translation>Данные посольства в уведомлениях</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="87"/>
        <source>How notices name and reach the embassy, in each language they are printed in. Empty fields use the workstation&apos;s post details.</source>
        <translation>Как уведомления называют посольство и как с ним связаться, на каждом языке печати. Пустые поля берутся из данных учреждения этого рабочего места.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="92"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="93"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="94"/>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="95"/>
        <source>Hotline:</source>
        <translation>Горячая линия:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="96"/>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/embassy_details.py" line="103"/>
        <source>Only an administrator may change these details.</source>
        <translation>Изменять эти данные может только администратор.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="46"/>
        <source>How should %1 be imported?</source>
        <translation>Как импортировать %1?</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="48"/>
        <source>Import the good rows: rows with problems are not imported; they are written, each with its reason, to a file beside this one, to be corrected and imported. All or nothing: nothing is imported unless every row is good.</source>
        <translation>Импортировать верные строки: строки с ошибками не импортируются; они записываются, каждая с причиной, в файл рядом с этим, чтобы их исправить и импортировать. Всё или ничего: ничего не импортируется, если хотя бы одна строка неверна.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="54"/>
        <source>Import the good rows</source>
        <translation>Импортировать верные строки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="55"/>
        <source>All or nothing</source>
        <translation>Всё или ничего</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="31"/>
        <source>Import citizens</source>
        <translation>Импорт граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="33"/>
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Таблицы (*.csv *.xlsx *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="42"/>
        <source>Importing citizens</source>
        <translation>Импорт граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="55"/>
        <source>Export citizens</source>
        <translation>Экспорт граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="57"/>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="70"/>
        <source>Exporting citizens</source>
        <translation>Экспорт граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="76"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="77"/>
        <source>%1 citizens written to %2.</source>
        <translation>Записано граждан: %1, файл %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="86"/>
        <source>Back up the workstation</source>
        <translation>Резервная копия рабочего места</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="88"/>
        <source>Embassy Desk backups (*.edbk)</source>
        <translation>Резервные копии Embassy Desk (*.edbk)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="98"/>
        <source>Backing up</source>
        <translation>Создание резервной копии</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="104"/>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/file_actions.py" line="105"/>
        <source>Backup written and verified: %1</source>
        <translation>Резервная копия записана и проверена: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="79"/>
        <source>&amp;Region:</source>
        <translation>&amp;Регион:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="80"/>
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="81"/>
        <source>&amp;Welfare:</source>
        <translation>&amp;Благополучие:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="82"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Цель:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="83"/>
        <source>V&amp;ulnerability:</source>
        <translation>&amp;Уязвимость:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/filters.py" line="87"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Nothing is due tomorrow.</source>
        <translation>На завтра ничего не запланировано.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Nothing is overdue or due this week.</source>
        <translation>Просроченных нет, и на этой неделе ничего не запланировано.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Nothing is due from %1 to %2.</source>
        <translation>С %1 по %2 ничего не запланировано.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Nothing is due today and nothing is overdue.</source>
        <translation>На сегодня ничего не запланировано, просроченных нет.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>The next follow-up is on %1: %2.</source>
        <translation>Следующий повторный контакт — %1: %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Follow-ups due tomorrow</source>
        <translation>Повторные контакты на завтра</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Follow-ups overdue and due this week</source>
        <translation>Просроченные повторные контакты и на этой неделе</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Follow-ups due on the chosen days</source>
        <translation>Повторные контакты в выбранные дни</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Today and overdue</source>
        <translation>Сегодня и просроченные</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Tomorrow</source>
        <translation>Завтра</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>Chosen days…</source>
        <translation>Выбрать дни…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="1"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="173"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="184"/>
        <source>Follow-ups due today and overdue</source>
        <translation>Повторные контакты на сегодня и просроченные</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="185"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="186"/>
        <source>&amp;Log contact</source>
        <translation>&amp;Записать контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="187"/>
        <source>Log the call with the selected citizen (Ctrl+L, then a number)</source>
        <translation>Записать звонок выбранному гражданину (Ctrl+L, затем цифра)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="188"/>
        <source>Log contact</source>
        <translation>Записать контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="189"/>
        <source>Nothing is due.</source>
        <translation>Нет запланированных контактов.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Last outcome</source>
        <translation>Последний результат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/followups/view.py" line="191"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="39"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="39"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="39"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="39"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="40"/>
        <source>No history recorded.</source>
        <translation>История пуста.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="59"/>
        <source>Registered by import</source>
        <translation>Зарегистрирован импортом</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="61"/>
        <source>Registered</source>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="62"/>
        <source>Edited</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="63"/>
        <source>Merged with another record</source>
        <translation>Объединён с другой карточкой</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="64"/>
        <source>Marked as not a duplicate</source>
        <translation>Отмечен как не дубликат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="65"/>
        <source>Contact logged</source>
        <translation>Записан контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="66"/>
        <source>Assistance case opened</source>
        <translation>Открыто обращение о помощи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="67"/>
        <source>Assistance case updated</source>
        <translation>Обращение о помощи обновлено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="68"/>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="76"/>
        <source>Changed: {fields}</source>
        <translation>Изменено: {fields}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/history_tab.py" line="78"/>
        <source>Saved although it looked like a duplicate</source>
        <translation>Сохранён, хотя был похож на дубликат</translation>
    </message>
</context>
<context>
    <name>HouseholdTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="48"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="48"/>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="48"/>
        <source>Head</source>
        <translation>Глава</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="49"/>
        <source>Open member&apos;s record</source>
        <translation>Открыть карточку члена семьи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="50"/>
        <source>Register a new member…</source>
        <translation>Зарегистрировать нового члена семьи…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="52"/>
        <source>Not in a household. Type a household name in the Details tab to join or start one.</source>
        <translation>Не входит в семью. Введите название семьи на вкладке «Подробности», чтобы присоединиться к ней или создать новую.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="80"/>
        <source>Household: {name}</source>
        <translation>Семья: {name}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/household_tab.py" line="85"/>
        <source>{name} (this record)</source>
        <translation>{name} (эта карточка)</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="30"/>
        <source>Nothing was imported: every row must be good (all or nothing). Good rows: %1. Rejected rows: %2.</source>
        <translation>Ничего не импортировано: все строки должны быть верными (всё или ничего). Верных строк: %1. Отклонённых строк: %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="42"/>
        <source>They are in %1 beside the file, each with its reason: correct them there and import that file. It holds personal data and only you can read it; delete it when done.</source>
        <translation>Они записаны в файл %1 рядом с исходным, каждая с причиной: исправьте их там и импортируйте этот файл. В нём персональные данные, и прочитать его можете только вы; удалите его, когда закончите.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="25"/>
        <source>Import report</source>
        <translation>Отчёт об импорте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="27"/>
        <source>Imported: %1. Rejected rows: %2.</source>
        <translation>Импортировано: %1. Отклонено строк: %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="31"/>
        <source>Nothing was imported from the rejected rows; correct them and import them again.</source>
        <translation>Отклонённые строки не импортированы; исправьте их и импортируйте снова.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="35"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py" line="35"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>Unsaved changes are open. This workstation locks as soon as they are saved or discarded; if nobody does, they are discarded at the next idle timeout.</source>
        <translation>Есть несохранённые изменения. Рабочее место заблокируется, как только их сохранят или отменят; если этого никто не сделает, они будут отменены при следующем простое.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>Lock</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>There are unsaved changes in &quot;{title}&quot;. Save them before locking?</source>
        <translation>В окне «{title}» есть несохранённые изменения. Сохранить их перед блокировкой?</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="1"/>
        <source>There are unsaved changes in &quot;{title}&quot;. Save them before quitting?</source>
        <translation>В окне «{title}» есть несохранённые изменения. Сохранить их перед выходом?</translation>
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
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="182"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="183"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="184"/>
        <source>&amp;Import citizens…</source>
        <translation>&amp;Импорт граждан…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="185"/>
        <source>&amp;Export citizens…</source>
        <translation>&amp;Экспорт граждан…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="186"/>
        <source>&amp;Backup…</source>
        <translation>&amp;Резервная копия…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="187"/>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="188"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="189"/>
        <source>&amp;About Embassy Desk</source>
        <translation>&amp;О программе Embassy Desk</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="206"/>
        <source>About Embassy Desk</source>
        <translation>О программе Embassy Desk</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/main_window.py" line="207"/>
        <source>Embassy Desk %1
The consular registry of an embassy, encrypted and offline.</source>
        <translation>Embassy Desk %1
Консульский реестр посольства: зашифрованный, работает без сети.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../embassy_desk/gui/registry/messages.py" line="14"/>
        <source>Not allowed</source>
        <translation>Не разрешено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/messages.py" line="15"/>
        <source>Your role does not allow this.</source>
        <translation>Ваша роль этого не позволяет.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/messages.py" line="17"/>
        <source>Could not do that</source>
        <translation>Не удалось выполнить</translation>
    </message>
</context>
<context>
    <name>MrzInput</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="72"/>
        <source>Type, paste or scan the 2 or 3 lines of the passport&apos;s MRZ</source>
        <translation>Введите, вставьте или отсканируйте 2 или 3 строки MRZ паспорта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="133"/>
        <source>The check digit of the {part} is wrong: {detail}.</source>
        <translation>Неверная контрольная цифра ({part}): {detail}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="135"/>
        <source>The MRZ cannot be read ({part}): {detail}.</source>
        <translation>MRZ не читается ({part}): {detail}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="139"/>
        <source>MRZ read: the form was filled from it.</source>
        <translation>MRZ прочитана: форма заполнена.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/mrz_input.py" line="144"/>
        <source>Characters per line so far: {counts}</source>
        <translation>Символов в строке: {counts}</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="101"/>
        <source>New assistance case</source>
        <translation>Новое обращение о помощи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="104"/>
        <source>Citizen</source>
        <translation>Гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="104"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="104"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="104"/>
        <source>Summary</source>
        <translation>Суть</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="108"/>
        <source>Find the citizen: name, passport, IIN or phone</source>
        <translation>Найдите гражданина: имя, паспорт, ИИН или телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="110"/>
        <source>No citizen chosen yet</source>
        <translation>Гражданин ещё не выбран</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="111"/>
        <source>What does the citizen need?</source>
        <translation>Что нужно гражданину?</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="121"/>
        <source>Open case</source>
        <translation>Открыть обращение</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="122"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="158"/>
        <source>Choose the citizen first.</source>
        <translation>Сначала выберите гражданина.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/cases/new_case_dialog.py" line="170"/>
        <source>Say what the citizen needs.</source>
        <translation>Укажите, что нужно гражданину.</translation>
    </message>
</context>
<context>
    <name>NoticeDelivery</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="93"/>
        <source>Print notice</source>
        <translation>Печать уведомления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="109"/>
        <source>Printing notices</source>
        <translation>Печать уведомлений</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="116"/>
        <source>Issued {count} notice(s), {references}, and sent {pages} page(s) to {printer}.</source>
        <translation>Выдано уведомлений: {count} ({references}); отправлено страниц на печать: {pages} ({printer}).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="120"/>
        <source>the printer</source>
        <translation>принтер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="127"/>
        <source>Printing was cancelled. The notice(s) {references} stay recorded as issued; print them again from the record&apos;s notices.</source>
        <translation>Печать отменена. Уведомления {references} остаются записанными как выданные; напечатайте их снова из уведомлений карточки.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="131"/>
        <source>Cancelled: no notice was issued.</source>
        <translation>Отменено: уведомление не выдано.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="155"/>
        <source>Folder for the notices (one PDF each)</source>
        <translation>Папка для уведомлений (по PDF на каждое)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="195"/>
        <source>Issuing notices</source>
        <translation>Выдача уведомлений</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="198"/>
        <source>Cancelled: no notice was issued and no file was written.</source>
        <translation>Отменено: уведомление не выдано, файл не записан.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="204"/>
        <source>one PDF per person in {folder}</source>
        <translation>по PDF на человека в {folder}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="209"/>
        <source>Issued {count} notice(s) ({pages} page(s)), {references}, saved to {where}.</source>
        <translation>Выдано уведомлений: {count} (страниц: {pages}), {references}; сохранено: {where}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="222"/>
        <source>Save notice as PDF</source>
        <translation>Сохранить уведомление в PDF</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="222"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/delivery.py" line="235"/>
        <source>Notices</source>
        <translation>Уведомления</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="1"/>
        <source>Write a text in each language of the notice: every page prints only its own language's text. Other fields are printed the same in every language.</source>
        <translation>Напишите текст на каждом языке уведомления: на каждой странице печатается только текст на её языке. Остальные поля печатаются одинаково на всех языках.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="66"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="68"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="70"/>
        <source>&amp;Translation:</source>
        <translation>&amp;Перевод:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="72"/>
        <source>&amp;Paper:</source>
        <translation>&amp;Бумага:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="80"/>
        <source>None</source>
        <translation>Нет</translation>
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
        <translation>Основной язык уведомления; перевод идёт после него (у карточек — на обороте)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="146"/>
        <source>Fill in {fields} first.</source>
        <translation>Сначала заполните: {fields}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="188"/>
        <source>If left empty: {text}</source>
        <translation>Если оставить пустым: {text}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="188"/>
        <source>Required</source>
        <translation>Обязательно</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="193"/>
        <source>Cards print the language on the front and the translation on the back.</source>
        <translation>На карточках язык печатается на лицевой стороне, перевод — на обороте.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/form.py" line="197"/>
        <source>Fields below are printed the same in every language of the notice.</source>
        <translation>Поля ниже печатаются одинаково на всех языках уведомления.</translation>
    </message>
</context>
<context>
    <name>NoticeLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="28"/>
        <source>Advisory notice</source>
        <translation>Информационное уведомление</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="29"/>
        <source>Welfare letter</source>
        <translation>Письмо о благополучии</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="30"/>
        <source>Appointment letter</source>
        <translation>Письмо о записи на приём</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="31"/>
        <source>Document ready letter</source>
        <translation>Письмо о готовности документа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="32"/>
        <source>Emergency contact card</source>
        <translation>Карточка экстренной связи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="33"/>
        <source>Registration certificate</source>
        <translation>Справка о консульском учёте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="34"/>
        <source>Evacuation boarding notice</source>
        <translation>Уведомление о посадке на эвакуационный рейс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="35"/>
        <source>Recovery sheet</source>
        <translation>Лист восстановления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="45"/>
        <source>Each citizen's own language</source>
        <translation>Язык каждого гражданина</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="52"/>
        <source>Situation</source>
        <translation>Обстановка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="53"/>
        <source>Appointment date</source>
        <translation>Дата приёма</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="54"/>
        <source>Appointment time</source>
        <translation>Время приёма</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="55"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="56"/>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="57"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="58"/>
        <source>Flight</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="59"/>
        <source>Flight date</source>
        <translation>Дата рейса</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="60"/>
        <source>Departure airport</source>
        <translation>Аэропорт вылета</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="61"/>
        <source>Assembly point</source>
        <translation>Место сбора</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="62"/>
        <source>Assembly time</source>
        <translation>Время сбора</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="63"/>
        <source>Seat</source>
        <translation>Место в самолёте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/labels.py" line="64"/>
        <source>Recovery code</source>
        <translation>Код восстановления</translation>
    </message>
</context>
<context>
    <name>NoticePreview</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview_worker.py" line="55"/>
        <source>The preview could not be made; see the log.</source>
        <translation>Не удалось построить предпросмотр; см. журнал.</translation>
    </message>
</context>
<context>
    <name>NoticesTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>Issued</source>
        <translation>Выдано</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>Reference</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="114"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="168"/>
        <source>No notice has been issued to this person.</source>
        <translation>Этому человеку уведомления не выдавались.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="82"/>
        <source>&amp;Print again…</source>
        <translation>&amp;Напечатать ещё раз…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="83"/>
        <source>Save again as P&amp;DF…</source>
        <translation>Сохранить ещё раз в P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="104"/>
        <source>Print notice again</source>
        <translation>Повторная печать уведомления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="119"/>
        <source>Printing notice again</source>
        <translation>Уведомление печатается ещё раз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="122"/>
        <source>Notice {reference} printed again ({pages} page(s)).</source>
        <translation>Уведомление {reference} напечатано ещё раз (страниц: {pages}).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="135"/>
        <source>Save notice again as PDF</source>
        <translation>Сохранить уведомление ещё раз в PDF</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="135"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="150"/>
        <source>Saving notice again</source>
        <translation>Уведомление сохраняется ещё раз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/citizen/notices_tab.py" line="153"/>
        <source>Notice {reference} saved again to {path}.</source>
        <translation>Уведомление {reference} ещё раз сохранено в {path}.</translation>
    </message>
</context>
<context>
    <name>NoticesView</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="130"/>
        <source>Notice</source>
        <translation>Уведомление</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="131"/>
        <source>For</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="132"/>
        <source>One PDF file per &amp;person</source>
        <translation>Отдельный PDF на каждого &amp;человека</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="133"/>
        <source>Files are named by reference number, never by name</source>
        <translation>Файлы называются по номеру, никогда по имени</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="134"/>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="135"/>
        <source>Issue the notice and print it (Ctrl+P)</source>
        <translation>Выдать уведомление и напечатать (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="136"/>
        <source>Save as P&amp;DF…</source>
        <translation>Сохранить в P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="137"/>
        <source>Issue the notice and save it as a PDF file (Ctrl+Shift+S)</source>
        <translation>Выдать уведомление и сохранить в PDF (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="138"/>
        <source>&amp;Embassy details…</source>
        <translation>&amp;Данные посольства…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="139"/>
        <source>How notices name and reach the embassy</source>
        <translation>Как уведомления называют посольство и как с ним связаться</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="142"/>
        <source>Your role may see notices but not issue them</source>
        <translation>Ваша роль позволяет видеть уведомления, но не выдавать их</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="145"/>
        <source>Notices for a region, a status or everyone are issued by officers</source>
        <translation>Уведомления для региона, статуса или всех выдают консулы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="197"/>
        <source>Issue for the selection…</source>
        <translation>Выдать для выборки…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/notices/view.py" line="199"/>
        <source>Issue for %n citizen(s)…</source>
        <translation>
            <numerusform>Выдать для %n гражданина…</numerusform>
            <numerusform>Выдать для %n граждан…</numerusform>
            <numerusform>Выдать для %n граждан…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/notices/view.py" line="209"/>
        <source>Preview of the first of %n notice(s); each citizen gets their own.</source>
        <translation>
            <numerusform>Предпросмотр первого из %n уведомления; каждый гражданин получит своё.</numerusform>
            <numerusform>Предпросмотр первого из %n уведомлений; каждый гражданин получит своё.</numerusform>
            <numerusform>Предпросмотр первого из %n уведомлений; каждый гражданин получит своё.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="226"/>
        <source>Pick a citizen to see the notice.</source>
        <translation>Выберите гражданина, чтобы увидеть уведомление.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="232"/>
        <source>Counting the citizens of the selection…</source>
        <translation>Подсчёт граждан в выборке…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="236"/>
        <source>No citizen matches this selection.</source>
        <translation>Нет граждан, подходящих под эту выборку.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="259"/>
        <source>Wait for the notices being issued to finish.</source>
        <translation>Дождитесь окончания выдачи уведомлений.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/view.py" line="268"/>
        <source>Pick the citizen the notice is for first.</source>
        <translation>Сначала выберите гражданина, которому адресовано уведомление.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="88"/>
        <source>New passphrase for %1</source>
        <translation>Новая парольная фраза для %1</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="29"/>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="30"/>
        <source>Repeat it:</source>
        <translation>Повторите её:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/user_dialogs.py" line="42"/>
        <source>The two passphrases are not the same.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="171"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="173"/>
        <source>The passphrase unlocks the encrypted registry. Nobody can recover it for you.</source>
        <translation>Парольная фраза открывает зашифрованный реестр. Никто не сможет восстановить её за вас.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="177"/>
        <source>At least 12 characters; a few unrelated words make a good passphrase. Common passwords, one character repeated, sequences such as 1234 or qwerty, and your user name are refused.</source>
        <translation>Не менее 12 символов; хорошая парольная фраза — несколько несвязанных слов. Распространённые пароли, повтор одного символа, последовательности вроде 1234 или qwerty и ваше имя пользователя не принимаются.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="181"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="182"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторите её:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="192"/>
        <source>The two passphrases are not the same.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="198"/>
        <source>weak</source>
        <translation>слабая</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="198"/>
        <source>fair</source>
        <translation>средняя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="198"/>
        <source>strong</source>
        <translation>надёжная</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="200"/>
        <source>Strength: %1</source>
        <translation>Надёжность: %1</translation>
    </message>
</context>
<context>
    <name>PostPage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="79"/>
        <source>Your post</source>
        <translation>Ваше загранучреждение</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="82"/>
        <source>The embassy or consulate this workstation belongs to; its details appear on printed notices.</source>
        <translation>Посольство или консульство, которому принадлежит это рабочее место; его данные печатаются в уведомлениях.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="86"/>
        <source>&amp;Name of the post:</source>
        <translation>&amp;Название учреждения:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="87"/>
        <source>&amp;Home country (ISO code):</source>
        <translation>&amp;Страна учреждения (код ISO):</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="88"/>
        <source>H&amp;ost country (ISO code):</source>
        <translation>Страна &amp;пребывания (код ISO):</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="89"/>
        <source>&amp;City:</source>
        <translation>&amp;Город:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="90"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="91"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="92"/>
        <source>Hot&amp;line:</source>
        <translation>&amp;Горячая линия:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="93"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="97"/>
        <source>Embassy of the Republic of Kazakhstan in …</source>
        <translation>Посольство Республики Казахстан в …</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="51"/>
        <source>◀ Previous page</source>
        <translation>◀ Предыдущая страница</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="52"/>
        <source>Next page ▶</source>
        <translation>Следующая страница ▶</translation>
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
        <translation>Страница {page} из {pages}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="127"/>
        <source>No preview</source>
        <translation>Нет предпросмотра</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/preview.py" line="129"/>
        <source>{position} · updating…</source>
        <translation>{position} · обновление…</translation>
    </message>
</context>
<context>
    <name>PrintNoticeDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="91"/>
        <source>Print notice</source>
        <translation>Печать уведомления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="93"/>
        <source>For: {name}</source>
        <translation>Кому: {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="96"/>
        <source>For %n selected citizen(s); each gets their own notice.</source>
        <translation>
            <numerusform>Для %n выбранного гражданина; каждый получит своё уведомление.</numerusform>
            <numerusform>Для %n выбранных граждан; каждый получит своё уведомление.</numerusform>
            <numerusform>Для %n выбранных граждан; каждый получит своё уведомление.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="98"/>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="99"/>
        <source>Issue the notice and print it (Ctrl+P)</source>
        <translation>Выдать уведомление и напечатать (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="100"/>
        <source>Save as P&amp;DF…</source>
        <translation>Сохранить в P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="101"/>
        <source>Issue the notice and save it as a PDF file (Ctrl+Shift+S)</source>
        <translation>Выдать уведомление и сохранить в PDF (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="102"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="104"/>
        <source>Your role may see notices but not issue them.</source>
        <translation>Ваша роль позволяет видеть уведомления, но не выдавать их.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="115"/>
        <source>No citizen was picked.</source>
        <translation>Гражданин не выбран.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/print_dialog.py" line="133"/>
        <source>Wait for the notice being issued to finish.</source>
        <translation>Дождитесь окончания выдачи уведомления.</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="1"/>
        <source>No answer or busy: &amp;retry in</source>
        <translation>Нет ответа или занято: &amp;повторить через</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="1"/>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="1"/>
        <source>no retry</source>
        <translation>не повторять</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="230"/>
        <source>welfare: %1</source>
        <translation>благополучие: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="232"/>
        <source>follow up on %1</source>
        <translation>повторный контакт %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="233"/>
        <source>Contact with %1 logged: %2</source>
        <translation>Контакт с %1 записан: %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="221"/>
        <source>Log a contact</source>
        <translation>Записать контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="224"/>
        <source>No citizen selected</source>
        <translation>Гражданин не выбран</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="233"/>
        <source>No phone number on record</source>
        <translation>В карточке нет телефона</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="236"/>
        <source>Welfare now: %1</source>
        <translation>Благополучие сейчас: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="247"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="248"/>
        <source>&amp;Welfare if reached:</source>
        <translation>&amp;Благополучие, если дозвонились:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="249"/>
        <source>&amp;Follow up on</source>
        <translation>&amp;Повторить контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="250"/>
        <source>Note (optional)</source>
        <translation>Заметка (необязательно)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="253"/>
        <source>Press a number to log that outcome at once. In the note, Ctrl+Enter logs the highlighted one.</source>
        <translation>Нажмите цифру, чтобы сразу записать этот результат. В заметке Ctrl+Enter записывает выделенный.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/contacts/quick_log.py" line="257"/>
        <source>&amp;Log</source>
        <translation>&amp;Записать</translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="175"/>
        <source>V&amp;ulnerability:</source>
        <translation>&amp;Уязвимость:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="176"/>
        <source>Any</source>
        <translation>Любая</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="181"/>
        <source>Not &amp;reached since</source>
        <translation>&amp;Нет связи с</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="238"/>
        <source>not reached since %1</source>
        <translation>нет связи с %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="151"/>
        <source>One &amp;citizen</source>
        <translation>Один &amp;гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="152"/>
        <source>A &amp;selection of citizens</source>
        <translation>&amp;Выборка граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="153"/>
        <source>&amp;No one in particular (a general notice)</source>
        <translation>&amp;Без адресата (общее уведомление)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="154"/>
        <source>Search by name, passport, IIN or phone</source>
        <translation>Поиск по имени, паспорту, ИИН или телефону</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="155"/>
        <source>&amp;Region:</source>
        <translation>&amp;Регион:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="156"/>
        <source>&amp;Welfare status:</source>
        <translation>&amp;Благополучие:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="157"/>
        <source>Any region</source>
        <translation>Любой регион</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="159"/>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="164"/>
        <source>One notice addressed to no one by name (&quot;Dear compatriots&quot;), to print and post.</source>
        <translation>Одно уведомление без имени адресата («Уважаемые соотечественники»), чтобы напечатать и вывесить.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="222"/>
        <source>every citizen on the register</source>
        <translation>все граждане на учёте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="274"/>
        <source>For: {name}</source>
        <translation>Кому: {name}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="276"/>
        <source>Search, then pick the citizen in the list.</source>
        <translation>Найдите и выберите гражданина в списке.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="302"/>
        <source>Counting citizens</source>
        <translation>Подсчёт граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="317"/>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/notices/recipient.py" line="319"/>
        <source>%n citizen(s)</source>
        <translation>
            <numerusform>%n гражданин</numerusform>
            <numerusform>%n гражданина</numerusform>
            <numerusform>%n граждан</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="1"/>
        <source>The recovery sheet was saved to {path}. Print it, then delete the file.</source>
        <translation>Лист восстановления сохранён в {path}. Распечатайте его, затем удалите файл.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="1"/>
        <source>The recovery sheet was sent to the printer.</source>
        <translation>Лист восстановления отправлен на принтер.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="346"/>
        <source>Recovery code</source>
        <translation>Код восстановления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="347"/>
        <source>Shown only now. Print it or write it down before you finish.</source>
        <translation>Показывается только сейчас. Распечатайте или запишите его, прежде чем завершить.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="350"/>
        <source>If every passphrase is forgotten, this code is the only way into the registry. Keep it on paper in the embassy safe, never on this computer.</source>
        <translation>Если все парольные фразы забыты, только этот код откроет реестр. Храните его на бумаге в сейфе посольства, никогда — на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="354"/>
        <source>&amp;Print recovery sheet…</source>
        <translation>&amp;Печать листа восстановления…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="355"/>
        <source>&amp;Save recovery sheet as PDF…</source>
        <translation>&amp;Сохранить лист восстановления в PDF…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="356"/>
        <source>I have printed or written down the recovery code</source>
        <translation>Я распечатал(а) или записал(а) код восстановления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="377"/>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="384"/>
        <source>Save recovery sheet</source>
        <translation>Сохранить лист восстановления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/pages.py" line="377"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegistryColumns</name>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="61"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="66"/>
        <source>Name (passport)</source>
        <translation>Имя (по паспорту)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="71"/>
        <source>Born</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="76"/>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="82"/>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="87"/>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="92"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="97"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="102"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="108"/>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="114"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="119"/>
        <source>Welfare</source>
        <translation>Благополучие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="124"/>
        <source>Vulnerability</source>
        <translation>Уязвимость</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/columns.py" line="130"/>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="300"/>
        <source>Export the %1 citizens shown…</source>
        <translation>Экспортировать показанных граждан (%1)…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="302"/>
        <source>Export the %1 selected citizens…</source>
        <translation>Экспортировать выбранных граждан (%1)…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="304"/>
        <source>Export all citizens…</source>
        <translation>Экспортировать всех граждан…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="460"/>
        <source>E&amp;xport</source>
        <translation>Э&amp;кспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="461"/>
        <source>Export the citizens shown or selected to a CSV or Excel file</source>
        <translation>Экспортировать показанных или выбранных граждан в файл CSV или Excel</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="276"/>
        <source>The registry could not be read: %1</source>
        <translation>Не удалось прочитать реестр: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="302"/>
        <source>Reading the registry…</source>
        <translation>Чтение реестра…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="305"/>
        <source>Citizens: %1</source>
        <translation>Граждан: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="308"/>
        <source>loading…</source>
        <translation>загрузка…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="311"/>
        <source>shown: %1</source>
        <translation>показано: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="313"/>
        <source>(the first %1 matches: type more to narrow the search)</source>
        <translation>(первые %1 совпадений: уточните запрос)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="320"/>
        <source>Search: name in any script, passport, IIN or the last digits of a phone (Ctrl+F)</source>
        <translation>Поиск: имя на любом алфавите, паспорт, ИИН или последние цифры телефона (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="322"/>
        <source>&amp;New citizen</source>
        <translation>&amp;Новый гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="323"/>
        <source>Register a citizen (Ctrl+N)</source>
        <translation>Зарегистрировать гражданина (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="324"/>
        <source>&amp;Log contact</source>
        <translation>&amp;Записать контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="325"/>
        <source>Log a contact with the selected citizen (Ctrl+L, then a number)</source>
        <translation>Записать контакт с выбранным гражданином (Ctrl+L, затем цифра)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="326"/>
        <source>&amp;Print notice…</source>
        <translation>&amp;Печать уведомления…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="327"/>
        <source>Print a notice for the selected citizens (Ctrl+P)</source>
        <translation>Напечатать уведомление для выбранных граждан (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="328"/>
        <source>Print notice</source>
        <translation>Печать уведомления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="329"/>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="330"/>
        <source>New citizen</source>
        <translation>Новый гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/registry/view.py" line="331"/>
        <source>Log contact</source>
        <translation>Записать контакт</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="56"/>
        <source>&amp;Lock after this many idle minutes:</source>
        <translation>&amp;Блокировать после простоя (минут):</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="57"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="58"/>
        <source>The OS &amp;keyring may remember a credential on this workstation</source>
        <translation>Связке &amp;ключей ОС разрешено запоминать учётные данные на этом рабочем месте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="59"/>
        <source>A secure system keyring is available.</source>
        <translation>Защищённое системное хранилище ключей доступно.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="61"/>
        <source>No secure system keyring here: the passphrase is asked every time and nothing is stored.</source>
        <translation>Защищённого системного хранилища ключей нет: парольная фраза запрашивается каждый раз, ничего не сохраняется.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="65"/>
        <source>&amp;Save settings</source>
        <translation>&amp;Сохранить настройки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/settings_tab.py" line="88"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далее &gt;</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>&amp;Create</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Готово</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="79"/>
        <source>Embassy Desk: set up this workstation</source>
        <translation>Embassy Desk: настройка рабочего места</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="80"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="100"/>
        <source>Recovery code</source>
        <translation>Код восстановления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/setup/wizard.py" line="101"/>
        <source>The recovery code will not be shown again. Close without keeping it?</source>
        <translation>Код восстановления больше не будет показан. Закрыть, не сохранив его?</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/status.py" line="64"/>
        <source>Citizens: %1</source>
        <translation>Граждан: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/status.py" line="65"/>
        <source>Sync: not set up</source>
        <translation>Синхронизация: не настроена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/status.py" line="1"/>
        <source>Last sync: %1</source>
        <translation>Последняя синхронизация: %1</translation>
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
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="124"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="125"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="126"/>
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="126"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="131"/>
        <source>Demo post (invented people only). Accounts: %1. Passphrase for all: %2</source>
        <translation>Демонстрационное учреждение (только вымышленные люди). Учётные записи: %1. Парольная фраза для всех: %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="140"/>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="141"/>
        <source>consular officer</source>
        <translation>консульский сотрудник</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="142"/>
        <source>clerk</source>
        <translation>делопроизводитель</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="143"/>
        <source>viewer</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="185"/>
        <source>Type your user name and passphrase.</source>
        <translation>Введите имя пользователя и парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="191"/>
        <source>Unlocking</source>
        <translation>Разблокировка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="140"/>
        <source>&amp;Remember me on this workstation</source>
        <translation>&amp;Запомнить меня на этом рабочем месте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="142"/>
        <source>Remembered here: leave empty and press Unlock</source>
        <translation>Вас здесь помнят: оставьте поле пустым и нажмите «Разблокировать»</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="279"/>
        <source>Other users of this computer could read %1; made private again.</source>
        <translation>Другие пользователи этого компьютера могли читать %1; доступ снова закрыт.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="193"/>
        <source>This workstation will remember you: next time, leave the passphrase empty.</source>
        <translation>Это рабочее место запомнит вас: в следующий раз оставьте парольную фразу пустой.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="196"/>
        <source>An administrator has not allowed this workstation to remember staff; your passphrase is still needed.</source>
        <translation>Администратор не разрешил этому рабочему месту запоминать сотрудников; парольная фраза по-прежнему нужна.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="200"/>
        <source>This computer has no secure keyring, so it cannot remember you; your passphrase is still needed.</source>
        <translation>На этом компьютере нет защищённого хранилища ключей, поэтому он не может вас запомнить; парольная фраза по-прежнему нужна.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="203"/>
        <source>This workstation no longer remembers you.</source>
        <translation>Это рабочее место больше не помнит вас.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/screen.py" line="203"/>
        <source>This workstation no longer remembers you; type your passphrase.</source>
        <translation>Это рабочее место больше не помнит вас; введите парольную фразу.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="66"/>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="66"/>
        <source>Full name</source>
        <translation>Полное имя</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="66"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="66"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="68"/>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="69"/>
        <source>&amp;New passphrase…</source>
        <translation>&amp;Новая парольная фраза…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="70"/>
        <source>&amp;Disable</source>
        <translation>&amp;Отключить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="71"/>
        <source>&amp;Reopen after lock-out</source>
        <translation>&amp;Разблокировать после блокировки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="91"/>
        <source>disabled</source>
        <translation>отключена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="91"/>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="138"/>
        <source>Add a staff account</source>
        <translation>Добавить учётную запись сотрудника</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="139"/>
        <source>The account %1 was added.</source>
        <translation>Учётная запись %1 добавлена.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="152"/>
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="153"/>
        <source>The passphrase of %1 was changed.</source>
        <translation>Парольная фраза %1 изменена.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="162"/>
        <source>Disable account</source>
        <translation>Отключить учётную запись</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="163"/>
        <source>Disable %1? Their passphrase will no longer open anything.</source>
        <translation>Отключить %1? Парольная фраза этой учётной записи больше ничего не откроет.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="186"/>
        <source>Reopen account</source>
        <translation>Разблокировать учётную запись</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/admin/users_tab.py" line="187"/>
        <source>%1 can sign in again.</source>
        <translation>%1 снова может войти.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="28"/>
        <source>Present</source>
        <translation>Находится в стране</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="29"/>
        <source>Departed</source>
        <translation>Выбыл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="30"/>
        <source>Transferred</source>
        <translation>Передан на учёт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="31"/>
        <source>Deceased</source>
        <translation>Умер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="38"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="39"/>
        <source>Safe</source>
        <translation>В безопасности</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="40"/>
        <source>Needs assistance</source>
        <translation>Нужна помощь</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="41"/>
        <source>Unreachable</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="42"/>
        <source>Evacuated</source>
        <translation>Эвакуирован</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="49"/>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="105"/>
        <source>Visit</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="50"/>
        <source>Study</source>
        <translation>Учёба</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="51"/>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="124"/>
        <source>Work</source>
        <translation>Работа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="52"/>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="53"/>
        <source>Residence</source>
        <translation>Проживание</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="54"/>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="125"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="61"/>
        <source>Minor</source>
        <translation>Несовершеннолетний</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="62"/>
        <source>Elderly</source>
        <translation>Пожилой</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="63"/>
        <source>Medical condition</source>
        <translation>Заболевание</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="64"/>
        <source>Reduced mobility</source>
        <translation>Ограниченная подвижность</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="102"/>
        <source>Phone call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="114"/>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="115"/>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="122"/>
        <source>Mobile</source>
        <translation>Мобильный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="123"/>
        <source>Home</source>
        <translation>Домашний</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="65"/>
        <source>Pregnancy</source>
        <translation>Беременность</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="72"/>
        <source>Female</source>
        <translation>Женский</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="73"/>
        <source>Male</source>
        <translation>Мужской</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="74"/>
        <source>Unspecified</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="81"/>
        <source>M</source>
        <translation>М</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="82"/>
        <source>F</source>
        <translation>Ж</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="83"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="90"/>
        <source>Reached</source>
        <translation>Дозвонились</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="91"/>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="92"/>
        <source>Wrong number</source>
        <translation>Неверный номер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="93"/>
        <source>Message left</source>
        <translation>Оставлено сообщение</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="94"/>
        <source>Busy</source>
        <translation>Занято</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="95"/>
        <source>Declined</source>
        <translation>Отказался</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="103"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="104"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="106"/>
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py" line="107"/>
        <source>Letter</source>
        <translation>Письмо</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../embassy_desk/gui/errors.py" line="29"/>
        <source>Not allowed</source>
        <translation>Не разрешено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/errors.py" line="31"/>
        <source>Cannot do this</source>
        <translation>Невозможно выполнить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/errors.py" line="47"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/errors.py" line="48"/>
        <source>Something went wrong; the details were written to the log. Nothing was half-saved.</source>
        <translation>Что-то пошло не так; подробности записаны в журнал. Ничего не сохранено наполовину.</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="41"/>
        <source>Registry</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="42"/>
        <source>Follow-ups</source>
        <translation>Повторные контакты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="43"/>
        <source>Cases</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="44"/>
        <source>Notices</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="47"/>
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Campaigns</source>
        <translation>Кампании</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Evacuation</source>
        <translation>Эвакуация</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py" line="1"/>
        <source>Duty log</source>
        <translation>Журнал дежурств</translation>
    </message>
</context>
<context>
    <name>recovery_sheet</name>
    <message>
        <location filename="../../embassy_desk/gui/setup/recovery_sheet.py" line="36"/>
        <source>Print recovery sheet</source>
        <translation>Печать листа восстановления</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../embassy_desk/gui/roles.py" line="13"/>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/roles.py" line="14"/>
        <source>consular officer</source>
        <translation>консульский сотрудник</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/roles.py" line="15"/>
        <source>clerk</source>
        <translation>делопроизводитель</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/roles.py" line="16"/>
        <source>viewer</source>
        <translation>наблюдатель</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../embassy_desk/gui/tasks.py" line="137"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/tasks.py" line="147"/>
        <location filename="../../embassy_desk/gui/tasks.py" line="148"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <location filename="../../embassy_desk/gui/unlock/messages.py" line="14"/>
        <source>Too many failed attempts. Try again in %1 s.</source>
        <translation>Слишком много неудачных попыток. Повторите через %1 с.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/messages.py" line="24"/>
        <source>This account is locked after %1 failed attempts. An administrator or the recovery code can reopen it.</source>
        <translation>Учётная запись заблокирована после %1 неудачных попыток. Разблокировать её может администратор или код восстановления.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/messages.py" line="30"/>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>Учётная запись отключена. Обратитесь к администратору.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/unlock/messages.py" line="32"/>
        <source>Wrong user name or passphrase.</source>
        <translation>Неверное имя пользователя или парольная фраза.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <!-- Qt's own qtbase_ru.qm lacks these; they fill the gaps of Qt's file dialog. -->
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Тип файлов:</translation>
    </message>
</context>
<context>
    <name>open_dialogs</name>
    <message>
        <location filename="../../embassy_desk/gui/open_dialogs.py" line="1"/>
        <source>This record is already open, under this window: close this window to go back to it.</source>
        <translation>Эта запись уже открыта под этим окном: закройте это окно, чтобы вернуться к ней.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <!-- Qt's own qtbase_ru.qm lacks these: the type column of Qt's file dialog. -->
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Папка</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>Папка с файлами</translation>
    </message>
    <message>
        <source>Finder Folder</source>
        <comment>Match OS X Finder</comment>
        <translation>Папка</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <!-- Qt's own qtbase_ru.qm lacks this label of Qt's print dialog. -->
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Набор страниц:</translation>
    </message>
</context>
<context>
    <name>BundlesView</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="71"/>
        <source>When there is no connection, carry the changes on a USB stick: write a bundle here and take it to headquarters; bring back the bundle headquarters writes for this post and read it here. Bundles are encrypted and signed: one altered on the way is refused.</source>
        <translation>Когда связи нет, перенесите изменения на USB-накопителе: запишите здесь пакет и отвезите его в центр; привезите пакет, который центр записал для этого загранучреждения, и прочитайте его здесь. Пакеты зашифрованы и подписаны: изменённый в пути пакет отклоняется.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="76"/>
        <source>&amp;Write bundle for headquarters…</source>
        <translation>&amp;Записать пакет для центра…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="77"/>
        <source>&amp;Read bundle from headquarters…</source>
        <translation>&amp;Прочитать пакет от центра…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="85"/>
        <source>Embassy Desk sync bundles (*%1);;All files (*)</source>
        <translation>Пакеты синхронизации Embassy Desk (*%1);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="92"/>
        <source>Write a bundle for headquarters</source>
        <translation>Записать пакет для центра</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="104"/>
        <source>Writing the bundle</source>
        <translation>Запись пакета</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="111"/>
        <source>Bundle %1 written to %2: %n change(s) for headquarters.</source>
        <translation>
            <numerusform>Пакет %1 записан в %2: %n изменение для центра.</numerusform>
            <numerusform>Пакет %1 записан в %2: %n изменения для центра.</numerusform>
            <numerusform>Пакет %1 записан в %2: %n изменений для центра.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="121"/>
        <source>Read a bundle from headquarters</source>
        <translation>Прочитать пакет от центра</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="128"/>
        <source>Reading the bundle</source>
        <translation>Чтение пакета</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="135"/>
        <source>Bundle %1 from headquarters was read before; nothing changed.</source>
        <translation>Пакет %1 от центра уже был прочитан; ничего не изменилось.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/bundles_view.py" line="137"/>
        <source>Bundle %1 from headquarters read: %n change(s) received.</source>
        <translation>
            <numerusform>Пакет %1 от центра прочитан: получено %n изменение.</numerusform>
            <numerusform>Пакет %1 от центра прочитан: получено %n изменения.</numerusform>
            <numerusform>Пакет %1 от центра прочитан: получено %n изменений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictQueue</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="228"/>
        <source>Settling the conflict</source>
        <translation>Решение конфликта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="239"/>
        <source>Settled: this workstation&apos;s value is kept.</source>
        <translation>Решено: оставлено значение этого рабочего места.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="240"/>
        <source>Settled: the other side&apos;s value is kept.</source>
        <translation>Решено: оставлено значение другой стороны.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="270"/>
        <source>deleted on one side</source>
        <translation>удалено на одной стороне</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="279"/>
        <source>%n conflict(s) to settle. Both workstations changed the same thing before either synced; choose which value stays.</source>
        <translation>
            <numerusform>%n конфликт ждёт решения. Оба рабочих места изменили одно и то же до синхронизации; выберите, какое значение остаётся.</numerusform>
            <numerusform>%n конфликта ждут решения. Оба рабочих места изменили одно и то же до синхронизации; выберите, какое значение остаётся.</numerusform>
            <numerusform>%n конфликтов ждут решения. Оба рабочих места изменили одно и то же до синхронизации; выберите, какое значение остаётся.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="285"/>
        <source>No conflicts to settle.</source>
        <translation>Конфликтов нет.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="298"/>
        <source>someone on this workstation</source>
        <translation>кто-то на этом рабочем месте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="300"/>
        <source>a colleague on another workstation</source>
        <translation>коллега на другом рабочем месте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="301"/>
        <source>Changed by %1, %2</source>
        <translation>Изменил(а): %1, %2</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="315"/>
        <source>This record was deleted on one side while it was being edited on the other. The deletion was kept; keep the edit to restore the record with it.</source>
        <translation>Эту запись удалили на одной стороне, пока её редактировали на другой. Удаление сохранено; оставьте правку, чтобы восстановить запись с ней.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="322"/>
        <source>Both sides changed this at the same time. The later change is on the record now; nothing is lost until you choose.</source>
        <translation>Обе стороны изменили это одновременно. Сейчас в записи более позднее изменение; до вашего выбора ничего не потеряно.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="326"/>
        <source>(deleted)</source>
        <translation>(удалено)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="326"/>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="335"/>
        <source>On the record now</source>
        <translation>Сейчас в записи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="344"/>
        <source>Conflicts are settled by staff who may edit records</source>
        <translation>Конфликты решают сотрудники, которым разрешено редактировать записи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="347"/>
        <source>This workstation</source>
        <translation>Это рабочее место</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="348"/>
        <source>Other workstation, through headquarters</source>
        <translation>Другое рабочее место, через центр</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="349"/>
        <source>Keep &amp;local</source>
        <translation>Оставить &amp;это</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflicts_view.py" line="350"/>
        <source>Keep &amp;remote</source>
        <translation>Оставить &amp;другое</translation>
    </message>
</context>
<context>
    <name>EnrollForm</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="77"/>
        <source>Connect to headquarters</source>
        <translation>Подключение к центру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="80"/>
        <source>Headquarters gives the address of its server and a one-time enrollment code (valid for 24 hours). This workstation makes its own key and sends headquarters only the public half; the first sync then brings the post&apos;s whole registry.</source>
        <translation>Центр сообщает адрес своего сервера и одноразовый код регистрации (действует 24 часа). Это рабочее место создаёт собственный ключ и отправляет в центр только его открытую часть; первая синхронизация затем приносит весь реестр загранучреждения.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="85"/>
        <source>Headquarters &amp;address:</source>
        <translation>&amp;Адрес центра:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="86"/>
        <source>Enrollment &amp;code:</source>
        <translation>&amp;Код регистрации:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="87"/>
        <source>&amp;Enroll this workstation</source>
        <translation>&amp;Зарегистрировать рабочее место</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="107"/>
        <source>Connecting to headquarters</source>
        <translation>Подключение к центру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/enroll_form.py" line="119"/>
        <source>This workstation is enrolled. The first sync starts now.</source>
        <translation>Рабочее место зарегистрировано. Первая синхронизация начинается.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="92"/>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="93"/>
        <source>Bundle written</source>
        <translation>Пакет записан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="94"/>
        <source>Bundle read</source>
        <translation>Пакет прочитан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="103"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="103"/>
        <source>Interrupted</source>
        <translation>Прервано</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="105"/>
        <source>Headquarters could not be reached; nothing was lost</source>
        <translation>Нет связи с центром; ничего не потеряно</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="107"/>
        <source>Headquarters was busy; nothing was lost</source>
        <translation>Центр был занят; ничего не потеряно</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="109"/>
        <source>Refused: this workstation is not (or no longer) enrolled</source>
        <translation>Отклонено: рабочее место не зарегистрировано (или регистрация отозвана)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="111"/>
        <source>Refused: this computer&apos;s clock is off</source>
        <translation>Отклонено: часы этого компьютера идут неверно</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="113"/>
        <source>Refused: this version of Embassy Desk is too old</source>
        <translation>Отклонено: эта версия Embassy Desk устарела</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="115"/>
        <source>Done, but headquarters refused some changes</source>
        <translation>Готово, но центр отклонил часть изменений</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="117"/>
        <source>Done, but the final check still differs from headquarters</source>
        <translation>Готово, но итоговая проверка всё ещё расходится с центром</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="119"/>
        <source>Stopped when the workstation was locked</source>
        <translation>Остановлено при блокировке рабочего места</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="121"/>
        <source>The bundle was refused</source>
        <translation>Пакет отклонён</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="122"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="149"/>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="150"/>
        <source>How</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="151"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="152"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="153"/>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="154"/>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/history_view.py" line="157"/>
        <source>No sync yet.</source>
        <translation>Синхронизаций ещё не было.</translation>
    </message>
</context>
<context>
    <name>HqPublications</name>
    <message>
        <location filename="../../embassy_desk/gui/notices/hq_publications.py" line="104"/>
        <source>Notice template</source>
        <translation>Шаблон уведомления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/hq_publications.py" line="105"/>
        <source>Advisory</source>
        <translation>Рекомендация</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/hq_publications.py" line="133"/>
        <source>Notice template %1, version %2, language %3</source>
        <translation>Шаблон уведомления %1, версия %2, язык %3</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/notices/hq_publications.py" line="144"/>
        <source>From headquarters</source>
        <translation>От центра</translation>
    </message>
</context>
<context>
    <name>SyncConflictLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="25"/>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="26"/>
        <source>Identity</source>
        <translation>Личность</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="27"/>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="28"/>
        <source>Stay</source>
        <translation>Пребывание</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="29"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="30"/>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="59"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="31"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="32"/>
        <source>Messengers</source>
        <translation>Мессенджеры</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="33"/>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="61"/>
        <source>Emergency contact</source>
        <translation>Контакт на экстренный случай</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="34"/>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="48"/>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="60"/>
        <source>Household</source>
        <translation>Домохозяйство</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="35"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="36"/>
        <source>Vulnerabilities</source>
        <translation>Уязвимость</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="37"/>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="38"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="39"/>
        <source>Welfare</source>
        <translation>Благополучие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="40"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="47"/>
        <source>Citizen</source>
        <translation>Гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="49"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="50"/>
        <source>Case</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="51"/>
        <source>Case event</source>
        <translation>Событие обращения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="52"/>
        <source>Notice</source>
        <translation>Уведомление</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="62"/>
        <source>Welfare checked on</source>
        <translation>Благополучие проверено</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="63"/>
        <source>Welfare checked by</source>
        <translation>Кто проверил благополучие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="64"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="65"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="66"/>
        <source>Assigned to</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/conflict_labels.py" line="79"/>
        <source>Whole record</source>
        <translation>Вся запись</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/runner.py" line="261"/>
        <source>%n change(s) received from headquarters</source>
        <translation>
            <numerusform>Получено %n изменение от центра</numerusform>
            <numerusform>Получено %n изменения от центра</numerusform>
            <numerusform>Получено %n изменений от центра</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="45"/>
        <source>Something went wrong; the details were written to the log. Nothing was half-saved.</source>
        <translation>Что-то пошло не так; подробности записаны в журнал. Ничего не сохранено наполовину.</translation>
    </message>
</context>
<context>
    <name>SyncStateView</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="87"/>
        <source>Headquarters</source>
        <translation>Центр</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="91"/>
        <source>Post:</source>
        <translation>Загранучреждение:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="92"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="93"/>
        <source>Connection:</source>
        <translation>Связь:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="94"/>
        <source>Last sync:</source>
        <translation>Последняя синхронизация:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="95"/>
        <source>Waiting to be sent:</source>
        <translation>Ждут отправки:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="96"/>
        <source>Conflicts to settle:</source>
        <translation>Конфликтов к решению:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="101"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Синхронизировать сейчас</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="102"/>
        <source>Send this workstation&apos;s changes and receive the others&apos; now</source>
        <translation>Отправить изменения этого рабочего места и получить чужие сейчас</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="115"/>
        <source>Reading the sync state…</source>
        <translation>Чтение состояния синхронизации…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="119"/>
        <source>This workstation is not connected to headquarters yet. Its changes wait in the change log and are sent once it is enrolled.</source>
        <translation>Это рабочее место ещё не подключено к центру. Его изменения ждут в журнале изменений и будут отправлены после регистрации.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="124"/>
        <source>This workstation syncs with headquarters by itself.</source>
        <translation>Это рабочее место синхронизируется с центром само.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="128"/>
        <source>never</source>
        <translation>ни разу</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="130"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n изменение</numerusform>
            <numerusform>%n изменения</numerusform>
            <numerusform>%n изменений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="130"/>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="132"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="147"/>
        <source>not tried since sign-in</source>
        <translation>не проверялась с момента входа</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="149"/>
        <source>headquarters answers</source>
        <translation>центр отвечает</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="150"/>
        <source>headquarters does not answer</source>
        <translation>центр не отвечает</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="157"/>
        <source>Sync is tried again by itself every few minutes.</source>
        <translation>Синхронизация сама повторяется каждые несколько минут.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state_view.py" line="159"/>
        <source>Sync stays stopped until this is put right: tell an administrator.</source>
        <translation>Синхронизация остановлена, пока это не исправят: сообщите администратору.</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="115"/>
        <source>&amp;Conflicts (%1)</source>
        <translation>&amp;Конфликты (%1)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="115"/>
        <source>&amp;Conflicts</source>
        <translation>&amp;Конфликты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="120"/>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="121"/>
        <source>&amp;USB bundles</source>
        <translation>&amp;USB-пакеты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/view.py" line="123"/>
        <source>An administrator connects this workstation to headquarters on this screen.</source>
        <translation>Администратор подключает это рабочее место к центру на этом экране.</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="96"/>
        <source>Sending changes to headquarters… (%n sent)</source>
        <translation>
            <numerusform>Отправка изменений в центр… (отправлено %n)</numerusform>
            <numerusform>Отправка изменений в центр… (отправлено %n)</numerusform>
            <numerusform>Отправка изменений в центр… (отправлено %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="98"/>
        <source>Receiving changes from headquarters… (%n received)</source>
        <translation>
            <numerusform>Получение изменений от центра… (получено %n)</numerusform>
            <numerusform>Получение изменений от центра… (получено %n)</numerusform>
            <numerusform>Получение изменений от центра… (получено %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="100"/>
        <source>Checking the registry against headquarters…</source>
        <translation>Сверка реестра с центром…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="102"/>
        <source>Connecting to headquarters…</source>
        <translation>Подключение к центру…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="103"/>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="108"/>
        <source>Sync: syncing…</source>
        <translation>Синхронизация: идёт…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="110"/>
        <source>Sync: refused by headquarters</source>
        <translation>Синхронизация: отклонена центром</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="113"/>
        <source>Sync: offline, %n waiting</source>
        <translation>
            <numerusform>Синхронизация: нет связи, ждёт %n</numerusform>
            <numerusform>Синхронизация: нет связи, ждут %n</numerusform>
            <numerusform>Синхронизация: нет связи, ждут %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="115"/>
        <source>Sync: offline</source>
        <translation>Синхронизация: нет связи</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="119"/>
        <source>Sync: failed, %n waiting</source>
        <translation>
            <numerusform>Синхронизация: ошибка, ждёт %n</numerusform>
            <numerusform>Синхронизация: ошибка, ждут %n</numerusform>
            <numerusform>Синхронизация: ошибка, ждут %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="121"/>
        <source>Sync: failed</source>
        <translation>Синхронизация: ошибка</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="124"/>
        <source>Sync: %n waiting</source>
        <translation>
            <numerusform>Синхронизация: ждёт %n</numerusform>
            <numerusform>Синхронизация: ждут %n</numerusform>
            <numerusform>Синхронизация: ждут %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/sync/state.py" line="126"/>
        <source>Sync: up to date</source>
        <translation>Синхронизация: данные актуальны</translation>
    </message>
    <message numerus="yes">
        <location filename="../../embassy_desk/gui/sync/state.py" line="128"/>
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n конфликт</numerusform>
            <numerusform>%n конфликта</numerusform>
            <numerusform>%n конфликтов</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py"/>
        <source>Check-in by the citizen</source>
        <translation>Отметка гражданина</translation>
    </message>
</context>
<context>
    <name>LastReached</name>
    <message>
        <location filename="../../embassy_desk/gui/duty/reached_labels.py"/>
        <source>check-in</source>
        <translation>отметка</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py"/>
        <source>Check-in</source>
        <translation>Отметка</translation>
    </message>
</context>
<context>
    <name>PhoneQueue</name>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>(no longer on the register)</source>
        <translation>(уже нет в реестре)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>{phone} is now {name}'s first mobile number.</source>
        <translation>{phone} теперь первый мобильный номер: {name}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>The number {phone} reported for {name} was dismissed.</source>
        <translation>Номер {phone}, сообщённый для {name}, отклонён.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>check-in page</source>
        <translation>страница отметки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Staff who edit the register review the reported numbers.</source>
        <translation>Сообщённые номера проверяют сотрудники, которые ведут реестр.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>No reported phone number waits for review.</source>
        <translation>Сообщённых номеров на проверку нет.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Phone numbers citizens reported</source>
        <translation>Номера, сообщённые гражданами</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Person</source>
        <translation>Гражданин</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Numbers on record</source>
        <translation>Номера в реестре</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Reported number</source>
        <translation>Сообщённый номер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>How</source>
        <translation>Как</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>A&amp;pply: make it the first mobile</source>
        <translation>&amp;Принять: сделать первым мобильным</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Отклонить</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py"/>
        <source>the citizen</source>
        <translation>сам гражданин</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Check-ins by citizens</source>
        <translation>Отметки граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>{day} in the last 24 h
{safe} safe · {help} need help</source>
        <translation>за 24 ч: {day}
в безопасности: {safe} · нужна помощь: {help}</translation>
    </message>
</context>
<context>
    <name>AddressPanel</name>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Check-in is on: links lead to {address}/c/… and citizens answer there.</source>
        <translation>Отметка включена: ссылки ведут на {address}/c/…, там граждане и отвечают.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Check-in is off. Enter the address at which headquarters serves the check-in page to the public (https://…) and save it.</source>
        <translation>Отметка выключена. Введите адрес, по которому центр открывает страницу отметки для всех (https://…), и сохраните его.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Check-in is off: an administrator has to set headquarters' public address first.</source>
        <translation>Отметка выключена: сначала администратор должен указать публичный адрес центра.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Headquarters' public address</source>
        <translation>Публичный адрес центра</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>&amp;Save address</source>
        <translation>Со&amp;хранить адрес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Leave the field blank and save to turn check-in off</source>
        <translation>Чтобы выключить отметку, очистите поле и сохраните</translation>
    </message>
</context>
<context>
    <name>CheckinView</name>
    <message>
        <location filename="../../embassy_desk/gui/checkin/view.py"/>
        <source>Links made: {links} ({live} still valid) · answers received: {answers} ({safe} safe, {help} need help) · phone numbers to review: {phones}</source>
        <translation>Создано ссылок: {links} (ещё действуют: {live}) · получено ответов: {answers} (в безопасности: {safe}, нужна помощь: {help}) · номеров на проверку: {phones}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/view.py"/>
        <source>Check-in: citizens answer themselves</source>
        <translation>Отметка: граждане отвечают сами</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Save the check-in links</source>
        <translation>Сохранить ссылки для отметки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Making check-in links</source>
        <translation>Создаются ссылки для отметки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>{links} links written to {file} ({none} without a mobile number: give them theirs another way). The file holds the only copy of the links: send it to the gateway, then delete it.</source>
        <translation>Ссылок записано: {links}, файл {file} (без мобильного номера: {none} — передайте им ссылки иначе). В файле единственная копия ссылок: отправьте его в шлюз, затем удалите.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>{links} check-in links written to {file}</source>
        <translation>Ссылок для отметки записано: {links}, файл {file}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Officers and administrators make check-in links.</source>
        <translation>Ссылки для отметки создают консульские сотрудники и администраторы.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Set headquarters' public address first: links lead there.</source>
        <translation>Сначала укажите публичный адрес центра: ссылки ведут туда.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>No open campaign: make one on the Campaigns screen, or choose a region.</source>
        <translation>Открытой кампании нет: создайте её на экране «Кампании» или выберите регион.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Everyone on the campaign's lists not reached yet gets a new link; an answer counts for the campaign and takes the person off the call list.</source>
        <translation>Новую ссылку получит каждый из списков кампании, с кем ещё не связались; ответ засчитывается кампании и убирает человека из списка звонков.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Everyone present in the region gets a new link (links made before stay valid).</source>
        <translation>Новую ссылку получит каждый, кто находится в регионе (прежние ссылки продолжают действовать).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Everyone present gets a new link (links made before stay valid).</source>
        <translation>Новую ссылку получит каждый, кто находится в стране (прежние ссылки продолжают действовать).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Links for citizens</source>
        <translation>Ссылки для граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>A &amp;campaign's list:</source>
        <translation>Список &amp;кампании:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Everyone in a &amp;region:</source>
        <translation>Все в &amp;регионе:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>&amp;Everyone present</source>
        <translation>Все, кто в с&amp;тране</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Valid &amp;through:</source>
        <translation>&amp;Действуют по:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>E&amp;xport links to CSV…</source>
        <translation>В&amp;ыгрузить ссылки в CSV…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Make one new personal link per person and write citizen_id, phone, language, url</source>
        <translation>Создать каждому новую личную ссылку и записать citizen_id, phone, language, url</translation>
    </message>
</context>
</TS>

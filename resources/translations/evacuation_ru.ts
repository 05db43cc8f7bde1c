<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>BoardingNoticesDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="46"/>
        <source>Boarding notices</source>
        <translation>Посадочные уведомления</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="48"/>
        <source>One boarding notice for each of the {count} passenger(s), in one PDF file.</source>
        <translation>По одному посадочному уведомлению на каждого пассажира (всего: {count}) в одном файле PDF.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="52"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="53"/>
        <source>&amp;Second language:</source>
        <translation>&amp;Второй язык:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="59"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>EvacuationLabels</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="29"/>
        <source>Flight</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="29"/>
        <source>Bus</source>
        <translation>Автобус</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="34"/>
        <source>Open</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="35"/>
        <source>Closed (boarding)</source>
        <translation>Закрыт (посадка)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="36"/>
        <source>Departed</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="37"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="43"/>
        <source>Passengers</source>
        <translation>Пассажиры</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="44"/>
        <source>Waiting list</source>
        <translation>Лист ожидания</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="45"/>
        <source>Removed</source>
        <translation>Исключены</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="51"/>
        <source>Confirmed</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="52"/>
        <source>Checked in</source>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="53"/>
        <source>Boarded</source>
        <translation>На борту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="54"/>
        <source>No-show</source>
        <translation>Не явился</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="60"/>
        <source>Medical</source>
        <translation>Медицинские показания</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="61"/>
        <source>Pregnant</source>
        <translation>Беременность</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="62"/>
        <source>Child with family</source>
        <translation>Ребёнок с семьёй</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="63"/>
        <source>Elderly</source>
        <translation>Пожилой возраст</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="64"/>
        <source>Other</source>
        <translation>Прочие</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="71"/>
        <source>Valid</source>
        <translation>Действителен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="73"/>
        <source>Expired by departure</source>
        <translation>Истекает до вылета</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="74"/>
        <source>Missing</source>
        <translation>Нет данных</translation>
    </message>
</context>
<context>
    <name>EvacuationTables</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="70"/>
        <source>Transport</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="71"/>
        <source>Carrier</source>
        <translation>Перевозчик</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="72"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="73"/>
        <source>From → to</source>
        <translation>Откуда → куда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="74"/>
        <source>Departure</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="75"/>
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="76"/>
        <source>Passengers / waiting</source>
        <translation>Пассажиры / ожидание</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="77"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="143"/>
        <source>{household} (kept apart)</source>
        <translation>{household} (отдельно)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="163"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="164"/>
        <source>Name as in the passport</source>
        <translation>Имя как в паспорте</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="165"/>
        <source>Household</source>
        <translation>Семья</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="166"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="167"/>
        <source>Boarding</source>
        <translation>Посадка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="168"/>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="169"/>
        <source>Born</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="170"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
</context>
<context>
    <name>EvacuationView</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="152"/>
        <source>Flights and buses</source>
        <translation>Рейсы и автобусы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="153"/>
        <source>Manifest</source>
        <translation>Список пассажиров</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="154"/>
        <source>No flight or bus yet. Officers add one with “Add…”.</source>
        <translation>Рейсов и автобусов пока нет. Консульские сотрудники добавляют их кнопкой «Добавить…».</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="155"/>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="156"/>
        <source>Add a flight or bus</source>
        <translation>Добавить рейс или автобус</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="157"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="158"/>
        <source>Change the chosen flight or bus</source>
        <translation>Изменить выбранный рейс или автобус</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="159"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="160"/>
        <source>Build &amp;manifest</source>
        <translation>Составить &amp;список</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="163"/>
        <source>Fill the seats from evacuation cases and campaign outcomes: medical, pregnant, children with their families, the elderly, then others; households stay together</source>
        <translation>Заполнить места по обращениям об эвакуации и итогам обзвона: сначала по медицинским показаниям, беременные, дети с семьями, пожилые, затем остальные; семьи не разделяются</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="167"/>
        <source>Print &amp;manifest…</source>
        <translation>&amp;Печать списка…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="169"/>
        <source>Print the manifest (Ctrl+P) or save it as a PDF (Ctrl+Shift+S)</source>
        <translation>Напечатать список пассажиров (Ctrl+P) или сохранить его как PDF (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="171"/>
        <source>Save as PDF…</source>
        <translation>Сохранить как PDF…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="172"/>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="173"/>
        <source>E&amp;xport for the carrier…</source>
        <translation>Э&amp;кспорт для перевозчика…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="176"/>
        <source>A CSV with names as in the passport, sex, date of birth, nationality, document and expiry</source>
        <translation>CSV с именами как в паспорте, полом, датой рождения, гражданством, номером документа и сроком действия</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="179"/>
        <source>Boarding &amp;notices…</source>
        <translation>Посадочные &amp;уведомления…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="181"/>
        <source>Flights and manifests are managed by consular officers</source>
        <translation>Рейсами и списками пассажиров управляют консульские сотрудники</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="315"/>
        <source>Choose a flight or bus first.</source>
        <translation>Сначала выберите рейс или автобус.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="325"/>
        <source>Flights are added and changed by consular officers.</source>
        <translation>Рейсы добавляют и изменяют консульские сотрудники.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="334"/>
        <source>Saved: {carrier} {number}, {seats} seat(s).</source>
        <translation>Сохранено: {carrier} {number}, мест: {seats}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="349"/>
        <source>Wait for the work in progress to finish.</source>
        <translation>Дождитесь окончания текущей работы.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="356"/>
        <source>Building the manifest</source>
        <translation>Составление списка пассажиров</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="375"/>
        <source>Manifest built: {seated} passenger(s) for {seats} seat(s), {waiting} on the waiting list; {flagged} passport(s) flagged to check; {households} household(s), each kept together unless a person chose otherwise.</source>
        <translation>Список составлен: пассажиров — {seated} на {seats} мест, в листе ожидания — {waiting}; паспортов к проверке — {flagged}; семей — {households}, каждая вместе, если сотрудник не решил иначе.</translation>
    </message>
</context>
<context>
    <name>FlightDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="111"/>
        <source>Add a flight or bus</source>
        <translation>Добавить рейс или автобус</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="111"/>
        <source>Change flight</source>
        <translation>Изменить рейс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="114"/>
        <source>&amp;Transport:</source>
        <translation>&amp;Транспорт:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="115"/>
        <source>&amp;Carrier:</source>
        <translation>&amp;Перевозчик:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="116"/>
        <source>&amp;Number:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="117"/>
        <source>&amp;From:</source>
        <translation>&amp;Откуда:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="118"/>
        <source>T&amp;o:</source>
        <translation>&amp;Куда:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="119"/>
        <source>&amp;Departure:</source>
        <translation>&amp;Отправление:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="120"/>
        <source>&amp;Seats:</source>
        <translation>&amp;Мест:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="121"/>
        <source>&amp;Assembly point:</source>
        <translation>Место &amp;сбора:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="122"/>
        <source>S&amp;tatus:</source>
        <translation>С&amp;татус:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="126"/>
        <source>Air Astana, a bus company…</source>
        <translation>Air Astana, автобусная компания…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="127"/>
        <source>KC 910</source>
        <translation>KC 910</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="128"/>
        <source>Incheon ICN</source>
        <translation>Инчхон ICN</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="129"/>
        <source>Almaty ALA</source>
        <translation>Алматы ALA</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="130"/>
        <source>1 to {max}</source>
        <translation>от 1 до {max}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="131"/>
        <source>Where passengers meet, and when</source>
        <translation>Где и когда собираются пассажиры</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="185"/>
        <source>Carrier: enter the airline or bus company.</source>
        <translation>Перевозчик: укажите авиакомпанию или автобусную компанию.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="186"/>
        <source>Number: enter the flight or bus number.</source>
        <translation>Номер: укажите номер рейса или автобуса.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="187"/>
        <source>From: enter where the flight or bus leaves from.</source>
        <translation>Откуда: укажите место отправления рейса или автобуса.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="188"/>
        <source>To: enter where the flight or bus goes.</source>
        <translation>Куда: укажите пункт назначения рейса или автобуса.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="195"/>
        <source>To: the destination must differ from where it leaves.</source>
        <translation>Куда: пункт назначения должен отличаться от места отправления.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="200"/>
        <source>Departure: the time has already passed.</source>
        <translation>Отправление: это время уже прошло.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="205"/>
        <source>Seats: enter a whole number from 1 to {max}.</source>
        <translation>Мест: укажите целое число от 1 до {max}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="209"/>
        <source>Assembly point: say where passengers meet before departure.</source>
        <translation>Место сбора: укажите, где пассажиры собираются перед отправлением.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="243"/>
        <source>Flight {number} saved.</source>
        <translation>Рейс {number} сохранён.</translation>
    </message>
</context>
<context>
    <name>ManifestOutput</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="73"/>
        <source>Save the manifest as PDF</source>
        <translation>Сохранить список пассажиров как PDF</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="75"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="85"/>
        <source>Printing the manifest</source>
        <translation>Печать списка пассажиров</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="88"/>
        <source>Manifest saved: {pages} page(s) in {path}.</source>
        <translation>Список пассажиров сохранён: страниц — {pages}, файл {path}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="97"/>
        <source>Manifest {number}</source>
        <translation>Список пассажиров {number}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="99"/>
        <source>Print the manifest</source>
        <translation>Печать списка пассажиров</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="120"/>
        <source>Sent {pages} page(s) of the manifest to {printer}.</source>
        <translation>Страниц списка отправлено на печать ({printer}): {pages}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="121"/>
        <source>the printer</source>
        <translation>принтер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="134"/>
        <source>Export the manifest for the carrier</source>
        <translation>Экспорт списка пассажиров для перевозчика</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="136"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="146"/>
        <source>Exporting the manifest</source>
        <translation>Экспорт списка пассажиров</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="149"/>
        <source>Exported {count} passenger(s) for the carrier to {path}.</source>
        <translation>Для перевозчика выгружено пассажиров: {count}, файл {path}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="163"/>
        <source>Save the boarding notices as PDF</source>
        <translation>Сохранить посадочные уведомления как PDF</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="175"/>
        <source>Issuing boarding notices</source>
        <translation>Выдача посадочных уведомлений</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="182"/>
        <source>Boarding notices issued for {count} passenger(s), saved to {path}.</source>
        <translation>Посадочные уведомления выданы пассажирам ({count}) и сохранены в {path}.</translation>
    </message>
</context>
<context>
    <name>ManifestPanel</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="185"/>
        <source>To &amp;passengers</source>
        <translation>В &amp;пассажиры</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="186"/>
        <source>Give the selected person a seat, with their household</source>
        <translation>Дать место выбранному человеку вместе с семьёй</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="187"/>
        <source>To &amp;waiting list</source>
        <translation>В &amp;лист ожидания</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="189"/>
        <source>Move the selected person, with their household, to the waiting list</source>
        <translation>Перевести выбранного человека вместе с семьёй в лист ожидания</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="191"/>
        <source>&amp;Remove</source>
        <translation>&amp;Исключить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="193"/>
        <source>Take the selected person, with their household, off this manifest</source>
        <translation>Исключить выбранного человека вместе с семьёй из этого списка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="195"/>
        <source>&amp;Keep apart from household…</source>
        <translation>&amp;Отделить от семьи…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="197"/>
        <source>Move only the selected person to the other list, apart from their household</source>
        <translation>Перевести в другой список только выбранного человека, отдельно от семьи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="199"/>
        <source>&amp;Boarding mode</source>
        <translation>Режим &amp;посадки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="200"/>
        <source>Check in and board passengers at the assembly point</source>
        <translation>Регистрация и посадка пассажиров в месте сбора</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="202"/>
        <source>Your role may see manifests but not board passengers</source>
        <translation>Ваша роль позволяет просматривать списки, но не проводить посадку</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="210"/>
        <source>Manifests are changed by consular officers</source>
        <translation>Списки пассажиров изменяют консульские сотрудники</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="211"/>
        <source>Find a passenger by name…</source>
        <translation>Найти пассажира по имени…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="214"/>
        <source>Keys on the selected passenger: C checked in, B boarded, N no-show. Enter in the search goes to the list.</source>
        <translation>Клавиши для выбранного пассажира: C (С) — зарегистрирован, B (И) — на борту, N (Т) — не явился. Enter в поиске переходит к списку.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="268"/>
        <source>Passengers ({count})</source>
        <translation>Пассажиры ({count})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="274"/>
        <source>Waiting list ({count})</source>
        <translation>Лист ожидания ({count})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="279"/>
        <source>Removed ({count})</source>
        <translation>Исключённые ({count})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="282"/>
        <source>Choose a flight or bus above to see its manifest.</source>
        <translation>Выберите рейс или автобус выше, чтобы увидеть список пассажиров.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="287"/>
        <source>{kind} {carrier} {number}, {origin} → {destination}</source>
        <translation>{kind} {carrier} {number}, {origin} → {destination}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="299"/>
        <source>{seated} of {seats} seat(s) taken, {waiting} waiting; {flagged} passport(s) flagged. Checked in {checked}, boarded {boarded}, no-show {no_show}. Assembly: {assembly}</source>
        <translation>Занято мест: {seated} из {seats}, в ожидании: {waiting}; паспортов к проверке: {flagged}. Зарегистрировано: {checked}, на борту: {boarded}, не явились: {no_show}. Сбор: {assembly}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="380"/>
        <source>Select a person first.</source>
        <translation>Сначала выберите человека.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="396"/>
        <source>Moved to: {list}.</source>
        <translation>Перемещено в: {list}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="414"/>
        <source>Give {name} a seat alone, apart from their household? The manifest will record that a person chose to split this household.</source>
        <translation>Дать место только {name}, отдельно от семьи? В списке будет отмечено, что сотрудник решил разделить эту семью.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="419"/>
        <source>Move {name} to the waiting list alone, apart from their household? The manifest will record that a person chose to split this household.</source>
        <translation>Перевести {name} в лист ожидания одного, отдельно от семьи? В списке будет отмечено, что сотрудник решил разделить эту семью.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="423"/>
        <source>Keep apart from household</source>
        <translation>Отделить от семьи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="430"/>
        <source>Keep apart</source>
        <translation>Отделить</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="489"/>
        <source>Select a passenger first.</source>
        <translation>Сначала выберите пассажира.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="504"/>
        <source>{name}: {status}.</source>
        <translation>{name}: {status}.</translation>
    </message>
</context>
</TS>

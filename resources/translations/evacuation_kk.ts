<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>BoardingNoticesDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="46"/>
        <source>Boarding notices</source>
        <translation>Отырғызу хабарламалары</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="48"/>
        <source>One boarding notice for each of the {count} passenger(s), in one PDF file.</source>
        <translation>Әр жолаушыға бір отырғызу хабарламасы (барлығы: {count}), бір PDF файлында.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="52"/>
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="53"/>
        <source>&amp;Second language:</source>
        <translation>&amp;Екінші тіл:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/notices_dialog.py" line="59"/>
        <source>None</source>
        <translation>Жоқ</translation>
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
        <translation>Ашық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="35"/>
        <source>Closed (boarding)</source>
        <translation>Жабық (отырғызу)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="36"/>
        <source>Departed</source>
        <translation>Жөнелді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="37"/>
        <source>Cancelled</source>
        <translation>Тоқтатылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="43"/>
        <source>Passengers</source>
        <translation>Жолаушылар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="44"/>
        <source>Waiting list</source>
        <translation>Күту тізімі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="45"/>
        <source>Removed</source>
        <translation>Шығарылды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="51"/>
        <source>Confirmed</source>
        <translation>Расталды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="52"/>
        <source>Checked in</source>
        <translation>Тіркелді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="53"/>
        <source>Boarded</source>
        <translation>Бортта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="54"/>
        <source>No-show</source>
        <translation>Келмеді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="60"/>
        <source>Medical</source>
        <translation>Медициналық көрсеткіш</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="61"/>
        <source>Pregnant</source>
        <translation>Жүктілік</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="62"/>
        <source>Child with family</source>
        <translation>Отбасымен бала</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="63"/>
        <source>Elderly</source>
        <translation>Егде жас</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="64"/>
        <source>Other</source>
        <translation>Басқалар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="71"/>
        <source>Valid</source>
        <translation>Жарамды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="73"/>
        <source>Expired by departure</source>
        <translation>Жөнелгенге дейін мерзімі бітеді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/labels.py" line="74"/>
        <source>Missing</source>
        <translation>Дерек жоқ</translation>
    </message>
</context>
<context>
    <name>EvacuationTables</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="70"/>
        <source>Transport</source>
        <translation>Көлік</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="71"/>
        <source>Carrier</source>
        <translation>Тасымалдаушы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="72"/>
        <source>Number</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="73"/>
        <source>From → to</source>
        <translation>Қайдан → қайда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="74"/>
        <source>Departure</source>
        <translation>Жөнелу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="75"/>
        <source>Seats</source>
        <translation>Орын</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="76"/>
        <source>Passengers / waiting</source>
        <translation>Жолаушылар / күту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="77"/>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="143"/>
        <source>{household} (kept apart)</source>
        <translation>{household} (бөлек)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="163"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="164"/>
        <source>Name as in the passport</source>
        <translation>Төлқұжаттағыдай аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="165"/>
        <source>Household</source>
        <translation>Отбасы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="166"/>
        <source>Priority</source>
        <translation>Басымдық</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="167"/>
        <source>Boarding</source>
        <translation>Отырғызу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="168"/>
        <source>Passport</source>
        <translation>Төлқұжат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="169"/>
        <source>Born</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/tables.py" line="170"/>
        <source>Document</source>
        <translation>Құжат</translation>
    </message>
</context>
<context>
    <name>EvacuationView</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="152"/>
        <source>Flights and buses</source>
        <translation>Рейстер мен автобустар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="153"/>
        <source>Manifest</source>
        <translation>Жолаушылар тізімі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="154"/>
        <source>No flight or bus yet. Officers add one with “Add…”.</source>
        <translation>Әзірге рейс не автобус жоқ. Консулдық қызметкерлер оларды «Қосу…» батырмасымен қосады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="155"/>
        <source>&amp;Add…</source>
        <translation>&amp;Қосу…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="156"/>
        <source>Add a flight or bus</source>
        <translation>Рейс не автобус қосу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="157"/>
        <source>&amp;Edit…</source>
        <translation>Ө&amp;згерту…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="158"/>
        <source>Change the chosen flight or bus</source>
        <translation>Таңдалған рейсті не автобусты өзгерту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="159"/>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="160"/>
        <source>Build &amp;manifest</source>
        <translation>&amp;Тізім құру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="163"/>
        <source>Fill the seats from evacuation cases and campaign outcomes: medical, pregnant, children with their families, the elderly, then others; households stay together</source>
        <translation>Орындарды эвакуация өтініштері мен қоңырау нәтижелері бойынша толтыру: алдымен медициналық көрсеткіштер, жүкті әйелдер, отбасымен балалар, егде жастағылар, содан кейін қалғандары; отбасылар бөлінбейді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="167"/>
        <source>Print &amp;manifest…</source>
        <translation>Тізімді &amp;басып шығару…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="169"/>
        <source>Print the manifest (Ctrl+P) or save it as a PDF (Ctrl+Shift+S)</source>
        <translation>Жолаушылар тізімін басып шығару (Ctrl+P) немесе PDF ретінде сақтау (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="171"/>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="172"/>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="173"/>
        <source>E&amp;xport for the carrier…</source>
        <translation>Тасымалдаушыға &amp;экспорт…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="176"/>
        <source>A CSV with names as in the passport, sex, date of birth, nationality, document and expiry</source>
        <translation>Төлқұжаттағыдай аты-жөні, жынысы, туған күні, азаматтығы, құжат нөмірі және жарамдылық мерзімі бар CSV</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="179"/>
        <source>Boarding &amp;notices…</source>
        <translation>Отырғызу &amp;хабарламалары…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="181"/>
        <source>Flights and manifests are managed by consular officers</source>
        <translation>Рейстер мен жолаушылар тізімдерін консулдық қызметкерлер басқарады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="315"/>
        <source>Choose a flight or bus first.</source>
        <translation>Алдымен рейсті не автобусты таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="325"/>
        <source>Flights are added and changed by consular officers.</source>
        <translation>Рейстерді консулдық қызметкерлер қосады және өзгертеді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="334"/>
        <source>Saved: {carrier} {number}, {seats} seat(s).</source>
        <translation>Сақталды: {carrier} {number}, орын саны: {seats}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="349"/>
        <source>Wait for the work in progress to finish.</source>
        <translation>Басталған жұмыстың аяқталуын күтіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="356"/>
        <source>Building the manifest</source>
        <translation>Жолаушылар тізімі құрылуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/view.py" line="375"/>
        <source>Manifest built: {seated} passenger(s) for {seats} seat(s), {waiting} on the waiting list; {flagged} passport(s) flagged to check; {households} household(s), each kept together unless a person chose otherwise.</source>
        <translation>Тізім құрылды: {seats} орынға {seated} жолаушы, күту тізімінде — {waiting}; тексерілетін төлқұжат — {flagged}; отбасы — {households}, қызметкер басқаша шешпесе, әрқайсысы бірге.</translation>
    </message>
</context>
<context>
    <name>FlightDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="111"/>
        <source>Add a flight or bus</source>
        <translation>Рейс не автобус қосу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="111"/>
        <source>Change flight</source>
        <translation>Рейсті өзгерту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="114"/>
        <source>&amp;Transport:</source>
        <translation>&amp;Көлік:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="115"/>
        <source>&amp;Carrier:</source>
        <translation>&amp;Тасымалдаушы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="116"/>
        <source>&amp;Number:</source>
        <translation>&amp;Нөмірі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="117"/>
        <source>&amp;From:</source>
        <translation>&amp;Қайдан:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="118"/>
        <source>T&amp;o:</source>
        <translation>Қай&amp;да:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="119"/>
        <source>&amp;Departure:</source>
        <translation>&amp;Жөнелу:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="120"/>
        <source>&amp;Seats:</source>
        <translation>&amp;Орын саны:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="121"/>
        <source>&amp;Assembly point:</source>
        <translation>&amp;Жиналу орны:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="122"/>
        <source>S&amp;tatus:</source>
        <translation>Мәрте&amp;бесі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="126"/>
        <source>Air Astana, a bus company…</source>
        <translation>Air Astana, автобус компаниясы…</translation>
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
        <translation>1-ден {max}-ға дейін</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="131"/>
        <source>Where passengers meet, and when</source>
        <translation>Жолаушылар қайда және қашан жиналады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="185"/>
        <source>Carrier: enter the airline or bus company.</source>
        <translation>Тасымалдаушы: әуе компаниясын не автобус компаниясын көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="186"/>
        <source>Number: enter the flight or bus number.</source>
        <translation>Нөмірі: рейстің не автобустың нөмірін көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="187"/>
        <source>From: enter where the flight or bus leaves from.</source>
        <translation>Қайдан: рейс не автобус қайдан жөнелетінін көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="188"/>
        <source>To: enter where the flight or bus goes.</source>
        <translation>Қайда: рейс не автобус қайда баратынын көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="195"/>
        <source>To: the destination must differ from where it leaves.</source>
        <translation>Қайда: баратын жер жөнелу орнынан өзгеше болуы керек.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="200"/>
        <source>Departure: the time has already passed.</source>
        <translation>Жөнелу: бұл уақыт өтіп кетті.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="205"/>
        <source>Seats: enter a whole number from 1 to {max}.</source>
        <translation>Орын саны: 1-ден {max}-ға дейінгі бүтін санды көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="209"/>
        <source>Assembly point: say where passengers meet before departure.</source>
        <translation>Жиналу орны: жолаушылар жөнелер алдында қайда жиналатынын көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/flight_dialog.py" line="243"/>
        <source>Flight {number} saved.</source>
        <translation>{number} рейсі сақталды.</translation>
    </message>
</context>
<context>
    <name>ManifestOutput</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="73"/>
        <source>Save the manifest as PDF</source>
        <translation>Жолаушылар тізімін PDF ретінде сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="75"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="85"/>
        <source>Printing the manifest</source>
        <translation>Жолаушылар тізімі басып шығарылуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="88"/>
        <source>Manifest saved: {pages} page(s) in {path}.</source>
        <translation>Жолаушылар тізімі сақталды: бет саны — {pages}, файл {path}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="97"/>
        <source>Manifest {number}</source>
        <translation>{number} жолаушылар тізімі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="99"/>
        <source>Print the manifest</source>
        <translation>Жолаушылар тізімін басып шығару</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="120"/>
        <source>Sent {pages} page(s) of the manifest to {printer}.</source>
        <translation>Тізімнің {pages} беті басып шығаруға жіберілді ({printer}).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="121"/>
        <source>the printer</source>
        <translation>принтер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="134"/>
        <source>Export the manifest for the carrier</source>
        <translation>Жолаушылар тізімін тасымалдаушыға экспорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="136"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="146"/>
        <source>Exporting the manifest</source>
        <translation>Жолаушылар тізімі экспортталуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="149"/>
        <source>Exported {count} passenger(s) for the carrier to {path}.</source>
        <translation>Тасымалдаушыға {count} жолаушы экспортталды, файл {path}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="163"/>
        <source>Save the boarding notices as PDF</source>
        <translation>Отырғызу хабарламаларын PDF ретінде сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="175"/>
        <source>Issuing boarding notices</source>
        <translation>Отырғызу хабарламалары берілуде</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/output.py" line="182"/>
        <source>Boarding notices issued for {count} passenger(s), saved to {path}.</source>
        <translation>Отырғызу хабарламалары {count} жолаушыға берілді және {path} файлына сақталды.</translation>
    </message>
</context>
<context>
    <name>ManifestPanel</name>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="185"/>
        <source>To &amp;passengers</source>
        <translation>&amp;Жолаушыларға</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="186"/>
        <source>Give the selected person a seat, with their household</source>
        <translation>Таңдалған адамға отбасымен бірге орын беру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="187"/>
        <source>To &amp;waiting list</source>
        <translation>&amp;Күту тізіміне</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="189"/>
        <source>Move the selected person, with their household, to the waiting list</source>
        <translation>Таңдалған адамды отбасымен бірге күту тізіміне ауыстыру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="191"/>
        <source>&amp;Remove</source>
        <translation>&amp;Шығару</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="193"/>
        <source>Take the selected person, with their household, off this manifest</source>
        <translation>Таңдалған адамды отбасымен бірге осы тізімнен шығару</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="195"/>
        <source>&amp;Keep apart from household…</source>
        <translation>Отбасыдан &amp;бөлу…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="197"/>
        <source>Move only the selected person to the other list, apart from their household</source>
        <translation>Басқа тізімге отбасынан бөлек тек таңдалған адамды ауыстыру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="199"/>
        <source>&amp;Boarding mode</source>
        <translation>&amp;Отырғызу режимі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="200"/>
        <source>Check in and board passengers at the assembly point</source>
        <translation>Жиналу орнында жолаушыларды тіркеу және отырғызу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="202"/>
        <source>Your role may see manifests but not board passengers</source>
        <translation>Сіздің рөліңіз тізімдерді көруге рұқсат етеді, бірақ отырғызуға емес</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="210"/>
        <source>Manifests are changed by consular officers</source>
        <translation>Жолаушылар тізімдерін консулдық қызметкерлер өзгертеді</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="211"/>
        <source>Find a passenger by name…</source>
        <translation>Жолаушыны аты бойынша табу…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="214"/>
        <source>Keys on the selected passenger: C checked in, B boarded, N no-show. Enter in the search goes to the list.</source>
        <translation>Таңдалған жолаушыға арналған пернелер: C (С) — тіркелді, B (И) — бортта, N (Т) — келмеді. Іздеудегі Enter тізімге өтеді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="268"/>
        <source>Passengers ({count})</source>
        <translation>Жолаушылар ({count})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="274"/>
        <source>Waiting list ({count})</source>
        <translation>Күту тізімі ({count})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="279"/>
        <source>Removed ({count})</source>
        <translation>Шығарылғандар ({count})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="282"/>
        <source>Choose a flight or bus above to see its manifest.</source>
        <translation>Жолаушылар тізімін көру үшін жоғарыдан рейсті не автобусты таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="287"/>
        <source>{kind} {carrier} {number}, {origin} → {destination}</source>
        <translation>{kind} {carrier} {number}, {origin} → {destination}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="299"/>
        <source>{seated} of {seats} seat(s) taken, {waiting} waiting; {flagged} passport(s) flagged. Checked in {checked}, boarded {boarded}, no-show {no_show}. Assembly: {assembly}</source>
        <translation>Бос емес орын: {seats} ішінен {seated}, күтуде: {waiting}; тексерілетін төлқұжат: {flagged}. Тіркелді: {checked}, бортта: {boarded}, келмеді: {no_show}. Жиналу: {assembly}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="380"/>
        <source>Select a person first.</source>
        <translation>Алдымен адамды таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="396"/>
        <source>Moved to: {list}.</source>
        <translation>Ауыстырылды: {list}.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="414"/>
        <source>Give {name} a seat alone, apart from their household? The manifest will record that a person chose to split this household.</source>
        <translation>{name} үшін отбасынан бөлек жалғыз орын берілсін бе? Тізімде қызметкердің осы отбасын бөлуді шешкені белгіленеді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="419"/>
        <source>Move {name} to the waiting list alone, apart from their household? The manifest will record that a person chose to split this household.</source>
        <translation>{name} отбасынан бөлек жалғыз күту тізіміне ауыстырылсын ба? Тізімде қызметкердің осы отбасын бөлуді шешкені белгіленеді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="423"/>
        <source>Keep apart from household</source>
        <translation>Отбасыдан бөлу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="430"/>
        <source>Keep apart</source>
        <translation>Бөлу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="489"/>
        <source>Select a passenger first.</source>
        <translation>Алдымен жолаушыны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/evacuation/manifest_panel.py" line="504"/>
        <source>{name}: {status}.</source>
        <translation>{name}: {status}.</translation>
    </message>
</context>
</TS>

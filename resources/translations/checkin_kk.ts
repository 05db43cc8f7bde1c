<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../embassy_desk/gui/vocab_labels.py"/>
        <source>Check-in by the citizen</source>
        <translation>Азаматтың белгісі</translation>
    </message>
</context>
<context>
    <name>LastReached</name>
    <message>
        <location filename="../../embassy_desk/gui/duty/reached_labels.py"/>
        <source>check-in</source>
        <translation>белгі</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/workspace.py"/>
        <source>Check-in</source>
        <translation>Белгі қою</translation>
    </message>
</context>
<context>
    <name>PhoneQueue</name>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>(no longer on the register)</source>
        <translation>(енді тізілімде жоқ)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>{phone} is now {name}'s first mobile number.</source>
        <translation>{phone} енді {name} адамының бірінші ұялы нөмірі.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>The number {phone} reported for {name} was dismissed.</source>
        <translation>{name} үшін хабарланған {phone} нөмірі қабылданбады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>check-in page</source>
        <translation>белгі қою беті</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Staff who edit the register review the reported numbers.</source>
        <translation>Хабарланған нөмірлерді тізілімді жүргізетін қызметкерлер тексереді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>No reported phone number waits for review.</source>
        <translation>Тексеруді күтіп тұрған хабарланған нөмір жоқ.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Phone numbers citizens reported</source>
        <translation>Азаматтар хабарлаған нөмірлер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Person</source>
        <translation>Азамат</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Numbers on record</source>
        <translation>Тізілімдегі нөмірлер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>Reported number</source>
        <translation>Хабарланған нөмір</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>How</source>
        <translation>Қалай</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>A&amp;pply: make it the first mobile</source>
        <translation>&amp;Қабылдау: бірінші ұялы нөмір ету</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/phones.py"/>
        <source>&amp;Dismiss</source>
        <translation>Қабы&amp;лдамау</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/contacts_tab.py"/>
        <source>the citizen</source>
        <translation>азаматтың өзі</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Check-ins by citizens</source>
        <translation>Азаматтардың белгілері</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>{day} in the last 24 h
{safe} safe · {help} need help</source>
        <translation>соңғы 24 сағатта: {day}
қауіпсіз: {safe} · көмек керек: {help}</translation>
    </message>
</context>
<context>
    <name>AddressPanel</name>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Check-in is on: links lead to {address}/c/… and citizens answer there.</source>
        <translation>Белгі қою қосулы: сілтемелер {address}/c/… мекенжайына апарады, азаматтар сонда жауап береді.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Check-in is off. Enter the address at which headquarters serves the check-in page to the public (https://…) and save it.</source>
        <translation>Белгі қою өшірулі. Орталық белгі қою бетін жұртшылыққа ашатын мекенжайды (https://…) енгізіп, сақтаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Check-in is off: an administrator has to set headquarters' public address first.</source>
        <translation>Белгі қою өшірулі: алдымен әкімші орталықтың жария мекенжайын көрсетуі керек.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Headquarters' public address</source>
        <translation>Орталықтың жария мекенжайы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>&amp;Address:</source>
        <translation>&amp;Мекенжай:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>&amp;Save address</source>
        <translation>Мекенжайды &amp;сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/address.py"/>
        <source>Leave the field blank and save to turn check-in off</source>
        <translation>Белгі қоюды өшіру үшін өрісті бос қалдырып, сақтаңыз</translation>
    </message>
</context>
<context>
    <name>CheckinView</name>
    <message>
        <location filename="../../embassy_desk/gui/checkin/view.py"/>
        <source>Links made: {links} ({live} still valid) · answers received: {answers} ({safe} safe, {help} need help) · phone numbers to review: {phones}</source>
        <translation>Жасалған сілтемелер: {links} (әлі жарамды: {live}) · алынған жауаптар: {answers} (қауіпсіз: {safe}, көмек керек: {help}) · тексерілетін нөмірлер: {phones}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/view.py"/>
        <source>Check-in: citizens answer themselves</source>
        <translation>Белгі қою: азаматтар өздері жауап береді</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Save the check-in links</source>
        <translation>Белгі қою сілтемелерін сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Making check-in links</source>
        <translation>Белгі қою сілтемелері жасалуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>{links} links written to {file} ({none} without a mobile number: give them theirs another way). The file holds the only copy of the links: send it to the gateway, then delete it.</source>
        <translation>Жазылған сілтемелер: {links}, {file} файлына (ұялы нөмірі жоқтар: {none} — оларға сілтемені басқаша жеткізіңіз). Файлда сілтемелердің жалғыз көшірмесі бар: оны шлюзге жіберіп, кейін жойыңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>{links} check-in links written to {file}</source>
        <translation>Белгі қою сілтемелері жазылды: {links}, {file} файлына</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Officers and administrators make check-in links.</source>
        <translation>Белгі қою сілтемелерін консулдық қызметкерлер мен әкімшілер жасайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Set headquarters' public address first: links lead there.</source>
        <translation>Алдымен орталықтың жария мекенжайын көрсетіңіз: сілтемелер сонда апарады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>No open campaign: make one on the Campaigns screen, or choose a region.</source>
        <translation>Ашық науқан жоқ: оны «Науқандар» бетінде жасаңыз немесе өңірді таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Everyone on the campaign's lists not reached yet gets a new link; an answer counts for the campaign and takes the person off the call list.</source>
        <translation>Науқан тізімдеріндегі әлі хабарласпаған әр адам жаңа сілтеме алады; жауап науқанға есептеліп, адам қоңырау тізімінен шығады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Everyone present in the region gets a new link (links made before stay valid).</source>
        <translation>Өңірдегі әр адам жаңа сілтеме алады (бұрынғы сілтемелер жарамды болып қалады).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Everyone present gets a new link (links made before stay valid).</source>
        <translation>Елдегі әр адам жаңа сілтеме алады (бұрынғы сілтемелер жарамды болып қалады).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Links for citizens</source>
        <translation>Азаматтарға арналған сілтемелер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>A &amp;campaign's list:</source>
        <translation>&amp;Науқан тізімі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Everyone in a &amp;region:</source>
        <translation>&amp;Өңірдегі барлығы:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>&amp;Everyone present</source>
        <translation>&amp;Елдегі барлығы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Valid &amp;through:</source>
        <translation>&amp;Жарамдылық мерзімі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>E&amp;xport links to CSV…</source>
        <translation>Сілтемелерді CSV-ге &amp;шығару…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/checkin/links.py"/>
        <source>Make one new personal link per person and write citizen_id, phone, language, url</source>
        <translation>Әр адамға жаңа жеке сілтеме жасап, citizen_id, phone, language, url жазу</translation>
    </message>
</context>
</TS>

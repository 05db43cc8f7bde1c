<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&amp;About Embassy Desk</source>
        <translation>Embassy Desk &amp;туралы</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostic report</source>
        <translation>&amp;Диагностикалық есепті көшіру</translation>
    </message>
    <message numerus="yes">
        <source>The diagnostic report is on the clipboard: paste it into a message to the help desk. It holds versions, settings and the last %n log lines, nothing about citizens.</source>
        <translation>
            <numerusform>Диагностикалық есеп алмасу буферіне көшірілді: оны қолдау қызметіне хатқа қойыңыз. Онда нұсқалар, баптаулар және журналдың соңғы %n жолы бар, азаматтар туралы ештеңе жоқ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Көшірілді</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Жолды көшіру</translation>
    </message>
    <message>
        <source>About Embassy Desk</source>
        <translation>Embassy Desk туралы</translation>
    </message>
    <message>
        <source>The consular registry of an embassy, encrypted and offline.</source>
        <translation>Елшіліктің консулдық тізілімі: шифрланған, желісіз жұмыс істейді.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Нұсқалар</translation>
    </message>
    <message>
        <source>Version (database schema):</source>
        <translation>Нұсқа (дерекқор сұлбасы):</translation>
    </message>
    <message>
        <source>Operating system:</source>
        <translation>Операциялық жүйе:</translation>
    </message>
    <message>
        <source>Where things are</source>
        <translation>Не қайда сақталады</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Деректер қалтасы:</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Журнал қалтасы:</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>Құрамдағы компоненттер және олардың лицензиялары</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Нұсқа</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
</context>
</TS>

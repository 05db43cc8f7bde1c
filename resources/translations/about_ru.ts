<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&amp;About Embassy Desk</source>
        <translation>&amp;О программе Embassy Desk</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostic report</source>
        <translation>Копировать &amp;диагностический отчёт</translation>
    </message>
    <message numerus="yes">
        <source>The diagnostic report is on the clipboard: paste it into a message to the help desk. It holds versions, settings and the last %n log lines, nothing about citizens.</source>
        <translation>
            <numerusform>Диагностический отчёт скопирован в буфер обмена: вставьте его в сообщение службе поддержки. В нём версии, настройки и последняя %n строка журнала, ничего о гражданах.</numerusform>
            <numerusform>Диагностический отчёт скопирован в буфер обмена: вставьте его в сообщение службе поддержки. В нём версии, настройки и последние %n строки журнала, ничего о гражданах.</numerusform>
            <numerusform>Диагностический отчёт скопирован в буфер обмена: вставьте его в сообщение службе поддержки. В нём версии, настройки и последние %n строк журнала, ничего о гражданах.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Копировать путь</translation>
    </message>
    <message>
        <source>About Embassy Desk</source>
        <translation>О программе Embassy Desk</translation>
    </message>
    <message>
        <source>The consular registry of an embassy, encrypted and offline.</source>
        <translation>Консульский реестр посольства: зашифрованный, работает без сети.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Версии</translation>
    </message>
    <message>
        <source>Version (database schema):</source>
        <translation>Версия (схема базы данных):</translation>
    </message>
    <message>
        <source>Operating system:</source>
        <translation>Операционная система:</translation>
    </message>
    <message>
        <source>Where things are</source>
        <translation>Где что хранится</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Папка данных:</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Папка журнала:</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>Входящие в состав компоненты и их лицензии</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
</context>
</TS>

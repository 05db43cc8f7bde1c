<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>navigation</name>
    <message>
        <source>Duty log</source>
        <translation>Кезекшілік журналы</translation>
    </message>
</context>
<context>
    <name>RegistryColumns</name>
    <message>
        <source>Last reached</source>
        <translation>Соңғы сәтті байланыс</translation>
    </message>
</context>
<context>
    <name>LastReached</name>
    <message>
        <source>fresh</source>
        <translation>өзекті</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>ескірген</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ешқашан</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>эл. пошта</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>сапар</translation>
    </message>
    <message>
        <source>messenger</source>
        <translation>мессенджер</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>хат</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>жаңа ғана</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 мин бұрын</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 сағ бұрын</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 күн бұрын</translation>
    </message>
</context>
<context>
    <name>ReachedLine</name>
    <message>
        <source>Last reached: %1 · %2</source>
        <translation>Соңғы сәтті байланыс: %1 · %2</translation>
    </message>
    <message>
        <source>Last reached: never (no contact with this person has reached them yet)</source>
        <translation>Сәтті байланыс: ешқашан (бұл адаммен әлі бірде-бір байланыс болмаған)</translation>
    </message>
</context>
<context>
    <name>DutyLogView</name>
    <message>
        <source>Added to the duty log.</source>
        <translation>Кезекшілік журналына қосылды.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%2 таңбаның %1</translation>
    </message>
    <message>
        <source>Notes in the log: %1</source>
        <translation>Журналдағы жазбалар: %1</translation>
    </message>
    <message>
        <source>the latest %1 are shown</source>
        <translation>соңғы %1 көрсетілген</translation>
    </message>
    <message>
        <source>Duty log</source>
        <translation>Кезекшілік журналы</translation>
    </message>
    <message>
        <source>What happened on the shift and what is pending, for whoever takes over. Notes are kept for good and reach the other workstations of the post with sync.</source>
        <translation>Ауысымда не болғаны және не істелуі керегі — келесі кезекшіге арналған. Жазбалар біржола сақталады және синхрондау кезінде мекеменің басқа жұмыс орындарына жетеді.</translation>
    </message>
    <message>
        <source>No notes yet. The first note of the shift goes in the box below.</source>
        <translation>Әзірге жазба жоқ. Ауысымның алғашқы жазбасын төмендегі өріске жазыңыз.</translation>
    </message>
    <message>
        <source>What happened, what is pending, who to call back… (Ctrl+Enter adds it to the log)</source>
        <translation>Не болды, не істелуі керек, кімге қайта қоңырау шалу керек… (Ctrl+Enter — журналға қосу)</translation>
    </message>
    <message>
        <source>&amp;Add to the log</source>
        <translation>Журналға &amp;қосу</translation>
    </message>
    <message>
        <source>Add the note to the duty log (Ctrl+Enter)</source>
        <translation>Жазбаны кезекшілік журналына қосу (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Your role may read the duty log but not write in it.</source>
        <translation>Сіздің рөліңіз кезекшілік журналын оқуға рұқсат етеді, бірақ оған жазуға рұқсат етпейді.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Shift handover: duty log</source>
        <translation>Ауысымды тапсыру: кезекшілік журналы</translation>
    </message>
    <message>
        <source>New in the duty log since %1: %2</source>
        <translation>%1 бері кезекшілік журналындағы жаңа жазбалар: %2</translation>
    </message>
    <message>
        <source>%1 more in the duty log.</source>
        <translation>Кезекшілік журналында тағы %1.</translation>
    </message>
    <message>
        <source>&amp;Open the duty log</source>
        <translation>Кезекшілік журналын &amp;ашу</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
</TS>

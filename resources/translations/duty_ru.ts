<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>navigation</name>
    <message>
        <source>Duty log</source>
        <translation>Журнал дежурств</translation>
    </message>
</context>
<context>
    <name>RegistryColumns</name>
    <message>
        <source>Last reached</source>
        <translation>Последний раз на связи</translation>
    </message>
</context>
<context>
    <name>LastReached</name>
    <message>
        <source>fresh</source>
        <translation>актуально</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>устарело</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
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
        <translation>эл. почта</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>визит</translation>
    </message>
    <message>
        <source>messenger</source>
        <translation>мессенджер</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>письмо</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 мин назад</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 ч назад</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 дн. назад</translation>
    </message>
</context>
<context>
    <name>ReachedLine</name>
    <message>
        <source>Last reached: %1 · %2</source>
        <translation>Последний раз на связи: %1 · %2</translation>
    </message>
    <message>
        <source>Last reached: never (no contact with this person has reached them yet)</source>
        <translation>На связи: никогда (ни один контакт с этим человеком пока не состоялся)</translation>
    </message>
</context>
<context>
    <name>DutyLogView</name>
    <message>
        <source>Added to the duty log.</source>
        <translation>Добавлено в журнал дежурств.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 из %2 знаков</translation>
    </message>
    <message>
        <source>Notes in the log: %1</source>
        <translation>Записей в журнале: %1</translation>
    </message>
    <message>
        <source>the latest %1 are shown</source>
        <translation>показаны последние %1</translation>
    </message>
    <message>
        <source>Duty log</source>
        <translation>Журнал дежурств</translation>
    </message>
    <message>
        <source>What happened on the shift and what is pending, for whoever takes over. Notes are kept for good and reach the other workstations of the post with sync.</source>
        <translation>Что произошло за смену и что осталось сделать — для того, кто заступает следующим. Записи хранятся навсегда и при синхронизации попадают на другие рабочие места загранучреждения.</translation>
    </message>
    <message>
        <source>No notes yet. The first note of the shift goes in the box below.</source>
        <translation>Записей пока нет. Первую запись смены напишите в поле ниже.</translation>
    </message>
    <message>
        <source>What happened, what is pending, who to call back… (Ctrl+Enter adds it to the log)</source>
        <translation>Что произошло, что осталось сделать, кому перезвонить… (Ctrl+Enter — добавить в журнал)</translation>
    </message>
    <message>
        <source>&amp;Add to the log</source>
        <translation>&amp;Добавить в журнал</translation>
    </message>
    <message>
        <source>Add the note to the duty log (Ctrl+Enter)</source>
        <translation>Добавить запись в журнал дежурств (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Your role may read the duty log but not write in it.</source>
        <translation>Ваша роль позволяет читать журнал дежурств, но не писать в него.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Shift handover: duty log</source>
        <translation>Передача смены: журнал дежурств</translation>
    </message>
    <message>
        <source>New in the duty log since %1: %2</source>
        <translation>Новое в журнале дежурств с %1: %2</translation>
    </message>
    <message>
        <source>%1 more in the duty log.</source>
        <translation>Ещё %1 — в журнале дежурств.</translation>
    </message>
    <message>
        <source>&amp;Open the duty log</source>
        <translation>&amp;Открыть журнал дежурств</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>CampaignBars</name>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source> (closed)</source>
        <translation> (завершён)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>{done} of {total} reached</source>
        <translation>связались: {done} из {total}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>{remaining} to call · {follow_up} to follow up</source>
        <translation>осталось позвонить: {remaining} · повторно: {follow_up}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Welfare campaigns</source>
        <translation>Обзвон граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>No campaign yet.</source>
        <translation>Обзвона пока не было.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>The figures could not be read: {error}</source>
        <translation>Не удалось прочитать данные: {error}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>As of {moment}</source>
        <translation>По состоянию на {moment}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>{count} · safe {safe}</source>
        <translation>{count} · в безопасности {safe}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Not recorded</source>
        <translation>Не указано</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Contacts per hour, last 48 hours ({count} in the last 24 hours)</source>
        <translation>Контакты по часам за 48 часов (за последние 24 часа: {count})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Region not recorded</source>
        <translation>Регион не указан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Safe</source>
        <translation>В безопасности</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Needs help</source>
        <translation>Нуждаются в помощи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Unreachable</source>
        <translation>Связаться не удалось</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Not yet contacted</source>
        <translation>Связь ещё не устанавливалась</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Evacuated</source>
        <translation>Эвакуированы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Urgent</source>
        <translation>Срочный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Save the situation report</source>
        <translation>Сохранить оперативную сводку</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Writing the situation report</source>
        <translation>Запись оперативной сводки</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Situation report</source>
        <translation>Оперативная сводка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>The situation report was written:
{pdf}
{csv}</source>
        <translation>Оперативная сводка записана:
{pdf}
{csv}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Situation at a glance</source>
        <translation>Обстановка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Report &amp;language:</source>
        <translation>&amp;Язык сводки:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Situation report…</source>
        <translation>Оперативная сводка…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Write the situation report as a PDF for the ministry and its figures as CSV</source>
        <translation>Записать оперативную сводку в PDF для министерства и её данные в CSV</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Registered citizens in the country</source>
        <translation>Граждан на учёте в стране</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Confirmed safe</source>
        <translation>Подтверждено: в безопасности</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Need help</source>
        <translation>Нуждаются в помощи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Open assistance cases</source>
        <translation>Открытых обращений о помощи</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Citizens by welfare status</source>
        <translation>Граждане по положению</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Citizens by region</source>
        <translation>Граждане по регионам</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Citizens by purpose of stay</source>
        <translation>Граждане по цели пребывания</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Open assistance cases by priority</source>
        <translation>Открытые обращения по приоритету</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Contacts per hour, last 48 hours</source>
        <translation>Контакты по часам за 48 часов</translation>
    </message>
</context>
</TS>

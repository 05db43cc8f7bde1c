<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>CampaignBars</name>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source> (closed)</source>
        <translation> (аяқталды)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>{done} of {total} reached</source>
        <translation>хабарласқаны: {total} ішінен {done}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>{remaining} to call · {follow_up} to follow up</source>
        <translation>қоңырау шалу керек: {remaining} · қайта хабарласу: {follow_up}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Welfare campaigns</source>
        <translation>Азаматтарға қоңырау шалу науқандары</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>No campaign yet.</source>
        <translation>Әзірге науқан жоқ.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>The figures could not be read: {error}</source>
        <translation>Деректерді оқу мүмкін болмады: {error}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>As of {moment}</source>
        <translation>{moment} жағдай бойынша</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>{count} · safe {safe}</source>
        <translation>{count} · қауіпсіз {safe}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Not recorded</source>
        <translation>Көрсетілмеген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Contacts per hour, last 48 hours ({count} in the last 24 hours)</source>
        <translation>Соңғы 48 сағаттағы байланыстар сағат бойынша (соңғы 24 сағатта: {count})</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Region not recorded</source>
        <translation>Өңірі көрсетілмеген</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Safe</source>
        <translation>Қауіпсіз</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Needs help</source>
        <translation>Көмекке мұқтаж</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Unreachable</source>
        <translation>Байланысу мүмкін болмады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Not yet contacted</source>
        <translation>Әлі хабарласқан жоқ</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Evacuated</source>
        <translation>Эвакуацияланды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Urgent</source>
        <translation>Шұғыл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>High</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Normal</source>
        <translation>Қалыпты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Low</source>
        <translation>Төмен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Save the situation report</source>
        <translation>Жедел есепті сақтау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Writing the situation report</source>
        <translation>Жедел есеп жазылуда</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Situation report</source>
        <translation>Жедел есеп</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>The situation report was written:
{pdf}
{csv}</source>
        <translation>Жедел есеп жазылды:
{pdf}
{csv}</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Situation at a glance</source>
        <translation>Жағдайға шолу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Report &amp;language:</source>
        <translation>Есептің &amp;тілі:</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Kazakh</source>
        <translation>Қазақ тілі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Russian</source>
        <translation>Орыс тілі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>English</source>
        <translation>Ағылшын тілі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Situation report…</source>
        <translation>Жедел есеп…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Write the situation report as a PDF for the ministry and its figures as CSV</source>
        <translation>Жедел есепті министрлікке PDF түрінде, деректерін CSV түрінде жазу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Registered citizens in the country</source>
        <translation>Елдегі есепте тұрған азаматтар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Confirmed safe</source>
        <translation>Қауіпсіз екені расталды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Need help</source>
        <translation>Көмекке мұқтаж</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Open assistance cases</source>
        <translation>Ашық көмек өтініштері</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Citizens by welfare status</source>
        <translation>Азаматтар жағдайы бойынша</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Citizens by region</source>
        <translation>Азаматтар өңірлер бойынша</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Citizens by purpose of stay</source>
        <translation>Азаматтар болу мақсаты бойынша</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Open assistance cases by priority</source>
        <translation>Ашық өтініштер басымдық бойынша</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/dashboard/view.py"/>
        <source>Contacts per hour, last 48 hours</source>
        <translation>Соңғы 48 сағаттағы байланыстар сағат бойынша</translation>
    </message>
</context>
</TS>

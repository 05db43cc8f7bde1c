<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>CitizenForm</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py"/>
        <source>Filled in from the city; change it if it is wrong.</source>
        <translation>Қала бойынша толтырылды; қате болса, өзгертіңіз.</translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Check</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Every row is checked as the import would check it; nothing is written yet.</source>
        <translation>Әр жол импорттағыдай тексеріледі; әзірге ештеңе жазылмайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import the good rows: the rejected rows are written, each with its reason, to a file beside this one, to be corrected and imported</source>
        <translation>Жарамды жолдарды импорттау: қабылданбаған жолдар себебімен бірге осы файлдың жанындағы файлға жазылады, оларды түзетіп, импорттауға болады</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>All or nothing: nothing is imported unless every row is good</source>
        <translation>Бәрі немесе ештеңе: бір жол жарамсыз болса, ештеңе импортталмайды</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Checking every row…</source>
        <translation>Әр жол тексерілуде…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Checking the file</source>
        <translation>Файлды тексеру</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>The check was stopped.</source>
        <translation>Тексеру тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Rows that can be imported: %1. Rejected rows: %2. Likely duplicates: %3.</source>
        <translation>Импорттауға болатын жолдар: %1. Қабылданбаған жолдар: %2. Ықтимал қайталанулар: %3.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Regions filled from the city: %1.</source>
        <translation>Өңір қала бойынша толтырылды: %1.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>You choose what happens to each likely duplicate on the next page.</source>
        <translation>Әр ықтимал қайталанумен не істеу керегін келесі бетте өзіңіз таңдайсыз.</translation>
    </message>
</context>
<context>
    <name>ImportDuplicatesPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Likely duplicates</source>
        <translation>Ықтимал қайталанулар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>These rows look like people already registered, or like an earlier row of the file. Tick the ones to import anyway; the others are left out.</source>
        <translation>Бұл жолдар тіркелген адамдарға немесе файлдың алдыңғы жолына ұқсайды. Бәрібір импорттау керектерін белгілеңіз; қалғандары өткізіп жіберіледі.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import anyway</source>
        <translation>Бәрібір импорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Row</source>
        <translation>Жол</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Name in the file</source>
        <translation>Файлдағы аты-жөні</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Why</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import all</source>
        <translation>Барлығын импорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Skip all</source>
        <translation>Барлығын өткізіп жіберу</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>No row looks like someone already registered or like an earlier row of the file.</source>
        <translation>Бірде-бір жол тіркелген адамға немесе файлдың алдыңғы жолына ұқсамайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Likely duplicates: %1. To import anyway: %2. To leave out: %3.</source>
        <translation>Ықтимал қайталанулар: %1. Бәрібір импортталады: %2. Өткізіп жіберіледі: %3.</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Choose the file</source>
        <translation>Файлды таңдау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>A table of citizens: CSV (any encoding, commas, semicolons or tabs) or an Excel workbook (.xlsx). Nothing is imported before the last step.</source>
        <translation>Азаматтар кестесі: CSV (кез келген кодтау, үтір, нүктелі үтір немесе табуляция) немесе Excel кітабы (.xlsx). Соңғы қадамға дейін ештеңе импортталмайды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>The file to import</source>
        <translation>Импортталатын файл</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Import citizens</source>
        <translation>Азаматтарды импорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Кестелер (*.csv *.xlsx *.txt);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>The columns were not recognised (%1). Name them on the mapping page.</source>
        <translation>Бағандар танылмады (%1). Оларды бағандар бетінде көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Excel workbook, sheet “%1”.</source>
        <translation>Excel кітабы, «%1» парағы.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Windows-1251 (old Windows Cyrillic)</source>
        <translation>Windows-1251 (ескі Windows кириллицасы)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>semicolons</source>
        <translation>нүктелі үтірмен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>tabs</source>
        <translation>табуляциямен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>commas</source>
        <translation>үтірмен</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Text table in %1, columns separated by %2.</source>
        <translation>%1 кодтауындағы мәтіндік кесте, бағандар %2 бөлінген.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Header on row %1; %2 of %3 columns recognised.</source>
        <translation>Тақырып %1-жолда; танылған бағандар: %3 бағанның %2.</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Columns</source>
        <translation>Бағандар</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Say which field each column holds. The choice is remembered for the next file with the same columns.</source>
        <translation>Әр бағанда қай өріс екенін көрсетіңіз. Таңдау дәл осындай бағандары бар келесі файл үшін есте сақталады.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Column in the file</source>
        <translation>Файлдағы баған</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>First values</source>
        <translation>Алғашқы мәндер</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Suggest again from the headers</source>
        <translation>Тақырыптар бойынша қайта ұсыну</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Ignore this column</source>
        <translation>Бұл бағанды импорттамау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Full name (split into the name fields)</source>
        <translation>Толық аты-жөні (аты-жөні өрістеріне бөлінеді)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Emergency contact: %1</source>
        <translation>Төтенше жағдайда байланыс: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Remembered from the last file with these columns.</source>
        <translation>Осындай бағандары бар өткен файлдан есте сақталған.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Suggested from the headers.</source>
        <translation>Тақырыптар бойынша ұсынылды.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Preview</source>
        <translation>Алдын ала қарау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>The first rows as they were read. Wrong letters mean a wrong file, not a wrong step.</source>
        <translation>Алғашқы жолдар оқылған күйінде. Әріптер бұрыс болса, қадам емес, файл бұрыс.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Showing the first %1 rows of %2.</source>
        <translation>%2 файлының алғашқы жолдары: %1.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py"/>
        <source>Regions filled from the city: %1 (a region given in the file was kept as it was).</source>
        <translation>Өңір қала бойынша толтырылды: %1 (файлда көрсетілген өңір өзгеріссіз қалдырылды).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py"/>
        <source>Likely duplicates left out as you chose: %1.</source>
        <translation>Таңдауыңыз бойынша өткізіп жіберілген ықтимал қайталанулар: %1.</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Cancel the import</source>
        <translation>Импорттан бас тарту</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Importing %1…</source>
        <translation>%1 импортталуда…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Importing citizens</source>
        <translation>Азаматтарды импорттау</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Cancelling…</source>
        <translation>Бас тартылуда…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>The import is done.</source>
        <translation>Импорт аяқталды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>The import was cancelled: nothing was imported, the registry is as it was.</source>
        <translation>Импорттан бас тартылды: ештеңе импортталмады, тізілім бұрынғы күйінде қалды.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>The import failed and nothing was imported: %1</source>
        <translation>Импорт сәтсіз аяқталды, ештеңе импортталмады: %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/wizard.py"/>
        <source>Import citizens</source>
        <translation>Азаматтарды импорттау</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>CitizenForm</name>
    <message>
        <location filename="../../embassy_desk/gui/citizen/form.py"/>
        <source>Filled in from the city; change it if it is wrong.</source>
        <translation>Заполнено по городу; измените, если неверно.</translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Every row is checked as the import would check it; nothing is written yet.</source>
        <translation>Каждая строка проверяется так же, как при импорте; пока ничего не записывается.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import the good rows: the rejected rows are written, each with its reason, to a file beside this one, to be corrected and imported</source>
        <translation>Импортировать годные строки: отклонённые строки записываются, каждая с причиной, в файл рядом с этим, чтобы их исправить и импортировать</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>All or nothing: nothing is imported unless every row is good</source>
        <translation>Всё или ничего: ничего не импортируется, если хоть одна строка не годна</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Checking every row…</source>
        <translation>Проверяется каждая строка…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Checking the file</source>
        <translation>Проверка файла</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>The check was stopped.</source>
        <translation>Проверка остановлена.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Rows that can be imported: %1. Rejected rows: %2. Likely duplicates: %3.</source>
        <translation>Строк можно импортировать: %1. Отклонено строк: %2. Вероятных дубликатов: %3.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Regions filled from the city: %1.</source>
        <translation>Регион заполнен по городу: %1.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>You choose what happens to each likely duplicate on the next page.</source>
        <translation>Что делать с каждым вероятным дубликатом, вы решите на следующей странице.</translation>
    </message>
</context>
<context>
    <name>ImportDuplicatesPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Likely duplicates</source>
        <translation>Вероятные дубликаты</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>These rows look like people already registered, or like an earlier row of the file. Tick the ones to import anyway; the others are left out.</source>
        <translation>Эти строки похожи на уже зарегистрированных людей или на более раннюю строку файла. Отметьте те, которые всё равно нужно импортировать; остальные будут пропущены.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import anyway</source>
        <translation>Всё равно импортировать</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Name in the file</source>
        <translation>Имя в файле</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import all</source>
        <translation>Импортировать все</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Skip all</source>
        <translation>Пропустить все</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>No row looks like someone already registered or like an earlier row of the file.</source>
        <translation>Ни одна строка не похожа на уже зарегистрированного человека или на более раннюю строку файла.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Likely duplicates: %1. To import anyway: %2. To leave out: %3.</source>
        <translation>Вероятных дубликатов: %1. Будет импортировано всё равно: %2. Будет пропущено: %3.</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Choose the file</source>
        <translation>Выбор файла</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>A table of citizens: CSV (any encoding, commas, semicolons or tabs) or an Excel workbook (.xlsx). Nothing is imported before the last step.</source>
        <translation>Таблица граждан: CSV (любая кодировка, запятые, точки с запятой или табуляция) или книга Excel (.xlsx). До последнего шага ничего не импортируется.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>The file to import</source>
        <translation>Файл для импорта</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Import citizens</source>
        <translation>Импорт граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Таблицы (*.csv *.xlsx *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>The columns were not recognised (%1). Name them on the mapping page.</source>
        <translation>Столбцы не распознаны (%1). Укажите их на странице столбцов.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Excel workbook, sheet “%1”.</source>
        <translation>Книга Excel, лист «%1».</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Windows-1251 (old Windows Cyrillic)</source>
        <translation>Windows-1251 (старая кириллица Windows)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>semicolons</source>
        <translation>точкой с запятой</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>tabs</source>
        <translation>табуляцией</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>commas</source>
        <translation>запятыми</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Text table in %1, columns separated by %2.</source>
        <translation>Текстовая таблица в кодировке %1, столбцы разделены %2.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Header on row %1; %2 of %3 columns recognised.</source>
        <translation>Заголовок в строке %1; распознано столбцов: %2 из %3.</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Say which field each column holds. The choice is remembered for the next file with the same columns.</source>
        <translation>Укажите, какое поле в каждом столбце. Выбор запоминается для следующего файла с такими же столбцами.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>First values</source>
        <translation>Первые значения</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Suggest again from the headers</source>
        <translation>Предложить заново по заголовкам</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Ignore this column</source>
        <translation>Не импортировать этот столбец</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Full name (split into the name fields)</source>
        <translation>ФИО (разделяется на поля имени)</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Emergency contact: %1</source>
        <translation>Контакт на экстренный случай: %1</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Remembered from the last file with these columns.</source>
        <translation>Запомнено с прошлого файла с такими же столбцами.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Suggested from the headers.</source>
        <translation>Предложено по заголовкам.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>The first rows as they were read. Wrong letters mean a wrong file, not a wrong step.</source>
        <translation>Первые строки в том виде, в каком они прочитаны. Неверные буквы означают неверный файл, а не неверный шаг.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/file_pages.py"/>
        <source>Showing the first %1 rows of %2.</source>
        <translation>Первые строки файла %2: %1.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py"/>
        <source>Regions filled from the city: %1 (a region given in the file was kept as it was).</source>
        <translation>Регион заполнен по городу: %1 (регион, указанный в файле, оставлен как есть).</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/shell/import_report.py"/>
        <source>Likely duplicates left out as you chose: %1.</source>
        <translation>Вероятных дубликатов пропущено по вашему выбору: %1.</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Cancel the import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Importing %1…</source>
        <translation>Импорт %1…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Importing citizens</source>
        <translation>Импорт граждан</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>The import is done.</source>
        <translation>Импорт завершён.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>The import was cancelled: nothing was imported, the registry is as it was.</source>
        <translation>Импорт отменён: ничего не импортировано, реестр остался прежним.</translation>
    </message>
    <message>
        <location filename="../../embassy_desk/gui/importing/check_pages.py"/>
        <source>The import failed and nothing was imported: %1</source>
        <translation>Импорт не удался, ничего не импортировано: %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../embassy_desk/gui/importing/wizard.py"/>
        <source>Import citizens</source>
        <translation>Импорт граждан</translation>
    </message>
</context>
</TS>

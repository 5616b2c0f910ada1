<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CategoryEnums</name>
    <message>
        <source>Expense</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>Einnahme</translation>
    </message>
    <message>
        <source>Income and expense</source>
        <translation>Einnahmen und Ausgaben</translation>
    </message>
</context>
<context>
    <name>DefaultCategories</name>
    <message>
        <source>Groceries</source>
        <translation>Lebensmittel</translation>
    </message>
    <message>
        <source>Dining &amp; Drinks</source>
        <translation>Essen &amp; Trinken</translation>
    </message>
    <message>
        <source>Transport &amp; Car</source>
        <translation>Verkehr &amp; Auto</translation>
    </message>
    <message>
        <source>Shopping</source>
        <translation>Einkäufe</translation>
    </message>
    <message>
        <source>Clothing &amp; Personal Care</source>
        <translation>Kleidung &amp; Körperpflege</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Wohnen</translation>
    </message>
    <message>
        <source>Bills &amp; Utilities</source>
        <translation>Rechnungen &amp; Nebenkosten</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>Entertainment &amp; Leisure</source>
        <translation>Unterhaltung &amp; Freizeit</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Reisen</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Versicherungen</translation>
    </message>
    <message>
        <source>Home &amp; Garden</source>
        <translation>Haus &amp; Garten</translation>
    </message>
    <message>
        <source>Pets</source>
        <translation>Haustiere</translation>
    </message>
    <message>
        <source>Kids &amp; Education</source>
        <translation>Kinder &amp; Bildung</translation>
    </message>
    <message>
        <source>Gifts &amp; Donations</source>
        <translation>Geschenke &amp; Spenden</translation>
    </message>
    <message>
        <source>Taxes &amp; Government</source>
        <translation>Steuern &amp; Behörden</translation>
    </message>
    <message>
        <source>Fees &amp; Charges</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Loans &amp; Credit</source>
        <translation>Kredite</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Geschäftlich</translation>
    </message>
    <message>
        <source>Gambling</source>
        <translation>Glücksspiel</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bargeld</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Umbuchungen</translation>
    </message>
    <message>
        <source>Savings &amp; Investments</source>
        <translation>Sparen &amp; Anlegen</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>Gehalt</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Sozialleistungen</translation>
    </message>
    <message>
        <source>Interest &amp; Dividends</source>
        <translation>Zinsen &amp; Dividenden</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Other Income</source>
        <translation>Sonstige Einnahmen</translation>
    </message>
</context>
<context>
    <name>Moniagent::AddTransactionCommand</name>
    <message>
        <source>Add “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategoryRepository</name>
    <message>
        <source>A category named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category name is too long (at most 80 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a color for the category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no category named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a default category and cannot be deleted. You can rename it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a different category for the transactions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::Database</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a Moniagent database, or it is damaged. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was saved by a newer version of Moniagent (data version %2; this version reads up to %3). Install the newer Moniagent to open it. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” belongs to another application, not Moniagent. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not back up the database before updating it, so it was not updated. Check that there is free disk space next to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged. Restore a backup or export what can be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LedgerPager</name>
    <message>
        <source>The transaction is hidden by the current filter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::Migrator</name>
    <message>
        <source>A schema update is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the database to version %1 failed; it was left unchanged at version %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::Money</name>
    <message>
        <source>“%1” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has more than one decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has misplaced digit group separators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has a digit group separator after the decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 amounts have at most %n decimal digit(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No valid currency was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not contain a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has unbalanced parentheses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has both a plus and a minus sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is in %1, but %2 was expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not understood as a %2 amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a decimal number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::QuickEntryParser</name>
    <message>
        <source>income,received,got paid,refund</source>
        <comment>Quick entry: comma-separated words or phrases that mark money coming in (“salary 3200 income”). English is always understood too.</comment>
        <translation>Einnahme,Einnahmen,erhalten,Gutschrift,Erstattung,Rückerstattung</translation>
    </message>
    <message>
        <source>today</source>
        <comment>Quick entry: comma-separated words for today&apos;s date.</comment>
        <translation>heute</translation>
    </message>
    <message>
        <source>yesterday</source>
        <comment>Quick entry: comma-separated words for yesterday.</comment>
        <translation>gestern</translation>
    </message>
    <message>
        <source>the day before yesterday,day before yesterday</source>
        <comment>Quick entry: comma-separated phrases for the day before yesterday.</comment>
        <translation>vorgestern</translation>
    </message>
    <message>
        <source>{n} days ago,{n} day ago,a day ago</source>
        <comment>Quick entry: comma-separated phrases for a number of days back; keep {n} where the number goes. A phrase without {n} means one day.</comment>
        <translation>vor {n} Tagen,vor {n} Tag,vor einem Tag</translation>
    </message>
    <message>
        <source>{n} weeks ago,{n} week ago,a week ago</source>
        <comment>Quick entry: comma-separated phrases for a number of weeks back; keep {n} where the number goes. A phrase without {n} means one week.</comment>
        <translation>vor {n} Wochen,vor {n} Woche,vor einer Woche</translation>
    </message>
    <message>
        <source>last {weekday}</source>
        <comment>Quick entry: comma-separated phrases for the most recent past weekday; keep {weekday} where the weekday name goes (French: “{weekday} dernier”).</comment>
        <translation>letzten {weekday},letzter {weekday},vergangenen {weekday},vorigen {weekday}</translation>
    </message>
    <message>
        <source>on,on the,the</source>
        <comment>Quick entry: comma-separated words that stand right before a date and belong to it (“on monday”, German “am”, French “le”).</comment>
        <translation>am,vom</translation>
    </message>
    <message>
        <source>the,on the</source>
        <comment>Quick entry: comma-separated words that make the number after them a day of the current month (“on the 3rd”; German “am”, French “le”).</comment>
        <translation>am,den</translation>
    </message>
    <message>
        <source>st,nd,rd,th</source>
        <comment>Quick entry: comma-separated endings of ordinal day numbers (“3rd”); German “.”, French “er,e”.</comment>
        <translation>.</translation>
    </message>
    <message>
        <source>of</source>
        <comment>Quick entry: comma-separated words between a day and a month name (“1st of november”).</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at,for,on,in,from</source>
        <comment>Quick entry: comma-separated short words dropped at the start or the end of the description (“coffee at”, “for lunch”).</comment>
        <translation>bei,für,im,in,von,beim</translation>
    </message>
    <message>
        <source>Found two categories: #%1 and #%2. Keep only one.</source>
        <translation>Zwei Kategorien gefunden: #%1 und #%2. Behalten Sie nur eine.</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write dates like “%2”.</source>
        <translation>„%1“ ist kein Datum. Schreiben Sie Daten wie „%2“.</translation>
    </message>
    <message>
        <source>Found two dates: %1 and %2. Keep only one.</source>
        <translation>Zwei Daten gefunden: %1 und %2. Behalten Sie nur eines.</translation>
    </message>
    <message>
        <source>Write “%1” without a minus sign: amounts are positive. For money coming in, add “income”, for example “income %1”.</source>
        <translation>Schreiben Sie „%1“ ohne Minuszeichen: Beträge sind positiv. Für Geldeingänge fügen Sie „Einnahme“ hinzu, zum Beispiel „Einnahme %1“.</translation>
    </message>
    <message>
        <source>Found two amounts: %1 and %2. Keep only one.</source>
        <translation>Zwei Beträge gefunden: %1 und %2. Behalten Sie nur einen.</translation>
    </message>
    <message>
        <source>Add an amount, for example “coffee 4.50”.</source>
        <translation>Geben Sie einen Betrag an, zum Beispiel „Kaffee 4,50“.</translation>
    </message>
    <message>
        <source>“%1” is not a currency Moniagent knows. Write its three-letter code instead, for example “USD %2”.</source>
        <translation>„%1“ ist keine Währung, die Moniagent kennt. Schreiben Sie stattdessen ihren dreibuchstabigen Code, zum Beispiel „USD %2“.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <source>Add what it was for, for example “coffee 4.50”.</source>
        <translation>Geben Sie an, wofür es war, zum Beispiel „Kaffee 4,50“.</translation>
    </message>
    <message>
        <source>The text is too long. Keep it under %1 characters.</source>
        <translation>Der Text ist zu lang. Bleiben Sie unter %1 Zeichen.</translation>
    </message>
    <message>
        <source>Type what you spent, for example “coffee 4.50 yesterday”.</source>
        <translation>Schreiben Sie, was Sie ausgegeben haben, zum Beispiel „Kaffee 4,50 gestern“.</translation>
    </message>
</context>
<context>
    <name>Moniagent::RemoveTransactionsCommand</name>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::RoleModel</name>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::RoleRepository</name>
    <message>
        <source>The role “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ScopedSqlTableModel</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::Sql</name>
    <message>
        <source>The change conflicts with data that is already stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: it conflicts with data that is already stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: the database reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::TransactionModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by a rule (confidence %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested (confidence %1) and confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested with confidence %1; not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested by the assistant (confidence %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must not be zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 of “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::TransactionRepository</name>
    <message>
        <source>Choose a currency for the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be more than zero; use the type to say whether it is income or an expense.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date %1 is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is too long (at most %1 characters per field).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category confidence must be between 0 and 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transaction of another profile cannot be restored here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::UserRepository</name>
    <message>
        <source>Enter a name for the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name is too long (at most 64 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a currency code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can change another profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can delete profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot delete the profile you are using.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionEnums</name>
    <message>
        <source>Income</source>
        <translation>Einnahme</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Quick entry</source>
        <translation>Schnelleingabe</translation>
    </message>
    <message>
        <source>Receipt photo</source>
        <translation>Belegfoto</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <source>IMAP mail</source>
        <translation>IMAP-Mail</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
</context>
</TS>

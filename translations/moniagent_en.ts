<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CategoryEnums</name>
    <message>
        <source>Expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income and expense</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DefaultCategories</name>
    <message>
        <source>Groceries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dining &amp; Drinks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport &amp; Car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clothing &amp; Personal Care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills &amp; Utilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entertainment &amp; Leisure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home &amp; Garden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kids &amp; Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gifts &amp; Donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxes &amp; Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees &amp; Charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loans &amp; Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gambling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savings &amp; Investments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest &amp; Dividends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other Income</source>
        <translation type="unfinished"></translation>
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
        <translation>
            <numerusform>%1 amounts have at most %n decimal digit.</numerusform>
            <numerusform>%1 amounts have at most %n decimal digits.</numerusform>
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
    <name>Moniagent::RemoveTransactionsCommand</name>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n transaction(s)</source>
        <translation>
            <numerusform>Delete %n transaction</numerusform>
            <numerusform>Delete %n transactions</numerusform>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAP mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

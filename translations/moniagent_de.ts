<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AiInteractionEnums</name>
    <message>
        <source>Receipt reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiSettingsRepository</name>
    <message>
        <source>The server address must be an http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly spending limit cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The currency of the spending limit must be a three-letter code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetAlertEnums</name>
    <message>
        <source>Nearly spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetEnums</name>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetStates</name>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceeded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategorizationFeedbackEnums</name>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategorizationRuleEnums</name>
    <message>
        <source>Contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategorizationStateRepository</name>
    <message>
        <source>The confidence for applying a category automatically must be between 50 % and 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of corrections before a rule is learned must be between 1 and 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The categorization model to save is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>ChatMessageEnums</name>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatSessionEnums</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectedAccountEnums</name>
    <message>
        <source>Gmail</source>
        <translation type="unfinished">Gmail</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation type="unfinished">Outlook</translation>
    </message>
    <message>
        <source>IMAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished">Sonstiges</translation>
    </message>
    <message>
        <source>Sign in with the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAP with OAuth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for new mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
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
    <name>DocumentReader</name>
    <message>
        <source>Reading was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1; receipts up to %2 are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is neither an image (JPEG, PNG, TIFF, BMP, WebP) nor a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough memory to read the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has no page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image file has only one page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file has been read yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region lies outside the page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailEnums</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailExtractionEnums</name>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailExtractionJob</name>
    <message numerus="yes">
        <source>Read %n email(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmailFetchJob</name>
    <message>
        <source>The mail account is no longer connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs you to sign in again. Open Accounts to reconnect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching from %1 is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password for %1 is not in the keychain. Open Accounts and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched %1 of %2 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1 is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to Gmail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1 new messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to Outlook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched %1 messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GmailMailbox</name>
    <message>
        <source>Gmail sent an answer that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphMailbox</name>
    <message>
        <source>Microsoft Graph sent a link to another server; it was not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Graph sent an answer that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>The address %1 is not a secure web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 is larger than %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server “%1” was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 stopped responding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 could not be established or verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageLoader</name>
    <message>
        <source>The image is damaged or incomplete and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1 × %2 pixels (%3 megapixels); images up to %4 megapixels are read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImapConnection</name>
    <message>
        <source>Enter the server&apos;s address and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the sign-in token. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate could not be verified, so the connection was not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server does not offer an encrypted connection (STARTTLS) on this port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server “%1” was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the mail server %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server stopped responding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the mail server was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the mail server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server did not present a readable certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImapMailbox</name>
    <message>
        <source>The mail server did not say which message numbers are valid (UIDVALIDITY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server sent a message in a form Moniagent cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvoiceEnums</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobEnums</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished">Manuell</translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished">API</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read email again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import statement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailApiSession</name>
    <message>
        <source>Signing in to %1 is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer accepts the sign-in of %2. Open Accounts and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not renew the sign-in of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sign-in for %1. Open Accounts and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with error %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asks to wait before fetching more mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused access to the mail of %2. Open Accounts and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailArchive</name>
    <message>
        <source>The folder for emails cannot be created. Check the permissions of “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email cannot be saved (is the disk full?): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original of this email is no longer on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::AddCommand</name>
    <message>
        <source>Add one transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount, e.g. 12.50 (always positive; use --income for money in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was paid, or who paid you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date (YYYY-MM-DD, “today”, “yesterday”); default today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category name of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record money received instead of spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 4217 code; default the profile&apos;s currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note to keep with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the amount with --amount, e.g. --amount 12.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what it was with --merchant, e.g. --merchant &quot;Corner Café&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a currency code such as EUR or USD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be more than zero; use --income for money received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 on %2 (id %3).</source>
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
    <name>Moniagent::AiInteractionModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::AiInteractionRepository</name>
    <message>
        <source>The model name is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conversation always belongs to a profile; choose the profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logged model call no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::AiSettingsWidget</name>
    <message>
        <source>Refresh List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat: the assistant in the side panel and “ask”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second opinion on unsure &amp;receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading purchases from &amp;emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggesting categories when &amp;unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None — the built-in offline assistant only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other Anthropic-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server which models it offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls stop for the rest of the month once the estimated cost reaches this amount (US dollars)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly &amp;cap (USD):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the language model for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the key from the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the system keychain — type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server needs no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain: the key is kept only until Moniagent quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in Moniagent&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing leaves this computer: questions are answered by the built-in offline assistant from your own data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing leaves this computer: the model runs at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, like https://api.openai.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type the model to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly cap “%1” is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only emails the built-in reader could not read with confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only transactions that rules and the learned model cannot categorize with enough confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you ask the assistant, your question, the conversation so far and the results of its lookups (sums, merchant names, dates and amounts of matching transactions) are sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails that the built-in reader could not read with confidence (sender, subject, date and text, without attachments) are sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For transactions that rules and the learned model cannot categorize, the merchant, description, amount and the names of your categories are sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your files and receipts are not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your files, receipts and emails are not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only receipts whose total, date or merchant the built-in reader is unsure of; the review shows what the model reads differently, and nothing changes unless you use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For receipts the built-in reader is unsure of, the text it read from the receipt (not the image) is sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your files and receipt images are not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your files, receipt images and emails are not sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::AiUsageDialog</name>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg. latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month so far:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs are estimates from the pricing table; local models cost nothing. Only calls made with a language model are listed: the offline assistant makes none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished">Sonstiges</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) · %1 tokens · %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of the monthly cap of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::AskCommand</name>
    <message>
        <source>Answer a question about your money with the built-in offline assistant, e.g. ask &quot;How much did I spend on groceries last month?&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer as if today were this day (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a question, e.g. moniagent ask &quot;How much did I spend last month?&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question was not answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed (confirm in the app): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::AssistantSelector</name>
    <message>
        <source>The AI settings could not be read (%1); the offline assistant answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key could not be read from the keychain (%1); the offline assistant answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language model could not be set up; the offline assistant answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::AssistantTools</name>
    <message>
        <source>Unknown argument “%1”; this tool takes: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” and “%2” are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is after “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be a whole number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no category with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be a category name or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no category named “%1”; list_categories gives the names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD (inclusive). Omit for no lower bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day, YYYY-MM-DD (inclusive). Omit for no upper bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category name (see list_categories) or its numeric id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to find in the merchant, description or notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Today is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total expenses in a period, optionally of one category and/or merchant, optionally grouped by category, merchant or month. Amounts per currency, the profile&apos;s currency first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to group the total (default none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many groups, 1–200 (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions matching a filter, the largest or the newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction (default expense).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort order (default newest).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–100 (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchants with the most expenses in a period, per currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–50 (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every budget on a day: limit, spent, remaining, share used, state (ok, warning, exceeded) and projection for the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD (default today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expenses of a period against a baseline period, optionally of one category or merchant: both totals, the difference (period minus baseline) and the change in percent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline&apos;s first day, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline&apos;s last day, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income, expenses and net in a period, optionally per month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also give each month (default false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions and other recurring payments: merchants charged at regular weekly, monthly or yearly intervals with similar amounts in recent months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many months back to look, 2–36 (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s categories with their ids and types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only categories for this direction (default any).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tool named “%1”; the tools are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets are not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All spending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::Backup</name>
    <message>
        <source>The profile no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Moniagent backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: its version is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup was made by a newer Moniagent (backup format %1). Update Moniagent to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: it does not say its version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: two categories have the same id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: two categories are named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: two categories are the default “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: the receipt “%1” is in it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: a budget belongs to a category it does not contain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: a budget limits an income category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: a category has two budgets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: a rule belongs to a category it does not contain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: the rule “%1” is in it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: a transaction belongs to a category it does not contain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: a transaction refers to a receipt it does not contain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: “%1” is not a currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore was cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is damaged: “%1” is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restore needs an empty profile: this one already has %n transaction(s). Create a new profile and restore the backup into it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A backup can only be restored from a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup file could not be read again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BackupFormat</name>
    <message>
        <source>%1 in the backup is not a record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the backup cannot be restored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the backup has no valid “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetAlertModel</name>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All spending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetAlertMonitor</name>
    <message>
        <source>All spending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the budgets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget almost used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 spent, %3 over the %4 budget of %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2% of the %3 budget used (%4 of %5); %6 left until %7.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetAlertRepository</name>
    <message>
        <source>The budget period has no valid start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget alert has an unknown level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetEditDialog</name>
    <message>
        <source>&amp;Suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the average spending of the last three periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <comment>percent suffix of a spin box</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent warns you when spending reaches this share of the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budget for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warn at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every category has a budget already: edit one of them instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a budget for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a budget for all spending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking at the last three periods…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spending in the last 3 weeks to suggest a limit from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spending in the last 3 months to suggest a limit from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spending in the last 3 years to suggest a limit from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average of the last 3 weeks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average of the last 3 months: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average of the last 3 years: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetEngine</name>
    <message>
        <source>The date is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetModel</name>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn at</source>
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
    <message>
        <source>All spending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetRepository</name>
    <message>
        <source>Choose a currency for the budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a budget limit of more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whether the budget is weekly, monthly or yearly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert threshold must be between 0 % and 100 % of the limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget&apos;s category no longer exists. Choose another category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is an income category. Budgets limit spending: choose an expense category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a budget for all spending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a budget for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetStatusModel</name>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>budget period · its window</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expenses in other currencies are listed, not added: Moniagent does not convert currencies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetText</name>
    <message>
        <source>%1 – %2</source>
        <comment>the first and last day of a budget week</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>date format: a day of a budget week</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <comment>date format: the last day of a budget week</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>date format: the month of a budget</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>date format: the month of a budget alert</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All spending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>spent of limit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already over the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over at this pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within the limit at this pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ %1 not counted</source>
        <comment>spending in other currencies</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the limit spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the period has passed (pace mark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warns at %1 (threshold mark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spending in other currencies is not added to this budget: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exceeded its weekly budget (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exceeded its monthly budget (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exceeded its yearly budget (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reached %2 of its weekly budget (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reached %2 of its monthly budget (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reached %2 of its yearly budget (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <comment>date format: when an alert was raised</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetUndoCommand</name>
    <message>
        <source>New Budget for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Budget for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Budget for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetsCommand</name>
    <message>
        <source>All spending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every budget&apos;s window, spent, remaining, pace, projection and status; “budgets set Groceries 400 --period monthly” creates or changes one, “budgets remove Groceries” deletes it (“all” is the budget for all spending).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate the budgets on this day instead of today (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With “set”: weekly, monthly (default) or yearly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With “set”: warn when this share of the limit is spent: 0–1 or a percentage such as 80% (default 0.8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With “set”: the budget&apos;s currency (default: the profile&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use “budgets”, “budgets set CATEGORY AMOUNT [--period monthly] [--threshold 0.8]” or “budgets remove CATEGORY”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budgets yet; add one with “budgets set CATEGORY AMOUNT”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not counted (other currencies, no conversion yet): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a currency code such as EUR or USD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--period is weekly, monthly or yearly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--threshold is a share of the limit from 0 to 1, or a percentage such as 80%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget for %1 changed: %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget for %1 set: %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no budget for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget for “%1” removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BudgetsPage</name>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Budget…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a spending limit for a category or for all spending (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the limit, period or threshold of the selected budget (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected budget (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the ledger with the expenses this budget counts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the current period (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next period (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budgets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a limit for all your spending or for one category, and Moniagent tells you before it runs out. Start with New Budget…, or let Suggest look at what you spent in the last three months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Budget…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new budget for all spending, with the average of the last three months filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget for %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget for %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the budget for “%1”? Its alerts are deleted with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can undo this with Edit › Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget for %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each budget shows its own week, month or year that includes %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <comment>date format: the reference date of the page</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tray notifications for this budget; its alerts are still listed as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts for this budget are muted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts for this budget are on again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::BulkInsert</name>
    <message>
        <source>Some transactions refer to a category this profile does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some transactions refer to a receipt this profile does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some transactions refer to an email this profile does not have.</source>
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
</context>
<context>
    <name>Moniagent::Camt053Reader</name>
    <message>
        <source>Transaction %1: the amount is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: the amount “%2” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: the amount “%2” cannot be used: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: it is marked neither credit nor debit (CdtDbtInd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: the booking date is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a CAMT.053 bank statement: it is not XML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is an ISO 20022 %1 message, not a CAMT.053 bank statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This CAMT.053 file is damaged or incomplete (line %1: %2); nothing was read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a CAMT.053 bank statement: it has no BkToCstmrStmt element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This bank marks reversals with the direction of the original booking; the statement&apos;s balances show it, so the sign of %n reversal(s) was turned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This CAMT.053 file contains no entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n entry(ies) that the bank marks neither booked nor pending.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed %n reversal(s) as the bank&apos;s credit/debit indicator says; the statement&apos;s balances could not confirm it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This file holds statements for %n account(s); the lines of all of them are listed, and the account shown is the first one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This CAMT.053 file contains no booked entries, only %n pending or informational one(s); those are not imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n pending entry(ies); pending entries can be imported once the bank has booked them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept %n batch entry(ies) as a single line, since the payments listed in them have no amounts of their own.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::CategoriesDialog</name>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default categories cannot be deleted; rename them instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the category “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategorizationActions</name>
    <message>
        <source>Accept “%1” for “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln suggestion(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Accepted “%1” for “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Accepted %Ln suggestion(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Accept Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow the list to at most %1 transactions to accept them at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the suggested categories of all %1 transactions in the list? You can undo this with Edit › Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no suggestion to accept in this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always Categorize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on, “%1” is categorized as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From now on, “%1” is categorized as %2.

Also change the %Ln transaction(s) from “%1” whose category you have not confirmed?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Categorize %Ln transaction(s) from “%1” as %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Categorized %Ln transaction(s) from “%1” as %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Why This Category?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln Suggestion(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Always Categorize “%1” As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select at most %1 transactions to accept them at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategorizationFeedbackModel</name>
    <message>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategorizationFeedbackRepository</name>
    <message>
        <source>Say whether the category was confirmed or corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The suggestion&apos;s confidence must be between 0 and 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category no longer exists. Choose another category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a valid start time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategorizationReason</name>
    <message>
        <source>a rule learned from your corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of your rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned rule: matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule: matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned rule: contains “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule: contains “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in knowledge of common stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested by the AI model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned rule: store is “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule: store is “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>learned from %Ln earlier transaction(s) at this store</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>built-in knowledge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned from similar transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned from similar transactions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested by the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known store “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyword “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>same store as %n earlier transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>similar amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same amount as before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>money received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>money spent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategorizationRuleModel</name>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
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
    <name>Moniagent::CategorizationRuleRepository</name>
    <message>
        <source>Choose how the rule matches store names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule has an unknown origin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the store name or text the rule should match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pattern is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid regular expression: %2 (at character %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule&apos;s confidence threshold must be between 0 % and 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule&apos;s category no longer exists. Choose another category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an exact-name rule for “%1”. Edit that rule instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a rule with the regular expression “%1”. Edit that rule instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a rule for names containing “%1”. Edit that rule instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule&apos;s match count can only grow.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategorizationSettingsWidget</name>
    <message>
        <source>Categorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild Learned Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A suggested category at least this sure is applied; a less sure one waits in “Needs review”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this many consistent corrections for one store, a rule is made for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn again from every transaction whose category you confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Learned from %Ln transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Learning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an AI model when unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for transactions that rules and the learned model cannot categorize with enough confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions at least this sure are applied; less sure ones wait in “Needs review”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-apply threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections before a rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI suggestions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure an AI provider first, then switch this on the AI tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategorizeCommand</name>
    <message>
        <source>Categorize the transactions you have not confirmed (by default only the uncategorized ones).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only transactions without a category (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every transaction you have not confirmed; confirmed ones are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what would change without saving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose either --uncategorized or --all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) would be categorized</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) categorized</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n applied</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left for review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::Categorizer</name>
    <message>
        <source>no category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This transaction has no category yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was suggested with confidence %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was suggested with confidence %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You confirmed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not confirmed it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent would now suggest “%1” with confidence %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent has no suggestion for this store yet; choosing a category teaches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This transaction has no store name to make a rule from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategoryEditDialog</name>
    <message>
        <source>New Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a color</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category Color</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Color:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Icon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type of a default category cannot change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategoryLexicon</name>
    <message>
        <source>Cannot read the category lexicon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category lexicon is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category lexicon has no categories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category lexicon is of an unsupported version (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category lexicon is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CategoryModel</name>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default category “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
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
    <name>Moniagent::ChartPanel</name>
    <message>
        <source>Save Chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1 as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts are saved as .png or .svg files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chart has nothing to show yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chart from Moniagent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG pictures (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ChatController</name>
    <message>
        <source>Type a question first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant is still answering the last question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assistant is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ChatDock</name>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about your money…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much did I spend last month?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did I spend on eating out this month compared with last month?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What are my top 5 merchants this year?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Am I over budget?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which subscriptions am I paying for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What were my biggest expenses in the last 30 days?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — last used %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from &amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the conversation “%1” and all its messages?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the question (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try asking:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — nothing changes until you confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ChatMessageModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ChatMessageRepository</name>
    <message>
        <source>Type a message first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ChatSessionModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ChatSessionRepository</name>
    <message>
        <source>The title is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a title for the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ChatTranscript</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CliCommand</name>
    <message>
        <source>%1 % …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CliParsing</name>
    <message>
        <source>“%1” is not a date; use YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a whole number of zero or more, not “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CloseToTray</name>
    <message>
        <source>&amp;Keep Moniagent running in the system tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget alerts keep coming while the window is closed. Quit from the tray icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop shows no system tray: closing the window quits Moniagent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent keeps watching your budgets from the system tray. To quit, choose Quit in the menu of its tray icon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CommandLine</name>
    <message>
        <source>Usage: moniagent [--db PATH] [--user NAME] &lt;command&gt; [options]
Without a command, Moniagent opens its window.

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Run “moniagent &lt;command&gt; --help” for the options of a command.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file (default: the profile database in the data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile to act for (default: the first profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no profile yet. Open Moniagent once, or run “moniagent demo”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ConnectedAccountModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook sync link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAP UIDVALIDITY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last IMAP UID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ConnectedAccountRepository</name>
    <message>
        <source>The mail account is no longer connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already connected, in this or another profile. Remove it there before connecting it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the email address of the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an email address. Enter it as name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry of the account must be named “%1”. Sign in to the account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permissions granted to the account are not readable. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accounts sign in with %1 itself. To use a password, add the account as an IMAP account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the IMAP server, for example imap.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a server name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server port must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trusted certificate is not recorded correctly. Connect again to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server sent an invalid UIDVALIDITY; check the account again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server sent an invalid message UID; check the account again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected to this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time the access was revoked is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CsvDialect</name>
    <message>
        <source>The file is not open for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not look like a table: no comma, semicolon, tab or bar splits its lines into columns.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CsvExportOptions</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
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
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CsvMapping</name>
    <message>
        <source>Choose a column separator other than the quote character or a line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decimal separator must be a point or a comma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thousands separator and the decimal separator cannot be the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of lines to skip must be between 0 and 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date format “%1” is not understood; use d, M, MMM and yyyy, as in dd.MM.yyyy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a currency code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A column number is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column with the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column with the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose both the debit (money out) and the credit (money in) column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The debit and the credit column must be different columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the amount column and the column that says debit or credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the words the file uses for debit and for credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved column mapping is damaged or from a newer Moniagent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16 (little endian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16 (big endian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1252 (Western Europe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CsvMappingPage</name>
    <message>
        <source>Tell Moniagent how this file is written. The table shows its first lines as they will be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical bar ( | )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lines before the header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line names the &amp;columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point (1,234.56)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma (1.234,56)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal &amp;mark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One amount column, negative for money out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate money out and money in columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount column and a debit/credit column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debit/credit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts are &amp;positive for spending (credit card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, e.g. “My bank” (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first lines read correctly.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CsvReader</name>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: “%2” in the column “%3” is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: “%2” in the column “%3” has more decimals than %4 allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the amount “%2” is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted value is not closed before the end of the file; the file may be cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Line %1 has %n field(s); the mapping needs %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: the date is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the date “%2” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: “%2” in the column “%3” is not a date in the format %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: “%2” in the column “%3” is not a currency code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the amount is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: neither the debit nor the credit column has an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: “%2” in the column “%3” says neither debit nor credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a currency code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some characters are not valid %1 and were replaced; if names look wrong, choose another encoding.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::CsvRecordStream</name>
    <message>
        <source>The file is not open for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read to the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted value runs on for more than four million characters; the file’s quotes do not pair up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::DashboardCharts</name>
    <message>
        <source>No budgets yet. Set a limit for a category on the Budgets page to follow it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All spending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 in other currencies not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4), %5 · %6 – %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expenses in other currencies not included: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income in other currencies not included: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No income or expenses in the 12 months up to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n others</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished">Einnahme</translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spending by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets: spent of the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spending through the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top merchants</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not included (other currencies): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spending in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other categories</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 in %n expense(s) (%3 of the month&apos;s spending)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expenses at a named merchant in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 in %n expense(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The pace line spends the overall budget (%1 this month) evenly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The pace line spends the %n category budget(s) (%1 this month) evenly.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No budget in %1 yet: with one, a pace line shows how spending should go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets in other currencies are not in the pace: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spending in %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 that day, %3 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget pace: %1 by the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 budgets furthest along of %2; the Budgets page lists them all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::DashboardLoader</name>
    <message>
        <source>The month is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::DashboardPage</name>
    <message>
        <source>This &amp;Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly &amp;Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous month (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next month (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month the dashboard shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this month&apos;s report (summary, charts, budgets, largest expenses) as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts in %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expenses of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>income of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not included, being in other currencies: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month is still loading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moniagent-report-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Monthly Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the Assistant About This…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did I spend per category in %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How are my budgets doing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare my spending in %1 with the month before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much did I spend in %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What were my top merchants in %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::DashboardQueries</name>
    <message>
        <source>The month is not valid.</source>
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
    <name>Moniagent::DemoCommand</name>
    <message>
        <source>Add realistic made-up transactions (several years, hundreds of merchants).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many transactions to add (default 7500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same ledger (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many years back the ledger reaches (default: from the size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 demo transactions in %2 s (%3 rows/s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::DemoGenerator</name>
    <message>
        <source>Choose between 0 and %1 demo transactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the last date of the demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose between 1 and 50 years of demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a later end date or fewer years: demo data can reach from 1900 to 9999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a currency (a three-letter code such as EUR) for the demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a chunk size between 1 and 1,000,000 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a database before adding demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo data was cancelled; nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::EmailExtractionModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracted data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::EmailExtractionRepository</name>
    <message>
        <source>The extraction version cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model name or prompt hash is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the extraction failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email is no longer stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email has not been read yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::EmailExtractor</name>
    <message>
        <source>A reminder of a payment to come, not a payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account or security notice, not a purchase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shipping or delivery notice, not a purchase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newsletter or advertisement, not a purchase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order was cancelled: nothing was paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase, refund, payout or bank movement found in this email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reply in a conversation, without an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like a purchase, refund or payment, but no amount was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount “%1” could not be read in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any currency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::EmailLlmReader</name>
    <message>
        <source>The language model found no purchase, refund, payout or bank movement in this email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language model found no amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language model&apos;s amount “%1” is not a %2 amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language model found an amount of zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::EmailModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::EmailRepository</name>
    <message>
        <source>The email is no longer stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the mail account the email belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email has no message id, so it cannot be stored. Fetch it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message id of the email is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extraction version cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail account is no longer connected to this profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ExportCommand</name>
    <message>
        <source>Export the ledger as CSV, OFX or QIF, or back up the whole profile as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>csv, ofx, qif, or json for a full backup that “restore” reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only transactions on or after this date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only transactions on or before this date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV columns in this order, separated by commas: %1 (default: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for programs: dates as YYYY-MM-DD, “.” as decimal separator, “,” between fields (default: the profile&apos;s language and region).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the CSV file with a byte-order mark, which Excel needs to read UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name one file to write, e.g. “moniagent export --format csv ledger.csv”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format is “csv”, “ofx”, “qif” or “json”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup always holds the whole profile: --from, --to, --columns, --iso and --bom are for csv, ofx and qif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--columns, --iso and --bom are for csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a column; choose from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backed up %n transaction(s) to %1, with %2 categories, %3 budgets, %4 rules and %5 receipts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n transaction(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::ExportDialog</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income or expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
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
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (spreadsheets and other programs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFX (finance apps: GnuCash, Quicken, Money)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QIF (older finance apps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of the whole profile (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>What the ledger shows now (%n transaction(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All transactions (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Transactions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For programs: ISO dates (2025-03-31) and a decimal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moniagent-backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be saved; check the free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) exported to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>For spreadsheets: dates and numbers as in your settings (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ExportOutput</name>
    <message>
        <source>The file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::FilterBar</name>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income and expenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished">Einnahme</translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search merchant, description, notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only transactions whose category you have not confirmed and that are uncategorized or were suggested with less than %1 confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n categories</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::FirstRunDialog</name>
    <message>
        <source>Welcome to Moniagent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Moniagent&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent keeps your money in order on this computer: type an expense in a line, drop receipts on the window, and see where it all goes. Nothing leaves your machine unless you connect an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore with Demo Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills the profile with a few years of realistic made-up transactions. You can start a new, empty profile later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your first name, or a name for this ledger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ImapAccountDialog</name>
    <message>
        <source>Add IMAP Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imap.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually the email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth access token (XOAUTH2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is kept in your system&apos;s keychain, never in Moniagent&apos;s files. Messages are only read: nothing is marked as read, moved or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 presented a certificate that could not be verified. Someone could be pretending to be your mail server.&lt;/p&gt;&lt;p&gt;Issued to: %2&lt;br&gt;Issued by: %3&lt;br&gt;Valid until: %4&lt;br&gt;SHA-256 fingerprint:&lt;br&gt;&lt;tt&gt;%5&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Trust this certificate for this account only if you know the server uses it (for example, your own server with a self-signed certificate).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportCommand</name>
    <message>
        <source>Read CSV files with this saved or built-in column preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only show what would be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one statement file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no CSV preset called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns of “%1” could not be recognised; import it in the window to choose them, or name a preset with --preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %3 to %4): %n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  would add %n new transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  added %n transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  would join %n line(s) to transactions already in the ledger</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  joined %n line(s) to transactions already in the ledger</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  skipped %n duplicate(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n line(s) could not be read:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  this file was imported before, on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bank statements (CSV, OFX/QFX, QIF, CAMT.053) without creating duplicates, and receipts (images, PDFs) as expenses to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR languages for receipts joined by &apos;+&apos;, e.g. eng+deu (default: eng).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement or receipt files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: already imported as “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  no total or date found: finish it in the Receipts view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  looks like a transaction already in the ledger: left for review in the Receipts view</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  added %n expense(s) to review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportDialog</name>
    <message>
        <source>Import Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probable matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xclude All Shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;olumns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip This File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cancelled, nothing imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 statement%2%3: %n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> of account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n probable match(es) to join</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Net of the lines to import: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was already imported on %1; its lines are shown as duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns from the preset “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n transaction(s) imported, %2 joined to existing ones</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n transaction(s) imported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: skipped, nothing imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported; nothing was changed for them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Include &amp;All Shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportHistoryDialog</name>
    <message>
        <source>&amp;Undo Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the transactions this import added and unlink the lines it joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import history could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No statement has been imported yet. File › Import Statements… (Ctrl+I) brings one in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n import(s), %1 in the ledger.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n transaction(s) imported from “%1”?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement line(s) joined to transactions you already had will be unlinked; those transactions stay.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Undo Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the import of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of “%1” could not be undone; the ledger is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) of %1 removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportHistoryModel</name>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QIF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAMT.053</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement lines joined to a transaction already in the ledger (a receipt, an email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates, unreadable and excluded lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportPresetRepository</name>
    <message>
        <source>Enter a name for the import preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset name is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import preset could not be saved: its mapping is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import preset could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an import preset named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import preset no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportPreviewModel</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probable match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joins %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not joined: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished">Import</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match or problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportReceiptsDialog</name>
    <message>
        <source>&amp;Cancel Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop receipt photos, scans and PDFs here, or add them with Add Files…. They are read in the background; review each one to add its expense.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the dropped files is an image or a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Review %n Receipt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No receipts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading: %1 of %2 done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) waiting for review.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportStaging</name>
    <message>
        <source>Could not create a temporary folder for the import preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the import preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the import preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the import preview; check the free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ImportUndoCommand</name>
    <message>
        <source>Import of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::InvoiceModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::InvoiceRepository</name>
    <message>
        <source>The stored copy of the file is missing. Import the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s checksum is not a SHA-256 digest. Import the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no name. Enter a name for the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date %1 is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a currency for the receipt&apos;s amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt&apos;s total and tax cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total and the tax must be in the same currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt has an unknown status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is too long (at most %1 characters per field).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was already imported as “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::JobListModel</name>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again at %1 after: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::JobModel</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
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
    <name>Moniagent::JobRepository</name>
    <message>
        <source>“%1” is not a job type: use capital letters and underscores, such as EMAIL_FETCH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job has an unknown trigger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job has already ended (%1) and cannot be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only failed or cancelled jobs can be retried; this one is “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job runner needs the current time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose when the job should run again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::JobScheduler</name>
    <message>
        <source>There is no schedule called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::JobWorker</name>
    <message>
        <source>The job was interrupted too often (Moniagent closed while it ran), so it was not started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent cannot run jobs of the type “%1”: no part of the app handles them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job of the type “%1” could not be prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job failed unexpectedly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job failed unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job stopped before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::JobsCommand</name>
    <message>
        <source>List the background jobs (email fetches and the like): “jobs [--status failed]”, “jobs retry ID”, “jobs cancel ID”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only jobs with this status: queued, running, success, failed or cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many of the newest jobs (default 50; 0 for all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a job number; see “jobs”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use “jobs”, “jobs retry ID” or “jobs cancel ID”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status is queued, running, success, failed or cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs with this status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no job %1; see “jobs”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 will run again as job %2 (jobs run while Moniagent is open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::JobsDialog</name>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work Moniagent does in the background, such as fetching email. Failed jobs can be retried; waiting or running ones can be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read email again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected failed or cancelled job again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected job; you can retry it later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” will run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::JsonObjectReader</name>
    <message>
        <source>The file is damaged: “%1” at byte %2 was not expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is incomplete: it ends after %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not JSON text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged: a value at byte %1 is too large.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::JsonSchemaValidator</name>
    <message>
        <source>The reply is not valid JSON: %1 at offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected %2, got %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is below the minimum %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is above the maximum %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the field &quot;%2&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the field &quot;%2&quot; is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LearnedClassifier</name>
    <message>
        <source>The saved categorization model is damaged and was not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved categorization model is of another version and was not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved categorization model was built with other settings and was not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LedgerPage</name>
    <message>
        <source>No transactions match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transactions yet.
Type one in the line above, for example “coffee 4.50”, and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review.
Every category is either confirmed by you or was applied with high confidence.</source>
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
    <name>Moniagent::LedgerView</name>
    <message>
        <source>The new transaction is hidden by the current filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select at most %1 transactions to delete at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 transactions? You can undo this with Edit › Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln transaction(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::LibofxParser</name>
    <message>
        <source>The OFX file could not be prepared for reading: the temporary folder is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ListCommand</name>
    <message>
        <source>List transactions, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only transactions on or after this date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only transactions on or before this date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this category (name); “none” for uncategorized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only transactions whose merchant, description or notes match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only “income” or “expense”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by date (default), amount or merchant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort ascending instead of descending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many rows (default 50; 0 for all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--type is “income” or “expense”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sort is “date”, “amount” or “merchant”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transactions match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LlmAccounting</name>
    <message>
        <source>This month&apos;s limit for the AI assistant is reached: %1 of %2 spent. Raise the limit in the AI settings or wait until next month; the offline assistant still answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LlmAssistant</name>
    <message>
        <source>The assistant is still answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up your data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LlmPricing</name>
    <message>
        <source>The price list is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price of %1 %2 must be two whole numbers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LlmProvider</name>
    <message>
        <source>%1 via %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the API key (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a list of models Moniagent cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n model(s) available.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n model(s) available, %1 among them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected, but the server does not list the model %1 (%n model(s) available).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::LlmReply</name>
    <message>
        <source>%1 sent a reply Moniagent cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 ended before it was complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 stopped answering for %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The model&apos;s answer did not have the expected form, also after asking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server asks to wait %n second(s) before trying again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 refused the API key (HTTP %2). Check the key in the AI settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know this address or model (HTTP 404). Check the server address and the model in the AI settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is limiting requests (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had a problem answering (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LlmStructuredCall</name>
    <message>
        <source>A language-model call was refused on the main thread, which must not wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language model is not set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No language model is configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LlmTransactionModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::LlmTransactionRepository</name>
    <message>
        <source>The start date must not be after the end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the model provider of the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the model of the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name of the call is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token counts cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total of %1 tokens is not the %2 input tokens plus the %3 output tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total number of tokens cannot be less than the input or output tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token counts are too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estimated cost cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a currency code. Use three capital letters, such as USD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latency cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job or model call this usage belongs to no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of today is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::MailAccountConnector</name>
    <message>
        <source>%1 is already connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent could not reach Google to withdraw its access (%1). The account is disconnected here; to withdraw the access too, remove Moniagent at https://myaccount.google.com/permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::MailAccountsDialog</name>
    <message>
        <source>Mail Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected mail accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mailbox is connected yet. Add one and Moniagent turns receipts and order confirmations into transactions for you to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for new mail &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 with a purchase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Gmail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Outlook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook.com, Hotmail and Microsoft 365 mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;IMAP Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign In &amp;Again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-In Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system has no keychain Moniagent can use, so the password or sign-in is kept only until Moniagent quits. You will be asked again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect %1? Its password or sign-in is removed from the keychain (and Moniagent&apos;s access is withdrawn at the provider where that is possible) and its fetched emails are deleted from Moniagent. Transactions made from them stay in your ledger; nothing changes in the mailbox itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which Gmail messages Moniagent reads, in Gmail&apos;s search syntax. Leave it empty for the default. Applies from the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail &amp;search:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::MailCommand</name>
    <message>
        <source>Email receipts: “mail extract FILE.eml…” prints the purchase, refund or payout each email records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The currency of amounts printed without one (default: the system locale&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved emails (.eml) or HTML bodies to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3, %4 %5, %6, %7, items: %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one email file to read, e.g. mail extract receipt.eml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a currency code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail sync: only this account (its email address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extract or sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extract|sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a mail subcommand: extract or sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail sync takes no files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a mail subcommand. Use: extract or sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail account is connected. Add one in Tools › Mail Accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connected mail account is called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 new message(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 transaction(s) from email waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::MailIntegration</name>
    <message>
        <source>Sign in to %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent can no longer read %1: %2 Open Tools › Mail Accounts and choose Sign In Again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Categories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Moniagent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income &lt;b&gt;%1&lt;/b&gt; &amp;nbsp; Expenses &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; Net &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(+%n other currency(ies))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used for menus and dialogs the next time Moniagent starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Moniagent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Moniagent %1&lt;/h3&gt;&lt;p&gt;Personal finance that reads your receipts, learns your categories and keeps your data on your computer.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Your data: %3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: income %2, expenses %3, net %4 (%Ln transaction(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Accept &amp;Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept All &amp;Visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs &amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the transactions whose category waits for your review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorization &amp;Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Statements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) read and waiting for your review.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import &amp;Receipts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank statements (*.csv *.txt *.ofx *.qfx *.qif *.xml);;Statements and receipts (*.csv *.txt *.ofx *.qfx *.qif *.xml *.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As&amp;k the Assistant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI &amp;Usage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask &amp;about “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much did I spend at %1 this year?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available, so the key is kept only until Moniagent quits. You will be asked for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the assistant (Ctrl+K asks a question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2 (Tools › Jobs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background jobs cannot run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mail Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;History…</source>
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
    <name>Moniagent::MimeParser</name>
    <message>
        <source>The email is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an email message: it does not start with header fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an email message: no header could be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email is truncated: it ends in the middle of a part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is neither an email message nor an HTML or text body.</source>
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
    <name>Moniagent::MonthlyReport</name>
    <message>
        <source>expenses of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>income of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not included, being in other currencies: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budgets are set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All spending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more budget(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Largest expenses of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expenses in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
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
        <source>No profile is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent · %1 · %2 · page %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · amounts in %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent report for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::NotificationListModel</name>
    <message>
        <source>Unread: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::NotificationsButton</name>
    <message>
        <source>Notifications: nothing unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread budget alert(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::NotificationsPopup</name>
    <message>
        <source>No notifications yet.
Budget alerts appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark All &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::OAuthSignIn</name>
    <message>
        <source>The sign-in was not finished in time. Start it again when you are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in with %1 needs the app&apos;s OAuth client id. Enter it under App registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent could not listen on this computer for the answer of the sign-in page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;!doctype html&gt;&lt;html&gt;&lt;head&gt;&lt;meta charset=&quot;utf-8&quot;&gt;&lt;title&gt;Moniagent&lt;/title&gt;&lt;/head&gt;&lt;body style=&quot;font-family: sans-serif; margin: 4em auto; max-width: 32em; text-align: center&quot;&gt;&lt;h1&gt;You are signed in&lt;/h1&gt;&lt;p&gt;Moniagent received the sign-in. You can close this tab and go back to Moniagent.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was declined in the browser. Nothing was connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the sign-in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached to finish the sign-in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not allow Moniagent to stay signed in (no refresh token). Remove Moniagent&apos;s access in your account settings and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent was not allowed to read your mail. Sign in again and allow reading email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not say which address you signed in with.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::OAuthSignInDialog</name>
    <message>
        <source>Connect Gmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent opens Google&apos;s sign-in page in your browser. Sign in and allow Moniagent to &lt;b&gt;read&lt;/b&gt; your email. It only looks for receipts and order confirmations; it never sends, changes or deletes mail. Your sign-in is kept in your system&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent opens Microsoft&apos;s sign-in page in your browser (work, school or personal account). Sign in and allow Moniagent to &lt;b&gt;read&lt;/b&gt; your email. It only looks for receipts and order confirmations; it never sends, changes or deletes mail. Your sign-in is kept in your system&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OAuth client of a &quot;Desktop app&quot; registered in the Google Cloud console, with the Gmail API enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application (client) id of a public client registered in Microsoft Entra, with http://localhost as a redirect URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google gives desktop clients a secret that is not secret; it is stored in Moniagent&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Browser Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you to finish signing in in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent could not open a browser. Open this address yourself:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client id of Moniagent&apos;s app registration first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the sign-in page…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::OAuthTokenProvider</name>
    <message>
        <source>The sign-in for %1 is not in the keychain. Open Accounts and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent has no OAuth client id for %1. Enter it in Accounts and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in address of %1 is not usable. Check it in Settings and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached to renew the sign-in of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer accepts Moniagent&apos;s sign-in for %2 (%3). Open Accounts and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not renew the sign-in of %2 (HTTP %3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::OAuthTokens</name>
    <message>
        <source>The saved sign-in of this account is unreadable. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server sent no access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server sent a token Moniagent cannot use.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::OfflineAssistant</name>
    <message>
        <source>How much did I spend on groceries last month?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much did I spend at Tesco this year?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much did I spend on eating out last month compared with October?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What are my top 5 merchants this year?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where does my money go this month, by category?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What were my biggest expenses in the last 30 days?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How are my budgets?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was my income and spending this year, per month?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which subscriptions do I have?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show my latest transactions at Amazon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a monthly budget of 300 for groceries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always categorize Netflix as Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I did not understand that question. I can answer questions about your spending and income by category, merchant and period (“last month”, “in October”, “since 1 March”, “last 30 days”), top merchants and categories, biggest expenses, comparisons between periods, budgets and subscriptions. For example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in all time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished">heute</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished">gestern</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You spent nothing%1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You spent %1%2 %3 (%n transaction(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>In other currencies (not converted): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You spent nothing %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most of your spending %1 went to %2: %3 of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You spent nothing at any merchant%1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your top merchant%1 %2 was %3 with %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I found no expenses%1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your biggest expense%1 %2 was %3 at %4 on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your latest %n expense(s)%1 %2:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 less (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You spent %1%2 %3, compared with %4 %5: %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no budget for %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no budgets yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n budget(s) over the limit: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n budget(s) are within their limits.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Close to the limit: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your income %1 was %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 you earned %2 and spent %3: you kept %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 you earned %2 and spent %3: %4 more than you earned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other currencies are listed separately (not converted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished">Einnahme</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>I found no recurring payments in the last %n month(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>I found %n recurring payment(s), about %1 a month in total.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You have %n categories.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all spending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a %1 budget of %2 for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I can create a %1 budget of %2 for %3; confirm with the button. %4 you spent %5 on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always categorize “%1” as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move past “%1” transactions to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I can add a rule that puts transactions matching “%1” into %2, and move the past ones there too. Nothing changes until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant could not read your data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up your data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::OfxReader</name>
    <message>
        <source>Transaction %1: the date (DTPOSTED) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: the date “%2” is not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: the amount (TRNAMT) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: the amount “%2” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: the amount “%2” cannot be used: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not an OFX or QFX statement: it has no &lt;OFX&gt; element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This OFX file is incomplete: it ends before its closing &lt;/OFX&gt; tag. Download it again from the bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This OFX file contains no statement: the bank answered with error %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This OFX file holds responses to transfer requests, not a statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This OFX file contains no bank, credit card or investment statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement names the currency “%1”, which is not an ISO 4217 code; its amounts were read as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1: its amount and date could not be found in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This OFX file contains only investment transactions (%n buy(s), sell(s) or other security transaction(s)), which are not imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This OFX file contains a statement but no transactions (account %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n investment transaction(s) (buys, sells, income and other security transactions); only cash transactions are imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This file holds statements for %n account(s); the lines of all of them are listed, and the account shown is the first one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The bank reported error %1 for part of this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This OFX file is damaged: its elements are nested %1 levels deep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This OFX file holds %1 transactions, more than the %2 that can be read at once. Export a shorter period from the bank.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::PromptLibrary</name>
    <message>
        <source>The prompt %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ProposalRunner</name>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proposed budget has no amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorization is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proposed rule is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorization Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule for “%1” created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proposed change is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always Categorize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on, categorize “%1” as %2?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::QifAmounts</name>
    <message>
        <source>the amount “%1” is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount “%1” cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::QifDates</name>
    <message>
        <source>the date “%1” is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date “%1” does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates like “%1” could be day/month or month/day and no date in the file settles it; they were read day first, as dates written with dots usually are: “%1” is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates like “%1” could be month/day or day/month and no date in the file settles it; they were read month first, the QIF default: “%1” is %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::QifReader</name>
    <message>
        <source>QIF files name no currency, and the default currency “%1” is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a QIF file: it does not start with a “!Type:” header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This QIF file contains only investment transactions (%n), which are not imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This QIF file contains no transactions, only lists (accounts, categories or similar).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date (D) is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount (T) is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1 (line %2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n investment transaction(s): only bank, cash, card and asset accounts are imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This file holds transactions of %n account(s); the lines of all of them are listed, and the account shown is the first one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped the section “!%1”: it is not a kind of account that can be imported.</source>
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
    <name>Moniagent::QuickEntryWidget</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick add: “coffee 4.50 yesterday”, “salary 3200 income 1 nov”, “4.50 #groceries”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no category “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ReassignDialog</name>
    <message>
        <source>Delete Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” is used by %Ln transaction(s). Where should they go?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::ReceiptBatch</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was imported before as “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the model…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ReceiptCategoryDelegate</name>
    <message>
        <source>Category of the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ReceiptImageView</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ReceiptItemsModel</name>
    <message>
        <source>As the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted in the receipt&apos;s category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <comment>quantity</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a quantity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ReceiptListModel</name>
    <message>
        <source>Imported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ReceiptReviewDialog</name>
    <message>
        <source>Add L&amp;ine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;plit into one expense per category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+wheel zooms, drag to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merchant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Total:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;yment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the expense and go on (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this receipt pending and show the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reviewing; this receipt and the rest stay pending (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close; the receipt stays pending (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected line (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible when the lines are in at least two categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the merchant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax must be less than the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The items add up to %1, %2 with the tax, not to the total of %3 (%4 missing). Check the amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The items add up to %1, not to the total of %2 (%3 missing). Check the amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>category and amount of one expense of a split receipt</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates one expense: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates %1 expenses: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an expense like this one:
%1

Create a second one?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ReceiptReviewFlow</name>
    <message numerus="yes">
        <source>%n receipt(s) added to the ledger.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Receipt “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::ReceiptsPage</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Receipts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what was read and add the expense (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the selected receipts again with the current OCR settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the receipts that are still waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Review %n Receipt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reading receipts: %1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) read and waiting for your review.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n receipt(s) again…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No program is set up to open “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receipt “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 and its stored copy?

Keep the expenses created from it in the ledger? Choose Yes to keep them, No to delete them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 and its stored copy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::RemoveTransactionsCommand</name>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::ReportCommand</name>
    <message>
        <source>Write a month&apos;s report (summary, charts, budgets, largest expenses) as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month, as YYYY-MM (default: this month).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a month: write it as YYYY-MM, e.g. 2026-10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the file to write with --pdf, e.g. “moniagent report --month %1 --pdf report.pdf”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Moniagent cannot draw reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The report for %1 (%n page(s)) is in %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::RestoreCommand</name>
    <message>
        <source>Restore a backup made with “export --format json” into a profile without transactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the backup file, e.g. “moniagent restore backup.json”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restored %n transaction(s), with %1 categories, %2 budgets, %3 rules and %4 receipts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::ReviewBar</name>
    <message>
        <source>Accept All Visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the suggested category of every transaction in this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the suggested category of every transaction in this list (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Enter&lt;/b&gt; accepts the suggested category and moves on · &lt;b&gt;type&lt;/b&gt; to choose another category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; accepts them all</source>
        <translation type="unfinished"></translation>
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
    <name>Moniagent::RuleChanges</name>
    <message>
        <source>Checking your transactions against the rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorization Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → other categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transactions would change: the rules agree with the categories you have now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln transaction(s) will change: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::RuleEditDialog</name>
    <message>
        <source>New Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the store name, e.g. “TESCO”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure the rule is. At or above your auto-apply threshold its category is applied; below it the transaction waits for review with it suggested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When several rules of the same kind match, the one with the higher priority wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your transactions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a store name to see which transactions the rule matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the pattern to see which transactions the rule matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches none of your transactions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Matches %Ln transaction(s), would change %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (confirmed by you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole store name, e.g. “Tesco Express”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A regular expression, e.g. “^(tesco|sainsbury)”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Matches %Ln transaction(s). Choose a category to see what would change.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking your transactions… %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::RuleTableModel</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from your repeated corrections. Turn it off if it is wrong, or edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for new transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turned off: not used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::RulesCommand</name>
    <message>
        <source>List, add or remove categorization rules: “rules list”, “rules add --type keyword --pattern TESCO --category Groceries”, “rules remove ID”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the rule matches: keyword, regex or exact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store name, keyword or regular expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category (name) the rule assigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher priorities are tried first within a type (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confidence the rule&apos;s category carries, in percent (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use “rules list”, “rules add --type … --pattern … --category …” or “rules remove ID”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rules yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--type is “keyword”, “regex” or “exact”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the rule a --pattern and a --category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--priority is a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--confidence is a percentage from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a rule number; see “rules list”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::RulesDialog</name>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorization Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules put transactions from a store into a category. Exact names are tried first, then regular expressions, then “contains” rules. Learned rules come from your repeated corrections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-apply Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorize the transactions you have not confirmed again, with the current rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the learned rule for “%1”? It may be learned again from later corrections; turn it off instead to keep it from coming back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the rule for “%1”? Transactions it categorized keep their category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-apply Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only transactions whose category you have not confirmed change. You can undo this with Edit › Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-apply rules to %Ln transaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-applied the rules: %Ln transaction(s) changed (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::ScanCommand</name>
    <message>
        <source>Read receipts (images, PDFs) and print merchant, date, total and items; no database needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR languages joined by &apos;+&apos;, e.g. eng+deu (default: eng).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The currency of receipts that name none (default: the system locale&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt images or PDFs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCR language “%1” is not installed. Installed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one OCR language, e.g. --lang eng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %3, %4 (%n item(s), %5 ms)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name at least one receipt image or PDF to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a currency code.</source>
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
    <name>Moniagent::SecondOpinionBox</name>
    <message>
        <source>Second opinion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No second opinion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reads this receipt the same way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 reads %n field(s) differently. Nothing changes unless you use its reading.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the suggested %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::SecretStore</name>
    <message>
        <source>The keychain refused to read the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to store the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to remove the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain cannot be used from here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::Session</name>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your ledger, receipts and settings live here. Back up this folder to keep them safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when a budget reaches its &amp;alert threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when a budget is &amp;exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Categorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assistant &amp;&amp; AI</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::SingleInstance</name>
    <message>
        <source>Moniagent is already running with this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent could not watch for being started again.</source>
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
    <name>Moniagent::StatementExporter</name>
    <message>
        <source>Choose at least one column to export.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::StatementFile</name>
    <message>
        <source>“%1” could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QIF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAMT.053</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is %2; statements larger than %3 are not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a receipt or document, not a bank statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a statement Moniagent can read: it is not CSV, OFX, QFX, QIF or CAMT.053.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a statement Moniagent can read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::StatementImportRepository</name>
    <message>
        <source>An import needs a file name, its checksum and an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import is not in the history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::StatementImporter</name>
    <message>
        <source>Cheque %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a statement Moniagent can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 has no amount; there is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This preview belongs to another import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of “%1” was not undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of “%1” was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::StatementMatcher</name>
    <message>
        <source>the same line appears earlier in this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::StatementText</name>
    <message>
        <source>The %1 file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is too large for a %1 statement (%2; at most %3 are read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is too large for a %1 statement (more than %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rounded %n amount(s) with more decimals than the currency has to its smallest unit (for example %1 became %2).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Moniagent::SummaryTiles</name>
    <message>
        <source>Income</source>
        <translation type="unfinished">Einnahme</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 vs. %3</source>
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
    <message>
        <source>Set by a rule (confidence %1) and confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes do not match the transactions.</source>
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
        <source>A transaction of another profile cannot be restored here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::TrayIcon</name>
    <message>
        <source>&amp;Open Moniagent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick &amp;Add Expense…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n on track</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exceeded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Budgets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>separates the parts of the budget summary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::UsageCommand</name>
    <message>
        <source>Show the AI assistant&apos;s calls, tokens and estimated cost per day and per model for this month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month to show instead of the current one (YYYY-MM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month must look like 2026-10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI usage from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls to a language model in this month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens (%2 in, %3 out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms on average</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Moniagent::UserModel</name>
    <message>
        <source>%1 (administrator)</source>
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
    <name>PdfFile</name>
    <message>
        <source>The PDF is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is protected by a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has %1 pages; at most %2 are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the PDF cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the PDF is too large to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the PDF cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Moniagent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can open another Moniagent file, or quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Another File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Moniagent File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moniagent files (*.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new profile could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptFileStore</name>
    <message>
        <source>“%1” cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder for receipts cannot be created. Check the permissions of “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt cannot be copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt cannot be copied (is the disk full?): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptMarks</name>
    <message>
        <source>Read with low confidence: please check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found on the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the payment QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked out from the other amounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptService</name>
    <message>
        <source>“%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was already accepted; its expenses are in the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the merchant of the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the total of the receipt; it must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total and the tax must be in the same currency.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message>
        <source>Unknown</source>
        <comment>payment method</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished">Bargeld</translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleMatcher</name>
    <message>
        <source>Enter the store name or text the rule should match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pattern is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no store name left once card and payment words, numbers and dates are removed. Enter the store&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one letter or digit for the rule to look for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid regular expression: %2 (at character %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules cannot use “%1”: control verbs and options such as (*LIMIT_MATCH=…) are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules cannot use the back-reference “%1”: it can make checking a store name very slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules cannot use “%1”: recursion, conditions and callouts are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules cannot use the extended mode “%1”: write the expression without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” repeats a part that itself repeats without limit, like (a+)+; checking it can take very long. Remove one of the repetitions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” repeats alternatives that can start with the same character, like (a|ab)+; checking it can take very long. Make the alternatives start differently or remove the repetition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be checked safely. Simplify the regular expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” takes too long to check on long store names. Simplify the regular expression, for example by removing repetitions of repeated parts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TesseractEngine</name>
    <message>
        <source>No OCR language is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCR language “%1” is not installed (Tesseract&apos;s %1.traineddata).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCR engine could not load its language data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCR engine is not ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCR engine could not read the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCR languages %1 are not installed in one folder.</source>
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

-- Schema version 7: the language-model settings of each profile. The API key is never here: it lives in the
-- operating system's keychain under "llm:<provider>:<user>". provider 'none' (the default) means the built-in
-- offline assistant and no network calls. features is a JSON object of booleans {chat, receipts, email,
-- categorization}, all false until the user switches one on. monthly_cap_micros is a spending cap in
-- micro-units of cap_currency (NULL = no cap). (No colon directly before a word here: the migration runner's
-- driver would take it for a named placeholder.)

CREATE TABLE ai_settings (
    user_id            INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    provider           TEXT NOT NULL DEFAULT 'none' CHECK (provider IN ('none', 'openai', 'anthropic')),
    base_url           TEXT NOT NULL DEFAULT '',
    model              TEXT NOT NULL DEFAULT '',
    features           TEXT NOT NULL DEFAULT '{"chat": false, "receipts": false, "email": false, "categorization": false}'
                       CHECK (json_valid(features) AND json_type(features) = 'object'),
    monthly_cap_micros INTEGER CHECK (monthly_cap_micros IS NULL OR monthly_cap_micros >= 0),
    cap_currency       TEXT NOT NULL DEFAULT 'USD' CHECK (length(cap_currency) = 3),
    updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

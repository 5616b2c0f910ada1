-- Moniagent schema, version 1: every table of the merged design (DESIGN.md §3).
-- Conventions: integer primary keys; uuid where an entity needs identity outside the file;
-- money as integer minor units + ISO 4217 code; times as UTC ISO-8601 text; calendar dates as YYYY-MM-DD;
-- JSON columns hold valid JSON text; dates are checked with date(x, '+0 days') IS x, which
-- normalizes impossible days (2023-02-29) and yields NULL for malformed text, so both fail; every user-owned row carries user_id and goes with its user.

PRAGMA application_id = 1297043017; -- 'MONI'

CREATE TABLE roles (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name IN ('admin', 'user')),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO roles (name, description) VALUES
    ('admin', 'Manages profiles and application settings'),
    ('user', 'Uses their own data');

CREATE TABLE users (
    id                       INTEGER PRIMARY KEY,
    uuid                     TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    username                 TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(username)) > 0),
    primary_email            TEXT UNIQUE COLLATE NOCASE CHECK (primary_email IS NULL OR primary_email LIKE '%_@_%'),
    first_name               TEXT NOT NULL DEFAULT '',
    last_name                TEXT NOT NULL DEFAULT '',
    password_hash            TEXT CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%'),
    is_active                INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    role_id                  INTEGER NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    otp_hash                 TEXT,
    otp_expires_at           TEXT,
    base_currency            TEXT NOT NULL DEFAULT 'EUR'
                             CHECK (length(base_currency) = 3 AND base_currency GLOB '[A-Z][A-Z][A-Z]'),
    locale                   TEXT NOT NULL DEFAULT '',
    budget_preferences       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(budget_preferences)),
    notification_preferences TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(notification_preferences)),
    created_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((otp_hash IS NULL) = (otp_expires_at IS NULL))
);

CREATE INDEX users_role ON users (role_id);

CREATE TABLE categories (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    -- The English name of a default category: a stable key for the lexicon and translations.
    system_key    TEXT,
    description   TEXT NOT NULL DEFAULT '',
    icon          TEXT NOT NULL DEFAULT 'tag',
    color         TEXT NOT NULL DEFAULT '#64748B'
                  CHECK (color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
    type          TEXT NOT NULL CHECK (type IN ('income', 'expense', 'both')),
    is_system     INTEGER NOT NULL DEFAULT 0 CHECK (is_system IN (0, 1)),
    display_order INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (user_id, name),
    UNIQUE (user_id, system_key),
    CHECK (is_system = 0 OR system_key IS NOT NULL)
);

CREATE TABLE invoices (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    filename       TEXT NOT NULL CHECK (length(filename) > 0),
    file_path      TEXT NOT NULL CHECK (length(file_path) > 0),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    mime_type      TEXT NOT NULL DEFAULT '',
    store_name     TEXT,
    date           TEXT CHECK (date IS NULL OR date(date, '+0 days') IS date),
    total_minor    INTEGER CHECK (total_minor IS NULL OR (typeof(total_minor) = 'integer' AND total_minor >= 0)),
    tax_minor      INTEGER CHECK (tax_minor IS NULL OR (typeof(tax_minor) = 'integer' AND tax_minor >= 0)),
    currency       TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]')),
    extracted_data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extracted_data)),
    status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'failed')),
    error          TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (user_id, sha256)
);

CREATE INDEX invoices_user_status ON invoices (user_id, status, created_at);

CREATE TABLE connected_accounts (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider        TEXT NOT NULL CHECK (provider IN ('gmail', 'outlook', 'imap', 'other')),
    email           TEXT NOT NULL COLLATE NOCASE CHECK (length(email) > 0),
    display_name    TEXT NOT NULL DEFAULT '',
    -- Where the secret lives in the OS keychain ("mail:<provider>:<email>"); never the secret itself.
    keychain_key    TEXT NOT NULL CHECK (length(keychain_key) > 0),
    scopes          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes) AND json_type(scopes) = 'array'),
    token_expiry    TEXT,
    revoked_at      TEXT,
    is_active       INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    auth_method     TEXT NOT NULL DEFAULT 'oauth' CHECK (auth_method IN ('oauth', 'password', 'xoauth2')),
    server_host     TEXT,
    server_port     INTEGER CHECK (server_port IS NULL OR server_port BETWEEN 1 AND 65535),
    server_security TEXT CHECK (server_security IS NULL OR server_security IN ('tls', 'starttls')),
    server_username TEXT,
    -- Remembered certificate exception: the SHA-256 digest of the certificate the user accepted.
    accepted_certificate_sha256 TEXT,
    history_id      TEXT, -- Gmail
    delta_link      TEXT, -- Microsoft Graph
    uid_validity    INTEGER, -- IMAP
    last_uid        INTEGER, -- IMAP
    sync_status     TEXT NOT NULL DEFAULT 'connected'
                    CHECK (sync_status IN ('connected', 'syncing', 'needs_sign_in', 'error', 'disconnected')),
    last_sync_at    TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (provider, email)
);

CREATE INDEX connected_accounts_user ON connected_accounts (user_id);

CREATE TABLE emails (
    id                   INTEGER PRIMARY KEY,
    user_id              INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    connected_account_id INTEGER NOT NULL REFERENCES connected_accounts (id) ON DELETE CASCADE,
    provider             TEXT NOT NULL CHECK (provider IN ('gmail', 'outlook', 'imap', 'other')),
    provider_message_id  TEXT NOT NULL CHECK (length(provider_message_id) > 0),
    thread_id            TEXT,
    subject              TEXT NOT NULL DEFAULT '',
    sender               TEXT NOT NULL DEFAULT '',
    body_text            TEXT NOT NULL DEFAULT '',
    body_html            TEXT NOT NULL DEFAULT '',
    received_at          TEXT,
    checksum             TEXT,
    fetched_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    extraction_status    TEXT NOT NULL DEFAULT 'PENDING'
                         CHECK (extraction_status IN ('PENDING', 'COMPLETED', 'FAILED', 'SKIPPED')),
    extraction_version   INTEGER NOT NULL DEFAULT 0 CHECK (extraction_version >= 0),
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (connected_account_id, provider_message_id)
);

CREATE INDEX emails_user_received ON emails (user_id, received_at);
CREATE INDEX emails_pending ON emails (extraction_status) WHERE extraction_status = 'PENDING';

CREATE TABLE email_extractions (
    id                 INTEGER PRIMARY KEY,
    email_id           INTEGER NOT NULL REFERENCES emails (id) ON DELETE CASCADE,
    extraction_version INTEGER NOT NULL CHECK (extraction_version >= 0),
    status             TEXT NOT NULL CHECK (status IN ('SUCCESS', 'FAILED', 'SKIPPED')),
    extracted_json     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extracted_json)),
    model_used         TEXT,
    prompt_hash        TEXT,
    error              TEXT,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX email_extractions_email ON email_extractions (email_id, extraction_version);

CREATE TABLE transactions (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category_id         INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    invoice_id          INTEGER REFERENCES invoices (id) ON DELETE SET NULL,
    email_id            INTEGER REFERENCES emails (id) ON DELETE SET NULL,
    type                TEXT NOT NULL CHECK (type IN ('income', 'expense')),
    amount_minor        INTEGER NOT NULL CHECK (typeof(amount_minor) = 'integer' AND amount_minor > 0),
    currency            TEXT NOT NULL CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
    occurred_on         TEXT NOT NULL CHECK (date(occurred_on, '+0 days') IS occurred_on),
    merchant_name       TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    source              TEXT NOT NULL DEFAULT 'manual'
                        CHECK (source IN ('manual', 'text', 'image', 'pdf', 'gmail', 'outlook', 'imap', 'import', 'api')),
    source_metadata     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(source_metadata)),
    external_id         TEXT CHECK (external_id IS NULL OR length(external_id) > 0),
    confirmed_by_user   INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_by_user IN (0, 1)),
    category_confidence REAL CHECK (category_confidence IS NULL OR category_confidence BETWEEN 0.0 AND 1.0),
    categorized_by      TEXT CHECK (categorized_by IS NULL OR categorized_by IN ('user', 'rule', 'model', 'llm')),
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The ledger's sort orders and filters, each led by user_id (every query is scoped to one user).
CREATE INDEX transactions_user_date ON transactions (user_id, occurred_on);
CREATE INDEX transactions_user_amount
    ON transactions (user_id, (CASE type WHEN 'expense' THEN -amount_minor ELSE amount_minor END));
CREATE INDEX transactions_user_merchant ON transactions (user_id, merchant_name COLLATE NOCASE);
CREATE INDEX transactions_user_category ON transactions (user_id, category_id, occurred_on);
-- Children of SET NULL foreign keys, so deleting a category, invoice or email does not scan the ledger.
CREATE INDEX transactions_category ON transactions (category_id) WHERE category_id IS NOT NULL;
CREATE INDEX transactions_invoice ON transactions (invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX transactions_email ON transactions (email_id) WHERE email_id IS NOT NULL;
CREATE UNIQUE INDEX transactions_user_source_external
    ON transactions (user_id, source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE budgets (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category_id     INTEGER REFERENCES categories (id) ON DELETE CASCADE, -- NULL: all spending
    limit_minor     INTEGER NOT NULL CHECK (typeof(limit_minor) = 'integer' AND limit_minor > 0),
    currency        TEXT NOT NULL CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
    period          TEXT NOT NULL DEFAULT 'monthly' CHECK (period IN ('weekly', 'monthly', 'yearly')),
    alert_threshold REAL NOT NULL DEFAULT 0.8 CHECK (alert_threshold BETWEEN 0.0 AND 1.0),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (user_id, category_id)
);

-- UNIQUE (user_id, category_id) lets NULLs repeat; one whole-spending budget per user.
CREATE UNIQUE INDEX budgets_user_overall ON budgets (user_id) WHERE category_id IS NULL;
CREATE INDEX budgets_category ON budgets (category_id) WHERE category_id IS NOT NULL;

CREATE TABLE budget_alerts (
    id           INTEGER PRIMARY KEY,
    budget_id    INTEGER NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    period_start TEXT NOT NULL CHECK (date(period_start, '+0 days') IS period_start),
    level        TEXT NOT NULL CHECK (level IN ('warning', 'exceeded')),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    seen_at      TEXT,
    UNIQUE (budget_id, period_start, level)
);

CREATE TABLE expense_categorization_rules (
    id                   INTEGER PRIMARY KEY,
    user_id              INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category_id          INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    store_name_pattern   TEXT NOT NULL CHECK (length(trim(store_name_pattern)) > 0),
    rule_type            TEXT NOT NULL CHECK (rule_type IN ('keyword', 'regex', 'exact_match')),
    confidence_threshold REAL NOT NULL DEFAULT 0.0 CHECK (confidence_threshold BETWEEN 0.0 AND 1.0),
    priority             INTEGER NOT NULL DEFAULT 0,
    is_active            INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    origin               TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('user', 'learned')),
    hit_count            INTEGER NOT NULL DEFAULT 0 CHECK (hit_count >= 0),
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (user_id, rule_type, store_name_pattern)
);

CREATE INDEX categorization_rules_user ON expense_categorization_rules (user_id, is_active, priority);
CREATE INDEX categorization_rules_category ON expense_categorization_rules (category_id);

CREATE TABLE categorization_feedback (
    id                    INTEGER PRIMARY KEY,
    user_id               INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    transaction_id        INTEGER NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
    suggested_category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    confirmed_category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    confidence_score      REAL CHECK (confidence_score IS NULL OR confidence_score BETWEEN 0.0 AND 1.0),
    feedback_type         TEXT NOT NULL CHECK (feedback_type IN ('confirmation', 'correction')),
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX categorization_feedback_user ON categorization_feedback (user_id, created_at);
CREATE INDEX categorization_feedback_transaction ON categorization_feedback (transaction_id);
CREATE INDEX categorization_feedback_suggested ON categorization_feedback (suggested_category_id)
    WHERE suggested_category_id IS NOT NULL;
CREATE INDEX categorization_feedback_confirmed ON categorization_feedback (confirmed_category_id)
    WHERE confirmed_category_id IS NOT NULL;

CREATE TABLE chat_sessions (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'archived')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX chat_sessions_user ON chat_sessions (user_id, updated_at);

CREATE TABLE chat_messages (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content    TEXT NOT NULL DEFAULT '',
    metadata   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)), -- tool calls, cited numbers
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX chat_messages_session ON chat_messages (session_id, id);

CREATE TABLE ai_interactions (
    id               INTEGER PRIMARY KEY,
    user_id          INTEGER REFERENCES users (id) ON DELETE CASCADE, -- NULL: not on behalf of a profile
    session_id       INTEGER REFERENCES chat_sessions (id) ON DELETE SET NULL,
    interaction_type TEXT NOT NULL
                     CHECK (interaction_type IN ('invoice_processing', 'categorization', 'advice',
                                                 'email_extraction', 'chat')),
    input_data       TEXT NOT NULL DEFAULT '',
    output_data      TEXT NOT NULL DEFAULT '',
    model_used       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX ai_interactions_user ON ai_interactions (user_id, created_at);
CREATE INDEX ai_interactions_session ON ai_interactions (session_id) WHERE session_id IS NOT NULL;

CREATE TABLE jobs (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER REFERENCES users (id) ON DELETE CASCADE,
    -- EMAIL_FETCH, EMAIL_EXTRACTION, EMAIL_REPROCESS, INVOICE_OCR, IMPORT, … (validated in code)
    job_type       TEXT NOT NULL CHECK (length(job_type) > 0 AND job_type NOT GLOB '*[^A-Z_]*'),
    status         TEXT NOT NULL DEFAULT 'QUEUED'
                   CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCESS', 'FAILED', 'CANCELLED')),
    triggered_by   TEXT NOT NULL DEFAULT 'MANUAL' CHECK (triggered_by IN ('CRON', 'MANUAL', 'API', 'RETRY')),
    input_payload  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(input_payload)),
    output_payload TEXT CHECK (output_payload IS NULL OR json_valid(output_payload)),
    error_payload  TEXT CHECK (error_payload IS NULL OR json_valid(error_payload)),
    retry_count    INTEGER NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
    next_run_at    TEXT,
    started_at     TEXT,
    finished_at    TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX jobs_runnable ON jobs (status, next_run_at);
CREATE INDEX jobs_user ON jobs (user_id, created_at);

CREATE TABLE llm_transactions (
    id             INTEGER PRIMARY KEY,
    -- Not in the seed designs: added so that usage, like everything else, is scoped to a profile.
    user_id        INTEGER REFERENCES users (id) ON DELETE CASCADE,
    job_id         INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
    interaction_id INTEGER REFERENCES ai_interactions (id) ON DELETE SET NULL,
    provider       TEXT NOT NULL CHECK (length(provider) > 0),
    model_name     TEXT NOT NULL CHECK (length(model_name) > 0),
    prompt_version TEXT NOT NULL DEFAULT '',
    prompt_hash    TEXT NOT NULL DEFAULT '',
    input_tokens   INTEGER NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens  INTEGER NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    total_tokens   INTEGER NOT NULL DEFAULT 0 CHECK (total_tokens >= 0),
    -- Micro-units (1e-6) of cost_currency, from the editable pricing table.
    estimated_cost INTEGER NOT NULL DEFAULT 0 CHECK (typeof(estimated_cost) = 'integer' AND estimated_cost >= 0),
    cost_currency  TEXT NOT NULL DEFAULT 'USD' CHECK (length(cost_currency) = 3),
    latency_ms     INTEGER NOT NULL DEFAULT 0 CHECK (latency_ms >= 0),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX llm_transactions_user ON llm_transactions (user_id, created_at);
CREATE INDEX llm_transactions_job ON llm_transactions (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX llm_transactions_interaction ON llm_transactions (interaction_id) WHERE interaction_id IS NOT NULL;

-- A row may only point at rows of its own user: defence in depth for "every query is scoped to one user".
CREATE TRIGGER transactions_same_user_insert BEFORE INSERT ON transactions
WHEN (NEW.category_id IS NOT NULL
      AND (SELECT user_id FROM categories WHERE id = NEW.category_id) IS NOT NEW.user_id)
  OR (NEW.invoice_id IS NOT NULL
      AND (SELECT user_id FROM invoices WHERE id = NEW.invoice_id) IS NOT NEW.user_id)
  OR (NEW.email_id IS NOT NULL
      AND (SELECT user_id FROM emails WHERE id = NEW.email_id) IS NOT NEW.user_id)
BEGIN
    SELECT RAISE(ABORT, 'transaction refers to another user''s row');
END;

CREATE TRIGGER transactions_same_user_update BEFORE UPDATE OF user_id, category_id, invoice_id, email_id ON transactions
WHEN (NEW.category_id IS NOT NULL
      AND (SELECT user_id FROM categories WHERE id = NEW.category_id) IS NOT NEW.user_id)
  OR (NEW.invoice_id IS NOT NULL
      AND (SELECT user_id FROM invoices WHERE id = NEW.invoice_id) IS NOT NEW.user_id)
  OR (NEW.email_id IS NOT NULL
      AND (SELECT user_id FROM emails WHERE id = NEW.email_id) IS NOT NEW.user_id)
BEGIN
    SELECT RAISE(ABORT, 'transaction refers to another user''s row');
END;

CREATE TRIGGER budgets_same_user BEFORE INSERT ON budgets
WHEN NEW.category_id IS NOT NULL AND (SELECT user_id FROM categories WHERE id = NEW.category_id) IS NOT NEW.user_id
BEGIN
    SELECT RAISE(ABORT, 'budget refers to another user''s category');
END;

CREATE TRIGGER budgets_same_user_update BEFORE UPDATE OF user_id, category_id ON budgets
WHEN NEW.category_id IS NOT NULL AND (SELECT user_id FROM categories WHERE id = NEW.category_id) IS NOT NEW.user_id
BEGIN
    SELECT RAISE(ABORT, 'budget refers to another user''s category');
END;

CREATE TRIGGER rules_same_user BEFORE INSERT ON expense_categorization_rules
WHEN (SELECT user_id FROM categories WHERE id = NEW.category_id) IS NOT NEW.user_id
BEGIN
    SELECT RAISE(ABORT, 'rule refers to another user''s category');
END;

CREATE TRIGGER rules_same_user_update BEFORE UPDATE OF user_id, category_id ON expense_categorization_rules
WHEN (SELECT user_id FROM categories WHERE id = NEW.category_id) IS NOT NEW.user_id
BEGIN
    SELECT RAISE(ABORT, 'rule refers to another user''s category');
END;

CREATE TRIGGER emails_same_user BEFORE INSERT ON emails
WHEN (SELECT user_id FROM connected_accounts WHERE id = NEW.connected_account_id) IS NOT NEW.user_id
BEGIN
    SELECT RAISE(ABORT, 'email refers to another user''s account');
END;

CREATE TRIGGER feedback_same_user BEFORE INSERT ON categorization_feedback
WHEN (SELECT user_id FROM transactions WHERE id = NEW.transaction_id) IS NOT NEW.user_id
BEGIN
    SELECT RAISE(ABORT, 'feedback refers to another user''s transaction');
END;

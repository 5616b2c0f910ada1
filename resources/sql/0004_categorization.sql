-- Schema version 4: what the categorizer keeps per user: its settings and its learned model, and an index for
-- the review queue (unconfirmed transactions).

CREATE TABLE categorization_settings (
    user_id              INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- A suggestion at or above this confidence is applied; below it the transaction waits for review.
    auto_apply_threshold REAL NOT NULL DEFAULT 0.9 CHECK (auto_apply_threshold BETWEEN 0.5 AND 1.0),
    -- Consistent corrections of one store before a learned exact-match rule is made.
    learn_rule_after     INTEGER NOT NULL DEFAULT 2 CHECK (learn_rule_after BETWEEN 1 AND 100),
    -- Ask the configured language model when rules and the learned model are unsure (off by default).
    use_llm              INTEGER NOT NULL DEFAULT 0 CHECK (use_llm IN (0, 1)),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE categorization_models (
    user_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    format_version INTEGER NOT NULL CHECK (format_version > 0),
    data           BLOB NOT NULL,
    example_count  INTEGER NOT NULL CHECK (example_count >= 0),
    -- The newest categorization_feedback row the model has learned; later rows are replayed at load.
    feedback_id    INTEGER NOT NULL DEFAULT 0,
    -- The size of the ledger when the model was trained or saved: a much larger or smaller ledger at the next
    -- start means rows were written in bulk behind the categorizer (demo data, a restore), so it retrains.
    ledger_rows    INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX transactions_review ON transactions (user_id, occurred_on, id) WHERE confirmed_by_user = 0;

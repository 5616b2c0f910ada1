-- Schema version 6: the history of statement imports. The rows an import wrote carry its uuid in
-- source_metadata.import; ledger rows an import linked a statement line to carry it in
-- source_metadata.statement.import. Undoing an import deletes the first and unlinks the second.

CREATE TABLE statement_imports (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    format      TEXT NOT NULL CHECK (format IN ('csv', 'ofx', 'qif', 'camt053')),
    account_id  TEXT NOT NULL DEFAULT '',
    rows_total  INTEGER NOT NULL DEFAULT 0 CHECK (rows_total >= 0),
    rows_added  INTEGER NOT NULL DEFAULT 0 CHECK (rows_added >= 0),
    rows_linked INTEGER NOT NULL DEFAULT 0 CHECK (rows_linked >= 0),
    rows_skipped INTEGER NOT NULL DEFAULT 0 CHECK (rows_skipped >= 0),
    date_from   TEXT,
    date_to     TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    undone_at   TEXT
);

CREATE INDEX statement_imports_user ON statement_imports (user_id, created_at);
CREATE INDEX statement_imports_sha ON statement_imports (user_id, sha256);

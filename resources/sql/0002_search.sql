-- Schema version 2: full-text search over the ledger (merchant, description, notes) with FTS5.
-- An external-content index: the text lives once, in transactions; triggers keep the index in sync.

CREATE VIRTUAL TABLE transactions_fts USING fts5(
    merchant_name, description, notes,
    content = 'transactions', content_rowid = 'id',
    -- No prefix indexes: "cof"* queries walk the term list, which is fast, and prefix indexes would double
    -- the cost of indexing a large import.
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER transactions_fts_insert AFTER INSERT ON transactions BEGIN
    INSERT INTO transactions_fts (rowid, merchant_name, description, notes)
    VALUES (NEW.id, NEW.merchant_name, NEW.description, NEW.notes);
END;

CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions BEGIN
    INSERT INTO transactions_fts (transactions_fts, rowid, merchant_name, description, notes)
    VALUES ('delete', OLD.id, OLD.merchant_name, OLD.description, OLD.notes);
END;

CREATE TRIGGER transactions_fts_update AFTER UPDATE OF merchant_name, description, notes ON transactions BEGIN
    INSERT INTO transactions_fts (transactions_fts, rowid, merchant_name, description, notes)
    VALUES ('delete', OLD.id, OLD.merchant_name, OLD.description, OLD.notes);
    INSERT INTO transactions_fts (rowid, merchant_name, description, notes)
    VALUES (NEW.id, NEW.merchant_name, NEW.description, NEW.notes);
END;

-- Index what an earlier version already stored.
INSERT INTO transactions_fts (transactions_fts) VALUES ('rebuild');

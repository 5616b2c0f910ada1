-- Schema version 3: monthly totals of the ledger, kept exact by triggers, so that row counts and sums for
-- the common filters (period, category, type) read a few thousand summary rows instead of the whole ledger.
-- One row per user, month, category (0 = uncategorized), currency and direction.

CREATE TABLE transaction_totals (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    month        TEXT NOT NULL CHECK (length(month) = 7), -- 'YYYY-MM'
    category_key INTEGER NOT NULL, -- categories.id, or 0 for uncategorized
    currency     TEXT NOT NULL,
    type         TEXT NOT NULL CHECK (type IN ('income', 'expense')),
    amount_minor INTEGER NOT NULL DEFAULT 0,
    row_count    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, month, category_key, currency, type)
) WITHOUT ROWID;

CREATE TRIGGER transaction_totals_insert AFTER INSERT ON transactions BEGIN
    INSERT INTO transaction_totals (user_id, month, category_key, currency, type, amount_minor, row_count)
    VALUES (NEW.user_id, substr(NEW.occurred_on, 1, 7), coalesce(NEW.category_id, 0), NEW.currency, NEW.type,
            NEW.amount_minor, 1)
    ON CONFLICT (user_id, month, category_key, currency, type)
    DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, row_count = row_count + 1;
END;

CREATE TRIGGER transaction_totals_delete AFTER DELETE ON transactions BEGIN
    UPDATE transaction_totals SET amount_minor = amount_minor - OLD.amount_minor, row_count = row_count - 1
    WHERE user_id = OLD.user_id AND month = substr(OLD.occurred_on, 1, 7) AND category_key = coalesce(OLD.category_id, 0)
      AND currency = OLD.currency AND type = OLD.type;
END;

CREATE TRIGGER transaction_totals_update
AFTER UPDATE OF user_id, occurred_on, category_id, currency, type, amount_minor ON transactions BEGIN
    UPDATE transaction_totals SET amount_minor = amount_minor - OLD.amount_minor, row_count = row_count - 1
    WHERE user_id = OLD.user_id AND month = substr(OLD.occurred_on, 1, 7) AND category_key = coalesce(OLD.category_id, 0)
      AND currency = OLD.currency AND type = OLD.type;
    INSERT INTO transaction_totals (user_id, month, category_key, currency, type, amount_minor, row_count)
    VALUES (NEW.user_id, substr(NEW.occurred_on, 1, 7), coalesce(NEW.category_id, 0), NEW.currency, NEW.type,
            NEW.amount_minor, 1)
    ON CONFLICT (user_id, month, category_key, currency, type)
    DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, row_count = row_count + 1;
END;

-- What an earlier version already stored.
INSERT INTO transaction_totals (user_id, month, category_key, currency, type, amount_minor, row_count)
SELECT user_id, substr(occurred_on, 1, 7), coalesce(category_id, 0), currency, type, sum(amount_minor), count(*)
FROM transactions GROUP BY 1, 2, 3, 4, 5;

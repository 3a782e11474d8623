-- payctl ledger on PostgreSQL, schema 4: each currency's ledger total (see
-- migrations/004_currency_totals.sql), kept by payctl itself, in the transaction that records
-- each invoice and payment, so that a write that would make a total unsummable is refused.

SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

CREATE TABLE currency_totals (
    currency TEXT PRIMARY KEY CHECK (length(currency) = 3),
    total    BIGINT NOT NULL CHECK (total >= 0)
);

-- What is already recorded. sum(bigint) is numeric here, so it cannot overflow; a total past
-- 2^63 - 1 is stored as 2^63 - 1, as SQLite's migration stores it, so that every further write
-- in that currency is refused.
INSERT INTO currency_totals (currency, total)
SELECT currency, CAST(least(sum(amount), 9223372036854775807) AS BIGINT)
FROM (SELECT currency, total AS amount FROM invoices
      UNION ALL
      SELECT currency, amount FROM payments) AS amounts
GROUP BY currency;

-- PostgreSQL only: a clerk role (grant_clerk.sql) may update this table, because payctl writes
-- it; money rows are append-only, so a total never goes down, and the server refuses a clerk's
-- attempt to lower it (which would let a later write overflow a sum).
CREATE FUNCTION currency_totals_only_grow() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.currency <> OLD.currency OR NEW.total < OLD.total THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: a currency''s ledger total never goes down';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER currency_totals_only_grow BEFORE UPDATE ON currency_totals FOR EACH ROW EXECUTE FUNCTION currency_totals_only_grow();
CREATE TRIGGER currency_totals_no_truncate BEFORE TRUNCATE ON currency_totals FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: a currency''s ledger total never goes down');

UPDATE payctl_meta SET value = '4' WHERE key = 'schema_version';

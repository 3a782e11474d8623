-- payctl ledger on PostgreSQL, schema 9: credit notes, debit notes, partial write-offs and
-- credit write-offs (see migrations/009_adjustments.sql, which documents the tables). The
-- guards are replaced with versions that count them: those that schema 7 made statement
-- triggers (allocations_balance, invoice_balances_closes, invoice_balances_reopens) keep
-- their statement form and transition tables (only the functions change; the triggers of
-- schema 7 call them), refunds_balance stays a row trigger.

SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

CREATE TABLE invoice_adjustments (
    id            BIGINT PRIMARY KEY,
    invoice_id    BIGINT NOT NULL REFERENCES invoices (id),
    kind          TEXT NOT NULL CHECK (kind = 'credit_note' OR kind = 'debit_note' OR kind = 'write_off'),
    amount        BIGINT NOT NULL CHECK (amount > 0),
    reason        TEXT NOT NULL,
    effective_at  TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX invoice_adjustments_invoice ON invoice_adjustments (invoice_id);

CREATE TABLE credit_write_offs (
    id            BIGINT PRIMARY KEY,
    customer_id   BIGINT NOT NULL REFERENCES customers (id),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    amount        BIGINT NOT NULL CHECK (amount > 0),
    reason        TEXT NOT NULL,
    effective_at  TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX credit_write_offs_customer ON credit_write_offs (customer_id);

CREATE TABLE credit_write_off_parts (
    id            BIGINT PRIMARY KEY,
    write_off_id  BIGINT NOT NULL REFERENCES credit_write_offs (id),
    payment_id    BIGINT NOT NULL REFERENCES payments (id),
    amount        BIGINT NOT NULL CHECK (amount > 0)
);
CREATE INDEX credit_write_off_parts_write_off ON credit_write_off_parts (write_off_id);
CREATE INDEX credit_write_off_parts_payment ON credit_write_off_parts (payment_id);

ALTER TABLE invoice_balances ADD COLUMN adjusted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payment_balances ADD COLUMN written_off BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION invoice_adjustments_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM invoice_adjustments;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoice_adjustments_next_id BEFORE INSERT ON invoice_adjustments FOR EACH ROW EXECUTE FUNCTION invoice_adjustments_next_id();

CREATE FUNCTION credit_write_offs_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM credit_write_offs;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER credit_write_offs_next_id BEFORE INSERT ON credit_write_offs FOR EACH ROW EXECUTE FUNCTION credit_write_offs_next_id();

CREATE FUNCTION credit_write_off_parts_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM credit_write_off_parts;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER credit_write_off_parts_next_id BEFORE INSERT ON credit_write_off_parts FOR EACH ROW EXECUTE FUNCTION credit_write_off_parts_next_id();

CREATE FUNCTION invoice_adjustments_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF (SELECT closed IS NOT NULL FROM invoice_balances WHERE invoice_id = NEW.invoice_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: a closed invoice takes no adjustment';
    END IF;
    UPDATE invoice_balances
    SET adjusted = adjusted + CASE NEW.kind WHEN 'debit_note' THEN NEW.amount ELSE -NEW.amount END
    WHERE invoice_id = NEW.invoice_id;
    IF (SELECT b.allocated > i.total + b.adjusted OR i.total + b.adjusted < 0
        FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
        WHERE b.invoice_id = NEW.invoice_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: adjustment would take an invoice below what is paid on it';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER invoice_adjustments_balance AFTER INSERT ON invoice_adjustments FOR EACH ROW EXECUTE FUNCTION invoice_adjustments_balance();

CREATE FUNCTION credit_write_off_parts_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE payment_balances SET written_off = written_off + NEW.amount WHERE payment_id = NEW.payment_id;
    IF (SELECT b.allocated + b.refunded + b.written_off > p.amount
        FROM payment_balances b JOIN payments p ON p.id = b.payment_id
        WHERE b.payment_id = NEW.payment_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: credit write-off would take more than the payment has unallocated';
    END IF;
    IF (SELECT w.customer_id <> p.customer_id OR w.currency <> p.currency
        FROM credit_write_offs w, payments p WHERE w.id = NEW.write_off_id AND p.id = NEW.payment_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: a credit write-off and its payment must be of the same customer and currency';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER credit_write_off_parts_balance AFTER INSERT ON credit_write_off_parts FOR EACH ROW EXECUTE FUNCTION credit_write_off_parts_balance();

CREATE OR REPLACE FUNCTION allocations_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE invoice_balances b SET allocated = b.allocated + n.amount
    FROM (SELECT invoice_id, CAST(sum(amount) AS BIGINT) AS amount
          FROM new_allocations GROUP BY invoice_id) n
    WHERE b.invoice_id = n.invoice_id;
    UPDATE payment_balances b SET allocated = b.allocated + n.amount
    FROM (SELECT payment_id, CAST(sum(amount) AS BIGINT) AS amount
          FROM new_allocations GROUP BY payment_id) n
    WHERE b.payment_id = n.payment_id;
    -- The last line of defence against the worst bug: money applied past what an invoice owes.
    IF EXISTS (SELECT 1 FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
               WHERE b.invoice_id IN (SELECT invoice_id FROM new_allocations)
                 AND (b.allocated < 0 OR b.allocated > i.total + b.adjusted)) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: allocation would take an invoice past its total or below zero';
    END IF;
    IF EXISTS (SELECT 1 FROM payment_balances b JOIN payments p ON p.id = b.payment_id
               WHERE b.payment_id IN (SELECT payment_id FROM new_allocations)
                 AND (b.allocated < 0 OR b.allocated + b.refunded + b.written_off > p.amount)) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: allocation would spend more than the payment or reverse more than was allocated';
    END IF;
    IF EXISTS (SELECT 1 FROM new_allocations n
               JOIN invoices i ON i.id = n.invoice_id JOIN payments p ON p.id = n.payment_id
               WHERE i.customer_id <> p.customer_id OR i.currency <> p.currency) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: an invoice and its payment must be of the same customer and currency';
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION refunds_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE payment_balances SET refunded = refunded + NEW.amount WHERE payment_id = NEW.payment_id;
    IF (SELECT b.allocated + b.refunded + b.written_off > p.amount
        FROM payment_balances b JOIN payments p ON p.id = b.payment_id
        WHERE b.payment_id = NEW.payment_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: refund would spend more than the payment';
    END IF;
    RETURN NULL;
END $$;

-- The open set: an invoice leaves it when paid in full (what it owes, adjustments counted) or
-- closed, and comes back when it owes again.
CREATE OR REPLACE FUNCTION invoice_balances_closes() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM open_invoices o
    USING old_balances ob JOIN new_balances nb ON nb.invoice_id = ob.invoice_id
          JOIN invoices i ON i.id = nb.invoice_id
    WHERE ob.closed IS NULL AND ob.allocated < i.total + ob.adjusted
      AND (nb.closed IS NOT NULL OR nb.allocated >= i.total + nb.adjusted)
      AND (o.customer_id, o.due_at, o.effective_at, o.invoice_id) =
          (i.customer_id, i.due_at, i.effective_at, i.id);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION invoice_balances_reopens() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
    SELECT i.customer_id, i.due_at, i.effective_at, i.id
    FROM old_balances ob JOIN new_balances nb ON nb.invoice_id = ob.invoice_id
         JOIN invoices i ON i.id = nb.invoice_id
    WHERE nb.closed IS NULL AND nb.allocated < i.total + nb.adjusted
      AND (ob.closed IS NOT NULL OR ob.allocated >= i.total + ob.adjusted);
    RETURN NULL;
END $$;

CREATE TRIGGER invoice_adjustments_no_update BEFORE UPDATE ON invoice_adjustments FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: invoice adjustments are append-only');
CREATE TRIGGER invoice_adjustments_no_delete BEFORE DELETE ON invoice_adjustments FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: invoice adjustments are append-only');
CREATE TRIGGER credit_write_offs_no_update BEFORE UPDATE ON credit_write_offs FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: credit write-offs are append-only');
CREATE TRIGGER credit_write_offs_no_delete BEFORE DELETE ON credit_write_offs FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: credit write-offs are append-only');
CREATE TRIGGER credit_write_off_parts_no_update BEFORE UPDATE ON credit_write_off_parts FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: credit write-offs are append-only');
CREATE TRIGGER credit_write_off_parts_no_delete BEFORE DELETE ON credit_write_off_parts FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: credit write-offs are append-only');
CREATE TRIGGER invoice_adjustments_no_truncate BEFORE TRUNCATE ON invoice_adjustments FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: invoice adjustments are append-only');
CREATE TRIGGER credit_write_offs_no_truncate BEFORE TRUNCATE ON credit_write_offs FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: credit write-offs are append-only');
CREATE TRIGGER credit_write_off_parts_no_truncate BEFORE TRUNCATE ON credit_write_off_parts FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: credit write-offs are append-only');

UPDATE payctl_meta SET value = '9' WHERE key = 'schema_version';

-- payctl ledger, schema 9: credit notes, debit notes, partial write-offs of an invoice, and
-- write-offs of a customer's unapplied credit (issue 19 item 4).
--
-- What an invoice owes is its total plus its debit notes, minus its credit notes and partial
-- write-offs: `invoice_balances.adjusted` holds that net change, kept by a trigger from the
-- rows of invoice_adjustments. The guards become: an invoice's allocations never exceed
-- total + adjusted, and what it owes never goes below zero. A whole write-off (no amount)
-- stays an invoice_closures row that closes the invoice.
--
-- A credit write-off removes part of a customer's unallocated funds, taken from its payments
-- oldest first: one credit_write_offs row per command, one credit_write_off_parts row per
-- payment it draws on, and `payment_balances.written_off` their sum per payment, so that for
-- each payment amount = allocated + unallocated + refunded + written off, and the guards
-- become: allocated + refunded + written off never exceed the payment's amount.

CREATE TABLE invoice_adjustments (
    id            INTEGER PRIMARY KEY,
    invoice_id    INTEGER NOT NULL REFERENCES invoices (id),
    kind          TEXT NOT NULL CHECK (kind = 'credit_note' OR kind = 'debit_note' OR kind = 'write_off'),
    amount        INTEGER NOT NULL CHECK (amount > 0),
    reason        TEXT NOT NULL,
    effective_at  TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX invoice_adjustments_invoice ON invoice_adjustments (invoice_id);

CREATE TABLE credit_write_offs (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    amount        INTEGER NOT NULL CHECK (amount > 0),
    reason        TEXT NOT NULL,
    effective_at  TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX credit_write_offs_customer ON credit_write_offs (customer_id);

CREATE TABLE credit_write_off_parts (
    id            INTEGER PRIMARY KEY,
    write_off_id  INTEGER NOT NULL REFERENCES credit_write_offs (id),
    payment_id    INTEGER NOT NULL REFERENCES payments (id),
    amount        INTEGER NOT NULL CHECK (amount > 0)
) STRICT;
CREATE INDEX credit_write_off_parts_write_off ON credit_write_off_parts (write_off_id);
CREATE INDEX credit_write_off_parts_payment ON credit_write_off_parts (payment_id);

-- Migration 3 rewrote table definitions in sqlite_schema; reload them before ALTER TABLE reads
-- their text (a ledger migrated from nothing in one run still had the old texts parsed).
PRAGMA writable_schema = RESET;

ALTER TABLE invoice_balances ADD COLUMN adjusted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payment_balances ADD COLUMN written_off INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER invoice_adjustments_balance AFTER INSERT ON invoice_adjustments BEGIN
    SELECT RAISE(ABORT, 'payctl: a closed invoice takes no adjustment')
    WHERE (SELECT closed IS NOT NULL FROM invoice_balances WHERE invoice_id = NEW.invoice_id);
    UPDATE invoice_balances
    SET adjusted = adjusted + CASE NEW.kind WHEN 'debit_note' THEN NEW.amount ELSE -NEW.amount END
    WHERE invoice_id = NEW.invoice_id;
    SELECT RAISE(ABORT, 'payctl: adjustment would take an invoice below what is paid on it')
    WHERE (SELECT b.allocated > i.total + b.adjusted OR i.total + b.adjusted < 0
           FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
           WHERE b.invoice_id = NEW.invoice_id);
END;

CREATE TRIGGER credit_write_off_parts_balance AFTER INSERT ON credit_write_off_parts BEGIN
    UPDATE payment_balances SET written_off = written_off + NEW.amount WHERE payment_id = NEW.payment_id;
    SELECT RAISE(ABORT, 'payctl: credit write-off would take more than the payment has unallocated')
    WHERE (SELECT b.allocated + b.refunded + b.written_off > p.amount
           FROM payment_balances b JOIN payments p ON p.id = b.payment_id
           WHERE b.payment_id = NEW.payment_id);
    SELECT RAISE(ABORT, 'payctl: a credit write-off and its payment must be of the same customer and currency')
    WHERE (SELECT w.customer_id <> p.customer_id OR w.currency <> p.currency
           FROM credit_write_offs w, payments p WHERE w.id = NEW.write_off_id AND p.id = NEW.payment_id);
END;

-- The guards of schema 1 and the open set of schema 2, with what an invoice owes and what a
-- payment has written off in them.
DROP TRIGGER IF EXISTS allocations_balance;
CREATE TRIGGER allocations_balance AFTER INSERT ON allocations BEGIN
    UPDATE invoice_balances SET allocated = allocated + NEW.amount WHERE invoice_id = NEW.invoice_id;
    UPDATE payment_balances SET allocated = allocated + NEW.amount WHERE payment_id = NEW.payment_id;
    -- The last line of defence against the worst bug: money applied past a total.
    SELECT RAISE(ABORT, 'payctl: allocation would take an invoice past its total or below zero')
    WHERE (SELECT b.allocated < 0 OR b.allocated > i.total + b.adjusted
           FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
           WHERE b.invoice_id = NEW.invoice_id);
    SELECT RAISE(ABORT, 'payctl: allocation would spend more than the payment or reverse more than was allocated')
    WHERE (SELECT b.allocated < 0 OR b.allocated + b.refunded + b.written_off > p.amount
           FROM payment_balances b JOIN payments p ON p.id = b.payment_id
           WHERE b.payment_id = NEW.payment_id);
    SELECT RAISE(ABORT, 'payctl: an invoice and its payment must be of the same customer and currency')
    WHERE (SELECT i.customer_id <> p.customer_id OR i.currency <> p.currency
           FROM invoices i, payments p WHERE i.id = NEW.invoice_id AND p.id = NEW.payment_id);
END;

DROP TRIGGER IF EXISTS refunds_balance;
CREATE TRIGGER refunds_balance AFTER INSERT ON refunds BEGIN
    UPDATE payment_balances SET refunded = refunded + NEW.amount WHERE payment_id = NEW.payment_id;
    SELECT RAISE(ABORT, 'payctl: refund would spend more than the payment')
    WHERE (SELECT b.allocated + b.refunded + b.written_off > p.amount
           FROM payment_balances b JOIN payments p ON p.id = b.payment_id
           WHERE b.payment_id = NEW.payment_id);
END;

DROP TRIGGER IF EXISTS invoice_balances_closes;
CREATE TRIGGER invoice_balances_closes AFTER UPDATE ON invoice_balances
WHEN OLD.closed IS NULL AND OLD.allocated < (SELECT total FROM invoices WHERE id = OLD.invoice_id) + OLD.adjusted
 AND (NEW.closed IS NOT NULL OR NEW.allocated >= (SELECT total FROM invoices WHERE id = NEW.invoice_id) + NEW.adjusted)
BEGIN
    DELETE FROM open_invoices
    WHERE (customer_id, due_at, effective_at, invoice_id) =
          (SELECT customer_id, due_at, effective_at, id FROM invoices WHERE id = NEW.invoice_id);
END;

DROP TRIGGER IF EXISTS invoice_balances_reopens;
CREATE TRIGGER invoice_balances_reopens AFTER UPDATE ON invoice_balances
WHEN NEW.closed IS NULL AND NEW.allocated < (SELECT total FROM invoices WHERE id = NEW.invoice_id) + NEW.adjusted
 AND (OLD.closed IS NOT NULL OR OLD.allocated >= (SELECT total FROM invoices WHERE id = OLD.invoice_id) + OLD.adjusted)
BEGIN
    INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
    SELECT customer_id, due_at, effective_at, id FROM invoices WHERE id = NEW.invoice_id;
END;

CREATE TRIGGER invoice_adjustments_no_update BEFORE UPDATE ON invoice_adjustments BEGIN SELECT RAISE(ABORT, 'payctl: invoice adjustments are append-only'); END;
CREATE TRIGGER invoice_adjustments_no_delete BEFORE DELETE ON invoice_adjustments BEGIN SELECT RAISE(ABORT, 'payctl: invoice adjustments are append-only'); END;
CREATE TRIGGER credit_write_offs_no_update BEFORE UPDATE ON credit_write_offs BEGIN SELECT RAISE(ABORT, 'payctl: credit write-offs are append-only'); END;
CREATE TRIGGER credit_write_offs_no_delete BEFORE DELETE ON credit_write_offs BEGIN SELECT RAISE(ABORT, 'payctl: credit write-offs are append-only'); END;
CREATE TRIGGER credit_write_off_parts_no_update BEFORE UPDATE ON credit_write_off_parts BEGIN SELECT RAISE(ABORT, 'payctl: credit write-offs are append-only'); END;
CREATE TRIGGER credit_write_off_parts_no_delete BEFORE DELETE ON credit_write_off_parts BEGIN SELECT RAISE(ABORT, 'payctl: credit write-offs are append-only'); END;

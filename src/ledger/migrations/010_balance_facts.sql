-- payctl ledger, schema 10: each invoice's balance row carries a copy of the invoice's facts
-- that aging needs (its customer, currency, total, invoice date and due date), so that
-- `report aging` over the whole ledger reads one table instead of joining 100,000 invoices
-- with their balances. On PostgreSQL that join alone took about 70 ms of the report's 130 ms
-- (a single-table read of the same rows, about 10 ms); SQLite, which probes the balances by
-- rowid, ran the report as fast either way.
--
-- The copies are written by the trigger that makes the balance row, and the due date follows
-- `invoice edit` (invoices_due_moves); an invoice's other facts never change
-- (invoices_no_update). They are columns without NOT NULL only because SQLite adds a column to
-- a table that has rows no other way; every row has them, and `payctl verify` compares them
-- with the invoice. A ledger of schema 9 opened read only (a report) has none of them, and
-- aging then reads the join, as before.

ALTER TABLE invoice_balances ADD COLUMN customer_id INTEGER;
ALTER TABLE invoice_balances ADD COLUMN currency TEXT;
ALTER TABLE invoice_balances ADD COLUMN total INTEGER;
ALTER TABLE invoice_balances ADD COLUMN effective_at TEXT;
ALTER TABLE invoice_balances ADD COLUMN due_at TEXT;

UPDATE invoice_balances
SET customer_id = i.customer_id, currency = i.currency, total = i.total,
    effective_at = i.effective_at, due_at = i.due_at
FROM invoices i WHERE i.id = invoice_balances.invoice_id;

DROP TRIGGER IF EXISTS invoices_balance;
CREATE TRIGGER invoices_balance AFTER INSERT ON invoices BEGIN
    INSERT INTO invoice_balances (invoice_id, customer_id, currency, total, effective_at, due_at)
    VALUES (NEW.id, NEW.customer_id, NEW.currency, NEW.total, NEW.effective_at, NEW.due_at);
END;

-- The open-invoices cache is ordered by due date: a new due date moves the invoice's entry,
-- and the balance row's copy of the due date follows.
DROP TRIGGER IF EXISTS invoices_due_moves;
CREATE TRIGGER invoices_due_moves AFTER UPDATE OF due_at ON invoices WHEN NEW.due_at <> OLD.due_at
BEGIN
    INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
    SELECT NEW.customer_id, NEW.due_at, NEW.effective_at, NEW.id
    WHERE EXISTS (SELECT 1 FROM open_invoices
                  WHERE (customer_id, due_at, effective_at, invoice_id) = (OLD.customer_id, OLD.due_at, OLD.effective_at, OLD.id));
    DELETE FROM open_invoices
    WHERE (customer_id, due_at, effective_at, invoice_id) = (OLD.customer_id, OLD.due_at, OLD.effective_at, OLD.id);
    UPDATE invoice_balances SET due_at = NEW.due_at WHERE invoice_id = NEW.id;
END;

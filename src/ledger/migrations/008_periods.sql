-- payctl ledger, schema 8 (issue 19): closed periods, the duplicate-payment index, and the two
-- columns of an invoice that `invoice edit` may change.

-- Every close and reopen, in order (SPEC §10). `closed_through` is the close in force after
-- the event: a close's own date, or for a reopen of DATE the day before DATE (NULL: nothing is
-- closed any more). The current close is the last row's; rows are never changed.
CREATE TABLE period_events (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind = 'close' OR kind = 'reopen'),
    period_date    TEXT NOT NULL CHECK (length(period_date) = 10),
    closed_through TEXT CHECK (closed_through IS NULL OR length(closed_through) = 10),
    reason         TEXT,
    os_user        TEXT NOT NULL,
    at             TEXT NOT NULL
) STRICT;
CREATE TRIGGER period_events_no_update BEFORE UPDATE ON period_events BEGIN SELECT RAISE(ABORT, 'payctl: period events are append-only'); END;
CREATE TRIGGER period_events_no_delete BEFORE DELETE ON period_events BEGIN SELECT RAISE(ABORT, 'payctl: period events are append-only'); END;

-- A payment's likely duplicates: the customer's payments of the same amount and reference,
-- compared once the spaces around it are trimmed (SQL's trim(), core's trim_matches(' ')), so
-- that a customer with a million payments of one amount is still one index probe. Only rows
-- with a reference are indexed.
CREATE INDEX payments_duplicate ON payments (customer_id, amount, trim(reference)) WHERE reference IS NOT NULL;

-- `invoice edit` changes an invoice's number and due date, and nothing else: the append-only
-- trigger now refuses a change of any other column (the id too, however it is named: rowid).
DROP TRIGGER invoices_no_update;
CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices
WHEN NEW.id IS NOT OLD.id OR NEW.customer_id IS NOT OLD.customer_id OR NEW.currency IS NOT OLD.currency
  OR NEW.total IS NOT OLD.total OR NEW.effective_at IS NOT OLD.effective_at OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'payctl: invoices are append-only but for their number and due date'); END;

-- The open-invoices cache is ordered by due date: a new due date moves the invoice's entry.
CREATE TRIGGER invoices_due_moves AFTER UPDATE OF due_at ON invoices WHEN NEW.due_at <> OLD.due_at
BEGIN
    INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
    SELECT NEW.customer_id, NEW.due_at, NEW.effective_at, NEW.id
    WHERE EXISTS (SELECT 1 FROM open_invoices
                  WHERE (customer_id, due_at, effective_at, invoice_id) = (OLD.customer_id, OLD.due_at, OLD.effective_at, OLD.id));
    DELETE FROM open_invoices
    WHERE (customer_id, due_at, effective_at, invoice_id) = (OLD.customer_id, OLD.due_at, OLD.effective_at, OLD.id);
END;

-- `customer edit` changes a name, an email and an allocation order; `method set-default` the
-- default method. A customer's id and currency never change.
CREATE TRIGGER customers_fixed BEFORE UPDATE ON customers
WHEN NEW.id IS NOT OLD.id OR NEW.currency IS NOT OLD.currency OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'payctl: the id and currency of a customer never change'); END;

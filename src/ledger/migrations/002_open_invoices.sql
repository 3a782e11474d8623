-- payctl ledger, schema 2: the open invoices, kept by triggers in allocation order.
-- Auto-allocation reads a customer's open invoices oldest (or newest) first. Walking the
-- customer's invoices index skipped every paid one, so a customer who had paid a thousand
-- invoices cost a thousand lookups per payment. This cache holds only the invoices that can
-- still take money (not closed, allocated < total); `payctl verify` recomputes it.

CREATE TABLE open_invoices (
    customer_id  INTEGER NOT NULL,
    due_at       TEXT NOT NULL,
    effective_at TEXT NOT NULL,
    invoice_id   INTEGER NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (customer_id, due_at, effective_at, invoice_id)
) STRICT, WITHOUT ROWID;

INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
SELECT i.customer_id, i.due_at, i.effective_at, i.id
FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
WHERE b.closed IS NULL AND b.allocated < i.total;

CREATE TRIGGER invoices_open AFTER INSERT ON invoices BEGIN
    INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
    VALUES (NEW.customer_id, NEW.due_at, NEW.effective_at, NEW.id);
END;

-- An invoice leaves the set when it is paid in full or closed...
CREATE TRIGGER invoice_balances_closes AFTER UPDATE ON invoice_balances
WHEN OLD.closed IS NULL AND OLD.allocated < (SELECT total FROM invoices WHERE id = OLD.invoice_id)
 AND (NEW.closed IS NOT NULL OR NEW.allocated >= (SELECT total FROM invoices WHERE id = NEW.invoice_id))
BEGIN
    DELETE FROM open_invoices
    WHERE (customer_id, due_at, effective_at, invoice_id) =
          (SELECT customer_id, due_at, effective_at, id FROM invoices WHERE id = NEW.invoice_id);
END;

-- ...and comes back when an unallocation, refund or reversal reopens it.
CREATE TRIGGER invoice_balances_reopens AFTER UPDATE ON invoice_balances
WHEN NEW.closed IS NULL AND NEW.allocated < (SELECT total FROM invoices WHERE id = NEW.invoice_id)
 AND (OLD.closed IS NOT NULL OR OLD.allocated >= (SELECT total FROM invoices WHERE id = OLD.invoice_id))
BEGIN
    INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
    SELECT customer_id, due_at, effective_at, id FROM invoices WHERE id = NEW.invoice_id;
END;

CREATE TRIGGER open_invoices_no_update BEFORE UPDATE ON open_invoices BEGIN SELECT RAISE(ABORT, 'payctl: open invoices change only by their triggers'); END;

-- payctl ledger on PostgreSQL, schema 2: the open invoices, kept by triggers in allocation
-- order (see migrations/002_open_invoices.sql). SQLite's WITHOUT ROWID table is a plain table
-- here, its primary key the same. PostgreSQL allows no subquery in a trigger's WHEN clause, so
-- SQLite's WHEN conditions are tested inside the functions.

SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

CREATE TABLE open_invoices (
    customer_id  BIGINT NOT NULL,
    due_at       TEXT NOT NULL,
    effective_at TEXT NOT NULL,
    invoice_id   BIGINT NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (customer_id, due_at, effective_at, invoice_id)
);

INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
SELECT i.customer_id, i.due_at, i.effective_at, i.id
FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
WHERE b.closed IS NULL AND b.allocated < i.total;

CREATE FUNCTION invoices_open() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
    VALUES (NEW.customer_id, NEW.due_at, NEW.effective_at, NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER invoices_open AFTER INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_open();

-- An invoice leaves the set when it is paid in full or closed...
CREATE FUNCTION invoice_balances_closes() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    invoice invoices%ROWTYPE;
BEGIN
    SELECT * INTO invoice FROM invoices WHERE id = NEW.invoice_id;
    IF OLD.closed IS NULL AND OLD.allocated < invoice.total
       AND (NEW.closed IS NOT NULL OR NEW.allocated >= invoice.total) THEN
        DELETE FROM open_invoices
        WHERE (customer_id, due_at, effective_at, invoice_id) =
              (invoice.customer_id, invoice.due_at, invoice.effective_at, invoice.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER invoice_balances_closes AFTER UPDATE ON invoice_balances FOR EACH ROW EXECUTE FUNCTION invoice_balances_closes();

-- ...and comes back when an unallocation, refund or reversal reopens it.
CREATE FUNCTION invoice_balances_reopens() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    invoice invoices%ROWTYPE;
BEGIN
    SELECT * INTO invoice FROM invoices WHERE id = NEW.invoice_id;
    IF NEW.closed IS NULL AND NEW.allocated < invoice.total
       AND (OLD.closed IS NOT NULL OR OLD.allocated >= invoice.total) THEN
        INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
        VALUES (invoice.customer_id, invoice.due_at, invoice.effective_at, invoice.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER invoice_balances_reopens AFTER UPDATE ON invoice_balances FOR EACH ROW EXECUTE FUNCTION invoice_balances_reopens();

CREATE TRIGGER open_invoices_no_update BEFORE UPDATE ON open_invoices FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: open invoices change only by their triggers');
CREATE TRIGGER open_invoices_no_truncate BEFORE TRUNCATE ON open_invoices FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: open invoices change only by their triggers');

UPDATE payctl_meta SET value = '2' WHERE key = 'schema_version';

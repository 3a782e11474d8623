-- payctl ledger on PostgreSQL, schema 8 (issue 19): closed periods, the duplicate-payment
-- index, and the two columns of an invoice that `invoice edit` may change (see
-- migrations/008_periods.sql).

SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

CREATE TABLE period_events (
    id             BIGINT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind = 'close' OR kind = 'reopen'),
    period_date    TEXT NOT NULL CHECK (length(period_date) = 10),
    closed_through TEXT CHECK (closed_through IS NULL OR length(closed_through) = 10),
    reason         TEXT,
    os_user        TEXT NOT NULL,
    at             TEXT NOT NULL
);
CREATE FUNCTION period_events_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM period_events;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER period_events_next_id BEFORE INSERT ON period_events FOR EACH ROW EXECUTE FUNCTION period_events_next_id();
CREATE TRIGGER period_events_no_update BEFORE UPDATE ON period_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: period events are append-only');
CREATE TRIGGER period_events_no_delete BEFORE DELETE ON period_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: period events are append-only');
CREATE TRIGGER period_events_no_truncate BEFORE TRUNCATE ON period_events FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: period events are append-only');

CREATE INDEX payments_duplicate ON payments (customer_id, amount, trim(reference)) WHERE reference IS NOT NULL;

-- An invoice's number and due date may change; nothing else of it.
DROP TRIGGER invoices_no_update ON invoices;
CREATE FUNCTION invoices_only_edits() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
       OR NEW.currency IS DISTINCT FROM OLD.currency OR NEW.total IS DISTINCT FROM OLD.total
       OR NEW.effective_at IS DISTINCT FROM OLD.effective_at OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: invoices are append-only but for their number and due date';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_only_edits();

CREATE FUNCTION invoices_due_moves() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.due_at <> OLD.due_at THEN
        INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
        SELECT NEW.customer_id, NEW.due_at, NEW.effective_at, NEW.id
        WHERE EXISTS (SELECT 1 FROM open_invoices
                      WHERE (customer_id, due_at, effective_at, invoice_id) = (OLD.customer_id, OLD.due_at, OLD.effective_at, OLD.id));
        DELETE FROM open_invoices
        WHERE (customer_id, due_at, effective_at, invoice_id) = (OLD.customer_id, OLD.due_at, OLD.effective_at, OLD.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER invoices_due_moves AFTER UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_due_moves();

CREATE FUNCTION customers_fixed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.currency IS DISTINCT FROM OLD.currency
       OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: the id and currency of a customer never change';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER customers_fixed BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION customers_fixed();


UPDATE payctl_meta SET value = '8' WHERE key = 'schema_version';

-- payctl ledger on PostgreSQL, schema step 007: the triggers that keep and guard the balance
-- caches run once per statement instead of once per row.
--
-- An import writes its payments and allocations with one COPY per table (src/ledger/batch_pg.rs).
-- With row triggers, each allocation ran two UPDATEs and three checks, and each UPDATE of
-- invoice_balances two more triggers that read the invoice: about 100 µs per allocation, more
-- than everything else an imported payment costs the server. As statement triggers with
-- transition tables (REFERENCING NEW TABLE) they do the same work set-wise: each touched
-- balance is updated once per statement by the sum of its new rows, and then checked. The
-- guards are the same, with the same messages and SQLSTATE, and still the server's own: a
-- clerk cannot turn them off, and an over-allocation by any writer, in any number of rows, is
-- refused before the statement ends. payctl's other commands insert one row per statement, so
-- for them nothing changes.
--
-- SQLite keeps its row triggers (its migration 007 is empty, so both engines stay at the same
-- schema version): an import there turns its own connection's triggers off and does their
-- work set-wise (src/ledger/batch.rs).

SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

-- Each payment's balance row.
CREATE OR REPLACE FUNCTION payments_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO payment_balances (payment_id, settlement)
    SELECT id, initial_settlement FROM new_payments ORDER BY id;
    RETURN NULL;
END $$;
DROP TRIGGER payments_balance ON payments;
CREATE TRIGGER payments_balance AFTER INSERT ON payments
    REFERENCING NEW TABLE AS new_payments
    FOR EACH STATEMENT EXECUTE FUNCTION payments_balance();

-- Allocations: both balances brought up to date by the statement's rows, then checked. The
-- sums are cast to BIGINT: a sum past what a BIGINT holds is refused (22003), never wrapped.
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
    -- The last line of defence against the worst bug: money applied past a total.
    IF EXISTS (SELECT 1 FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
               WHERE b.invoice_id IN (SELECT invoice_id FROM new_allocations)
                 AND (b.allocated < 0 OR b.allocated > i.total)) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: allocation would take an invoice past its total or below zero';
    END IF;
    IF EXISTS (SELECT 1 FROM payment_balances b JOIN payments p ON p.id = b.payment_id
               WHERE b.payment_id IN (SELECT payment_id FROM new_allocations)
                 AND (b.allocated < 0 OR b.allocated + b.refunded > p.amount)) THEN
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
DROP TRIGGER allocations_balance ON allocations;
CREATE TRIGGER allocations_balance AFTER INSERT ON allocations
    REFERENCING NEW TABLE AS new_allocations
    FOR EACH STATEMENT EXECUTE FUNCTION allocations_balance();

-- The open set: an invoice leaves it when paid in full or closed...
CREATE OR REPLACE FUNCTION invoice_balances_closes() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM open_invoices o
    USING old_balances ob JOIN new_balances nb ON nb.invoice_id = ob.invoice_id
          JOIN invoices i ON i.id = nb.invoice_id
    WHERE ob.closed IS NULL AND ob.allocated < i.total
      AND (nb.closed IS NOT NULL OR nb.allocated >= i.total)
      AND (o.customer_id, o.due_at, o.effective_at, o.invoice_id) =
          (i.customer_id, i.due_at, i.effective_at, i.id);
    RETURN NULL;
END $$;
DROP TRIGGER invoice_balances_closes ON invoice_balances;
CREATE TRIGGER invoice_balances_closes AFTER UPDATE ON invoice_balances
    REFERENCING OLD TABLE AS old_balances NEW TABLE AS new_balances
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_balances_closes();

-- ...and comes back when an unallocation, refund or reversal reopens it.
CREATE OR REPLACE FUNCTION invoice_balances_reopens() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO open_invoices (customer_id, due_at, effective_at, invoice_id)
    SELECT i.customer_id, i.due_at, i.effective_at, i.id
    FROM old_balances ob JOIN new_balances nb ON nb.invoice_id = ob.invoice_id
         JOIN invoices i ON i.id = nb.invoice_id
    WHERE nb.closed IS NULL AND nb.allocated < i.total
      AND (ob.closed IS NOT NULL OR ob.allocated >= i.total);
    RETURN NULL;
END $$;
DROP TRIGGER invoice_balances_reopens ON invoice_balances;
CREATE TRIGGER invoice_balances_reopens AFTER UPDATE ON invoice_balances
    REFERENCING OLD TABLE AS old_balances NEW TABLE AS new_balances
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_balances_reopens();

-- The ids an import gives its rows itself (src/ledger/batch_pg.rs): the id triggers of the
-- tables it copies into are not even called then (WHEN), instead of a PL/pgSQL call per row
-- that finds the id given and returns.
DROP TRIGGER payments_next_id ON payments;
CREATE TRIGGER payments_next_id BEFORE INSERT ON payments
    FOR EACH ROW WHEN (NEW.id IS NULL) EXECUTE FUNCTION payments_next_id();
DROP TRIGGER activities_next_id ON activities;
CREATE TRIGGER activities_next_id BEFORE INSERT ON activities
    FOR EACH ROW WHEN (NEW.id IS NULL) EXECUTE FUNCTION activities_next_id();
DROP TRIGGER allocations_next_id ON allocations;
CREATE TRIGGER allocations_next_id BEFORE INSERT ON allocations
    FOR EACH ROW WHEN (NEW.id IS NULL) EXECUTE FUNCTION allocations_next_id();

UPDATE payctl_meta SET value = '7' WHERE key = 'schema_version';

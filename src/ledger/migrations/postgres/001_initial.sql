-- payctl ledger on PostgreSQL, schema 1: the same logical schema as migrations/001_initial.sql
-- (SQLite), which documents the tables. tests/cli/pg_schema.rs compares the two schemas.
--
-- Translation rules, so that one set of payctl's SQL runs on both engines:
-- - every integer column (money, ids, counts, 0/1 flags) is BIGINT, every text column TEXT;
--   no BOOLEAN, no IDENTITY/SERIAL;
-- - CHECK, PRIMARY KEY, FOREIGN KEY and indexes as in SQLite, written the same way;
-- - each trigger is PL/pgSQL. A refusal raises SQLSTATE 23514 (check_violation) with the text of
--   SQLite's RAISE(ABORT, '...'), word for word;
-- - a row inserted without an id gets max(id) + 1, as SQLite gives an INTEGER PRIMARY KEY (no
--   table uses AUTOINCREMENT): a BEFORE INSERT trigger sets it. Safe because writers are
--   serialised by one lock; an explicit id is kept;
-- - TRUNCATE fires no row trigger: a statement trigger refuses it on every table.
--
-- Trigger functions are SECURITY DEFINER, owned by the schema's owner (whoever runs the
-- migrations), so that a clerk role (grant_clerk.sql) records payments without any right to
-- write the caches itself. Their search_path is fixed to this schema with pg_temp last, so that
-- a session's temporary table cannot stand in for a ledger table inside them.
--
-- PostgreSQL only: payctl_meta (PostgreSQL has no user_version or application_id), and
-- audit_events.db_user, the database user who wrote the event (set by a trigger from
-- session_user, so that a clerk cannot write another name).

SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

-- What `PRAGMA application_id` and `PRAGMA user_version` say on SQLite. Each migration sets
-- schema_version to its own number as its last statement.
CREATE TABLE payctl_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO payctl_meta (key, value) VALUES ('application', 'payctl'), ('schema_version', '0');

CREATE TABLE customers (
    id                  BIGINT PRIMARY KEY,
    name                TEXT NOT NULL,
    email               TEXT,
    currency            TEXT NOT NULL CHECK (length(currency) = 3),
    auto_allocate_order TEXT NOT NULL CHECK (auto_allocate_order IN ('OldestToNewest', 'NewestToOldest')),
    default_method_id   BIGINT,
    created_at          TEXT NOT NULL
);

CREATE TABLE payment_methods (
    id          BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    type        TEXT NOT NULL CHECK (type IN ('CreditCard', 'ACH', 'Paypal')),
    label       TEXT,
    brand       TEXT,
    -- SQLite: last4 NOT GLOB '*[^0-9]*' (no character other than a digit).
    last4       TEXT CHECK (last4 IS NULL OR (length(last4) = 4 AND last4 !~ '[^0-9]')),
    created_at  TEXT NOT NULL
);
CREATE INDEX payment_methods_customer ON payment_methods (customer_id);

-- SQLite declares this reference inline, before payment_methods exists.
ALTER TABLE customers ADD FOREIGN KEY (default_method_id) REFERENCES payment_methods (id);

CREATE TABLE invoices (
    id             BIGINT PRIMARY KEY,
    invoice_number TEXT NOT NULL,
    customer_id    BIGINT NOT NULL REFERENCES customers (id),
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    total          BIGINT NOT NULL CHECK (total > 0),
    effective_at   TEXT NOT NULL,
    due_at         TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX invoices_customer ON invoices (customer_id, due_at, effective_at, id);

CREATE TABLE invoice_closures (
    invoice_id   BIGINT PRIMARY KEY REFERENCES invoices (id),
    kind         TEXT NOT NULL CHECK (kind IN ('void', 'written_off')),
    amount       BIGINT NOT NULL CHECK (amount >= 0),
    reason       TEXT NOT NULL,
    effective_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE payments (
    id                 BIGINT PRIMARY KEY,
    customer_id        BIGINT NOT NULL REFERENCES customers (id),
    amount             BIGINT NOT NULL CHECK (amount > 0),
    currency           TEXT NOT NULL CHECK (length(currency) = 3),
    method             TEXT NOT NULL CHECK (method IN ('Cash', 'Check', 'CreditCard', 'DirectDeposit', 'ACH', 'Paypal')),
    method_id          BIGINT REFERENCES payment_methods (id),
    source             TEXT NOT NULL CHECK (source IN ('Manual', 'Automatic', 'SelfServicePortal', 'Import')),
    reference          TEXT,
    effective_at       TEXT NOT NULL,
    gateway_fee        BIGINT NOT NULL CHECK (gateway_fee >= 0 AND gateway_fee <= amount),
    initial_settlement TEXT NOT NULL CHECK (initial_settlement IN ('Pending', 'Successful')),
    created_at         TEXT NOT NULL
);
CREATE INDEX payments_customer ON payments (customer_id, effective_at, id);

CREATE TABLE payment_events (
    id           BIGINT PRIMARY KEY,
    payment_id   BIGINT NOT NULL REFERENCES payments (id),
    kind         TEXT NOT NULL CHECK (kind IN ('settled', 'failed', 'voided')),
    message      TEXT,
    effective_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX payment_events_payment ON payment_events (payment_id);

CREATE TABLE refunds (
    id           BIGINT PRIMARY KEY,
    payment_id   BIGINT NOT NULL REFERENCES payments (id),
    amount       BIGINT NOT NULL CHECK (amount > 0),
    method       TEXT NOT NULL CHECK (method IN ('original', 'check', 'cash', 'direct-deposit')),
    reference    TEXT,
    effective_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX refunds_payment ON refunds (payment_id);

CREATE TABLE allocations (
    id           BIGINT PRIMARY KEY,
    payment_id   BIGINT NOT NULL REFERENCES payments (id),
    invoice_id   BIGINT NOT NULL REFERENCES invoices (id),
    amount       BIGINT NOT NULL CHECK (amount <> 0),
    kind         TEXT NOT NULL CHECK (kind IN ('allocate', 'unallocate', 'reallocate', 'refund', 'nsf', 'void')),
    -- Deferred: a refund's reversals are written before the refund row (see SQLite's 001).
    refund_id    BIGINT REFERENCES refunds (id) DEFERRABLE INITIALLY DEFERRED,
    effective_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX allocations_invoice ON allocations (invoice_id);
CREATE INDEX allocations_payment ON allocations (payment_id);

CREATE TABLE activities (
    id               BIGINT PRIMARY KEY,
    customer_id      BIGINT NOT NULL REFERENCES customers (id),
    payment_id       BIGINT REFERENCES payments (id),
    refund_id        BIGINT REFERENCES refunds (id),
    transaction_type TEXT NOT NULL CHECK (transaction_type IN ('Collect', 'Refund', 'NSF')),
    status           TEXT NOT NULL CHECK (status IN ('Successful', 'Failed', 'Unknown')),
    amount           BIGINT NOT NULL CHECK (amount > 0),
    currency         TEXT NOT NULL CHECK (length(currency) = 3),
    method           TEXT NOT NULL,
    method_id        BIGINT REFERENCES payment_methods (id),
    source           TEXT NOT NULL,
    message          TEXT,
    effective_at     TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX activities_customer ON activities (customer_id);
CREATE UNIQUE INDEX activities_collect ON activities (payment_id) WHERE transaction_type = 'Collect';

CREATE TABLE idempotency_keys (
    key         TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    payment_id  BIGINT NOT NULL REFERENCES payments (id),
    created_at  TEXT NOT NULL
);

CREATE TABLE import_keys (
    key        TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('invoice', 'customer', 'activity')),
    record_id  BIGINT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE audit_events (
    id          BIGINT PRIMARY KEY,
    at          TEXT NOT NULL,
    os_user     TEXT NOT NULL,
    command     TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    customer_id BIGINT,
    payment_id  BIGINT,
    detail      TEXT NOT NULL,
    -- PostgreSQL only (so far): the database user, always set by audit_events_before_insert.
    db_user     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_customer ON audit_events (customer_id);
CREATE INDEX audit_events_payment ON audit_events (payment_id);

CREATE TABLE invoice_balances (
    invoice_id  BIGINT PRIMARY KEY REFERENCES invoices (id),
    allocated   BIGINT NOT NULL DEFAULT 0,
    closed      TEXT CHECK (closed IN ('void', 'written_off')),
    written_off BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE payment_balances (
    payment_id BIGINT PRIMARY KEY REFERENCES payments (id),
    allocated  BIGINT NOT NULL DEFAULT 0,
    refunded   BIGINT NOT NULL DEFAULT 0,
    settlement TEXT NOT NULL CHECK (settlement IN ('Pending', 'Successful', 'Failed')),
    voided     BIGINT NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))
);

-- Ids: max(id) + 1 when none is given, as SQLite does. One function per table, so that each
-- is a plain planned query (no dynamic SQL on every row of an import).
CREATE FUNCTION customers_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM customers;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER customers_next_id BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION customers_next_id();

CREATE FUNCTION payment_methods_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM payment_methods;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payment_methods_next_id BEFORE INSERT ON payment_methods FOR EACH ROW EXECUTE FUNCTION payment_methods_next_id();

CREATE FUNCTION invoices_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM invoices;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoices_next_id BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_next_id();

CREATE FUNCTION payments_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM payments;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payments_next_id BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION payments_next_id();

CREATE FUNCTION payment_events_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM payment_events;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payment_events_next_id BEFORE INSERT ON payment_events FOR EACH ROW EXECUTE FUNCTION payment_events_next_id();

CREATE FUNCTION refunds_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM refunds;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER refunds_next_id BEFORE INSERT ON refunds FOR EACH ROW EXECUTE FUNCTION refunds_next_id();

CREATE FUNCTION allocations_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM allocations;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER allocations_next_id BEFORE INSERT ON allocations FOR EACH ROW EXECUTE FUNCTION allocations_next_id();

CREATE FUNCTION activities_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM activities;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER activities_next_id BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION activities_next_id();

-- The audit event's id, and its database user: session_user is the role that logged in, which
-- neither SET ROLE nor this SECURITY DEFINER function changes; any value given is replaced.
CREATE FUNCTION audit_events_before_insert() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM audit_events;
    END IF;
    NEW.db_user := session_user;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_events_before_insert BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_before_insert();

-- The caches, kept by triggers (SQLite's invoices_balance ... invoice_closures_balance).
CREATE FUNCTION invoices_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO invoice_balances (invoice_id) VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER invoices_balance AFTER INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_balance();

CREATE FUNCTION payments_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO payment_balances (payment_id, settlement) VALUES (NEW.id, NEW.initial_settlement);
    RETURN NULL;
END $$;
CREATE TRIGGER payments_balance AFTER INSERT ON payments FOR EACH ROW EXECUTE FUNCTION payments_balance();

CREATE FUNCTION allocations_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE invoice_balances SET allocated = allocated + NEW.amount WHERE invoice_id = NEW.invoice_id;
    UPDATE payment_balances SET allocated = allocated + NEW.amount WHERE payment_id = NEW.payment_id;
    -- The last line of defence against the worst bug: money applied past a total.
    IF (SELECT b.allocated < 0 OR b.allocated > i.total
        FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
        WHERE b.invoice_id = NEW.invoice_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: allocation would take an invoice past its total or below zero';
    END IF;
    IF (SELECT b.allocated < 0 OR b.allocated + b.refunded > p.amount
        FROM payment_balances b JOIN payments p ON p.id = b.payment_id
        WHERE b.payment_id = NEW.payment_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: allocation would spend more than the payment or reverse more than was allocated';
    END IF;
    IF (SELECT i.customer_id <> p.customer_id OR i.currency <> p.currency
        FROM invoices i, payments p WHERE i.id = NEW.invoice_id AND p.id = NEW.payment_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: an invoice and its payment must be of the same customer and currency';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER allocations_balance AFTER INSERT ON allocations FOR EACH ROW EXECUTE FUNCTION allocations_balance();

CREATE FUNCTION refunds_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE payment_balances SET refunded = refunded + NEW.amount WHERE payment_id = NEW.payment_id;
    IF (SELECT b.allocated + b.refunded > p.amount
        FROM payment_balances b JOIN payments p ON p.id = b.payment_id
        WHERE b.payment_id = NEW.payment_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'payctl: refund would spend more than the payment';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER refunds_balance AFTER INSERT ON refunds FOR EACH ROW EXECUTE FUNCTION refunds_balance();

CREATE FUNCTION payment_events_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE payment_balances
    SET settlement = CASE NEW.kind WHEN 'settled' THEN 'Successful' WHEN 'failed' THEN 'Failed' ELSE settlement END,
        voided = CASE NEW.kind WHEN 'voided' THEN 1 ELSE voided END
    WHERE payment_id = NEW.payment_id;
    RETURN NULL;
END $$;
CREATE TRIGGER payment_events_balance AFTER INSERT ON payment_events FOR EACH ROW EXECUTE FUNCTION payment_events_balance();

CREATE FUNCTION invoice_closures_balance() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE invoice_balances SET closed = NEW.kind, written_off = NEW.amount WHERE invoice_id = NEW.invoice_id;
    RETURN NULL;
END $$;
CREATE TRIGGER invoice_closures_balance AFTER INSERT ON invoice_closures FOR EACH ROW EXECUTE FUNCTION invoice_closures_balance();

-- Append-only: one function, the refusal's text given by each trigger (SQLite's texts). Also
-- the statement-level refusal of TRUNCATE, which fires no row trigger.
CREATE FUNCTION payctl_refuse() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = TG_ARGV[0];
END $$;

CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: invoices are append-only');
CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: invoices are append-only');
CREATE TRIGGER invoice_closures_no_update BEFORE UPDATE ON invoice_closures FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: invoice closures are append-only');
CREATE TRIGGER invoice_closures_no_delete BEFORE DELETE ON invoice_closures FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: invoice closures are append-only');
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: payments are append-only');
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: payments are append-only');
CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: payment events are append-only');
CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: payment events are append-only');
CREATE TRIGGER refunds_no_update BEFORE UPDATE ON refunds FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: refunds are append-only');
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: refunds are append-only');
CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: allocations are append-only');
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: allocations are append-only');
CREATE TRIGGER activities_no_update BEFORE UPDATE ON activities FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: activities are append-only');
CREATE TRIGGER activities_no_delete BEFORE DELETE ON activities FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: activities are append-only');
CREATE TRIGGER idempotency_keys_no_update BEFORE UPDATE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: idempotency keys never change');
CREATE TRIGGER idempotency_keys_no_delete BEFORE DELETE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: idempotency keys never expire');
CREATE TRIGGER import_keys_no_update BEFORE UPDATE ON import_keys FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: import keys never change');
CREATE TRIGGER import_keys_no_delete BEFORE DELETE ON import_keys FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: import keys never expire');
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: the audit trail is append-only');
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: the audit trail is append-only');

-- TRUNCATE, on every table: the money rows' own words where they have them.
CREATE TRIGGER customers_no_truncate BEFORE TRUNCATE ON customers FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: customers cannot be truncated');
CREATE TRIGGER payment_methods_no_truncate BEFORE TRUNCATE ON payment_methods FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: payment methods cannot be truncated');
CREATE TRIGGER invoices_no_truncate BEFORE TRUNCATE ON invoices FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: invoices are append-only');
CREATE TRIGGER invoice_closures_no_truncate BEFORE TRUNCATE ON invoice_closures FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: invoice closures are append-only');
CREATE TRIGGER payments_no_truncate BEFORE TRUNCATE ON payments FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: payments are append-only');
CREATE TRIGGER payment_events_no_truncate BEFORE TRUNCATE ON payment_events FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: payment events are append-only');
CREATE TRIGGER refunds_no_truncate BEFORE TRUNCATE ON refunds FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: refunds are append-only');
CREATE TRIGGER allocations_no_truncate BEFORE TRUNCATE ON allocations FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: allocations are append-only');
CREATE TRIGGER activities_no_truncate BEFORE TRUNCATE ON activities FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: activities are append-only');
CREATE TRIGGER idempotency_keys_no_truncate BEFORE TRUNCATE ON idempotency_keys FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: idempotency keys never expire');
CREATE TRIGGER import_keys_no_truncate BEFORE TRUNCATE ON import_keys FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: import keys never expire');
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: the audit trail is append-only');
CREATE TRIGGER invoice_balances_no_truncate BEFORE TRUNCATE ON invoice_balances FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: invoice balances change only by their triggers');
CREATE TRIGGER payment_balances_no_truncate BEFORE TRUNCATE ON payment_balances FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: payment balances change only by their triggers');
CREATE TRIGGER payctl_meta_no_truncate BEFORE TRUNCATE ON payctl_meta FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: the ledger''s metadata cannot be truncated');

UPDATE payctl_meta SET value = '1' WHERE key = 'schema_version';

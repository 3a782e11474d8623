-- payctl ledger, schema 1.
-- Money is INTEGER minor units of the row's currency (ISO 4217 exponent). Every table is STRICT.
-- Money rows are append-only: a correction is a new reversing row. The *_balances tables are
-- caches kept by triggers from those rows; `payctl verify` recomputes them from the rows.

CREATE TABLE customers (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    email               TEXT,
    currency            TEXT NOT NULL CHECK (length(currency) = 3),
    auto_allocate_order TEXT NOT NULL CHECK (auto_allocate_order IN ('OldestToNewest', 'NewestToOldest')),
    default_method_id   INTEGER REFERENCES payment_methods (id),
    created_at          TEXT NOT NULL
) STRICT;

CREATE TABLE payment_methods (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    type        TEXT NOT NULL CHECK (type IN ('CreditCard', 'ACH', 'Paypal')),
    label       TEXT,
    brand       TEXT,
    last4       TEXT CHECK (last4 IS NULL OR (length(last4) = 4 AND last4 NOT GLOB '*[^0-9]*')),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX payment_methods_customer ON payment_methods (customer_id);

CREATE TABLE invoices (
    id             INTEGER PRIMARY KEY,
    invoice_number TEXT NOT NULL,
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    total          INTEGER NOT NULL CHECK (total > 0),
    effective_at   TEXT NOT NULL,
    due_at         TEXT NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX invoices_customer ON invoices (customer_id, due_at, effective_at, id);

-- A void or a write-off closes an invoice for good.
CREATE TABLE invoice_closures (
    invoice_id   INTEGER PRIMARY KEY REFERENCES invoices (id),
    kind         TEXT NOT NULL CHECK (kind IN ('void', 'written_off')),
    amount       INTEGER NOT NULL CHECK (amount >= 0),
    reason       TEXT NOT NULL,
    effective_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE payments (
    id                 INTEGER PRIMARY KEY,
    customer_id        INTEGER NOT NULL REFERENCES customers (id),
    amount             INTEGER NOT NULL CHECK (amount > 0),
    currency           TEXT NOT NULL CHECK (length(currency) = 3),
    method             TEXT NOT NULL CHECK (method IN ('Cash', 'Check', 'CreditCard', 'DirectDeposit', 'ACH', 'Paypal')),
    method_id          INTEGER REFERENCES payment_methods (id),
    source             TEXT NOT NULL CHECK (source IN ('Manual', 'Automatic', 'SelfServicePortal', 'Import')),
    reference          TEXT,
    effective_at       TEXT NOT NULL,
    gateway_fee        INTEGER NOT NULL CHECK (gateway_fee >= 0 AND gateway_fee <= amount),
    initial_settlement TEXT NOT NULL CHECK (initial_settlement IN ('Pending', 'Successful')),
    created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX payments_customer ON payments (customer_id, effective_at, id);

-- Settlement outcomes and voids of a payment, in order.
CREATE TABLE payment_events (
    id           INTEGER PRIMARY KEY,
    payment_id   INTEGER NOT NULL REFERENCES payments (id),
    kind         TEXT NOT NULL CHECK (kind IN ('settled', 'failed', 'voided')),
    message      TEXT,
    effective_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX payment_events_payment ON payment_events (payment_id);

CREATE TABLE refunds (
    id           INTEGER PRIMARY KEY,
    payment_id   INTEGER NOT NULL REFERENCES payments (id),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    method       TEXT NOT NULL CHECK (method IN ('original', 'check', 'cash', 'direct-deposit')),
    reference    TEXT,
    effective_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX refunds_payment ON refunds (payment_id);

-- Positive rows apply money to an invoice; negative rows reverse it. `kind` says why.
CREATE TABLE allocations (
    id           INTEGER PRIMARY KEY,
    payment_id   INTEGER NOT NULL REFERENCES payments (id),
    invoice_id   INTEGER NOT NULL REFERENCES invoices (id),
    amount       INTEGER NOT NULL CHECK (amount <> 0),
    kind         TEXT NOT NULL CHECK (kind IN ('allocate', 'unallocate', 'reallocate', 'refund', 'nsf', 'void')),
    -- Deferred: a refund's reversals are written before the refund row, so that the refund
    -- row's own check sees the payment's allocations already reduced.
    refund_id    INTEGER REFERENCES refunds (id) DEFERRABLE INITIALLY DEFERRED,
    effective_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX allocations_invoice ON allocations (invoice_id);
CREATE INDEX allocations_payment ON allocations (payment_id);

-- Every attempt to move money, successful or not.
CREATE TABLE activities (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customers (id),
    payment_id       INTEGER REFERENCES payments (id),
    refund_id        INTEGER REFERENCES refunds (id),
    transaction_type TEXT NOT NULL CHECK (transaction_type IN ('Collect', 'Refund', 'NSF')),
    status           TEXT NOT NULL CHECK (status IN ('Successful', 'Failed', 'Unknown')),
    amount           INTEGER NOT NULL CHECK (amount > 0),
    currency         TEXT NOT NULL CHECK (length(currency) = 3),
    method           TEXT NOT NULL,
    method_id        INTEGER REFERENCES payment_methods (id),
    source           TEXT NOT NULL,
    message          TEXT,
    effective_at     TEXT NOT NULL,
    created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX activities_customer ON activities (customer_id);
CREATE UNIQUE INDEX activities_collect ON activities (payment_id) WHERE transaction_type = 'Collect';

CREATE TABLE idempotency_keys (
    key         TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    payment_id  INTEGER NOT NULL REFERENCES payments (id),
    created_at  TEXT NOT NULL
) STRICT;

-- Rows already imported (invoices, customers, failed attempts): re-importing a file adds
-- nothing. Payments use idempotency_keys.
CREATE TABLE import_keys (
    key        TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('invoice', 'customer', 'activity')),
    record_id  INTEGER NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    os_user     TEXT NOT NULL,
    command     TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    customer_id INTEGER,
    payment_id  INTEGER,
    detail      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_customer ON audit_events (customer_id);
CREATE INDEX audit_events_payment ON audit_events (payment_id);

-- Caches, kept by the triggers below.
CREATE TABLE invoice_balances (
    invoice_id  INTEGER PRIMARY KEY REFERENCES invoices (id),
    allocated   INTEGER NOT NULL DEFAULT 0,
    closed      TEXT CHECK (closed IN ('void', 'written_off')),
    written_off INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE payment_balances (
    payment_id INTEGER PRIMARY KEY REFERENCES payments (id),
    allocated  INTEGER NOT NULL DEFAULT 0,
    refunded   INTEGER NOT NULL DEFAULT 0,
    settlement TEXT NOT NULL CHECK (settlement IN ('Pending', 'Successful', 'Failed')),
    voided     INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))
) STRICT;

CREATE TRIGGER invoices_balance AFTER INSERT ON invoices BEGIN
    INSERT INTO invoice_balances (invoice_id) VALUES (NEW.id);
END;

CREATE TRIGGER payments_balance AFTER INSERT ON payments BEGIN
    INSERT INTO payment_balances (payment_id, settlement) VALUES (NEW.id, NEW.initial_settlement);
END;

CREATE TRIGGER allocations_balance AFTER INSERT ON allocations BEGIN
    UPDATE invoice_balances SET allocated = allocated + NEW.amount WHERE invoice_id = NEW.invoice_id;
    UPDATE payment_balances SET allocated = allocated + NEW.amount WHERE payment_id = NEW.payment_id;
    -- The last line of defence against the worst bug: money applied past a total.
    SELECT RAISE(ABORT, 'payctl: allocation would take an invoice past its total or below zero')
    WHERE (SELECT b.allocated < 0 OR b.allocated > i.total
           FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
           WHERE b.invoice_id = NEW.invoice_id);
    SELECT RAISE(ABORT, 'payctl: allocation would spend more than the payment or reverse more than was allocated')
    WHERE (SELECT b.allocated < 0 OR b.allocated + b.refunded > p.amount
           FROM payment_balances b JOIN payments p ON p.id = b.payment_id
           WHERE b.payment_id = NEW.payment_id);
    SELECT RAISE(ABORT, 'payctl: an invoice and its payment must be of the same customer and currency')
    WHERE (SELECT i.customer_id <> p.customer_id OR i.currency <> p.currency
           FROM invoices i, payments p WHERE i.id = NEW.invoice_id AND p.id = NEW.payment_id);
END;

CREATE TRIGGER refunds_balance AFTER INSERT ON refunds BEGIN
    UPDATE payment_balances SET refunded = refunded + NEW.amount WHERE payment_id = NEW.payment_id;
    SELECT RAISE(ABORT, 'payctl: refund would spend more than the payment')
    WHERE (SELECT b.allocated + b.refunded > p.amount
           FROM payment_balances b JOIN payments p ON p.id = b.payment_id
           WHERE b.payment_id = NEW.payment_id);
END;

CREATE TRIGGER payment_events_balance AFTER INSERT ON payment_events BEGIN
    UPDATE payment_balances
    SET settlement = CASE NEW.kind WHEN 'settled' THEN 'Successful' WHEN 'failed' THEN 'Failed' ELSE settlement END,
        voided = CASE NEW.kind WHEN 'voided' THEN 1 ELSE voided END
    WHERE payment_id = NEW.payment_id;
END;

CREATE TRIGGER invoice_closures_balance AFTER INSERT ON invoice_closures BEGIN
    UPDATE invoice_balances SET closed = NEW.kind, written_off = NEW.amount WHERE invoice_id = NEW.invoice_id;
END;

-- Append-only: money rows can be neither changed nor removed, from payctl or from outside.
CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices BEGIN SELECT RAISE(ABORT, 'payctl: invoices are append-only'); END;
CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices BEGIN SELECT RAISE(ABORT, 'payctl: invoices are append-only'); END;
CREATE TRIGGER invoice_closures_no_update BEFORE UPDATE ON invoice_closures BEGIN SELECT RAISE(ABORT, 'payctl: invoice closures are append-only'); END;
CREATE TRIGGER invoice_closures_no_delete BEFORE DELETE ON invoice_closures BEGIN SELECT RAISE(ABORT, 'payctl: invoice closures are append-only'); END;
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN SELECT RAISE(ABORT, 'payctl: payments are append-only'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments BEGIN SELECT RAISE(ABORT, 'payctl: payments are append-only'); END;
CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events BEGIN SELECT RAISE(ABORT, 'payctl: payment events are append-only'); END;
CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events BEGIN SELECT RAISE(ABORT, 'payctl: payment events are append-only'); END;
CREATE TRIGGER refunds_no_update BEFORE UPDATE ON refunds BEGIN SELECT RAISE(ABORT, 'payctl: refunds are append-only'); END;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds BEGIN SELECT RAISE(ABORT, 'payctl: refunds are append-only'); END;
CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations BEGIN SELECT RAISE(ABORT, 'payctl: allocations are append-only'); END;
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations BEGIN SELECT RAISE(ABORT, 'payctl: allocations are append-only'); END;
CREATE TRIGGER activities_no_update BEFORE UPDATE ON activities BEGIN SELECT RAISE(ABORT, 'payctl: activities are append-only'); END;
CREATE TRIGGER activities_no_delete BEFORE DELETE ON activities BEGIN SELECT RAISE(ABORT, 'payctl: activities are append-only'); END;
CREATE TRIGGER idempotency_keys_no_update BEFORE UPDATE ON idempotency_keys BEGIN SELECT RAISE(ABORT, 'payctl: idempotency keys never change'); END;
CREATE TRIGGER idempotency_keys_no_delete BEFORE DELETE ON idempotency_keys BEGIN SELECT RAISE(ABORT, 'payctl: idempotency keys never expire'); END;
CREATE TRIGGER import_keys_no_update BEFORE UPDATE ON import_keys BEGIN SELECT RAISE(ABORT, 'payctl: import keys never change'); END;
CREATE TRIGGER import_keys_no_delete BEFORE DELETE ON import_keys BEGIN SELECT RAISE(ABORT, 'payctl: import keys never expire'); END;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'payctl: the audit trail is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'payctl: the audit trail is append-only'); END;

-- payctl ledger on PostgreSQL: bank statements, their credit lines, the lines' events and the
-- proposals of `bank match` (see migrations/006_bank.sql, which documents the tables). Every
-- row is append-only; TRUNCATE is refused.

SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

CREATE TABLE bank_statements (
    id            BIGINT PRIMARY KEY,
    format        TEXT NOT NULL CHECK (format IN ('camt053', 'mt940', 'csv')),
    account       TEXT NOT NULL,
    statement_ref TEXT NOT NULL,
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    opening       BIGINT,
    closing       BIGINT,
    opening_date  TEXT,
    closing_date  TEXT,
    credit_count  BIGINT NOT NULL CHECK (credit_count >= 0),
    credit_total  BIGINT NOT NULL CHECK (credit_total >= 0),
    debit_count   BIGINT NOT NULL CHECK (debit_count >= 0),
    debit_total   BIGINT NOT NULL CHECK (debit_total >= 0),
    file_name     TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX bank_statements_ref ON bank_statements (account, statement_ref);

CREATE TABLE bank_lines (
    id            BIGINT PRIMARY KEY,
    statement_id  BIGINT NOT NULL REFERENCES bank_statements (id),
    bank_ref      TEXT NOT NULL UNIQUE,
    line_no       BIGINT NOT NULL,
    booking_date  TEXT NOT NULL,
    value_date    TEXT,
    amount        BIGINT NOT NULL CHECK (amount > 0),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    payer_name    TEXT,
    payer_account TEXT,
    remittance    TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX bank_lines_statement ON bank_lines (statement_id);

CREATE TABLE bank_line_events (
    id         BIGINT PRIMARY KEY,
    line_id    BIGINT NOT NULL UNIQUE REFERENCES bank_lines (id),
    kind       TEXT NOT NULL CHECK (kind IN ('applied', 'ignored')),
    payment_id BIGINT REFERENCES payments (id),
    reason     TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX bank_line_events_payment ON bank_line_events (payment_id);

CREATE TABLE bank_proposals (
    id          BIGINT PRIMARY KEY,
    line_id     BIGINT NOT NULL REFERENCES bank_lines (id),
    run         BIGINT NOT NULL,
    customer_id BIGINT REFERENCES customers (id),
    reason      TEXT NOT NULL CHECK (reason IN ('invoice_number', 'payer_history', 'amount_one_invoice', 'amount_invoice_set', 'ambiguous', 'none')),
    detail      TEXT NOT NULL,
    allocations TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX bank_proposals_line ON bank_proposals (line_id, run);

-- Ids as SQLite gives them: max(id) + 1, an explicit id kept.
CREATE FUNCTION bank_statements_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM bank_statements;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER bank_statements_next_id BEFORE INSERT ON bank_statements FOR EACH ROW EXECUTE FUNCTION bank_statements_next_id();

CREATE FUNCTION bank_lines_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM bank_lines;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER bank_lines_next_id BEFORE INSERT ON bank_lines FOR EACH ROW EXECUTE FUNCTION bank_lines_next_id();

CREATE FUNCTION bank_line_events_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM bank_line_events;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER bank_line_events_next_id BEFORE INSERT ON bank_line_events FOR EACH ROW EXECUTE FUNCTION bank_line_events_next_id();

CREATE FUNCTION bank_proposals_next_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.id IS NULL THEN
        SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM bank_proposals;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER bank_proposals_next_id BEFORE INSERT ON bank_proposals FOR EACH ROW EXECUTE FUNCTION bank_proposals_next_id();

CREATE TRIGGER bank_statements_no_update BEFORE UPDATE ON bank_statements FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank statements are append-only');
CREATE TRIGGER bank_statements_no_delete BEFORE DELETE ON bank_statements FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank statements are append-only');
CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON bank_lines FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank lines are append-only');
CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank lines are append-only');
CREATE TRIGGER bank_line_events_no_update BEFORE UPDATE ON bank_line_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank line events are append-only');
CREATE TRIGGER bank_line_events_no_delete BEFORE DELETE ON bank_line_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank line events are append-only');
CREATE TRIGGER bank_proposals_no_update BEFORE UPDATE ON bank_proposals FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank proposals are append-only');
CREATE TRIGGER bank_proposals_no_delete BEFORE DELETE ON bank_proposals FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank proposals are append-only');

CREATE TRIGGER bank_statements_no_truncate BEFORE TRUNCATE ON bank_statements FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: bank statements are append-only');
CREATE TRIGGER bank_lines_no_truncate BEFORE TRUNCATE ON bank_lines FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: bank lines are append-only');
CREATE TRIGGER bank_line_events_no_truncate BEFORE TRUNCATE ON bank_line_events FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: bank line events are append-only');
CREATE TRIGGER bank_proposals_no_truncate BEFORE TRUNCATE ON bank_proposals FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: bank proposals are append-only');

UPDATE payctl_meta SET value = '6' WHERE key = 'schema_version';

-- payctl ledger on PostgreSQL: bank statements (see migrations/008_bank.sql, SPEC §11, issue 20). Migration 008 as agreed between h36
-- (bank import) and h37 (bank match / apply); whichever lands first, the lead keeps one copy.
-- Statements and their credit lines as the bank wrote them, what was decided about each line
-- (applied as a payment, or ignored), and the proposals of each `bank match` run. All of it is
-- append-only: a line's status is derived from its event and its newest proposal.


SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

CREATE TABLE bank_statements (
    id            BIGINT PRIMARY KEY,
    format        TEXT NOT NULL CHECK (format = 'camt053' OR format = 'mt940' OR format = 'csv'),
    account       TEXT NOT NULL,
    statement_ref TEXT NOT NULL,
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    opening       BIGINT,
    closing       BIGINT,
    opening_date  TEXT,
    closing_date  TEXT,
    credit_count  BIGINT NOT NULL,
    credit_total  BIGINT NOT NULL,
    debit_count   BIGINT NOT NULL,
    debit_total   BIGINT NOT NULL,
    file_name     TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE bank_lines (
    id            BIGINT PRIMARY KEY,
    statement_id  BIGINT NOT NULL REFERENCES bank_statements(id),
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
    line_id    BIGINT NOT NULL UNIQUE REFERENCES bank_lines(id),
    kind       TEXT NOT NULL CHECK (kind = 'applied' OR kind = 'ignored'),
    payment_id BIGINT REFERENCES payments(id),
    reason     TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE bank_proposals (
    id          BIGINT PRIMARY KEY,
    line_id     BIGINT NOT NULL REFERENCES bank_lines(id),
    run         BIGINT NOT NULL,
    customer_id BIGINT REFERENCES customers(id),
    reason      TEXT NOT NULL CHECK (reason = 'invoice_number' OR reason = 'payer_history' OR reason = 'amount_one_invoice' OR reason = 'amount_invoice_set' OR reason = 'ambiguous' OR reason = 'none'),
    detail      TEXT NOT NULL,
    allocations TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX bank_proposals_line ON bank_proposals (line_id, run);

CREATE TRIGGER bank_statements_no_update BEFORE UPDATE ON bank_statements FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank statements are append-only');
CREATE TRIGGER bank_statements_no_delete BEFORE DELETE ON bank_statements FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank statements are append-only');
CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON bank_lines FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank lines are append-only');
CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank lines are append-only');
CREATE TRIGGER bank_line_events_no_update BEFORE UPDATE ON bank_line_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank line events are append-only');
CREATE TRIGGER bank_line_events_no_delete BEFORE DELETE ON bank_line_events FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank line events are append-only');
CREATE TRIGGER bank_proposals_no_update BEFORE UPDATE ON bank_proposals FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank proposals are append-only');
CREATE TRIGGER bank_proposals_no_delete BEFORE DELETE ON bank_proposals FOR EACH ROW EXECUTE FUNCTION payctl_refuse('payctl: bank proposals are append-only');

-- Ids: max(id) + 1 when none is given, as SQLite does (see 001_initial.sql).
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

CREATE TRIGGER bank_statements_no_truncate BEFORE TRUNCATE ON bank_statements FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: bank statements are append-only');
CREATE TRIGGER bank_lines_no_truncate BEFORE TRUNCATE ON bank_lines FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: bank lines are append-only');
CREATE TRIGGER bank_line_events_no_truncate BEFORE TRUNCATE ON bank_line_events FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: bank line events are append-only');
CREATE TRIGGER bank_proposals_no_truncate BEFORE TRUNCATE ON bank_proposals FOR EACH STATEMENT EXECUTE FUNCTION payctl_refuse('payctl: bank proposals are append-only');

UPDATE payctl_meta SET value = '8' WHERE key = 'schema_version';

-- payctl ledger, schema 8 (issue 20, SPEC §11): bank statements and their credit lines, what
-- became of each line (applied as a payment, or ignored with a reason), and the proposals of
-- each `bank match` run. Every row is append-only: a line's status is derived, never stored
-- (applied / ignored from its event; else suggested when its newest proposal names a customer
-- with a reason other than ambiguous or none; else unmatched).

-- One imported statement (or bank CSV file). Balances are signed minor units, NULL when the
-- file has none; the counts and totals are the file's own (credits and debits), so that the
-- report can check opening + credits - debits = closing even when some lines were imported
-- before, by an overlapping statement.
CREATE TABLE bank_statements (
    id            INTEGER PRIMARY KEY,
    format        TEXT NOT NULL CHECK (format = 'camt053' OR format = 'mt940' OR format = 'csv'),
    account       TEXT NOT NULL,
    statement_ref TEXT NOT NULL,
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    opening       INTEGER,
    closing       INTEGER,
    opening_date  TEXT,
    closing_date  TEXT,
    credit_count  INTEGER NOT NULL CHECK (credit_count >= 0),
    credit_total  INTEGER NOT NULL CHECK (credit_total >= 0),
    debit_count   INTEGER NOT NULL CHECK (debit_count >= 0),
    debit_total   INTEGER NOT NULL CHECK (debit_total >= 0),
    file_name     TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX bank_statements_ref ON bank_statements (account, statement_ref);

-- One credit line. bank_ref is the line's identity across imports: account + '/' + the bank's
-- own entry id, else 'fp:' + a fingerprint of the line; a line already present is never
-- written again.
CREATE TABLE bank_lines (
    id            INTEGER PRIMARY KEY,
    statement_id  INTEGER NOT NULL REFERENCES bank_statements (id),
    bank_ref      TEXT NOT NULL UNIQUE,
    line_no       INTEGER NOT NULL,
    booking_date  TEXT NOT NULL,
    value_date    TEXT,
    amount        INTEGER NOT NULL CHECK (amount > 0),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    payer_name    TEXT,
    payer_account TEXT,
    remittance    TEXT,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX bank_lines_statement ON bank_lines (statement_id);

-- What became of a line: at most one event per line (applied or ignored, for good).
CREATE TABLE bank_line_events (
    id         INTEGER PRIMARY KEY,
    line_id    INTEGER NOT NULL UNIQUE REFERENCES bank_lines (id),
    kind       TEXT NOT NULL CHECK (kind = 'applied' OR kind = 'ignored'),
    payment_id INTEGER REFERENCES payments (id),
    reason     TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX bank_line_events_payment ON bank_line_events (payment_id);

-- What `bank match` proposed for a line in one run; the newest run's proposal counts.
CREATE TABLE bank_proposals (
    id          INTEGER PRIMARY KEY,
    line_id     INTEGER NOT NULL REFERENCES bank_lines (id),
    run         INTEGER NOT NULL,
    customer_id INTEGER REFERENCES customers (id),
    reason      TEXT NOT NULL CHECK (reason = 'invoice_number' OR reason = 'payer_history' OR reason = 'amount_one_invoice' OR reason = 'amount_invoice_set' OR reason = 'ambiguous' OR reason = 'none'),
    detail      TEXT NOT NULL,
    allocations TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX bank_proposals_line ON bank_proposals (line_id, run);

CREATE TRIGGER bank_statements_no_update BEFORE UPDATE ON bank_statements BEGIN SELECT RAISE(ABORT, 'payctl: bank statements are append-only'); END;
CREATE TRIGGER bank_statements_no_delete BEFORE DELETE ON bank_statements BEGIN SELECT RAISE(ABORT, 'payctl: bank statements are append-only'); END;
CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON bank_lines BEGIN SELECT RAISE(ABORT, 'payctl: bank lines are append-only'); END;
CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines BEGIN SELECT RAISE(ABORT, 'payctl: bank lines are append-only'); END;
CREATE TRIGGER bank_line_events_no_update BEFORE UPDATE ON bank_line_events BEGIN SELECT RAISE(ABORT, 'payctl: bank line events are append-only'); END;
CREATE TRIGGER bank_line_events_no_delete BEFORE DELETE ON bank_line_events BEGIN SELECT RAISE(ABORT, 'payctl: bank line events are append-only'); END;
CREATE TRIGGER bank_proposals_no_update BEFORE UPDATE ON bank_proposals BEGIN SELECT RAISE(ABORT, 'payctl: bank proposals are append-only'); END;
CREATE TRIGGER bank_proposals_no_delete BEFORE DELETE ON bank_proposals BEGIN SELECT RAISE(ABORT, 'payctl: bank proposals are append-only'); END;

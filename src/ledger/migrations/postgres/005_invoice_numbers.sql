-- payctl ledger on PostgreSQL, schema 5: invoices found by their numbers (see
-- migrations/005_invoice_numbers.sql). Plain indexes, not UNIQUE: an older ledger may already
-- hold one number twice for a customer; payctl refuses new duplicates and verify reports old ones.

SELECT set_config('search_path', quote_ident(current_schema()) || ', pg_temp', false);

CREATE INDEX IF NOT EXISTS invoices_customer_number ON invoices (customer_id, invoice_number);
CREATE INDEX IF NOT EXISTS invoices_number ON invoices (invoice_number);

UPDATE payctl_meta SET value = '5' WHERE key = 'schema_version';

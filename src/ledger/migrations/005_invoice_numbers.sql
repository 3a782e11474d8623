-- payctl ledger, schema 5: invoices found by their numbers (SPEC §4, invoice references; §10,
-- numbers unique per customer).
-- Plain indexes, not UNIQUE: a ledger written before this version may already hold one number
-- twice for a customer, and a migration must not fail on it. payctl refuses a new duplicate
-- (core::invoice::plan_invoice, over the invoices of the customer read in the writing
-- transaction) and `payctl verify` reports the duplicates an older ledger holds.
CREATE INDEX IF NOT EXISTS invoices_customer_number ON invoices (customer_id, invoice_number);
CREATE INDEX IF NOT EXISTS invoices_number ON invoices (invoice_number);

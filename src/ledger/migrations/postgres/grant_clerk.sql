-- What `payctl db grant-clerk ROLE` runs (SPEC §8), as the ledger's owner, in the ledger's
-- schema (the first of search_path), after the migrations. No placeholder to substitute: the
-- role's name is read from the setting `payctl.clerk_role`, so that it is never spliced into
-- SQL text; set it first, in the same transaction:
--
--     SELECT set_config('payctl.clerk_role', $1, true);   -- $1: the role, e.g. 'clerk'
--     <this file>
--
-- (by hand: psql -v ON_ERROR_STOP=1 -1 -c "SELECT set_config('payctl.clerk_role', 'clerk', true)" -f grant_clerk.sql)
--
-- ROLE may then read everything and record everything payctl records, and nothing else:
-- - SELECT on every table; INSERT on the tables payctl's commands insert into;
-- - UPDATE of the columns payctl edits: customers.default_method_id (`method default`), a
--   customer's name, email and allocation order (`customer edit`), an invoice's number and due
--   date (`invoice edit`; the triggers refuse any other column), and
--   of currency_totals, which payctl keeps itself (its trigger refuses lowering a total);
-- - no right at all to write the caches (invoice_balances, payment_balances, open_invoices): the
--   triggers that keep them are SECURITY DEFINER functions owned by the schema's owner;
-- - no UPDATE, DELETE or TRUNCATE of a money or audit row (the server refuses them for lack of
--   privilege, before the append-only triggers would), and no DDL: ROLE owns nothing, so
--   ALTER TABLE ... DISABLE TRIGGER and DROP are refused, and since PostgreSQL 15 the public
--   schema grants CREATE to nobody by default.
-- Ids come from triggers, so no sequence is needed. Connecting and temporary tables (an import
-- keeps its seen-rows set in one) are PUBLIC's rights on a database by default; a server that
-- revoked them must grant CONNECT, TEMPORARY ON DATABASE to ROLE.

DO $grant$
DECLARE
    clerk  text := current_setting('payctl.clerk_role', true);
    schema text := current_schema();
    t      text;
BEGIN
    IF clerk IS NULL OR clerk = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'payctl: set payctl.clerk_role to the role to grant';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = clerk) THEN
        RAISE EXCEPTION USING ERRCODE = 'undefined_object',
            MESSAGE = format('payctl: role %s does not exist', quote_ident(clerk));
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'payctl_meta'
                   AND relnamespace = schema::regnamespace) THEN
        RAISE EXCEPTION USING ERRCODE = 'undefined_table',
            MESSAGE = format('payctl: schema %s holds no payctl ledger', quote_ident(schema));
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema, clerk);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', schema, clerk);
    FOREACH t IN ARRAY ARRAY['customers', 'payment_methods', 'invoices', 'invoice_closures',
                             'payments', 'payment_events', 'refunds', 'allocations', 'activities',
                             'idempotency_keys', 'import_keys', 'audit_events', 'currency_totals',
                             'bank_statements', 'bank_lines', 'bank_line_events', 'bank_proposals',
                             'period_events',
                             'invoice_adjustments', 'credit_write_offs', 'credit_write_off_parts']
    LOOP
        EXECUTE format('GRANT INSERT ON %I.%I TO %I', schema, t, clerk);
    END LOOP;
    EXECUTE format('GRANT UPDATE (default_method_id, name, email, auto_allocate_order) ON %I.customers TO %I', schema, clerk);
    EXECUTE format('GRANT UPDATE (invoice_number, due_at) ON %I.invoices TO %I', schema, clerk);
    EXECUTE format('GRANT UPDATE (total) ON %I.currency_totals TO %I', schema, clerk);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I', schema, clerk);
END
$grant$;

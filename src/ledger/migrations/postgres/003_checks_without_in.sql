-- payctl ledger on PostgreSQL, schema 3: nothing to change.
-- On SQLite, schema 3 rewrites each `col IN (...)` CHECK as `col = ... OR col = ...`, which
-- allows exactly the same values, because SQLite builds an ephemeral b-tree for IN on every
-- insert. PostgreSQL evaluates `col IN (...)` (stored as `col = ANY (ARRAY[...])`) with no such
-- cost, so its constraints stay as schema 1 wrote them. The allowed values are the same on
-- both engines; tests/cli/pg_schema.rs compares them.

UPDATE payctl_meta SET value = '3' WHERE key = 'schema_version';

-- payctl ledger, schema 3: the same CHECK constraints, written without IN.
-- SQLite evaluates `col IN ('a', 'b', 'c')` through an ephemeral b-tree that it builds on every
-- execution of an INSERT or UPDATE: about 30% of the instructions of importing a payment
-- (callgrind, benches/PROFILE.md). `col = 'a' OR col = 'b' OR col = 'c'` allows exactly the same
-- values (NULL included, where the column allows it) without that cost. Every row already
-- satisfies both forms, so the table definitions are rewritten in place, as SQLite documents
-- for changing a CHECK constraint (lang_altertable.html#otheralter), rather than rebuilt.

PRAGMA writable_schema = ON;

UPDATE sqlite_schema SET sql = replace(sql,
        'CHECK (auto_allocate_order IN (''OldestToNewest'', ''NewestToOldest''))',
        'CHECK (auto_allocate_order = ''OldestToNewest'' OR auto_allocate_order = ''NewestToOldest'')')
WHERE type = 'table' AND name = 'customers';

UPDATE sqlite_schema SET sql = replace(sql,
        'CHECK (type IN (''CreditCard'', ''ACH'', ''Paypal''))',
        'CHECK (type = ''CreditCard'' OR type = ''ACH'' OR type = ''Paypal'')')
WHERE type = 'table' AND name = 'payment_methods';

UPDATE sqlite_schema SET sql = replace(sql,
        'CHECK (kind IN (''void'', ''written_off''))',
        'CHECK (kind = ''void'' OR kind = ''written_off'')')
WHERE type = 'table' AND name = 'invoice_closures';

UPDATE sqlite_schema SET sql = replace(replace(replace(sql,
        'CHECK (method IN (''Cash'', ''Check'', ''CreditCard'', ''DirectDeposit'', ''ACH'', ''Paypal''))',
        'CHECK (method = ''Cash'' OR method = ''Check'' OR method = ''CreditCard'' OR method = ''DirectDeposit'' OR method = ''ACH'' OR method = ''Paypal'')'),
        'CHECK (source IN (''Manual'', ''Automatic'', ''SelfServicePortal'', ''Import''))',
        'CHECK (source = ''Manual'' OR source = ''Automatic'' OR source = ''SelfServicePortal'' OR source = ''Import'')'),
        'CHECK (initial_settlement IN (''Pending'', ''Successful''))',
        'CHECK (initial_settlement = ''Pending'' OR initial_settlement = ''Successful'')')
WHERE type = 'table' AND name = 'payments';

UPDATE sqlite_schema SET sql = replace(sql,
        'CHECK (kind IN (''settled'', ''failed'', ''voided''))',
        'CHECK (kind = ''settled'' OR kind = ''failed'' OR kind = ''voided'')')
WHERE type = 'table' AND name = 'payment_events';

UPDATE sqlite_schema SET sql = replace(sql,
        'CHECK (method IN (''original'', ''check'', ''cash'', ''direct-deposit''))',
        'CHECK (method = ''original'' OR method = ''check'' OR method = ''cash'' OR method = ''direct-deposit'')')
WHERE type = 'table' AND name = 'refunds';

UPDATE sqlite_schema SET sql = replace(sql,
        'CHECK (kind IN (''allocate'', ''unallocate'', ''reallocate'', ''refund'', ''nsf'', ''void''))',
        'CHECK (kind = ''allocate'' OR kind = ''unallocate'' OR kind = ''reallocate'' OR kind = ''refund'' OR kind = ''nsf'' OR kind = ''void'')')
WHERE type = 'table' AND name = 'allocations';

UPDATE sqlite_schema SET sql = replace(replace(sql,
        'CHECK (transaction_type IN (''Collect'', ''Refund'', ''NSF''))',
        'CHECK (transaction_type = ''Collect'' OR transaction_type = ''Refund'' OR transaction_type = ''NSF'')'),
        'CHECK (status IN (''Successful'', ''Failed'', ''Unknown''))',
        'CHECK (status = ''Successful'' OR status = ''Failed'' OR status = ''Unknown'')')
WHERE type = 'table' AND name = 'activities';

UPDATE sqlite_schema SET sql = replace(sql,
        'CHECK (kind IN (''invoice'', ''customer'', ''activity''))',
        'CHECK (kind = ''invoice'' OR kind = ''customer'' OR kind = ''activity'')')
WHERE type = 'table' AND name = 'import_keys';

UPDATE sqlite_schema SET sql = replace(sql,
        'CHECK (closed IN (''void'', ''written_off''))',
        'CHECK (closed = ''void'' OR closed = ''written_off'')')
WHERE type = 'table' AND name = 'invoice_balances';

UPDATE sqlite_schema SET sql = replace(replace(sql,
        'CHECK (settlement IN (''Pending'', ''Successful'', ''Failed''))',
        'CHECK (settlement = ''Pending'' OR settlement = ''Successful'' OR settlement = ''Failed'')'),
        'CHECK (voided IN (0, 1))',
        'CHECK (voided = 0 OR voided = 1)')
WHERE type = 'table' AND name = 'payment_balances';

PRAGMA writable_schema = OFF;

-- Any schema change bumps the schema cookie, so that this connection and every other one read
-- the rewritten definitions.
CREATE TABLE schema_3_cookie (x INTEGER) STRICT;
DROP TABLE schema_3_cookie;

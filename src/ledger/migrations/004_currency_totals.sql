-- payctl ledger, schema 4: each currency's ledger total, kept so a write can be refused before
-- it makes a total unsummable.
-- Every total payctl prints (a customer's outstanding balance and available funds, an
-- invoice's payments, the aging, balances and statement totals per currency) adds up part of
-- the invoices and payments of one currency, so none can pass what an INTEGER holds while
-- their sum does not. payctl adds each new invoice total and payment amount here, in the
-- transaction that records it, and refuses the write that would take it past 2^63 - 1 minor
-- units. Money rows are append-only, so the total only grows.

CREATE TABLE currency_totals (
    currency TEXT PRIMARY KEY CHECK (length(currency) = 3),
    total    INTEGER NOT NULL CHECK (total >= 0)
) STRICT, WITHOUT ROWID;

-- What is already recorded. sum() raises on overflow, and an older payctl may have recorded
-- more than it can hold: the high and low 32 bits of the amounts are summed apart (neither sum
-- can overflow below 2^31 rows) and a total past 2^63 - 1 is stored as 2^63 - 1, so that every
-- further write in that currency is refused.
INSERT INTO currency_totals (currency, total)
SELECT currency,
       CASE WHEN hi + (lo >> 32) >= 2147483648 THEN 9223372036854775807
            ELSE ((hi + (lo >> 32)) << 32) + (lo & 4294967295) END
FROM (SELECT currency, sum(amount >> 32) AS hi, sum(amount & 4294967295) AS lo
      FROM (SELECT currency, total AS amount FROM invoices
            UNION ALL
            SELECT currency, amount FROM payments)
      GROUP BY currency);

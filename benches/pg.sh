# payctl's benchmark on PostgreSQL (issue 18), sourced by benches/run.sh after its SQLite cases,
# in the same run, with its helpers (hf, median, secs, ratio, row…), data and sizes; adds its
# rows to the same table. BENCH_NO_PG=1 leaves it out.
#
# The server is a throwaway one from .ci/pg, as the tests use: local, unix socket, trust
# authentication and fsync=off, so a commit costs no disk flush and these figures are CPU and
# round trips, not durability. It is stopped whatever happens.
#
# Each case has a floor measured here too: psql doing the same inserts in one transaction on an
# identical database, with the triggers on as payctl has them.

PG_DIR=$(mktemp -d /tmp/payctl-bench-pg.XXXXXX)
chmod 0755 "$PG_DIR"
pg_stop() { bash "$ROOT/.ci/pg" stop "$PG_DIR" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap pg_stop EXIT
log "PostgreSQL: starting a throwaway server in $PG_DIR"
bash "$ROOT/.ci/pg" start "$PG_DIR" >/dev/null
PG_SOCK=$PG_DIR/sock
PSQL="psql -X -q -At -v ON_ERROR_STOP=1 -h $PG_SOCK -U payctl"
PG_VERSION=$($PSQL -d postgres -c "SHOW server_version" | cut -d' ' -f1)
PG_FSYNC=$($PSQL -d postgres -c "SHOW fsync")
pgurl() { echo "postgres://payctl@/$1?host=$PG_SOCK"; }
# pgcopy_sql FROM TO: the commands that make database TO afresh as a copy of FROM.
pgcopy_sql() { echo "$PSQL -d postgres -c 'DROP DATABASE IF EXISTS $2 WITH (FORCE)' -c 'CREATE DATABASE $2 TEMPLATE $1'"; }
pgcopy() { eval "$(pgcopy_sql "$1" "$2")"; }

log "PostgreSQL $PG_VERSION: building the ledgers ($(thousands $S_N) invoices; $(thousands $B_N) invoices and payments)"
# The ledgers of customers and open invoices are the SQLite ones moved over with `payctl
# restore` (as a team moves its ledger; every id, cache and audit event comes along), timed:
# no case measures invoice imports, and the payments are imported into the big one below.
pgcopy payctl_template pg_small_base
"$PAYCTL" --db "$(pgurl pg_small_base)" restore "$S_BASE" -q >/dev/null
pgcopy payctl_template pg_big
t0=$(date +%s.%N)
"$PAYCTL" --db "$(pgurl pg_big)" restore "$B_BASE" -q >/dev/null
PG_BIG_RESTORE_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
t0=$(date +%s.%N)
"$PAYCTL" --db "$(pgurl pg_big)" import "$B_DATA/payments.csv" -q >&2
PG_BIG_IMPORT_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')

# --- B2: import S_N payments (auto-allocate) into a fresh copy of the ledger of open invoices --
pgcopy_sql pg_small_base pg_b2 >"$RUN/pg-b2-prepare.sh"
hf pg-b2-payctl --runs $RUNS_IMPORT --prepare "bash $RUN/pg-b2-prepare.sh" \
    "$PAYCTL --db $(pgurl pg_b2) import $S_DATA/payments.csv -q"
# The floor: psql storing the very rows that import stored (\copy, one transaction, triggers on:
# they add the balance rows, keep the caches and check every allocation as for payctl).
B2_TABLES="payments activities allocations idempotency_keys"
for t in $B2_TABLES; do
    $PSQL -d pg_b2 -c "\\copy (SELECT * FROM $t ORDER BY 1) TO '$RUN/pg-b2-$t.tsv'"
done
base_audit=$($PSQL -d pg_small_base -c "SELECT coalesce(max(id), 0) FROM audit_events")
$PSQL -d pg_b2 -c "\\copy (SELECT id, at, os_user, command, action, entity, entity_id, customer_id, payment_id, detail FROM audit_events WHERE id > $base_audit ORDER BY id) TO '$RUN/pg-b2-audit_events.tsv'"
{
    echo "BEGIN;"
    for t in $B2_TABLES; do echo "\\copy $t FROM '$RUN/pg-b2-$t.tsv'"; done
    echo "\\copy audit_events (id, at, os_user, command, action, entity, entity_id, customer_id, payment_id, detail) FROM '$RUN/pg-b2-audit_events.tsv'"
    echo "COMMIT;"
} >"$RUN/pg-b2-floor.sql"
pgcopy_sql pg_small_base pg_b2_floor >"$RUN/pg-b2-floor-prepare.sh"
hf pg-b2-psql --runs $RUNS_IMPORT --prepare "bash $RUN/pg-b2-floor-prepare.sh" \
    "$PSQL -d pg_b2_floor -f $RUN/pg-b2-floor.sql"
# Where the floor's time goes: the same copy with the server's guards off, as references only
# (never how payctl writes). "raw": session_replication_role=replica, so neither payctl's
# triggers nor the foreign-key checks run; "keys": payctl's triggers off (ALTER TABLE … DISABLE
# TRIGGER USER, rolled back), the foreign-key checks on. floor − keys is the triggers' cost,
# keys − raw the foreign keys', raw what storing the rows and their indexes costs.
{
    echo "BEGIN;"
    echo "SET LOCAL session_replication_role = replica;"
    sed -e '1d' -e '$d' "$RUN/pg-b2-floor.sql"
    echo "COMMIT;"
} >"$RUN/pg-b2-raw.sql"
{
    echo "BEGIN;"
    for t in $B2_TABLES audit_events; do echo "ALTER TABLE $t DISABLE TRIGGER USER;"; done
    sed -e '1d' -e '$d' "$RUN/pg-b2-floor.sql"
    echo "ROLLBACK;"
} >"$RUN/pg-b2-keys.sql"
hf pg-b2-psql-raw --runs $RUNS_IMPORT --prepare "bash $RUN/pg-b2-floor-prepare.sh" \
    "$PSQL -d pg_b2_floor -f $RUN/pg-b2-raw.sql"
hf pg-b2-psql-keys --runs $RUNS_IMPORT --prepare "bash $RUN/pg-b2-floor-prepare.sh" \
    "$PSQL -d pg_b2_floor -f $RUN/pg-b2-keys.sql"
# The floor's own database last: its state is compared with payctl's below.
bash "$RUN/pg-b2-floor-prepare.sh"
$PSQL -d pg_b2_floor -f "$RUN/pg-b2-floor.sql"
PG_B2_STATE="SELECT (SELECT count(*) || ' ' || sum(amount) FROM payments), (SELECT count(*) || ' ' || sum(amount) FROM allocations),
    (SELECT count(*) FROM activities), (SELECT count(*) FROM audit_events), (SELECT count(*) FROM idempotency_keys),
    (SELECT sum(allocated) FROM invoice_balances), (SELECT sum(allocated) FROM payment_balances), (SELECT count(*) FROM open_invoices)"
for db in pg_b2 pg_b2_floor; do $PSQL -d $db -c "$PG_B2_STATE"; done >"$RUN/pg-b2.state"
[ "$(sort -u "$RUN/pg-b2.state" | wc -l)" = 1 ] || die "B2 (PostgreSQL): payctl's import and psql's copy of its rows differ: $(tr '\n' ' ' <"$RUN/pg-b2.state")"
# The same money as the SQLite import of the same file (B2_STATE's figures, same order).
$PSQL -d pg_b2 -c "$PG_B2_STATE" | tr '|' ' ' >"$RUN/pg-b2.money"
sqlite3 "$S_FULL" "$B2_STATE" | tr '|' ' ' >"$RUN/sqlite-b2.money"
PG_SAME=" Its $(thousands $S_N)-payment import holds the same payments, allocations, activities, audit events, keys, balances and open set as SQLite's."
cmp -s "$RUN/pg-b2.money" "$RUN/sqlite-b2.money" \
    || PG_SAME=" **The PostgreSQL and SQLite imports of the same file differ**: $(cat "$RUN/pg-b2.money") against $(cat "$RUN/sqlite-b2.money") (payments, allocations, activities, audit events, keys, balances, open invoices)."

# --- B3: reports on the ledger of S_N invoices and payments (the B2 import's) ---------------
hf pg-b3-aging --warmup 1 --runs $RUNS_REPORT "$PAYCTL --db $(pgurl pg_b2) report aging"
hf pg-b3-balances --warmup 1 --runs $RUNS_REPORT "$PAYCTL --db $(pgurl pg_b2) report balances"

# --- B1 and B4: one create --allocate on the big ledger, its psql floor, an empty ledger -----
"$PAYCTL" --db "$(pgurl pg_big)" invoice add --customer 1 --id $B1_INVOICE --total 1000000.00 \
    --date 2026-11-01 --due 2026-12-01 -q >/dev/null
pgcopy pg_big pg_b1_floor
pgcopy payctl_template pg_empty
"$PAYCTL" --db "$(pgurl pg_empty)" customer add --id 1 --name "Customer 0000001" -q >/dev/null
"$PAYCTL" --db "$(pgurl pg_empty)" invoice add --customer 1 --id $B1_INVOICE --total 1000000.00 \
    --date 2026-11-01 --due 2026-12-01 -q >/dev/null
# The rows payctl writes for that payment, as in b1.sql; ids from the tables' triggers.
cat >"$RUN/pg-b1.sql" <<SQL
BEGIN;
INSERT INTO payments (customer_id, amount, currency, method, method_id, source, reference, effective_at, gateway_fee, initial_settlement, created_at)
VALUES (1, 100, 'USD', 'Cash', NULL, 'Manual', 'bench', '2026-11-21T10:00:00Z', 0, 'Successful', '2026-11-21T10:00:00Z');
INSERT INTO activities (customer_id, payment_id, refund_id, transaction_type, status, amount, currency, method, method_id, source, message, effective_at, created_at)
VALUES (1, (SELECT max(id) FROM payments), NULL, 'Collect', 'Successful', 100, 'USD', 'Cash', NULL, 'Manual', NULL, '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z');
INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at)
VALUES ((SELECT max(id) FROM payments), $B1_INVOICE, 100, 'allocate', '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z');
INSERT INTO audit_events (at, os_user, command, action, entity, entity_id, customer_id, payment_id, detail)
VALUES ('2026-11-21T10:00:00Z', 'bench', '$PAYCTL $CREATE_ARGS', 'payment.create', 'payment',
        (SELECT max(id) FROM payments), 1, (SELECT max(id) FROM payments),
        '{"amount":1.00,"currency":"USD","paymentMethod":"Cash","paymentMethodId":null,"source":"Manual","reference":"bench","invoiceAllocations":[{"invoiceId":$B1_INVOICE,"amount":1.00}]}');
COMMIT;
SQL
hf pg-b1-payctl-big --warmup $WARMUP --runs $RUNS_CREATE "$PAYCTL --db $(pgurl pg_big) $CREATE_ARGS"
hf pg-b1-psql-big --warmup $WARMUP --runs $RUNS_CREATE "$PSQL -d pg_b1_floor -f $RUN/pg-b1.sql"
hf pg-b4-payctl-empty --warmup $WARMUP --runs $RUNS_CREATE "$PAYCTL --db $(pgurl pg_empty) $CREATE_ARGS"
for db in pg_big pg_b1_floor; do
    $PSQL -d $db -c "SELECT p.customer_id, p.amount, p.method, p.reference, a.invoice_id, a.amount, b.allocated, (SELECT count(*) FROM activities WHERE payment_id = p.id AND transaction_type = 'Collect'), (SELECT count(*) FROM audit_events WHERE payment_id = p.id)
        FROM payments p JOIN allocations a ON a.payment_id = p.id JOIN payment_balances b ON b.payment_id = p.id
        WHERE p.id = (SELECT max(id) FROM payments)"
done >"$RUN/pg-b1.last"
[ "$(sort -u "$RUN/pg-b1.last" | wc -l)" = 1 ] || die "B1 (PostgreSQL): payctl and psql wrote different rows: $(tr '\n' ' ' <"$RUN/pg-b1.last")"

# --- rows of the table ----------------------------------------------------------------------
pb1=$(median pg-b1-payctl-big) pb1f=$(median pg-b1-psql-big) pb4=$(median pg-b4-payctl-empty)
pb2=$(median pg-b2-payctl) pb2f=$(median pg-b2-psql)
r=$(ratio "$pb1" "$pb1f")
row "B1 pg" "PostgreSQL: \`create --allocate\` into $(thousands $B_N) payments vs \`psql\` doing the same inserts in one transaction" \
    "$(secs "$pb1")" "psql $(secs "$pb1f")" "$(r2 "$r")" "≤ 2" "$(yesno le "$r" 2)"
rate=$(awk -v n=$S_N -v t="$pb2" 'BEGIN { printf "%d", n / t }')
row "B2 pg" "PostgreSQL: \`import\` $(thousands $S_N) payments (auto-allocate) vs \`psql\` \\\\copy of the rows it stored, one transaction" \
    "$(secs "$pb2") ($(thousands "$rate")/s)" "psql $(secs "$pb2f") ($(thousands "$(awk -v n=$S_N -v t="$pb2f" 'BEGIN { printf "%d", n / t }')")/s)" \
    "$(r2 "$(ratio "$pb2" "$pb2f")")" "≥ 20,000/s" "$(yesno test "$rate" -ge 20000)"
pb2k=$(median pg-b2-psql-keys) pb2r=$(median pg-b2-psql-raw)
row "B2 pg ref." "PostgreSQL: the same \\copy with payctl's triggers off (foreign keys still checked), and with every trigger and foreign key off" \
    "psql $(secs "$pb2k") ($(thousands "$(awk -v n=$S_N -v t="$pb2k" 'BEGIN { printf "%d", n / t }')")/s)" \
    "psql $(secs "$pb2r") ($(thousands "$(awk -v n=$S_N -v t="$pb2r" 'BEGIN { printf "%d", n / t }')")/s)" \
    "$(r2 "$(ratio "$pb2k" "$pb2r")")" "none: references" "–"
for report in aging balances; do
    p=$(median pg-b3-$report) s=$(median b3-$report-small)
    if [ -n "$s" ]; then
        r=$(ratio "$p" "$s")
        row "B3 pg" "PostgreSQL: \`report $report\` on $(thousands $S_N) invoices and payments vs the same report on SQLite" \
            "$(secs "$p")" "SQLite $(secs "$s")" "$(r2 "$r")" "≤ 2" "$(yesno le "$r" 2)"
    else
        row "B3 pg" "PostgreSQL: \`report $report\` on $(thousands $S_N) invoices and payments vs the same report on SQLite" \
            "$(secs "$p")" "SQLite: no figure" "–" "≤ 2" "no SQLite figure"
    fi
done
r=$(ratio "$pb1" "$pb4")
row "B4 pg" "PostgreSQL: \`create --allocate\`: ledger of $(thousands $B_N) payments vs an empty ledger" \
    "$(secs "$pb1")" "empty $(secs "$pb4")" "$(r2 "$r")" "≤ 1.2" "$(yesno le "$r" 1.2)"
PG_NOTE="PostgreSQL rows (\`pg\`): PostgreSQL $PG_VERSION, a throwaway local server from \`.ci/pg\` in the same run (unix socket, fsync=$PG_FSYNC as the test server has it: commits cost no disk flush). Floors: \`psql\` doing the same inserts in one transaction on an identical database, triggers on. Its ledgers of customers and open invoices are the SQLite ones moved over with \`payctl restore\` ($(thousands $B_N) invoices in $(secs "$PG_BIG_RESTORE_S")). Importing $(thousands $B_N) payments into the big PostgreSQL ledger took $(secs "$PG_BIG_IMPORT_S") ($(thousands "$(awk -v n=$B_N -v t="$PG_BIG_IMPORT_S" 'BEGIN { printf "%d", n / t }')")/s).$PG_SAME"

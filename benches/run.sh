#!/usr/bin/env bash
# payctl's benchmark harness (issue 7): measures payctl against the tools a user would pick
# instead, side by side in one run, and writes benches/RESULTS.md.
#
#   benches/run.sh            full sizes (100,000 and 1,000,000 payments; long: see README)
#   benches/run.sh --quick    small sizes, the same cases and table (well under 2 minutes once built)
#   benches/run.sh --bank     only B6, the bank statement case (10,000 lines; 1,000 with --quick)
#
# Options: --seed N (default 7), --work DIR (default benches/work, or $BENCH_WORK: generated
# data and the big ledgers are cached there by seed and size), --out FILE (default
# benches/RESULTS.md). Public tools only: hyperfine, GNU time, sqlite3, ledger, hledger (and jq
# to read hyperfine's JSON; openssl for T1's certificates); installed with apt-get when missing.
# BENCH_NO_PG=1 leaves out the PostgreSQL cases (benches/pg.sh) and T1, what TLS costs one
# command (benches/tls.sh, which also runs alone); BENCH_NO_TLS=1 leaves out T1 only.
set -euo pipefail

# The whole script is one block that bash reads before running any of it, so that editing this
# file while a (long) run is going cannot change what the run executes.
{

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODE=full
SEED=7
WORK=${BENCH_WORK:-$ROOT/benches/work}
OUT=$ROOT/benches/RESULTS.md
ONLY_BANK=no

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case $1 in
        --quick) MODE=quick ;;
        --bank) ONLY_BANK=yes ;;
        --seed) SEED=$2; shift ;;
        --work) WORK=$2; shift ;;
        --out) OUT=$2; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if [ "$ONLY_BANK" = no ]; then
    command -v ledger >/dev/null || missing+=(ledger)
    command -v hledger >/dev/null || missing+=(hledger)
fi
command -v jq >/dev/null || missing+=(jq)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi

# --- sizes -------------------------------------------------------------------------------
# S: the "100,000" cases; B: the "1,000,000" cases; A: the customer with many open invoices.
if [ "$MODE" = quick ]; then
    S_C=200 S_N=2000 B_C=2000 B_N=20000 A_N=10000
    RUNS_CREATE=10 WARMUP=2 RUNS_IMPORT=2 RUNS_REPORT=3 RUNS_BIG_REPORT=2 RUNS_ALLOC=10 PEER_BUDGET=60
else
    S_C=10000 S_N=100000 B_C=100000 B_N=1000000 A_N=10000
    RUNS_CREATE=30 WARMUP=3 RUNS_IMPORT=3 RUNS_REPORT=5 RUNS_BIG_REPORT=2 RUNS_ALLOC=20 PEER_BUDGET=300
fi

# --- build -------------------------------------------------------------------------------
cd "$ROOT"
log "building payctl and the data generator (release)"
cargo build --release --locked --bin payctl --example generate >&2
TARGET=$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)
PAYCTL=$TARGET/release/payctl
GEN=$TARGET/release/examples/generate
COMMIT=$(git rev-parse --short HEAD)
DIRTY=""
git diff --quiet HEAD -- src Cargo.toml Cargo.lock || DIRTY="-dirty"
# What the payctl binary is built from: commits that touch only benches/ or docs keep it.
PAYCTL_KEY=$(git rev-parse HEAD:src HEAD:Cargo.toml HEAD:Cargo.lock | sha256sum | cut -c1-10)

# Everything payctl does here runs with a pinned clock, so data and reports are reproducible.
export PAYCTL_NOW=2026-11-21T10:00:00Z NO_COLOR=1 USER=bench
unset PAYCTL_DB PAYCTL_OUTPUT PAYCTL_BUSY_TIMEOUT_MS

# Cached files are keyed by what makes them: the generator's output (a tiny set's bytes, so an
# edit that changes no output keeps the cache), the schema, the seed and the sizes.
probe=$(mktemp -d)
"$GEN" --customers 3 --invoices 20 --payments 20 --seed "$SEED" --out "$probe" >/dev/null
GEN_KEY=$(cat "$probe"/* | sha256sum | cut -c1-10)
rm -rf "$probe"
SCHEMA_KEY=$(cat src/ledger/migrations/*.sql | sha256sum | cut -c1-10)
DATA=$WORK/data
LEDGERS=$WORK/ledgers/$GEN_KEY-$SCHEMA_KEY
RUN=$WORK/run-$MODE
mkdir -p "$DATA" "$LEDGERS" "$RUN"
rm -f "$RUN"/*
MEDIANS=$RUN/medians.tsv
: >"$MEDIANS"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# data C I P: the folder of the generated set (generated once).
data() {
    local dir=$DATA/$GEN_KEY-s$SEED-c$1-i$2-p$3
    if [ ! -f "$dir/.done" ]; then
        log "generating $1 customers, $2 invoices, $3 payments (seed $SEED)"
        rm -rf "$dir"
        "$GEN" --customers "$1" --invoices "$2" --payments "$3" --seed "$SEED" --out "$dir" >&2
        touch "$dir/.done"
    fi
    echo "$dir"
}

# checkpointed FILE: fails unless FILE was closed cleanly (no -wal left beside it), so that a
# copy of the file alone is the whole ledger.
checkpointed() { [ ! -s "$1-wal" ] || die "$1 has a non-empty -wal file; was payctl interrupted?"; rm -f "$1-wal" "$1-shm"; }

# base_ledger DATA_DIR C I: a ledger of the set's customers and invoices (built once).
base_ledger() {
    local file=$LEDGERS/s$SEED-c$2-i$3.base.db
    if [ ! -f "$file" ]; then
        log "building $file (import $2 customers, $3 invoices)"
        rm -f "$file.tmp" "$file.tmp-wal" "$file.tmp-shm"
        "$PAYCTL" --db "$file.tmp" import "$1/customers.csv" --kind customers >&2
        "$PAYCTL" --db "$file.tmp" import "$1/invoices.csv" --kind invoices >&2
        checkpointed "$file.tmp"
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}

# hf NAME [hyperfine options...] COMMAND: runs hyperfine on one command, records its median.
hf() {
    local name=$1
    shift
    local json=$RUN/hf-$name.json
    log "hyperfine: $name"
    hyperfine -N --style basic --export-json "$json" --command-name "$name" "$@" >&2 || return 1
    jq -r --arg n "$name" '.results[0] | [$n, .median, .mean, .stddev, .min, .max, (.times | length)] | @tsv' "$json" >>"$MEDIANS"
}
median() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$MEDIANS"; }

# Arithmetic and formatting (awk: bash has no decimals).
# ratio A B: A / B, unrounded (compare this); shown with two decimals by r2.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a / b }'; }
r2() { awk -v r="$1" 'BEGIN { printf "%.2f", r }'; }
secs() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
yesno() { if "$@"; then echo yes; else echo "**no**"; fi; }
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|[,.]\)/\1,\2\3/' -e 'ta'; }
mib() { awk -v k="$1" 'BEGIN { if (k >= 1048576) printf "%.1f GiB", k / 1048576; else printf "%.1f MiB", k / 1024 }'; }

ROWS=()
row() { local line="|" cell; for cell in "$@"; do line+=" $cell |"; done; ROWS+=("$line"); }

# --- B6: a bank statement, imported, matched and applied (issue 20 item 5) -----------------
# K_N credit lines against K_N open invoices of K_C customers; each line pays one invoice in
# full and names it in its remittance the way payers write it ("inv 00000042", no prefix
# separator), plus 1% of lines with no remittance at all (matched by amount, or left). Timed
# once each, in order, on a fresh copy of the ledger of open invoices: `bank import` of the
# statement (CSV; the real command, never a load with sqlite3), `bank match`, `bank apply --suggested`. The reference is `payctl import` of the same K_N
# payments (DirectDeposit, the same allocations) into another fresh copy, in the same run. The
# same lines as one camt.053 file are then imported (only) into a third copy.
bank_case() {
    if [ "$MODE" = quick ]; then K_C=100 K_N=1000; else K_C=1000 K_N=10000; fi
    local dir ledger_base work=$RUN/bank
    dir=$(data $K_C $K_N 0)
    ledger_base=$(base_ledger "$dir" $K_C $K_N)
    mkdir -p "$work"
    # The statement (bank CSV) and the same payments as a payctl import file, from invoices.csv
    # (id,invoiceNumber,customerId,currency,invoiceAmount,effectiveTimestamp,dueDate).
    awk -F, -v out="$work" 'NR == 1 {
            print "bookingDate,amount,currency,payer,account,remittance,entryRef" > (out "/statement.csv")
            print "customerId,amount,paymentMethod,reference,effectiveTimestamp,allocations,idempotencyKey" > (out "/payments.csv")
            next
        }
        {
            n = NR - 1; day = sprintf("2026-11-%02d", 1 + n % 20)
            split($2, parts, "-")
            remit = (n % 100 == 0) ? "" : "Payment inv " parts[2] " thank you"
            printf "%s,%s,USD,Customer %s,ACCT%06d,%s,E%08d\n", day, $5, $3, $3, remit, n > (out "/statement.csv")
            printf "%s,%s,DirectDeposit,E%08d,%s,%s=%s,bank:E%08d\n", $3, $5, n, day, $1, $5, n > (out "/payments.csv")
        }' "$dir/invoices.csv"
    cp "$ledger_base" "$work/plain.db"
    cp "$ledger_base" "$work/bank.db"
    sync "$work/plain.db" "$work/bank.db"
    now() { date +%s.%N; }
    local t0 t1 t2 t3 t4 import_note="\`bank import\` (CSV)"
    t0=$(now)
    "$PAYCTL" --db "$work/plain.db" import "$work/payments.csv" >/dev/null
    t1=$(now)
    "$PAYCTL" bank import --help >/dev/null 2>&1 || die "this payctl has no \`bank import\`: B6 times the real import"
    "$PAYCTL" --db "$work/bank.db" bank import "$work/statement.csv" --format csv \
        --map "date=bookingDate,amount=amount,currency=currency,payer=payer,account=account,reference=remittance,id=entryRef" >/dev/null
    t2=$(now)
    "$PAYCTL" --db "$work/bank.db" bank match -q >/dev/null
    t3=$(now)
    "$PAYCTL" --db "$work/bank.db" bank apply --suggested -q >/dev/null
    t4=$(now)
    # The same lines as one camt.053.001.08 statement, imported (only) into another fresh copy:
    # the XML reader's cost beside the CSV's.
    awk -F, 'NR == 1 {
            print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            print "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt>"
            print "<Id>BENCH-CAMT</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>USD</Ccy></Acct>"
            next
        }
        {
            printf "<Ntry><Amt Ccy=\"USD\">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>", $2
            printf "<BookgDt><Dt>%s</Dt></BookgDt><AcctSvcrRef>%s</AcctSvcrRef><NtryDtls><TxDtls>", $1, $7
            printf "<RltdPties><Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr><DbtrAcct><Id><Othr><Id>%s</Id></Othr></Id></DbtrAcct></RltdPties>", $4, $5
            if ($6 != "") printf "<RmtInf><Ustrd>%s</Ustrd></RmtInf>", $6
            print "</TxDtls></NtryDtls></Ntry>"
        }
        END { print "</Stmt></BkToCstmrStmt></Document>" }' "$work/statement.csv" >"$work/statement.xml"
    cp "$ledger_base" "$work/camt.db"
    sync "$work/camt.db"
    local t5 t6
    t5=$(now)
    "$PAYCTL" --db "$work/camt.db" bank import "$work/statement.xml" >/dev/null
    t6=$(now)
    local plain imp mat app total applied suggested camt
    camt=$(awk -v a="$t5" -v b="$t6" 'BEGIN { printf "%.6f", b - a }')
    plain=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
    imp=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.6f", b - a }')
    mat=$(awk -v a="$t2" -v b="$t3" 'BEGIN { printf "%.6f", b - a }')
    app=$(awk -v a="$t3" -v b="$t4" 'BEGIN { printf "%.6f", b - a }')
    total=$(awk -v a="$t1" -v b="$t4" 'BEGIN { printf "%.6f", b - a }')
    applied=$(sqlite3 "$work/bank.db" "SELECT count(*) FROM bank_line_events WHERE kind = 'applied'")
    suggested=$(sqlite3 "$work/bank.db" "SELECT count(*) FROM bank_proposals WHERE reason NOT IN ('ambiguous', 'none')")
    "$PAYCTL" --db "$work/bank.db" verify >/dev/null || die "verify failed on the bank ledger"
    printf 'b6-plain-import\t%s\t%s\t0\t%s\t%s\t1\n' "$plain" "$plain" "$plain" "$plain" >>"$MEDIANS"
    printf 'b6-bank-import\t%s\t%s\t0\t%s\t%s\t1\n' "$imp" "$imp" "$imp" "$imp" >>"$MEDIANS"
    printf 'b6-bank-import-camt053\t%s\t%s\t0\t%s\t%s\t1\n' "$camt" "$camt" "$camt" "$camt" >>"$MEDIANS"
    printf 'b6-bank-match\t%s\t%s\t0\t%s\t%s\t1\n' "$mat" "$mat" "$mat" "$mat" >>"$MEDIANS"
    printf 'b6-bank-apply-suggested\t%s\t%s\t0\t%s\t%s\t1\n' "$app" "$app" "$app" "$app" >>"$MEDIANS"
    BANK_LINE="B6: $(thousands $K_N)-line statement against $(thousands $K_N) open invoices of $(thousands $K_C) customers: $import_note $(secs "$imp"), \`bank match\` $(secs "$mat") ($suggested suggested), \`bank apply --suggested\` $(secs "$app") ($applied applied); together $(secs "$total"), $(r2 "$(ratio "$total" "$plain")")× \`payctl import\` of the same $(thousands $K_N) payments ($(secs "$plain")) in this run; the same lines as one camt.053 file: \`bank import\` $(secs "$camt")."
    row B6 "bank statement: import + match + apply --suggested, $(thousands $K_N) lines vs \`import\` of the same payments" \
        "$(secs "$total")" "$(secs "$plain")" "$(r2 "$(ratio "$total" "$plain")")" "seconds" "$(yesno le "$total" 60)"
    rm -rf "$work"
}

if [ "$ONLY_BANK" = yes ]; then
    bank_case
    echo "$BANK_LINE"
    exit 0
fi

S_DATA=$(data $S_C $S_N $S_N)
B_DATA=$(data $B_C $B_N $B_N)
A_DATA=$(data 1 $A_N 0)
S_BASE=$(base_ledger "$S_DATA" $S_C $S_N)
B_BASE=$(base_ledger "$B_DATA" $B_C $B_N)
A_BASE=$(base_ledger "$A_DATA" 1 $A_N)

# --- B5 (and the full ledgers): peak RSS of importing the payments -------------------------
# The ledgers of customers, invoices and payments are made by this very import, measured
# with /usr/bin/time -v. A ledger made by a clean payctl of the same sources (src/, Cargo.toml,
# Cargo.lock) is reused with its measurement; any other payctl measures again and replaces it.
# full_ledger SIZE_NAME DATA BASE N: sets FULL, RSS_KB, IMPORT_S.
full_ledger() {
    local base=$3 file=${3%.base.db}-p$4.full.db
    local stamp=$file.time-$PAYCTL_KEY
    if [ -n "$DIRTY" ] || [ ! -f "$file" ] || [ ! -f "$stamp" ]; then
        log "importing $4 payments into a copy of $(basename "$base") (timed, /usr/bin/time -v)"
        rm -f "$file.tmp" "$file.tmp-wal" "$file.tmp-shm" "$file".time-*
        cp "$base" "$file.tmp"
        /usr/bin/time -v -o "$file.tmp.time" "$PAYCTL" --db "$file.tmp" import "$2/payments.csv" >&2
        checkpointed "$file.tmp"
        mv "$file.tmp" "$file"
        mv "$file.tmp.time" "$file.time-$PAYCTL_KEY$DIRTY"
        stamp=$file.time-$PAYCTL_KEY$DIRTY
    else
        log "reusing $(basename "$file") and its import measurement (same payctl sources)"
    fi
    FULL=$file
    STAMP_DATE=$(date -u -r "$stamp" +%Y-%m-%dT%H:%M:%SZ)
    RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$stamp")
    IMPORT_S=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$stamp")
}
full_ledger small "$S_DATA" "$S_BASE" $S_N
S_FULL=$FULL S_RSS=$RSS_KB S_IMPORT_S=$IMPORT_S S_STAMP_DATE=$STAMP_DATE
full_ledger big "$B_DATA" "$B_BASE" $B_N
B_FULL=$FULL B_RSS=$RSS_KB B_IMPORT_S=$IMPORT_S B_STAMP_DATE=$STAMP_DATE

# --- B2: import N payments with auto-allocation vs sqlite3 .import into a bare table -------
cat >"$RUN/b2-payctl-prepare.sh" <<EOF
rm -f "$RUN/b2.db" "$RUN/b2.db-wal" "$RUN/b2.db-shm"
cp "$S_BASE" "$RUN/b2.db"
sync "$RUN/b2.db"
EOF
cat >"$RUN/b2-sqlite-prepare.sh" <<EOF
rm -f "$RUN/b2-bare.db" "$RUN/b2-bare.db-wal" "$RUN/b2-bare.db-shm"
sqlite3 "$RUN/b2-bare.db" "PRAGMA journal_mode=WAL" "CREATE TABLE payments_import (customer_id INTEGER, amount INTEGER, method TEXT, reference TEXT, effective_at TEXT, auto_allocate INTEGER)" >/dev/null
EOF
hf b2-payctl --runs $RUNS_IMPORT --prepare "bash $RUN/b2-payctl-prepare.sh" \
    "$PAYCTL --db $RUN/b2.db import $S_DATA/payments.csv"
hf b2-sqlite3 --runs $((RUNS_IMPORT + 2)) --prepare "bash $RUN/b2-sqlite-prepare.sh" \
    "sqlite3 $RUN/b2-bare.db 'PRAGMA synchronous=FULL' 'PRAGMA foreign_keys=ON' '.import --csv $S_DATA/payments_plain.csv payments_import'"
# A reference, not a target: the sqlite3 shell storing the very rows payctl's import stored
# (copied set-wise from the ledger the B5 import made, so no parsing, planning or checking),
# into the same ledger of customers and open invoices, with the import's pragmas (WAL,
# synchronous=FULL, foreign keys on, 64 MiB page cache) and its triggers off as the import
# has them: payments, their balance rows, Collect activities, allocations, audit events and
# idempotency keys, the invoices' balances brought up to date and the paid ones out of the
# open set. What payctl takes beyond this is its own work.
cat >"$RUN/b2-rows.sql" <<EOF
.dbconfig enable_trigger off
PRAGMA synchronous=FULL;
PRAGMA foreign_keys=ON;
PRAGMA cache_size=-65536;
ATTACH '$S_FULL' AS src;
BEGIN IMMEDIATE;
INSERT INTO payments SELECT * FROM src.payments;
INSERT INTO payment_balances SELECT * FROM src.payment_balances;
INSERT INTO activities SELECT * FROM src.activities;
INSERT INTO allocations SELECT * FROM src.allocations;
INSERT INTO audit_events SELECT * FROM src.audit_events WHERE id > (SELECT max(id) FROM main.audit_events);
INSERT INTO idempotency_keys SELECT * FROM src.idempotency_keys;
UPDATE invoice_balances SET allocated = s.allocated FROM src.invoice_balances s
    WHERE s.invoice_id = invoice_balances.invoice_id AND s.allocated <> invoice_balances.allocated;
DELETE FROM open_invoices WHERE invoice_id NOT IN (SELECT invoice_id FROM src.open_invoices);
COMMIT;
EOF
cat >"$RUN/b2-rows-prepare.sh" <<EOF
rm -f "$RUN/b2-rows.db" "$RUN/b2-rows.db-wal" "$RUN/b2-rows.db-shm"
cp "$S_BASE" "$RUN/b2-rows.db"
sync "$RUN/b2-rows.db"
EOF
hf b2-sqlite3-rows --runs $RUNS_IMPORT --prepare "bash $RUN/b2-rows-prepare.sh" \
    "sqlite3 $RUN/b2-rows.db '.read $RUN/b2-rows.sql'"
# Both ledgers hold the same money: payments, allocations, balances and the open set.
B2_STATE="SELECT (SELECT count(*) || ' ' || sum(amount) FROM payments), (SELECT count(*) || ' ' || sum(amount) FROM allocations),
    (SELECT count(*) FROM activities), (SELECT count(*) FROM audit_events), (SELECT count(*) FROM idempotency_keys),
    (SELECT sum(allocated) FROM invoice_balances), (SELECT sum(allocated) FROM payment_balances), (SELECT count(*) FROM open_invoices)"
for db in "$RUN/b2.db" "$RUN/b2-rows.db"; do sqlite3 "$db" "$B2_STATE"; done >"$RUN/b2.state"
[ "$(sort -u "$RUN/b2.state" | wc -l)" = 1 ] || die "B2: payctl's import and sqlite3's copy of its rows differ: $(tr '\n' ' ' <"$RUN/b2.state")"
rm -f "$RUN"/b2*.db*

# --- B1 and B4: one create --allocate, big ledger vs sqlite3 vs empty ledger ---------------
# Each command appends one payment per run to its own copy, instead of restoring a fresh copy
# of the big ledger before every run: copying a ledger of this size takes longer than the
# thing measured and leaves gigabytes of dirty page cache that the measured fsyncs would pay
# for. N runs add N payments to 1,000,000 (0.005%), which changes nothing measurable.
B1_INVOICE=$((B_N + 1))
log "copying the $(thousands $B_N)-payment ledger for B1/B4"
cp "$B_FULL" "$RUN/b1-src.db"
"$PAYCTL" --db "$RUN/b1-src.db" invoice add --customer 1 --id $B1_INVOICE --total 1000000.00 \
    --date 2026-11-01 --due 2026-12-01 -q >/dev/null
checkpointed "$RUN/b1-src.db"
cp "$RUN/b1-src.db" "$RUN/b1-sqlite.db"
mv "$RUN/b1-src.db" "$RUN/b1-payctl.db"
sync "$RUN/b1-payctl.db" "$RUN/b1-sqlite.db"
"$PAYCTL" --db "$RUN/b1-empty.db" customer add --id 1 --name "Customer 0000001" -q >/dev/null
"$PAYCTL" --db "$RUN/b1-empty.db" invoice add --customer 1 --id $B1_INVOICE --total 1000000.00 \
    --date 2026-11-01 --due 2026-12-01 -q >/dev/null
CREATE_ARGS="create --customer 1 --amount 1.00 --method Cash --allocate $B1_INVOICE=1.00 --reference bench --allow-duplicate -q"
# The rows payctl writes for that payment (src/ledger/payments.rs): the payment, its Collect
# activity, the allocation and the audit event; the schema's triggers add the balance rows
# and checks on both sides.
cat >"$RUN/b1.sql" <<EOF
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
PRAGMA foreign_keys=ON;
PRAGMA busy_timeout=5000;
BEGIN IMMEDIATE;
INSERT INTO payments (customer_id, amount, currency, method, method_id, source, reference, effective_at, gateway_fee, initial_settlement, created_at)
VALUES (1, 100, 'USD', 'Cash', NULL, 'Manual', 'bench', '2026-11-21T10:00:00Z', 0, 'Successful', '2026-11-21T10:00:00Z');
INSERT INTO activities (customer_id, payment_id, refund_id, transaction_type, status, amount, currency, method, method_id, source, message, effective_at, created_at)
VALUES (1, last_insert_rowid(), NULL, 'Collect', 'Successful', 100, 'USD', 'Cash', NULL, 'Manual', NULL, '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z');
INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at)
VALUES ((SELECT max(id) FROM payments), $B1_INVOICE, 100, 'allocate', '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z');
INSERT INTO audit_events (at, os_user, command, action, entity, entity_id, customer_id, payment_id, detail)
VALUES ('2026-11-21T10:00:00Z', 'bench', '$PAYCTL --db $RUN/b1-payctl.db $CREATE_ARGS', 'payment.create', 'payment',
        (SELECT max(id) FROM payments), 1, (SELECT max(id) FROM payments),
        '{"amount":1.00,"currency":"USD","paymentMethod":"Cash","paymentMethodId":null,"source":"Manual","reference":"bench","invoiceAllocations":[{"invoiceId":$B1_INVOICE,"amount":1.00}]}');
COMMIT;
EOF
hf b1-payctl-big --warmup $WARMUP --runs $RUNS_CREATE "$PAYCTL --db $RUN/b1-payctl.db $CREATE_ARGS"
hf b1-sqlite3-big --warmup $WARMUP --runs $RUNS_CREATE "sqlite3 $RUN/b1-sqlite.db '.read $RUN/b1.sql'"
hf b4-payctl-empty --warmup $WARMUP --runs $RUNS_CREATE "$PAYCTL --db $RUN/b1-empty.db $CREATE_ARGS"
# Both sides wrote the same rows: the last payment of each copy is the same.
for db in b1-payctl b1-sqlite; do
    sqlite3 "$RUN/$db.db" "SELECT p.customer_id, p.amount, p.method, p.reference, a.invoice_id, a.amount, b.allocated, (SELECT count(*) FROM activities WHERE payment_id = p.id AND transaction_type = 'Collect'), (SELECT count(*) FROM audit_events WHERE payment_id = p.id)
        FROM payments p JOIN allocations a ON a.payment_id = p.id JOIN payment_balances b ON b.payment_id = p.id
        WHERE p.id = (SELECT max(id) FROM payments)" >"$RUN/$db.last"
done
cmp -s "$RUN/b1-payctl.last" "$RUN/b1-sqlite.last" || die "B1: payctl and sqlite3 wrote different rows: $(cat "$RUN/b1-payctl.last") vs $(cat "$RUN/b1-sqlite.last")"
rm -f "$RUN"/b1-*.db "$RUN"/b1-*.db-wal "$RUN"/b1-*.db-shm

# --- B4: auto-allocation for a customer with A_N open invoices ------------------------------
# One payment that pays the oldest open invoice (appending to one copy: each run takes at
# most one of the 10,000 invoices), and one that pays every invoice (a fresh copy each run).
A_TOTAL=$(awk -F, 'NR == 2 { print $5 }' "$A_DATA/totals.csv")
cp "$A_BASE" "$RUN/b4-one.db"
sync "$RUN/b4-one.db"
hf b4-auto-one --warmup $WARMUP --runs $RUNS_ALLOC \
    "$PAYCTL --db $RUN/b4-one.db create --customer 1 --amount 10.00 --method Cash --auto-allocate -q"
cat >"$RUN/b4-all-prepare.sh" <<EOF
rm -f "$RUN/b4-all.db" "$RUN/b4-all.db-wal" "$RUN/b4-all.db-shm"
cp "$A_BASE" "$RUN/b4-all.db"
sync "$RUN/b4-all.db"
EOF
hf b4-auto-all --runs $RUNS_ALLOC --prepare "bash $RUN/b4-all-prepare.sh" \
    "$PAYCTL --db $RUN/b4-all.db create --customer 1 --amount $A_TOTAL --method Cash --auto-allocate -q"
A_ALLOCATED=$(sqlite3 "$RUN/b4-all.db" "SELECT count(*) FROM allocations")
[ "$A_ALLOCATED" = "$A_N" ] || die "B4: the payment of $A_TOTAL made $A_ALLOCATED allocations, not $A_N"
rm -f "$RUN"/b4-*.db*

# --- B3: reports vs ledger bal and hledger bal ---------------------------------------------
if "$PAYCTL" report --help >/dev/null 2>&1; then
    HAVE_REPORT=1
else
    HAVE_REPORT=""
    log "B3: 'payctl report --help' fails: report command missing; measuring the peers only"
fi
# Peak memory of the peers on the 100,000 set, one run each, to tell whether the 1,000,000 set
# (ten times the transactions) fits in this machine's memory before trying it.
declare -A PEER_RSS
for peer in ledger hledger; do
    /usr/bin/time -f %M -o "$RUN/$peer.rss" $peer -f "$S_DATA/ledger.journal" bal >/dev/null
    PEER_RSS[$peer]=$(tail -1 "$RUN/$peer.rss")
done
MEM_AVAILABLE_KB=$(awk '/^MemAvailable/ { print $2 }' /proc/meminfo)
declare -A PEER_SKIPPED
for size in small big; do
    if [ $size = small ]; then
        full=$S_FULL dir=$S_DATA runs=$RUNS_REPORT warm=1
    else
        full=$B_FULL dir=$B_DATA runs=$RUNS_BIG_REPORT warm=0
    fi
    if [ -n "$HAVE_REPORT" ]; then
        hf b3-aging-$size --warmup 1 --runs "$runs" "$PAYCTL --db $full report aging" || log "B3: payctl report aging failed"
        hf b3-balances-$size --warmup 1 --runs "$runs" "$PAYCTL --db $full report balances" || log "B3: payctl report balances failed"
    fi
    for peer in ledger hledger; do
        need=$((PEER_RSS[$peer] * B_N / S_N))
        if [ $size = big ] && [ $((need * 10)) -gt $((MEM_AVAILABLE_KB * 7)) ]; then
            PEER_SKIPPED[$peer]="not run: needs about $(mib $need) by its $(thousands $S_N) figure, $(mib $MEM_AVAILABLE_KB) available"
            log "B3: $peer at $B_N ${PEER_SKIPPED[$peer]}"
            continue
        fi
        # A first run under a time limit: ledger's bal grows faster than linearly with the number
        # of accounts (one per customer), so the big set may not finish in any useful time.
        if [ $size = big ]; then
            rc=0
            timeout "$PEER_BUDGET" $peer -f "$dir/ledger.journal" bal >/dev/null || rc=$?
            if [ $rc = 124 ]; then
                PEER_SKIPPED[$peer]="not run: one run did not finish in $PEER_BUDGET s"
                log "B3: $peer at $B_N ${PEER_SKIPPED[$peer]}"
                continue
            fi
        fi
        hf b3-$peer-$size --warmup $warm --runs "$runs" "$peer -f $dir/ledger.journal bal" || log "B3: $peer failed"
    done
done

# --- B7: find on the big ledger vs sqlite3 scanning the payments it scans ---------------------
# `payctl find TEXT` scans customers (name, email), invoices (number prefix, amounts) and
# payments (reference substring, amount): plain scans, no index can serve a substring. The
# reference is sqlite3 running the largest of those scans alone, on the same file: what payctl
# takes beyond it is its other two scans, opening the ledger and printing.
B7_TEXT=PAY-$(printf %08d $((B_N / 2)))
hf b7-find-payctl --warmup 1 --runs $RUNS_REPORT "$PAYCTL --db $B_FULL find $B7_TEXT -o json"
hf b7-find-sqlite3 --warmup 1 --runs $RUNS_REPORT \
    "sqlite3 $B_FULL \"SELECT id, customer_id, reference, amount FROM payments WHERE lower(coalesce(reference, '')) LIKE '%$(echo "$B7_TEXT" | tr 'A-Z' 'a-z')%' OR amount IN (-1, -1, -1, -1, -1)\""
hf b7-find-amount --warmup 1 --runs $RUNS_REPORT "$PAYCTL --db $B_FULL find 123.45 -o json"
B7_HITS=$("$PAYCTL" --db "$B_FULL" find "$B7_TEXT" -o json | jq length)
[ "$B7_HITS" = 1 ] || die "B7: find $B7_TEXT found $B7_HITS records, not the one payment"

# --- PostgreSQL: the same cases on a throwaway server (benches/pg.sh) ---------------------------
PG_NOTE=""
[ -n "${BENCH_NO_PG:-}" ] || source "$ROOT/benches/pg.sh"

# --- T1: what TLS costs one command (benches/tls.sh: its own server on 127.0.0.1, ssl=on) -----
TLS_NOTE=""
[ -n "${BENCH_NO_PG:-}" ] || [ -n "${BENCH_NO_TLS:-}" ] || source "$ROOT/benches/tls.sh"

# --- RESULTS.md ------------------------------------------------------------------------------
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)

b1p=$(median b1-payctl-big) b1s=$(median b1-sqlite3-big) b4e=$(median b4-payctl-empty)
b2p=$(median b2-payctl) b2s=$(median b2-sqlite3)
b1r=$(ratio "$b1p" "$b1s")
row B1 "\`create --allocate\` into $(thousands $B_N) payments vs \`sqlite3\` doing the same inserts" \
    "$(secs "$b1p")" "sqlite3 $(secs "$b1s")" "$(r2 "$b1r")" "≤ 1.5" "$(yesno le "$b1r" 1.5)"
b2rate=$(awk -v n=$S_N -v t="$b2p" 'BEGIN { printf "%d", n / t }')
b2r=$(ratio "$b2p" "$b2s")
b2ok=no
le "$b2r" 3 && [ "$b2rate" -ge 100000 ] && b2ok=yes
row B2 "\`import\` $(thousands $S_N) payments (auto-allocate) against $(thousands $S_N) open invoices vs \`sqlite3 .import\`" \
    "$(secs "$b2p") ($(thousands "$b2rate")/s)" "sqlite3 $(secs "$b2s")" "$(r2 "$b2r")" "≥ 100,000/s and ≤ 3" \
    "$([ $b2ok = yes ] && echo yes || echo "**no**")"
b2rows=$(median b2-sqlite3-rows)
row "B2 ref." "the same import vs \`sqlite3\` storing the rows it stored (set-wise; no parsing, planning or checks)" \
    "$(secs "$b2p")" "sqlite3 $(secs "$b2rows") ($(thousands "$(awk -v n=$S_N -v t="$b2rows" 'BEGIN { printf "%d", n / t }')")/s)" \
    "$(r2 "$(ratio "$b2p" "$b2rows")")" "none: a reference" "–"
# peer_text NAME SIZE: "1.23 s", or why it has no figure.
peer_text() {
    local m
    m=$(median b3-$1-$2)
    if [ -n "$m" ]; then secs "$m"; elif [ $2 = big ] && [ -n "${PEER_SKIPPED[$1]:-}" ]; then echo "${PEER_SKIPPED[$1]}"; else echo "failed"; fi
}
for size in small big; do
    if [ $size = small ]; then n=$S_N; else n=$B_N; fi
    l=$(median b3-ledger-$size) h=$(median b3-hledger-$size)
    best="" peer=""
    [ -n "$l" ] && best=$l peer=ledger
    [ -n "$h" ] && { [ -z "$best" ] || le "$h" "$best"; } && best=$h peer=hledger
    peers="ledger $(peer_text ledger $size); hledger $(peer_text hledger $size)"
    for report in aging balances; do
        what="\`report $report\` on $(thousands "$n") invoices and $(thousands "$n") payments vs the faster of \`ledger bal\`, \`hledger bal\`"
        p=$(median b3-$report-$size)
        if [ -z "$HAVE_REPORT" ]; then
            row B3 "$what" "not run: report command missing" "$peers" "–" "≤ 0.10" "not run"
        elif [ -z "$p" ]; then
            row B3 "$what" "failed" "$peers" "–" "≤ 0.10" "**no**"
        elif [ -z "$best" ]; then
            row B3 "$what" "$(secs "$p")" "$peers" "–" "≤ 0.10" "no peer figure"
        else
            r=$(ratio "$p" "$best")
            row B3 "$what" "$(secs "$p")" "$peers" "$(r2 "$r") (vs $peer)" "≤ 0.10" "$(yesno le "$r" 0.10)"
        fi
    done
done
b4r=$(ratio "$b1p" "$b4e")
row B4 "\`create --allocate\`: ledger of $(thousands $B_N) payments vs an empty ledger" \
    "$(secs "$b1p")" "empty $(secs "$b4e")" "$(r2 "$b4r")" "≤ 1.2" "$(yesno le "$b4r" 1.2)"
a1=$(median b4-auto-one) aa=$(median b4-auto-all)
row B4 "\`create --auto-allocate\`, customer with $(thousands $A_N) open invoices, pays the oldest" \
    "$(secs "$a1")" "empty ledger $(secs "$b4e")" "$(r2 "$(ratio "$a1" "$b4e")")" "< 1 s (milliseconds)" "$(yesno le "$a1" 0.999)"
row B4 "\`create --auto-allocate\`, customer with $(thousands $A_N) open invoices, pays all of them" \
    "$(secs "$aa")" "–" "–" "< 1 s (milliseconds)" "$(yesno le "$aa" 0.999)"
b7p=$(median b7-find-payctl) b7s=$(median b7-find-sqlite3) b7a=$(median b7-find-amount)
row B7 "\`find\` a payment reference among $(thousands $B_N) payments vs \`sqlite3\` scanning the payments alone" \
    "$(secs "$b7p")" "sqlite3 $(secs "$b7s")" "$(r2 "$(ratio "$b7p" "$b7s")")" "< 1 s" "$(yesno le "$b7p" 0.999)"
row B7 "\`find\` an amount (123.45) among $(thousands $B_N) payments and invoices" \
    "$(secs "$b7a")" "sqlite3 $(secs "$b7s")" "$(r2 "$(ratio "$b7a" "$b7s")")" "< 1 s" "$(yesno le "$b7a" 0.999)"
b5r=$(ratio "$B_RSS" "$S_RSS")
b5ok=no
le "$b5r" 1.2 && [ $((B_RSS * 1024)) -lt 100000000 ] && b5ok=yes
row B5 "peak RSS of \`import\` $(thousands $B_N) payments vs $(thousands $S_N)" \
    "$(mib "$B_RSS")" "$(mib "$S_RSS")" "$(r2 "$b5r")" "≤ 1.2 and < 100 MB" \
    "$([ $b5ok = yes ] && echo yes || echo "**no**")"
bank_case

{
    echo "# payctl benchmark results"
    echo
    echo "Written by \`benches/run.sh$([ "$MODE" = quick ] && echo " --quick")\`; do not edit by hand (the profile notes at the end come from benches/PROFILE.md)."
    echo
    if [ "$MODE" = quick ]; then
        echo "**Quick mode**: the sizes are small ($(thousands $S_N) and $(thousands $B_N) instead of 100,000 and 1,000,000), so start-up"
        echo "dominates and the verdicts below are indicative only. Run \`benches/run.sh\` for the real figures."
        echo
    fi
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "- payctl: commit $COMMIT$DIRTY (release build)"
    echo "- machine: $cpu, $(nproc) cores, $ram RAM, Linux $(uname -r); load average $LOAD_START at the start, $LOAD_END at the end"
    echo "- tools: $(hyperfine --version), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(ledger --version | head -1 | sed 's/,.*//'), $(hledger --version | cut -d, -f1)"
    echo "- data: seed $SEED; $(thousands $S_C) customers with $(thousands $S_N) invoices and $(thousands $S_N) payments; $(thousands $B_C) customers with $(thousands $B_N) invoices and $(thousands $B_N) payments; 1 customer with $(thousands $A_N) invoices (\`benches/generate.rs\`)"
    echo
    echo "| case | what | payctl (median) | peer (median) | ratio | target | met |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Ratios are payctl / peer, each median from hyperfine in this run (B5: peak RSS from \`/usr/bin/time -v\`)."
    [ -z "$PG_NOTE" ] || echo "$PG_NOTE"
    [ -z "$TLS_NOTE" ] || echo "$TLS_NOTE"
    echo "$BANK_LINE"
    echo "Importing $(thousands $B_N) payments took $(secs "$B_IMPORT_S") ($(thousands "$(awk -v n=$B_N -v t="$B_IMPORT_S" 'BEGIN { printf "%d", n / t }')")/s); $(thousands $S_N) took $(secs "$S_IMPORT_S") (these imports measured at $B_STAMP_DATE and $S_STAMP_DATE)."
    echo
    echo "## How each case is measured"
    echo
    echo "- **B1**: a copy of the $(thousands $B_N)-payment ledger (plus one open invoice) for each side. payctl runs"
    echo "  \`payctl $CREATE_ARGS\`; sqlite3 runs, on its own copy, the same rows payctl writes (payment,"
    echo "  Collect activity, allocation, audit event; the schema's triggers add the balance rows) in one"
    echo "  \`BEGIN IMMEDIATE\` transaction with payctl's pragmas (WAL, synchronous=FULL, foreign_keys=ON); the"
    echo "  script checks that both copies end with the same last payment. Each run appends one payment to"
    echo "  its copy rather than restoring a fresh copy: a copy of a ledger this size costs more than the"
    echo "  command and leaves its pages dirty in the page cache for the measured fsyncs to pay; the"
    echo "  $((WARMUP + RUNS_CREATE)) runs add $(awk -v r=$((WARMUP + RUNS_CREATE)) -v n=$B_N 'BEGIN { printf "%.4f", 100 * r / n }')% to the payments. They are the same payment each time, which payctl"
    echo "  refuses as a likely duplicate unless told \`--allow-duplicate\` (its only effect: the one indexed"
    echo "  read for a live payment of the same amount and reference is skipped)."
    echo "- **B2**: each run restores a fresh copy of the ledger of customers and open invoices (hyperfine"
    echo "  \`--prepare\`, not timed) and imports \`payments.csv\` (every row \`autoAllocate=true\`); sqlite3 imports"
    echo "  the same rows (\`payments_plain.csv\`, cents) with \`.import --csv\` into a new table without"
    echo "  constraints, WAL and synchronous=FULL."
    echo "- **B2 ref.**: not a target. The \`sqlite3\` shell stores the rows that payctl's import stored (payments,"
    echo "  balance rows, Collect activities, allocations, audit events, idempotency keys; invoice balances"
    echo "  brought up to date and paid invoices out of the open set), copied \`INSERT … SELECT\` from the ledger"
    echo "  the B5 import made into a fresh copy of the same ledger of open invoices, with the import's pragmas"
    echo "  (WAL, synchronous=FULL, foreign keys on, 64 MiB cache) and its triggers off. The script checks that"
    echo "  both ledgers end with the same payments, allocations, balances and open set. It is what SQLite"
    echo "  itself needs to store what an import must record, before payctl parses, plans or checks anything."
    echo "- **B3**: \`payctl report aging|balances\` on the ledger of invoices and payments, against \`ledger -f J bal\`"
    echo "  and \`hledger -f J bal\` on the same data as a journal (one account per customer). Output to /dev/null."
    echo "  On the big set a peer is not run when its 100,000 figure's memory times ten would not fit in 70% of"
    echo "  the available memory, or when one first run does not finish in $PEER_BUDGET s (\`ledger bal\` grows faster"
    echo "  than linearly with the number of accounts: 40,000 transactions took 0.4 s of CPU over 2,000"
    echo "  accounts and 9.7 s over 10,000)."
    echo "- **B4**: the B1 command on a ledger of one customer and one invoice, against the B1 figure. The"
    echo "  auto-allocation cases use a ledger of one customer with $(thousands $A_N) open invoices: paying the"
    echo "  oldest (10.00; each run appends to one copy), and paying all of them ($A_TOTAL USD, $(thousands $A_N)"
    echo "  allocation rows, a fresh copy each run). \"Milliseconds\" is read as under one second."
    echo "- **B5**: \`/usr/bin/time -v\` \"Maximum resident set size\" of \`payctl import payments.csv\` into the ledger"
    echo "  of customers and invoices; that import also makes the ledger B1, B3 and B4 use. A ledger made by"
    echo "  a clean payctl of the same sources is reused with its measurement (and the date it was taken)."
    echo
    echo "## Every measurement"
    echo
    echo "| command | median | mean ± σ | min | max | runs |"
    echo "|---|---|---|---|---|---|"
    awk -F'\t' '{ printf "| %s | %.4f s | %.4f ± %.4f s | %.4f s | %.4f s | %d |\n", $1, $2, $3, $4, $5, $6, $7 }' "$MEDIANS"
    echo "| b5-import-$S_N (time -v) | $S_IMPORT_S s | | | | 1 (peak RSS $S_RSS KiB) |"
    echo "| b5-import-$B_N (time -v) | $B_IMPORT_S s | | | | 1 (peak RSS $B_RSS KiB) |"
    echo
    echo "Peak RSS of the peers on the $(thousands $S_N) set (one run, /usr/bin/time): ledger $(mib "${PEER_RSS[ledger]}"), hledger $(mib "${PEER_RSS[hledger]}")."
    if [ -f "$ROOT/benches/PROFILE.md" ]; then
        echo
        cat "$ROOT/benches/PROFILE.md"
    fi
} >"$OUT"
log "wrote $OUT"
cat "$OUT"
exit 0
}

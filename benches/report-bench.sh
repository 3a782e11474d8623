#!/usr/bin/env bash
# Builds a large ledger with payctl import and times the reports on it (README "Reports").
#
#   benches/report-bench.sh [INVOICES] [CUSTOMERS] [PAYMENTS] [WORKDIR]
#
# Defaults: 1,000,000 invoices over 10,000 customers (every tenth in EUR), dated over three
# years up to 2026-11-18 and due 30 days later; 300,000 cash payments, each paying one invoice
# in full 5 to 65 days after its date. The ledger is built once per size in WORKDIR (default
# /tmp/payctl-report-bench) and reused; each report runs 5 times, best and worst shown.
set -euo pipefail
n=${1:-1000000}; c=${2:-10000}; p=${3:-300000}
work=${4:-/tmp/payctl-report-bench}
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/release/payctl
mkdir -p "$work"
cd "$work"
export PAYCTL_DB="$work/ledger-$n-$c-$p.db" PAYCTL_NOW=2026-11-21T10:00:00Z NO_COLOR=1
if [ ! -f "$PAYCTL_DB" ]; then
  awk -v c="$c" 'BEGIN {
    print "id,name,email,currency";
    for (i = 1; i <= c; i++) printf "%d,Customer %d,ar%d@example.com,%s\n", i, i, i, (i % 10 == 0 ? "EUR" : "USD");
  }' > customers.csv
  awk -v n="$n" -v c="$c" 'BEGIN {
    print "id,invoiceNumber,customerId,currency,invoiceAmount,effectiveTimestamp,dueDate";
    base = 1700006400; # 2023-11-15
    for (i = 1; i <= n; i++) {
      cust = (i % c) + 1; cur = (cust % 10 == 0 ? "EUR" : "USD");
      d = base + ((i * 7919) % 1100) * 86400; due = d + 30 * 86400;
      cents = 1000 + (i * 104729) % 999000;
      printf "%d,INV-%07d,%d,%s,%d.%02d,%s,%s\n", i, i, cust, cur, int(cents / 100), cents % 100,
        strftime("%Y-%m-%dT00:00:00Z", d, 1), strftime("%Y-%m-%dT00:00:00Z", due, 1);
    }
  }' > invoices.csv
  awk -v p="$p" -v c="$c" 'BEGIN {
    base = 1700006400;
    for (k = 1; k <= p; k++) {
      i = k * 3; cust = (i % c) + 1; cur = (cust % 10 == 0 ? "EUR" : "USD");
      d = base + ((i * 7919) % 1100) * 86400 + (5 + k % 61) * 86400;
      cents = 1000 + (i * 104729) % 999000;
      printf "{\"customerId\":%d,\"amount\":\"%d.%02d\",\"currency\":\"%s\",\"paymentMethod\":\"Check\",\"effectiveTimestamp\":\"%s\",\"paymentAllocations\":[{\"invoiceId\":%d,\"amount\":\"%d.%02d\"}],\"idempotencyKey\":\"bench-%d\"}\n",
        cust, int(cents / 100), cents % 100, cur, strftime("%Y-%m-%dT00:00:00Z", d, 1), i, int(cents / 100), cents % 100, k;
    }
  }' > payments.jsonl
  "$bin" import customers.csv --kind customers
  "$bin" import invoices.csv --kind invoices
  "$bin" import payments.jsonl
  rm -f customers.csv invoices.csv payments.jsonl
fi
time_it() {
  local label=$1; shift
  local runs=()
  for _ in 1 2 3 4 5; do
    runs+=("$( { /usr/bin/time -f '%e s elapsed, %U s user, %S s sys, %M KB' "$bin" "$@" > /dev/null; } 2>&1 | tail -1)")
  done
  printf '%-48s best: %s\n%-48s worst: %s\n' "$label" "$(printf '%s\n' "${runs[@]}" | sort -n | head -1)" "" "$(printf '%s\n' "${runs[@]}" | sort -n | tail -1)"
}
time_it "report aging" report aging
time_it "report aging -o csv" report aging -o csv
time_it "report aging -o json" report aging -o json
time_it "report aging --as-of 2026-06-01" report aging --as-of 2026-06-01
time_it "report aging --as-of 2026-06-01 --by invoice" report aging --as-of 2026-06-01 --by invoice
time_it "report aging --customer 42" report aging --customer 42
time_it "report balances" report balances
time_it "report statement --customer 42" report statement --customer 42

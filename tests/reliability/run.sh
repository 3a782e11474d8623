#!/usr/bin/env bash
# The heavy reliability suite (issue 8): the tests of tests/cli/reliability/ at full size, in
# release mode, one at a time so their timings are their own. CI runs the same tests at
# PAYCTL_STRESS=1 as part of `cargo test`.
#
#   tests/reliability/run.sh              # PAYCTL_STRESS=4: 16 x 100 concurrent creates,
#                                         # 24 imports and 24 create loops killed with -9,
#                                         # 1,000 creates replayed 3 times, ...
#   PAYCTL_STRESS=10 tests/reliability/run.sh
#   PAYCTL_STRESS_SEED=7 tests/reliability/run.sh   # other kill moments
#
# Each test prints what it measured; the summary lines are collected at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PAYCTL_STRESS="${PAYCTL_STRESS:-4}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "== PAYCTL_STRESS=$PAYCTL_STRESS cargo test --release --test cli reliability::"
status=0
cargo test --release --test cli reliability:: -- --nocapture --test-threads 1 2>&1 | tee "$log" || status=$?
echo
echo "== measured"
grep -oE '(concurrency|hot invoice|backup under load|crash during [a-z]+|retries|full disk \([^)]*\)|card numbers|sql injection|formula injection): [^{]*|^test result.*' "$log" | grep -v 'PAYCTL_STRESS_SEED' || true
exit "$status"

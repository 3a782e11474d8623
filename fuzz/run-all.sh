#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds (default 120), one after another, each from the
# seed files (fuzz/seeds and tests/corpus/files) plus its own growing corpus in
# fuzz/corpus/TARGET. A crash stops with the input saved under fuzz/artifacts/TARGET/.
# Needs a nightly toolchain and cargo-fuzz (cargo install cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-120}"
targets=(amount allocation_spec import_csv import_json import_jsonl import_xml invoice_method_insert bank_camt053 bank_mt940 bank_bankcsv)
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    echo "== $t: ${seconds}s"
    cargo +nightly fuzz run "$t" "corpus/$t" seeds ../tests/corpus/files -- \
        -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 2>&1 |
        grep -E '^(stat::|Done|==|SUMMARY|.*panicked|.*ERROR)' || true
    if [ -n "$(ls -A "artifacts/$t" 2>/dev/null)" ]; then
        echo "!! $t found a crash: fuzz/artifacts/$t/"
        exit 1
    fi
done

//! The `--allocate INV=AMOUNT` / `--from-invoice` spec parser.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/cli/parser_checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::allocation_spec(data));

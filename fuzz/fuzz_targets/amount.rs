//! The amount parser (plain decimals, exact, per currency), as text and as JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/cli/parser_checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::amount(data));

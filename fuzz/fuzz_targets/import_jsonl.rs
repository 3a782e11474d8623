//! `payctl import` of a JSON Lines file.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/cli/parser_checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::import(data, payctl::formats::ImportFormat::Jsonl));

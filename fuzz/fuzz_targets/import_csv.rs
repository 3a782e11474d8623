//! `payctl import` of a CSV file, as payments, invoices and customers.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/cli/parser_checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::import(data, payctl::formats::ImportFormat::Csv));

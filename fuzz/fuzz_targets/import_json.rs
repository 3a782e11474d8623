//! `payctl import` of a JSON file (one object or an array): Create Payment payloads, InvoiceMethodInsert bodies, invoices, customers.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/cli/parser_checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::import(data, payctl::formats::ImportFormat::Json));

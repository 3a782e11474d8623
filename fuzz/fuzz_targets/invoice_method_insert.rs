//! InvoiceMethodInsert bodies whose field values come from the input, through the mapping and the JSON and XML readers.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/cli/parser_checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::invoice_method_insert(data));

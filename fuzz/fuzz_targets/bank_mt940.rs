//! `payctl bank import`'s mt940 reader: any bytes give statements or a read error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) { let _ = payctl::formats::mt940::read(text); }
});

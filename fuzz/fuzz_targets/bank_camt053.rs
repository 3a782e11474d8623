//! `payctl bank import`'s camt053 reader: any bytes give statements or a read error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = payctl::formats::camt053::read(std::io::Cursor::new(data));
});

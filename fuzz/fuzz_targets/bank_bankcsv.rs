//! `payctl bank import`'s bankcsv reader: any bytes give statements or a read error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(map) = payctl::formats::bankcsv::CsvMap::parse("date=Date,amount=Amount,reference=Purpose,payer=Name,currency_code=EUR,decimal=comma,thousands=dot,date_format=%d.%m.%Y") { let _ = payctl::formats::bankcsv::read(data, &map); }
});

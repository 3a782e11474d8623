//! JSON: one object or an array of objects, streamed record by record.

use std::io::BufRead;
use std::path::Path;
use std::rc::Rc;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::Value;

use super::capped::{skip_bom, Budget, Capped};
use super::{file_error, Row};
use crate::core::json::{self, KeyCheck, StrictValue};
use crate::error::{Error, Result};

/// Reads every record of a JSON document, in order, handing each to `each`.
pub(super) fn read(
    reader: Box<dyn BufRead>,
    path: &Path,
    each: &mut dyn FnMut(Row) -> Result<()>,
) -> Result<()> {
    let mut reader = reader;
    skip_bom(&mut reader).map_err(|e| file_error(path, e))?;
    let budget = Rc::new(Budget::default());
    let mut de = serde_json::Deserializer::from_reader(Capped::new(reader, budget.clone()));
    let mut index = 0u64;
    let mut failure: Option<Error> = None;
    let result = StreamSeed {
        budget: &budget,
        each: &mut |row: std::result::Result<Value, String>| {
            index += 1;
            if failure.is_none() {
                if let Err(e) = each((index, row)) {
                    failure = Some(e);
                }
            }
        },
    }
    .deserialize(&mut de);
    if let Some(e) = failure {
        return Err(e);
    }
    if budget.tripped() {
        return Err(file_error(
            path,
            format!(
                "record {}, at line {}: {}",
                index + 1,
                budget.line(),
                json::record_too_long()
            ),
        ));
    }
    result.map_err(|e| file_error(path, format!("not valid JSON: {e}")))?;
    de.end()
        .map_err(|e| file_error(path, format!("not valid JSON: {e}")))
}

/// Streams a JSON document that is one object or an array of objects, each read by the one
/// JSON reader (a key given twice makes that record an `Err`) and each at most 1 MiB.
struct StreamSeed<'a> {
    budget: &'a Budget,
    each: &'a mut dyn FnMut(std::result::Result<Value, String>),
}

impl<'de> DeserializeSeed<'de> for StreamSeed<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StreamSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object or an array of objects")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let mut check = KeyCheck::default();
        loop {
            self.budget.start_record();
            let Some(value) = seq.next_element_seed(StrictValue(&mut check))? else {
                return Ok(());
            };
            (self.each)(match check.take() {
                Some(repeated) => Err(repeated.message),
                None => Ok(value),
            });
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> std::result::Result<(), A::Error> {
        let mut check = KeyCheck::default();
        let value = StrictValue(&mut check).visit_map(map)?;
        (self.each)(match check.take() {
            Some(repeated) => Err(repeated.message),
            None => Ok(value),
        });
        Ok(())
    }
}

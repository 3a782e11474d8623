//! XML: Fusebill InvoiceMethodInsert bodies, payments only.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::Path;
use std::rc::Rc;

use serde_json::{Map, Value};

use super::capped::{Budget, Capped};
use super::{file_error, Row};
use crate::core::json;
use crate::error::Result;

/// Notes the field `name` in `seen` (a record's or its detail's names, lower-cased) and says
/// whether it is new. Fields are read in any letter case (`customerid` is CustomerId), so
/// `<CustomerId>1</CustomerId><CUSTOMERID>2</CUSTOMERID>` is one field given twice, as it is
/// in JSON. A set, not a look through the fields: a 1 MiB record holds 60,000 of them.
fn first_time(seen: &mut HashSet<String>, name: &str) -> bool {
    seen.insert(name.to_ascii_lowercase())
}

/// Reads InvoiceMethodInsertRequest elements (alone, or many under any wrapper element).
pub(super) fn read(
    reader: Box<dyn BufRead>,
    path: &Path,
    each: &mut dyn FnMut(Row) -> Result<()>,
) -> Result<()> {
    use quick_xml::events::Event;
    const RECORD: &[u8] = b"InvoiceMethodInsertRequest";
    const DETAIL: &[u8] = b"InvoicePaymentDetailRequest";
    // One InvoiceMethodInsertRequest (or what lies between two) is at most 1 MiB: quick-xml
    // holds an element's whole text, and the record's fields are kept until its end tag.
    let budget = Rc::new(Budget::default());
    let mut xml = quick_xml::Reader::from_reader(Capped::new(reader, budget.clone()));
    xml.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut record: Option<Map<String, Value>> = None;
    let mut detail: Option<Map<String, Value>> = None;
    // The first element a record has twice: Fusebill's body has one of each (one
    // InvoicePaymentDetailRequest too), so a second one is refused rather than let overwrite the
    // first, which would silently drop an allocation or change the customer.
    let mut twice: Option<String> = None;
    // The names the record and its InvoicePaymentDetailRequest have so far, lower-cased.
    let mut record_names: HashSet<String> = HashSet::new();
    let mut detail_names: HashSet<String> = HashSet::new();
    let mut text = String::new();
    let mut index = 0u64;
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|e| {
            if budget.tripped() {
                let number = index + u64::from(record.is_none());
                return file_error(
                    path,
                    format!(
                        "record {number}, at line {}: {}",
                        budget.line(),
                        json::record_too_long()
                    ),
                );
            }
            file_error(
                path,
                format!("not valid XML at byte {}: {e}", xml.error_position()),
            )
        })?;
        match event {
            Event::Start(e) => {
                text.clear();
                match e.local_name().as_ref() {
                    RECORD => {
                        index += 1;
                        budget.start_record();
                        record = Some(Map::new());
                        record_names.clear();
                        twice = None;
                    }
                    DETAIL if record.is_some() => {
                        detail = Some(Map::new());
                        detail_names.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let piece = t
                    .unescape()
                    .map_err(|e| file_error(path, format!("bad XML text: {e}")))?;
                text.push_str(&piece);
            }
            Event::CData(t) => {
                let piece = std::str::from_utf8(&t)
                    .map_err(|e| file_error(path, format!("bad XML text: {e}")))?;
                text.push_str(piece);
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                match e.local_name().as_ref() {
                    RECORD => {
                        budget.start_record();
                        if let Some(r) = record.take() {
                            let row = match twice.take() {
                                Some(field) if field == "InvoicePaymentDetailRequest" => Err(format!(
                                    "{field} is given twice; an InvoiceMethodInsertRequest has one (one allocation): import one body per invoice paid, or use the payments CSV's allocations column"
                                )),
                                Some(field) => Err(format!(
                                    "{field} is given twice; an InvoiceMethodInsertRequest has each field once"
                                )),
                                None => Ok(Value::Object(r)),
                            };
                            each((index, row))?;
                        }
                    }
                    DETAIL => {
                        if let (Some(d), Some(r)) = (detail.take(), record.as_mut()) {
                            if !first_time(&mut record_names, &name) {
                                twice.get_or_insert(name);
                            } else {
                                r.insert(name, Value::Object(d));
                            }
                        }
                    }
                    _ => {
                        let in_detail = detail.is_some();
                        let seen = match in_detail {
                            true => &mut detail_names,
                            false => &mut record_names,
                        };
                        if let Some(map) = detail.as_mut().or(record.as_mut()) {
                            if !first_time(seen, &name) {
                                twice.get_or_insert_with(|| match in_detail {
                                    true => format!("InvoicePaymentDetailRequest.{name}"),
                                    false => name.clone(),
                                });
                            } else {
                                map.insert(name, Value::String(text.trim().to_string()));
                            }
                        }
                    }
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if record.is_some() {
        return Err(file_error(
            path,
            "the XML ends inside an InvoiceMethodInsertRequest (truncated?)",
        ));
    }
    if index == 0 {
        return Err(file_error(
            path,
            "no InvoiceMethodInsertRequest element found",
        ));
    }
    Ok(())
}

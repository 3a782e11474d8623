//! ISO 20022 camt.053 (Bank to Customer Statement), versions 001.02 to 001.08, read as a
//! stream of XML events with quick-xml: only the elements payctl keeps are looked at, by their
//! path below `Stmt` (namespace prefixes ignored).
//!
//! Per entry (`Ntry`): `Amt` (with `Ccy`), `CdtDbtInd`, `Sts` (text in 02–07, `Sts/Cd` in 08;
//! only `BOOK` entries are kept, `PDNG` and `INFO` are counted as not booked), `BookgDt` and
//! `ValDt` (`Dt` or `DtTm`), `AcctSvcrRef`, `NtryRef`, and each `NtryDtls/TxDtls`: `Refs`
//! (`AcctSvcrRef`), `AmtDtls/TxAmt/Amt` or `Amt`, `CdtDbtInd`, `RltdPties` (`Dbtr/Nm`, or
//! `Dbtr/Pty/Nm` in 08; `DbtrAcct/Id/IBAN` or `Othr/Id`) and `RmtInf` (every `Ustrd`, and
//! `Strd/CdtrRefInf/Ref`). An entry with several `TxDtls` (a batch) gives one line per
//! transaction, each with its own amount.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use rust_decimal::Decimal;

use super::bank::{LineCounting, RawBalance, RawEntry, RawStatement, ReadError};

/// The namespaces payctl reads: camt.053.001.02 to camt.053.001.08.
fn supported_namespace(ns: &str) -> bool {
    (2..=8).any(|v| ns == format!("urn:iso:std:iso:20022:tech:xsd:camt.053.001.{v:02}"))
}

#[derive(Default)]
struct Tx {
    line_no: u64,
    amount: Option<(String, Option<String>)>,
    tx_amount: Option<(String, Option<String>)>,
    credit: Option<bool>,
    acct_svcr_ref: Option<String>,
    payer_name: Option<String>,
    payer_account: Option<String>,
    ustrd: Vec<String>,
    strd: Vec<String>,
}

#[derive(Default)]
struct Entry {
    line_no: u64,
    amount: Option<(String, Option<String>)>,
    credit: Option<bool>,
    status: Option<String>,
    booking_date: Option<String>,
    value_date: Option<String>,
    acct_svcr_ref: Option<String>,
    ntry_ref: Option<String>,
    txs: Vec<Tx>,
    /// `NtryDtls/Btch`: the batch's own count of transactions, total and direction, as the
    /// bank wrote them (summed over the entry's `Btch` elements).
    batch_count: Option<String>,
    batch_total: Option<(String, Option<String>)>,
    batch_credit: Option<bool>,
}

#[derive(Default)]
struct Bal {
    code: Option<String>,
    amount: Option<(String, Option<String>)>,
    credit: Option<bool>,
    date: Option<String>,
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => name.into_owned(),
    }
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// A date of `Dt` (`YYYY-MM-DD`) or `DtTm` (ISO date-time): its date part.
fn date_part(text: &str) -> String {
    text.get(..10).unwrap_or(text).to_string()
}

fn indicator(text: &str, line: u64) -> Result<bool, ReadError> {
    match text {
        "CRDT" => Ok(true),
        "DBIT" => Ok(false),
        other => Err(ReadError::new(
            line,
            format!("CdtDbtInd is {other:?}; allowed: CRDT, DBIT"),
        )),
    }
}

/// Reads every statement of a camt.053 document.
pub fn read(input: impl BufRead) -> Result<Vec<RawStatement>, ReadError> {
    let mut xml = quick_xml::Reader::from_reader(LineCounting::new(input));
    xml.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut statements = Vec::new();
    let mut stmt: Option<RawStatement> = None;
    let mut bal: Option<Bal> = None;
    let mut entry: Option<Entry> = None;
    let mut pending_ccy: Option<String> = None;
    let mut saw_root = false;
    loop {
        let line = xml.get_ref().line();
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| ReadError::new(line, format!("not well-formed XML: {e}")))?;
        match event {
            Event::Start(e) => {
                // The line the start tag ends on: the element's own line.
                let line = xml.get_ref().line();
                let name = local(e.name().as_ref());
                if !saw_root {
                    saw_root = true;
                    let ns = attr(&e, "xmlns").unwrap_or_default();
                    if name != "Document" || !supported_namespace(&ns) {
                        return Err(ReadError::new(
                            line,
                            format!(
                                "not a camt.053 statement (root {name}, namespace {ns:?}); allowed: urn:iso:std:iso:20022:tech:xsd:camt.053.001.02 to .08"
                            ),
                        ));
                    }
                }
                pending_ccy = attr(&e, "Ccy");
                path.push(name);
                let p: Vec<&str> = path.iter().map(String::as_str).collect();
                match p.as_slice() {
                    [.., "BkToCstmrStmt", "Stmt"] => stmt = Some(RawStatement::default()),
                    [.., "Stmt", "Bal"] => bal = Some(Bal::default()),
                    [.., "Stmt", "Ntry"] => {
                        entry = Some(Entry {
                            line_no: line,
                            ..Entry::default()
                        })
                    }
                    [.., "Ntry", "NtryDtls", "TxDtls"] => {
                        if let Some(en) = entry.as_mut() {
                            en.txs.push(Tx {
                                line_no: line,
                                ..Tx::default()
                            });
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(_) => {}
            Event::Text(t) => {
                let text = t
                    .unescape()
                    .map_err(|e| ReadError::new(line, format!("bad XML text: {e}")))?
                    .trim()
                    .to_string();
                let p: Vec<&str> = path.iter().map(String::as_str).collect();
                let ccy = pending_ccy.clone();
                if let Some(en) = entry.as_mut() {
                    let tx = en.txs.last_mut();
                    match (p.as_slice(), tx) {
                        ([.., "TxDtls", "Refs", "AcctSvcrRef"], Some(tx)) => {
                            tx.acct_svcr_ref = Some(text)
                        }
                        ([.., "TxDtls", "AmtDtls", "TxAmt", "Amt"], Some(tx)) => {
                            tx.tx_amount = Some((text, ccy))
                        }
                        ([.., "TxDtls", "Amt"], Some(tx)) => tx.amount = Some((text, ccy)),
                        ([.., "TxDtls", "CdtDbtInd"], Some(tx)) => {
                            tx.credit = Some(indicator(&text, line)?)
                        }
                        ([.., "RltdPties", "Dbtr", "Nm"], Some(tx))
                        | ([.., "RltdPties", "Dbtr", "Pty", "Nm"], Some(tx)) => {
                            tx.payer_name = Some(text)
                        }
                        ([.., "RltdPties", "DbtrAcct", "Id", "IBAN"], Some(tx))
                        | ([.., "RltdPties", "DbtrAcct", "Id", "Othr", "Id"], Some(tx)) => {
                            tx.payer_account = Some(text)
                        }
                        ([.., "RmtInf", "Ustrd"], Some(tx)) => tx.ustrd.push(text),
                        ([.., "RmtInf", "Strd", "CdtrRefInf", "Ref"], Some(tx)) => {
                            tx.strd.push(text)
                        }
                        ([.., "Ntry", "NtryDtls", "Btch", "NbOfTxs"], _) => {
                            en.batch_count = Some(text)
                        }
                        ([.., "Ntry", "NtryDtls", "Btch", "TtlAmt"], _) => {
                            en.batch_total = Some((text, ccy))
                        }
                        ([.., "Ntry", "NtryDtls", "Btch", "CdtDbtInd"], _) => {
                            en.batch_credit = Some(indicator(&text, line)?)
                        }
                        ([.., "Stmt", "Ntry", "Amt"], _) => en.amount = Some((text, ccy)),
                        ([.., "Stmt", "Ntry", "CdtDbtInd"], _) => {
                            en.credit = Some(indicator(&text, line)?)
                        }
                        ([.., "Stmt", "Ntry", "Sts"], _)
                        | ([.., "Stmt", "Ntry", "Sts", "Cd"], _) => en.status = Some(text),
                        ([.., "Ntry", "BookgDt", "Dt"], _)
                        | ([.., "Ntry", "BookgDt", "DtTm"], _) => {
                            en.booking_date = Some(date_part(&text))
                        }
                        ([.., "Ntry", "ValDt", "Dt"], _) | ([.., "Ntry", "ValDt", "DtTm"], _) => {
                            en.value_date = Some(date_part(&text))
                        }
                        ([.., "Stmt", "Ntry", "AcctSvcrRef"], _) => en.acct_svcr_ref = Some(text),
                        ([.., "Stmt", "Ntry", "NtryRef"], _) => en.ntry_ref = Some(text),
                        _ => {}
                    }
                } else if let Some(b) = bal.as_mut() {
                    match p.as_slice() {
                        [.., "Bal", "Tp", "CdOrPrtry", "Cd"] => b.code = Some(text),
                        [.., "Bal", "Amt"] => b.amount = Some((text, ccy)),
                        [.., "Bal", "CdtDbtInd"] => b.credit = Some(indicator(&text, line)?),
                        [.., "Bal", "Dt", "Dt"] | [.., "Bal", "Dt", "DtTm"] => {
                            b.date = Some(date_part(&text))
                        }
                        _ => {}
                    }
                } else if let Some(s) = stmt.as_mut() {
                    match p.as_slice() {
                        [.., "Stmt", "Id"] => s.statement_ref = Some(text),
                        [.., "Stmt", "Acct", "Id", "IBAN"]
                        | [.., "Stmt", "Acct", "Id", "Othr", "Id"] => s.account = text,
                        [.., "Stmt", "Acct", "Ccy"] => s.currency = Some(text),
                        _ => {}
                    }
                }
            }
            Event::End(_) => {
                let p: Vec<&str> = path.iter().map(String::as_str).collect();
                match p.as_slice() {
                    [.., "Stmt", "Ntry"] => {
                        if let (Some(en), Some(s)) = (entry.take(), stmt.as_mut()) {
                            finish_entry(en, s)?;
                        }
                    }
                    [.., "Stmt", "Bal"] => {
                        if let (Some(b), Some(s)) = (bal.take(), stmt.as_mut()) {
                            finish_balance(b, s, line)?;
                        }
                    }
                    [.., "BkToCstmrStmt", "Stmt"] => {
                        if let Some(s) = stmt.take() {
                            statements.push(s);
                        }
                    }
                    _ => {}
                }
                path.pop();
                pending_ccy = None;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !path.is_empty() {
        return Err(ReadError::new(
            xml.get_ref().line(),
            format!("the document ends inside <{}>", path.join("/")),
        ));
    }
    if !saw_root || statements.is_empty() {
        return Err(ReadError::new(
            0,
            "the document holds no camt.053 statement (Stmt)",
        ));
    }
    Ok(statements)
}

fn finish_balance(b: Bal, s: &mut RawStatement, line: u64) -> Result<(), ReadError> {
    let code = b.code.unwrap_or_default();
    let (amount, currency) = b
        .amount
        .ok_or_else(|| ReadError::new(line, format!("balance {code} has no Amt")))?;
    let raw = RawBalance {
        amount,
        credit: b
            .credit
            .ok_or_else(|| ReadError::new(line, format!("balance {code} has no CdtDbtInd")))?,
        currency,
        date: b.date,
    };
    match code.as_str() {
        // Opening booked, or the previous statement's closing booked.
        "OPBD" | "PRCD" if s.opening.is_none() => s.opening = Some(raw),
        "CLBD" => s.closing = Some(raw),
        _ => {}
    }
    Ok(())
}

fn finish_entry(en: Entry, s: &mut RawStatement) -> Result<(), ReadError> {
    let line = en.line_no;
    let status = en.status.clone().unwrap_or_else(|| "BOOK".to_string());
    if status != "BOOK" {
        s.not_booked += 1;
        return Ok(());
    }
    let (amount, currency) = en
        .amount
        .ok_or_else(|| ReadError::new(line, "the entry (Ntry) has no Amt"))?;
    let credit = en
        .credit
        .ok_or_else(|| ReadError::new(line, "the entry (Ntry) has no CdtDbtInd"))?;
    let booking_date = en
        .booking_date
        .or_else(|| en.value_date.clone())
        .ok_or_else(|| ReadError::new(line, "the entry (Ntry) has no BookgDt"))?;
    let entry_id = en.acct_svcr_ref.or(en.ntry_ref);
    check_batch(
        &en.txs,
        (&amount, &currency, credit),
        &en.batch_count,
        &en.batch_total,
        en.batch_credit,
        entry_id.as_deref(),
        line,
    )?;
    let batch = en.txs.len() > 1;
    if en.txs.is_empty() {
        s.entries.push(RawEntry {
            line_no: line,
            credit,
            amount,
            currency,
            booking_date,
            value_date: en.value_date,
            bank_id: entry_id,
            ..RawEntry::default()
        });
        return Ok(());
    }
    for (i, tx) in en.txs.into_iter().enumerate() {
        let (amount, currency) = match tx.tx_amount.or(tx.amount) {
            Some(a) => a,
            None if !batch => (amount.clone(), currency.clone()),
            None => return Err(ReadError::new(
                tx.line_no,
                "a transaction (TxDtls) of a batch entry has no amount (AmtDtls/TxAmt/Amt or Amt)",
            )),
        };
        // A batch's transactions are told apart by their own reference, else by their place.
        let bank_id = match (batch, tx.acct_svcr_ref, &entry_id) {
            (false, _, Some(id)) => Some(id.clone()),
            (_, Some(own), _) => Some(own),
            (true, None, Some(id)) => Some(format!("{id}#{}", i + 1)),
            (false, None, None) | (true, None, None) => None,
        };
        let mut remittance = tx.ustrd;
        remittance.extend(tx.strd);
        s.entries.push(RawEntry {
            line_no: if batch { tx.line_no } else { line },
            credit: tx.credit.unwrap_or(credit),
            amount,
            currency,
            booking_date: booking_date.clone(),
            value_date: en.value_date.clone(),
            bank_id,
            payer_name: tx.payer_name,
            payer_account: tx.payer_account,
            remittance: (!remittance.is_empty()).then(|| remittance.join(" ")),
        });
    }
    Ok(())
}

/// An amount as the bank wrote it, exact; `None` when it is not a plain decimal (the import's
/// rules refuse it with its line, `core::bank::plan_import`).
fn decimal(text: &str) -> Option<Decimal> {
    crate::core::money::parse_decimal(text).ok()
}

/// An entry's own figures must agree with its transactions: the `TxDtls` amounts (credits
/// less debits) add up to the entry's `Amt` in its direction, and `Btch/NbOfTxs` and
/// `Btch/TtlAmt` (when the bank gives them) are the count of the `TxDtls` and the entry's
/// amount. A bank that sends a batch whose parts disagree with its total has sent a file
/// payctl cannot trust line by line: it is refused, naming the entry and both figures.
/// Amounts in another currency than the entry's are not summed (the import refuses them).
fn check_batch(
    txs: &[Tx],
    (amount, currency, credit): (&str, &Option<String>, bool),
    batch_count: &Option<String>,
    batch_total: &Option<(String, Option<String>)>,
    batch_credit: Option<bool>,
    entry_id: Option<&str>,
    line: u64,
) -> Result<(), ReadError> {
    let entry = match entry_id {
        Some(id) => format!("entry {id} (Ntry)"),
        None => "the entry (Ntry)".to_string(),
    };
    let Some(entry_amount) = decimal(amount) else {
        return Ok(());
    };
    let signed = |value: Decimal, credit: bool| if credit { value } else { -value };
    let entry_signed = signed(entry_amount, credit);
    let shown = |value: Decimal| {
        if value.is_sign_negative() {
            format!("{} debit", -value)
        } else {
            value.to_string()
        }
    };
    if let Some(count) = batch_count {
        let count = count.trim();
        match count.parse::<usize>() {
            Ok(n) if txs.is_empty() || n == txs.len() => {}
            Ok(n) => {
                return Err(ReadError::new(
                    line,
                    format!(
                        "{entry}: its batch says {n} transactions (Btch/NbOfTxs) but it holds {} TxDtls",
                        txs.len()
                    ),
                ))
            }
            Err(_) => {
                return Err(ReadError::new(
                    line,
                    format!("{entry}: Btch/NbOfTxs {count:?} is not a count of transactions"),
                ))
            }
        }
    }
    if let Some((total, total_ccy)) = batch_total {
        let same_currency = total_ccy.is_none() || currency.is_none() || total_ccy == currency;
        let Some(value) = decimal(total) else {
            return Err(ReadError::new(
                line,
                format!("{entry}: Btch/TtlAmt {total:?} is not an amount"),
            ));
        };
        let value = signed(value, batch_credit.unwrap_or(credit));
        if same_currency && value != entry_signed {
            return Err(ReadError::new(
                line,
                format!(
                    "{entry}: its batch total (Btch/TtlAmt) is {} but the entry's amount (Amt) is {}; a batch must add up to its entry",
                    shown(value),
                    shown(entry_signed)
                ),
            ));
        }
    }
    let mut sum = Decimal::ZERO;
    for tx in txs {
        let Some((text, ccy)) = tx.tx_amount.as_ref().or(tx.amount.as_ref()) else {
            // A transaction without an amount: a lone one takes the entry's; in a batch it is
            // refused by the caller.
            return Ok(());
        };
        if ccy.is_some() && currency.is_some() && ccy != currency {
            return Ok(());
        }
        let Some(value) = decimal(text) else {
            return Ok(());
        };
        sum = match sum.checked_add(signed(value, tx.credit.unwrap_or(credit))) {
            Some(s) => s,
            None => return Ok(()),
        };
    }
    if !txs.is_empty() && sum != entry_signed {
        return Err(ReadError::new(
            line,
            format!(
                "{entry}: its transactions (TxDtls) add up to {} but the entry's amount (Amt) is {}; a batch must add up to its entry",
                shown(sum),
                shown(entry_signed)
            ),
        ));
    }
    Ok(())
}

//! The fuzz targets' checks (parser_checks.rs) under proptest, so every CI run feeds the
//! parsers arbitrary strings and bytes and mangled copies of real files; cargo-fuzz (fuzz/)
//! runs the same checks for as long as one likes. PAYCTL_PARSER_CASES (default 1000) sets the
//! cases per property.

use std::path::Path;

use payctl::formats::ImportFormat;
use proptest::prelude::*;

use crate::parser_checks as checks;

fn cases() -> u32 {
    std::env::var("PAYCTL_PARSER_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

/// Every file of the bad-input corpus and the fuzz seeds: real inputs to mangle.
fn seed_files() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/corpus/files", "fuzz/seeds"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                files.push((name, std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    files.sort();
    assert!(files.len() > 50, "the seed files are missing");
    files
}

fn format_of(name: &str) -> Option<ImportFormat> {
    match name.rsplit('.').next()? {
        "csv" => Some(ImportFormat::Csv),
        "json" => Some(ImportFormat::Json),
        "jsonl" => Some(ImportFormat::Jsonl),
        "xml" => Some(ImportFormat::Xml),
        _ => None,
    }
}

/// Text an amount parser meets: digits, points, signs, exponents, separators, symbols,
/// spaces, and now and then anything at all.
fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9.]{0,35}",
        "[-+ ]?[0-9]{0,14}(\\.[0-9]{0,6})?",
        "[0-9.eE,_$€+ -]{0,20}",
        "(?i:nan|inf|infinity|-inf)",
        "\\PC{0,30}",
        ".{0,30}",
    ]
}

/// A seed file cut short, with some bytes replaced: the shape of a real file gone wrong.
fn mangled() -> impl Strategy<Value = (String, Vec<u8>)> {
    let files = seed_files();
    let n = files.len();
    (
        0..n,
        any::<prop::sample::Index>(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    )
        .prop_map(move |(i, cut, flips)| {
            let (name, bytes) = &files[i];
            let mut bytes = bytes.clone();
            if !bytes.is_empty() {
                for (at, b) in flips {
                    let at = at.index(bytes.len());
                    bytes[at] = b;
                }
                // Half the time the whole file is kept.
                bytes.truncate(cut.index(bytes.len() * 2));
            }
            (name.clone(), bytes)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn amounts(text in amount_text()) {
        checks::amount(text.as_bytes());
    }

    #[test]
    fn amounts_from_bytes(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
        checks::amount(&bytes);
    }

    #[test]
    fn allocation_specs(
        text in prop_oneof![
            "[0-9]{0,20}=[0-9.]{0,20}",
            "[0-9a-z =.$-]{0,30}",
            "\\PC{0,30}",
        ]
    ) {
        checks::allocation_spec(text.as_bytes());
    }

    #[test]
    fn import_files_of_random_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        format in prop_oneof![
            Just(ImportFormat::Csv),
            Just(ImportFormat::Json),
            Just(ImportFormat::Jsonl),
            Just(ImportFormat::Xml),
        ],
    ) {
        checks::import(&bytes, format);
    }

    #[test]
    fn mangled_import_files((name, bytes) in mangled()) {
        if let Some(format) = format_of(&name) {
            checks::import(&bytes, format);
        }
        // Any file in any format: a JSON file read as CSV must fail cleanly too.
        checks::import(&bytes, ImportFormat::Csv);
        checks::import(&bytes, ImportFormat::Xml);
    }

    #[test]
    fn invoice_method_insert_bodies(
        values in prop::collection::vec(
            prop_oneof!["[0-9.]{0,8}", "(?i:cash|check|creditcard|ach|declined|nsf|unknown|received|usd|eur)", "\\PC{0,12}"],
            0..11,
        )
    ) {
        let values: Vec<Vec<u8>> = values.into_iter().map(String::into_bytes).collect();
        checks::invoice_method_insert(&values.join(&[0xFF][..]));
    }
}

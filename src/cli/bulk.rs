//! `payctl import` and `payctl export`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    Payments,
    Invoices,
    Customers,
    /// Payment methods on file (import them before the payments that name them)
    Methods,
    /// Invoice write-offs (import them after the payments)
    WriteOffs,
    /// Credit notes, debit notes and partial write-offs (import them after the invoices,
    /// before the payments)
    Adjustments,
    /// Write-offs of customers' unapplied credit (import them after the payments)
    CreditWriteOffs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Csv,
    Json,
    Jsonl,
    Xml,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// File to import, or - for stdin
    pub file: PathBuf,
    /// What the file holds
    #[arg(long, value_enum, default_value_t = Kind::Payments, ignore_case = true)]
    pub kind: Kind,
    /// File format [default: from the extension: .csv, .json, .jsonl/.ndjson, .xml]
    #[arg(long, value_enum, ignore_case = true)]
    pub format: Option<ImportFormat>,
    /// Check every row, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Keep the good rows; write each bad one with its line number and reason to FILE (CSV)
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Accept payments with the customer, amount and reference of a live payment (in the
    /// ledger or earlier in the file) instead of refusing them as likely duplicates
    #[arg(long)]
    pub allow_duplicate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    Payments,
    Invoices,
    Customers,
    Allocations,
    Activities,
    Methods,
    WriteOffs,
    Adjustments,
    CreditWriteOffs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export
    #[arg(value_enum, ignore_case = true)]
    pub kind: ExportKind,
    /// File format [default: json with -o json, else csv]
    #[arg(long, value_enum, ignore_case = true)]
    pub format: Option<ExportFormat>,
    /// Write to FILE (created 0600) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub to: Option<PathBuf>,
}

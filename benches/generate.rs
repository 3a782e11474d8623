//! Writes the benchmark data set (see `datagen.rs`):
//!
//!     cargo run --release --example generate -- --customers 10000 --invoices 100000 \
//!         --payments 100000 --seed 7 --out benches/work/data

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

mod datagen;

/// Write seeded benchmark data: payctl import files, a ledger/hledger journal and plain CSV.
#[derive(Parser)]
#[command(name = "generate")]
struct Args {
    /// Number of customers (ids 1..=N).
    #[arg(long)]
    customers: u64,
    /// Number of invoices (ids 1..=N), each of a random customer.
    #[arg(long)]
    invoices: u64,
    /// Number of payments, each of a random customer, auto-allocated on import.
    #[arg(long)]
    payments: u64,
    /// The seed: the same seed and sizes always give the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder to write into (created if needed; files in it are replaced).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let params = datagen::Params {
        customers: args.customers,
        invoices: args.invoices,
        payments: args.payments,
        seed: args.seed,
    };
    match datagen::generate(&params, &args.out) {
        Ok(expected) => {
            println!(
                "{}: {} customers, {} invoices ({} USD), {} payments ({} USD), {} USD allocated",
                args.out.display(),
                params.customers,
                params.invoices,
                datagen::cents(expected.total_invoiced()),
                params.payments,
                datagen::cents(expected.total_paid()),
                datagen::cents(expected.total_allocated()),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: cannot write {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}

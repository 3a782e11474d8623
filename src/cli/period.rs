use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PeriodCommand {
    /// Close every business date on or before DATE: later writes dated then are refused
    #[command(after_help = super::examples::help(super::examples::PERIOD_CLOSE))]
    Close {
        /// The last day of the period (YYYY-MM-DD), before today
        #[arg(value_parser = day_arg, value_name = "DATE")]
        date: NaiveDate,
        /// Print what would be written, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// List every close and reopen, oldest first
    #[command(after_help = super::examples::help(super::examples::PERIOD_LIST))]
    List,
    /// Reopen DATE and every later date (the close moves back to the day before DATE)
    #[command(after_help = super::examples::help(super::examples::PERIOD_REOPEN))]
    Reopen {
        /// The first day to reopen (YYYY-MM-DD), in the closed period
        #[arg(value_parser = day_arg, value_name = "DATE")]
        date: NaiveDate,
        /// Why (kept with the event and in the audit trail)
        #[arg(long)]
        reason: String,
        /// Print what would be written, write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

/// A period's day: `YYYY-MM-DD` only (a time of day would leave which day is meant to the
/// time zone), in the years payctl takes.
pub fn day_arg(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let day = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .filter(|_| t.len() == 10)
        .ok_or_else(|| format!("'{text}' is not a date; give YYYY-MM-DD"))?;
    super::date_arg(t).map(|_| day)
}

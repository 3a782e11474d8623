//! `payctl db`: administering a team ledger on PostgreSQL (SPEC §8).

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Let a database role read and record everything payctl records, and nothing else
    /// (team ledger on PostgreSQL only; run it as the ledger's owner)
    #[command(after_help = super::examples::help(super::examples::DB_GRANT_CLERK))]
    GrantClerk {
        /// The role to grant to: an existing PostgreSQL role that owns nothing in the ledger
        /// (an administrator creates it: CREATE ROLE clerk_alice LOGIN)
        #[arg(value_name = "ROLE")]
        role: String,
    },
}

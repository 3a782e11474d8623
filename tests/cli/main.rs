//! Integration tests: the real `payctl` binary against a real SQLite ledger in a temp folder.
//! One test binary (this file's modules), so it links once.

mod after;
mod batch;
mod bench_harness;
mod bulk;
mod common;
mod corpus;
mod create;
mod foundation;
mod generated;
mod issue15_files;
mod issue15_inputs;
mod issue15_limits;
mod issue15_text;
mod issue16_dryrun;
mod issue16_help;
mod issue16_html;
mod issue16_import_touched;
mod issue16_tables;
mod issue19_adjustments;
mod model;
mod parser_checks;
mod parsers;
mod pg_backup;
mod pg_import;
mod pg_reliability;
mod pg_roles;
mod pg_schema;
mod pg_tls;
mod pg_verify;
mod reliability;
mod report;
mod review15;
mod review16;

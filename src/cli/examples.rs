//! The EXAMPLES section of every command's help (`after_help`) and man page.
//!
//! Each line after `Examples:` is one shell command line. tests/cli/issue16_help.rs runs every
//! one of them, each on a fresh copy of one sample ledger, and fails on any that does not
//! exit 0; it describes that ledger (customer 655080 with a card on file, id 1, and an ACH
//! account, id 2; invoices 566934 (100.00, 40.00 paid by payment 1), 566935 and 566936;
//! payment 1 (60.00 Cash, 20.00 unallocated) and payment 2 (10.00 ACH, Pending)), so keep
//! examples to the ids it has.

/// `text` as help: its `Examples:` heading styled as clap styles its own (`Options:`), which
/// shows only where clap uses colour; as plain text (tests, man pages) it reads the same.
pub fn help(text: &'static str) -> clap::builder::StyledStr {
    let styles = clap::builder::Styles::default();
    let header = styles.get_header();
    match text.strip_prefix("Examples:") {
        Some(rest) => format!("{header}Examples:{header:#}{rest}").into(),
        None => text.into(),
    }
}

pub const PAYCTL: &str = "\
Examples:
  payctl customer add --id 655081 --name \"Beta LLC\" --email ap@beta.example
  payctl invoice add --customer 655080 --id 566937 --total 100.00 \\
      --date 2026-10-01 --terms net30
  payctl create --customer 655080 --amount 50.78 --method Cash --auto-allocate
  payctl --db /tmp/payctl-try.db customer add --name \"Trial Customer\"
  payctl report aging -o json";

pub const CUSTOMER: &str = "\
Examples:
  payctl customer add --id 655081 --name \"Beta LLC\" --email ap@beta.example
  payctl customer list
  payctl customer show 655080";

pub const CUSTOMER_ADD: &str = "\
Examples:
  payctl customer add --id 655081 --name \"Beta LLC\" --email ap@beta.example
  payctl customer add --name \"Euro GmbH\" --currency EUR \\
      --order newest-to-oldest
  id=$(payctl customer add --name \"Gamma Ltd\" -q)";

pub const CUSTOMER_LIST: &str = "\
Examples:
  payctl customer list
  payctl customer list -o csv > customers.csv";

pub const CUSTOMER_SHOW: &str = "\
Examples:
  payctl customer show 655080
  payctl customer show 655080 -o json";

pub const METHOD: &str = "\
Examples:
  payctl method add --customer 655080 --type credit-card --brand Visa \\
      --last4 1881
  payctl method list --customer 655080
  payctl method set-default 2";

pub const METHOD_ADD: &str = "\
Examples:
  payctl method add --customer 655080 --type credit-card --brand Visa \\
      --last4 1881 --label \"office card\"
  payctl method add --customer 655080 --type ach --brand \"First Bank\" \\
      --last4 6789 --default
  payctl method add --customer 655080 --type paypal --label \"ap paypal\"";

pub const METHOD_LIST: &str = "\
Examples:
  payctl method list --customer 655080
  payctl method list --customer 655080 -o json";

pub const METHOD_SET_DEFAULT: &str = "\
Examples:
  payctl method set-default 2";

pub const INVOICE: &str = "\
Examples:
  payctl invoice add --customer 655080 --id 566937 --total 100.00 \\
      --date 2026-10-01 --terms net30
  payctl invoice list --customer 655080 --overdue
  payctl invoice show 566934
  payctl invoice write-off 566934 --reason \"customer insolvent\"";

pub const INVOICE_ADD: &str = "\
Examples:
  payctl invoice add --customer 655080 --id 566937 --total 100.00 \\
      --date 2026-10-01 --terms net30
  payctl invoice add --customer 655080 --total 20 --due 2026-12-31 \\
      --number INV-2026-0042";

pub const INVOICE_LIST: &str = "\
Examples:
  payctl invoice list --customer 655080 --status partially_paid
  payctl invoice list --overdue --as-of 2026-12-01
  payctl invoice list -o csv > invoices.csv";

pub const INVOICE_SHOW: &str = "\
Examples:
  payctl invoice show 566934
  payctl invoice show 566934 --as-of 2026-12-01 -o json";

pub const INVOICE_VOID: &str = "\
Examples:
  payctl invoice void 566936 --reason \"issued twice\"";

pub const INVOICE_WRITE_OFF: &str = "\
Examples:
  payctl invoice write-off 566934 --reason \"customer insolvent\"
  payctl invoice write-off 566934 --amount 5 --reason \"bank charges\"";

pub const INVOICE_CREDIT_NOTE: &str = "\
Examples:
  payctl invoice credit-note 566934 --amount 10 --reason \"2 units returned\"
  payctl invoice credit-note 566936 --amount 5 --reason \"discount\" --dry-run";

pub const INVOICE_DEBIT_NOTE: &str = "\
Examples:
  payctl invoice debit-note 566935 --amount 2.50 --reason \"late fee\"
  payctl invoice debit-note 566934 --amount 7 --reason fee --date 2026-11-15";

pub const CREDIT: &str = "\
Examples:
  payctl credit write-off --customer 655080 --amount 20 --reason \"overpayment\"";

pub const CREDIT_WRITE_OFF: &str = "\
Examples:
  payctl credit write-off --customer 655080 --amount 20 --reason \"overpayment\"
  payctl credit write-off --customer 655080 --amount 1 --reason x --dry-run";

pub const CREATE: &str = "\
Examples:
  payctl create --customer 655080 --amount 50.78 --method Cash \\
      --reference abc123
  payctl create --customer 655080 --amount 50.78 --method Cash \\
      --allocate 566934=2.00
  payctl create --customer 655080 --amount 120 --method CreditCard \\
      --method-id 1 --auto-allocate
  payctl create --customer 655080 --amount 120 --use-default-method \\
      --auto-allocate --order newest-to-oldest
  payctl create --customer 655080 --amount 75 --method ACH --method-id 2 \\
      --idempotency-key bank-2026-11-21-0042
  payctl create --customer 655080 --amount 75 --method Check \\
      --allocate 566934=50 --dry-run
  payctl create --json payment.json";

pub const LIST: &str = "\
Examples:
  payctl list --customer 655080 --unallocated
  payctl list --method ACH --from 2026-11-01 --to 2026-11-30
  payctl list --limit 20 --offset 40 -o json";

pub const SHOW: &str = "\
Examples:
  payctl show 1
  payctl show 1 -o json";

pub const ALLOCATE: &str = "\
Examples:
  payctl allocate 1 --invoice 566935 --amount 20.00
  payctl allocate 1 --auto --order newest-to-oldest
  payctl allocate --customer 655080 --auto";

pub const UNALLOCATE: &str = "\
Examples:
  payctl unallocate 1 --invoice 566934 --amount 10.00
  payctl unallocate 1 --invoice 566934";

pub const REALLOCATE: &str = "\
Examples:
  payctl reallocate 1 --from 566934 --to 566935 --amount 20.00";

pub const REFUND: &str = "\
Examples:
  payctl refund 1 --amount 20.00 --method check --reference CHK-1042
  payctl refund 1 --amount 30.00 --from-invoice 566934=10.00";

pub const SETTLE: &str = "\
Examples:
  payctl settle 2 --status successful
  payctl settle 2 --status failed --message \"R01 insufficient funds\"";

pub const VOID: &str = "\
Examples:
  payctl void 1 --reason \"entered twice\"";

pub const ACTIVITY: &str = "\
Examples:
  payctl activity list --customer 655080
  payctl activity add --customer 655080 --amount 50.00 --method CreditCard \\
      --method-id 1 --status failed --message \"card declined\"";

pub const ACTIVITY_LIST: &str = "\
Examples:
  payctl activity list --customer 655080 --status Failed
  payctl activity list --type NSF -o json";

pub const ACTIVITY_ADD: &str = "\
Examples:
  payctl activity add --customer 655080 --amount 50.00 --method CreditCard \\
      --method-id 1 --status failed --message \"card declined\"";

pub const LOG: &str = "\
Examples:
  payctl log --customer 655080
  payctl log --payment 1 -o json";

pub const IMPORT: &str = "\
Examples:
  payctl import payments.csv --dry-run
  payctl import payments.csv
  payctl import payments.csv --rejects rejects.csv
  payctl import invoices.json --kind invoices
  cat payments.jsonl | payctl import - --format jsonl";

pub const EXPORT: &str = "\
Examples:
  payctl export payments --to payments-export.csv
  payctl export invoices --format json
  payctl export allocations --format jsonl";

pub const REPORT: &str = "\
Examples:
  payctl report aging --as-of 2026-12-31
  payctl report statement --customer 655080
  payctl report balances";

pub const REPORT_AGING: &str = "\
Examples:
  payctl report aging --as-of 2026-12-31
  payctl report aging --by invoice --customer 655080 -o csv";

pub const REPORT_STATEMENT: &str = "\
Examples:
  payctl report statement --customer 655080
  payctl report statement --customer 655080 \\
      --from 2026-10-01 --to 2026-12-31 -o json";

pub const REPORT_BALANCES: &str = "\
Examples:
  payctl report balances
  payctl report balances -o json";

pub const VERIFY: &str = "\
Examples:
  payctl verify
  payctl verify -o json";

pub const FIND: &str = "\
Examples:
  payctl find acme
  payctl find INV-5669
  payctl find 50.78 -o json";

pub const BACKUP: &str = "\
Examples:
  payctl backup ledger-backup.db
  payctl backup ledger-backup.db --force";

// A team ledger's URL names a server the help examples' sample ledger is not on:
// tests/cli/issue16_help.rs runs no example that names a postgres:// URL, and
// tests/cli/pg_roles.rs runs grant-clerk against the test server.
pub const DB: &str = "\
Examples:
  PAYCTL_DB=postgres://ar_owner@db.example/ar payctl db grant-clerk clerk_alice";

pub const DB_GRANT_CLERK: &str = "\
Examples:
  PAYCTL_DB=postgres://ar_owner@db.example/ar payctl db grant-clerk clerk_alice
  payctl db grant-clerk clerk_bob -o json \\
      --db postgres://ar_owner@db.example/ar";
pub const RESTORE: &str = "\
Examples:
  payctl backup move.db && payctl restore move.db --db new-ledger.db
  payctl backup move.db && payctl restore move.db --db new-ledger.db -o json";

pub const COMPLETIONS: &str = "\
Examples:
  echo 'source <(payctl completions bash)' >> ~/.bashrc
  mkdir -p ~/.config/fish/completions && \\
      payctl completions fish > ~/.config/fish/completions/payctl.fish
  mkdir -p ~/.zfunc && payctl completions zsh > ~/.zfunc/_payctl";

pub const MAN: &str = "\
Examples:
  payctl man > payctl.1
  payctl man invoice add > payctl-invoice-add.1
  payctl man --dir ~/.local/share/man/man1";

pub const BANK: &str = "\
Examples:
  payctl bank import statement.csv \\
      --map date=Date,amount=Amount,currency_code=USD
  payctl bank match
  payctl bank apply --suggested --dry-run
  payctl bank list --status unmatched
  payctl bank report";

pub const BANK_IMPORT: &str = "\
Examples:
  payctl bank import statement.csv --dry-run \\
      --map date=Date,amount=Amount,reference=Purpose,currency_code=USD
  payctl bank import statement.csv -o json \\
      --map date=Date,amount=Amount,payer=Name,currency_code=USD
  payctl bank import konto.csv --map 'date=Buchungstag,amount=Betrag,\\
  currency_code=EUR,decimal=comma,thousands=dot,date_format=%d.%m.%Y,\\
  delimiter=semicolon'";

pub const BANK_LIST: &str = "\
Examples:
  payctl bank list
  payctl bank list --status unmatched -o csv";

pub const BANK_SHOW: &str = "\
Examples:
  payctl bank import statement.csv -q \\
      --map date=Date,amount=Amount,currency_code=USD && payctl bank show 1";

pub const BANK_IGNORE: &str = "\
Examples:
  payctl bank import statement.csv -q \\
      --map date=Date,amount=Amount,currency_code=USD && \\
      payctl bank ignore 1 --reason interest --dry-run";

pub const BANK_REPORT: &str = "\
Examples:
  payctl bank report
  payctl bank report -o json";

pub const BANK_MATCH: &str = "\
Examples:
  payctl bank match
  payctl bank match --dry-run -o json
  payctl bank match -o csv > proposals.csv";

pub const BANK_APPLY: &str = "\
Examples:
  payctl bank apply --suggested --dry-run
  payctl bank apply --suggested -o json
  payctl bank import statement.csv -q \\
      --map date=Date,amount=Amount,currency_code=USD && \\
      payctl bank apply 1 --customer 655080 --auto-allocate --dry-run";

pub const PERIOD: &str = "\
Examples:
  payctl period close 2026-09-30
  payctl period list
  payctl period close 2026-09-30 && \\
      payctl period reopen 2026-09-01 --reason \"late September invoices\"";

pub const PERIOD_CLOSE: &str = "\
Examples:
  payctl period close 2026-09-30
  payctl period close 2026-09-30 --dry-run -o json";

pub const PERIOD_LIST: &str = "\
Examples:
  payctl period list
  payctl period list -o csv";

pub const PERIOD_REOPEN: &str = "\
Examples:
  payctl period close 2026-09-30 && \\
      payctl period reopen 2026-09-01 --reason \"late invoice\"";

pub const CUSTOMER_EDIT: &str = "\
Examples:
  payctl customer edit 655080 --email billing@acme.example
  payctl customer edit 655080 --order newest-to-oldest --dry-run";

pub const INVOICE_EDIT: &str = "\
Examples:
  payctl invoice edit 566935 --number INV-2026-0042
  payctl invoice edit 566935 --terms net45 --dry-run";


use builtin;
use str;

set edit:completion:arg-completer[payctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'payctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'payctl'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand customer 'Add, list and show customers'
            cand method 'Payment methods on file (credit cards, bank accounts, PayPal)'
            cand invoice 'Add, list, show, void and write off invoices'
            cand credit 'A customer''s unapplied credit: write it off'
            cand create 'Record a payment and allocate it to invoices'
            cand list 'List payments'
            cand show 'Show one payment as a Fusebill Payment Object'
            cand allocate 'Apply a payment''s unallocated funds to invoices (or all of a customer''s with --customer)'
            cand unallocate 'Take money a payment applied to an invoice back into its unallocated funds'
            cand reallocate 'Move money from one invoice to another in one step'
            cand refund 'Refund part or all of a payment'
            cand settle 'Settle a Pending (ACH, DirectDeposit) payment; failed means NSF'
            cand void 'Void a payment entered by mistake (reverses its allocations, keeps the record)'
            cand activity 'Payment activities: every attempt to move money'
            cand log 'Show the audit trail'
            cand import 'Import payments, invoices or customers from CSV, JSON, JSON Lines or XML, all or nothing'
            cand export 'Export payments, invoices, customers, allocations or activities'
            cand period 'Close accounting periods: no write dated on or before a closed date is accepted'
            cand report 'Receivables reports: aging, customer statement, balances (read only)'
            cand verify 'Check the ledger: SQLite integrity, foreign keys, and every balance recomputed from its rows'
            cand find 'Find customers by name or email, invoices by number, payments by reference, and all three by exact amount'
            cand backup 'Write a consistent copy of the ledger to FILE, safely while other payctl processes write'
            cand bank 'Bank statements: import their credit lines, match them to invoices, apply them as payments, list, show, ignore and report them'
            cand db 'Administer a team ledger on PostgreSQL: database roles for clerks'
            cand restore 'Load a SQLite ledger FILE (a backup) into the empty ledger named by --db (a file or a postgres:// URL; on PostgreSQL run it as the database''s owner)'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff), or write them all to a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;customer'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a customer'
            cand list 'List customers with their balances'
            cand show 'Show one customer'
            cand edit 'Change a customer''s name, email or allocation order (never its id or currency)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;customer;add'= {
            cand --id 'Customer id (e.g. 655080); assigned when left out'
            cand --name 'Name'
            cand --email 'Email address'
            cand --currency 'ISO 4217 currency of the customer''s payments'
            cand --order 'Default auto-allocation order (kebab-case too: oldest-to-newest)'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;customer;list'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;customer;show'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;customer;edit'= {
            cand --name 'New name'
            cand --email 'New email address'
            cand --order 'New default auto-allocation order (kebab-case too: oldest-to-newest)'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would change, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;customer;help'= {
            cand add 'Add a customer'
            cand list 'List customers with their balances'
            cand show 'Show one customer'
            cand edit 'Change a customer''s name, email or allocation order (never its id or currency)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;customer;help;add'= {
        }
        &'payctl;customer;help;list'= {
        }
        &'payctl;customer;help;show'= {
        }
        &'payctl;customer;help;edit'= {
        }
        &'payctl;customer;help;help'= {
        }
        &'payctl;method'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Put a payment method on file (never a card number: brand and last four digits only)'
            cand list 'List a customer''s payment methods'
            cand set-default 'Make a method its customer''s default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;method;add'= {
            cand --customer 'Customer id'
            cand --type 'Kind of method (kebab-case too: credit-card)'
            cand --id 'Method id; assigned when left out'
            cand --label 'A name for the method ("business Visa")'
            cand --brand 'Card brand or bank name'
            cand --last4 'Last four digits of the card or account'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --default 'Make this the customer''s default method (the first method always is)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;method;list'= {
            cand --customer 'Customer id'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;method;set-default'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;method;help'= {
            cand add 'Put a payment method on file (never a card number: brand and last four digits only)'
            cand list 'List a customer''s payment methods'
            cand set-default 'Make a method its customer''s default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;method;help;add'= {
        }
        &'payctl;method;help;list'= {
        }
        &'payctl;method;help;set-default'= {
        }
        &'payctl;method;help;help'= {
        }
        &'payctl;invoice'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add an invoice'
            cand list 'List invoices with their derived status'
            cand show 'Show one invoice and the payments allocated to it'
            cand void 'Void an invoice with no payments allocated'
            cand write-off 'Write off an invoice''s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)'
            cand edit 'Change an invoice''s number or due date (never its money, customer or currency)'
            cand credit-note 'Lower what an invoice owes (never below what is paid on it)'
            cand debit-note 'Raise what an invoice owes (a late fee, a correction)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;invoice;add'= {
            cand --customer 'Customer id the invoice is for'
            cand --id 'Invoice id (e.g. 566934); assigned when left out'
            cand --number 'Invoice number as printed; the id when left out'
            cand --total 'Invoice total'
            cand --currency 'Currency [default: the customer''s]'
            cand --date 'Invoice date [default: now]'
            cand --due 'Due date [default: the invoice date]'
            cand --terms 'Payment terms: netN, due N days after the invoice date'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;invoice;list'= {
            cand --customer 'Only this customer''s invoices'
            cand --status 'Only invoices with this derived status'
            cand --as-of 'Compute `overdue` as of this date'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --overdue 'Only invoices past their due date with money outstanding'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;invoice;show'= {
            cand --as-of 'Compute `overdue` as of this date'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;invoice;void'= {
            cand --reason 'Why (kept in the audit trail)'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;invoice;write-off'= {
            cand --reason 'Why (kept with the write-off and in the audit trail)'
            cand --amount 'Write off only this much (at most what the invoice owes); the invoice stays open until nothing is owed, and is then paid'
            cand --date 'Date of a partial write-off [default: now]'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;invoice;edit'= {
            cand --number 'New invoice number (unique among the customer''s invoices)'
            cand --due 'New due date (not before the invoice date)'
            cand --terms 'New payment terms: netN, due N days after the invoice date'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would change, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;invoice;credit-note'= {
            cand --amount 'Amount of the note, in the invoice''s currency'
            cand --reason 'Why (kept with the note and in the audit trail)'
            cand --date 'Date of the note, on or after the invoice''s date [default: now]'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;invoice;debit-note'= {
            cand --amount 'Amount of the note, in the invoice''s currency'
            cand --reason 'Why (kept with the note and in the audit trail)'
            cand --date 'Date of the note, on or after the invoice''s date [default: now]'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;invoice;help'= {
            cand add 'Add an invoice'
            cand list 'List invoices with their derived status'
            cand show 'Show one invoice and the payments allocated to it'
            cand void 'Void an invoice with no payments allocated'
            cand write-off 'Write off an invoice''s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)'
            cand edit 'Change an invoice''s number or due date (never its money, customer or currency)'
            cand credit-note 'Lower what an invoice owes (never below what is paid on it)'
            cand debit-note 'Raise what an invoice owes (a late fee, a correction)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;invoice;help;add'= {
        }
        &'payctl;invoice;help;list'= {
        }
        &'payctl;invoice;help;show'= {
        }
        &'payctl;invoice;help;void'= {
        }
        &'payctl;invoice;help;write-off'= {
        }
        &'payctl;invoice;help;edit'= {
        }
        &'payctl;invoice;help;credit-note'= {
        }
        &'payctl;invoice;help;debit-note'= {
        }
        &'payctl;invoice;help;help'= {
        }
        &'payctl;credit'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand write-off 'Write off a customer''s unapplied credit (an overpayment), taken from the oldest payments'' unallocated amounts first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;credit;write-off'= {
            cand --customer 'Customer id'
            cand --amount 'How much to write off (at most the customer''s unapplied credit on settled payments)'
            cand --reason 'Why (kept with the write-off and in the audit trail)'
            cand --date 'Date of the write-off [default: now]'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;credit;help'= {
            cand write-off 'Write off a customer''s unapplied credit (an overpayment), taken from the oldest payments'' unallocated amounts first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;credit;help;write-off'= {
        }
        &'payctl;credit;help;help'= {
        }
        &'payctl;create'= {
            cand --customer 'Customer id'
            cand --amount 'Amount, a plain decimal in the customer''s currency (50.78)'
            cand --method 'How the customer paid (any case; kebab-case too: credit-card, direct-deposit)'
            cand --method-id 'The method on file to charge (required for CreditCard and ACH)'
            cand --reference 'Your reference for the payment (at most 500 characters)'
            cand --source 'Where the payment came from'
            cand --currency 'Currency; must be the customer''s'
            cand --date 'When the payment was received [default: now]'
            cand --gateway-fee 'Fee the gateway charged'
            cand --allocate 'Apply AMOUNT to invoice INV, its id or number (repeatable): --allocate 566934=2.00, --allocate INV-2026-0042=500'
            cand --order 'Order for --auto-allocate (kebab-case too: oldest-to-newest) [default: the customer''s]'
            cand --idempotency-key 'Retry-safe key: the same key and request return the first payment'
            cand --json 'Read a Fusebill Create Payment payload from FILE, or - for stdin'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --use-default-method 'Use the customer''s default method on file'
            cand --auto-allocate 'Spread what is left over the customer''s open invoices'
            cand --allow-duplicate 'Record it even if a live payment of this customer has the same amount and reference (otherwise refused as a likely duplicate)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;list'= {
            cand --customer 'Only this customer''s payments'
            cand --method 'Only payments made this way'
            cand --source 'Only payments from this source'
            cand --from 'Payments on or after this date'
            cand --to 'Payments up to this date (a whole day when given as YYYY-MM-DD)'
            cand --limit 'Show at most LIMIT payments [default: all]'
            cand --offset 'Skip the first OFFSET payments (with --limit, to page through them)'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --unallocated 'Only payments with money not yet allocated'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;show'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;allocate'= {
            cand --invoice 'Invoice to apply the payment''s unallocated funds to: its id or number (id:N, number:TEXT force one reading)'
            cand --amount 'Amount to apply to --invoice'
            cand --order 'Order for --auto (kebab-case too: oldest-to-newest) [default: the customer''s]'
            cand --customer 'Apply all of this customer''s available funds, oldest payments first'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --auto 'Spread the unallocated funds over the customer''s open invoices'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;unallocate'= {
            cand --invoice 'Invoice to take the money back from (it reopens): its id or number'
            cand --amount 'Amount to take back [default: all the payment has on the invoice]'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;reallocate'= {
            cand --from 'Invoice the money was applied to by mistake: its id or number'
            cand --to 'Invoice it belongs to: its id or number'
            cand --amount 'Amount to move [default: all the payment has on --from]'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;refund'= {
            cand --amount 'Amount to pay back, at most the payment''s refundable amount (its unallocated funds first, then what --from-invoice takes back)'
            cand --method 'How the money goes back'
            cand --reference 'Your reference for the refund (a check number; at most 500 characters)'
            cand --from-invoice 'Take AMOUNT back from invoice INV, reopening it (repeatable); needed beyond the payment''s unallocated funds'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;settle'= {
            cand --status 'The bank''s answer: failed reverses the payment''s allocations (NSF)'
            cand --message 'What the bank said ("R01 insufficient funds"), kept on the activity'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;void'= {
            cand --reason 'Why (kept in the audit trail)'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;activity'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List payment activities (every attempt, successful or not)'
            cand add 'Record an attempt that made no payment (a declined card)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;activity;list'= {
            cand --customer 'Only this customer''s activities'
            cand --status 'Only activities with this outcome'
            cand --type 'Only activities of this kind'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;activity;add'= {
            cand --customer 'Customer id'
            cand --amount 'Amount that was attempted'
            cand --method 'How the customer tried to pay'
            cand --method-id 'The method on file that was tried'
            cand --status 'The outcome (a successful attempt is recorded by create)'
            cand --message 'What happened ("card declined")'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;activity;help'= {
            cand list 'List payment activities (every attempt, successful or not)'
            cand add 'Record an attempt that made no payment (a declined card)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;activity;help;list'= {
        }
        &'payctl;activity;help;add'= {
        }
        &'payctl;activity;help;help'= {
        }
        &'payctl;log'= {
            cand --customer 'Only events about this customer'
            cand --payment 'Only events about this payment'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;import'= {
            cand --kind 'What the file holds'
            cand --format 'File format [default: from the extension: .csv, .json, .jsonl/.ndjson, .xml]'
            cand --rejects 'Keep the good rows; write each bad one with its line number and reason to FILE (CSV)'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Check every row, write nothing'
            cand --allow-duplicate 'Accept payments with the customer, amount and reference of a live payment (in the ledger or earlier in the file) instead of refusing them as likely duplicates'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;export'= {
            cand --format 'File format [default: json with -o json, else csv]'
            cand --to 'Write to FILE (created 0600) instead of stdout'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;period'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand close 'Close every business date on or before DATE: later writes dated then are refused'
            cand list 'List every close and reopen, oldest first'
            cand reopen 'Reopen DATE and every later date (the close moves back to the day before DATE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;period;close'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;period;list'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;period;reopen'= {
            cand --reason 'Why (kept with the event and in the audit trail)'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;period;help'= {
            cand close 'Close every business date on or before DATE: later writes dated then are refused'
            cand list 'List every close and reopen, oldest first'
            cand reopen 'Reopen DATE and every later date (the close moves back to the day before DATE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;period;help;close'= {
        }
        &'payctl;period;help;list'= {
        }
        &'payctl;period;help;reopen'= {
        }
        &'payctl;period;help;help'= {
        }
        &'payctl;report'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand aging 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency'
            cand statement 'One customer''s account in date order, with a running balance and available funds'
            cand balances 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;report;aging'= {
            cand --as-of 'A point in time: YYYY-MM-DD (the end of that day, UTC) or RFC 3339; rows dated after it are not counted [default: the ledger as it stands, aged to today]'
            cand --by 'Age invoices by due date or by invoice date'
            cand --customer 'Only this customer'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --chart 'Draw each currency''s buckets as bars, fitted to the terminal (COLUMNS, else 80 in a pipe); table output only (-o html always has the chart)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;report;statement'= {
            cand --customer 'Customer id'
            cand --from 'First day (or moment) shown; what came before is the opening balance [default: the beginning]'
            cand --to 'Last day shown (a bare date takes in the whole day) [default: everything recorded]'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;report;balances'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;report;help'= {
            cand aging 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency'
            cand statement 'One customer''s account in date order, with a running balance and available funds'
            cand balances 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;report;help;aging'= {
        }
        &'payctl;report;help;statement'= {
        }
        &'payctl;report;help;balances'= {
        }
        &'payctl;report;help;help'= {
        }
        &'payctl;verify'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;find'= {
            cand --limit 'At most this many customers, this many invoices and this many payments'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;backup'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --force 'Replace FILE if it exists (atomically: FILE is the old copy or the new one, never half)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;bank'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand import 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped'
            cand list 'List bank lines with their status'
            cand show 'Show one bank line: its status, its newest proposal, its payment if applied'
            cand ignore 'Record why a bank line is not a customer payment; it is then left out of matching'
            cand report 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement''s opening and closing balances agree with its lines'
            cand match 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why'
            cand apply 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;bank;import'= {
            cand --format 'The file''s format (default: told from its first bytes: XML is camt.053, a `:20:` or `{1:` block is MT940, anything else CSV)'
            cand --map 'For CSV: KEY=VALUE pairs separated by commas. Columns: date, amount (signed) or credit and debit, reference, payer, account, id, currency, value_date. Options: currency_code=CODE (when no column), decimal=dot|comma, thousands=none|dot|comma|space|apostrophe, date_format=STRFTIME (default %Y-%m-%d), delimiter=comma|semicolon|tab, own_account=IBAN'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;bank;list'= {
            cand --status 'Only lines of this status'
            cand --statement 'Only lines of this statement'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;bank;show'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;bank;ignore'= {
            cand --reason 'Why (e.g. "interest", "transfer between our accounts")'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;bank;report'= {
            cand --statement 'Only this statement'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;bank;match'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --dry-run 'Print the proposals, store nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;bank;apply'= {
            cand --customer 'The customer who paid [default: the newest proposal''s]'
            cand --allocate 'Apply AMOUNT to invoice INV (repeatable): --allocate 566934=2.00'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand --suggested 'Apply every line whose newest proposal is unambiguous, each re-checked against the balances as they are now (a proposal that no longer fits is skipped and reported)'
            cand --auto-allocate 'Spread what is left over the customer''s open invoices, in its allocation order'
            cand --dry-run 'Print what would be written, write nothing'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;bank;help'= {
            cand import 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped'
            cand list 'List bank lines with their status'
            cand show 'Show one bank line: its status, its newest proposal, its payment if applied'
            cand ignore 'Record why a bank line is not a customer payment; it is then left out of matching'
            cand report 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement''s opening and closing balances agree with its lines'
            cand match 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why'
            cand apply 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;bank;help;import'= {
        }
        &'payctl;bank;help;list'= {
        }
        &'payctl;bank;help;show'= {
        }
        &'payctl;bank;help;ignore'= {
        }
        &'payctl;bank;help;report'= {
        }
        &'payctl;bank;help;match'= {
        }
        &'payctl;bank;help;apply'= {
        }
        &'payctl;bank;help;help'= {
        }
        &'payctl;db'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand grant-clerk 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger''s owner)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;db;grant-clerk'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;db;help'= {
            cand grant-clerk 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger''s owner)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;db;help;grant-clerk'= {
        }
        &'payctl;db;help;help'= {
        }
        &'payctl;restore'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;completions'= {
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;man'= {
            cand --dir 'Write every page (payctl.1, payctl-create.1, payctl-invoice-add.1, ...) into DIR (created if missing) instead of printing one'
            cand --db 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)'
            cand -q 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --quiet 'Print only what a script needs (a new record''s id, a backup''s path), no summary'
            cand --no-headers 'Leave the header row out of tables (boxed and plain)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'payctl;help'= {
            cand customer 'Add, list and show customers'
            cand method 'Payment methods on file (credit cards, bank accounts, PayPal)'
            cand invoice 'Add, list, show, void and write off invoices'
            cand credit 'A customer''s unapplied credit: write it off'
            cand create 'Record a payment and allocate it to invoices'
            cand list 'List payments'
            cand show 'Show one payment as a Fusebill Payment Object'
            cand allocate 'Apply a payment''s unallocated funds to invoices (or all of a customer''s with --customer)'
            cand unallocate 'Take money a payment applied to an invoice back into its unallocated funds'
            cand reallocate 'Move money from one invoice to another in one step'
            cand refund 'Refund part or all of a payment'
            cand settle 'Settle a Pending (ACH, DirectDeposit) payment; failed means NSF'
            cand void 'Void a payment entered by mistake (reverses its allocations, keeps the record)'
            cand activity 'Payment activities: every attempt to move money'
            cand log 'Show the audit trail'
            cand import 'Import payments, invoices or customers from CSV, JSON, JSON Lines or XML, all or nothing'
            cand export 'Export payments, invoices, customers, allocations or activities'
            cand period 'Close accounting periods: no write dated on or before a closed date is accepted'
            cand report 'Receivables reports: aging, customer statement, balances (read only)'
            cand verify 'Check the ledger: SQLite integrity, foreign keys, and every balance recomputed from its rows'
            cand find 'Find customers by name or email, invoices by number, payments by reference, and all three by exact amount'
            cand backup 'Write a consistent copy of the ledger to FILE, safely while other payctl processes write'
            cand bank 'Bank statements: import their credit lines, match them to invoices, apply them as payments, list, show, ignore and report them'
            cand db 'Administer a team ledger on PostgreSQL: database roles for clerks'
            cand restore 'Load a SQLite ledger FILE (a backup) into the empty ledger named by --db (a file or a postgres:// URL; on PostgreSQL run it as the database''s owner)'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff), or write them all to a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'payctl;help;customer'= {
            cand add 'Add a customer'
            cand list 'List customers with their balances'
            cand show 'Show one customer'
            cand edit 'Change a customer''s name, email or allocation order (never its id or currency)'
        }
        &'payctl;help;customer;add'= {
        }
        &'payctl;help;customer;list'= {
        }
        &'payctl;help;customer;show'= {
        }
        &'payctl;help;customer;edit'= {
        }
        &'payctl;help;method'= {
            cand add 'Put a payment method on file (never a card number: brand and last four digits only)'
            cand list 'List a customer''s payment methods'
            cand set-default 'Make a method its customer''s default'
        }
        &'payctl;help;method;add'= {
        }
        &'payctl;help;method;list'= {
        }
        &'payctl;help;method;set-default'= {
        }
        &'payctl;help;invoice'= {
            cand add 'Add an invoice'
            cand list 'List invoices with their derived status'
            cand show 'Show one invoice and the payments allocated to it'
            cand void 'Void an invoice with no payments allocated'
            cand write-off 'Write off an invoice''s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)'
            cand edit 'Change an invoice''s number or due date (never its money, customer or currency)'
            cand credit-note 'Lower what an invoice owes (never below what is paid on it)'
            cand debit-note 'Raise what an invoice owes (a late fee, a correction)'
        }
        &'payctl;help;invoice;add'= {
        }
        &'payctl;help;invoice;list'= {
        }
        &'payctl;help;invoice;show'= {
        }
        &'payctl;help;invoice;void'= {
        }
        &'payctl;help;invoice;write-off'= {
        }
        &'payctl;help;invoice;edit'= {
        }
        &'payctl;help;invoice;credit-note'= {
        }
        &'payctl;help;invoice;debit-note'= {
        }
        &'payctl;help;credit'= {
            cand write-off 'Write off a customer''s unapplied credit (an overpayment), taken from the oldest payments'' unallocated amounts first'
        }
        &'payctl;help;credit;write-off'= {
        }
        &'payctl;help;create'= {
        }
        &'payctl;help;list'= {
        }
        &'payctl;help;show'= {
        }
        &'payctl;help;allocate'= {
        }
        &'payctl;help;unallocate'= {
        }
        &'payctl;help;reallocate'= {
        }
        &'payctl;help;refund'= {
        }
        &'payctl;help;settle'= {
        }
        &'payctl;help;void'= {
        }
        &'payctl;help;activity'= {
            cand list 'List payment activities (every attempt, successful or not)'
            cand add 'Record an attempt that made no payment (a declined card)'
        }
        &'payctl;help;activity;list'= {
        }
        &'payctl;help;activity;add'= {
        }
        &'payctl;help;log'= {
        }
        &'payctl;help;import'= {
        }
        &'payctl;help;export'= {
        }
        &'payctl;help;period'= {
            cand close 'Close every business date on or before DATE: later writes dated then are refused'
            cand list 'List every close and reopen, oldest first'
            cand reopen 'Reopen DATE and every later date (the close moves back to the day before DATE)'
        }
        &'payctl;help;period;close'= {
        }
        &'payctl;help;period;list'= {
        }
        &'payctl;help;period;reopen'= {
        }
        &'payctl;help;report'= {
            cand aging 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency'
            cand statement 'One customer''s account in date order, with a running balance and available funds'
            cand balances 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds'
        }
        &'payctl;help;report;aging'= {
        }
        &'payctl;help;report;statement'= {
        }
        &'payctl;help;report;balances'= {
        }
        &'payctl;help;verify'= {
        }
        &'payctl;help;find'= {
        }
        &'payctl;help;backup'= {
        }
        &'payctl;help;bank'= {
            cand import 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped'
            cand list 'List bank lines with their status'
            cand show 'Show one bank line: its status, its newest proposal, its payment if applied'
            cand ignore 'Record why a bank line is not a customer payment; it is then left out of matching'
            cand report 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement''s opening and closing balances agree with its lines'
            cand match 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why'
            cand apply 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given'
        }
        &'payctl;help;bank;import'= {
        }
        &'payctl;help;bank;list'= {
        }
        &'payctl;help;bank;show'= {
        }
        &'payctl;help;bank;ignore'= {
        }
        &'payctl;help;bank;report'= {
        }
        &'payctl;help;bank;match'= {
        }
        &'payctl;help;bank;apply'= {
        }
        &'payctl;help;db'= {
            cand grant-clerk 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger''s owner)'
        }
        &'payctl;help;db;grant-clerk'= {
        }
        &'payctl;help;restore'= {
        }
        &'payctl;help;completions'= {
        }
        &'payctl;help;man'= {
        }
        &'payctl;help;help'= {
        }
    ]
    $completions[$command]
}

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_payctl_global_optspecs
    string join \n db= o/output= q/quiet color= no-headers h/help V/version
end

function __fish_payctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_payctl_global_optspecs) -- $cmd 2>/dev/null
    # A global option still waiting for its value (payctl -o <TAB>): no subcommand yet.
    or return 0
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_payctl_using_subcommand
    set -l cmd (__fish_payctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c payctl -n "__fish_payctl_needs_command" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_needs_command" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_needs_command" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_needs_command" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_needs_command" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "customer" -d 'Add, list and show customers'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "method" -d 'Payment methods on file (credit cards, bank accounts, PayPal)'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "invoice" -d 'Add, list, show, void and write off invoices'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "credit" -d 'A customer\'s unapplied credit: write it off'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "create" -d 'Record a payment and allocate it to invoices'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "list" -d 'List payments'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "show" -d 'Show one payment as a Fusebill Payment Object'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "allocate" -d 'Apply a payment\'s unallocated funds to invoices (or all of a customer\'s with --customer)'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "unallocate" -d 'Take money a payment applied to an invoice back into its unallocated funds'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "reallocate" -d 'Move money from one invoice to another in one step'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "refund" -d 'Refund part or all of a payment'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "settle" -d 'Settle a Pending (ACH, DirectDeposit) payment; failed means NSF'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "void" -d 'Void a payment entered by mistake (reverses its allocations, keeps the record)'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "activity" -d 'Payment activities: every attempt to move money'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "log" -d 'Show the audit trail'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "import" -d 'Import payments, invoices or customers from CSV, JSON, JSON Lines or XML, all or nothing'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "export" -d 'Export payments, invoices, customers, allocations or activities'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "period" -d 'Close accounting periods: no write dated on or before a closed date is accepted'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "report" -d 'Receivables reports: aging, customer statement, balances (read only)'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "verify" -d 'Check the ledger: SQLite integrity, foreign keys, and every balance recomputed from its rows'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "find" -d 'Find customers by name or email, invoices by number, payments by reference, and all three by exact amount'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "backup" -d 'Write a consistent copy of the ledger to FILE, safely while other payctl processes write'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "bank" -d 'Bank statements: import their credit lines, match them to invoices, apply them as payments, list, show, ignore and report them'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "db" -d 'Administer a team ledger on PostgreSQL: database roles for clerks'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "restore" -d 'Load a SQLite ledger FILE (a backup) into the empty ledger named by --db (a file or a postgres:// URL; on PostgreSQL run it as the database\'s owner)'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "man" -d 'Print a man page (roff), or write them all to a folder'
complete -c payctl -n "__fish_payctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -f -a "add" -d 'Add a customer'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -f -a "list" -d 'List customers with their balances'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -f -a "show" -d 'Show one customer'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -f -a "edit" -d 'Change a customer\'s name, email or allocation order (never its id or currency)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -l id -d 'Customer id (e.g. 655080); assigned when left out' -r
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -l name -d 'Name' -r
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -l email -d 'Email address' -r
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -l currency -d 'ISO 4217 currency of the customer\'s payments' -r
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -l order -d 'Default auto-allocation order (kebab-case too: oldest-to-newest)' -r -f -a "OldestToNewest\t''
NewestToOldest\t''"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from list" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from show" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -l name -d 'New name' -r
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -l email -d 'New email address' -r
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -l order -d 'New default auto-allocation order (kebab-case too: oldest-to-newest)' -r -f -a "OldestToNewest\t''
NewestToOldest\t''"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -l dry-run -d 'Print what would change, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a customer'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "list" -d 'List customers with their balances'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one customer'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a customer\'s name, email or allocation order (never its id or currency)'
complete -c payctl -n "__fish_payctl_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -f -a "add" -d 'Put a payment method on file (never a card number: brand and last four digits only)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -f -a "list" -d 'List a customer\'s payment methods'
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -f -a "set-default" -d 'Make a method its customer\'s default'
complete -c payctl -n "__fish_payctl_using_subcommand method; and not __fish_seen_subcommand_from add list set-default help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l customer -d 'Customer id' -r
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l type -d 'Kind of method (kebab-case too: credit-card)' -r -f -a "CreditCard\t''
ACH\t''
Paypal\t''"
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l id -d 'Method id; assigned when left out' -r
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l label -d 'A name for the method ("business Visa")' -r
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l brand -d 'Card brand or bank name' -r
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l last4 -d 'Last four digits of the card or account' -r
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l default -d 'Make this the customer\'s default method (the first method always is)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from list" -l customer -d 'Customer id' -r
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from list" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from set-default" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from set-default" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from set-default" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from set-default" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from set-default" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from set-default" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from set-default" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from help" -f -a "add" -d 'Put a payment method on file (never a card number: brand and last four digits only)'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a customer\'s payment methods'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from help" -f -a "set-default" -d 'Make a method its customer\'s default'
complete -c payctl -n "__fish_payctl_using_subcommand method; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "add" -d 'Add an invoice'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "list" -d 'List invoices with their derived status'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "show" -d 'Show one invoice and the payments allocated to it'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "void" -d 'Void an invoice with no payments allocated'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "write-off" -d 'Write off an invoice\'s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "edit" -d 'Change an invoice\'s number or due date (never its money, customer or currency)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "credit-note" -d 'Lower what an invoice owes (never below what is paid on it)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "debit-note" -d 'Raise what an invoice owes (a late fee, a correction)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and not __fish_seen_subcommand_from add list show void write-off edit credit-note debit-note help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l customer -d 'Customer id the invoice is for' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l id -d 'Invoice id (e.g. 566934); assigned when left out' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l number -d 'Invoice number as printed; the id when left out' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l total -d 'Invoice total' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l currency -d 'Currency [default: the customer\'s]' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l date -d 'Invoice date [default: now]' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l due -d 'Due date [default: the invoice date]' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l terms -d 'Payment terms: netN, due N days after the invoice date' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -l customer -d 'Only this customer\'s invoices' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -l status -d 'Only invoices with this derived status' -r -f -a "unpaid\t''
partially_paid\t''
paid\t''
void\t''
written_off\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -l as-of -d 'Compute `overdue` as of this date' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -l overdue -d 'Only invoices past their due date with money outstanding'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from show" -l as-of -d 'Compute `overdue` as of this date' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from show" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -l reason -d 'Why (kept in the audit trail)' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from void" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -l reason -d 'Why (kept with the write-off and in the audit trail)' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -l amount -d 'Write off only this much (at most what the invoice owes); the invoice stays open until nothing is owed, and is then paid' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -l date -d 'Date of a partial write-off [default: now]' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from write-off" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -l number -d 'New invoice number (unique among the customer\'s invoices)' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -l due -d 'New due date (not before the invoice date)' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -l terms -d 'New payment terms: netN, due N days after the invoice date' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -l dry-run -d 'Print what would change, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -l amount -d 'Amount of the note, in the invoice\'s currency' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -l reason -d 'Why (kept with the note and in the audit trail)' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -l date -d 'Date of the note, on or after the invoice\'s date [default: now]' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from credit-note" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -l amount -d 'Amount of the note, in the invoice\'s currency' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -l reason -d 'Why (kept with the note and in the audit trail)' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -l date -d 'Date of the note, on or after the invoice\'s date [default: now]' -r
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from debit-note" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an invoice'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "list" -d 'List invoices with their derived status'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one invoice and the payments allocated to it'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "void" -d 'Void an invoice with no payments allocated'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "write-off" -d 'Write off an invoice\'s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change an invoice\'s number or due date (never its money, customer or currency)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "credit-note" -d 'Lower what an invoice owes (never below what is paid on it)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "debit-note" -d 'Raise what an invoice owes (a late fee, a correction)'
complete -c payctl -n "__fish_payctl_using_subcommand invoice; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -f -a "write-off" -d 'Write off a customer\'s unapplied credit (an overpayment), taken from the oldest payments\' unallocated amounts first'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and not __fish_seen_subcommand_from write-off help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -l customer -d 'Customer id' -r
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -l amount -d 'How much to write off (at most the customer\'s unapplied credit on settled payments)' -r
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -l reason -d 'Why (kept with the write-off and in the audit trail)' -r
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -l date -d 'Date of the write-off [default: now]' -r
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from write-off" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from help" -f -a "write-off" -d 'Write off a customer\'s unapplied credit (an overpayment), taken from the oldest payments\' unallocated amounts first'
complete -c payctl -n "__fish_payctl_using_subcommand credit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand create" -l customer -d 'Customer id' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l amount -d 'Amount, a plain decimal in the customer\'s currency (50.78)' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l method -d 'How the customer paid (any case; kebab-case too: credit-card, direct-deposit)' -r -f -a "Cash\t''
Check\t''
CreditCard\t''
DirectDeposit\t''
ACH\t''
Paypal\t''"
complete -c payctl -n "__fish_payctl_using_subcommand create" -l method-id -d 'The method on file to charge (required for CreditCard and ACH)' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l reference -d 'Your reference for the payment (at most 500 characters)' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l source -d 'Where the payment came from' -r -f -a "Manual\t''
Automatic\t''
SelfServicePortal\t''
Import\t''"
complete -c payctl -n "__fish_payctl_using_subcommand create" -l currency -d 'Currency; must be the customer\'s' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l date -d 'When the payment was received [default: now]' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l gateway-fee -d 'Fee the gateway charged' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l allocate -d 'Apply AMOUNT to invoice INV, its id or number (repeatable): --allocate 566934=2.00, --allocate INV-2026-0042=500' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l order -d 'Order for --auto-allocate (kebab-case too: oldest-to-newest) [default: the customer\'s]' -r -f -a "OldestToNewest\t''
NewestToOldest\t''"
complete -c payctl -n "__fish_payctl_using_subcommand create" -l idempotency-key -d 'Retry-safe key: the same key and request return the first payment' -r
complete -c payctl -n "__fish_payctl_using_subcommand create" -l json -d 'Read a Fusebill Create Payment payload from FILE, or - for stdin' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand create" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand create" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand create" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand create" -l use-default-method -d 'Use the customer\'s default method on file'
complete -c payctl -n "__fish_payctl_using_subcommand create" -l auto-allocate -d 'Spread what is left over the customer\'s open invoices'
complete -c payctl -n "__fish_payctl_using_subcommand create" -l allow-duplicate -d 'Record it even if a live payment of this customer has the same amount and reference (otherwise refused as a likely duplicate)'
complete -c payctl -n "__fish_payctl_using_subcommand create" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand create" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand create" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand create" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand list" -l customer -d 'Only this customer\'s payments' -r
complete -c payctl -n "__fish_payctl_using_subcommand list" -l method -d 'Only payments made this way' -r -f -a "Cash\t''
Check\t''
CreditCard\t''
DirectDeposit\t''
ACH\t''
Paypal\t''"
complete -c payctl -n "__fish_payctl_using_subcommand list" -l source -d 'Only payments from this source' -r -f -a "Manual\t''
Automatic\t''
SelfServicePortal\t''
Import\t''"
complete -c payctl -n "__fish_payctl_using_subcommand list" -l from -d 'Payments on or after this date' -r
complete -c payctl -n "__fish_payctl_using_subcommand list" -l to -d 'Payments up to this date (a whole day when given as YYYY-MM-DD)' -r
complete -c payctl -n "__fish_payctl_using_subcommand list" -l limit -d 'Show at most LIMIT payments [default: all]' -r
complete -c payctl -n "__fish_payctl_using_subcommand list" -l offset -d 'Skip the first OFFSET payments (with --limit, to page through them)' -r
complete -c payctl -n "__fish_payctl_using_subcommand list" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand list" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand list" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand list" -l unallocated -d 'Only payments with money not yet allocated'
complete -c payctl -n "__fish_payctl_using_subcommand list" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand list" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand list" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand show" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand show" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand show" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand show" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand show" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand show" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l invoice -d 'Invoice to apply the payment\'s unallocated funds to: its id or number (id:N, number:TEXT force one reading)' -r
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l amount -d 'Amount to apply to --invoice' -r
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l order -d 'Order for --auto (kebab-case too: oldest-to-newest) [default: the customer\'s]' -r -f -a "OldestToNewest\t''
NewestToOldest\t''"
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l customer -d 'Apply all of this customer\'s available funds, oldest payments first' -r
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l auto -d 'Spread the unallocated funds over the customer\'s open invoices'
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand allocate" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -l invoice -d 'Invoice to take the money back from (it reopens): its id or number' -r
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -l amount -d 'Amount to take back [default: all the payment has on the invoice]' -r
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand unallocate" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -l from -d 'Invoice the money was applied to by mistake: its id or number' -r
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -l to -d 'Invoice it belongs to: its id or number' -r
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -l amount -d 'Amount to move [default: all the payment has on --from]' -r
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand reallocate" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand refund" -l amount -d 'Amount to pay back, at most the payment\'s refundable amount (its unallocated funds first, then what --from-invoice takes back)' -r
complete -c payctl -n "__fish_payctl_using_subcommand refund" -l method -d 'How the money goes back' -r -f -a "original\t''
check\t''
cash\t''
direct-deposit\t''"
complete -c payctl -n "__fish_payctl_using_subcommand refund" -l reference -d 'Your reference for the refund (a check number; at most 500 characters)' -r
complete -c payctl -n "__fish_payctl_using_subcommand refund" -l from-invoice -d 'Take AMOUNT back from invoice INV, reopening it (repeatable); needed beyond the payment\'s unallocated funds' -r
complete -c payctl -n "__fish_payctl_using_subcommand refund" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand refund" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand refund" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand refund" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand refund" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand refund" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand refund" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand refund" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand settle" -l status -d 'The bank\'s answer: failed reverses the payment\'s allocations (NSF)' -r -f -a "successful\t''
failed\t''"
complete -c payctl -n "__fish_payctl_using_subcommand settle" -l message -d 'What the bank said ("R01 insufficient funds"), kept on the activity' -r
complete -c payctl -n "__fish_payctl_using_subcommand settle" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand settle" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand settle" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand settle" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand settle" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand settle" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand settle" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand settle" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand void" -l reason -d 'Why (kept in the audit trail)' -r
complete -c payctl -n "__fish_payctl_using_subcommand void" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand void" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand void" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand void" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand void" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand void" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand void" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand void" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -f -a "list" -d 'List payment activities (every attempt, successful or not)'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -f -a "add" -d 'Record an attempt that made no payment (a declined card)'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and not __fish_seen_subcommand_from list add help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -l customer -d 'Only this customer\'s activities' -r
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -l status -d 'Only activities with this outcome' -r -f -a "Successful\t''
Failed\t''
Unknown\t''"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -l type -d 'Only activities of this kind' -r -f -a "Collect\t''
Refund\t''
NSF\t''"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l customer -d 'Customer id' -r
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l amount -d 'Amount that was attempted' -r
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l method -d 'How the customer tried to pay' -r -f -a "Cash\t''
Check\t''
CreditCard\t''
DirectDeposit\t''
ACH\t''
Paypal\t''"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l method-id -d 'The method on file that was tried' -r
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l status -d 'The outcome (a successful attempt is recorded by create)' -r -f -a "failed\t''
unknown\t''"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l message -d 'What happened ("card declined")' -r
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from help" -f -a "list" -d 'List payment activities (every attempt, successful or not)'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from help" -f -a "add" -d 'Record an attempt that made no payment (a declined card)'
complete -c payctl -n "__fish_payctl_using_subcommand activity; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand log" -l customer -d 'Only events about this customer' -r
complete -c payctl -n "__fish_payctl_using_subcommand log" -l payment -d 'Only events about this payment' -r
complete -c payctl -n "__fish_payctl_using_subcommand log" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand log" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand log" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand log" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand log" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand log" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand import" -l kind -d 'What the file holds' -r -f -a "payments\t''
invoices\t''
customers\t''
methods\t'Payment methods on file (import them before the payments that name them)'
write-offs\t'Invoice write-offs (import them after the payments)'
adjustments\t'Credit notes, debit notes and partial write-offs (import them after the invoices, before the payments)'
credit-write-offs\t'Write-offs of customers\' unapplied credit (import them after the payments)'"
complete -c payctl -n "__fish_payctl_using_subcommand import" -l format -d 'File format [default: from the extension: .csv, .json, .jsonl/.ndjson, .xml]' -r -f -a "csv\t''
json\t''
jsonl\t''
xml\t''"
complete -c payctl -n "__fish_payctl_using_subcommand import" -l rejects -d 'Keep the good rows; write each bad one with its line number and reason to FILE (CSV)' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand import" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand import" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand import" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand import" -l dry-run -d 'Check every row, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand import" -l allow-duplicate -d 'Accept payments with the customer, amount and reference of a live payment (in the ledger or earlier in the file) instead of refusing them as likely duplicates'
complete -c payctl -n "__fish_payctl_using_subcommand import" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand import" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand import" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand export" -l format -d 'File format [default: json with -o json, else csv]' -r -f -a "csv\t''
json\t''
jsonl\t''"
complete -c payctl -n "__fish_payctl_using_subcommand export" -l to -d 'Write to FILE (created 0600) instead of stdout' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand export" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand export" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand export" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand export" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand export" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand export" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -f -a "close" -d 'Close every business date on or before DATE: later writes dated then are refused'
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -f -a "list" -d 'List every close and reopen, oldest first'
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -f -a "reopen" -d 'Reopen DATE and every later date (the close moves back to the day before DATE)'
complete -c payctl -n "__fish_payctl_using_subcommand period; and not __fish_seen_subcommand_from close list reopen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from close" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from close" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from list" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -l reason -d 'Why (kept with the event and in the audit trail)' -r
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from reopen" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close every business date on or before DATE: later writes dated then are refused'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every close and reopen, oldest first'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Reopen DATE and every later date (the close moves back to the day before DATE)'
complete -c payctl -n "__fish_payctl_using_subcommand period; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -f -a "aging" -d 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency'
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -f -a "statement" -d 'One customer\'s account in date order, with a running balance and available funds'
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -f -a "balances" -d 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds'
complete -c payctl -n "__fish_payctl_using_subcommand report; and not __fish_seen_subcommand_from aging statement balances help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -l as-of -d 'A point in time: YYYY-MM-DD (the end of that day, UTC) or RFC 3339; rows dated after it are not counted [default: the ledger as it stands, aged to today]' -r
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -l by -d 'Age invoices by due date or by invoice date' -r -f -a "due\t'Days past the due date'
invoice\t'Days since the invoice date'"
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -l customer -d 'Only this customer' -r
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -l chart -d 'Draw each currency\'s buckets as bars, fitted to the terminal (COLUMNS, else 80 in a pipe); table output only (-o html always has the chart)'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from aging" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -l customer -d 'Customer id' -r
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -l from -d 'First day (or moment) shown; what came before is the opening balance [default: the beginning]' -r
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -l to -d 'Last day shown (a bare date takes in the whole day) [default: everything recorded]' -r
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from statement" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from balances" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from balances" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from balances" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from balances" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from balances" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from balances" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from balances" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "aging" -d 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "statement" -d 'One customer\'s account in date order, with a running balance and available funds'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "balances" -d 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds'
complete -c payctl -n "__fish_payctl_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand verify" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand verify" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand verify" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand verify" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand verify" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand verify" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand find" -l limit -d 'At most this many customers, this many invoices and this many payments' -r
complete -c payctl -n "__fish_payctl_using_subcommand find" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand find" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand find" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand find" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand find" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand find" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand find" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand backup" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand backup" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand backup" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand backup" -l force -d 'Replace FILE if it exists (atomically: FILE is the old copy or the new one, never half)'
complete -c payctl -n "__fish_payctl_using_subcommand backup" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand backup" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand backup" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -f -a "import" -d 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -f -a "list" -d 'List bank lines with their status'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -f -a "show" -d 'Show one bank line: its status, its newest proposal, its payment if applied'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -f -a "ignore" -d 'Record why a bank line is not a customer payment; it is then left out of matching'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -f -a "report" -d 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement\'s opening and closing balances agree with its lines'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -f -a "match" -d 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -f -a "apply" -d 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and not __fish_seen_subcommand_from import list show ignore report match apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -l format -d 'The file\'s format (default: told from its first bytes: XML is camt.053, a `:20:` or `{1:` block is MT940, anything else CSV)' -r -f -a "camt053\t'ISO 20022 camt.053 (versions 001.02 to 001.08)'
mt940\t'SWIFT MT940'
csv\t'A bank\'s CSV export, read through --map'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -l map -d 'For CSV: KEY=VALUE pairs separated by commas. Columns: date, amount (signed) or credit and debit, reference, payer, account, id, currency, value_date. Options: currency_code=CODE (when no column), decimal=dot|comma, thousands=none|dot|comma|space|apostrophe, date_format=STRFTIME (default %Y-%m-%d), delimiter=comma|semicolon|tab, own_account=IBAN' -r
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -l status -d 'Only lines of this status' -r -f -a "unmatched\t''
suggested\t''
applied\t''
ignored\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -l statement -d 'Only lines of this statement' -r
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from show" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -l reason -d 'Why (e.g. "interest", "transfer between our accounts")' -r
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from ignore" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from report" -l statement -d 'Only this statement' -r
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from report" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from report" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from report" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from report" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from report" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from match" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from match" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from match" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from match" -l dry-run -d 'Print the proposals, store nothing'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from match" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from match" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from match" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from match" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -l customer -d 'The customer who paid [default: the newest proposal\'s]' -r
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -l allocate -d 'Apply AMOUNT to invoice INV (repeatable): --allocate 566934=2.00' -r
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -l suggested -d 'Apply every line whose newest proposal is unambiguous, each re-checked against the balances as they are now (a proposal that no longer fits is skipped and reported)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -l auto-allocate -d 'Spread what is left over the customer\'s open invoices, in its allocation order'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -l dry-run -d 'Print what would be written, write nothing'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "import" -d 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "list" -d 'List bank lines with their status'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one bank line: its status, its newest proposal, its payment if applied'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "ignore" -d 'Record why a bank line is not a customer payment; it is then left out of matching'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "report" -d 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement\'s opening and closing balances agree with its lines'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "match" -d 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given'
complete -c payctl -n "__fish_payctl_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -f -a "grant-clerk" -d 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger\'s owner)'
complete -c payctl -n "__fish_payctl_using_subcommand db; and not __fish_seen_subcommand_from grant-clerk help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from grant-clerk" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from grant-clerk" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from grant-clerk" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from grant-clerk" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from grant-clerk" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from grant-clerk" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from grant-clerk" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "grant-clerk" -d 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger\'s owner)'
complete -c payctl -n "__fish_payctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand restore" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand restore" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand restore" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand restore" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand restore" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand restore" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand completions" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand completions" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand completions" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand man" -l dir -d 'Write every page (payctl.1, payctl-create.1, payctl-invoice-add.1, ...) into DIR (created if missing) instead of printing one' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand man" -l db -d 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]' -r -F
complete -c payctl -n "__fish_payctl_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t'Boxed on a terminal; plain columns separated by two spaces in a pipe'
json\t'One JSON document (lists are arrays)'
csv\t''
jsonl\t'JSON Lines: one JSON object per line (each record of a list)'
html\t'A self-contained HTML page (report aging and report statement only)'"
complete -c payctl -n "__fish_payctl_using_subcommand man" -l color -d 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c payctl -n "__fish_payctl_using_subcommand man" -s q -l quiet -d 'Print only what a script needs (a new record\'s id, a backup\'s path), no summary'
complete -c payctl -n "__fish_payctl_using_subcommand man" -l no-headers -d 'Leave the header row out of tables (boxed and plain)'
complete -c payctl -n "__fish_payctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c payctl -n "__fish_payctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "customer" -d 'Add, list and show customers'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "method" -d 'Payment methods on file (credit cards, bank accounts, PayPal)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "invoice" -d 'Add, list, show, void and write off invoices'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "credit" -d 'A customer\'s unapplied credit: write it off'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "create" -d 'Record a payment and allocate it to invoices'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "list" -d 'List payments'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "show" -d 'Show one payment as a Fusebill Payment Object'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "allocate" -d 'Apply a payment\'s unallocated funds to invoices (or all of a customer\'s with --customer)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "unallocate" -d 'Take money a payment applied to an invoice back into its unallocated funds'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "reallocate" -d 'Move money from one invoice to another in one step'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "refund" -d 'Refund part or all of a payment'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "settle" -d 'Settle a Pending (ACH, DirectDeposit) payment; failed means NSF'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "void" -d 'Void a payment entered by mistake (reverses its allocations, keeps the record)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "activity" -d 'Payment activities: every attempt to move money'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "log" -d 'Show the audit trail'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "import" -d 'Import payments, invoices or customers from CSV, JSON, JSON Lines or XML, all or nothing'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "export" -d 'Export payments, invoices, customers, allocations or activities'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "period" -d 'Close accounting periods: no write dated on or before a closed date is accepted'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "report" -d 'Receivables reports: aging, customer statement, balances (read only)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "verify" -d 'Check the ledger: SQLite integrity, foreign keys, and every balance recomputed from its rows'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "find" -d 'Find customers by name or email, invoices by number, payments by reference, and all three by exact amount'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "backup" -d 'Write a consistent copy of the ledger to FILE, safely while other payctl processes write'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "bank" -d 'Bank statements: import their credit lines, match them to invoices, apply them as payments, list, show, ignore and report them'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "db" -d 'Administer a team ledger on PostgreSQL: database roles for clerks'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "restore" -d 'Load a SQLite ledger FILE (a backup) into the empty ledger named by --db (a file or a postgres:// URL; on PostgreSQL run it as the database\'s owner)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "man" -d 'Print a man page (roff), or write them all to a folder'
complete -c payctl -n "__fish_payctl_using_subcommand help; and not __fish_seen_subcommand_from customer method invoice credit create list show allocate unallocate reallocate refund settle void activity log import export period report verify find backup bank db restore completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "add" -d 'Add a customer'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "list" -d 'List customers with their balances'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "show" -d 'Show one customer'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "edit" -d 'Change a customer\'s name, email or allocation order (never its id or currency)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from method" -f -a "add" -d 'Put a payment method on file (never a card number: brand and last four digits only)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from method" -f -a "list" -d 'List a customer\'s payment methods'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from method" -f -a "set-default" -d 'Make a method its customer\'s default'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from invoice" -f -a "add" -d 'Add an invoice'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from invoice" -f -a "list" -d 'List invoices with their derived status'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from invoice" -f -a "show" -d 'Show one invoice and the payments allocated to it'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from invoice" -f -a "void" -d 'Void an invoice with no payments allocated'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from invoice" -f -a "write-off" -d 'Write off an invoice\'s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from invoice" -f -a "edit" -d 'Change an invoice\'s number or due date (never its money, customer or currency)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from invoice" -f -a "credit-note" -d 'Lower what an invoice owes (never below what is paid on it)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from invoice" -f -a "debit-note" -d 'Raise what an invoice owes (a late fee, a correction)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from credit" -f -a "write-off" -d 'Write off a customer\'s unapplied credit (an overpayment), taken from the oldest payments\' unallocated amounts first'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from activity" -f -a "list" -d 'List payment activities (every attempt, successful or not)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from activity" -f -a "add" -d 'Record an attempt that made no payment (a declined card)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from period" -f -a "close" -d 'Close every business date on or before DATE: later writes dated then are refused'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from period" -f -a "list" -d 'List every close and reopen, oldest first'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from period" -f -a "reopen" -d 'Reopen DATE and every later date (the close moves back to the day before DATE)'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "aging" -d 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "statement" -d 'One customer\'s account in date order, with a running balance and available funds'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "balances" -d 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "import" -d 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "list" -d 'List bank lines with their status'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "show" -d 'Show one bank line: its status, its newest proposal, its payment if applied'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "ignore" -d 'Record why a bank line is not a customer payment; it is then left out of matching'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "report" -d 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement\'s opening and closing balances agree with its lines'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "match" -d 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "apply" -d 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given'
complete -c payctl -n "__fish_payctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "grant-clerk" -d 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger\'s owner)'

# Values of positional arguments (added by payctl; clap_complete writes none).
complete -c payctl -n "__fish_payctl_using_subcommand export; and not __fish_seen_subcommand_from payments invoices customers allocations activities methods write-offs adjustments credit-write-offs" -f -a "payments invoices customers allocations activities methods write-offs adjustments credit-write-offs"
complete -c payctl -n "__fish_payctl_using_subcommand completions; and not __fish_seen_subcommand_from bash zsh fish powershell elvish" -f -a "bash zsh fish powershell elvish"

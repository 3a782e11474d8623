
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'payctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'payctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'payctl' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'Add, list and show customers')
            [CompletionResult]::new('method', 'method', [CompletionResultType]::ParameterValue, 'Payment methods on file (credit cards, bank accounts, PayPal)')
            [CompletionResult]::new('invoice', 'invoice', [CompletionResultType]::ParameterValue, 'Add, list, show, void and write off invoices')
            [CompletionResult]::new('credit', 'credit', [CompletionResultType]::ParameterValue, 'A customer''s unapplied credit: write it off')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Record a payment and allocate it to invoices')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List payments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one payment as a Fusebill Payment Object')
            [CompletionResult]::new('allocate', 'allocate', [CompletionResultType]::ParameterValue, 'Apply a payment''s unallocated funds to invoices (or all of a customer''s with --customer)')
            [CompletionResult]::new('unallocate', 'unallocate', [CompletionResultType]::ParameterValue, 'Take money a payment applied to an invoice back into its unallocated funds')
            [CompletionResult]::new('reallocate', 'reallocate', [CompletionResultType]::ParameterValue, 'Move money from one invoice to another in one step')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Refund part or all of a payment')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Settle a Pending (ACH, DirectDeposit) payment; failed means NSF')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void a payment entered by mistake (reverses its allocations, keeps the record)')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Payment activities: every attempt to move money')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the audit trail')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import payments, invoices or customers from CSV, JSON, JSON Lines or XML, all or nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export payments, invoices, customers, allocations or activities')
            [CompletionResult]::new('period', 'period', [CompletionResultType]::ParameterValue, 'Close accounting periods: no write dated on or before a closed date is accepted')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Receivables reports: aging, customer statement, balances (read only)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the ledger: SQLite integrity, foreign keys, and every balance recomputed from its rows')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find customers by name or email, invoices by number, payments by reference, and all three by exact amount')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a consistent copy of the ledger to FILE, safely while other payctl processes write')
            [CompletionResult]::new('bank', 'bank', [CompletionResultType]::ParameterValue, 'Bank statements: import their credit lines, match them to invoices, apply them as payments, list, show, ignore and report them')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Administer a team ledger on PostgreSQL: database roles for clerks')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Load a SQLite ledger FILE (a backup) into the empty ledger named by --db (a file or a postgres:// URL; on PostgreSQL run it as the database''s owner)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff), or write them all to a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;customer' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers with their balances')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one customer')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a customer''s name, email or allocation order (never its id or currency)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;customer;add' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Customer id (e.g. 655080); assigned when left out')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'ISO 4217 currency of the customer''s payments')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Default auto-allocation order (kebab-case too: oldest-to-newest)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;customer;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;customer;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;customer;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'New email address')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'New default auto-allocation order (kebab-case too: oldest-to-newest)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;customer;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers with their balances')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one customer')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a customer''s name, email or allocation order (never its id or currency)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;customer;help;add' {
            break
        }
        'payctl;customer;help;list' {
            break
        }
        'payctl;customer;help;show' {
            break
        }
        'payctl;customer;help;edit' {
            break
        }
        'payctl;customer;help;help' {
            break
        }
        'payctl;method' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Put a payment method on file (never a card number: brand and last four digits only)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a customer''s payment methods')
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make a method its customer''s default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;method;add' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Kind of method (kebab-case too: credit-card)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Method id; assigned when left out')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A name for the method ("business Visa")')
            [CompletionResult]::new('--brand', '--brand', [CompletionResultType]::ParameterName, 'Card brand or bank name')
            [CompletionResult]::new('--last4', '--last4', [CompletionResultType]::ParameterName, 'Last four digits of the card or account')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make this the customer''s default method (the first method always is)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;method;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;method;set-default' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;method;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Put a payment method on file (never a card number: brand and last four digits only)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a customer''s payment methods')
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make a method its customer''s default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;method;help;add' {
            break
        }
        'payctl;method;help;list' {
            break
        }
        'payctl;method;help;set-default' {
            break
        }
        'payctl;method;help;help' {
            break
        }
        'payctl;invoice' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an invoice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invoices with their derived status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one invoice and the payments allocated to it')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void an invoice with no payments allocated')
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off an invoice''s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an invoice''s number or due date (never its money, customer or currency)')
            [CompletionResult]::new('credit-note', 'credit-note', [CompletionResultType]::ParameterValue, 'Lower what an invoice owes (never below what is paid on it)')
            [CompletionResult]::new('debit-note', 'debit-note', [CompletionResultType]::ParameterValue, 'Raise what an invoice owes (a late fee, a correction)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;invoice;add' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id the invoice is for')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Invoice id (e.g. 566934); assigned when left out')
            [CompletionResult]::new('--number', '--number', [CompletionResultType]::ParameterName, 'Invoice number as printed; the id when left out')
            [CompletionResult]::new('--total', '--total', [CompletionResultType]::ParameterName, 'Invoice total')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency [default: the customer''s]')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Invoice date [default: now]')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Due date [default: the invoice date]')
            [CompletionResult]::new('--terms', '--terms', [CompletionResultType]::ParameterName, 'Payment terms: netN, due N days after the invoice date')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only this customer''s invoices')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only invoices with this derived status')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Compute `overdue` as of this date')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only invoices past their due date with money outstanding')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;show' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Compute `overdue` as of this date')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;void' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept in the audit trail)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;write-off' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept with the write-off and in the audit trail)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Write off only this much (at most what the invoice owes); the invoice stays open until nothing is owed, and is then paid')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Date of a partial write-off [default: now]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;edit' {
            [CompletionResult]::new('--number', '--number', [CompletionResultType]::ParameterName, 'New invoice number (unique among the customer''s invoices)')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'New due date (not before the invoice date)')
            [CompletionResult]::new('--terms', '--terms', [CompletionResultType]::ParameterName, 'New payment terms: netN, due N days after the invoice date')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;credit-note' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount of the note, in the invoice''s currency')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept with the note and in the audit trail)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Date of the note, on or after the invoice''s date [default: now]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;debit-note' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount of the note, in the invoice''s currency')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept with the note and in the audit trail)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Date of the note, on or after the invoice''s date [default: now]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an invoice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invoices with their derived status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one invoice and the payments allocated to it')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void an invoice with no payments allocated')
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off an invoice''s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an invoice''s number or due date (never its money, customer or currency)')
            [CompletionResult]::new('credit-note', 'credit-note', [CompletionResultType]::ParameterValue, 'Lower what an invoice owes (never below what is paid on it)')
            [CompletionResult]::new('debit-note', 'debit-note', [CompletionResultType]::ParameterValue, 'Raise what an invoice owes (a late fee, a correction)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;invoice;help;add' {
            break
        }
        'payctl;invoice;help;list' {
            break
        }
        'payctl;invoice;help;show' {
            break
        }
        'payctl;invoice;help;void' {
            break
        }
        'payctl;invoice;help;write-off' {
            break
        }
        'payctl;invoice;help;edit' {
            break
        }
        'payctl;invoice;help;credit-note' {
            break
        }
        'payctl;invoice;help;debit-note' {
            break
        }
        'payctl;invoice;help;help' {
            break
        }
        'payctl;credit' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off a customer''s unapplied credit (an overpayment), taken from the oldest payments'' unallocated amounts first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;credit;write-off' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'How much to write off (at most the customer''s unapplied credit on settled payments)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept with the write-off and in the audit trail)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Date of the write-off [default: now]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;credit;help' {
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off a customer''s unapplied credit (an overpayment), taken from the oldest payments'' unallocated amounts first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;credit;help;write-off' {
            break
        }
        'payctl;credit;help;help' {
            break
        }
        'payctl;create' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount, a plain decimal in the customer''s currency (50.78)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'How the customer paid (any case; kebab-case too: credit-card, direct-deposit)')
            [CompletionResult]::new('--method-id', '--method-id', [CompletionResultType]::ParameterName, 'The method on file to charge (required for CreditCard and ACH)')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'Your reference for the payment (at most 500 characters)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where the payment came from')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency; must be the customer''s')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'When the payment was received [default: now]')
            [CompletionResult]::new('--gateway-fee', '--gateway-fee', [CompletionResultType]::ParameterName, 'Fee the gateway charged')
            [CompletionResult]::new('--allocate', '--allocate', [CompletionResultType]::ParameterName, 'Apply AMOUNT to invoice INV, its id or number (repeatable): --allocate 566934=2.00, --allocate INV-2026-0042=500')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Order for --auto-allocate (kebab-case too: oldest-to-newest) [default: the customer''s]')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Retry-safe key: the same key and request return the first payment')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read a Fusebill Create Payment payload from FILE, or - for stdin')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--use-default-method', '--use-default-method', [CompletionResultType]::ParameterName, 'Use the customer''s default method on file')
            [CompletionResult]::new('--auto-allocate', '--auto-allocate', [CompletionResultType]::ParameterName, 'Spread what is left over the customer''s open invoices')
            [CompletionResult]::new('--allow-duplicate', '--allow-duplicate', [CompletionResultType]::ParameterName, 'Record it even if a live payment of this customer has the same amount and reference (otherwise refused as a likely duplicate)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only this customer''s payments')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'Only payments made this way')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only payments from this source')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Payments on or after this date')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Payments up to this date (a whole day when given as YYYY-MM-DD)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most LIMIT payments [default: all]')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip the first OFFSET payments (with --limit, to page through them)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--unallocated', '--unallocated', [CompletionResultType]::ParameterName, 'Only payments with money not yet allocated')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;allocate' {
            [CompletionResult]::new('--invoice', '--invoice', [CompletionResultType]::ParameterName, 'Invoice to apply the payment''s unallocated funds to: its id or number (id:N, number:TEXT force one reading)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount to apply to --invoice')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Order for --auto (kebab-case too: oldest-to-newest) [default: the customer''s]')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Apply all of this customer''s available funds, oldest payments first')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--auto', '--auto', [CompletionResultType]::ParameterName, 'Spread the unallocated funds over the customer''s open invoices')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;unallocate' {
            [CompletionResult]::new('--invoice', '--invoice', [CompletionResultType]::ParameterName, 'Invoice to take the money back from (it reopens): its id or number')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount to take back [default: all the payment has on the invoice]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;reallocate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Invoice the money was applied to by mistake: its id or number')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Invoice it belongs to: its id or number')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount to move [default: all the payment has on --from]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;refund' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount to pay back, at most the payment''s refundable amount (its unallocated funds first, then what --from-invoice takes back)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'How the money goes back')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'Your reference for the refund (a check number; at most 500 characters)')
            [CompletionResult]::new('--from-invoice', '--from-invoice', [CompletionResultType]::ParameterName, 'Take AMOUNT back from invoice INV, reopening it (repeatable); needed beyond the payment''s unallocated funds')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;settle' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The bank''s answer: failed reverses the payment''s allocations (NSF)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'What the bank said ("R01 insufficient funds"), kept on the activity')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;void' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept in the audit trail)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;activity' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List payment activities (every attempt, successful or not)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record an attempt that made no payment (a declined card)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;activity;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only this customer''s activities')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only activities with this outcome')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only activities of this kind')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;activity;add' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount that was attempted')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'How the customer tried to pay')
            [CompletionResult]::new('--method-id', '--method-id', [CompletionResultType]::ParameterName, 'The method on file that was tried')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The outcome (a successful attempt is recorded by create)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'What happened ("card declined")')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;activity;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List payment activities (every attempt, successful or not)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record an attempt that made no payment (a declined card)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;activity;help;list' {
            break
        }
        'payctl;activity;help;add' {
            break
        }
        'payctl;activity;help;help' {
            break
        }
        'payctl;log' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only events about this customer')
            [CompletionResult]::new('--payment', '--payment', [CompletionResultType]::ParameterName, 'Only events about this payment')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;import' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What the file holds')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'File format [default: from the extension: .csv, .json, .jsonl/.ndjson, .xml]')
            [CompletionResult]::new('--rejects', '--rejects', [CompletionResultType]::ParameterName, 'Keep the good rows; write each bad one with its line number and reason to FILE (CSV)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check every row, write nothing')
            [CompletionResult]::new('--allow-duplicate', '--allow-duplicate', [CompletionResultType]::ParameterName, 'Accept payments with the customer, amount and reference of a live payment (in the ledger or earlier in the file) instead of refusing them as likely duplicates')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'File format [default: json with -o json, else csv]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Write to FILE (created 0600) instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;period' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close every business date on or before DATE: later writes dated then are refused')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every close and reopen, oldest first')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen DATE and every later date (the close moves back to the day before DATE)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;period;close' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;period;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;period;reopen' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept with the event and in the audit trail)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;period;help' {
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close every business date on or before DATE: later writes dated then are refused')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every close and reopen, oldest first')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen DATE and every later date (the close moves back to the day before DATE)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;period;help;close' {
            break
        }
        'payctl;period;help;list' {
            break
        }
        'payctl;period;help;reopen' {
            break
        }
        'payctl;period;help;help' {
            break
        }
        'payctl;report' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('aging', 'aging', [CompletionResultType]::ParameterValue, 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency')
            [CompletionResult]::new('statement', 'statement', [CompletionResultType]::ParameterValue, 'One customer''s account in date order, with a running balance and available funds')
            [CompletionResult]::new('balances', 'balances', [CompletionResultType]::ParameterValue, 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;report;aging' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'A point in time: YYYY-MM-DD (the end of that day, UTC) or RFC 3339; rows dated after it are not counted [default: the ledger as it stands, aged to today]')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Age invoices by due date or by invoice date')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only this customer')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--chart', '--chart', [CompletionResultType]::ParameterName, 'Draw each currency''s buckets as bars, fitted to the terminal (COLUMNS, else 80 in a pipe); table output only (-o html always has the chart)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;report;statement' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day (or moment) shown; what came before is the opening balance [default: the beginning]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last day shown (a bare date takes in the whole day) [default: everything recorded]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;report;balances' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;report;help' {
            [CompletionResult]::new('aging', 'aging', [CompletionResultType]::ParameterValue, 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency')
            [CompletionResult]::new('statement', 'statement', [CompletionResultType]::ParameterValue, 'One customer''s account in date order, with a running balance and available funds')
            [CompletionResult]::new('balances', 'balances', [CompletionResultType]::ParameterValue, 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;report;help;aging' {
            break
        }
        'payctl;report;help;statement' {
            break
        }
        'payctl;report;help;balances' {
            break
        }
        'payctl;report;help;help' {
            break
        }
        'payctl;verify' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;find' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many customers, this many invoices and this many payments')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it exists (atomically: FILE is the old copy or the new one, never half)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;bank' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bank lines with their status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one bank line: its status, its newest proposal, its payment if applied')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Record why a bank line is not a customer payment; it is then left out of matching')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement''s opening and closing balances agree with its lines')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;bank;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s format (default: told from its first bytes: XML is camt.053, a `:20:` or `{1:` block is MT940, anything else CSV)')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'For CSV: KEY=VALUE pairs separated by commas. Columns: date, amount (signed) or credit and debit, reference, payer, account, id, currency, value_date. Options: currency_code=CODE (when no column), decimal=dot|comma, thousands=none|dot|comma|space|apostrophe, date_format=STRFTIME (default %Y-%m-%d), delimiter=comma|semicolon|tab, own_account=IBAN')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;bank;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only lines of this status')
            [CompletionResult]::new('--statement', '--statement', [CompletionResultType]::ParameterName, 'Only lines of this statement')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;bank;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;bank;ignore' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (e.g. "interest", "transfer between our accounts")')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;bank;report' {
            [CompletionResult]::new('--statement', '--statement', [CompletionResultType]::ParameterName, 'Only this statement')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;bank;match' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the proposals, store nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;bank;apply' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'The customer who paid [default: the newest proposal''s]')
            [CompletionResult]::new('--allocate', '--allocate', [CompletionResultType]::ParameterName, 'Apply AMOUNT to invoice INV (repeatable): --allocate 566934=2.00')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--suggested', '--suggested', [CompletionResultType]::ParameterName, 'Apply every line whose newest proposal is unambiguous, each re-checked against the balances as they are now (a proposal that no longer fits is skipped and reported)')
            [CompletionResult]::new('--auto-allocate', '--auto-allocate', [CompletionResultType]::ParameterName, 'Spread what is left over the customer''s open invoices, in its allocation order')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;bank;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bank lines with their status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one bank line: its status, its newest proposal, its payment if applied')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Record why a bank line is not a customer payment; it is then left out of matching')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement''s opening and closing balances agree with its lines')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;bank;help;import' {
            break
        }
        'payctl;bank;help;list' {
            break
        }
        'payctl;bank;help;show' {
            break
        }
        'payctl;bank;help;ignore' {
            break
        }
        'payctl;bank;help;report' {
            break
        }
        'payctl;bank;help;match' {
            break
        }
        'payctl;bank;help;apply' {
            break
        }
        'payctl;bank;help;help' {
            break
        }
        'payctl;db' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('grant-clerk', 'grant-clerk', [CompletionResultType]::ParameterValue, 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger''s owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;db;grant-clerk' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;db;help' {
            [CompletionResult]::new('grant-clerk', 'grant-clerk', [CompletionResultType]::ParameterValue, 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger''s owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;db;help;grant-clerk' {
            break
        }
        'payctl;db;help;help' {
            break
        }
        'payctl;restore' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page (payctl.1, payctl-create.1, payctl-invoice-add.1, ...) into DIR (created if missing) instead of printing one')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what a script needs (a new record''s id, a backup''s path), no summary')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave the header row out of tables (boxed and plain)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;help' {
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'Add, list and show customers')
            [CompletionResult]::new('method', 'method', [CompletionResultType]::ParameterValue, 'Payment methods on file (credit cards, bank accounts, PayPal)')
            [CompletionResult]::new('invoice', 'invoice', [CompletionResultType]::ParameterValue, 'Add, list, show, void and write off invoices')
            [CompletionResult]::new('credit', 'credit', [CompletionResultType]::ParameterValue, 'A customer''s unapplied credit: write it off')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Record a payment and allocate it to invoices')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List payments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one payment as a Fusebill Payment Object')
            [CompletionResult]::new('allocate', 'allocate', [CompletionResultType]::ParameterValue, 'Apply a payment''s unallocated funds to invoices (or all of a customer''s with --customer)')
            [CompletionResult]::new('unallocate', 'unallocate', [CompletionResultType]::ParameterValue, 'Take money a payment applied to an invoice back into its unallocated funds')
            [CompletionResult]::new('reallocate', 'reallocate', [CompletionResultType]::ParameterValue, 'Move money from one invoice to another in one step')
            [CompletionResult]::new('refund', 'refund', [CompletionResultType]::ParameterValue, 'Refund part or all of a payment')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Settle a Pending (ACH, DirectDeposit) payment; failed means NSF')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void a payment entered by mistake (reverses its allocations, keeps the record)')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Payment activities: every attempt to move money')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the audit trail')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import payments, invoices or customers from CSV, JSON, JSON Lines or XML, all or nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export payments, invoices, customers, allocations or activities')
            [CompletionResult]::new('period', 'period', [CompletionResultType]::ParameterValue, 'Close accounting periods: no write dated on or before a closed date is accepted')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Receivables reports: aging, customer statement, balances (read only)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the ledger: SQLite integrity, foreign keys, and every balance recomputed from its rows')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find customers by name or email, invoices by number, payments by reference, and all three by exact amount')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a consistent copy of the ledger to FILE, safely while other payctl processes write')
            [CompletionResult]::new('bank', 'bank', [CompletionResultType]::ParameterValue, 'Bank statements: import their credit lines, match them to invoices, apply them as payments, list, show, ignore and report them')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Administer a team ledger on PostgreSQL: database roles for clerks')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Load a SQLite ledger FILE (a backup) into the empty ledger named by --db (a file or a postgres:// URL; on PostgreSQL run it as the database''s owner)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff), or write them all to a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;help;customer' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers with their balances')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one customer')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a customer''s name, email or allocation order (never its id or currency)')
            break
        }
        'payctl;help;customer;add' {
            break
        }
        'payctl;help;customer;list' {
            break
        }
        'payctl;help;customer;show' {
            break
        }
        'payctl;help;customer;edit' {
            break
        }
        'payctl;help;method' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Put a payment method on file (never a card number: brand and last four digits only)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a customer''s payment methods')
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make a method its customer''s default')
            break
        }
        'payctl;help;method;add' {
            break
        }
        'payctl;help;method;list' {
            break
        }
        'payctl;help;method;set-default' {
            break
        }
        'payctl;help;invoice' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an invoice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invoices with their derived status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one invoice and the payments allocated to it')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void an invoice with no payments allocated')
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off an invoice''s whole outstanding balance (closes it, cannot be undone), or with --amount part of it (a deduction: what is left stays owed)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an invoice''s number or due date (never its money, customer or currency)')
            [CompletionResult]::new('credit-note', 'credit-note', [CompletionResultType]::ParameterValue, 'Lower what an invoice owes (never below what is paid on it)')
            [CompletionResult]::new('debit-note', 'debit-note', [CompletionResultType]::ParameterValue, 'Raise what an invoice owes (a late fee, a correction)')
            break
        }
        'payctl;help;invoice;add' {
            break
        }
        'payctl;help;invoice;list' {
            break
        }
        'payctl;help;invoice;show' {
            break
        }
        'payctl;help;invoice;void' {
            break
        }
        'payctl;help;invoice;write-off' {
            break
        }
        'payctl;help;invoice;edit' {
            break
        }
        'payctl;help;invoice;credit-note' {
            break
        }
        'payctl;help;invoice;debit-note' {
            break
        }
        'payctl;help;credit' {
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off a customer''s unapplied credit (an overpayment), taken from the oldest payments'' unallocated amounts first')
            break
        }
        'payctl;help;credit;write-off' {
            break
        }
        'payctl;help;create' {
            break
        }
        'payctl;help;list' {
            break
        }
        'payctl;help;show' {
            break
        }
        'payctl;help;allocate' {
            break
        }
        'payctl;help;unallocate' {
            break
        }
        'payctl;help;reallocate' {
            break
        }
        'payctl;help;refund' {
            break
        }
        'payctl;help;settle' {
            break
        }
        'payctl;help;void' {
            break
        }
        'payctl;help;activity' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List payment activities (every attempt, successful or not)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record an attempt that made no payment (a declined card)')
            break
        }
        'payctl;help;activity;list' {
            break
        }
        'payctl;help;activity;add' {
            break
        }
        'payctl;help;log' {
            break
        }
        'payctl;help;import' {
            break
        }
        'payctl;help;export' {
            break
        }
        'payctl;help;period' {
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close every business date on or before DATE: later writes dated then are refused')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every close and reopen, oldest first')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen DATE and every later date (the close moves back to the day before DATE)')
            break
        }
        'payctl;help;period;close' {
            break
        }
        'payctl;help;period;list' {
            break
        }
        'payctl;help;period;reopen' {
            break
        }
        'payctl;help;report' {
            [CompletionResult]::new('aging', 'aging', [CompletionResultType]::ParameterValue, 'Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency')
            [CompletionResult]::new('statement', 'statement', [CompletionResultType]::ParameterValue, 'One customer''s account in date order, with a running balance and available funds')
            [CompletionResult]::new('balances', 'balances', [CompletionResultType]::ParameterValue, 'Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds')
            break
        }
        'payctl;help;report;aging' {
            break
        }
        'payctl;help;report;statement' {
            break
        }
        'payctl;help;report;balances' {
            break
        }
        'payctl;help;verify' {
            break
        }
        'payctl;help;find' {
            break
        }
        'payctl;help;backup' {
            break
        }
        'payctl;help;bank' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already imported are left alone, debits are counted and skipped')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bank lines with their status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one bank line: its status, its newest proposal, its payment if applied')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Record why a bank line is not a customer payment; it is then left out of matching')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Per statement: credits, applied, ignored and unapplied totals, and whether the statement''s opening and closing balances agree with its lines')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'Propose a customer, invoices and amounts for each credit line not yet applied or ignored, with the reason and a sentence saying why')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Record a bank line as a payment (DirectDeposit, source Import), through the same rules as `create`: its newest proposal, or the customer and allocations given')
            break
        }
        'payctl;help;bank;import' {
            break
        }
        'payctl;help;bank;list' {
            break
        }
        'payctl;help;bank;show' {
            break
        }
        'payctl;help;bank;ignore' {
            break
        }
        'payctl;help;bank;report' {
            break
        }
        'payctl;help;bank;match' {
            break
        }
        'payctl;help;bank;apply' {
            break
        }
        'payctl;help;db' {
            [CompletionResult]::new('grant-clerk', 'grant-clerk', [CompletionResultType]::ParameterValue, 'Let a database role read and record everything payctl records, and nothing else (team ledger on PostgreSQL only; run it as the ledger''s owner)')
            break
        }
        'payctl;help;db;grant-clerk' {
            break
        }
        'payctl;help;restore' {
            break
        }
        'payctl;help;completions' {
            break
        }
        'payctl;help;man' {
            break
        }
        'payctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}


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
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'Add, list and show customers')
            [CompletionResult]::new('method', 'method', [CompletionResultType]::ParameterValue, 'Payment methods on file (credit cards, bank accounts, PayPal)')
            [CompletionResult]::new('invoice', 'invoice', [CompletionResultType]::ParameterValue, 'Add, list, show, void and write off invoices')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Record a payment and allocate it to invoices')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List payments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one payment as a Fusebill Payment Object')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;customer' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers with their balances')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one customer')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;customer;add' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Customer id (e.g. 655080); assigned when left out')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'ISO 4217 currency of the customer''s payments')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Default auto-allocation order: oldest-to-newest or newest-to-oldest')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;customer;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;customer;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;customer;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers with their balances')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one customer')
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
        'payctl;customer;help;help' {
            break
        }
        'payctl;method' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Put a payment method on file (never a card number: brand and last four digits only)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a customer''s payment methods')
            [CompletionResult]::new('set-default', 'set-default', [CompletionResultType]::ParameterValue, 'Make a method its customer''s default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;method;add' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'customer')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'credit-card, ach or paypal')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Method id; assigned when left out')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A name for the method ("business Visa")')
            [CompletionResult]::new('--brand', '--brand', [CompletionResultType]::ParameterName, 'Card brand or bank name')
            [CompletionResult]::new('--last4', '--last4', [CompletionResultType]::ParameterName, 'Last four digits of the card or account')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make this the customer''s default method (the first method always is)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;method;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'customer')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;method;set-default' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an invoice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invoices with their derived status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one invoice and the payments allocated to it')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void an invoice with no payments allocated')
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off an invoice''s whole outstanding balance (cannot be undone)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;invoice;add' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'customer')
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
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'customer')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'unpaid, partially_paid, paid, void or written_off')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Compute `overdue` as of this date')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only invoices past their due date with money outstanding')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;write-off' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;invoice;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an invoice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invoices with their derived status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one invoice and the payments allocated to it')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void an invoice with no payments allocated')
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off an invoice''s whole outstanding balance (cannot be undone)')
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
        'payctl;invoice;help;help' {
            break
        }
        'payctl;create' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount, a plain decimal in the customer''s currency (50.78)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'Cash, Check, CreditCard, DirectDeposit, ACH or Paypal')
            [CompletionResult]::new('--method-id', '--method-id', [CompletionResultType]::ParameterName, 'The method on file to charge (required for CreditCard and ACH)')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'Your reference for the payment (at most 500 characters)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Manual, Automatic, SelfServicePortal or Import')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency; must be the customer''s')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'When the payment was received [default: now]')
            [CompletionResult]::new('--gateway-fee', '--gateway-fee', [CompletionResultType]::ParameterName, 'Fee the gateway charged')
            [CompletionResult]::new('--allocate', '--allocate', [CompletionResultType]::ParameterName, 'Apply AMOUNT to invoice INV (repeatable): --allocate 566934=2.00')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'oldest-to-newest or newest-to-oldest [default: the customer''s]')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Retry-safe key: the same key and request return the first payment')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Read a Fusebill Create Payment payload from FILE, or - for stdin')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--use-default-method', '--use-default-method', [CompletionResultType]::ParameterName, 'Use the customer''s default method on file')
            [CompletionResult]::new('--auto-allocate', '--auto-allocate', [CompletionResultType]::ParameterName, 'Spread what is left over the customer''s open invoices')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'customer')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'method')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'source')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Payments on or after this date')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Payments up to this date (a whole day when given as YYYY-MM-DD)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'limit')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'offset')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('--unallocated', '--unallocated', [CompletionResultType]::ParameterName, 'Only payments with money not yet allocated')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;man' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Write commands print only the new record''s id')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'payctl;help' {
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'Add, list and show customers')
            [CompletionResult]::new('method', 'method', [CompletionResultType]::ParameterValue, 'Payment methods on file (credit cards, bank accounts, PayPal)')
            [CompletionResult]::new('invoice', 'invoice', [CompletionResultType]::ParameterValue, 'Add, list, show, void and write off invoices')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Record a payment and allocate it to invoices')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List payments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one payment as a Fusebill Payment Object')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'payctl;help;customer' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers with their balances')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one customer')
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
            [CompletionResult]::new('write-off', 'write-off', [CompletionResultType]::ParameterValue, 'Write off an invoice''s whole outstanding balance (cannot be undone)')
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
        'payctl;help;create' {
            break
        }
        'payctl;help;list' {
            break
        }
        'payctl;help;show' {
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

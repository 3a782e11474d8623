#!/usr/bin/env bash
# Renders payctl's two HTML pages (report aging, report statement) in a real browser, headless
# Chromium from Debian's packages, and checks them (issue 16 item 9, SPEC §9):
#
#   - the page names nothing outside itself (static check of the HTML), and Chromium, made to
#     fail every host name, logs no network request made by the page (its NetLog); a control
#     page with an <img> and a <link> to other hosts must be caught by both checks;
#   - a screenshot is produced and is a real picture (many colours, ink on the page, and for
#     aging the SVG bars' colour);
#   - the totals in the rendered DOM (--dump-dom; the cells marked data-total-currency and
#     data-field) equal `payctl ... -o json`'s, as text: 10000.00 is 10000.00;
#   - the page prints (--print-to-pdf) to a PDF of one or two pages.
#
# Needs: chromium and python3 (apt-get install -y chromium python3). Usage:
#   tests/html/check.sh            builds payctl (debug) and checks; screenshots stay in a
#                                  temporary folder whose path is printed
#   HTML_CHECK_OUT=DIR             keep the pages, screenshots and PDFs in DIR
#   PAYCTL=path/to/payctl          use that binary instead of building one
#   CHROMIUM=chromium              the browser to run
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tests/html

chromium=${CHROMIUM:-chromium}
if ! command -v "$chromium" >/dev/null; then
    echo "check.sh: $chromium not found; install it with: apt-get install -y chromium" >&2
    exit 2
fi
if [ -z "${PAYCTL:-}" ]; then
    cargo build --quiet
    PAYCTL="${CARGO_TARGET_DIR:-target}/debug/payctl"
fi
out=${HTML_CHECK_OUT:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
echo "check.sh: pages, screenshots and logs in $out"

export PAYCTL_DB="$out/ledger.db" PAYCTL_NOW=2026-11-21T10:00:00Z NO_COLOR=1
unset PAYCTL_OUTPUT COLUMNS
rm -f "$PAYCTL_DB" "$PAYCTL_DB-wal" "$PAYCTL_DB-shm"
p() { "$PAYCTL" "$@" >/dev/null; }

# A sample ledger: three currencies, every bucket but one used, a customer whose name and
# invoice number are markup, a reference with < and &.
p customer add --id 655080 --name 'Acme Corp'
p customer add --id 700001 --name '<script>alert(1)</script> & Co'
p customer add --id 700002 --name 'Euro GmbH' --currency EUR
p customer add --id 700003 --name 'Tokyo KK' --currency JPY
p invoice add --customer 655080 --id 1 --number INV-1 --total 1200.00 --date 2026-07-01 --terms net30
p invoice add --customer 655080 --id 2 --number INV-2 --total 350.50 --date 2026-09-15 --terms net30
p invoice add --customer 655080 --id 3 --number INV-3 --total 99.99 --date 2026-11-10 --terms net30
p invoice add --customer 655080 --id 8 --number INV-8 --total 410.00 --date 2026-08-20 --terms net30
p invoice add --customer 700001 --id 4 --number '<b>INV&4</b>' --total 10000.00 --date 2026-10-01 --terms net30
p invoice add --customer 700002 --id 5 --number EU-5 --total 80.00 --date 2026-08-01 --terms net30
p invoice add --customer 700003 --id 6 --number JP-6 --total 5000 --date 2026-11-20 --terms net30
p invoice add --customer 700003 --id 7 --number JP-7 --total 1234 --date 2026-06-20 --terms net30
p create --customer 655080 --amount 200 --method Check --reference 'chk <1001> & co' --allocate 1=200
p create --customer 655080 --amount 500 --method Cash --allocate 8=410
p create --customer 700001 --amount 2500.25 --method Cash --allocate 4=2500.25

"$PAYCTL" report aging -o html >"$out/aging.html"
"$PAYCTL" report aging -o json >"$out/aging.json"
"$PAYCTL" report statement --customer 655080 -o html >"$out/statement.html"
"$PAYCTL" report statement --customer 655080 -o json >"$out/statement.json"
"$PAYCTL" report statement --customer 700001 -o html >"$out/statement-700001.html"
"$PAYCTL" report statement --customer 700001 -o json >"$out/statement-700001.json"
cat >"$out/control.html" <<'HTML'
<!DOCTYPE html><html><head><link rel="stylesheet" href="https://fonts.example.invalid/a.css">
</head><body><p>control</p><img src="http://example.invalid/x.png"></body></html>
HTML

# One Chromium run: every host name fails to resolve, no background services, a fresh
# profile; the NetLog records every request.
browse() {
    local page=$1 netlog=$2
    shift 2
    local profile
    profile=$(mktemp -d)
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-first-run --user-data-dir="$profile" \
        --host-resolver-rules="MAP * ~NOTFOUND" --log-net-log="$netlog" \
        "$@" "file://$out/$page" 2>>"$out/chromium.log"
    rm -rf "$profile"
}

# The control page must be caught, or the checks below prove nothing.
browse control.html "$out/control.netlog.json" --dump-dom >/dev/null
if python3 "$here/check_page.py" netlog "$out/control.netlog.json" >/dev/null; then
    echo "FAIL: the NetLog check did not see the control page's requests" >&2
    exit 1
fi
if python3 "$here/check_page.py" static "$out/control.html" >/dev/null; then
    echo "FAIL: the static check did not see the control page's references" >&2
    exit 1
fi
echo "ok: the control page's requests and references are caught"

check() {
    local name=$1 kind=$2 json=$3 colour=$4
    python3 "$here/check_page.py" static "$out/$name.html"
    browse "$name.html" "$out/$name.netlog.json" \
        --screenshot="$out/$name.png" --window-size=1200,1600 >/dev/null
    python3 "$here/check_page.py" netlog "$out/$name.netlog.json"
    [ -s "$out/$name.png" ] || { echo "FAIL: no screenshot of $name" >&2; exit 1; }
    python3 "$here/check_page.py" png "$out/$name.png" $colour
    browse "$name.html" "$out/$name.dom.netlog.json" --dump-dom >"$out/$name.dom.html"
    python3 "$here/check_page.py" "$kind" "$out/$name.dom.html" "$out/$json"
    browse "$name.html" "$out/$name.pdf.netlog.json" \
        --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" >/dev/null
    python3 "$here/check_page.py" pdf "$out/$name.pdf" 2
}

# Aging: the SVG bars are #2f6497 on screen; a 1200-pixel window shows thousands of them.
check aging aging aging.json "2f6497 2000"
check statement statement statement.json ""
check statement-700001 statement statement-700001.json ""
echo "check.sh: all HTML checks passed"

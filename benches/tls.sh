# What TLS costs one payctl command on a team ledger (issue 18, benches case T1).
#
#   bash benches/tls.sh [--runs N] [--out FILE]   alone: builds payctl (release), measures, and
#                                                 writes FILE (default benches/RESULTS-tls.md);
#                       [--payctl FILE]           times that binary instead, with no build (to
#                                                 work on this script with a debug build)
#   sourced by benches/run.sh after benches/pg.sh, in the same run, with its helpers (hf,
#   median, ratio, row…): adds T1 rows to RESULTS.md's table. BENCH_NO_TLS=1 leaves it out.
#
# One read (`customer list` of 20 customers) against one ledger on one local PostgreSQL server
# listening on 127.0.0.1 with ssl=on (a 2048-bit RSA server certificate from a throwaway CA, as
# most servers have; P-256 with BENCH_TLS_KEY=ec), so that the commands differ only in how they
# connect:
#   socket       the unix socket (no TCP, no TLS): what benches/pg.sh measures everything over
#   disable      TCP, sslmode=disable
#   require      TCP, TLS, certificate not checked
#   verify-full  TCP, TLS, chain checked against the CA (sslrootcert) and the name localhost
#   client cert  verify-full, and a client certificate (sslcert/sslkey) for `cert` authentication
# and psql doing the same SELECT with sslmode=disable and require: what libpq (OpenSSL) pays for
# the same handshake, a reference. Trust authentication on every line but the client certificate
# one (passwords would add their own round trips); fsync=off as the test server.

tls_standalone=no
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    tls_standalone=yes
    set -euo pipefail
    ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    TLS_OUT=$ROOT/benches/RESULTS-tls.md
    RUNS_CREATE=30 WARMUP=3 PAYCTL=""
    while [ $# -gt 0 ]; do
        case $1 in
            --runs) RUNS_CREATE=$2; shift ;;
            --out) TLS_OUT=$2; shift ;;
            --payctl) PAYCTL=$2; shift ;;
            -h | --help) sed -n '3,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
            *) echo "tls.sh: unknown option '$1'" >&2; exit 2 ;;
        esac
        shift
    done
    log() { printf '== %s\n' "$*" >&2; }
    die() { printf 'tls.sh: %s\n' "$*" >&2; exit 1; }
    for tool in hyperfine jq openssl psql; do
        command -v $tool >/dev/null || die "$tool is missing (apt-get install hyperfine jq openssl postgresql-client)"
    done
    cd "$ROOT"
    BUILD="release build"
    if [ -z "$PAYCTL" ]; then
        log "building payctl (release)"
        cargo build --release --locked --bin payctl >&2
        TARGET=$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)
        PAYCTL=$TARGET/release/payctl
    else
        PAYCTL=$(readlink -f "$PAYCTL")
        BUILD="the binary $PAYCTL"
    fi
    COMMIT=$(git rev-parse --short HEAD)
    DIRTY=""
    git diff --quiet HEAD -- src Cargo.toml Cargo.lock || DIRTY="-dirty"
    export PAYCTL_NOW=2026-11-21T10:00:00Z NO_COLOR=1 USER=bench
    unset PAYCTL_DB PAYCTL_OUTPUT PAYCTL_BUSY_TIMEOUT_MS PGPASSWORD PGPASSFILE
    RUN=$(mktemp -d /tmp/payctl-bench-tls-run.XXXXXX)
    MEDIANS=$RUN/medians.tsv
    : >"$MEDIANS"
    LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
    # The same helpers as benches/run.sh.
    hf() {
        local name=$1
        shift
        local json=$RUN/hf-$name.json
        log "hyperfine: $name"
        hyperfine -N --style basic --export-json "$json" --command-name "$name" "$@" >&2 || return 1
        jq -r --arg n "$name" '.results[0] | [$n, .median, .mean, .stddev, .min, .max, (.times | length)] | @tsv' "$json" >>"$MEDIANS"
    }
    median() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$MEDIANS"; }
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a / b }'; }
    r2() { awk -v r="$1" 'BEGIN { printf "%.2f", r }'; }
    secs() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }'; }
    ROWS=()
    row() { local line="|" cell; for cell in "$@"; do line+=" $cell |"; done; ROWS+=("$line"); }
fi

# --- the server ----------------------------------------------------------------------------
TLS_DIR=$(mktemp -d /tmp/payctl-bench-tls.XXXXXX)
chmod 0755 "$TLS_DIR"
TLS_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$TLS_BIN" ] && [ -x "$TLS_BIN/pg_ctl" ] || die "T1: PostgreSQL's server binaries are missing (bash .ci/pg start installs them)"
tls_as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
tls_stop() {
    [ -d "$TLS_DIR" ] || return 0
    tls_as_server "$TLS_BIN/pg_ctl" -D "$TLS_DIR/data" -w -t 30 -m fast stop >/dev/null 2>&1 || true
    rm -rf "$TLS_DIR"
}
# pg.sh's trap stops its own server; both are stopped whatever happens.
if declare -F pg_stop >/dev/null; then trap 'tls_stop; pg_stop' EXIT; else trap tls_stop EXIT; fi

mkdir -p "$TLS_DIR/data" "$TLS_DIR/sock"
[ "$(id -u)" != 0 ] || chown postgres: "$TLS_DIR/data" "$TLS_DIR/sock"
chmod 0700 "$TLS_DIR/data"
tls_as_server "$TLS_BIN/initdb" -D "$TLS_DIR/data" -A trust -U payctl -E UTF8 --locale=C.UTF-8 --no-sync >"$TLS_DIR/initdb.log" 2>&1 \
    || { cat "$TLS_DIR/initdb.log" >&2; die "T1: initdb failed"; }

# A CA, a server certificate for localhost, a client certificate for the role payctl: RSA 2048
# as most servers have, or with BENCH_TLS_KEY=ec P-256 keys for the server and the client
# (cheaper to sign with: what a server's key type changes).
case ${BENCH_TLS_KEY:-rsa} in
    rsa) TLS_NEWKEY=rsa:2048 TLS_KEY_TEXT="2048-bit RSA" ;;
    ec) TLS_NEWKEY=ec:$TLS_DIR/p256.pem TLS_KEY_TEXT="P-256 ECDSA"
        openssl ecparam -name prime256v1 -out "$TLS_DIR/p256.pem" ;;
    *) die "BENCH_TLS_KEY: '${BENCH_TLS_KEY}'; allowed: rsa, ec" ;;
esac
(
    cd "$TLS_DIR"
    q() { openssl "$@" >/dev/null 2>&1 || die "T1: openssl $1 failed"; }
    q req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=payctl bench CA" -keyout ca.key -out ca.crt
    q req -newkey "$TLS_NEWKEY" -nodes -subj /CN=localhost -keyout server.key -out server.csr
    printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.cnf
    q x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.cnf -out server.crt
    q req -newkey "$TLS_NEWKEY" -nodes -subj /CN=payctl -keyout client.key -out client.csr
    printf 'extendedKeyUsage=clientAuth\n' >client.cnf
    q x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile client.cnf -out client.crt
    chmod 0600 client.key
    cp server.crt server.key ca.crt data/
    chmod 0600 data/server.key
    [ "$(id -u)" != 0 ] || chown postgres: data/server.crt data/server.key data/ca.crt
) || die "T1: the certificates could not be made"
# The client certificate logs in to tls_cert only; everything else over TCP is trusted, with or
# without TLS, so that the cases differ in the connection alone.
cat >"$TLS_DIR/data/pg_hba.conf" <<'HBA'
local all all trust
hostssl tls_cert all 127.0.0.1/32 cert
host all all 127.0.0.1/32 trust
HBA
# A free port: the first one nothing answers on.
TLS_PORT=""
for p in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then TLS_PORT=$p; break; fi
done
[ -n "$TLS_PORT" ] || die "T1: no free port found"
tls_as_server "$TLS_BIN/pg_ctl" -D "$TLS_DIR/data" -w -t 60 -l "$TLS_DIR/sock/server.log" \
    -o "-c listen_addresses='127.0.0.1' -p $TLS_PORT -k $TLS_DIR/sock -c fsync=off -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key -c ssl_ca_file=ca.crt" \
    start >/dev/null || { cat "$TLS_DIR/sock/server.log" >&2; die "T1: the server did not start"; }
TLS_PSQL="psql -X -q -At -v ON_ERROR_STOP=1 -h $TLS_DIR/sock -p $TLS_PORT -U payctl"
TLS_PG_VERSION=$($TLS_PSQL -d postgres -c "SHOW server_version" | cut -d' ' -f1)

# --- the ledger: 20 customers, written over the socket, copied for the certificate's database
log "T1: a ledger of 20 customers on PostgreSQL $TLS_PG_VERSION at 127.0.0.1:$TLS_PORT (ssl=on)"
$TLS_PSQL -d postgres -c "CREATE DATABASE tls_ledger"
TLS_SOCKET_URL="postgres://payctl@/tls_ledger?host=$TLS_DIR/sock&port=$TLS_PORT"
for i in $(seq 1 20); do
    "$PAYCTL" --db "$TLS_SOCKET_URL" customer add --id "$i" --name "Customer $i" -q >/dev/null
done
$TLS_PSQL -d postgres -c "CREATE DATABASE tls_cert TEMPLATE tls_ledger"

tls_url() { echo "postgres://payctl@$1:$TLS_PORT/$2?$3"; }
TLS_CA=$TLS_DIR/ca.crt
declare -A TLS_URLS=(
    [socket]=$TLS_SOCKET_URL
    [disable]=$(tls_url 127.0.0.1 tls_ledger sslmode=disable)
    [require]=$(tls_url 127.0.0.1 tls_ledger sslmode=require)
    [verify-full]=$(tls_url localhost tls_ledger "sslmode=verify-full&sslrootcert=$TLS_CA")
    [client-cert]=$(tls_url localhost tls_cert "sslmode=verify-full&sslrootcert=$TLS_CA&sslcert=$TLS_DIR/client.crt&sslkey=$TLS_DIR/client.key")
)
# Each URL must give the same 20 customers before it is timed: a case that fails is no figure.
expected=$("$PAYCTL" --db "$TLS_SOCKET_URL" customer list -o csv)
[ "$(printf '%s\n' "$expected" | wc -l)" = 21 ] || die "T1: the ledger does not hold 20 customers"
for conn in socket disable require verify-full client-cert; do
    got=$("$PAYCTL" --db "${TLS_URLS[$conn]}" customer list -o csv) || die "T1: customer list over $conn failed"
    [ "$got" = "$expected" ] || die "T1: customer list over $conn gave another list"
done
# The TLS cases really are TLS, the plain one plain: the server says so, per connection.
tls_used() {
    PGSSLMODE=$1 psql -X -At -h 127.0.0.1 -p "$TLS_PORT" -U payctl -d tls_ledger \
        -c "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
}
[ "$(tls_used disable)" = f ] && [ "$(tls_used require)" = t ] || die "T1: the server's TLS is not as expected"

# The cases take turns, in TLS_ROUNDS rounds of a few runs each, and each case's times are
# pooled across the rounds: on a machine shared with other work, load that comes and goes then
# falls on every case alike instead of on whichever ran at the time, and the ratios hold.
TLS_SELECT="SELECT id, name FROM customers ORDER BY id"
TLS_NAMES=() TLS_CMDS=()
for conn in socket disable require verify-full client-cert; do
    TLS_NAMES+=("t1-payctl-$conn")
    TLS_CMDS+=("$PAYCTL --db ${TLS_URLS[$conn]} customer list -o csv")
done
for mode in disable require; do
    TLS_NAMES+=("t1-psql-$mode")
    TLS_CMDS+=("psql -X -q -At -d postgresql://payctl@127.0.0.1:$TLS_PORT/tls_ledger?sslmode=$mode -c \"$TLS_SELECT\"")
done
TLS_ROUNDS=5
TLS_PER_ROUND=$(((RUNS_CREATE + TLS_ROUNDS - 1) / TLS_ROUNDS))
log "T1: ${#TLS_NAMES[@]} commands, $TLS_ROUNDS rounds of $TLS_PER_ROUND runs each (after $WARMUP warm-up runs)"
for round in $(seq 1 $TLS_ROUNDS); do
    for i in "${!TLS_NAMES[@]}"; do
        hyperfine -N --style none --warmup $([ "$round" = 1 ] && echo "$WARMUP" || echo 1) --runs $TLS_PER_ROUND \
            --export-json "$RUN/${TLS_NAMES[$i]}-$round.json" --command-name "${TLS_NAMES[$i]}" "${TLS_CMDS[$i]}" >&2
    done
done
# Pooled: median, mean, sample standard deviation, min, max, runs, as hf records them.
for name in "${TLS_NAMES[@]}"; do
    jq -s -r --arg n "$name" '[.[].results[0].times[]] | sort | length as $k | (add / $k) as $m
        | [$n, (if $k % 2 == 1 then .[($k - 1) / 2] else (.[$k / 2 - 1] + .[$k / 2]) / 2 end), $m,
           ((map((. - $m) * (. - $m)) | add) / ($k - 1) | sqrt), .[0], .[$k - 1], $k] | @tsv' \
        "$RUN"/"$name"-*.json >>"$MEDIANS"
    # The client's own CPU time (user + system), the mean per run (hyperfine records means
    # only; the rounds have equal runs): what the client spends, not the server, nor the wait
    # for the other process's turn on a loaded machine.
    jq -s -r --arg n "$name" '[.[].results[0] | .user + .system] | [$n, add / length] | @tsv' \
        "$RUN"/"$name"-*.json >>"$RUN/cpu.tsv"
done
cpu_mean() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$RUN/cpu.tsv"; }
tls_stop
if declare -F pg_stop >/dev/null; then trap pg_stop EXIT; else trap - EXIT; fi

# --- rows ------------------------------------------------------------------------------------
t_plain=$(median t1-payctl-disable)
added() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f ms", (a - b) * 1000 }'; }
for conn in socket require verify-full client-cert; do
    t=$(median "t1-payctl-$conn")
    case $conn in
        socket) what="unix socket (no TCP, no TLS)" ;;
        require) what="\`sslmode=require\` (TLS, certificate not checked)" ;;
        verify-full) what="\`sslmode=verify-full\` with \`sslrootcert\` (chain and host name checked)" ;;
        client-cert) what="\`verify-full\` and a client certificate (\`sslcert\`/\`sslkey\`, \`cert\` authentication)" ;;
    esac
    row "T1 tls" "PostgreSQL: \`customer list\` (20 customers) over $what vs TCP \`sslmode=disable\`" \
        "$(secs "$t") ($(added "$t" "$t_plain"))" "disable $(secs "$t_plain")" "$(r2 "$(ratio "$t" "$t_plain")")" "none: a measure" "–"
done
p_plain=$(median t1-psql-disable) p_tls=$(median t1-psql-require)
row "T1 ref." "\`psql\` (libpq, OpenSSL) running the same SELECT with \`sslmode=require\` vs \`sslmode=disable\`" \
    "$(secs "$p_tls") ($(added "$p_tls" "$p_plain"))" "disable $(secs "$p_plain")" "$(r2 "$(ratio "$p_tls" "$p_plain")")" "none: a reference" "–"
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
TLS_CPU="client CPU (user + system, mean per run): payctl $(ms "$(cpu_mean t1-payctl-disable)") plain, $(ms "$(cpu_mean t1-payctl-require)") require, $(ms "$(cpu_mean t1-payctl-verify-full)") verify-full, $(ms "$(cpu_mean t1-payctl-client-cert)") with a client certificate; psql $(ms "$(cpu_mean t1-psql-disable)") plain, $(ms "$(cpu_mean t1-psql-require)") require"
TLS_NOTE="T1 rows: PostgreSQL $TLS_PG_VERSION, a throwaway server of this run on 127.0.0.1 with ssl=on ($TLS_KEY_TEXT server and client keys, certificates from a throwaway CA; trust authentication except for the client certificate's \`cert\` line; fsync=off), one ledger of 20 customers read by \`payctl customer list -o csv\` over each connection, the commands taking turns in $TLS_ROUNDS rounds of $TLS_PER_ROUND runs (medians of the pooled times); in brackets what each connection adds to \`sslmode=disable\` over TCP. The script checks each URL returns the same customers and that the server sees TLS where asked. T1 $TLS_CPU."

if [ "$tls_standalone" = yes ]; then
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    {
        echo "# payctl benchmark results: what TLS costs one command"
        echo
        echo "Written by \`bash benches/tls.sh\` (the T1 case of \`benches/run.sh\`, run alone); do not edit by hand."
        echo
        echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "- payctl: commit $COMMIT$DIRTY ($BUILD)"
        echo "- machine: $cpu, $(nproc) cores, $ram RAM, Linux $(uname -r); load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
        echo "- tools: $(hyperfine --version), $(psql --version), $(openssl version | cut -d' ' -f1-2)"
        echo
        echo "| case | what | payctl (median) | peer (median) | ratio | target | met |"
        echo "|---|---|---|---|---|---|---|"
        printf '%s\n' "${ROWS[@]}"
        echo
        echo "Ratios are payctl / peer, each the median of $((TLS_ROUNDS * TLS_PER_ROUND)) runs from hyperfine in this run, taken in $TLS_ROUNDS rounds in which the commands take turns."
        echo "$TLS_NOTE"
        echo
        echo "## Every measurement"
        echo
        echo "| command | median | mean ± σ | min | max | runs |"
        echo "|---|---|---|---|---|---|"
        awk -F'\t' '{ printf "| %s | %.4f s | %.4f ± %.4f s | %.4f s | %.4f s | %d |\n", $1, $2, $3, $4, $5, $6, $7 }' "$MEDIANS"
    } >"$TLS_OUT"
    rm -rf "$RUN"
    log "wrote $TLS_OUT"
    cat "$TLS_OUT"
fi

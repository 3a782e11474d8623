//! TLS, the ledger URL's forms and the password sources of a team ledger (SPEC §8, issue 18),
//! against real PostgreSQL servers listening on TCP (unix sockets never use TLS): one with a
//! self-signed CA and `ssl=on`, one without TLS, one that asks for a password (scram-sha-256).
//! Each server is this test's own, started from the binaries `.ci/pg` installs, with a free port
//! on 127.0.0.1, and stopped when the test ends. Skipped, with a note, when `PAYCTL_TEST_PG` is
//! unset (no PostgreSQL on the machine) or openssl is missing (no certificate can be made).
//! The URL tests at the bottom need no server.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::{on_postgres, NOW};

const PASSWORD: &str = "Tr0ub4dor-pg-h23";

/// PostgreSQL's server binaries (Debian keeps them under /usr/lib/postgresql/N/bin).
fn pg_bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|b| b.join("pg_ctl").exists())
        .collect();
    found.sort();
    found.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs a program as the server's OS user (PostgreSQL refuses to run as root).
fn as_server(program: &Path) -> Command {
    if is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(program);
        cmd
    } else {
        Command::new(program)
    }
}

#[track_caller]
fn must(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("spawn");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

enum Tls {
    Off,
    /// A certificate for the name `localhost` only, signed by the test's own CA.
    On,
    /// As `On`, and the same CA trusted for client certificates (`ssl_ca_file`), so that
    /// pg_hba.conf can ask for one (`cert` authentication).
    OnWithClientCa,
}

/// A throwaway PostgreSQL server on 127.0.0.1:`port`, stopped on drop.
struct Server {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
}

impl Server {
    /// `None` (with a note) where the test cannot run here.
    fn start(tls: Tls, password: bool) -> Option<Server> {
        if !on_postgres() {
            eprintln!(
                "skipped: PAYCTL_TEST_PG is unset (no PostgreSQL test server on this machine)"
            );
            return None;
        }
        let bin = pg_bin()?;
        if !matches!(tls, Tls::Off) && Command::new("openssl").arg("version").output().is_err() {
            eprintln!("skipped: openssl is not installed, no certificate can be made");
            return None;
        }
        let dir = tempfile::Builder::new()
            .prefix("payctl-pg-tls")
            .tempdir_in("/tmp")
            .unwrap();
        let data = dir.path().join("data");
        let sock = dir.path().join("sock");
        std::fs::create_dir(&data).unwrap();
        std::fs::create_dir(&sock).unwrap();
        let root = is_root();
        if root {
            must(Command::new("chmod").arg("0755").arg(dir.path()));
            must(Command::new("chown").arg("postgres:").arg(&data).arg(&sock));
        }
        must(Command::new("chmod").arg("0700").arg(&data));
        let mut initdb = as_server(&bin.join("initdb"));
        initdb
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "payctl",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ])
            .args(["--auth-local=trust"])
            .arg(if password {
                "--auth-host=scram-sha-256"
            } else {
                "--auth-host=trust"
            });
        must(&mut initdb);
        let port = free_port();
        let mut options = format!(
            "-c listen_addresses='127.0.0.1' -p {port} -k {} -c fsync=off",
            sock.display()
        );
        if !matches!(tls, Tls::Off) {
            make_certificates(dir.path(), &data, root);
            options.push_str(" -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key");
        }
        if matches!(tls, Tls::OnWithClientCa) {
            options.push_str(" -c ssl_ca_file=ca.crt");
        }
        must(
            as_server(&bin.join("pg_ctl"))
                .arg("-D")
                .arg(&data)
                .args(["-w", "-t", "60", "-l"])
                .arg(sock.join("server.log"))
                .args(["-o", &options, "start"])
                .stdout(Stdio::null()),
        );
        let server = Server { dir, bin, port };
        server.psql("CREATE DATABASE ar");
        if password {
            server.psql(&format!("ALTER ROLE payctl PASSWORD '{PASSWORD}'"));
        }
        Some(server)
    }

    fn psql(&self, sql: &str) {
        let psql = self.bin.join("psql");
        must(
            as_server(&psql)
                .args(["-X", "-q", "-h"])
                .arg(self.dir.path().join("sock"))
                .args([
                    "-p",
                    &self.port.to_string(),
                    "-U",
                    "payctl",
                    "-d",
                    "postgres",
                    "-c",
                    sql,
                ]),
        );
    }

    fn ca(&self) -> PathBuf {
        self.dir.path().join("ca.crt")
    }

    fn url(&self, host: &str, query: &str) -> String {
        format!("postgres://payctl@{host}:{}/ar{query}", self.port)
    }

    /// The payctl command against `url`, with no password source unless the test adds one.
    fn payctl(&self, url: &str, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("payctl").unwrap();
        cmd.args(args)
            .env("PAYCTL_DB", url)
            .env("PAYCTL_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("HOME", self.dir.path())
            .env("USER", "tester")
            .env_remove("PGPASSWORD")
            .env_remove("PGPASSFILE")
            .env_remove("PAYCTL_OUTPUT")
            .env_remove("PAYCTL_BUSY_TIMEOUT_MS")
            .stdin(Stdio::null());
        cmd
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = as_server(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-w", "-t", "30", "-m", "immediate", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// A CA and a server certificate for `localhost` (DNS name only, so `127.0.0.1` does not
/// match it), the server's files in the data folder, owned by the server's user, 0600.
fn make_certificates(dir: &Path, data: &Path, root: bool) {
    let run = |args: &[&str]| {
        must(Command::new("openssl").args(args).current_dir(dir));
    };
    run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=payctl test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
    ]);
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    std::fs::write(
        dir.join("ext.cnf"),
        "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        "-out",
        "server.crt",
    ]);
    for file in ["server.crt", "server.key", "ca.crt"] {
        std::fs::copy(dir.join(file), data.join(file)).unwrap();
        must(Command::new("chmod").arg("0600").arg(data.join(file)));
        if root {
            must(Command::new("chown").arg("postgres:").arg(data.join(file)));
        }
    }
}

/// The format `client_certificate` writes the key in.
#[derive(Clone, Copy)]
enum KeyForm {
    /// `-----BEGIN PRIVATE KEY-----` (RSA), what `openssl req -newkey` writes.
    Pkcs8,
    /// `-----BEGIN RSA PRIVATE KEY-----`.
    Pkcs1,
    /// `-----BEGIN EC PRIVATE KEY-----` (P-256).
    Sec1,
}

/// A client certificate for `cn` signed by the CA `ca` (`ca.crt` and `ca.key` in the test's
/// folder, or another CA's files), as `name.crt` and `name.key` (mode 0600) there. With a
/// PKCS#8 key it is made as PostgreSQL's documentation makes one (`x509 -req` with no
/// extensions: X.509 v1 on OpenSSL 3.0); the others are v3 with `extendedKeyUsage=clientAuth`.
fn client_certificate(
    dir: &Path,
    ca: (&str, &str),
    cn: &str,
    name: &str,
    form: KeyForm,
) -> (PathBuf, PathBuf) {
    let run = |args: &[&str]| {
        must(Command::new("openssl").args(args).current_dir(dir));
    };
    let key = format!("{name}.key");
    let csr = format!("{name}.csr");
    let crt = format!("{name}.crt");
    match form {
        KeyForm::Pkcs8 => run(&[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            &key,
        ]),
        KeyForm::Pkcs1 => run(&["genrsa", "-traditional", "-out", &key, "2048"]),
        KeyForm::Sec1 => run(&[
            "ecparam",
            "-name",
            "prime256v1",
            "-genkey",
            "-noout",
            "-out",
            &key,
        ]),
    }
    let subject = format!("/CN={cn}");
    run(&["req", "-new", "-key", &key, "-subj", &subject, "-out", &csr]);
    let mut sign = vec![
        "x509",
        "-req",
        "-in",
        &csr,
        "-CA",
        ca.0,
        "-CAkey",
        ca.1,
        "-CAcreateserial",
        "-days",
        "2",
        "-out",
        &crt,
    ];
    if !matches!(form, KeyForm::Pkcs8) {
        std::fs::write(
            dir.join("client-ext.cnf"),
            "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n",
        )
        .unwrap();
        sign.extend(["-extfile", "client-ext.cnf"]);
    }
    run(&sign);
    must(Command::new("chmod").arg("0600").arg(dir.join(&key)));
    (dir.join(crt), dir.join(key))
}

struct Ran {
    code: i32,
    stdout: String,
    stderr: String,
}

fn ran(cmd: &mut Command) -> Ran {
    let out = cmd.output().expect("run payctl");
    Ran {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const ADD: &[&str] = &["customer", "add", "--id", "1", "--name", "One", "-q"];

/// A write then a read succeed at `url`: the ledger is created there and read back.
#[track_caller]
fn works(server: &Server, url: &str) {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(100);
    let id = NEXT.fetch_add(1, Ordering::Relaxed).to_string();
    let add = ran(&mut server.payctl(
        url,
        &["customer", "add", "--id", &id, "--name", "One", "-q"],
    ));
    assert_eq!((add.code, add.stderr.as_str()), (0, ""), "{url}");
    assert_eq!(add.stdout, format!("{id}\n"));
    let show = ran(&mut server.payctl(url, &["customer", "show", &id, "-o", "json"]));
    assert_eq!((show.code, show.stderr.as_str()), (0, ""), "{url}");
    assert!(show.stdout.contains("\"One\""), "{}", show.stdout);
}

#[test]
fn tls_require_and_verify_full_connect_and_a_wrong_host_name_is_refused() {
    let Some(server) = Server::start(Tls::On, false) else {
        return;
    };
    // Only TLS connections over TCP are let in from now on: a plain one would be refused.
    std::fs::write(
        server.dir.path().join("data/pg_hba.conf"),
        "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n",
    )
    .unwrap();
    server.psql("SELECT pg_reload_conf()");
    let ca = server.ca();
    let ca = ca.to_str().unwrap();

    works(&server, &server.url("127.0.0.1", "?sslmode=require"));
    works(
        &server,
        &server.url(
            "localhost",
            &format!("?sslmode=verify-full&sslrootcert={ca}"),
        ),
    );
    works(
        &server,
        &server.url("127.0.0.1", &format!("?sslmode=verify-ca&sslrootcert={ca}")),
    );
    // The default, prefer, uses TLS when offered: the server refuses plain TCP, so it did.
    works(&server, &server.url("127.0.0.1", ""));

    // The certificate names localhost, not 127.0.0.1: verify-full refuses, exit 74 (retrying
    // cannot help), naming the ledger and the mode.
    let url = server.url(
        "127.0.0.1",
        &format!("?sslmode=verify-full&sslrootcert={ca}"),
    );
    let refused = ran(&mut server.payctl(&url, ADD));
    assert_eq!(refused.code, 74, "{}", refused.stderr);
    assert!(
        refused.stderr.contains(&format!(
            "ledger {url}: the server's TLS certificate was refused under sslmode=verify-full"
        )),
        "{}",
        refused.stderr
    );
    assert!(
        refused
            .stderr
            .contains("certificate not valid for name \"127.0.0.1\""),
        "{}",
        refused.stderr
    );
    assert_eq!(refused.stdout, "");

    // A CA that did not sign the server's certificate: refused too.
    let other = server.dir.path().join("other-ca.crt");
    must(
        Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=other",
                "-keyout",
            ])
            .arg(server.dir.path().join("other-ca.key"))
            .arg("-out")
            .arg(&other),
    );
    let url = server.url(
        "localhost",
        &format!("?sslmode=verify-full&sslrootcert={}", other.display()),
    );
    let refused = ran(&mut server.payctl(&url, ADD));
    assert_eq!(refused.code, 74, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("UnknownIssuer"),
        "{}",
        refused.stderr
    );
    // verify-ca, and require given a root file (as libpq), check the chain too.
    for mode in ["verify-ca", "require"] {
        let url = server.url(
            "127.0.0.1",
            &format!("?sslmode={mode}&sslrootcert={}", other.display()),
        );
        let refused = ran(&mut server.payctl(&url, ADD));
        assert_eq!(refused.code, 74, "{mode}: {}", refused.stderr);
        assert!(
            refused.stderr.contains(&format!(
                "the server's TLS certificate was refused under sslmode={mode}"
            )),
            "{}",
            refused.stderr
        );
    }
    // require with the right CA and a host name the certificate does not carry: encrypted and
    // chain-checked, the name is not compared (libpq's require and verify-ca do not compare it).
    works(
        &server,
        &server.url("127.0.0.1", &format!("?sslmode=require&sslrootcert={ca}")),
    );

    // sslmode=disable sends plain TCP, which this server's pg_hba.conf rejects: the plain
    // connection really was plain.
    let plain = ran(&mut server.payctl(&server.url("127.0.0.1", "?sslmode=disable"), ADD));
    assert_eq!(plain.code, 74, "{}", plain.stderr);
    assert!(plain.stderr.contains("no encryption"), "{}", plain.stderr);

    // A missing sslrootcert file: exit 2 naming the field and the file.
    let url = server.url(
        "localhost",
        "?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
    );
    let bad = ran(&mut server.payctl(&url, ADD));
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.starts_with(&format!(
            "error: db '{url}' has sslrootcert '/nonexistent/ca.pem' that payctl cannot use"
        )),
        "{}",
        bad.stderr
    );
}

#[test]
fn disable_connects_plain_and_require_is_refused_by_a_server_without_tls() {
    let Some(server) = Server::start(Tls::Off, false) else {
        return;
    };
    works(&server, &server.url("127.0.0.1", "?sslmode=disable"));
    // prefer falls back to plain when the server offers no TLS.
    works(&server, &server.url("127.0.0.1", "?sslmode=prefer"));
    for mode in ["require", "verify-full"] {
        let url = server.url("127.0.0.1", &format!("?sslmode={mode}"));
        let refused = ran(&mut server.payctl(&url, ADD));
        assert_eq!(refused.code, 75, "{}", refused.stderr);
        assert_eq!(
            refused.stderr,
            format!(
                "error: ledger {url} does not offer TLS, and the URL asks for sslmode={mode}; nothing was written. Enable ssl on the server, or use sslmode=prefer or disable on a trusted network\n"
            )
        );
    }
}

#[test]
fn passwords_come_from_pgpassword_or_a_private_pgpass_and_never_show() {
    let Some(server) = Server::start(Tls::Off, true) else {
        return;
    };
    let url = server.url("127.0.0.1", "?sslmode=disable");
    let home = server.dir.path();
    let pgpass = home.join(".pgpass");

    // No password anywhere: exit 74, saying where to put one.
    let none = ran(&mut server.payctl(&url, ADD));
    assert_eq!(none.code, 74, "{}", none.stderr);
    assert!(
        none.stderr
            .contains("asks for a password and none was given"),
        "{}",
        none.stderr
    );

    // A wrong one: exit 74 (retrying the same command cannot succeed, so not 75).
    let wrong = ran(server
        .payctl(&url, ADD)
        .env("PGPASSWORD", "not-the-password"));
    assert_eq!(wrong.code, 74, "{}", wrong.stderr);
    assert!(
        wrong
            .stderr
            .contains(&format!("ledger {url} refused the login")),
        "{}",
        wrong.stderr
    );
    assert!(wrong.stderr.contains("SQLSTATE 28P01"), "{}", wrong.stderr);
    assert!(!wrong.stderr.contains("not-the-password"));

    // PGPASSWORD.
    let add = ran(server.payctl(&url, ADD).env("PGPASSWORD", PASSWORD));
    assert_eq!((add.code, add.stderr.as_str()), (0, ""));

    // A .pgpass that group or others may read: ignored, with a warning naming it.
    std::fs::write(
        &pgpass,
        format!("# payctl\n127.0.0.1:{}:ar:payctl:{PASSWORD}\n", server.port),
    )
    .unwrap();
    must(Command::new("chmod").arg("0644").arg(&pgpass));
    let open = ran(&mut server.payctl(&url, &["customer", "list", "-o", "csv"]));
    assert_eq!(open.code, 74, "{}", open.stderr);
    assert!(
        open.stderr.starts_with(&format!(
            "warning: password file {} is ignored: group or others may read it (mode 0644); run chmod 0600 {}\n",
            pgpass.display(),
            pgpass.display()
        )),
        "{}",
        open.stderr
    );

    // The same file at 0600 is used; a wildcard line and an escaped one are read too.
    must(Command::new("chmod").arg("0600").arg(&pgpass));
    works_with_existing(&server, &url);
    std::fs::write(
        &pgpass,
        format!("otherhost:*:*:*:nope\n*:*:ar:payctl:{PASSWORD}\n"),
    )
    .unwrap();
    works_with_existing(&server, &url);

    // PGPASSFILE names another file.
    let elsewhere = home.join("elsewhere.pgpass");
    std::fs::write(
        &elsewhere,
        format!("*:{}:*:payctl:{PASSWORD}\n", server.port),
    )
    .unwrap();
    must(Command::new("chmod").arg("0600").arg(&elsewhere));
    std::fs::remove_file(&pgpass).unwrap();
    let list = ran(server
        .payctl(&url, &["customer", "list", "-o", "csv"])
        .env("PGPASSFILE", &elsewhere));
    assert_eq!((list.code, list.stderr.as_str()), (0, ""));

    // The password never appears in any output, nor in the audit trail.
    let log = ran(server
        .payctl(&url, &["log", "-o", "json"])
        .env("PGPASSWORD", PASSWORD));
    assert_eq!(log.code, 0, "{}", log.stderr);
    assert!(log.stdout.contains("customer add"), "{}", log.stdout);
    for text in [
        &none.stderr,
        &wrong.stderr,
        &add.stdout,
        &open.stderr,
        &log.stdout,
        &log.stderr,
    ] {
        assert!(!text.contains(PASSWORD), "password shown: {text}");
    }
}

/// The ledger as seen through `url`: its customers and its audit trail.
fn ledger_state(server: &Server, url: &str) -> String {
    let mut state = String::new();
    for args in [
        &["customer", "list", "-o", "json"][..],
        &["log", "-o", "json"][..],
    ] {
        let r = ran(&mut server.payctl(url, args));
        assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{args:?}");
        state.push_str(&r.stdout);
    }
    state
}

/// The base64 lines of a PEM file: none may ever appear in payctl's output.
fn secret_lines(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("-----") && l.len() > 16)
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_client_certificate_logs_in_where_pg_hba_asks_for_one_and_bad_ones_are_refused() {
    let Some(server) = Server::start(Tls::OnWithClientCa, false) else {
        return;
    };
    // Over TCP the role payctl logs in with a client certificate only (`cert`: signed by
    // ssl_ca_file's CA, its CN the user name); anything else is rejected.
    std::fs::write(
        server.dir.path().join("data/pg_hba.conf"),
        "local all all trust\nhostssl all payctl 127.0.0.1/32 cert\nhost all all 127.0.0.1/32 reject\n",
    )
    .unwrap();
    server.psql("SELECT pg_reload_conf()");
    let dir = server.dir.path();
    let ca = server.ca();
    let ca = ca.to_str().unwrap();
    let ours = ("ca.crt", "ca.key");
    let (crt, key) = client_certificate(dir, ours, "payctl", "clerk", KeyForm::Pkcs8);
    let url_with = |mode: &str, crt: &Path, key: &Path| {
        server.url(
            "localhost",
            &format!(
                "?sslmode={mode}&sslrootcert={ca}&sslcert={}&sslkey={}",
                crt.display(),
                key.display()
            ),
        )
    };
    let good = url_with("verify-full", &crt, &key);

    // With the certificate: a write and reads, under verify-full and under require.
    works(&server, &good);
    works(&server, &url_with("require", &crt, &key));
    // The other two key formats rustls reads: PKCS#1 RSA and SEC1 EC.
    for (name, form) in [("pkcs1", KeyForm::Pkcs1), ("sec1", KeyForm::Sec1)] {
        let (c, k) = client_certificate(dir, ours, "payctl", name, form);
        works(&server, &url_with("verify-full", &c, &k));
    }
    let before = ledger_state(&server, &good);
    let mut outputs = Vec::new();

    // Without a certificate the server refuses the login: exit 74, as a refused password.
    let bare = server.url(
        "localhost",
        &format!("?sslmode=verify-full&sslrootcert={ca}"),
    );
    let r = ran(&mut server.payctl(&bare, ADD));
    assert_eq!(r.code, 74, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!("error: ledger {bare} refused the login: connection requires a valid client certificate (SQLSTATE 28000); check PGPASSWORD or ~/.pgpass (mode 0600) and the server's pg_hba.conf; nothing was written\n")
    );
    outputs.push(r);

    // A certificate of our CA for another user: refused by `cert`, and the hint names sslcert.
    let (c, k) = client_certificate(dir, ours, "intruder", "intruder", KeyForm::Pkcs8);
    let url = url_with("verify-full", &c, &k);
    let r = ran(&mut server.payctl(&url, ADD));
    assert_eq!(r.code, 74, "{}", r.stderr);
    assert!(
        r.stderr.starts_with(&format!("error: ledger {url} refused the login: certificate authentication failed for user \"payctl\" (SQLSTATE 28000); check the client certificate in sslcert")),
        "{}",
        r.stderr
    );
    outputs.push(r);

    // A certificate for payctl from a CA the server does not trust: the server ends the
    // handshake, exit 74 naming the certificate presented.
    must(
        Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=rogue CA",
            ])
            .args(["-keyout", "rogue-ca.key", "-out", "rogue-ca.crt"])
            .current_dir(dir),
    );
    let (rogue_crt, rogue_key) = client_certificate(
        dir,
        ("rogue-ca.crt", "rogue-ca.key"),
        "payctl",
        "rogue",
        KeyForm::Pkcs8,
    );
    let url = url_with("verify-full", &rogue_crt, &rogue_key);
    let r = ran(&mut server.payctl(&url, ADD));
    assert_eq!(r.code, 74, "{}", r.stderr);
    assert!(
        r.stderr.starts_with(&format!(
            "error: ledger {url}: the server refused the TLS handshake (alert UnknownCA) after payctl presented the client certificate in sslcert '{}'; nothing was sent to it.",
            rogue_crt.display()
        )),
        "{}",
        r.stderr
    );
    outputs.push(r);

    // The right certificate with another key: refused before connecting (exit 2, naming
    // sslkey), here and at a port where nothing listens (a connection would be exit 75).
    let nowhere = |url: &str| url.replace(&format!(":{}/", server.port), ":1/");
    let url = url_with("verify-full", &crt, &k);
    for url in [url.clone(), nowhere(&url)] {
        let r = ran(&mut server.payctl(&url, ADD));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(
            r.stderr,
            format!(
                "error: db '{url}' has sslkey '{}' that payctl cannot use (it is not the private key of the certificate in sslcert '{}'); allowed: a readable PEM file, mode 0600 or less, holding the unencrypted private key of the sslcert certificate (PKCS#8, PKCS#1 RSA or SEC1 EC)\n",
                k.display(),
                crt.display()
            )
        );
        outputs.push(r);
    }

    // The right key, readable by others: refused before connecting, as libpq refuses it.
    let open_key = dir.join("open.key");
    std::fs::copy(&key, &open_key).unwrap();
    must(Command::new("chmod").arg("0644").arg(&open_key));
    let url = url_with("verify-full", &crt, &open_key);
    for url in [url.clone(), nowhere(&url)] {
        let r = ran(&mut server.payctl(&url, ADD));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(
            r.stderr,
            format!(
                "error: db '{url}' has sslkey '{k}' with group or world access (mode 0644); permissions should be u=rw (0600) or less, or u=rw,g=r (0640) or less if root owns it; run chmod 0600 {k}\n",
                k = open_key.display()
            )
        );
        outputs.push(r);
    }
    // The same file at 0600 is the right key and works.
    must(Command::new("chmod").arg("0600").arg(&open_key));
    assert_eq!(
        ran(&mut server.payctl(&url, &["customer", "list", "-q"])).code,
        0
    );

    // No refusal changed anything, and no key's content was ever printed.
    assert_eq!(ledger_state(&server, &good), before);
    let secrets: Vec<String> = [&key, &k, &rogue_key]
        .iter()
        .flat_map(|f| secret_lines(f))
        .collect();
    assert!(!secrets.is_empty());
    for r in &outputs {
        assert_eq!(r.stdout, "");
        for line in &secrets {
            assert!(!r.stderr.contains(line.as_str()), "key shown: {}", r.stderr);
        }
    }
}

#[track_caller]
fn works_with_existing(server: &Server, url: &str) {
    let list = ran(&mut server.payctl(url, &["customer", "list", "-o", "csv"]));
    assert_eq!((list.code, list.stderr.as_str()), (0, ""), "{url}");
    assert!(
        list.stdout
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("1,One")),
        "{}",
        list.stdout
    );
}

/// The URL tests need no server: each URL is refused before any connection is tried.
fn refused_url(url: &str) -> Ran {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("payctl").unwrap();
    cmd.args(["customer", "list"])
        .env("PAYCTL_DB", url)
        .env("HOME", dir.path())
        .env("NO_COLOR", "1")
        .env_remove("PGPASSWORD")
        .env_remove("PGPASSFILE")
        .stdin(Stdio::null());
    ran(&mut cmd)
}

#[test]
fn a_url_that_does_not_parse_is_a_usage_error_naming_db_without_the_password() {
    for (url, shown, why) in [
        (
            "postgres://clerk@db.example:notaport/ar",
            "postgres://clerk@db.example:notaport/ar",
            "is not a PostgreSQL URL payctl can use (invalid connection string: invalid value for option `port`)",
        ),
        (
            "postgres://clerk@db.example/ar?sslmode=strict",
            "postgres://clerk@db.example/ar?sslmode=strict",
            "has sslmode 'strict'; allowed: disable, prefer, require, verify-ca, verify-full",
        ),
        (
            "postgresql://clerk@/ar?host=/run/pg&frobnicate=1&password=hunter22",
            "postgresql://clerk@/ar?host=/run/pg&frobnicate=1&password=***",
            "is not a PostgreSQL URL payctl can use (invalid connection string: unknown option `frobnicate`)",
        ),
        (
            "postgres://clerk:hunter22@db.example/ar?sslmode=require",
            "postgres://clerk:***@db.example/ar?sslmode=require",
            "carries a password; give it in PGPASSWORD or in a 0600 ~/.pgpass file instead",
        ),
        (
            "postgres://clerk:hunter22@db.example/ar?sslmode=nope",
            "postgres://clerk:***@db.example/ar?sslmode=nope",
            "has sslmode 'nope'; allowed: disable, prefer, require, verify-ca, verify-full",
        ),
    ] {
        let r = refused_url(url);
        assert_eq!(r.code, 2, "{url}: {}", r.stderr);
        assert!(
            r.stderr.starts_with(&format!("error: db '{shown}' {why}")),
            "{url}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("hunter22"), "{}", r.stderr);
        assert_eq!(r.stdout, "");
    }
}

/// What `sslcert` and `sslkey` must be is checked before any connection: the URL points at a
/// port where nothing listens (a connection attempt would be exit 75), and every case is
/// exit 2 naming the field, the file and what is allowed. Needs no server and no openssl.
#[test]
fn client_certificate_files_are_checked_before_connecting_and_never_shown() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    let write = |name: &str, text: &str, mode: &str| {
        std::fs::write(at(name), text).unwrap();
        must(Command::new("chmod").arg(mode).arg(at(name)));
        at(name).display().to_string()
    };
    const SECRET: &str = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDSECRETSECRET";
    let open_key = write(
        "open.key",
        &format!("-----BEGIN PRIVATE KEY-----\n{SECRET}\n-----END PRIVATE KEY-----\n"),
        "0644",
    );
    let bad_base64 = write(
        "bad.key",
        &format!("-----BEGIN PRIVATE KEY-----\n{SECRET}!!!\n-----END PRIVATE KEY-----\n"),
        "0600",
    );
    let unterminated = write(
        "cut.key",
        &format!("-----BEGIN PRIVATE KEY-----\n{SECRET}\n"),
        "0600",
    );
    let no_key = write("nokey.key", &format!("just text {SECRET}\n"), "0600");
    let encrypted = write(
        "enc.key",
        &format!(
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\n{SECRET}\n-----END ENCRYPTED PRIVATE KEY-----\n"
        ),
        "0600",
    );
    let empty_cert = write("empty.crt", "", "0644");
    // PEM that decodes, with no key in it.
    let not_der = write(
        "notder.key",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        "0600",
    );
    let folder = dir.path().display().to_string();
    let key_allowed = "allowed: a readable PEM file, mode 0600 or less, holding the unencrypted private key of the sslcert certificate (PKCS#8, PKCS#1 RSA or SEC1 EC)";
    let cert_allowed = "allowed: a readable PEM file holding the client certificate (then any intermediate certificates)";
    let url = |cert: &str, key: &str| {
        format!("postgres://clerk@127.0.0.1:1/ar?sslmode=require&sslcert={cert}&sslkey={key}")
    };
    for (url, why) in [
        (
            "postgres://clerk@127.0.0.1:1/ar?sslcert=/c.pem".to_owned(),
            "has sslcert but no sslkey; allowed: both sslcert=FILE and sslkey=FILE (a client certificate and its private key), or neither".to_owned(),
        ),
        (
            "postgres://clerk@127.0.0.1:1/ar?sslkey=/c.key&sslmode=disable".to_owned(),
            "has sslkey but no sslcert; allowed: both sslcert=FILE and sslkey=FILE (a client certificate and its private key), or neither".to_owned(),
        ),
        (
            url("/c.pem", ""),
            format!("has sslkey ''; {key_allowed}"),
        ),
        (
            url(&empty_cert, "/nonexistent/c.key"),
            format!("has sslkey '/nonexistent/c.key' that payctl cannot use (cannot read it: no such file); {key_allowed}"),
        ),
        (
            url(&empty_cert, &folder),
            format!("has sslkey '{folder}' that payctl cannot use (it is not a file); {key_allowed}"),
        ),
        (
            url(&empty_cert, &open_key),
            format!("has sslkey '{open_key}' with group or world access (mode 0644); permissions should be u=rw (0600) or less, or u=rw,g=r (0640) or less if root owns it; run chmod 0600 {open_key}"),
        ),
        (
            url("/nonexistent/c.crt", &bad_base64),
            format!("has sslcert '/nonexistent/c.crt' that payctl cannot use (cannot read it: no such file); {cert_allowed}"),
        ),
        (
            url(&empty_cert, &not_der),
            format!("has sslcert '{empty_cert}' that payctl cannot use (no CERTIFICATE section in it); {cert_allowed}"),
        ),
    ] {
        let r = refused_url(&url);
        assert_eq!(r.code, 2, "{url}: {}", r.stderr);
        assert_eq!(r.stderr, format!("error: db '{url}' {why}\n"), "{url}");
        assert_eq!(r.stdout, "");
    }
    // The key's PEM is read before the certificate's, so any certificate file will do here:
    // each bad key is named first.
    let cert = write(
        "c.crt",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "0644",
    );
    for (key, why) in [
        (&not_der, "the key cannot be used: failed to parse private key as RSA, ECDSA, or EdDSA"),
        (&bad_base64, "a PEM section is not valid base64"),
        (&unterminated, "a PEM section has no -----END line"),
        (&no_key, "no PRIVATE KEY section in it"),
        (
            &encrypted,
            "the key is encrypted, and payctl cannot ask for its passphrase; store it unencrypted (openssl pkey -in KEY -out KEY.plain) and keep the file at mode 0600",
        ),
    ] {
        let url = url(&cert, key);
        let r = refused_url(&url);
        assert_eq!(r.code, 2, "{url}: {}", r.stderr);
        assert_eq!(
            r.stderr,
            format!("error: db '{url}' has sslkey '{key}' that payctl cannot use ({why}); {key_allowed}\n"),
        );
        assert!(!r.stderr.contains("SECRET"), "{}", r.stderr);
    }
    // With -o json: Fusebill's shape, under the key `db`.
    let url = url(&cert, &open_key);
    let r = ran(Command::cargo_bin("payctl")
        .unwrap()
        .args(["customer", "list", "-o", "json"])
        .env("PAYCTL_DB", &url)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null()));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stderr).expect(&r.stderr);
    assert_eq!(json["HttpStatusCode"], 400);
    assert_eq!(json["Errors"][0]["Key"], "db");
    assert!(
        json["Errors"][0]["Value"]
            .as_str()
            .unwrap()
            .contains("with group or world access (mode 0644)"),
        "{json}"
    );
}

//! TLS to a team ledger (SPEC §8): `sslmode=disable|prefer|require|verify-ca|verify-full` and
//! `sslrootcert=FILE` in the URL, with rustls on the `ring` provider, so payctl builds on a
//! fresh machine without OpenSSL's headers, cmake or clang.
//!
//! What each mode checks, as libpq does:
//! - `disable`: plain TCP.
//! - `prefer` (the default): TLS when the server offers it, else plain. The certificate is not
//!   checked (libpq's `prefer` does not check it either).
//! - `require`: TLS or no connection. Without `sslrootcert` the certificate is not checked: the
//!   line is encrypted but a machine in the middle could present its own certificate. With
//!   `sslrootcert` the chain is checked against that CA, as libpq does when a root file exists.
//! - `verify-ca`: TLS and a chain to the CA (`sslrootcert`, else the system's CAs).
//! - `verify-full`: `verify-ca` and the server's name (the URL's host) in its certificate.
//!
//! A unix socket never uses TLS (PostgreSQL does not offer it there): `sslmode` is ignored for
//! `?host=/socket/dir`, as libpq ignores it.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::error::{BusyError, BusyKind, Error, Result, StorageKind, UrlProblem};

/// The `sslmode` values payctl accepts, for error messages.
const MODES: &str = "disable, prefer, require, verify-ca, verify-full";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TlsMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// A ledger URL taken apart: what `postgres::Config` parses, and the TLS settings it does not
/// know (`verify-ca`, `verify-full`, `sslrootcert`).
#[derive(Debug)]
pub(crate) struct ServerUrl {
    pub(crate) config: Config,
    pub(crate) mode: TlsMode,
    pub(crate) root_cert: Option<PathBuf>,
}

fn usage(shown: &str, problem: UrlProblem) -> Error {
    Error::LedgerUrl {
        url: shown.to_owned(),
        problem,
    }
}

/// Parses a ledger URL. `shown` is the URL with any password hidden, for messages.
/// `e` and its causes, one after the other: the `postgres` crate puts the detail ("password
/// missing", "invalid value for option `port`") in the source, not in its own text. None of
/// them carries the password: the crate never echoes it.
fn with_causes(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let more = c.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        cause = c.source();
    }
    text
}

pub(crate) fn parse(url: &str, shown: &str) -> Result<ServerUrl> {
    let mut mode = TlsMode::Prefer;
    let mut root_cert = None;
    // `postgres::Config` knows only disable|prefer|require and no sslrootcert: take those two
    // out of the query and hand it the rest.
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let mut kept = Vec::new();
    for pair in query.into_iter().flat_map(|q| q.split('&')) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sslmode" => {
                mode = match percent_decode(value).as_deref() {
                    Some("disable") => TlsMode::Disable,
                    Some("prefer") => TlsMode::Prefer,
                    Some("require") => TlsMode::Require,
                    Some("verify-ca") => TlsMode::VerifyCa,
                    Some("verify-full") => TlsMode::VerifyFull,
                    _ => {
                        return Err(usage(
                            shown,
                            UrlProblem::Sslmode {
                                value: value.to_owned(),
                                allowed: MODES,
                            },
                        ))
                    }
                }
            }
            "sslrootcert" => {
                let Some(path) = percent_decode(value).filter(|p| !p.is_empty()) else {
                    return Err(usage(
                        shown,
                        UrlProblem::Sslrootcert {
                            value: value.to_owned(),
                        },
                    ));
                };
                root_cert = Some(PathBuf::from(path));
            }
            _ => kept.push(pair),
        }
    }
    let rest = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    let mut config = Config::from_str(&rest).map_err(|e| {
        usage(
            shown,
            UrlProblem::Unusable {
                detail: with_causes(&e),
                modes: MODES.replace(", ", "|"),
            },
        )
    })?;
    config.ssl_mode(match mode {
        TlsMode::Disable => SslMode::Disable,
        TlsMode::Prefer => SslMode::Prefer,
        _ => SslMode::Require,
    });
    Ok(ServerUrl {
        config,
        mode,
        root_cert,
    })
}

/// `%XX` decoding of one query value; `None` when it is not valid UTF-8 or a `%` is malformed.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Connects with the TLS the URL asks for. Errors are mapped here, so that none of them
/// carries the password: the `postgres` crate's texts never include it, and the URL is shown
/// redacted.
pub(crate) fn connect(url: &ServerUrl, shown: &str) -> Result<Client> {
    let on_socket = url
        .config
        .get_hosts()
        .iter()
        .all(|h| matches!(h, Host::Unix(_)));
    let result = if url.mode == TlsMode::Disable || on_socket {
        let mut plain = url.config.clone();
        plain.ssl_mode(SslMode::Disable);
        plain.connect(NoTls)
    } else {
        let tls = client_config(url, shown)?;
        url.config.connect(MakeRustlsConnect::new(tls))
    };
    result.map_err(|e| connect_error(&e, url, shown))
}

/// rustls on `ring`. rustls 0.23.48 deprecates `ring::default_provider` to steer users to
/// aws-lc-rs (post-quantum key exchange), but aws-lc-sys needs cmake and a C toolchain setup a
/// fresh machine may lack; `ring` builds with the C compiler cargo already needs. Classical
/// key exchange (X25519, P-256) is what PostgreSQL's own OpenSSL offers by default anyway.
#[allow(deprecated)]
fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn client_config(url: &ServerUrl, shown: &str) -> Result<ClientConfig> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_error(shown, e))?;
    let check_chain = match url.mode {
        TlsMode::VerifyCa | TlsMode::VerifyFull => true,
        TlsMode::Require => url.root_cert.is_some(),
        TlsMode::Prefer | TlsMode::Disable => false,
    };
    let config = if check_chain {
        let roots = Arc::new(root_store(url.root_cert.as_deref(), shown)?);
        let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
            .build()
            .map_err(|e| tls_error(shown, e))?;
        if url.mode == TlsMode::VerifyFull {
            builder.with_webpki_verifier(webpki).with_no_client_auth()
        } else {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(ChainOnly(webpki)))
                .with_no_client_auth()
        }
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(provider_algorithms())))
            .with_no_client_auth()
    };
    Ok(config)
}

fn tls_error(shown: &str, detail: impl std::fmt::Display) -> Error {
    Error::storage_at(
        StorageKind::Tls {
            detail: detail.to_string(),
        },
        shown,
    )
}

fn provider_algorithms() -> rustls::crypto::WebPkiSupportedAlgorithms {
    provider().signature_verification_algorithms
}

/// The CAs to check a server's chain against: `sslrootcert`, else the system's.
fn root_store(file: Option<&Path>, shown: &str) -> Result<RootCertStore> {
    let mut roots = RootCertStore::empty();
    match file {
        Some(file) => {
            let unreadable = |detail: String| {
                usage(
                    shown,
                    UrlProblem::RootCert {
                        file: file.display().to_string(),
                        detail,
                    },
                )
            };
            let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(file)
                .map_err(|e| unreadable(e.to_string()))?
                .collect::<std::result::Result<_, _>>()
                .map_err(|e| unreadable(e.to_string()))?;
            if certs.is_empty() {
                return Err(unreadable("no certificate in it".to_owned()));
            }
            for cert in certs {
                roots.add(cert).map_err(|e| unreadable(e.to_string()))?;
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            roots.add_parsable_certificates(found.certs);
            if roots.is_empty() {
                return Err(tls_error(
                    shown,
                    "no CA certificate found on this system to check the server against; name one with sslrootcert=FILE in the URL",
                ));
            }
        }
    }
    Ok(roots)
}

/// `verify-ca` (and `require` with `sslrootcert`): the chain must lead to a trusted CA, the
/// host name is not compared.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` and `require` without a CA, as libpq: the line is encrypted, the certificate is
/// taken as it comes (its handshake signature is still checked).
#[derive(Debug)]
struct EncryptOnly(rustls::crypto::WebPkiSupportedAlgorithms);

impl ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// The rustls error somewhere in `e`'s causes, if the handshake failed on a certificate.
fn rustls_cause<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if let Some(found) = c.downcast_ref::<rustls::Error>() {
            return Some(found);
        }
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            if let Some(found) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return Some(found);
            }
        }
        cause = c.source();
    }
    None
}

/// Why a connection could not be made, with its exit code:
/// - a wrong or missing password, or a user the server does not let in → 74: retrying the
///   same command cannot succeed (not 75), and the command line itself is well formed (not 2);
/// - a certificate that fails `verify-ca`/`verify-full` → 74 likewise: the server is not the
///   one the URL names, or not signed by the CA given, and nothing was sent to it;
/// - a server that does not offer TLS under `require` or stronger, a refused or timed-out
///   connection → 75: nothing was written, safe to retry (the server may be restarting, or
///   TLS being switched on).
fn connect_error(e: &postgres::Error, url: &ServerUrl, shown: &str) -> Error {
    let text = with_causes(e);
    if let Some(db) = e.as_db_error() {
        let code = db.code().code();
        if code == "28P01" || code == "28000" {
            return Error::storage(StorageKind::LoginRefused {
                detail: db.message().to_owned(),
                code: code.to_owned(),
            });
        }
        if code == "3D000" {
            return Error::storage(StorageKind::NoDatabase {
                detail: db.message().to_owned(),
            });
        }
    }
    if text.contains("password missing") {
        return Error::storage(StorageKind::NoPassword);
    }
    if let Some(tls) = rustls_cause(e) {
        return Error::storage(StorageKind::CertificateRefused {
            mode: mode_name(url.mode),
            detail: tls.to_string(),
        });
    }
    if text.contains("server does not support TLS") {
        return Error::busy(BusyKind::NoTls {
            mode: mode_name(url.mode),
        });
    }
    Error::Busy(BusyError::at(BusyKind::Unreachable { detail: text }, shown))
}

fn mode_name(mode: TlsMode) -> &'static str {
    match mode {
        TlsMode::Disable => "disable",
        TlsMode::Prefer => "prefer",
        TlsMode::Require => "require",
        TlsMode::VerifyCa => "verify-ca",
        TlsMode::VerifyFull => "verify-full",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(url: &str) -> ServerUrl {
        parse(url, url).expect(url)
    }

    #[test]
    fn the_url_forms_of_spec_8_parse() {
        let u = parsed("postgres://clerk@db.example:6543/ar");
        assert_eq!(u.config.get_user(), Some("clerk"));
        assert_eq!(u.config.get_hosts(), &[Host::Tcp("db.example".into())]);
        assert_eq!(u.config.get_ports(), &[6543]);
        assert_eq!(u.config.get_dbname(), Some("ar"));
        assert_eq!(u.mode, TlsMode::Prefer);

        let u = parsed("postgresql://clerk@/ar?host=/run/postgresql");
        assert_eq!(
            u.config.get_hosts(),
            &[Host::Unix("/run/postgresql".into())]
        );

        let u = parsed("postgresql://clerk@/ar?host=%2Frun%2Fpg%20x&sslmode=verify-full&sslrootcert=%2Fetc%2Fca%20x.pem");
        assert_eq!(u.config.get_hosts(), &[Host::Unix("/run/pg x".into())]);
        assert_eq!(u.mode, TlsMode::VerifyFull);
        assert_eq!(u.root_cert.as_deref(), Some(Path::new("/etc/ca x.pem")));

        let u = parsed("postgres://ar%20clerk@h/a%2Fr?sslmode=require");
        assert_eq!(u.config.get_user(), Some("ar clerk"));
        assert_eq!(u.config.get_dbname(), Some("a/r"));
        assert_eq!(u.config.get_ssl_mode(), SslMode::Require);

        let u = parsed("postgres://clerk@h/ar?sslmode=disable");
        assert_eq!(u.config.get_ssl_mode(), SslMode::Disable);
    }

    #[test]
    fn a_bad_sslmode_names_the_field_and_the_allowed_values() {
        let e = parse("postgres://u@h/d?sslmode=strict", "shown").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("sslmode 'strict'"), "{text}");
        assert!(text.contains(MODES), "{text}");
    }
}

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
//!
//! A client certificate (`sslcert=FILE&sslkey=FILE`, both or neither) is presented whenever
//! the server asks for one, for `cert` authentication or `clientcert=verify-full` in
//! pg_hba.conf. Its files are read and checked before anything connects, in every mode.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::{self, PemObject};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::sign::{CertifiedKey, SingleCertAndKey};
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
    /// `sslcert` and `sslkey`: given both or neither.
    pub(crate) client_cert: Option<ClientCertFiles>,
}

/// The client certificate (chain) and its private key that the URL names, PEM files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClientCertFiles {
    pub(crate) cert: PathBuf,
    pub(crate) key: PathBuf,
}

/// What `sslcert` and `sslkey` take, for error messages.
const CERT_ALLOWED: &str =
    "a readable PEM file holding the client certificate (then any intermediate certificates)";
const KEY_ALLOWED: &str = "a readable PEM file, mode 0600 or less, holding the unencrypted private key of the sslcert certificate (PKCS#8, PKCS#1 RSA or SEC1 EC)";

/// A certificate or key file larger than this is not one: a PEM key or chain is a few kB.
const MAX_PEM_BYTES: u64 = 1 << 20;

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
    let mut cert_file = None;
    let mut key_file = None;
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
            "sslcert" | "sslkey" => {
                let (field, allowed, slot) = if key == "sslcert" {
                    ("sslcert", CERT_ALLOWED, &mut cert_file)
                } else {
                    ("sslkey", KEY_ALLOWED, &mut key_file)
                };
                let Some(path) = percent_decode(value).filter(|p| !p.is_empty()) else {
                    return Err(usage(
                        shown,
                        UrlProblem::EmptyPath {
                            field,
                            value: value.to_owned(),
                            allowed,
                        },
                    ));
                };
                *slot = Some(PathBuf::from(path));
            }
            _ => kept.push(pair),
        }
    }
    // Both or neither, as libpq would have it in effect: a certificate without its key (or
    // the reverse) cannot be presented, and silently connecting without it would hide the
    // mistake until the server refuses the login.
    let client_cert = match (cert_file, key_file) {
        (Some(cert), Some(key)) => Some(ClientCertFiles { cert, key }),
        (None, None) => None,
        (Some(_), None) => {
            return Err(usage(
                shown,
                UrlProblem::HalfClientCert {
                    given: "sslcert",
                    missing: "sslkey",
                },
            ))
        }
        (None, Some(_)) => {
            return Err(usage(
                shown,
                UrlProblem::HalfClientCert {
                    given: "sslkey",
                    missing: "sslcert",
                },
            ))
        }
    };
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
        client_cert,
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
    // The client certificate and key are read and checked before anything is connected,
    // whatever the mode: a URL that names a missing, open or mismatched key is refused the
    // same way on every server, not only once a server happens to ask for TLS.
    let identity = url
        .client_cert
        .as_ref()
        .map(|files| client_identity(files, shown))
        .transpose()?;
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
        let tls = client_config(url, identity, shown)?;
        url.config.connect(MakeRustlsConnect::new(tls))
    };
    result.map_err(|e| connect_error(&e, url, shown))
}

/// rustls on `ring`. rustls 0.23.48 deprecates `ring::default_provider` to steer users to
/// aws-lc-rs (post-quantum key exchange), but aws-lc-sys needs cmake and a C toolchain setup a
/// fresh machine may lack; `ring` builds with the C compiler cargo already needs. Classical
/// key exchange (X25519, P-256) is what PostgreSQL's own OpenSSL offers by default anyway.
///
/// P-256 is offered first. rustls sends a key share for its first group only, and PostgreSQL
/// up to 17 lets TLS 1.3 use one group, `ssl_ecdh_curve`, `prime256v1` unless set otherwise:
/// offered X25519 first, such a server answers with a HelloRetryRequest, which costs a round
/// trip and a second key (seen in an strace of `sslmode=require` against PostgreSQL 15).
/// PostgreSQL 18's default `ssl_groups` (X25519:prime256v1) takes P-256 as it comes.
#[allow(deprecated)]
fn provider() -> Arc<CryptoProvider> {
    use rustls::crypto::ring::{default_provider, kx_group};
    let mut provider = default_provider();
    provider.kx_groups = vec![kx_group::SECP256R1, kx_group::X25519, kx_group::SECP384R1];
    Arc::new(provider)
}

fn client_config(
    url: &ServerUrl,
    identity: Option<Arc<CertifiedKey>>,
    shown: &str,
) -> Result<ClientConfig> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_error(shown, e))?;
    let check_chain = match url.mode {
        TlsMode::VerifyCa | TlsMode::VerifyFull => true,
        TlsMode::Require => url.root_cert.is_some(),
        TlsMode::Prefer | TlsMode::Disable => false,
    };
    let builder = if check_chain {
        let roots = Arc::new(root_store(url.root_cert.as_deref(), shown)?);
        let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
            .build()
            .map_err(|e| tls_error(shown, e))?;
        if url.mode == TlsMode::VerifyFull {
            builder.with_webpki_verifier(webpki)
        } else {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(ChainOnly(webpki)))
        }
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(provider_algorithms())))
    };
    Ok(match identity {
        // Presented whenever the server asks for one, as libpq presents `sslcert`.
        Some(key) => builder.with_client_cert_resolver(Arc::new(SingleCertAndKey::from(key))),
        None => builder.with_no_client_auth(),
    })
}

/// Reads `sslcert` and `sslkey` and checks that they make one usable identity: a key file
/// only its owner can read (as libpq: 0600 or less; 0640 or less when root owns it), at
/// least one certificate, an unencrypted private key that `ring` can sign with, and the
/// key belonging to the first certificate. Every failure is a usage error naming the field
/// and the file, in payctl's words: the PEM reader's own messages may quote a line of the
/// file, and a line of a private key is never printed.
fn client_identity(files: &ClientCertFiles, shown: &str) -> Result<Arc<CertifiedKey>> {
    let bad = |field: &'static str, file: &Path, allowed: &'static str, detail: String| {
        usage(
            shown,
            UrlProblem::ClientFile {
                field,
                file: file.display().to_string(),
                detail,
                allowed,
            },
        )
    };
    let bad_cert = |detail: String| bad("sslcert", &files.cert, CERT_ALLOWED, detail);
    let bad_key = |detail: String| bad("sslkey", &files.key, KEY_ALLOWED, detail);

    key_access(&files.key, shown).map_err(|e| match e {
        KeyFileError::Unusable(detail) => bad_key(detail),
        KeyFileError::Refused(e) => e,
    })?;
    let key_pem = read_pem_file(&files.key).map_err(bad_key)?;
    let cert_pem = read_pem_file(&files.cert).map_err(bad_cert)?;

    let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| match e {
        pem::Error::NoItemsFound if contains(&key_pem, b"ENCRYPTED") => bad_key(
            "the key is encrypted, and payctl cannot ask for its passphrase; store it unencrypted (openssl pkey -in KEY -out KEY.plain) and keep the file at mode 0600".to_owned(),
        ),
        pem::Error::NoItemsFound => bad_key("no PRIVATE KEY section in it".to_owned()),
        other => bad_key(pem_problem(&other)),
    })?;
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| bad_cert(pem_problem(&e)))?;
    if chain.is_empty() {
        return Err(bad_cert("no CERTIFICATE section in it".to_owned()));
    }
    // Key parsing: the messages name the kind of key, never its bytes.
    let signing_key = provider()
        .key_provider
        .load_private_key(key)
        .map_err(|e| match e {
            rustls::Error::General(why) => bad_key(format!("the key cannot be used: {why}")),
            other => bad_key(format!("the key cannot be used: {other}")),
        })?;
    // The key must belong to the first certificate: its SubjectPublicKeyInfo, which DER
    // encodes one way only, appears byte for byte inside that certificate. rustls'
    // `keys_match` compares the same bytes but parses the certificate with webpki first,
    // which refuses X.509 v1, and a v1 certificate is what PostgreSQL's documented openssl
    // recipe makes on OpenSSL 3.0 (the server accepts it); the server judges the certificate,
    // payctl only makes sure it does not present a key and certificate that cannot agree.
    if let Some(spki) = signing_key.public_key() {
        let spki: &[u8] = spki.as_ref();
        if !contains(chain[0].as_ref(), spki) {
            return Err(bad_key(format!(
                "it is not the private key of the certificate in sslcert '{}'",
                files.cert.display()
            )));
        }
    }
    Ok(Arc::new(CertifiedKey::new(chain, signing_key)))
}

enum KeyFileError {
    /// Missing, not a file: the field's ordinary usage error.
    Unusable(String),
    /// Open to group or others: the libpq-like refusal, already made.
    Refused(Error),
}

/// libpq's rule for a private key file (fe-secure-openssl.c): a regular file, with no group
/// or other access when the user owns it, or at most group read when root owns it (so a
/// key in a root-owned system folder can be shared through a group).
fn key_access(file: &Path, shown: &str) -> std::result::Result<(), KeyFileError> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(file)
        .map_err(|e| KeyFileError::Unusable(format!("cannot read it: {}", io_words(&e))))?;
    if !meta.is_file() {
        return Err(KeyFileError::Unusable("it is not a file".to_owned()));
    }
    let mode = meta.mode() & 0o7777;
    let open = if meta.uid() == 0 {
        mode & 0o037 != 0
    } else {
        mode & 0o077 != 0
    };
    if open {
        return Err(KeyFileError::Refused(usage(
            shown,
            UrlProblem::KeyAccess {
                file: file.display().to_string(),
                mode,
            },
        )));
    }
    Ok(())
}

/// The bytes of a certificate or key file, refusing what cannot be one.
fn read_pem_file(file: &Path) -> std::result::Result<Vec<u8>, String> {
    use std::io::Read;
    let handle =
        std::fs::File::open(file).map_err(|e| format!("cannot read it: {}", io_words(&e)))?;
    let meta = handle
        .metadata()
        .map_err(|e| format!("cannot read it: {}", io_words(&e)))?;
    if !meta.is_file() {
        return Err("it is not a file".to_owned());
    }
    if meta.len() > MAX_PEM_BYTES {
        return Err(format!(
            "it is {} bytes; a PEM certificate or key is a few kB (at most {MAX_PEM_BYTES} bytes)",
            meta.len()
        ));
    }
    let mut bytes = Vec::new();
    handle
        .take(MAX_PEM_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {}", io_words(&e)))?;
    Ok(bytes)
}

/// An I/O error in words, without the "(os error 2)" tail.
fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// A PEM reading error in payctl's words, without the line it quotes.
fn pem_problem(e: &pem::Error) -> String {
    match e {
        pem::Error::MissingSectionEnd { .. } => "a PEM section has no -----END line".to_owned(),
        pem::Error::IllegalSectionStart { .. } => "a malformed -----BEGIN line".to_owned(),
        pem::Error::Base64Decode(_) => "a PEM section is not valid base64".to_owned(),
        pem::Error::NoItemsFound => "no PEM section in it".to_owned(),
        pem::Error::SectionTooLarge => "a PEM section is too large".to_owned(),
        pem::Error::Io(e) => format!("cannot read it: {}", io_words(e)),
        _ => "it is not a PEM file".to_owned(),
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
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
                client_cert: url.client_cert.is_some(),
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
    // A fatal alert from the server is the server refusing the handshake (most often the
    // client certificate: unknown CA, expired), not payctl refusing the server's certificate.
    if let Some(rustls::Error::AlertReceived(alert)) = rustls_cause(e) {
        return Error::storage(StorageKind::TlsAlert {
            alert: format!("{alert:?}"),
            client_cert: url
                .client_cert
                .as_ref()
                .map(|c| c.cert.display().to_string()),
        });
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
    fn sslcert_and_sslkey_come_together() {
        let u =
            parsed("postgres://u@h/d?sslcert=%2Fk%20x%2Fc.pem&sslmode=verify-full&sslkey=/k/c.key");
        assert_eq!(
            u.client_cert,
            Some(ClientCertFiles {
                cert: "/k x/c.pem".into(),
                key: "/k/c.key".into(),
            })
        );
        assert_eq!(u.mode, TlsMode::VerifyFull);
        assert_eq!(parsed("postgres://u@h/d").client_cert, None);
        for (url, words) in [
            (
                "postgres://u@h/d?sslcert=/c.pem",
                "has sslcert but no sslkey; allowed: both sslcert=FILE and sslkey=FILE",
            ),
            (
                "postgres://u@h/d?sslkey=/c.key",
                "has sslkey but no sslcert; allowed: both",
            ),
            (
                "postgres://u@h/d?sslkey=&sslcert=/c.pem",
                "has sslkey ''; allowed: a readable PEM file, mode 0600 or less",
            ),
            (
                "postgres://u@h/d?sslcert=%zz&sslkey=/k",
                "has sslcert '%zz'; allowed: a readable PEM file",
            ),
        ] {
            let text = parse(url, "shown").unwrap_err().to_string();
            assert!(
                text.starts_with(&format!("db 'shown' {words}")),
                "{url}: {text}"
            );
        }
    }

    #[test]
    fn p256_is_offered_first_so_that_postgresql_asks_for_no_retry() {
        let groups: Vec<_> = provider().kx_groups.iter().map(|g| g.name()).collect();
        assert_eq!(
            groups,
            [
                rustls::NamedGroup::secp256r1,
                rustls::NamedGroup::X25519,
                rustls::NamedGroup::secp384r1
            ]
        );
    }

    #[test]
    fn a_bad_sslmode_names_the_field_and_the_allowed_values() {
        let e = parse("postgres://u@h/d?sslmode=strict", "shown").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("sslmode 'strict'"), "{text}");
        assert!(text.contains(MODES), "{text}");
    }
}

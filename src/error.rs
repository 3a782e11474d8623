//! The one error type that every layer returns, and its exit codes (SPEC §1).

use std::fmt;

/// One thing wrong with a request: the JSON key it concerns (Fusebill's `Errors[].Key`) and a
/// sentence that names the field, the value and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub message: String,
}

impl Problem {
    pub fn new(key: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            key: key.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A record payctl looks up by its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    Customer,
    Invoice,
    Payment,
    PaymentMethod,
    BankLine,
    BankStatement,
}

impl Record {
    /// The JSON key of its id (Fusebill's `Errors[].Key`).
    pub fn key(self) -> &'static str {
        match self {
            Record::Customer => "customerId",
            Record::Invoice => "invoiceId",
            Record::Payment => "paymentId",
            Record::PaymentMethod => "paymentMethodId",
            Record::BankLine => "bankLineId",
            Record::BankStatement => "statementId",
        }
    }

    /// The record as a user names it.
    pub fn name(self) -> &'static str {
        match self {
            Record::Customer => "customer",
            Record::Invoice => "invoice",
            Record::Payment => "payment",
            Record::PaymentMethod => "payment method",
            Record::BankLine => "bank line",
            Record::BankStatement => "bank statement",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Validation or a business rule refused the request (HTTP 400/409, exit 1).
    #[error("{}", join(.0))]
    Rejected(Vec<Problem>),
    /// The command line is malformed in a way clap cannot see (exit 2).
    #[error("{0}")]
    Usage(Problem),
    /// A record the request names by its id does not exist (HTTP 404, exit 3). The message
    /// is the fact; what to do about it is added where payctl prints it (`commands::hint`).
    #[error("{} {id} not found", .record.name())]
    RecordNotFound { record: Record, id: i64 },
    /// Something else the request names does not exist (HTTP 404, exit 3), in words.
    #[error("{0}")]
    NotFound(Problem),
    /// The idempotency key was used before with a different request (exit 4).
    #[error("{0}")]
    IdempotencyConflict(Problem),
    /// The ledger file cannot be read or written (exit 74).
    #[error("{0}")]
    Storage(String),
    /// Another process held the ledger past the busy timeout (exit 75, safe to retry).
    #[error("{0}")]
    Busy(String),
    /// The reader of payctl's output went away (`payctl export payments | head -1`). Not the
    /// user's problem: the command that writes its output as it goes stops, and payctl exits
    /// as if it had finished, as it does when the final print meets a closed pipe. Exit 74 and
    /// 500 only if it ever escapes a command, as the empty storage error it replaces did.
    #[error("broken pipe")]
    BrokenPipe,
}

fn join(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.message.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// At most this many problems are printed: a request with 100,000 bad allocations is not
/// 100,000 lines (an import lists its bad rows within the same 50 lines).
pub const MAX_PROBLEMS: usize = 50;

/// The first [`MAX_PROBLEMS`] problems, then one that says how many more there were.
pub fn capped(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem::new(
            "problems",
            format!("… and {more} more problems"),
        ));
    }
    problems
}

impl Error {
    pub fn rejected(key: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Rejected(vec![Problem::new(key, message)])
    }

    /// No `record` has `id`.
    pub fn record_not_found(record: Record, id: i64) -> Error {
        Error::RecordNotFound { record, id }
    }

    pub fn not_found(key: impl Into<String>, message: impl Into<String>) -> Error {
        Error::NotFound(Problem::new(key, message))
    }

    pub fn usage(key: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Usage(Problem::new(key, message))
    }

    /// The exit code of SPEC §1.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Rejected(_) => 1,
            Error::Usage(_) => 2,
            Error::NotFound(_) | Error::RecordNotFound { .. } => 3,
            Error::IdempotencyConflict(_) => 4,
            Error::Storage(_) | Error::BrokenPipe => 74,
            Error::Busy(_) => 75,
        }
    }

    /// The HTTP-like status written in Fusebill's error JSON.
    pub fn http_status(&self) -> u16 {
        match self {
            Error::Rejected(_) | Error::Usage(_) => 400,
            Error::NotFound(_) | Error::RecordNotFound { .. } => 404,
            Error::IdempotencyConflict(_) => 409,
            Error::Storage(_) | Error::BrokenPipe => 500,
            Error::Busy(_) => 503,
        }
    }

    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Error::Rejected(p) => p.clone(),
            Error::Usage(p) | Error::NotFound(p) | Error::IdempotencyConflict(p) => vec![p.clone()],
            Error::RecordNotFound { record, .. } => {
                vec![Problem::new(record.key(), self.to_string())]
            }
            Error::Storage(m) => vec![Problem::new("ledger", m.clone())],
            Error::Busy(m) => vec![Problem::new("ledger", m.clone())],
            Error::BrokenPipe => vec![Problem::new("output", "broken pipe")],
        }
    }
}

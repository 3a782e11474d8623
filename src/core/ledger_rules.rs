//! Rules about the ledger as a whole rather than one record: who may be made a clerk of a team
//! ledger (SPEC §8) and which ledger a backup may be restored into. Pure: the ledger reads the
//! facts inside its transaction and asks these functions.

use crate::core::text::excerpt;
use crate::error::{Error, Result};

/// What the server says of a role `payctl db grant-clerk` is asked to make a clerk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleFacts {
    pub superuser: bool,
    /// It owns the schema the ledger lives in.
    pub owns_schema: bool,
}

/// A clerk is a role that exists and owns nothing in the ledger: the server refuses a
/// superuser or the schema's owner nothing, so granting it the clerk's rights would protect
/// nothing. `role_sql` is the role's name quoted for SQL, for the hint that creates it.
pub fn check_clerk_role(role: &str, role_sql: &str, facts: Option<RoleFacts>) -> Result<()> {
    match facts {
        None => Err(Error::rejected(
            "role",
            format!(
                "role '{}' does not exist on the ledger's server; create it first (as an administrator: CREATE ROLE {role_sql} LOGIN), then run this again",
                excerpt(role)
            ),
        )),
        Some(f) if f.superuser || f.owns_schema => Err(Error::rejected(
            "role",
            format!(
                "role '{}' is a superuser or owns the ledger's schema, so the server refuses it nothing; grant-clerk is for a role that owns nothing in the ledger",
                excerpt(role)
            ),
        )),
        Some(_) => Ok(()),
    }
}

/// `payctl restore` loads a backup only into an empty ledger: `held` lists what the target
/// already holds, as "N rows in TABLE".
pub fn check_restore_target(target: &str, held: &[String]) -> Result<()> {
    if held.is_empty() {
        return Ok(());
    }
    Err(Error::rejected(
        "db",
        format!(
            "ledger {target} is not empty (it holds {}); restore loads a backup only into an empty ledger: give --db a new file or an empty database",
            held.join(", ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_role_that_exists_and_owns_nothing_is_a_clerk() {
        let plain = RoleFacts {
            superuser: false,
            owns_schema: false,
        };
        assert!(check_clerk_role("amy", "amy", Some(plain)).is_ok());
        let none = check_clerk_role("amy", "amy", None).unwrap_err();
        assert_eq!(none.exit_code(), 1);
        assert!(none.to_string().contains("CREATE ROLE amy LOGIN"));
        for facts in [
            RoleFacts {
                superuser: true,
                owns_schema: false,
            },
            RoleFacts {
                superuser: false,
                owns_schema: true,
            },
        ] {
            let err = check_clerk_role("amy", "amy", Some(facts)).unwrap_err();
            assert!(err.to_string().contains("superuser or owns"), "{err}");
        }
    }

    #[test]
    fn restore_goes_only_into_an_empty_ledger() {
        assert!(check_restore_target("l.db", &[]).is_ok());
        let err = check_restore_target("l.db", &["2 rows in customers".into()]).unwrap_err();
        assert_eq!(err.exit_code(), 1);
        assert!(
            err.to_string().contains("it holds 2 rows in customers"),
            "{err}"
        );
    }
}

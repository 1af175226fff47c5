//! Two kinds of failure: a `UserError` is shown to the user as is (one sentence that says
//! what to type instead); anything else is internal: the user sees a short apology and
//! the log gets the whole chain.

use std::fmt;

/// A problem with what the user asked. The message is written for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError(pub String);

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        UserError(message.into())
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    User(#[from] UserError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Internal(anyhow::Error::new(e))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Internal(anyhow::Error::new(e))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Internal(anyhow::Error::new(e))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Shorthand for returning a user error: `return user_err("...")`.
pub fn user_err<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::User(UserError::new(message)))
}

/// What a user sees when something failed on our side.
pub const APOLOGY: &str =
    "Sorry, something went wrong on our side; the change was not made. Please try again later.";

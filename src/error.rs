//! Failures, as data. A `UserError` is the user's own mistake and a `Refusal` what the store
//! will not do; both are shown to the user (one sentence that says what to type instead),
//! written in the reader's language by `crate::i18n` from a message id and its arguments:
//! nothing below that layer writes a sentence. Anything else is internal: the user sees a
//! short apology and the log gets the whole chain.

use std::fmt;

/// A text for a person, as data: the id of a message of `locales/*/*.ftl` and its
/// arguments, rendered in the reader's language by `crate::i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message: text and numbers as they are, or another message (rendered
/// in the same language first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Int(i64),
    Message(Box<Message>),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

/// Text that has no message id yet: shown as it is (English) in every language.
impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::verbatim(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::verbatim(text)
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(n as i64)
            }
        }
    )*};
}
int_arg!(i64, i32, u32, u64, usize);

impl Message {
    /// Text that is no sentence (a name, a date, a record's own words), shown as it is in
    /// every language.
    pub fn verbatim(text: impl Into<String>) -> Message {
        Message {
            id: "raw",
            args: vec![("text", Arg::Text(text.into()))],
        }
    }

    /// The value of argument `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

/// `msg!("visit-missing", id = 9)`: a `Message` with its arguments, each anything an `Arg`
/// is made from.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::error::Message {
            id: $id,
            args: vec![$((stringify!($name), $crate::error::Arg::from($value))),*],
        }
    };
}

/// A problem with what the user asked: the message says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError(pub Message);

impl UserError {
    /// A sentence written in English only: what remains of the time before messages had
    /// ids. New code says `UserError::from(msg!(...))`.
    pub fn new(message: impl Into<String>) -> Self {
        UserError(Message::verbatim(message))
    }
}

impl From<UserError> for Message {
    fn from(e: UserError) -> Message {
        e.0
    }
}

impl From<Message> for UserError {
    fn from(m: Message) -> UserError {
        UserError(m)
    }
}

impl fmt::Display for UserError {
    // English, for logs and tests; people read it through `crate::i18n`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for UserError {}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    User(#[from] UserError),
    #[error("{0}")]
    Refused(#[from] Refusal),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<Message> for Error {
    fn from(m: Message) -> Error {
        Error::User(UserError(m))
    }
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

impl Error {
    /// Whether this is told to the user as it is: their own mistake, or what the store
    /// refused (not a failure of ours).
    pub fn is_users(&self) -> bool {
        matches!(self, Error::User(_) | Error::Refused(_))
    }

    /// True for a database that cannot take a write right now (full, read-only, busy): not
    /// the user's mistake, not a bug either; the command line exits 1 for it.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Error::Internal(e) if unavailable(e).is_some())
    }
}

/// SQLite's primary result codes for a database that cannot take a write right now: the
/// id of the message that says so.
pub fn unavailable(e: &anyhow::Error) -> Option<&'static str> {
    let db = e
        .chain()
        .find_map(|c| match c.downcast_ref::<sqlx::Error>() {
            Some(sqlx::Error::Database(d)) => d.code().and_then(|c| c.parse::<i32>().ok()),
            _ => None,
        })?;
    match db & 0xff {
        13 => Some("database-full"),
        8 => Some("database-read-only"),
        5 | 6 => Some("database-busy"),
        _ => None,
    }
}

/// Shorthand for returning a user error: `return user_err("...")`.
pub fn user_err<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::User(UserError::new(message)))
}

/// Shorthand for refusing with a message: `return refuse(msg!(...))`.
pub fn refuse<T>(message: Message) -> Result<T> {
    Err(Error::User(UserError(message)))
}

/// Marks an internal failure of a command that only reads, so that its apology does not
/// speak of a change (`Error::while_reading`).
#[derive(Debug)]
pub struct WhileReading;

impl fmt::Display for WhileReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("while answering a read")
    }
}

impl Error {
    /// The same failure, of a command that changes nothing.
    pub fn while_reading(self) -> Error {
        match self {
            Error::Internal(e) => Error::Internal(e.context(WhileReading)),
            user => user,
        }
    }
}

/// What the store refuses, as data: which record, which name, what stands in the way. The
/// sentences are written above the store (`crate::i18n`); record kinds are their names
/// (`"visit"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// There is no live record of this kind and number.
    NotFound {
        kind: &'static str,
        id: i64,
    },
    /// The record moved on since the version the editor saw: each change and who made it.
    Stale {
        kind: &'static str,
        id: i64,
        seen: i64,
        now: i64,
        changes: Vec<(String, String)>,
    },
    /// No official goes by this name; the closest names on record.
    UnknownOfficial {
        typed: String,
        near: Vec<String>,
    },
    /// Officials separated by a comma instead of `;`.
    OfficialsNotSeparated {
        typed: String,
        first: String,
        second: String,
    },
    NoOfficials,
    /// No province (`china`) or Korean place goes by this name.
    UnknownPlace {
        typed: String,
        china: bool,
        near: Vec<String>,
    },
    /// A city named for a province: the city's name, and its provinces (more than one for
    /// a name two provinces' cities share).
    /// A name two places share (`산시`: 山西 Shanxi and 陕西 Shaanxi), with how to type
    /// each.
    AmbiguousPlace {
        typed: String,
        options: Vec<String>,
    },
    CityForProvince {
        typed: String,
        city: String,
        provinces: Vec<String>,
    },
    NoPlace {
        china: bool,
    },
    AliasEmpty,
    AliasTaken {
        alias: String,
        holder: String,
    },
    AliasIsName {
        alias: String,
    },
    AliasNotTheirs {
        alias: String,
        name: String,
    },
    PostEndsBeforeStart {
        from: String,
        to: String,
    },
    Separator {
        field: &'static str,
    },
    PostOverlaps {
        name: String,
        title: String,
        from: Option<String>,
        to: Option<String>,
        id: i64,
    },
    PostNotTheirs {
        id: i64,
        name: String,
    },
    NothingToUndo,
    UndoChangedSince {
        summary: String,
        who: String,
        kind: String,
        id: i64,
    },
    UndoReferred {
        summary: String,
        kind: &'static str,
        id: i64,
        target_kind: &'static str,
        target: i64,
    },
    UndoAliasTaken {
        alias: String,
    },
    WatchExists {
        id: i64,
    },
    NoWatch {
        id: i64,
    },
    NotSqliteUrl {
        url: String,
    },
    BotRunning {
        database: String,
        purpose: &'static str,
    },
    Restoring {
        database: String,
    },
    InUse {
        database: String,
        holders: Vec<String>,
    },
    LockFailed {
        path: String,
        why: String,
    },
    LockFileFailed {
        path: String,
        why: String,
    },
    Replaced {
        database: String,
    },
    FileExists {
        path: String,
    },
    BackupThisSecond {
        path: String,
    },
    NotOurDatabase {
        path: String,
        why: String,
    },
    NewerDatabase {
        path: String,
        theirs: i64,
        ours: i64,
    },
    InMemory,
    /// A meeting, forum or outcome that repeats live record `id` (`force` records both);
    /// for an outcome, `by` says what they share ("title" or "amount").
    Duplicate {
        kind: &'static str,
        id: i64,
        by: &'static str,
    },
    NoFile {
        path: String,
    },
    LiveDatabase {
        path: String,
    },
}

impl std::error::Error for Refusal {}

//! The database file's lock: `serve` holds it for its whole life, `restore` must get it
//! before it replaces the file. It is an exclusive advisory lock (`flock`) on a file beside
//! the database (`delegations.db.lock`), so the kernel drops it when the holder exits, even
//! after `kill -9`: no stale lock to clean up, ever. The console and `ask` do not take it;
//! they share the database with a running bot through SQLite's own locking.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;

use crate::error::{Error, Result, UserError};

/// The database file a `sqlite:` URL names; `None` for an in-memory database.
pub fn database_file(url: &str) -> Result<Option<PathBuf>> {
    let options = SqliteConnectOptions::from_str(url).map_err(|_| {
        UserError::new(format!(
            "DATABASE_URL is not a SQLite URL: {}",
            super::redact(url)
        ))
    })?;
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    Ok((!in_memory).then(|| options.get_filename().to_path_buf()))
}

/// The lock file beside `database`.
pub fn lock_file(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Held while alive; dropping it (or the process ending) releases the lock.
#[derive(Debug)]
pub struct DatabaseLock {
    _file: File,
    pub path: PathBuf,
}

/// Takes the lock on `database`, or says who has it. `purpose` ends the refusal, e.g.
/// "stop it before restoring".
pub fn take(database: &Path, purpose: &str) -> Result<DatabaseLock> {
    let path = lock_file(database);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| {
            Error::from(UserError::new(format!(
                "Cannot create the lock file {} ({e}); the folder that holds the database must be writable.",
                path.display()
            )))
        })?;
    match file.try_lock() {
        Ok(()) => Ok(DatabaseLock { _file: file, path }),
        Err(TryLockError::WouldBlock) => Err(UserError::new(format!(
            "A running delegation-bot (serve, or a restore) holds {}; {purpose}.",
            database.display()
        ))
        .into()),
        Err(TryLockError::Error(e)) => Err(UserError::new(format!(
            "Cannot lock {} ({e}); the file system may not support locks.",
            path.display()
        ))
        .into()),
    }
}

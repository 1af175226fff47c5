//! The database file's lock: `serve` holds it for its whole life, `restore` must get it
//! before it replaces the file. It is an exclusive advisory lock (`flock`) on a file beside
//! the database (`delegations.db.lock`), so the kernel drops it when the holder exits, even
//! after `kill -9`: no stale lock to clean up, ever. The console and `ask` do not take it;
//! they share the database with a running bot through SQLite's own locking. Every process
//! that has the database open (the bot, a console, an `ask`, an import) holds a shared lock
//! on a second file (`delegations.db.open`), which `restore` needs for itself (`unused`).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;

use crate::error::{Error, Refusal, Result};

/// The database file a `sqlite:` URL names; `None` for an in-memory database.
pub fn database_file(url: &str) -> Result<Option<PathBuf>> {
    let options = SqliteConnectOptions::from_str(url).map_err(|_| Refusal::NotSqliteUrl {
        url: super::redact(url),
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

/// Takes the lock on `database`, or says who has it. `purpose` ("serve" or "restore")
/// chooses what the refusal tells the user to do.
pub fn take(database: &Path, purpose: &'static str) -> Result<DatabaseLock> {
    let path = lock_file(database);
    let file = open_lock_file(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(DatabaseLock { _file: file, path }),
        Err(TryLockError::WouldBlock) => Err(Refusal::BotRunning {
            database: database.display().to_string(),
            purpose,
        }
        .into()),
        Err(TryLockError::Error(e)) => Err(Refusal::LockFailed {
            path: path.display().to_string(),
            why: e.to_string(),
        }
        .into()),
    }
}

/// The file every process with the database open holds a shared lock on
/// (`delegations.db.open`), so that `restore` can tell the database is in use.
pub fn open_file(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".open");
    PathBuf::from(name)
}

/// Held by a process for as long as it has the database open (console, ask, serve, an
/// import...): a shared lock, so any number of them coexist, while `restore`'s exclusive
/// lock cannot be had until every one of them has exited.
#[derive(Debug)]
pub struct InUse {
    _file: File,
}

/// Marks `database` as open in this process; refused while a restore replaces it.
pub fn in_use(database: &Path) -> Result<InUse> {
    let path = open_file(database);
    let file = open_lock_file(&path)?;
    match file.try_lock_shared() {
        Ok(()) => Ok(InUse { _file: file }),
        Err(TryLockError::WouldBlock) => Err(Refusal::Restoring {
            database: database.display().to_string(),
        }
        .into()),
        Err(TryLockError::Error(e)) => Err(Refusal::LockFailed {
            path: path.display().to_string(),
            why: e.to_string(),
        }
        .into()),
    }
}

/// Held by `restore` while it replaces the file: no process has the database open, and
/// none can open it until this is dropped.
#[derive(Debug)]
pub struct Unused {
    _file: File,
}

/// Makes sure no other process has `database` open, naming those that do.
pub fn unused(database: &Path) -> Result<Unused> {
    let path = open_file(database);
    let file = open_lock_file(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(Unused { _file: file }),
        Err(TryLockError::WouldBlock) => Err(Refusal::InUse {
            database: database.display().to_string(),
            holders: holders(&path),
        }
        .into()),
        Err(TryLockError::Error(e)) => Err(Refusal::LockFailed {
            path: path.display().to_string(),
            why: e.to_string(),
        }
        .into()),
    }
}

fn open_lock_file(path: &Path) -> Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| {
            Error::from(Refusal::LockFileFailed {
                path: path.display().to_string(),
                why: e.to_string(),
            })
        })
}

/// Who holds a lock on `lock_file`, as "console (pid 1234)": read from the kernel's table of
/// locks (`/proc/locks`) and each holder's command line. Empty where the system does not
/// say (not Linux, or the holders are in another container).
fn holders(lock_file: &Path) -> Vec<String> {
    use std::os::unix::fs::MetadataExt;
    let Ok(inode) = std::fs::metadata(lock_file).map(|m| m.ino()) else {
        return Vec::new();
    };
    let Ok(table) = std::fs::read_to_string("/proc/locks") else {
        return Vec::new();
    };
    let me = std::process::id();
    let mut pids: Vec<u32> = table
        .lines()
        .filter(|l| !l.contains("->"))
        .filter_map(|l| {
            let fields: Vec<&str> = l.split_whitespace().collect();
            // "1: FLOCK ADVISORY READ 1234 fd:01:5678 0 EOF"
            let pid = fields.get(4)?.parse::<u32>().ok()?;
            let ino = fields.get(5)?.rsplit(':').next()?.parse::<u64>().ok()?;
            (ino == inode && pid != me && pid != 0).then_some(pid)
        })
        .collect();
    pids.sort_unstable();
    pids.dedup();
    pids.into_iter().map(describe).collect()
}

/// "console (pid 1234)" for a delegation-bot, else the program's name.
fn describe(pid: u32) -> String {
    let args: Vec<String> = std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|b| {
            b.split(|c| *c == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect()
        })
        .unwrap_or_default();
    let program = args
        .first()
        .and_then(|a| Path::new(a).file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let subcommand = args.iter().skip(1).find(|a| {
        [
            "console", "ask", "serve", "import", "export", "sample", "backup", "migrate", "draft",
        ]
        .contains(&a.as_str())
    });
    match (program, subcommand.map(String::as_str)) {
        (_, Some("serve")) => format!("the running bot (pid {pid})"),
        (_, Some("console")) => format!("a console (pid {pid})"),
        (_, Some(sub)) => format!("delegation-bot {sub} (pid {pid})"),
        (Some(p), None) => format!("{p} (pid {pid})"),
        (None, None) => format!("a process (pid {pid})"),
    }
}

/// The file (device, inode) each database path named when this process opened it.
static OPENED: std::sync::LazyLock<
    std::sync::Mutex<std::collections::HashMap<PathBuf, (u64, u64)>>,
> = std::sync::LazyLock::new(Default::default);

fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Notes which file `pool`'s database is, right after it was opened.
pub fn remember_file(pool: &sqlx::SqlitePool) {
    let path = pool.connect_options().get_filename().to_path_buf();
    if let Some(id) = file_id(&path) {
        OPENED.lock().expect("never poisoned").insert(path, id);
    }
}

/// Refuses to write when the file at the database's path is no longer the one this
/// process opened (someone restored a backup, or moved the file, under it): the write
/// would land in a file nobody reads any more.
pub fn still_open_file(pool: &sqlx::SqlitePool) -> Result<()> {
    let path = pool.connect_options().get_filename().to_path_buf();
    let opened = OPENED.lock().expect("never poisoned").get(&path).copied();
    match opened {
        Some(id) if file_id(&path) != Some(id) => Err(Refusal::Replaced {
            database: path.display().to_string(),
        }
        .into()),
        _ => Ok(()),
    }
}

//! Backups and restores. A backup is a consistent copy of the live database (`VACUUM INTO`,
//! safe while the bot writes) that counts only once `PRAGMA integrity_check` passed on the
//! copy. In a backup folder the copies are named `delegations-YYYYMMDD-HHMMSS.db` (UTC), and
//! rotation removes the oldest files of exactly that form beyond `keep`, never another file.
//! A restore takes the database lock (a running bot holds it), checks the file, keeps the
//! replaced database beside the new one, and applies any newer migrations at once.

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{ConnectOptions, Connection, SqlitePool};

use super::census::LAST_BACKUP_KEY;
use super::lock;
use crate::error::{Refusal, Result};

const PREFIX: &str = "delegations-";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// Writes a checked copy of the database to `target`, which must not exist, and notes the
/// time in the database (for `delegation_bot_last_backup_timestamp_seconds`).
pub async fn copy(pool: &SqlitePool, target: &Path, now: DateTime<Utc>) -> Result<()> {
    if target.exists() {
        return Err(Refusal::FileExists {
            path: target.display().to_string(),
        }
        .into());
    }
    // Written under a temporary name and renamed once checked: a crash or a failed check
    // never leaves a file that looks like a good backup.
    let partial = suffixed(target, ".partial");
    let _ = std::fs::remove_file(&partial);
    sqlx::query("VACUUM INTO ?")
        .bind(partial.to_string_lossy().as_ref())
        .execute(pool)
        .await
        .with_context(|| format!("could not write the backup {}", partial.display()))?;
    if let Err(e) = check(&partial).await {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, target)
        .with_context(|| format!("could not name the backup {}", target.display()))?;
    // The backup is good even if the live database cannot take this note (read-only file).
    if let Err(e) = sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(LAST_BACKUP_KEY)
    .bind(now.timestamp().to_string())
    .execute(pool)
    .await
    {
        tracing::warn!(error = %e, "the backup time was not recorded in the database");
    }
    Ok(())
}

/// What `backup --dir` did.
#[derive(Debug)]
pub struct Rotation {
    pub written: PathBuf,
    /// Older backups removed, oldest first.
    pub removed: Vec<PathBuf>,
}

/// Writes `delegations-YYYYMMDD-HHMMSS.db` (the time `now`, UTC) into `dir`, then keeps
/// only the newest `keep` backups of that name form in it (all of them without `keep`).
pub async fn into_folder(
    pool: &SqlitePool,
    dir: &Path,
    keep: Option<usize>,
    now: DateTime<Utc>,
) -> Result<Rotation> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("could not create the backup folder {}", dir.display()))?;
    let written = dir.join(format!("{PREFIX}{}.db", now.format(STAMP)));
    if written.exists() {
        return Err(Refusal::BackupThisSecond {
            path: written.display().to_string(),
        }
        .into());
    }
    copy(pool, &written, now).await?;
    let mut removed = Vec::new();
    if let Some(keep) = keep {
        let mut own = own_backups(dir)?;
        let excess = own.len().saturating_sub(keep);
        for old in own.drain(..excess) {
            std::fs::remove_file(&old)
                .with_context(|| format!("could not remove the old backup {}", old.display()))?;
            removed.push(old);
        }
    }
    Ok(Rotation { written, removed })
}

/// The folder's backups (`delegations-` + 8 digits + `-` + 6 digits + `.db`), oldest first.
pub fn own_backups(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut own: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("could not read the backup folder {}", dir.display()))?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(is_own))
        .collect();
    // The name's time stamp sorts as text.
    own.sort();
    Ok(own)
}

fn is_own(name: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(".db"))
    else {
        return false;
    };
    let b = stamp.as_bytes();
    b.len() == 15
        && b[8] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 8 || c.is_ascii_digit())
}

/// Opens `file` read-only and checks it is a sound delegation-bot database this version can
/// run: `PRAGMA integrity_check` says ok, and its migrations are not newer than ours.
pub async fn check(file: &Path) -> Result<()> {
    let refuse = |why: String| -> crate::error::Error {
        Refusal::NotOurDatabase {
            path: file.display().to_string(),
            why,
        }
        .into()
    };
    let mut conn = open_read_only(file)
        .await
        .map_err(|e| refuse(sqlite_says(&e)))?;
    let verdict = async {
        let report: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&mut conn)
            .await
            .map_err(|e| refuse(sqlite_says(&e)))?;
        if report != ["ok"] {
            return Err(refuse(format!(
                "integrity check: {}",
                report.first().map(String::as_str).unwrap_or("no answer")
            )));
        }
        let version: Option<i64> =
            sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&mut conn)
                .await
                .map_err(|_| refuse("it has no delegation-bot migrations".into()))?;
        let ours = super::MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
        match version {
            None => Err(refuse("it has no delegation-bot migrations".into())),
            Some(v) if v > ours => Err(Refusal::NewerDatabase {
                path: file.display().to_string(),
                theirs: v,
                ours,
            }
            .into()),
            Some(_) => Ok(()),
        }
    }
    .await;
    let _ = conn.close().await;
    verdict
}

/// SQLite's own words ("file is not a database"), without sqlx's wrapping.
fn sqlite_says(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Database(d) => format!("SQLite: {}", d.message()),
        other => other.to_string(),
    }
}

async fn open_read_only(file: &Path) -> sqlx::Result<SqliteConnection> {
    SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
}

/// Replaces the database `url` names with a checked copy of `file`; returns what to tell
/// the operator. Refused while a bot runs on the database.
pub async fn restore(url: &str, file: &Path, now: DateTime<Utc>) -> Result<String> {
    let Some(db) = lock::database_file(url)? else {
        return Err(Refusal::InMemory.into());
    };
    if !file.is_file() {
        return Err(Refusal::NoFile {
            path: file.display().to_string(),
        }
        .into());
    }
    if db.exists() && std::fs::canonicalize(&db)? == std::fs::canonicalize(file)? {
        return Err(Refusal::LiveDatabase {
            path: file.display().to_string(),
        }
        .into());
    }
    let _lock = lock::take(&db, "restore")?;
    // A console or an `ask` left open would go on writing into the replaced file.
    let _unused = lock::unused(&db)?;
    check(file).await?;

    // One consistent file, whatever journal the source used.
    let incoming = suffixed(&db, ".restoring");
    let _ = std::fs::remove_file(&incoming);
    let mut source = open_read_only(file).await?;
    let copied = sqlx::query("VACUUM INTO ?")
        .bind(incoming.to_string_lossy().as_ref())
        .execute(&mut source)
        .await;
    let _ = source.close().await;
    copied.with_context(|| format!("could not copy {} into place", file.display()))?;

    // The replaced database moves aside with its WAL (which may hold its latest changes).
    let kept = db.exists().then(|| kept_name(&db, now));
    if let Some(kept) = &kept {
        move_with_journal(&db, kept)?;
    }
    std::fs::rename(&incoming, &db)
        .with_context(|| format!("could not move the restored database to {}", db.display()))?;
    // Newer migrations run now, so a failure shows here rather than at the bot's next start.
    match super::open(url).await {
        Ok(pool) => pool.close().await,
        Err(e) => {
            let _ = std::fs::remove_file(&db);
            if let Some(kept) = &kept {
                move_with_journal(kept, &db)?;
            }
            return Err(e
                .context("the restored database could not be opened; the old one is back")
                .into());
        }
    }
    Ok(match kept {
        Some(kept) => format!(
            "Restored {} from {}; the replaced database is kept as {}.",
            db.display(),
            file.display(),
            kept.display()
        ),
        None => format!("Restored {} from {}.", db.display(), file.display()),
    })
}

/// `delegations.db` -> `delegations-before-restore-YYYYMMDD-HHMMSS.db`, beside it.
fn kept_name(db: &Path, now: DateTime<Utc>) -> PathBuf {
    let stem = db.file_stem().unwrap_or_default().to_string_lossy();
    let mut name = format!("{stem}-before-restore-{}", now.format(STAMP));
    if let Some(ext) = db.extension() {
        name.push('.');
        name.push_str(&ext.to_string_lossy());
    }
    db.with_file_name(name)
}

fn move_with_journal(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to)
        .with_context(|| format!("could not move {} to {}", from.display(), to.display()))?;
    for journal in ["-wal", "-shm"] {
        let source = suffixed(from, journal);
        if source.exists() {
            std::fs::rename(&source, suffixed(to, journal))
                .with_context(|| format!("could not move {}", source.display()))?;
        }
    }
    Ok(())
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::is_own;

    #[test]
    fn only_names_of_the_exact_form_are_backups() {
        assert!(is_own("delegations-20240531-235959.db"));
        for other in [
            "delegations-20240531-235959.db.partial",
            "delegations-2024053-235959.db",
            "delegations-20240531_235959.db",
            "delegations-latest.db",
            "delegations-before-restore-20240531-235959.db",
            "notes-20240531-235959.db",
            "delegations-20240531-23595x.db",
        ] {
            assert!(!is_own(other), "{other}");
        }
    }
}

//! SQLite through sqlx: one pool, migrations at start, every write in one transaction.

pub mod audit;
pub mod forum;
pub mod meeting;
pub mod official;
pub mod region;
pub mod search;
pub mod state;
pub mod summary;
pub mod visit;

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub type Tx<'a> = Transaction<'a, Sqlite>;

/// A write transaction that holds the process's one turn to write. Writers wait for the
/// turn without holding a pooled connection (SQLite takes one writer at a time anyway), so
/// during a burst of writes the reads still find free connections.
pub struct WriteTx {
    tx: Tx<'static>,
    _turn: tokio::sync::OwnedSemaphorePermit,
}

impl WriteTx {
    /// Takes the turn, then the write lock (`BEGIN IMMEDIATE`, so a busy database makes us
    /// wait for the busy timeout instead of failing half-way when a read turns into a write).
    pub async fn begin(
        db: &SqlitePool,
        turn: &std::sync::Arc<tokio::sync::Semaphore>,
    ) -> crate::error::Result<WriteTx> {
        let turn = turn.clone().acquire_owned().await.expect("never closed");
        let tx = db.begin_with("BEGIN IMMEDIATE").await?;
        Ok(WriteTx { tx, _turn: turn })
    }

    /// Brings the report counts up to date and commits (summary::commit).
    pub async fn commit(self) -> crate::error::Result<()> {
        summary::commit(self.tx).await
    }

    pub async fn rollback(self) -> crate::error::Result<()> {
        Ok(self.tx.rollback().await?)
    }
}

impl std::ops::Deref for WriteTx {
    type Target = Tx<'static>;
    fn deref(&self) -> &Tx<'static> {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Tx<'static> {
        &mut self.tx
    }
}

/// How long a write waits for another process's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Opens (creating if missing) the database and applies pending migrations.
pub async fn open(url: &str) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL is not a SQLite URL: {}", redact(url)))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        // Up to 64 MB of page cache per connection (SQLite's default is 2 MB): a bulk load
        // or import that outgrows the cache rereads its own uncommitted pages from the WAL,
        // which made a 100k-visit load three times slower.
        .pragma("cache_size", "-65536");
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .with_context(|| format!("could not open the database {}", redact(url)))?;
    MIGRATOR
        .run(&pool)
        .await
        .context("could not apply database migrations")?;
    summary::settle(&pool)
        .await
        .context("could not bring the monthly counts up to date")?;
    // Table statistics for the query planner (SQLite's advice for long-lived connections:
    // cheap, bounded by analysis_limit, and a no-op when nothing changed much). Without
    // them SQLite can pick a poor index for the report tables once they are large. A
    // read-only file cannot take them, and needs none to work.
    if let Err(e) = sqlx::query("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002")
        .execute(&pool)
        .await
    {
        tracing::info!(error = %e, "table statistics not updated");
    }
    Ok(pool)
}

/// A URL fit for logs: any password is masked.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// The kinds of record users change; their names appear in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Visit,
    Meeting,
    Forum,
    Official,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Visit => "visit",
            Entity::Meeting => "meeting",
            Entity::Forum => "forum",
            Entity::Official => "official",
        }
    }

    pub fn parse(s: &str) -> Option<Entity> {
        [
            Entity::Visit,
            Entity::Meeting,
            Entity::Forum,
            Entity::Official,
        ]
        .into_iter()
        .find(|e| e.as_str() == s)
    }
}

/// Timestamps in the audit log and on records: UTC, to the second.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Marks a visit, meeting or forum deleted; it stays for the audit log and undo.
pub(crate) async fn soft_delete(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: i64,
) -> crate::error::Result<()> {
    let table = match entity {
        Entity::Visit => "visits",
        Entity::Meeting => "meetings",
        Entity::Forum => "forums",
        Entity::Official => return official::soft_delete(tx, id).await,
    };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE {table} SET deleted_at = ?, version = version + 1 WHERE id = ?"
    )))
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// True if the error is a UNIQUE constraint violation.
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// A consistent copy of the live database (safe while the bot runs).
pub async fn backup(pool: &SqlitePool, path: &str) -> anyhow::Result<()> {
    if std::path::Path::new(path).exists() {
        anyhow::bail!("{path} exists already; choose a new file name");
    }
    sqlx::query("VACUUM INTO ?")
        .bind(path)
        .execute(pool)
        .await
        .context("backup failed")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_masked() {
        assert_eq!(
            super::redact("sqlite://u:secret@host/db"),
            "sqlite://***@host/db"
        );
        assert_eq!(
            super::redact("sqlite://delegations.db"),
            "sqlite://delegations.db"
        );
    }
}

//! SQLite through sqlx: one pool, migrations at start, every write in one transaction.

pub mod audit;
pub mod backup;
pub mod bulk;
pub mod census;
pub mod change;
pub mod city;
pub mod counts;
pub mod diff;
pub mod digest;
pub mod forum;
pub mod kind;
pub mod lock;
pub mod meeting;
pub mod mentions;
pub mod names;
pub mod official;
pub mod outbox;
pub mod outcome;
pub mod post;
pub mod record;
pub mod region;
pub mod search;
pub mod setup;
pub mod sheet;
pub mod state;
pub mod summary;
pub mod team;
pub mod undo;
pub mod upgrade;
pub mod visit;
pub mod watch;

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Sqlite, SqlitePool, Transaction};

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
        lock::still_open_file(db)?;
        let tx = db.begin_with("BEGIN IMMEDIATE").await?;
        Ok(WriteTx { tx, _turn: turn })
    }

    /// Plans the watches' messages of the change (outbox), brings the report counts up to
    /// date (summary), and commits: one direction, whoever wrote.
    pub async fn commit(mut self) -> crate::error::Result<()> {
        outbox::plan(&mut self.tx).await?;
        summary::refresh(&mut self.tx).await?;
        Ok(self.tx.commit().await?)
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

/// SQLite's page cache per connection, in KiB: what a bulk load needs (its own
/// uncommitted pages reread from the cache, not the WAL), and what a long-running bot
/// answering reads needs (the kept counts and the pages of one answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    /// 64 MB a connection: imports, synthetic sets, the console.
    Bulk,
    /// 2 MB a connection: `serve`, which stays up and keeps its memory small (the kept
    /// counts it reads fit; a burst at a million visits answered as fast as with 64 MB).
    Serve,
}

impl Cache {
    fn kib(self) -> i64 {
        match self {
            Cache::Bulk => 65_536,
            Cache::Serve => 2_048,
        }
    }
}

/// Opens (creating if missing) the database and applies pending migrations, with the page
/// cache bulk work needs.
pub async fn open(url: &str) -> anyhow::Result<SqlitePool> {
    open_with(url, Cache::Bulk).await
}

/// `open` with the page cache of `cache`.
pub async fn open_with(url: &str, cache: Cache) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL is not a SQLite URL: {}", redact(url)))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        // Up to 64 MB of page cache per connection for bulk work (SQLite's default is
        // 2 MB): a bulk load or import that outgrows the cache rereads its own uncommitted
        // pages from the WAL, which made a 100k-visit load three times slower. `serve` keeps
        // 2 MB: 64 MB × 4 connections held 300 MB after a burst at a million visits.
        .pragma("cache_size", format!("-{}", cache.kib()))
        // A bulk import's one-pass statements take seconds by design: sqlx's warning about
        // them is for those debugging the bot, not for the person importing.
        .log_slow_statements(log::LevelFilter::Debug, Duration::from_secs(1));
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .with_context(|| format!("could not open the database {}", redact(url)))?;
    lock::remember_file(&pool);
    upgrade::run(&pool).await?;
    Ok(pool)
}

/// A URL fit for logs: any password is masked.
/// One snapshot of the database for one answer: a count and the page it counts, read in
/// this transaction, see the same records whatever is written meanwhile. Reads only, so it
/// takes no lock a writer waits for (WAL).
pub async fn read(db: &SqlitePool) -> crate::error::Result<Tx<'static>> {
    Ok(db.begin().await?)
}

pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_string(),
    }
}

pub use crate::domain::Entity;

/// The table holding records of a kind.
pub fn table(entity: Entity) -> &'static str {
    entity.plural()
}

/// Timestamps in the audit log and on records: UTC, to the second.
pub fn now() -> String {
    crate::clock::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Marks a record deleted; it stays for the audit log and undo.
pub(in crate::store) async fn soft_delete(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: i64,
) -> crate::error::Result<()> {
    let table = match entity {
        Entity::Official => return official::soft_delete(tx, id).await,
        other => table(other),
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

/// The condition that a record's date (columns `date` and `precision`) falls within the days
/// `lo`..`hi` (placeholders or expressions): a day inside them, or a record known only to
/// its month (stored on the first) whose month overlaps them. One index range, from the
/// first of `lo`'s month to `hi`.
pub(crate) fn within_days(date: &str, precision: &str, lo: &str, hi: &str) -> String {
    format!(
        "({date} BETWEEN substr({lo}, 1, 7) || '-01' AND {hi} AND ({date} >= {lo} OR {precision} = 'month'))"
    )
}

/// This database's identity (migration 0006): exports write it, imports compare it.
pub async fn identity(conn: &mut sqlx::SqliteConnection) -> crate::error::Result<String> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'database_id'")
            .fetch_one(conn)
            .await?,
    )
}

/// Takes over the identity of the database a restored export came from.
pub async fn set_identity(tx: &mut Tx<'_>, identity: &str) -> crate::error::Result<()> {
    sqlx::query("UPDATE settings SET value = ? WHERE key = 'database_id'")
        .bind(identity)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// How many live records of every kind the database holds; with `dataset`, only those of
/// that set (`sample`, `synthetic`, `user`).
pub async fn live_records(db: &SqlitePool, dataset: Option<&str>) -> crate::error::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM visits WHERE deleted_at IS NULL AND (?1 IS NULL OR dataset = ?1))
              + (SELECT count(*) FROM officials WHERE deleted_at IS NULL AND (?1 IS NULL OR dataset = ?1))
              + (SELECT count(*) FROM meetings WHERE deleted_at IS NULL AND (?1 IS NULL OR dataset = ?1))
              + (SELECT count(*) FROM forums WHERE deleted_at IS NULL AND (?1 IS NULL OR dataset = ?1))
              + (SELECT count(*) FROM outcomes WHERE deleted_at IS NULL AND (?1 IS NULL OR dataset = ?1))",
    )
    .bind(dataset)
    .fetch_one(db)
    .await?)
}

/// Whether any live record of any kind is on record (stops at the first it finds).
pub async fn has_records(db: &SqlitePool) -> crate::error::Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM visits WHERE deleted_at IS NULL)
             OR EXISTS (SELECT 1 FROM officials WHERE deleted_at IS NULL)
             OR EXISTS (SELECT 1 FROM meetings WHERE deleted_at IS NULL)
             OR EXISTS (SELECT 1 FROM forums WHERE deleted_at IS NULL)
             OR EXISTS (SELECT 1 FROM outcomes WHERE deleted_at IS NULL)",
    )
    .fetch_one(db)
    .await?)
}

/// True when no record of any kind was ever stored (deleted ones count): only then can an
/// import keep a file's ids as they are without meeting old ones.
pub async fn is_blank(tx: &mut Tx<'_>) -> crate::error::Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT NOT EXISTS (SELECT 1 FROM visits) AND NOT EXISTS (SELECT 1 FROM officials)
            AND NOT EXISTS (SELECT 1 FROM meetings) AND NOT EXISTS (SELECT 1 FROM forums)
            AND NOT EXISTS (SELECT 1 FROM outcomes)",
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// Version and whether deleted, of each of these records that exists.
pub async fn versions(
    tx: &mut Tx<'_>,
    entity: Entity,
    ids: &[i64],
) -> crate::error::Result<std::collections::HashMap<i64, (i64, bool)>> {
    let mut out = std::collections::HashMap::new();
    for chunk in bulk::id_chunks(ids) {
        let rows: Vec<(i64, i64, bool)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT id, version, deleted_at IS NOT NULL FROM {} WHERE id IN (SELECT value FROM json_each(?))",
            table(entity)
        )))
        .bind(chunk)
        .fetch_all(&mut **tx)
        .await?;
        out.extend(rows.into_iter().map(|(id, v, d)| (id, (v, d))));
    }
    Ok(out)
}

/// Removes records for good, children first (undo of the change that added them: their
/// numbers become free again, their history stays in the audit log).
pub(in crate::store) async fn purge(
    tx: &mut Tx<'_>,
    entity: Entity,
    ids: &[i64],
) -> crate::error::Result<()> {
    let statements: &[&str] = match entity {
        Entity::Visit => &[
            "DELETE FROM visit_provinces WHERE visit_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM visit_places WHERE visit_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM visit_sources WHERE visit_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM forum_visits WHERE visit_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM visits WHERE id IN (SELECT value FROM json_each(?))",
        ],
        Entity::Meeting => &[
            "DELETE FROM meeting_participants WHERE meeting_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM meetings WHERE id IN (SELECT value FROM json_each(?))",
        ],
        Entity::Forum => &[
            "DELETE FROM forum_visits WHERE forum_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM forums WHERE id IN (SELECT value FROM json_each(?))",
        ],
        Entity::Official => &[
            "DELETE FROM official_aliases WHERE official_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM posts WHERE official_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM officials WHERE id IN (SELECT value FROM json_each(?))",
        ],
        Entity::Outcome => &[
            "DELETE FROM outcome_provinces WHERE outcome_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM outcome_sources WHERE outcome_id IN (SELECT value FROM json_each(?))",
            "DELETE FROM outcomes WHERE id IN (SELECT value FROM json_each(?))",
        ],
    };
    for chunk in bulk::id_chunks(ids) {
        for sql in statements {
            sqlx::query(*sql).bind(&chunk).execute(&mut **tx).await?;
        }
    }
    search::remove(tx, entity, ids).await
}

/// A record (other than those in `ids` of kinds being removed with them) that refers to
/// one of `ids`: (its kind, its id, the id it refers to, whether it is live). Meetings and
/// forums refer to visits, meetings and visits to officials, outcomes to a visit, a
/// meeting or a forum.
pub async fn referrer(
    tx: &mut Tx<'_>,
    entity: Entity,
    ids: &[i64],
    removed_with: &std::collections::HashMap<Entity, Vec<i64>>,
) -> crate::error::Result<Option<(Entity, i64, i64, bool)>> {
    let along = |e: Entity| {
        serde_json::to_string(removed_with.get(&e).map_or(&[][..], |v| v)).expect("ids serialize")
    };
    // ?1 the ids; the records removed along with them: ?2 meetings, ?3 forums, ?4 visits,
    // ?5 outcomes.
    let outcomes = |column: &str| {
        format!(
            "SELECT 'outcome', o.id, o.{column}, o.deleted_at IS NULL FROM outcomes o
              WHERE o.{column} IN (SELECT value FROM json_each(?1)) AND o.id NOT IN (SELECT value FROM json_each(?5))"
        )
    };
    let sql = match entity {
        Entity::Visit => format!(
            "SELECT 'meeting', m.id, m.visit_id, m.deleted_at IS NULL FROM meetings m
              WHERE m.visit_id IN (SELECT value FROM json_each(?1)) AND m.id NOT IN (SELECT value FROM json_each(?2))
             UNION ALL
             SELECT 'forum', f.id, fv.visit_id, f.deleted_at IS NULL FROM forum_visits fv JOIN forums f ON f.id = fv.forum_id
              WHERE fv.visit_id IN (SELECT value FROM json_each(?1)) AND f.id NOT IN (SELECT value FROM json_each(?3))
             UNION ALL {}
             ORDER BY 4 DESC LIMIT 1",
            outcomes("visit_id")
        ),
        Entity::Official => {
            "SELECT 'meeting', mp.meeting_id, mp.official_id, m.deleted_at IS NULL FROM meeting_participants mp
               JOIN meetings m ON m.id = mp.meeting_id
              WHERE mp.official_id IN (SELECT value FROM json_each(?1)) AND m.id NOT IN (SELECT value FROM json_each(?2))
             UNION ALL
             SELECT 'visit', v.id, v.leader_id, v.deleted_at IS NULL FROM visits v
              WHERE v.leader_id IN (SELECT value FROM json_each(?1)) AND v.id NOT IN (SELECT value FROM json_each(?4))
             ORDER BY 4 DESC LIMIT 1"
                .to_string()
        }
        Entity::Meeting => format!("{} ORDER BY 4 DESC LIMIT 1", outcomes("meeting_id")),
        Entity::Forum => format!("{} ORDER BY 4 DESC LIMIT 1", outcomes("forum_id")),
        Entity::Outcome => return Ok(None),
    };
    for chunk in bulk::id_chunks(ids) {
        let found: Option<(String, i64, i64, bool)> =
            sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(chunk)
                .bind(along(Entity::Meeting))
                .bind(along(Entity::Forum))
                .bind(along(Entity::Visit))
                .bind(along(Entity::Outcome))
                .fetch_optional(&mut **tx)
                .await?;
        if let Some((kind, id, target, live)) = found {
            let kind = Entity::parse(&kind).expect("kinds named in the query");
            return Ok(Some((kind, id, target, live)));
        }
    }
    Ok(None)
}

/// True if the error is a UNIQUE constraint violation.
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
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

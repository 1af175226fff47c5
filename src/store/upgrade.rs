//! What `open` does to a database before the bot uses it, and nothing more: migrations when
//! some are pending, data upgrades that SQL alone cannot make (keys recomputed in Rust, the
//! search index refilled) once each, and counts left stale by a hand edit. A database that
//! needs none of these is only read, so a long import in another process never makes a
//! starting command wait.

use std::collections::HashSet;

use anyhow::Context;
use sqlx::SqlitePool;

use super::{MIGRATOR, post, search, summary};
use crate::domain::normalize;
use crate::error::Result;

/// Whether some migration has not been applied yet (read only).
async fn migrations_pending(db: &SqlitePool) -> Result<bool> {
    let exists: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(db)
    .await?;
    if !exists {
        return Ok(true);
    }
    let applied: HashSet<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(db)
            .await?
            .into_iter()
            .collect();
    Ok(MIGRATOR.iter().any(|m| !applied.contains(&m.version)))
}

/// The data upgrades, each a version in `settings`: (key, version, what it does).
// 3: region and city spellings re-keyed too (version 2 re-keyed officials' alone).
const NAMES_VERSION: &str = "3";
// 3: places indexed by their Korean and Chinese names too (migration 0032).
const SEARCH_VERSION: &str = "3";
/// The day officials' titles were last brought in line with the posts held (`settle_titles`).
const TITLES_SETTLED: &str = "titles_settled_on";

async fn version(db: &SqlitePool, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(db)
            .await?,
    )
}

/// Brings a database up to date; writes only what is out of date.
pub async fn run(db: &SqlitePool) -> anyhow::Result<()> {
    if migrations_pending(db).await? {
        MIGRATOR
            .run(db)
            .await
            .context("could not apply database migrations")?;
    }
    if version(db, "names_version").await?.as_deref() != Some(NAMES_VERSION) {
        renormalize(db)
            .await
            .context("could not recompute the name keys")?;
    }
    if version(db, "search_version").await?.as_deref() != Some(SEARCH_VERSION) {
        tracing::info!("rebuilding the search index once after an upgrade");
        let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
        search::rebuild(&mut tx).await?;
        set(&mut tx, "search_version", SEARCH_VERSION).await?;
        tx.commit().await?;
    }
    // Counts left stale by a hand edit; a read-only file cannot take them, and reads work.
    if let Err(e) = summary::settle(db).await {
        tracing::info!(error = %e, "counts not brought up to date");
    }
    settle_titles(db).await;
    Ok(())
}

/// Officials' titles as their posts make them today: a post that begins or ends as the days
/// pass changes who holds what. Once a day at most (the day is kept in settings), and only
/// for the people whose posts began or ended since; a database that cannot take the write
/// keeps its titles until the next try.
pub async fn settle_titles(db: &SqlitePool) {
    let today = crate::clock::today();
    let settled: Result<usize> = async {
        let since: Option<chrono::NaiveDate> = version(db, TITLES_SETTLED)
            .await?
            .and_then(|d| d.parse().ok());
        if since == Some(today) {
            return Ok(0);
        }
        // A clock set back (a replay at a fixed time) looks at everyone.
        let since = since.filter(|d| *d < today);
        let due = post::titles_due(&mut *db.acquire().await?, since, today).await?;
        let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
        let changed = post::settle_titles(&mut tx, &due, today).await?;
        set(&mut tx, TITLES_SETTLED, &today.to_string()).await?;
        tx.commit().await?;
        Ok(changed.len())
    }
    .await;
    match settled {
        Ok(0) => {}
        Ok(n) => tracing::info!(officials = n, "titles follow the posts held today"),
        Err(e) => tracing::info!(error = %e, "titles not brought up to date"),
    }
}

async fn set(tx: &mut super::Tx<'_>, key: &str, value: &str) -> Result<()> {
    sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The keys of every alias, as `normalize` makes them now (NFKC first): an alias stored
/// with full-width letters or decomposed Hangul gets the key people type. Two aliases that
/// now share a key (within their scope: a country for places, a city for a city's
/// spellings) keep the first; the other is dropped (logged).
async fn renormalize(db: &SqlitePool) -> Result<()> {
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    // (table, the column a key is unique within, the order that decides "first").
    let tables = [
        ("official_aliases", "''", "rowid"),
        ("region_aliases", "country", "country, norm"),
        ("city_aliases", "city_id", "city_id, norm"),
    ];
    for (table, scope, order) in tables {
        let rows: Vec<(String, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT CAST({scope} AS TEXT), norm, alias FROM {table} ORDER BY {order}"
        )))
        .fetch_all(&mut *tx)
        .await?;
        for (scope_value, norm, alias) in rows {
            let fresh = normalize(&alias);
            if fresh == norm || fresh.is_empty() {
                continue;
            }
            let moved = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE OR IGNORE {table} SET norm = ? WHERE norm = ? AND CAST({scope} AS TEXT) = ?"
            )))
            .bind(&fresh)
            .bind(&norm)
            .bind(&scope_value)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if moved == 0 {
                tracing::warn!(%alias, table, "alias dropped: its new key is taken");
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DELETE FROM {table} WHERE norm = ? AND CAST({scope} AS TEXT) = ?"
                )))
                .bind(&norm)
                .bind(&scope_value)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    set(&mut tx, "names_version", NAMES_VERSION).await?;
    tx.commit().await?;
    Ok(())
}

/// Table statistics for the query planner (SQLite's advice for long-lived connections:
/// cheap, bounded by analysis_limit, a no-op when little changed). `serve` runs it now and
/// then, and the bulk commands after their load; never a command that only reads.
pub async fn optimize(db: &SqlitePool) {
    if let Err(e) = sqlx::query("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002")
        .execute(db)
        .await
    {
        tracing::info!(error = %e, "table statistics not updated");
    }
    if let Err(e) = search::tidy(db).await {
        tracing::info!(error = %e, "search index not tidied");
    }
}

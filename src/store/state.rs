//! What buttons stand for (a page of a list, a change waiting for confirmation, the file an
//! import was given), kept in a small SQLite file of its own beside the database, so that
//! saving one never waits on a long write (an import holds the database's write lock for as
//! long as it runs), and buttons keep working after a restart.

use std::str::FromStr;

use anyhow::Context as _;
use sqlx::SqlitePool;
use sqlx::sqlite::{
    SqliteAutoVacuum, SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};

use crate::error::Result;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations_state");

/// How long a saved request is kept: interaction tokens last 15 minutes, but page buttons
/// stay useful for a while.
const KEEP_SECONDS: i64 = 24 * 3600;

const MEMORY: &str = "sqlite::memory:";

/// Where the state lives, from the database's URL: `sqlite://delegations.db` gives
/// `sqlite://delegations.state.db` (a name without an extension gets `.state.db`). Query
/// options such as `?mode=ro` are not carried over, since buttons need to save even when
/// the records are read-only. An in-memory database gets in-memory state.
pub fn url_for(database_url: &str) -> String {
    let rest = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .unwrap_or(database_url);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" || query.split('&').any(|q| q == "mode=memory") {
        return MEMORY.to_string();
    }
    let file_start = path.rfind('/').map(|i| i + 1).unwrap_or(0);
    let state = match path[file_start..].rfind('.') {
        Some(dot) if dot > 0 => {
            let dot = file_start + dot;
            format!("{}.state{}", &path[..dot], &path[dot..])
        }
        _ => format!("{path}.state.db"),
    };
    format!("sqlite://{state}")
}

/// Opens (creating if missing) the state database for `database_url` and migrates it.
pub async fn open(database_url: &str) -> anyhow::Result<SqlitePool> {
    let url = url_for(database_url);
    let memory = url == MEMORY;
    let options = SqliteConnectOptions::from_str(&url)
        .with_context(|| format!("the button state database URL {url} is not valid"))?
        .create_if_missing(true)
        .journal_mode(if memory {
            SqliteJournalMode::Memory
        } else {
            SqliteJournalMode::Wal
        })
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(super::BUSY_TIMEOUT)
        // Uploaded files are pruned after a day; give their pages back to the disk.
        .auto_vacuum(SqliteAutoVacuum::Full);
    // An in-memory database lives as long as its one connection.
    let pool = if memory {
        SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
    } else {
        SqlitePoolOptions::new().max_connections(4)
    }
    .connect_with(options)
    .await
    .with_context(|| format!("could not open the button state database {url}"))?;
    MIGRATOR
        .run(&pool)
        .await
        .context("could not apply the button state migrations")?;
    Ok(pool)
}

/// A saved request: `request` is `Request::to_json`, `file` the uploaded file it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub kind: String,
    pub user_id: String,
    pub request: serde_json::Value,
    pub file: Option<(String, Vec<u8>)>,
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Saves a request for a button (pruning those older than a day) and returns its id.
pub async fn save(
    db: &SqlitePool,
    kind: &str,
    user_id: &str,
    request: &serde_json::Value,
    file: Option<(&str, &[u8])>,
) -> Result<i64> {
    sqlx::query("DELETE FROM saved_requests WHERE created_at < ?")
        .bind(now() - KEEP_SECONDS)
        .execute(db)
        .await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO saved_requests (kind, user_id, request, file_name, file_bytes, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(kind)
    .bind(user_id)
    .bind(request.to_string())
    .bind(file.map(|(name, _)| name))
    .bind(file.map(|(_, bytes)| bytes))
    .bind(now())
    .fetch_one(db)
    .await?)
}

type Row = (String, String, String, Option<String>, Option<Vec<u8>>);

pub async fn load(db: &SqlitePool, id: i64) -> Result<Option<Saved>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT kind, user_id, request, file_name, file_bytes FROM saved_requests
         WHERE id = ? AND created_at >= ?",
    )
    .bind(id)
    .bind(now() - KEEP_SECONDS)
    .fetch_optional(db)
    .await?;
    row.map(|(kind, user_id, request, name, bytes)| {
        Ok(Saved {
            kind,
            user_id,
            request: serde_json::from_str(&request)?,
            file: name.zip(bytes),
        })
    })
    .transpose()
}

/// Forgets a saved request; false when it was gone already (a second click).
pub async fn forget(db: &SqlitePool, id: i64) -> Result<bool> {
    Ok(sqlx::query("DELETE FROM saved_requests WHERE id = ?")
        .bind(id)
        .execute(db)
        .await?
        .rows_affected()
        == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_file_sits_beside_the_database() {
        for (db, state) in [
            ("sqlite://delegations.db", "sqlite://delegations.state.db"),
            (
                "sqlite:///srv/bot/data.sqlite?mode=ro",
                "sqlite:///srv/bot/data.state.sqlite",
            ),
            ("sqlite:data/bot", "sqlite://data/bot.state.db"),
            ("sqlite://./v1.2/bot", "sqlite://./v1.2/bot.state.db"),
            ("sqlite::memory:", MEMORY),
            ("sqlite://:memory:", MEMORY),
            ("sqlite://shared?mode=memory&cache=shared", MEMORY),
        ] {
            assert_eq!(url_for(db), state, "{db}");
        }
    }

    #[tokio::test]
    async fn a_saved_request_comes_back_once_with_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bot.db").display());
        let db = open(&url).await.unwrap();
        assert!(dir.path().join("bot.state.db").exists());
        let request = serde_json::json!({"command": "data import", "options": {"file": "a.csv"}});
        let id = save(
            &db,
            "confirm",
            "discord:1",
            &request,
            Some(("a.csv", b"x,y\n")),
        )
        .await
        .unwrap();
        let saved = load(&db, id).await.unwrap().unwrap();
        assert_eq!(saved.request, request);
        assert_eq!(saved.file, Some(("a.csv".to_string(), b"x,y\n".to_vec())));
        assert!(forget(&db, id).await.unwrap());
        assert!(
            !forget(&db, id).await.unwrap(),
            "a second click finds nothing"
        );
        assert_eq!(load(&db, id).await.unwrap(), None);
    }
}

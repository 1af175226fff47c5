//! Saved requests behind buttons: a page of a list, or a change waiting for confirmation.
//! Kept in the database so buttons still work after a restart.

use sqlx::SqlitePool;

use crate::error::Result;
use crate::store::now;

/// How long a saved request is kept; Discord interaction tokens last 15 minutes, but
/// messages with page buttons stay useful for a while.
const KEEP: &str = "-1 day";

pub async fn save(db: &SqlitePool, kind: &str, line: &str, user_id: &str) -> Result<i64> {
    sqlx::query("DELETE FROM interaction_states WHERE created_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)")
        .bind(KEEP)
        .execute(db)
        .await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO interaction_states (kind, line, user_id, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(kind)
    .bind(line)
    .bind(user_id)
    .bind(now())
    .fetch_one(db)
    .await?)
}

pub struct Saved {
    pub kind: String,
    pub line: String,
    pub user_id: String,
}

pub async fn load(db: &SqlitePool, id: i64) -> Result<Option<Saved>> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT kind, line, user_id FROM interaction_states WHERE id = ?")
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(kind, line, user_id)| Saved {
        kind,
        line,
        user_id,
    }))
}

pub async fn forget(db: &SqlitePool, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM interaction_states WHERE id = ?")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

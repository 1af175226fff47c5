//! What a monitor asks of the database: does it answer, how big is it, how many records
//! does it hold, when was it last backed up.

use sqlx::SqlitePool;

use crate::error::Result;

/// The settings key under which a successful backup leaves its time (Unix seconds).
pub(crate) const LAST_BACKUP_KEY: &str = "last_backup_at";

/// A query that reads the file (the schema page), so a database that no longer answers
/// fails here.
pub async fn ping(pool: &SqlitePool) -> Result<()> {
    sqlx::query_scalar::<_, i64>("SELECT count(*) FROM sqlite_schema")
        .fetch_one(pool)
        .await?;
    Ok(())
}

/// Live (not deleted) records by kind.
pub async fn records(pool: &SqlitePool) -> Result<Vec<(&'static str, i64)>> {
    let mut counts = Vec::new();
    for (kind, table) in [
        ("visits", "visits"),
        ("meetings", "meetings"),
        ("forums", "forums"),
        ("officials", "officials"),
        ("outcomes", "outcomes"),
    ] {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
        )))
        .fetch_one(pool)
        .await?;
        counts.push((kind, n));
    }
    Ok(counts)
}

/// The database's size: its pages times the page size (the WAL, checkpointed as it
/// grows, not counted).
pub async fn size_bytes(pool: &SqlitePool) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
    )
    .fetch_one(pool)
    .await?)
}

/// When the last backup that passed its check was taken (Unix seconds), if ever.
pub async fn last_backup(pool: &SqlitePool) -> Result<Option<i64>> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(LAST_BACKUP_KEY)
        .fetch_optional(pool)
        .await?;
    Ok(value.and_then(|v| v.parse().ok()))
}

//! What every record's row has, whatever its kind: its stamp (dataset, version, made,
//! changed, deleted), and the reads and the write of undo that go by it alone. The entity
//! modules build their snapshots and restores on it; it knows none of them.

use serde::{Deserialize, Serialize};

use super::Tx;
use crate::error::Result;

/// What every record's row carries besides its fields: the dataset it came from, its
/// version, and when it was made, last changed and deleted. Flattened into each kind's row,
/// so a snapshot's JSON has these keys beside the kind's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Stamp {
    pub dataset: String,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

/// Record `id`'s row in `table`: its id, its own `columns` and its stamp.
pub(super) async fn row<T>(
    tx: &mut Tx<'_>,
    table: &str,
    columns: &str,
    id: i64,
) -> Result<Option<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, {columns}, dataset, version, created_at, updated_at, deleted_at FROM {table} WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?)
}

/// `row`, with the ids the record links to as `links` selects them: the snapshot of a kind
/// with one list of links.
pub(super) async fn row_and_links<T>(
    tx: &mut Tx<'_>,
    table: &str,
    columns: &str,
    links: &'static str,
    id: i64,
) -> Result<Option<(T, Vec<i64>)>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    let Some(row) = self::row(tx, table, columns, id).await? else {
        return Ok(None);
    };
    Ok(Some((row, self::links(tx, links, id).await?)))
}

/// The ids record `id` links to, as `sql` selects them (bound to the record's id).
pub(super) async fn links(tx: &mut Tx<'_>, sql: &'static str, id: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(sql)
        .bind(id)
        .fetch_all(&mut **tx)
        .await?)
}

/// A table of links from one kind of record to others: `owner` the record's column, `link`
/// the linked one's; an `ordered` table keeps the links' order in its `position` column.
pub(super) struct LinkTable {
    pub table: &'static str,
    pub owner: &'static str,
    pub link: &'static str,
    pub ordered: bool,
}

impl LinkTable {
    /// Makes record `id`'s links exactly `ids` (a link given twice is kept once).
    pub(super) async fn replace(&self, tx: &mut Tx<'_>, id: i64, ids: &[i64]) -> Result<()> {
        let LinkTable {
            table,
            owner,
            link,
            ordered,
        } = self;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE {owner} = ?"
        )))
        .bind(id)
        .execute(&mut **tx)
        .await?;
        let insert = if *ordered {
            format!("INSERT OR IGNORE INTO {table} ({owner}, {link}, position) VALUES (?, ?, ?)")
        } else {
            format!("INSERT OR IGNORE INTO {table} ({owner}, {link}) VALUES (?, ?)")
        };
        for (position, linked) in ids.iter().enumerate() {
            let q = sqlx::query(sqlx::AssertSqlSafe(insert.as_str()))
                .bind(id)
                .bind(linked);
            let q = if *ordered { q.bind(position as i64) } else { q };
            q.execute(&mut **tx).await?;
        }
        Ok(())
    }
}

/// The last step of putting a record back (undo), once its fields are written: its dataset
/// and deletion as the snapshot had them, and its version moved on.
pub(super) async fn restore_stamp(tx: &mut Tx<'_>, table: &str, id: i64, s: &Stamp) -> Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE {table} SET dataset = ?, deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?"
    )))
    .bind(&s.dataset)
    .bind(&s.deleted_at)
    .bind(super::now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

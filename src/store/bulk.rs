//! Writing many rows at once: multi-row INSERTs in chunks, for imports and synthetic loads.

use sqlx::{QueryBuilder, Sqlite};

use super::Tx;
use crate::error::Result;

/// Rows per INSERT statement at most, and bound values per statement at most: well under
/// SQLite's limit of 32,766 bound values, however many columns a table has.
const CHUNK: usize = 2000;
const MAX_VALUES: usize = 30_000;

/// How many rows of an INSERT whose `head` names its columns (`INSERT INTO t (a, b) `)
/// go in one statement.
fn rows_per_statement(head: &str) -> usize {
    let columns = head
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map_or(1, |(names, _)| names.split(',').count());
    (MAX_VALUES / columns).clamp(1, CHUNK)
}

/// A record a bulk job creates: its id (given by the file or the next free one), its
/// version (a restore keeps the file's) and its checked fields.
#[derive(Debug, Clone)]
pub struct New<F> {
    pub id: i64,
    pub version: i64,
    pub fields: F,
}

/// Inserts rows in chunks of multi-row INSERTs; `head` is `INSERT INTO t (a, b) `.
pub async fn insert<T>(
    tx: &mut Tx<'_>,
    head: &str,
    rows: &[T],
    bind: impl Fn(&mut sqlx::query_builder::Separated<'_, Sqlite, &'static str>, &T),
) -> Result<()> {
    for chunk in rows.chunks(rows_per_statement(head)) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(head);
        q.push_values(chunk, |mut b, row| bind(&mut b, row));
        q.build().execute(&mut **tx).await?;
    }
    Ok(())
}

/// Inserts new records of one kind into `table`: each row's id, its own `columns` as `bind`
/// binds them from its fields, then the stamp every record has (`dataset`, its version,
/// created and updated now).
pub async fn insert_records<F>(
    tx: &mut Tx<'_>,
    table: &str,
    columns: &str,
    rows: &[New<F>],
    dataset: &str,
    bind: impl Fn(&mut sqlx::query_builder::Separated<'_, Sqlite, &'static str>, &F),
) -> Result<()> {
    let head =
        format!("INSERT INTO {table} (id, {columns}, dataset, version, created_at, updated_at) ");
    let at = super::now();
    insert(tx, &head, rows, |b, r| {
        b.push_bind(r.id);
        bind(b, &r.fields);
        b.push_bind(dataset.to_string())
            .push_bind(r.version)
            .push_bind(at.clone())
            .push_bind(at.clone());
    })
    .await
}

/// Inserts the links of new records to others (provinces, participants, visits): `head` is
/// `INSERT INTO t (record_column, other_column) `, `of` the ids a record links to.
pub async fn insert_links<F>(
    tx: &mut Tx<'_>,
    head: &str,
    rows: &[New<F>],
    of: impl Fn(&F) -> &[i64],
) -> Result<()> {
    let links: Vec<(i64, i64)> = rows
        .iter()
        .flat_map(|r| of(&r.fields).iter().map(move |other| (r.id, *other)))
        .collect();
    insert(tx, head, &links, |b, (id, other)| {
        b.push_bind(*id).push_bind(*other);
    })
    .await
}

/// Lets this connection cache up to 1 GiB of pages for a bulk job; returns the cache it had,
/// for `restore_cache`. A bulk job is one transaction; with less cache than it writes,
/// SQLite rereads its own pages from the WAL (100,000 synthetic visits: 35 s instead of 13).
pub async fn widen_cache(tx: &mut Tx<'_>) -> Result<i64> {
    let before: i64 = sqlx::query_scalar("PRAGMA cache_size")
        .fetch_one(&mut **tx)
        .await?;
    sqlx::query("PRAGMA cache_size = -1048576")
        .execute(&mut **tx)
        .await?;
    Ok(before)
}

/// Gives the connection its page cache back after `widen_cache` (`before` as it returned),
/// so a bot's pool does not keep a bulk load's gigabyte.
pub async fn restore_cache(tx: &mut Tx<'_>, before: i64) -> Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA cache_size = {before}")))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The id after the highest one a table has ever used (deleted rows included).
pub async fn next_id(tx: &mut Tx<'_>, table: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT coalesce(max(id), 0) + 1 FROM {table}"
    )))
    .fetch_one(&mut **tx)
    .await?)
}

/// Ids as one bound JSON array, for `IN (SELECT value FROM json_each(?))`, in chunks.
pub fn id_chunks(ids: &[i64]) -> impl Iterator<Item = String> + '_ {
    ids.chunks(CHUNK * 5)
        .map(|c| serde_json::to_string(c).expect("ids serialize"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn wide_rows_go_fewer_to_a_statement() {
        assert_eq!(super::rows_per_statement("INSERT INTO t (a, b) "), 2000);
        let wide = format!(
            "INSERT INTO t ({}) ",
            (0..18)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert_eq!(super::rows_per_statement(&wide), 1666);
    }
}

//! Full-text search (SQLite FTS5) over live visits, officials, forums and meetings. The
//! index is refreshed for a record whenever the audit log records a change to it.

use sqlx::SqlitePool;

use super::{Entity, Tx};
use crate::error::Result;

/// The index rows (rowid, entity, id, title, body) of live records of one kind, computed in
/// SQL from their current state; `one` restricts them to a single record (`?`).
fn documents(entity: Entity, one: bool) -> String {
    let (kind, alias, select) = match entity {
        Entity::Visit => (
            0,
            "v",
            "'Visit #' || v.id || ' · ' || coalesce((SELECT group_concat(r.name, ', ') FROM visit_provinces p
                JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id), '') || ' · ' || v.start_date,
             concat_ws(' ',
                (SELECT group_concat(concat_ws(' ', r.name, r.local_name), ' ') FROM visit_provinces p JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id),
                v.city, v.level, o.name, o.local_name,
                (SELECT group_concat(concat_ws(' ', r.name, r.local_name), ' ') FROM visit_places p JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id),
                v.purpose,
                (SELECT group_concat(s.title, ' ') FROM visit_sources s WHERE s.visit_id = v.id))
             FROM visits v LEFT JOIN officials o ON o.id = v.leader_id",
        ),
        Entity::Meeting => (
            1,
            "m",
            "'Meeting #' || m.id || ' · ' || m.date || coalesce(' · ' || m.place, ''),
             concat_ws(' ', (SELECT group_concat(concat_ws(' ', o.name, o.local_name), ' ') FROM meeting_participants mp
                JOIN officials o ON o.id = mp.official_id WHERE mp.meeting_id = m.id), m.place, m.summary)
             FROM meetings m",
        ),
        Entity::Forum => (
            2,
            "f",
            "f.name || coalesce(' (' || f.edition || ')', '') || ' · ' || f.start_date,
             concat_ws(' ', f.kind, f.edition, f.place, f.organizer)
             FROM forums f",
        ),
        Entity::Official => (
            3,
            "o",
            "o.name || coalesce(' (' || o.title || ')', ''),
             concat_ws(' ', o.local_name, o.title, o.organization, o.country, r.name,
                (SELECT group_concat(a.alias, ' ') FROM official_aliases a WHERE a.official_id = o.id))
             FROM officials o LEFT JOIN regions r ON r.id = o.province_id",
        ),
    };
    let only = if one {
        format!(" AND {alias}.id = ?")
    } else {
        String::new()
    };
    format!(
        "SELECT {alias}.id * 4 + {kind}, '{}', {alias}.id, {select} WHERE {alias}.deleted_at IS NULL{only}",
        entity.as_str()
    )
}

/// Each record's index row has a rowid made of its id and kind, so refreshing one record
/// is a lookup, not a scan of the whole index.
fn rowid(entity: Entity, id: i64) -> i64 {
    let kind = match entity {
        Entity::Visit => 0,
        Entity::Meeting => 1,
        Entity::Forum => 2,
        Entity::Official => 3,
    };
    id * 4 + kind
}

pub async fn reindex(tx: &mut Tx<'_>, entity: Entity, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM search_index WHERE rowid = ?")
        .bind(rowid(entity, id))
        .execute(&mut **tx)
        .await?;
    let sql = format!(
        "INSERT INTO search_index (rowid, entity, entity_id, title, body) {}",
        documents(entity, true)
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Turns what a user typed into an FTS5 query: every word must match (as a prefix);
/// FTS syntax in the input is treated as plain text.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(20)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct Hit {
    pub entity: String,
    pub id: i64,
    pub title: String,
    pub snippet: String,
}

pub async fn count(db: &SqlitePool, query: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM search_index WHERE search_index MATCH ?")
            .bind(query)
            .fetch_one(db)
            .await?,
    )
}

pub async fn find(db: &SqlitePool, query: &str, limit: i64, offset: i64) -> Result<Vec<Hit>> {
    Ok(sqlx::query_as(
        "SELECT entity, entity_id AS id, title, snippet(search_index, 3, '**', '**', '…', 12) AS snippet
         FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 0, 0, 5.0, 1.0) LIMIT ? OFFSET ?",
    )
    .bind(query)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?)
}

/// Rebuilds the whole index in one statement per kind (after a bulk load).
pub async fn rebuild(tx: &mut Tx<'_>) -> Result<()> {
    sqlx::query("DELETE FROM search_index")
        .execute(&mut **tx)
        .await?;
    for entity in [
        Entity::Visit,
        Entity::Official,
        Entity::Forum,
        Entity::Meeting,
    ] {
        let sql = format!(
            "INSERT INTO search_index (rowid, entity, entity_id, title, body) {}",
            documents(entity, false)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

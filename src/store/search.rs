//! Full-text search (SQLite FTS5) over live visits, officials, forums and meetings. The
//! index is refreshed for a record whenever the audit log records a change to it.

use sqlx::SqlitePool;

use super::{Entity, Tx};
use crate::error::Result;

/// The index rows (rowid, entity, id, title, body) of live records of one kind, computed in
/// SQL from their current state; `one` restricts them to a single record (`?`).
fn documents(entity: Entity, one: bool) -> String {
    let (alias, select) = match entity {
        Entity::Visit => (
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
            "m",
            "'Meeting #' || m.id || ' · ' || m.date || coalesce(' · ' || m.place, ''),
             concat_ws(' ', (SELECT group_concat(concat_ws(' ', o.name, o.local_name), ' ') FROM meeting_participants mp
                JOIN officials o ON o.id = mp.official_id WHERE mp.meeting_id = m.id), m.place, m.summary)
             FROM meetings m",
        ),
        Entity::Forum => (
            "f",
            "f.name || coalesce(' (' || f.edition || ')', '') || ' · ' || f.start_date,
             concat_ws(' ', f.kind, f.edition, f.place, f.organizer)
             FROM forums f",
        ),
        Entity::Official => (
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
        "SELECT {} + {alias}.id, '{}', {alias}.id, {select} WHERE {alias}.deleted_at IS NULL{only}",
        rowid(entity, 0),
        entity.as_str()
    )
}

/// Each kind of record owns one range of index rowids, `kind * KIND_SPAN + id`: refreshing
/// one record is a lookup, and the newest matches of a kind are the top of its range.
const KIND_SPAN: i64 = 1 << 40;

fn kind(entity: Entity) -> i64 {
    match entity {
        Entity::Visit => 0,
        Entity::Meeting => 1,
        Entity::Forum => 2,
        Entity::Official => 3,
    }
}

fn rowid(entity: Entity, id: i64) -> i64 {
    kind(entity) * KIND_SPAN + id
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

/// Turns what a user typed into an FTS5 query: every word must match, as a whole word
/// (stemmed, so "batteries" finds "battery"), or as a prefix when it ends with `*`. Other
/// FTS syntax in the input is treated as plain text. Whole words keep a search cheap at any
/// size: a prefix makes SQLite gather the matches of every word it starts.
pub fn fts_query(text: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            let star = if c == '*' { "*" } else { "" };
            words.push(format!("\"{}\"{star}", std::mem::take(&mut word)));
        }
    }
    words.truncate(20);
    (!words.is_empty()).then(|| words.join(" "))
}

/// Searches rank every match by relevance up to this many. A broader one (a common word in
/// a large record) is ranked among the newest matches of each kind: ranking them all would
/// read every one (a third of a second for a word found in 600,000 records).
pub const RANK_ALL_UP_TO: i64 = 1000;
const NEWEST_PER_KIND: i64 = RANK_ALL_UP_TO / 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Matches {
    /// How many records match, counted up to RANK_ALL_UP_TO.
    pub total: i64,
    /// More than RANK_ALL_UP_TO match: results come from the newest of each kind.
    pub broad: bool,
}

#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct Hit {
    pub entity: String,
    pub id: i64,
    pub title: String,
    pub snippet: String,
}

pub async fn count(db: &SqlitePool, query: &str) -> Result<Matches> {
    let n: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
    )
    .bind(query)
    .bind(RANK_ALL_UP_TO + 1)
    .fetch_one(db)
    .await?;
    Ok(Matches {
        total: n.min(RANK_ALL_UP_TO),
        broad: n > RANK_ALL_UP_TO,
    })
}

/// Relevance: a word in the title weighs five times one in the body.
const SCORE: &str = "bm25(search_index, 0, 0, 5.0, 1.0)";

/// The matches to rank, as a condition on rowid: all of them, or for a broad search the
/// newest NEWEST_PER_KIND of each kind (the top of each kind's rowid range).
fn candidates(matches: Matches) -> String {
    if !matches.broad {
        return format!(
            "SELECT rowid AS r, {SCORE} AS score FROM search_index WHERE search_index MATCH ?1"
        );
    }
    let kinds = [
        Entity::Visit,
        Entity::Meeting,
        Entity::Forum,
        Entity::Official,
    ];
    kinds
        .iter()
        .map(|&entity| {
            let (lo, hi) = (rowid(entity, 0), rowid(entity, KIND_SPAN - 1));
            format!(
                "SELECT rowid AS r, {SCORE} AS score FROM search_index WHERE search_index MATCH ?1
                   AND rowid BETWEEN coalesce((SELECT rowid FROM search_index WHERE search_index MATCH ?1
                         AND rowid BETWEEN {lo} AND {hi} ORDER BY rowid DESC LIMIT 1 OFFSET {}), {lo}) AND {hi}",
                NEWEST_PER_KIND - 1
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
}

/// One page of results, best first. Snippets are cut for that page only.
pub async fn find(
    db: &SqlitePool,
    query: &str,
    matches: Matches,
    limit: i64,
    offset: i64,
) -> Result<Vec<Hit>> {
    let sql = format!(
        "WITH page AS (SELECT r FROM ({}) ORDER BY score, r DESC LIMIT ?2 OFFSET ?3)
         SELECT entity, entity_id AS id, title, snippet(search_index, 3, '**', '**', '…', 12) AS snippet
           FROM search_index WHERE search_index MATCH ?1 AND rowid IN (SELECT r FROM page)
          ORDER BY {SCORE}, rowid DESC",
        candidates(matches)
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
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

//! Full-text search (SQLite FTS5) over live visits, officials, forums and meetings. The
//! index is refreshed for a record whenever the audit log records a change to it.

use sqlx::SqlitePool;

use super::{Entity, Tx};
use crate::error::Result;

/// The index rows (rowid, entity, id, title, body) of live records of one kind, computed in
/// SQL from their current state; `only` restricts the ids (`= ?`, `IN (...)`).
fn documents(entity: Entity, only: Option<&str>) -> String {
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
    let only = only
        .map(|o| format!(" AND {alias}.id {o}"))
        .unwrap_or_default();
    format!(
        "SELECT {} + {alias}.id, '{}', {alias}.id, {select} WHERE {alias}.deleted_at IS NULL{only}",
        rowid(entity, 0),
        entity.as_str()
    )
}

/// Each kind of record owns one range of index rowids, `kind * KIND_SPAN + id`: refreshing
/// one record is a lookup, and the newest matches of a kind are the top of its range.
const KIND_SPAN: i64 = 1 << 40;

/// The kinds in rowid order.
const KINDS: [Entity; 4] = [
    Entity::Visit,
    Entity::Meeting,
    Entity::Forum,
    Entity::Official,
];

fn rowid(entity: Entity, id: i64) -> i64 {
    let kind = KINDS.iter().position(|k| *k == entity).expect("every kind") as i64;
    kind * KIND_SPAN + id
}

pub async fn reindex(tx: &mut Tx<'_>, entity: Entity, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM search_index WHERE rowid = ?")
        .bind(rowid(entity, id))
        .execute(&mut **tx)
        .await?;
    let sql = format!(
        "INSERT INTO search_index (rowid, entity, entity_id, title, body) {}",
        documents(entity, Some("= ?"))
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Index entries for records added in bulk, in ascending rowid order (FTS5 appends those
/// cheaply).
pub async fn index(tx: &mut Tx<'_>, entity: Entity, ids: &[i64]) -> Result<()> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    for chunk in super::bulk::id_chunks(&ids) {
        let sql = format!(
            "INSERT INTO search_index (rowid, entity, entity_id, title, body) {}",
            documents(entity, Some("IN (SELECT value FROM json_each(?))"))
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(chunk)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Removes the entries of records that are gone for good.
pub async fn remove(tx: &mut Tx<'_>, entity: Entity, ids: &[i64]) -> Result<()> {
    for chunk in super::bulk::id_chunks(ids) {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM search_index WHERE rowid IN (SELECT {} + value FROM json_each(?))",
            rowid(entity, 0)
        )))
        .bind(chunk)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// What a user typed, as FTS5 phrases: every word must match, as a whole word (stemmed,
/// so "batteries" finds "battery"), or as a prefix when it ends with `*`. Other FTS syntax
/// in the input is treated as plain text. Whole words keep a search cheap at any size: a
/// prefix makes SQLite gather the matches of every word it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    phrases: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Option<Query> {
        let mut phrases: Vec<String> = Vec::new();
        let mut word = String::new();
        for c in text.chars().chain([' ']) {
            if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                let star = if c == '*' { "*" } else { "" };
                phrases.push(format!("\"{}\"{star}", std::mem::take(&mut word)));
            }
        }
        phrases.truncate(20);
        (!phrases.is_empty()).then_some(Query { phrases })
    }

    /// The FTS5 MATCH expression.
    pub fn fts(&self) -> String {
        self.phrases.join(" ")
    }
}

/// Searches rank every match up to this many. A broader one (a common word in a large
/// record) is ranked among the newest matches of each kind.
pub const RANK_ALL_UP_TO: i64 = 1000;
const NEWEST_PER_KIND: i64 = RANK_ALL_UP_TO / 4;

/// A word found in more records than this is too common to weigh: relevance (bm25) needs
/// how many records hold each word, which SQLite counts by reading all of them (50 ms for a
/// word in 600,000 records). Searches with such a word list the newest matches first.
pub const COMMON_WORD: i64 = 5000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Matches {
    /// How many records match, counted up to RANK_ALL_UP_TO.
    pub total: i64,
    /// More than RANK_ALL_UP_TO match: results come from the newest of each kind.
    pub broad: bool,
    /// A word is in more than COMMON_WORD records: newest first instead of by relevance.
    pub common: bool,
}

#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct Hit {
    pub entity: String,
    pub id: i64,
    pub title: String,
    pub snippet: String,
}

/// Matches counted up to `cap` (each step reads one more posting, so a cap keeps it cheap).
async fn count_up_to(db: &SqlitePool, fts: &str, cap: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
    )
    .bind(fts)
    .bind(cap + 1)
    .fetch_one(db)
    .await?)
}

pub async fn count(db: &SqlitePool, query: &Query) -> Result<Matches> {
    let n = count_up_to(db, &query.fts(), RANK_ALL_UP_TO).await?;
    let mut common = false;
    for phrase in &query.phrases {
        if count_up_to(db, phrase, COMMON_WORD).await? > COMMON_WORD {
            common = true;
            break;
        }
    }
    Ok(Matches {
        total: n.min(RANK_ALL_UP_TO),
        broad: n > RANK_ALL_UP_TO,
        common,
    })
}

/// The matches to rank with their score (lower is better): all of them, or for a broad
/// search the newest NEWEST_PER_KIND of each kind (the top of each kind's rowid range).
/// The score is bm25 (a word in the title weighs five times one in the body), or when a
/// word is common, newness: the newest of each kind first, kinds taking turns.
fn candidates(matches: Matches) -> String {
    let score = if matches.common {
        format!(
            "row_number() OVER (PARTITION BY rowid / {KIND_SPAN} ORDER BY rowid DESC) * 4 + rowid / {KIND_SPAN}"
        )
    } else {
        "bm25(search_index, 0, 0, 5.0, 1.0)".to_string()
    };
    let select = format!(
        "SELECT rowid AS r, {score} AS score FROM search_index WHERE search_index MATCH ?1"
    );
    if !matches.broad {
        return select;
    }
    KINDS
        .iter()
        .map(|&entity| {
            let (lo, hi) = (rowid(entity, 0), rowid(entity, KIND_SPAN - 1));
            format!(
                "{select} AND rowid BETWEEN coalesce((SELECT rowid FROM search_index WHERE search_index MATCH ?1
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
    query: &Query,
    matches: Matches,
    limit: i64,
    offset: i64,
) -> Result<Vec<Hit>> {
    let sql = format!(
        "WITH page AS (SELECT r, row_number() OVER (ORDER BY score, r DESC) AS pos
                         FROM ({}) ORDER BY score, r DESC LIMIT ?2 OFFSET ?3)
         SELECT entity, entity_id AS id, title, snippet(search_index, 3, '**', '**', '…', 12) AS snippet
           FROM page JOIN search_index ON search_index.rowid = page.r
          WHERE search_index MATCH ?1 ORDER BY page.pos",
        candidates(matches)
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(query.fts())
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
    // In rowid order (kind by kind): FTS5 appends ascending rowids cheaply, and has to
    // flush its pending terms whenever one goes back.
    for entity in KINDS {
        let sql = format!(
            "INSERT INTO search_index (rowid, entity, entity_id, title, body) {}",
            documents(entity, None)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

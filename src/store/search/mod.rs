//! Full-text search (SQLite FTS5) over live visits, officials, forums, meetings and outcomes. The
//! index is refreshed for a record whenever the audit log records a change to it.

mod index;

pub use index::{index, rebuild, reindex, reindex_many, reindex_person, remove, tidy};

use super::Entity;
use crate::domain::search_text::{self, Term};
use crate::error::Result;

/// Each kind of record owns one range of index rowids, `kind * KIND_SPAN + id`: refreshing
/// one record is a lookup, and the newest matches of a kind are the top of its range.
pub(crate) const KIND_SPAN: i64 = 1 << 40;

/// The kinds in rowid order (a new kind goes last: the others' rowids stay).
pub(crate) const KINDS: [Entity; 5] = [
    Entity::Visit,
    Entity::Meeting,
    Entity::Forum,
    Entity::Official,
    Entity::Outcome,
];

pub(crate) fn rowid(entity: Entity, id: i64) -> i64 {
    let kind = KINDS.iter().position(|k| *k == entity).expect("every kind") as i64;
    kind * KIND_SPAN + id
}

/// What a user typed, as FTS5 phrases: every word must match, as a whole word (stemmed,
/// so "batteries" finds "battery"), or as a prefix when it ends with `*`. Other FTS syntax
/// in the input is treated as plain text. Whole words keep a search cheap at any size: a
/// prefix makes SQLite gather the matches of every word it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

/// A prefix names at most this many words; a broader one stays a prefix (slower).
const PREFIX_WORDS: i64 = 40;

impl Query {
    pub fn parse(text: &str) -> Option<Query> {
        let terms = search_text::query_terms(text);
        (!terms.is_empty()).then_some(Query { terms })
    }

    /// A search ready to run: each prefix replaced by the words it begins, from the
    /// vocabulary of the index (`semicon*` becomes `semiconductor OR semiconductors`).
    pub async fn prepare(conn: &mut sqlx::SqliteConnection, text: &str) -> Result<Option<Query>> {
        let Some(mut query) = Query::parse(text) else {
            return Ok(None);
        };
        for term in &mut query.terms {
            let Some(prefix) = &term.prefix else {
                continue;
            };
            let named: Vec<String> = sqlx::query_scalar(
                "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?1 || char(1114111)
                  ORDER BY term LIMIT ?2",
            )
            .bind(prefix)
            .bind(PREFIX_WORDS + 1)
            .fetch_all(&mut *conn)
            .await?;
            if !named.is_empty() && named.len() as i64 <= PREFIX_WORDS {
                term.fts = format!(
                    "({})",
                    named
                        .iter()
                        .map(|w| format!("\"{w}\""))
                        .collect::<Vec<_>>()
                        .join(" OR ")
                );
            }
        }
        Ok(Some(query))
    }

    /// The FTS5 MATCH expression.
    pub fn fts(&self) -> String {
        self.terms
            .iter()
            .map(|t| t.fts.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Searches rank every match up to this many. A broader one (a common word in a large
/// record) is ranked among the newest matches of each kind.
pub const RANK_ALL_UP_TO: i64 = 1000;
const NEWEST_PER_KIND: i64 = RANK_ALL_UP_TO / KINDS.len() as i64;

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

#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub entity: String,
    pub id: i64,
    pub title: String,
    pub snippet: String,
}

/// Matches counted up to `cap` (each step reads one more posting, so a cap keeps it cheap).
async fn count_up_to(db: &mut sqlx::SqliteConnection, fts: &str, cap: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
    )
    .bind(fts)
    .bind(cap + 1)
    .fetch_one(db)
    .await?)
}

pub async fn count(conn: &mut sqlx::SqliteConnection, query: &Query) -> Result<Matches> {
    let n = count_up_to(conn, &query.fts(), RANK_ALL_UP_TO).await?;
    let mut common = false;
    for term in &query.terms {
        if count_up_to(conn, &term.fts, COMMON_WORD).await? > COMMON_WORD {
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
            "row_number() OVER (PARTITION BY rowid / {KIND_SPAN} ORDER BY rowid DESC) * {} + rowid / {KIND_SPAN}",
            KINDS.len()
        )
    } else {
        "bm25(search_index, 0, 0, 5.0, 1.0, 0, 0)".to_string()
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
    db: impl sqlx::SqliteExecutor<'_>,
    query: &Query,
    matches: Matches,
    limit: i64,
    offset: i64,
) -> Result<Vec<Hit>> {
    let sql = format!(
        "WITH page AS (SELECT r, row_number() OVER (ORDER BY score, r DESC) AS pos
                         FROM ({}) ORDER BY score, r DESC LIMIT ?2 OFFSET ?3)
         SELECT entity, entity_id, shown_title, shown_body
           FROM page CROSS JOIN search_index ON search_index.rowid = page.r ORDER BY page.pos",
        candidates(matches)
    );
    let rows: Vec<(String, i64, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(query.fts())
        .bind(limit)
        .bind(offset)
        .fetch_all(db)
        .await?;
    // CROSS JOIN keeps the page first: each entry is then one rowid lookup.
    // The snippet is cut from the original text, where the match is, without markers: the
    // index holds the tokenizer's form of CJK text, not what people wrote.
    Ok(rows
        .into_iter()
        .map(|(entity, id, title, body)| Hit {
            snippet: search_text::snippet(&body, &query.terms, 80),
            entity,
            id,
            title,
        })
        .collect())
}

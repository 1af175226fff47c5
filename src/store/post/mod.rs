//! Officials' posts over time (migration 0016): a career, and the title a person held on a
//! given date, so a history names people as they were then. A post covers the days from
//! its start to its end, both included; a start or end known only to the month covers that
//! whole month; no start means unknown (posts carried over from an official's one title),
//! no end means still held. Posts belong to their official's audit snapshot, so adding or
//! removing one is an audited change to the official and undo puts it back.

mod read;
mod title;

pub use read::{career, posts_for_meetings, title_on, titles_at_latest_meeting};
pub use title::{Retitled, carried, due as titles_due, holds};
pub(in crate::store) use title::{
    carry, change as change_title, settle as settle_titles, touch_official,
};

use serde::{Deserialize, Serialize};

use super::Tx;
use crate::domain::{FlexDate, normalize};
use crate::error::{Refusal, Result};

/// A post as stored: what an official's snapshot carries and undo writes back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct PostRow {
    pub id: i64,
    pub title: String,
    pub organization: Option<String>,
    pub province_id: Option<i64>,
    pub from_date: Option<String>,
    pub from_precision: Option<String>,
    pub to_date: Option<String>,
    pub to_precision: Option<String>,
}

/// The checked values of a new post.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub title: String,
    pub organization: Option<String>,
    pub province_id: Option<i64>,
    /// None: unknown.
    pub from: Option<FlexDate>,
    /// None: still held.
    pub to: Option<FlexDate>,
}

impl Fields {
    /// The first and last day the post covers (ISO dates; open ends as far as dates go).
    pub(crate) fn span(&self) -> (String, String) {
        (
            self.from
                .map_or(OPEN_FROM.into(), |f| f.first_day().to_string()),
            self.to.map_or(OPEN_TO.into(), |t| t.last_day().to_string()),
        )
    }
}

/// How far an unknown start and an open end reach (migration 0016's span columns).
const OPEN_FROM: &str = "0000-01-01";
const OPEN_TO: &str = "9999-12-31";

/// A post as people read it: dates at their precision, the province by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub organization: Option<String>,
    pub province: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// An official's posts as stored, in the order they were added.
pub async fn of(tx: &mut Tx<'_>, official: i64) -> Result<Vec<PostRow>> {
    Ok(sqlx::query_as(
        "SELECT id, title, organization, province_id, from_date, from_precision, to_date, to_precision
           FROM posts WHERE official_id = ? ORDER BY id",
    )
    .bind(official)
    .fetch_all(&mut **tx)
    .await?)
}

/// Puts an official's posts back exactly as a snapshot had them, numbers included (undo).
pub(in crate::store) async fn write_all(
    tx: &mut Tx<'_>,
    official: i64,
    rows: &[PostRow],
) -> Result<()> {
    sqlx::query("DELETE FROM posts WHERE official_id = ?")
        .bind(official)
        .execute(&mut **tx)
        .await?;
    for r in rows {
        sqlx::query(
            "INSERT INTO posts (id, official_id, title, organization, province_id, from_date, from_precision,
                                    to_date, to_precision)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(r.id)
        .bind(official)
        .bind(&r.title)
        .bind(&r.organization)
        .bind(r.province_id)
        .bind(&r.from_date)
        .bind(&r.from_precision)
        .bind(&r.to_date)
        .bind(&r.to_precision)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Adds a post to an official, whose title follows (title.rs). Refused: an end before the
/// start, a `|` in the title or organization (the sheet's separator), and a post
/// overlapping another of theirs with the same title (a day counts for both posts it starts
/// or ends; a month for all its days).
pub(in crate::store) async fn add(tx: &mut Tx<'_>, official: i64, f: &Fields) -> Result<i64> {
    let id = insert(tx, official, f).await?;
    settle_titles(tx, &[official], crate::clock::today()).await?;
    Ok(id)
}

/// `add` without settling the title, for title.rs, which settles once at the end.
async fn insert(tx: &mut Tx<'_>, official: i64, f: &Fields) -> Result<i64> {
    if let (Some(from), Some(to)) = (f.from, f.to)
        && to.last_day() < from.first_day()
    {
        return Err(Refusal::PostEndsBeforeStart {
            from: from.to_string(),
            to: to.to_string(),
        }
        .into());
    }
    unseparated("title", Some(&f.title))?;
    unseparated("organization", f.organization.as_deref())?;
    let key = normalize(&f.title);
    if f.from.is_some() {
        supersede_carried(tx, official, &key).await?;
    }
    let (first, last) = f.span();
    let same: Vec<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT id, title, from_shown, to_shown FROM posts
          WHERE official_id = ? AND span_from <= ? AND span_to >= ? ORDER BY id",
    )
    .bind(official)
    .bind(&last)
    .bind(&first)
    .fetch_all(&mut **tx)
    .await?;
    if let Some((id, title, from, to)) = same.into_iter().find(|(_, t, _, _)| normalize(t) == key) {
        let name: String = sqlx::query_scalar("SELECT name FROM officials WHERE id = ?")
            .bind(official)
            .fetch_one(&mut **tx)
            .await?;
        return Err(Refusal::PostOverlaps {
            name,
            title,
            from,
            to,
            id,
        }
        .into());
    }
    Ok(sqlx::query_scalar(
        "INSERT INTO posts (official_id, title, organization, province_id, from_date, from_precision, to_date, to_precision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(official)
    .bind(&f.title)
    .bind(&f.organization)
    .bind(f.province_id)
    .bind(f.from.map(|d| d.first_day().to_string()))
    .bind(f.from.map(FlexDate::precision))
    .bind(f.to.map(|d| d.first_day().to_string()))
    .bind(f.to.map(FlexDate::precision))
    .fetch_one(&mut **tx)
    .await?)
}

/// A post's text may not hold `|`, the separator of its parts in a sheet cell.
fn unseparated(field: &'static str, text: Option<&str>) -> Result<()> {
    if text.is_some_and(|t| t.contains('|')) {
        return Err(Refusal::Separator { field }.into());
    }
    Ok(())
}

/// A dated post replaces the undated one of the same title (normalized `key`) that an
/// official's single title was carried over as (migration 0016, or `title` when they were
/// added): it says the same, with dates.
async fn supersede_carried(tx: &mut Tx<'_>, official: i64, key: &str) -> Result<()> {
    let carried: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, title FROM posts WHERE official_id = ? AND from_date IS NULL AND to_date IS NULL",
    )
    .bind(official)
    .fetch_all(&mut **tx)
    .await?;
    for (id, title) in carried {
        if normalize(&title) == key {
            sqlx::query("DELETE FROM posts WHERE id = ?")
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

/// Removes one of an official's posts; a number that is not theirs is refused.
pub(in crate::store) async fn remove(tx: &mut Tx<'_>, official: i64, id: i64) -> Result<PostRow> {
    let found: Option<PostRow> = sqlx::query_as(
        "DELETE FROM posts WHERE id = ? AND official_id = ?
         RETURNING id, title, organization, province_id, from_date, from_precision, to_date, to_precision",
    )
    .bind(id)
    .bind(official)
    .fetch_optional(&mut **tx)
    .await?;
    match found {
        Some(row) => {
            settle_titles(tx, &[official], crate::clock::today()).await?;
            Ok(row)
        }
        None => {
            let name: String = sqlx::query_scalar("SELECT name FROM officials WHERE id = ?")
                .bind(official)
                .fetch_one(&mut **tx)
                .await?;
            Err(Refusal::PostNotTheirs { id, name }.into())
        }
    }
}

/// Two posts of one list with the same title whose days overlap (the rule `add` applies
/// against the posts on record), for checking a whole career at once (an import).
pub fn overlapping(posts: &[Fields]) -> Option<(&Fields, &Fields)> {
    // Titles of punctuation alone (`"`, `=`) normalize to nothing: they are the same title
    // only when written the same.
    let key = |title: &str| match normalize(title) {
        n if n.is_empty() => title.trim().to_string(),
        n => n,
    };
    for (i, a) in posts.iter().enumerate() {
        for b in &posts[i + 1..] {
            let ((a_from, a_to), (b_from, b_to)) = (a.span(), b.span());
            if key(&a.title) == key(&b.title) && a_from <= b_to && b_from <= a_to {
                return Some((a, b));
            }
        }
    }
    None
}

/// A merge: the posts of `from` that `to` does not already hold (the same title over any
/// of the same days) become `to`'s; the others stay with `from`. Returns how many moved.
pub(in crate::store) async fn move_to(tx: &mut Tx<'_>, from: i64, to: i64) -> Result<usize> {
    let theirs: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, title, span_from, span_to FROM posts WHERE official_id = ? ORDER BY id",
    )
    .bind(from)
    .fetch_all(&mut **tx)
    .await?;
    let mut moved = 0;
    for (id, title, first, last) in theirs {
        let held: Vec<String> = sqlx::query_scalar(
            "SELECT title FROM posts WHERE official_id = ? AND span_from <= ? AND span_to >= ?",
        )
        .bind(to)
        .bind(&last)
        .bind(&first)
        .fetch_all(&mut **tx)
        .await?;
        if held.iter().any(|t| normalize(t) == normalize(&title)) {
            continue;
        }
        sqlx::query("UPDATE posts SET official_id = ? WHERE id = ?")
            .bind(to)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        moved += 1;
    }
    settle_titles(tx, &[from, to], crate::clock::today()).await?;
    Ok(moved)
}

/// Replaces all of an official's posts (an import that carries their career).
pub(in crate::store) async fn replace(
    tx: &mut Tx<'_>,
    official: i64,
    posts: &[Fields],
) -> Result<()> {
    sqlx::query("DELETE FROM posts WHERE official_id = ?")
        .bind(official)
        .execute(&mut **tx)
        .await?;
    let rows: Vec<(i64, Fields)> = posts.iter().map(|p| (official, p.clone())).collect();
    insert_many(tx, &rows).await?;
    settle_titles(tx, &[official], crate::clock::today())
        .await
        .map(|_| ())
}

/// A post as one line of a sheet cell: `title | organization | province | from | to`,
/// empty parts left empty.
pub fn line(p: &Post) -> String {
    [
        Some(p.title.as_str()),
        p.organization.as_deref(),
        p.province.as_deref(),
        p.from.as_deref(),
        p.to.as_deref(),
    ]
    .map(|part| part.unwrap_or(""))
    .join(" | ")
}

/// Inserts many posts (official, fields) in a few statements, unchecked: for bulk loads
/// that make them consistent.
pub(in crate::store) async fn insert_many(tx: &mut Tx<'_>, rows: &[(i64, Fields)]) -> Result<()> {
    super::bulk::insert(
        tx,
        "INSERT INTO posts (official_id, title, organization, province_id, from_date, from_precision, to_date, to_precision) ",
        rows,
        |b, (official, f)| {
            b.push_bind(*official)
                .push_bind(f.title.clone())
                .push_bind(f.organization.clone())
                .push_bind(f.province_id)
                .push_bind(f.from.map(|d| d.first_day().to_string()))
                .push_bind(f.from.map(FlexDate::precision))
                .push_bind(f.to.map(|d| d.first_day().to_string()))
                .push_bind(f.to.map(FlexDate::precision));
        },
    )
    .await
}

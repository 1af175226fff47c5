//! An official's title (officials.title) is their current post: the latest-starting post
//! still held, or the undated post their one title was carried over as (migration 0016, or
//! `title` when they were added). These keep the two in step when either is written.

use super::{Fields, PositionRow, add, unseparated};
use crate::domain::normalize;
use crate::error::Result;
use crate::store::Tx;

/// After a post is added or removed: the official's version moves on (their posts are
/// part of their record), and a post still held that starts no earlier than any other of
/// theirs becomes their title (officials.title is the current one).
pub async fn touch_official(tx: &mut Tx<'_>, official: i64) -> Result<()> {
    sqlx::query(
        "UPDATE officials SET version = version + 1, updated_at = ?2,
                title = coalesce((SELECT p.title FROM positions p WHERE p.official_id = ?1 AND p.to_date IS NULL
                                    AND p.from_date IS NOT NULL
                                    AND p.span_from >= (SELECT max(q.span_from) FROM positions q WHERE q.official_id = ?1)
                                  ORDER BY p.id DESC LIMIT 1), title)
          WHERE id = ?1",
    )
    .bind(official)
    .bind(crate::store::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// After `removed` went: when the official's title was that post's (an open-ended post of
/// the same title), it becomes the post now current — the latest-starting one still held,
/// else an undated one — or none, so the profile never names a post the career no longer
/// has. Returns the new title when it changed.
pub async fn retitle_after_removal(
    tx: &mut Tx<'_>,
    official: i64,
    removed: &PositionRow,
) -> Result<Option<Option<String>>> {
    let title: Option<String> = sqlx::query_scalar("SELECT title FROM officials WHERE id = ?")
        .bind(official)
        .fetch_one(&mut **tx)
        .await?;
    let from_removed = title
        .as_deref()
        .is_some_and(|t| normalize(t) == normalize(&removed.title));
    if !from_removed || removed.to_date.is_some() {
        return Ok(None);
    }
    let current: Option<String> = sqlx::query_scalar(
        "SELECT title FROM positions WHERE official_id = ? AND to_date IS NULL
          ORDER BY from_date IS NULL, span_from DESC, id DESC LIMIT 1",
    )
    .bind(official)
    .fetch_optional(&mut **tx)
    .await?;
    if current.as_deref().map(normalize) == title.as_deref().map(normalize) {
        return Ok(None);
    }
    sqlx::query("UPDATE officials SET title = ? WHERE id = ?")
        .bind(&current)
        .bind(official)
        .execute(&mut **tx)
        .await?;
    Ok(Some(current))
}

/// An official's title edited from `old` to `new`: the undated post still held that their
/// title was carried over as (`old`) says `new` instead, or goes when the title is
/// cleared; with none, a new title no post of theirs has becomes such a post. Dated posts
/// stay as they are.
pub async fn retitle_carried(
    tx: &mut Tx<'_>,
    official: i64,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    let carried: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, title FROM positions WHERE official_id = ? AND from_date IS NULL AND to_date IS NULL",
    )
    .bind(official)
    .fetch_all(&mut **tx)
    .await?;
    let key = old.map(normalize);
    let found = carried
        .into_iter()
        .find(|(_, t)| Some(normalize(t)) == key)
        .map(|(id, _)| id);
    match (found, new) {
        (Some(id), Some(title)) => {
            unseparated("title", Some(title))?;
            sqlx::query("UPDATE positions SET title = ? WHERE id = ?")
                .bind(title)
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
        (Some(id), None) => {
            sqlx::query("DELETE FROM positions WHERE id = ?")
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
        (None, Some(title)) => {
            let titles: Vec<String> =
                sqlx::query_scalar("SELECT title FROM positions WHERE official_id = ?")
                    .bind(official)
                    .fetch_all(&mut **tx)
                    .await?;
            if titles.iter().any(|t| normalize(t) == normalize(title)) {
                return Ok(());
            }
            let post = Fields {
                title: title.to_string(),
                organization: None,
                province_id: None,
                from: None,
                to: None,
            };
            add(tx, official, &post).await?;
        }
        (None, None) => {}
    }
    Ok(())
}

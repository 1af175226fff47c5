//! An official's title (officials.title) is the post they hold today: of the posts that
//! cover today (an unknown start reaches back indefinitely, an end in the future or none
//! counts as held), the one that starts last; else none. `settle` is the one place that
//! decides it, and every write of an official's posts or title ends with it.
//!
//! A title given as a plain value — when an official is added, imported, or loaded with the
//! sample — is a post with unknown dates (`carried`), which a dated post of the same title
//! replaces. Changing the title of someone who holds a post ends that post today and opens
//! the new one from today (`change`), so past meetings keep the post held then.

use chrono::NaiveDate;

use super::{Fields, insert, unseparated};
use crate::domain::{Day, FlexDate, normalize};
use crate::error::Result;
use crate::store::Tx;

/// Their title on `today`, as `settle` writes it.
const CURRENT: &str = "(SELECT p.title FROM posts p
                        WHERE p.official_id = officials.id AND p.span_from <= ?1 AND p.span_to >= ?1
                        ORDER BY p.span_from DESC, p.id DESC LIMIT 1)";

/// Writes the title of each of `officials` as their posts make it on `today`; returns the
/// ids whose title changed.
pub(in crate::store) async fn settle(
    tx: &mut Tx<'_>,
    officials: &[i64],
    today: NaiveDate,
) -> Result<Vec<i64>> {
    let ids = serde_json::to_string(officials)?;
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "UPDATE officials SET title = {CURRENT}
          WHERE id IN (SELECT value FROM json_each(?2)) AND title IS NOT {CURRENT}
          RETURNING id"
    )))
    .bind(today.to_string())
    .bind(ids)
    .fetch_all(&mut **tx)
    .await?)
}

/// Officials whose stored title is not the one their posts make on `today`. With `since`
/// (the day titles were last settled), only those with a post that began or ended after it
/// are looked at; without, everyone (a database not settled before).
pub async fn due(
    conn: &mut sqlx::SqliteConnection,
    since: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<i64>> {
    let candidates = match since {
        Some(_) => {
            "SELECT DISTINCT official_id FROM posts
              WHERE span_from > ?2 AND span_from <= ?1 OR span_to >= ?2 AND span_to < ?1"
        }
        None => "SELECT id FROM officials",
    };
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM officials WHERE id IN ({candidates}) AND deleted_at IS NULL
            AND title IS NOT {CURRENT}"
    )))
    .bind(today.to_string())
    .bind(since.map(|d| d.to_string()))
    .fetch_all(conn)
    .await?)
}

/// The post a plain title stands for: dates unknown.
pub fn carried(title: &str, organization: Option<&str>, province_id: Option<i64>) -> Fields {
    Fields {
        title: title.to_string(),
        organization: organization.map(String::from),
        province_id,
        from: None,
        to: None,
    }
}

/// Whether `posts` already hold a post titled `title` (of any dates).
pub fn holds(posts: &[Fields], title: &str) -> bool {
    posts
        .iter()
        .any(|p| normalize(&p.title) == normalize(title))
}

/// A title given as a plain value to an official already on record: kept as an undated
/// post unless a post of that title is on record.
pub(in crate::store) async fn carry(tx: &mut Tx<'_>, official: i64, post: &Fields) -> Result<()> {
    let titles: Vec<String> = sqlx::query_scalar("SELECT title FROM posts WHERE official_id = ?")
        .bind(official)
        .fetch_all(&mut **tx)
        .await?;
    if titles
        .iter()
        .any(|t| normalize(t) == normalize(&post.title))
    {
        return Ok(());
    }
    insert(tx, official, post).await.map(|_| ())
}

/// What `change` did to the posts, for the reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retitled {
    /// The title was already the one held.
    Same,
    /// `ended`'s post ends today (or was renamed, when it began today); the new one starts
    /// today.
    Moved { ended: Option<String> },
    /// No post is held any more: these ended yesterday.
    Cleared { ended: Vec<String> },
}

/// An official's title set (or cleared) as a plain value on `today`, for someone who may
/// hold posts: a new title ends the post held today and opens one from today (a post
/// begun today is renamed instead); someone who holds none gets it as an undated post.
/// No title ends every post held today as of yesterday (one begun today goes).
pub(in crate::store) async fn change(
    tx: &mut Tx<'_>,
    official: i64,
    new: Option<&Fields>,
    today: NaiveDate,
) -> Result<Retitled> {
    let day = today.to_string();
    let held: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, title, span_from FROM posts
          WHERE official_id = ?1 AND span_from <= ?2 AND span_to >= ?2
          ORDER BY span_from DESC, id DESC",
    )
    .bind(official)
    .bind(&day)
    .fetch_all(&mut **tx)
    .await?;
    let Some(new) = new else {
        let yesterday = today.pred_opt().unwrap_or(today).to_string();
        for (id, _, from) in &held {
            if *from == day {
                sqlx::query("DELETE FROM posts WHERE id = ?")
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
            } else {
                end(tx, *id, &yesterday).await?;
            }
        }
        return Ok(Retitled::Cleared {
            ended: held.into_iter().map(|(_, t, _)| t).collect(),
        });
    };
    unseparated("title", Some(&new.title))?;
    let from_today = Fields {
        from: Some(FlexDate::Day(Day::from_naive(today))),
        ..new.clone()
    };
    let Some((id, title, from)) = held.into_iter().next() else {
        // Someone who holds nothing today: their title with dates unknown, unless they held
        // it before (then it starts again today).
        let titles: Vec<String> =
            sqlx::query_scalar("SELECT title FROM posts WHERE official_id = ?")
                .bind(official)
                .fetch_all(&mut **tx)
                .await?;
        let again = titles.iter().any(|t| normalize(t) == normalize(&new.title));
        insert(tx, official, if again { &from_today } else { new }).await?;
        return Ok(Retitled::Moved { ended: None });
    };
    if normalize(&title) == normalize(&new.title) {
        return Ok(Retitled::Same);
    }
    if from == day {
        sqlx::query("UPDATE posts SET title = ? WHERE id = ?")
            .bind(&new.title)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        return Ok(Retitled::Moved { ended: Some(title) });
    }
    end(tx, id, &day).await?;
    insert(tx, official, &from_today).await?;
    Ok(Retitled::Moved { ended: Some(title) })
}

/// Ends post `id` on `day` (an ISO date, day precision).
async fn end(tx: &mut Tx<'_>, id: i64, day: &str) -> Result<()> {
    sqlx::query("UPDATE posts SET to_date = ?, to_precision = 'day' WHERE id = ?")
        .bind(day)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// After a post is added or removed: the official's version moves on (their posts are part
/// of their record) and their title is settled.
pub(in crate::store) async fn touch_official(
    tx: &mut Tx<'_>,
    official: i64,
    today: NaiveDate,
) -> Result<()> {
    sqlx::query("UPDATE officials SET version = version + 1, updated_at = ? WHERE id = ?")
        .bind(crate::store::now())
        .bind(official)
        .execute(&mut **tx)
        .await?;
    settle(tx, &[official], today).await.map(|_| ())
}

//! Reading careers: an official's posts newest first, the title held on a date, the
//! titles of a page of meetings' participants and of /stats's top hosts, each by the rule
//! of `title_on`.

use std::collections::{BTreeMap, HashMap};

use sqlx::{SqliteConnection, SqliteExecutor};

use super::Post;
use crate::domain::{DateRange, FlexDate};
use crate::error::Result;

/// An official's career, newest first: by start (an unknown start last), then end.
pub async fn career(db: impl SqliteExecutor<'_>, official: i64) -> Result<Vec<Post>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.title, p.organization, r.name AS province, p.from_shown AS \"from\", p.to_shown AS \"to\"
           FROM posts p LEFT JOIN regions r ON r.id = p.province_id
          WHERE p.official_id = ? ORDER BY p.span_from DESC, p.span_to DESC, p.id DESC",
    )
    .bind(official)
    .fetch_all(db)
    .await?)
}

/// The posts of `p` that cover any day of a date whose first day is `first` and last day
/// `last` (SQL expressions), the latest-starting first: the title held then.
fn held(first: &str, last: &str) -> String {
    format!("p.span_from <= {last} AND p.span_to >= {first} ORDER BY p.span_from DESC, p.id DESC")
}

/// The last day of a record's date (columns `date`, `precision`): a month's last day.
fn last_day_of(date: &str, precision: &str) -> String {
    format!(
        "(CASE {precision} WHEN 'month' THEN date({date}, '+1 month', '-1 day') ELSE {date} END)"
    )
}

/// The title an official held on a date: a post covering that day, or for a date known
/// only to its month, a post covering any part of it (the latest-starting). None when no
/// post covers it — never their current title instead.
pub async fn title_on(
    db: impl SqliteExecutor<'_>,
    official: i64,
    date: FlexDate,
) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT p.title FROM posts p WHERE p.official_id = ?1 AND {} LIMIT 1",
        held("?2", "?3")
    )))
    .bind(official)
    .bind(date.first_day().to_string())
    .bind(date.last_day().to_string())
    .fetch_optional(db)
    .await?)
}

/// For each of these meetings, the title each participant held on its date (by the rule
/// of `title_on`): meeting → {official's name → title}. People with no post covering the
/// date are left out.
pub async fn posts_for_meetings(
    conn: &mut SqliteConnection,
    meetings: &[i64],
) -> Result<HashMap<i64, BTreeMap<String, String>>> {
    let sql = format!(
        "SELECT meeting_id, name, title FROM (
           SELECT m.id AS meeting_id, o.name AS name, p.title AS title,
                  row_number() OVER (PARTITION BY m.id, o.id ORDER BY p.span_from DESC, p.id DESC) AS pick
             FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
             JOIN officials o ON o.id = mp.official_id
             JOIN posts p ON p.official_id = o.id
                             AND p.span_from <= {} AND p.span_to >= m.date
            WHERE m.id IN (SELECT value FROM json_each(?)))
         WHERE pick = 1",
        last_day_of("m.date", "m.date_precision")
    );
    let mut out: HashMap<i64, BTreeMap<String, String>> = HashMap::new();
    for chunk in super::super::bulk::id_chunks(meetings) {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(chunk)
            .fetch_all(&mut *conn)
            .await?;
        for (meeting, name, title) in rows {
            out.entry(meeting).or_default().insert(name, title);
        }
    }
    Ok(out)
}

/// For each of these officials, the title they held on the date of their latest live
/// meeting within `range` (by the rule of `title_on`); those without such a meeting or
/// post are left out. The month of that meeting comes from the kept counts; when no post
/// of theirs starts or ends inside that month, every day of it gives the same title and no
/// meeting needs reading. Otherwise (or in a part-month of the range) the meetings decide.
pub async fn titles_at_latest_meeting(
    conn: &mut SqliteConnection,
    officials: &[i64],
    range: DateRange,
) -> Result<HashMap<i64, String>> {
    // Per official: the first and last day of that month, whether a post starts or ends
    // strictly inside it, and the title held in it — one statement for all of them.
    let sql = format!(
        "WITH latest AS (
           SELECT official_id, max(month) || '-01' AS first FROM official_month_stats
            WHERE official_id IN (SELECT value FROM json_each(?1)) AND month BETWEEN ?2 AND ?3
              AND meetings > 0
            GROUP BY official_id),
         bounds AS (SELECT official_id, first, date(first, '+1 month', '-1 day') AS last FROM latest)
         SELECT b.official_id, b.first, b.last,
                EXISTS (SELECT 1 FROM posts p WHERE p.official_id = b.official_id
                           AND ((p.span_from > b.first AND p.span_from <= b.last)
                             OR (p.span_to >= b.first AND p.span_to < b.last))) AS changes,
                (SELECT p.title FROM posts p WHERE p.official_id = b.official_id AND {} LIMIT 1)
           FROM bounds b",
        held("b.first", "b.last")
    );
    let months: Vec<(i64, String, String, bool, Option<String>)> =
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(serde_json::to_string(officials)?)
            .bind(range.from.month().to_string())
            .bind(range.to.month().to_string())
            .fetch_all(&mut *conn)
            .await?;
    let (mut out, mut exact) = (HashMap::new(), Vec::new());
    for (official, first, last, changes_within, title) in months {
        let inside = first >= range.from.to_string() && last <= range.to.to_string();
        if changes_within || !inside {
            exact.push(official);
        } else if let Some(title) = title {
            out.insert(official, title);
        }
    }
    if !exact.is_empty() {
        out.extend(titles_from_meetings(conn, &exact, range).await?);
    }
    Ok(out)
}

/// `titles_at_latest_meeting` read from the officials' meetings themselves.
async fn titles_from_meetings(
    conn: &mut SqliteConnection,
    officials: &[i64],
    range: DateRange,
) -> Result<HashMap<i64, String>> {
    let sql = format!(
        "WITH latest AS (
           SELECT official_id, date, precision FROM (
             SELECT mp.official_id, m.date, m.date_precision AS precision,
                    row_number() OVER (PARTITION BY mp.official_id ORDER BY m.date DESC, m.id DESC) AS pick
               FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
              WHERE mp.official_id IN (SELECT value FROM json_each(?1)) AND m.deleted_at IS NULL AND {})
            WHERE pick = 1)
         SELECT l.official_id,
                (SELECT p.title FROM posts p WHERE p.official_id = l.official_id AND {} LIMIT 1) AS title
           FROM latest l WHERE title IS NOT NULL",
        super::super::within_days("m.date", "m.date_precision", "?2", "?3"),
        held("l.date", &last_day_of("l.date", "l.precision"))
    );
    let rows: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(serde_json::to_string(officials)?)
        .bind(range.from.to_string())
        .bind(range.to.to_string())
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

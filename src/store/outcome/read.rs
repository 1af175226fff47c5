//! Outcomes as the reads show them: `/outcomes list` (counted from the kept counts),
//! `/outcomes show`, and the outcomes of a visit or forum for their own views.

use serde::Serialize;
use sqlx::SqlitePool;

use super::super::counts::{Split, parts};
use super::super::visit::Source;
use super::super::{Tx, within_days};
use super::stored_money;
use crate::domain::{DateRange, Money, OutcomeKind, OutcomeStatus};
use crate::error::Result;

/// What `/outcomes list` filters on, names already resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// Any of these provinces (all when empty).
    pub provinces: Vec<i64>,
    pub kind: Option<OutcomeKind>,
    pub status: Option<OutcomeStatus>,
    /// An outcome dated by month only matches when its month overlaps the range.
    pub range: DateRange,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter {
            provinces: Vec::new(),
            kind: None,
            status: None,
            range: DateRange::from_bounds(None, None).expect("open bounds"),
        }
    }
}

/// The live outcomes (`o`) a filter keeps, its values bound as ?1 from, ?2 to, ?3 kind, ?4
/// status, ?5 the provinces (a JSON list).
fn filtered() -> String {
    format!(
        "o.deleted_at IS NULL AND {} AND {}",
        within_days("o.date", "o.date_precision", "?1", "?2"),
        filter_but_dates("?3", "?4", "?5")
    )
}

/// A filter's kind, status and provinces (`[]`: all) on outcomes `o`, bound as these.
fn filter_but_dates(kind: &str, status: &str, provinces: &str) -> String {
    format!(
        "({kind} IS NULL OR o.kind = {kind}) AND ({status} IS NULL OR o.status = {status})
           AND ({provinces} = '[]' OR EXISTS (SELECT 1 FROM outcome_provinces p WHERE p.outcome_id = o.id
                                     AND p.region_id IN (SELECT value FROM json_each({provinces}))))"
    )
}

/// How many outcomes a filter keeps. For all provinces or one, the whole months from the
/// kept counts (a few rows per month whatever the number of outcomes) and the part-months
/// at either end from the outcomes; for several at once, from the outcomes, as an outcome
/// of two of them must count once.
pub async fn count(db: impl sqlx::SqliteExecutor<'_>, f: &Filter) -> Result<i64> {
    let kind = f.kind.map(OutcomeKind::label);
    let status = f.status.map(OutcomeStatus::label);
    let provinces = serde_json::to_string(&f.provinces)?;
    if f.provinces.len() > 1 {
        return Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM outcomes o WHERE {}",
            filtered()
        )))
        .bind(f.range.from.to_string())
        .bind(f.range.to.to_string())
        .bind(kind)
        .bind(status)
        .bind(provinces)
        .fetch_one(db)
        .await?);
    }
    let sql = format!(
        "SELECT coalesce(sum(n), 0) FROM (
           SELECT outcomes AS n FROM outcome_months
            WHERE region_id = ?7 AND month BETWEEN ?1 AND ?2
              AND (?8 IS NULL OR kind = ?8) AND (?9 IS NULL OR status = ?9)
           UNION ALL {})",
        parts("1", "outcomes o", &filter_but_dates("?8", "?9", "?10"))
    );
    Ok(Split::of(f.range)
        .bind(sqlx::query_as::<_, (i64,)>(sqlx::AssertSqlSafe(sql)))
        .bind(f.provinces.first().copied().unwrap_or(0))
        .bind(kind)
        .bind(status)
        .bind(provinces)
        .fetch_one(db)
        .await?
        .0)
}

/// One line of `/outcomes list`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ListItem {
    pub id: i64,
    pub kind: String,
    pub title: String,
    /// As shown: YYYY-MM-DD, or YYYY-MM when known only to the month.
    pub date: String,
    pub status: String,
    /// Province names, joined by ", ".
    pub provinces: Option<String>,
    pub city: Option<String>,
    pub amount: Option<Money>,
    pub visit: Option<i64>,
}

type ListRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    i64,
    Option<i64>,
);

/// One page of the outcomes a filter keeps, newest first (chosen by id, then named, as
/// `visit::list` does).
pub async fn list(
    db: impl sqlx::SqliteExecutor<'_>,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> Result<Vec<ListItem>> {
    let rows: Vec<ListRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT o.id, o.kind, o.title, o.date_shown, o.status,
                (SELECT group_concat(name, ', ') FROM (SELECT r.name FROM outcome_provinces p
                   JOIN regions r ON r.id = p.region_id WHERE p.outcome_id = o.id ORDER BY r.name)),
                o.city, o.amount_minor, o.currency, o.amount_about, o.visit_id
           FROM (SELECT o.id FROM outcomes o WHERE {}
                  ORDER BY o.date DESC, o.id DESC LIMIT ?6 OFFSET ?7) page
           JOIN outcomes o ON o.id = page.id ORDER BY o.date DESC, o.id DESC",
        filtered()
    )))
    .bind(f.range.from.to_string())
    .bind(f.range.to.to_string())
    .bind(f.kind.map(OutcomeKind::label))
    .bind(f.status.map(OutcomeStatus::label))
    .bind(serde_json::to_string(&f.provinces)?)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, title, date, status, provinces, city, minor, currency, about, visit)| {
                ListItem {
                    id,
                    kind,
                    title,
                    date,
                    status,
                    provinces,
                    city,
                    amount: stored_money(minor, currency.as_deref(), about),
                    visit,
                }
            },
        )
        .collect())
}

/// A record an outcome links to, with a one-line label (None when it is deleted).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Link {
    /// visit, meeting or forum.
    pub entity: &'static str,
    pub id: i64,
    pub label: Option<String>,
}

/// A live outcome with every name resolved: what `/outcomes show` displays and returns.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct View {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub date: String,
    pub status: String,
    pub provinces: Vec<String>,
    pub city: Option<String>,
    pub korean_side: Option<String>,
    pub amount: Option<Money>,
    pub links: Vec<Link>,
    pub summary: Option<String>,
    pub sources: Vec<Source>,
    pub version: i64,
    pub dataset: String,
    pub last_change: Option<crate::store::audit::LastChange>,
}

/// Everything `/outcomes show` presents about a live outcome, names resolved.
pub async fn view(db: &SqlitePool, id: i64) -> Result<Option<View>> {
    let mut tx = db.begin().await?;
    let live = super::snapshot(&mut tx, id).await?;
    let Some(s) = live.filter(|s| s.row.stamp.deleted_at.is_none()) else {
        return Ok(None);
    };
    let r = &s.row;
    let date: String = sqlx::query_scalar("SELECT date_shown FROM outcomes WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let mut links = Vec::new();
    for (entity, link) in [
        ("visit", r.visit_id),
        ("meeting", r.meeting_id),
        ("forum", r.forum_id),
    ] {
        if let Some(target) = link {
            links.push(Link {
                entity,
                id: target,
                label: link_label(&mut tx, entity, target).await?,
            });
        }
    }
    let last_change: Option<(String, String)> = sqlx::query_as(
        "SELECT b.actor, b.at FROM audit_entries e JOIN audit_batches b ON b.id = e.batch_id
         WHERE e.entity = 'outcome' AND e.entity_id = ? ORDER BY e.id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(Some(View {
        id,
        kind: r.kind.clone(),
        title: r.title.clone(),
        date,
        status: r.status.clone(),
        provinces: super::super::region::names(&mut *tx, &s.provinces).await?,
        city: r.city.clone(),
        korean_side: r.korean_side.clone(),
        amount: stored_money(r.amount_minor, r.currency.as_deref(), r.amount_about),
        links,
        summary: r.summary.clone(),
        sources: s.sources.clone(),
        version: r.stamp.version,
        dataset: r.stamp.dataset.clone(),
        last_change: last_change.map(Into::into),
    }))
}

/// "Jiangsu · 2024-06-03" (a visit), "2024-06-03 · Seoul City Hall" (a meeting), "Jeju
/// Forum (19th) · 2024-05-29" (a forum); None when the record is not live.
async fn link_label(tx: &mut Tx<'_>, entity: &str, id: i64) -> Result<Option<String>> {
    let sql = match entity {
        "visit" => {
            "SELECT concat_ws(' · ', (SELECT group_concat(r.name, ', ') FROM visit_provinces p
                 JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id), v.start_shown)
               FROM visits v WHERE v.id = ? AND v.deleted_at IS NULL"
        }
        "meeting" => {
            "SELECT concat_ws(' · ', date_shown, place) FROM meetings WHERE id = ? AND deleted_at IS NULL"
        }
        _ => {
            "SELECT concat_ws(' · ', name || coalesce(' (' || edition || ')', ''), start_shown)
               FROM forums WHERE id = ? AND deleted_at IS NULL"
        }
    };
    Ok(sqlx::query_scalar(sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?)
}

/// An outcome as another record's view lists it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Brief {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub date: String,
    pub status: String,
    pub amount: Option<Money>,
}

async fn briefs(db: impl sqlx::SqliteExecutor<'_>, column: &str, id: i64) -> Result<Vec<Brief>> {
    type Row = (
        i64,
        String,
        String,
        String,
        String,
        Option<i64>,
        Option<String>,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, kind, title, date_shown, status, amount_minor, currency, amount_about FROM outcomes
          WHERE {column} = ? AND deleted_at IS NULL ORDER BY date, id"
    )))
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, title, date, status, minor, currency, about)| Brief {
                id,
                kind,
                title,
                date,
                status,
                amount: stored_money(minor, currency.as_deref(), about),
            },
        )
        .collect())
}

/// The live outcomes of a visit, oldest first: for `/visits show`.
pub async fn of_visit(db: impl sqlx::SqliteExecutor<'_>, visit: i64) -> Result<Vec<Brief>> {
    briefs(db, "visit_id", visit).await
}

/// The live outcomes of a forum, oldest first: for `/forums show`.
pub async fn of_forum(db: impl sqlx::SqliteExecutor<'_>, forum: i64) -> Result<Vec<Brief>> {
    briefs(db, "forum_id", forum).await
}

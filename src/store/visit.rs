//! Delegation visits: one or more origin provinces, dates with precision, Korean places,
//! a leader, sources. Soft-deleted; snapshots feed the audit log and undo.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::{Tx, now, record};
use crate::domain::FlexDate;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct VisitRow {
    pub id: i64,
    pub start_date: String,
    pub start_precision: String,
    pub end_date: Option<String>,
    pub end_precision: Option<String>,
    pub span_end: String,
    pub city: Option<String>,
    pub level: Option<String>,
    pub leader_id: Option<i64>,
    pub purpose: Option<String>,
    pub size: Option<i64>,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub stamp: crate::store::record::Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Source {
    pub url: String,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// Where a kind of record keeps its sources: visits and outcomes each have a table of the
/// same shape, read and replaced the same way.
#[derive(Debug, Clone, Copy)]
pub(super) enum SourcesOf {
    Visit,
    Outcome,
}

impl SourcesOf {
    /// (table, column naming the record)
    fn table(self) -> (&'static str, &'static str) {
        match self {
            SourcesOf::Visit => ("visit_sources", "visit_id"),
            SourcesOf::Outcome => ("outcome_sources", "outcome_id"),
        }
    }

    /// The sources of record `id`, in the order they were given.
    pub(super) async fn load(self, tx: &mut Tx<'_>, id: i64) -> Result<Vec<Source>> {
        let (table, owner) = self.table();
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT url, title, published FROM {table} WHERE {owner} = ? ORDER BY id"
        )))
        .bind(id)
        .fetch_all(&mut **tx)
        .await?)
    }

    /// Replaces the sources of record `id` with `sources`, in their order.
    pub(super) async fn replace(self, tx: &mut Tx<'_>, id: i64, sources: &[Source]) -> Result<()> {
        let (table, owner) = self.table();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE {owner} = ?"
        )))
        .bind(id)
        .execute(&mut **tx)
        .await?;
        let insert =
            format!("INSERT INTO {table} ({owner}, url, title, published) VALUES (?, ?, ?, ?)");
        for s in sources {
            sqlx::query(sqlx::AssertSqlSafe(insert.as_str()))
                .bind(id)
                .bind(&s.url)
                .bind(&s.title)
                .bind(&s.published)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

impl SourcesOf {
    /// Inserts the sources of many new records in a few statements.
    pub(super) async fn insert_many<F>(
        self,
        tx: &mut Tx<'_>,
        rows: &[super::bulk::New<F>],
        of: impl Fn(&F) -> &[Source],
    ) -> Result<()> {
        let (table, owner) = self.table();
        let sources: Vec<(i64, &Source)> = rows
            .iter()
            .flat_map(|r| of(&r.fields).iter().map(move |s| (r.id, s)))
            .collect();
        let head = format!("INSERT INTO {table} ({owner}, url, title, published) ");
        super::bulk::insert(tx, &head, &sources, |b, (id, s)| {
            b.push_bind(*id)
                .push_bind(s.url.clone())
                .push_bind(s.title.clone())
                .push_bind(s.published.clone());
        })
        .await
    }
}

impl From<crate::domain::SourceInput> for Source {
    fn from(s: crate::domain::SourceInput) -> Source {
        Source {
            url: s.url,
            title: s.title,
            published: s.published,
        }
    }
}

/// Everything stored about a visit: what the audit log keeps and undo restores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(flatten)]
    pub row: VisitRow,
    pub provinces: Vec<i64>,
    pub places: Vec<i64>,
    pub sources: Vec<Source>,
}

/// The checked values of a new or edited visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub provinces: Vec<i64>,
    pub start: FlexDate,
    pub end: Option<FlexDate>,
    pub city: Option<String>,
    pub level: Option<String>,
    pub leader_id: Option<i64>,
    pub places: Vec<i64>,
    pub purpose: Option<String>,
    pub size: Option<i64>,
    pub sources: Vec<Source>,
}

impl Fields {
    /// The last day the visit may cover: its end, or the end of its start month when
    /// only the month is known.
    pub fn span_end(&self) -> String {
        self.end.unwrap_or(self.start).last_day().to_string()
    }

    pub fn from_snapshot(s: &Snapshot) -> Fields {
        let start = FlexDate::from_stored(&s.row.start_date, &s.row.start_precision)
            .expect("stored dates are valid");
        let end = match (&s.row.end_date, &s.row.end_precision) {
            (Some(d), Some(p)) => FlexDate::from_stored(d, p),
            _ => None,
        };
        Fields {
            provinces: s.provinces.clone(),
            start,
            end,
            city: s.row.city.clone(),
            level: s.row.level.clone(),
            leader_id: s.row.leader_id,
            places: s.places.clone(),
            purpose: s.row.purpose.clone(),
            size: s.row.size,
            sources: s.sources.clone(),
        }
    }
}

/// Its own columns (besides the id and the stamp), as snapshots read them and bulk jobs
/// insert them.
const COLUMNS: &str = "start_date, start_precision, end_date, end_precision, span_end, city, level, leader_id, purpose, size";

pub async fn snapshot(tx: &mut Tx<'_>, id: i64) -> Result<Option<Snapshot>> {
    let Some(row) = record::row(tx, "visits", COLUMNS, id).await? else {
        return Ok(None);
    };
    let provinces = "SELECT region_id FROM visit_provinces WHERE visit_id = ? ORDER BY region_id";
    let places = "SELECT region_id FROM visit_places WHERE visit_id = ? ORDER BY position";
    Ok(Some(Snapshot {
        row,
        provinces: record::links(tx, provinces, id).await?,
        places: record::links(tx, places, id).await?,
        sources: SourcesOf::Visit.load(tx, id).await?,
    }))
}

pub(super) async fn create(
    tx: &mut Tx<'_>,
    fields: &Fields,
    id: Option<i64>,
    dataset: &str,
) -> Result<i64> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO visits (id, start_date, start_precision, span_end, dataset, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(id)
    .bind(fields.start.first_day().to_string())
    .bind(fields.start.precision())
    .bind(fields.span_end())
    .bind(dataset)
    .bind(&at)
    .bind(&at)
    .fetch_one(&mut **tx)
    .await?;
    write(tx, id, fields, false).await?;
    Ok(id)
}

pub(super) async fn insert_rows(
    tx: &mut Tx<'_>,
    rows: &[super::bulk::New<Fields>],
    dataset: &str,
) -> Result<()> {
    super::bulk::insert_records(tx, "visits", COLUMNS, rows, dataset, |b, f| {
        b.push_bind(f.start.first_day().to_string())
            .push_bind(f.start.precision())
            .push_bind(f.end.map(|e| e.first_day().to_string()))
            .push_bind(f.end.map(|e| e.precision()))
            .push_bind(f.span_end())
            .push_bind(f.city.clone())
            .push_bind(f.level.clone())
            .push_bind(f.leader_id)
            .push_bind(f.purpose.clone())
            .push_bind(f.size);
    })
    .await?;
    super::bulk::insert_links(
        tx,
        "INSERT INTO visit_provinces (visit_id, region_id) ",
        rows,
        |f| &f.provinces,
    )
    .await?;
    let places: Vec<(i64, i64, i64)> = rows
        .iter()
        .flat_map(|r| {
            r.fields
                .places
                .iter()
                .enumerate()
                .map(move |(i, p)| (r.id, *p, i as i64))
        })
        .collect();
    super::bulk::insert(
        tx,
        "INSERT INTO visit_places (visit_id, region_id, position) ",
        &places,
        |b, (v, p, i)| {
            b.push_bind(*v).push_bind(*p).push_bind(*i);
        },
    )
    .await?;
    SourcesOf::Visit.insert_many(tx, rows, |f| &f.sources).await
}

/// Writes all fields and children of an existing visit; `bump` raises its version.
pub(super) async fn write(tx: &mut Tx<'_>, id: i64, f: &Fields, bump: bool) -> Result<()> {
    sqlx::query(
        "UPDATE visits SET start_date = ?, start_precision = ?, end_date = ?, end_precision = ?, span_end = ?,
         city = ?, level = ?, leader_id = ?, purpose = ?, size = ?, updated_at = ?, version = version + ?
         WHERE id = ?",
    )
    .bind(f.start.first_day().to_string())
    .bind(f.start.precision())
    .bind(f.end.map(|e| e.first_day().to_string()))
    .bind(f.end.map(|e| e.precision()))
    .bind(f.span_end())
    .bind(&f.city)
    .bind(&f.level)
    .bind(f.leader_id)
    .bind(&f.purpose)
    .bind(f.size)
    .bind(now())
    .bind(bump as i64)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    write_children(tx, id, &f.provinces, &f.places, &f.sources).await
}

/// The provinces a delegation came from.
const PROVINCES: record::LinkTable = record::LinkTable {
    table: "visit_provinces",
    owner: "visit_id",
    link: "region_id",
    ordered: false,
};

/// The Korean places a delegation went to, in the order of its itinerary.
const PLACES: record::LinkTable = record::LinkTable {
    table: "visit_places",
    owner: "visit_id",
    link: "region_id",
    ordered: true,
};

async fn write_children(
    tx: &mut Tx<'_>,
    id: i64,
    provinces: &[i64],
    places: &[i64],
    sources: &[Source],
) -> Result<()> {
    PROVINCES.replace(tx, id, provinces).await?;
    PLACES.replace(tx, id, places).await?;
    SourcesOf::Visit.replace(tx, id, sources).await
}

/// Every live visit from these provinces: (id, first day, last day it may cover, province).
pub async fn spans(tx: &mut Tx<'_>, provinces: &[i64]) -> Result<Vec<(i64, String, String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT v.id, v.start_date, v.span_end, p.region_id FROM visit_provinces p JOIN visits v ON v.id = p.visit_id
         WHERE p.region_id IN (SELECT value FROM json_each(?)) AND v.deleted_at IS NULL",
    )
    .bind(serde_json::to_string(provinces)?)
    .fetch_all(&mut **tx)
    .await?)
}

/// The first and last day of each of these visits that is live, by id.
pub async fn live_spans(
    tx: &mut Tx<'_>,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, (String, String)>> {
    let mut out = std::collections::HashMap::new();
    for chunk in super::bulk::id_chunks(ids) {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, start_date, span_end FROM visits
             WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL",
        )
        .bind(chunk)
        .fetch_all(&mut **tx)
        .await?;
        out.extend(rows.into_iter().map(|(id, s, e)| (id, (s, e))));
    }
    Ok(out)
}

/// A live visit from one of these provinces whose dates overlap, other than `except`.
pub async fn find_overlap(tx: &mut Tx<'_>, f: &Fields, except: Option<i64>) -> Result<Option<i64>> {
    let provinces = serde_json::to_string(&f.provinces)?;
    let id = sqlx::query_scalar(
        "SELECT v.id FROM visits v
         WHERE v.deleted_at IS NULL AND v.id IS NOT ? AND v.start_date <= ? AND v.span_end >= ?
           AND EXISTS (SELECT 1 FROM visit_provinces p WHERE p.visit_id = v.id
                       AND p.region_id IN (SELECT value FROM json_each(?)))
         ORDER BY v.id LIMIT 1",
    )
    .bind(except)
    .bind(f.span_end())
    .bind(f.start.first_day().to_string())
    .bind(provinces)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(id)
}

/// Filters for `/visits list`, already resolved to ids.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub provinces: Vec<i64>,
    pub city: Option<String>,
    pub place: Option<i64>,
    pub official: Option<i64>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ListItem {
    pub id: i64,
    pub province: String,
    pub start: String,
    pub end: Option<String>,
    pub leader: Option<String>,
    #[serde(skip)]
    pub places_joined: Option<String>,
    #[serde(skip)]
    pub city: Option<String>,
}

/// A bound parameter of a filter: ids stay integers, the rest is text.
pub enum Param {
    Int(i64),
    Text(String),
}

/// Builds the WHERE clause and its parameters, in order, for a filter.
fn filter_sql(f: &Filter) -> (String, Vec<Param>) {
    let mut sql = String::from("v.deleted_at IS NULL");
    let mut params: Vec<Param> = Vec::new();
    if !f.provinces.is_empty() {
        sql.push_str(" AND EXISTS (SELECT 1 FROM visit_provinces p WHERE p.visit_id = v.id AND p.region_id IN (SELECT value FROM json_each(?)))");
        params.push(Param::Text(
            serde_json::to_string(&f.provinces).expect("ids serialize"),
        ));
    }
    if let Some(city) = &f.city {
        sql.push_str(" AND v.city LIKE ? ESCAPE '\\'");
        params.push(Param::Text(format!(
            "%{}%",
            city.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )));
    }
    if let Some(place) = f.place {
        sql.push_str(" AND EXISTS (SELECT 1 FROM visit_places pl WHERE pl.visit_id = v.id AND pl.region_id = ?)");
        params.push(Param::Int(place));
    }
    if let Some(official) = f.official {
        sql.push_str(
            // Driven from the official's own rows (leader index, participant index), so the
            // cost follows their record, not the size of the table.
            " AND v.id IN (SELECT id FROM visits WHERE leader_id = ?
                           UNION SELECT m.visit_id FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
                           WHERE mp.official_id = ? AND m.deleted_at IS NULL AND m.visit_id IS NOT NULL)",
        );
        params.push(Param::Int(official));
        params.push(Param::Int(official));
    }
    if let Some(from) = &f.from {
        // A visit known only to its month matches when its month reaches the range.
        sql.push_str(" AND v.start_date >= substr(?, 1, 7) || '-01' AND (v.start_precision = 'month' OR v.start_date >= ?)");
        params.push(Param::Text(from.clone()));
        params.push(Param::Text(from.clone()));
    }
    if let Some(to) = &f.to {
        sql.push_str(" AND v.start_date <= ?");
        params.push(Param::Text(to.clone()));
    }
    (sql, params)
}

pub async fn count(db: impl sqlx::SqliteExecutor<'_>, f: &Filter) -> Result<i64> {
    let (cond, params) = filter_sql(f);
    let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM visits v WHERE {cond}"
    )));
    for p in params {
        q = match p {
            Param::Int(n) => q.bind(n),
            Param::Text(s) => q.bind(s),
        };
    }
    Ok(q.fetch_one(db).await?)
}

/// One page of the visits `f` selects, newest first. The page is chosen from the ids alone,
/// then named: SQLite works out the columns of every row an OFFSET skips, which made a
/// province's page 5 three times slower than its ids.
pub async fn list(
    db: impl sqlx::SqliteExecutor<'_>,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> Result<Vec<ListItem>> {
    let (cond, params) = filter_sql(f);
    let sql = format!(
        "SELECT v.id,
           (SELECT group_concat(name, ', ') FROM (SELECT r.name FROM visit_provinces p JOIN regions r ON r.id = p.region_id
              WHERE p.visit_id = v.id ORDER BY r.name)) AS province,
           v.start_shown AS start,
           v.end_shown AS \"end\",
           o.name AS leader,
           (SELECT group_concat(name, ', ') FROM (SELECT r.name FROM visit_places pl JOIN regions r ON r.id = pl.region_id
              WHERE pl.visit_id = v.id ORDER BY pl.position)) AS places_joined,
           v.city
         FROM (SELECT v.id FROM visits v WHERE {cond}
                ORDER BY v.start_date DESC, v.id DESC LIMIT {limit} OFFSET {offset}) page
         JOIN visits v ON v.id = page.id LEFT JOIN officials o ON o.id = v.leader_id
         ORDER BY v.start_date DESC, v.id DESC"
    );
    let mut q = sqlx::query_as::<_, ListItem>(sqlx::AssertSqlSafe(sql));
    for p in params {
        q = match p {
            Param::Int(n) => q.bind(n),
            Param::Text(s) => q.bind(s),
        };
    }
    Ok(q.fetch_all(db).await?)
}

impl ListItem {
    pub fn places(&self) -> Vec<String> {
        self.places_joined
            .as_deref()
            .map(|s| s.split(", ").map(String::from).collect())
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingBrief {
    pub id: i64,
    pub date: String,
    pub officials: Vec<String>,
    pub place: Option<String>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ForumBrief {
    pub id: i64,
    pub name: String,
    pub start: String,
}

/// A live visit with every name resolved: what `/visits show` displays and returns.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub id: i64,
    pub provinces: Vec<String>,
    pub city: Option<String>,
    pub level: Option<String>,
    pub start: String,
    pub end: Option<String>,
    /// It starts after today.
    pub planned: bool,
    pub leader: Option<String>,
    pub places: Vec<String>,
    pub purpose: Option<String>,
    pub size: Option<i64>,
    pub meetings: Vec<MeetingBrief>,
    pub forums: Vec<ForumBrief>,
    pub sources: Vec<Source>,
    pub version: i64,
    pub dataset: String,
    pub last_change: Option<super::audit::LastChange>,
}

/// Everything `/visits show` presents about a live visit, names resolved.
pub async fn view(db: &SqlitePool, id: i64) -> Result<Option<View>> {
    let mut tx = db.begin().await?;
    let live = snapshot(&mut tx, id).await?;
    let Some(s) = live.filter(|s| s.row.stamp.deleted_at.is_none()) else {
        return Ok(None);
    };
    let (r, fields) = (&s.row, Fields::from_snapshot(&s));
    let leader: Option<String> = match r.leader_id {
        Some(l) => {
            sqlx::query_scalar("SELECT name FROM officials WHERE id = ?")
                .bind(l)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    let meeting_rows: Vec<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT m.id, m.date_shown, m.place,
                (SELECT group_concat(o.name, '; ') FROM meeting_participants mp JOIN officials o ON o.id = mp.official_id
                 WHERE mp.meeting_id = m.id)
         FROM meetings m WHERE m.visit_id = ? AND m.deleted_at IS NULL ORDER BY m.date, m.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let meetings = meeting_rows
        .into_iter()
        .map(|(id, date, place, names)| MeetingBrief {
            id,
            date,
            place,
            officials: names
                .map(|n| n.split("; ").map(String::from).collect())
                .unwrap_or_default(),
        })
        .collect();
    let forums = sqlx::query_as(
        "SELECT f.id, f.name, f.start_shown AS start FROM forums f JOIN forum_visits fv ON fv.forum_id = f.id
         WHERE fv.visit_id = ? AND f.deleted_at IS NULL ORDER BY f.start_date, f.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let last_change: Option<(String, String)> = sqlx::query_as(
        "SELECT b.actor, b.at FROM audit_entries e JOIN audit_batches b ON b.id = e.batch_id
         WHERE e.entity = 'visit' AND e.entity_id = ? ORDER BY e.id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(Some(View {
        id,
        provinces: super::region::names(&mut *tx, &s.provinces).await?,
        city: r.city.clone(),
        level: r.level.clone(),
        start: fields.start.to_string(),
        end: fields.end.map(|e| e.to_string()),
        planned: r.start_date > crate::domain::Day::today().to_string(),
        leader,
        places: super::region::names(&mut *tx, &s.places).await?,
        purpose: r.purpose.clone(),
        size: r.size,
        meetings,
        forums,
        sources: s.sources.clone(),
        version: r.stamp.version,
        dataset: r.stamp.dataset.clone(),
        last_change: last_change.map(Into::into),
    }))
}

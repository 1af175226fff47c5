//! Records as rows of named cells, then as CSV or JSON bytes.

use serde_json::{Map, Value as Json, json};
use sqlx::SqlitePool;

use super::{Kind, neutralize};
use crate::error::Result;

pub type Row = Map<String, Json>;

const DISPLAY: &str = "CASE {p} WHEN 'month' THEN substr({d}, 1, 7) ELSE {d} END";

fn display(date: &str, precision: &str) -> String {
    DISPLAY.replace("{p}", precision).replace("{d}", date)
}

/// Every live record of one kind, oldest id first.
pub async fn rows(db: &SqlitePool, kind: Kind) -> Result<Vec<Row>> {
    let mut out = Vec::new();
    match kind {
        Kind::Visits => {
            let sql = format!(
                "SELECT v.id,
                   (SELECT group_concat(r.name, ', ') FROM (SELECT r.name FROM visit_provinces p JOIN regions r ON r.id = p.region_id
                      WHERE p.visit_id = v.id ORDER BY r.name) r),
                   v.city, v.level, {}, {}, o.name,
                   (SELECT group_concat(r.name, ', ') FROM (SELECT r.name FROM visit_places p JOIN regions r ON r.id = p.region_id
                      WHERE p.visit_id = v.id ORDER BY p.position) r),
                   v.purpose, v.size,
                   (SELECT json_group_array(json_object('url', s.url, 'title', s.title, 'date', s.published))
                      FROM (SELECT * FROM visit_sources s WHERE s.visit_id = v.id ORDER BY s.id) s)
                 FROM visits v LEFT JOIN officials o ON o.id = v.leader_id WHERE v.deleted_at IS NULL ORDER BY v.id",
                display("v.start_date", "v.start_precision"),
                display("v.end_date", "v.end_precision")
            );
            type R = (
                i64,
                Option<String>,
                Option<String>,
                Option<String>,
                String,
                Option<String>,
                Option<String>,
                Option<String>,
                Option<String>,
                Option<i64>,
                String,
            );
            for (id, province, city, level, start, end, leader, places, purpose, size, sources) in
                sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(sql))
                    .fetch_all(db)
                    .await?
            {
                let sources: Json = serde_json::from_str(&sources)?;
                out.push(obj(json!({"id": id, "province": province, "city": city, "level": level, "start": start, "end": end,
                    "leader": leader, "places": places, "purpose": purpose, "size": size, "sources": sources})));
            }
        }
        Kind::Officials => out = officials_plain(db).await?,
        Kind::Meetings => {
            let sql = format!(
                "SELECT m.id, {},
                   (SELECT group_concat(name, '; ') FROM (SELECT o.name FROM meeting_participants mp JOIN officials o ON o.id = mp.official_id
                      WHERE mp.meeting_id = m.id ORDER BY o.name)),
                   m.place, m.visit_id, m.summary
                 FROM meetings m WHERE m.deleted_at IS NULL ORDER BY m.id",
                display("m.date", "m.date_precision")
            );
            type R = (
                i64,
                String,
                Option<String>,
                Option<String>,
                Option<i64>,
                Option<String>,
            );
            for (id, date, officials, place, visit, summary) in
                sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(sql))
                    .fetch_all(db)
                    .await?
            {
                out.push(obj(json!({"id": id, "date": date, "officials": officials, "place": place, "visit": visit, "summary": summary})));
            }
        }
        Kind::Forums => {
            let sql = format!(
                "SELECT f.id, f.name, f.kind, f.edition, {}, {}, f.place, f.organizer,
                   (SELECT group_concat(visit_id, ', ') FROM (SELECT fv.visit_id FROM forum_visits fv JOIN visits v ON v.id = fv.visit_id
                      AND v.deleted_at IS NULL WHERE fv.forum_id = f.id ORDER BY fv.visit_id))
                 FROM forums f WHERE f.deleted_at IS NULL ORDER BY f.id",
                display("f.start_date", "f.start_precision"),
                display("f.end_date", "f.end_precision")
            );
            type R = (
                i64,
                String,
                String,
                Option<String>,
                String,
                Option<String>,
                Option<String>,
                Option<String>,
                Option<String>,
            );
            for (id, name, kind, edition, start, end, place, organizer, visits) in
                sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(sql))
                    .fetch_all(db)
                    .await?
            {
                out.push(obj(json!({"id": id, "name": name, "kind": kind, "edition": edition, "start": start, "end": end,
                    "place": place, "organizer": organizer, "visits": visits})));
            }
        }
    }
    Ok(out)
}

/// Officials with the aliases that are not simply their name or local name.
async fn officials_plain(db: &SqlitePool) -> Result<Vec<Row>> {
    type R = (
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let people = sqlx::query_as::<_, R>(
        "SELECT o.id, o.name, o.local_name, o.country, o.title, o.organization, r.name
         FROM officials o LEFT JOIN regions r ON r.id = o.province_id WHERE o.deleted_at IS NULL ORDER BY o.id",
    )
    .fetch_all(db)
    .await?;
    let aliases: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT official_id, norm, alias FROM official_aliases ORDER BY official_id, alias",
    )
    .fetch_all(db)
    .await?;
    let mut out = Vec::new();
    for (id, name, local_name, country, title, organization, province) in people {
        let own = [
            Some(crate::domain::normalize(&name)),
            local_name.as_deref().map(crate::domain::normalize),
        ];
        let extra: Vec<&str> = aliases
            .iter()
            .filter(|(o, norm, _)| *o == id && !own.contains(&Some(norm.clone())))
            .map(|(_, _, a)| a.as_str())
            .collect();
        let aliases = (!extra.is_empty()).then(|| extra.join("; "));
        out.push(obj(json!({"id": id, "name": name, "local_name": local_name, "country": country, "title": title,
            "organization": organization, "province": province, "aliases": aliases})));
    }
    Ok(out)
}

fn obj(v: Json) -> Row {
    match v {
        Json::Object(m) => m,
        _ => unreachable!("rows are built as objects"),
    }
}

/// One cell as CSV text: sources become one "url | title | date" line each.
fn cell(v: Option<&Json>) -> String {
    match v {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        Some(Json::Array(items)) => items
            .iter()
            .map(|s| {
                let part = |k: &str| s.get(k).and_then(Json::as_str).unwrap_or("").to_string();
                let mut line = part("url");
                let (title, date) = (part("title"), part("date"));
                if !title.is_empty() || !date.is_empty() {
                    line.push_str(&format!(" | {title}"));
                }
                if !date.is_empty() {
                    line.push_str(&format!(" | {date}"));
                }
                line
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Some(other) => other.to_string(),
    }
}

pub fn to_csv(kind: Kind, rows: &[Row]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(kind.columns()).map_err(anyhow::Error::new)?;
    for row in rows {
        let cells: Vec<String> = kind
            .columns()
            .iter()
            .map(|c| neutralize(&cell(row.get(*c))))
            .collect();
        w.write_record(&cells).map_err(anyhow::Error::new)?;
    }
    Ok(w.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?)
}

/// JSON: an array for one kind, an object of arrays for several. Empty values are left
/// out so files stay small and hand-editable.
pub fn to_json(parts: &[(Kind, Vec<Row>)]) -> Result<Vec<u8>> {
    let strip = |rows: &Vec<Row>| -> Vec<Json> {
        rows.iter()
            .map(|r| {
                Json::Object(
                    r.iter()
                        .filter(|(_, v)| !v.is_null() && *v != &json!([]))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                )
            })
            .collect()
    };
    let value = match parts {
        [(_, rows)] => Json::Array(strip(rows)),
        many => Json::Object(
            many.iter()
                .map(|(k, rows)| (k.name().to_string(), Json::Array(strip(rows))))
                .collect(),
        ),
    };
    let mut bytes = serde_json::to_vec_pretty(&value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

//! Records as rows of named cells, then as CSV or JSON bytes.

use crate::transfer::Columns;
use serde_json::{Map, Value as Json, json};
use sqlx::SqliteConnection;

use super::{DATABASE, Entity, Headers, neutralize};
use crate::error::Result;
pub use crate::store::sheet::Row;

/// Every live record of one kind, oldest id first; with `only`, just those ids.
pub async fn rows(
    conn: &mut SqliteConnection,
    kind: Entity,
    only: Option<&[i64]>,
) -> Result<Vec<Row>> {
    crate::store::sheet::rows(conn, kind, only).await
}

/// One cell as CSV text: sources become one "url | title | date" line each.
pub fn cell(v: Option<&Json>) -> String {
    match v {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        Some(Json::Array(items)) => items
            .iter()
            .map(|s| {
                let part = |k: &str| s.get(k).and_then(Json::as_str).unwrap_or("");
                super::source_line(part("url"), part("title"), part("date"))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Some(other) => other.to_string(),
    }
}

/// CSV with a UTF-8 byte-order mark, so that Excel (Korean Excel included) reads Hangul and
/// Hanzi right; every row names the database it comes from. The header row is in the
/// language of `headers`; import reads either.
pub fn to_csv(kind: Entity, rows: &[Row], identity: &str, headers: Headers) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(kind.columns().iter().map(|c| headers.name(kind, c)))
        .map_err(anyhow::Error::new)?;
    for row in rows {
        let cells: Vec<String> = kind
            .columns()
            .iter()
            .map(|c| match *c {
                DATABASE => identity.to_string(),
                c => neutralize(&cell(row.get(c))),
            })
            .collect();
        w.write_record(&cells).map_err(anyhow::Error::new)?;
    }
    Ok(w.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?)
}

/// JSON: an object with the database's identity and one array per kind. Empty values are
/// left out so files stay small and hand-editable.
pub fn to_json(parts: &[(Entity, Vec<Row>)], identity: &str) -> Result<Vec<u8>> {
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
    let mut value = Map::new();
    value.insert(DATABASE.into(), Json::String(identity.to_string()));
    for (k, rows) in parts {
        value.insert(k.plural().to_string(), Json::Array(strip(rows)));
    }
    let mut bytes = serde_json::to_vec_pretty(&Json::Object(value))?;
    bytes.push(b'\n');
    Ok(bytes)
}

//! An outcome that came of a visit is dated within the visit (its days; at month
//! precision, its month overlaps them) and is for the visit's provinces, the rule meetings
//! follow. A moderator may link one anyway with `force:true`, and is told so.

use std::collections::HashMap;

use crate::domain::FlexDate;
use crate::error::Result;
use crate::store::{Tx, bulk};

/// What a linked visit offers to check against: its first and last day, its provinces.
#[derive(Debug, Clone)]
pub struct VisitSpan {
    pub start: String,
    pub end: String,
    /// The start and end as shown (`2024-05` at month precision).
    pub shown: (String, String),
    pub provinces: Vec<i64>,
}

/// The spans of those of `ids` that are live visits.
pub async fn visit_spans(tx: &mut Tx<'_>, ids: &[i64]) -> Result<HashMap<i64, VisitSpan>> {
    let mut out = HashMap::new();
    for chunk in bulk::id_chunks(ids) {
        let rows: Vec<(i64, String, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT v.id, v.start_date, v.span_end, v.start_shown, coalesce(v.end_shown, v.start_shown),
                    (SELECT json_group_array(p.region_id) FROM visit_provinces p WHERE p.visit_id = v.id)
               FROM visits v WHERE v.id IN (SELECT value FROM json_each(?)) AND v.deleted_at IS NULL",
        )
        .bind(chunk)
        .fetch_all(&mut **tx)
        .await?;
        for (id, start, end, shown_start, shown_end, provinces) in rows {
            let provinces = provinces
                .and_then(|p| serde_json::from_str(&p).ok())
                .unwrap_or_default();
            out.insert(
                id,
                VisitSpan {
                    start,
                    end,
                    shown: (shown_start, shown_end),
                    provinces,
                },
            );
        }
    }
    Ok(out)
}

/// How an outcome does not fit the visit it is linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misfit {
    /// Dated outside the visit.
    Outside,
    /// For provinces the visit did not come from (their ids).
    Provinces(Vec<i64>),
}

/// What keeps an outcome dated `date` for `provinces` from fitting `visit` (empty: it fits).
pub fn misfits(date: FlexDate, provinces: &[i64], visit: &VisitSpan) -> Vec<Misfit> {
    let mut out = Vec::new();
    if !date.falls_within(&visit.start, &visit.end) {
        out.push(Misfit::Outside);
    }
    let others: Vec<i64> = provinces
        .iter()
        .filter(|p| !visit.provinces.contains(p))
        .copied()
        .collect();
    if !others.is_empty() {
        out.push(Misfit::Provinces(others));
    }
    out
}

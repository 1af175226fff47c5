//! What is said of records that repeat or do not fit one another, from the store's data
//! (`store::outcome::link::Misfit`, `store::outcome::Repeat`).

use std::collections::HashMap;

use crate::domain::FlexDate;
use crate::error::{Message, Refusal};
use crate::msg;
use crate::store::outcome::link::{Misfit, VisitSpan};
use crate::store::outcome::{Duplicate, Repeat};

/// What two outcomes share that makes one repeat the other ("title" or "amount").
pub fn repeat(by: &str) -> Message {
    match by {
        "amount" => msg!("repeat-amount"),
        _ => msg!("repeat-title"),
    }
}

impl Repeat {
    /// The name `Refusal::Duplicate` carries.
    pub fn name(self) -> &'static str {
        match self {
            Repeat::Title => "title",
            Repeat::Amount => "amount",
        }
    }
}

impl From<Duplicate> for Refusal {
    fn from(d: Duplicate) -> Refusal {
        Refusal::Duplicate {
            kind: "outcome",
            id: d.id,
            by: d.by.name(),
        }
    }
}

/// A meeting or forum (`kind`) that repeats record `id`.
pub fn duplicate(kind: &'static str, id: i64) -> Refusal {
    Refusal::Duplicate { kind, id, by: "" }
}

/// "dated 2023-07-01, outside visit #1 (2024-05-29 to 2024-05-31), and for Jiangsu, which
/// visit #1 did not come from (Hainan)"; `names` gives provinces their names.
pub fn misfits(
    date: FlexDate,
    visit_id: i64,
    visit: &VisitSpan,
    misfits: &[Misfit],
    names: &HashMap<i64, String>,
) -> Message {
    let named = |ids: &[i64]| {
        ids.iter()
            .filter_map(|i| names.get(i).cloned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let id = visit_id.to_string();
    let mut said = misfits.iter().map(|m| match m {
        Misfit::Outside => msg!(
            "misfit-outside",
            date = date.to_string(),
            visit = id.as_str(),
            from = visit.shown.0.to_string(),
            to = visit.shown.1.to_string()
        ),
        Misfit::Provinces(others) => msg!(
            "misfit-provinces",
            provinces = named(others),
            visit = id.as_str(),
            came = named(&visit.provinces)
        ),
    });
    let first = said.next().unwrap_or_else(|| Message::verbatim(""));
    said.fold(first, |first, second| {
        msg!("misfit-both", first = first, second = second)
    })
}

//! One record as read from a file: where it stands and its non-empty cells, with typed
//! accessors whose refusals name the line and the column that is wrong.

use super::{DATABASE, Entity};
use crate::domain::{FlexDate, Text};
use crate::error::Message;
use crate::transfer::Columns;

/// Where a record stands in its file: a CSV line, or the n-th item of a JSON section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Line(u32),
    Item(Entity, u32),
}

impl Location {
    /// "line 3", "visits item 2", in the reader's language once rendered.
    pub fn message(self) -> Message {
        match self {
            Location::Line(n) => crate::msg!("import-at-line", n = n),
            Location::Item(kind, n) => crate::msg!("import-at-item", kind = kind.plural(), n = n),
        }
    }
}

/// English, for data (`ask --json`) and logs.
impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

/// A record kind's name (`visit`) as messages take it: "visit", "방문", "访问".
pub(crate) fn kind_name(kind: Entity) -> Message {
    match kind {
        Entity::Visit => crate::msg!("kind-visit"),
        Entity::Meeting => crate::msg!("kind-meeting"),
        Entity::Forum => crate::msg!("kind-forum"),
        Entity::Official => crate::msg!("kind-official"),
        Entity::Outcome => crate::msg!("kind-outcome"),
    }
}

#[derive(Debug, Clone)]
pub struct Item {
    pub kind: Entity,
    pub at: Location,
    /// (column, trimmed non-empty text), in file order.
    pub cells: Vec<(&'static str, String)>,
}

/// A row that cannot be imported: where, which column, and why (one sentence).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Refusal {
    #[serde(serialize_with = "as_text")]
    pub at: Location,
    pub column: Option<&'static str>,
    /// Said in English in data (`ask --json`); in the reader's language in replies.
    #[serde(serialize_with = "in_english")]
    pub reason: Message,
}

/// A message said in English, as data holds it.
pub(crate) fn in_english<S: serde::Serializer>(m: &Message, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(m)
}

fn as_text<S: serde::Serializer>(at: &Location, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(at)
}

/// The largest id a file may carry: ids beyond what a JSON number holds exactly would
/// change on their way through other tools.
pub const MAX_ID: i64 = (1 << 53) - 1;

impl Item {
    pub fn get(&self, column: &str) -> Option<&str> {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn set_identity(&mut self, identity: &str) {
        if self.get(DATABASE).is_none() {
            self.cells.push((DATABASE, identity.to_string()));
        }
    }

    /// A refusal of this row, pointing at `column`.
    pub fn refuse(&self, column: Option<&'static str>, reason: impl Into<Message>) -> Refusal {
        Refusal {
            at: self.at,
            column,
            reason: reason.into(),
        }
    }

    /// Wraps a value's own error as a refusal of `column`.
    pub fn at<E: Into<Message>>(&self, column: &'static str) -> impl Fn(E) -> Refusal + '_ {
        move |e| self.refuse(Some(column), e)
    }

    pub fn text(&self, column: &'static str, max: usize) -> Result<Option<String>, Refusal> {
        self.get(column)
            .map(|v| Text::parse(column, v, max).map(Text::into_string))
            .transpose()
            .map_err(self.at(column))
    }

    pub fn required(&self, column: &'static str) -> Result<&str, Refusal> {
        self.get(column).ok_or_else(|| {
            self.refuse(
                Some(column),
                crate::msg!(
                    "import-required",
                    column = column,
                    kind = kind_name(self.kind)
                ),
            )
        })
    }

    pub fn int(&self, column: &'static str, min: i64, max: i64) -> Result<Option<i64>, Refusal> {
        let Some(v) = self.get(column) else {
            return Ok(None);
        };
        match crate::domain::text::plain(v).parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(self.refuse(
                Some(column),
                crate::msg!(
                    "import-whole-number",
                    value = v.chars().take(20).collect::<String>(),
                    min = min.to_string(),
                    max = max.to_string()
                ),
            )),
        }
    }

    pub fn date(&self, column: &'static str) -> Result<Option<FlexDate>, Refusal> {
        self.get(column)
            .map(FlexDate::parse)
            .transpose()
            .map_err(self.at(column))
    }

    pub fn required_date(&self, column: &'static str) -> Result<FlexDate, Refusal> {
        self.required(column)?;
        Ok(self.date(column)?.expect("present"))
    }

    /// The record number, when the row gives one: positive and below 2^53.
    pub fn id(&self) -> Result<Option<i64>, Refusal> {
        self.int("id", 1, MAX_ID)
    }

    pub fn version(&self) -> Result<Option<i64>, Refusal> {
        self.int("version", 1, MAX_ID)
    }

    /// Whether the row comes from the database with this identity.
    pub fn from_database(&self, identity: &str) -> bool {
        self.get(DATABASE) == Some(identity)
    }

    /// The columns whose text differs from the record as export writes it, as
    /// "purpose: old → new"; empty when the row says exactly what the record holds.
    pub fn differences(&self, current: &super::export::Row) -> Vec<String> {
        let show = |s: &str| -> String {
            let s = s.trim().replace('\n', " / ");
            match s.chars().count() {
                0 => "—".into(),
                n if n > 60 => format!("{}…", s.chars().take(59).collect::<String>()),
                _ => s,
            }
        };
        self.kind
            .columns()
            .iter()
            .filter(|c| !matches!(**c, "id" | "version" | DATABASE))
            .filter_map(|c| {
                let new = self.get(c).unwrap_or("");
                let old = super::export::cell(current.get(*c));
                // Dates and amounts as read, not as typed: `15억` is 1500000000 KRW.
                let currency = |row_currency: Option<&str>| {
                    row_currency.and_then(|c| crate::domain::Currency::parse(c).ok())
                };
                let (old, new) = match *c {
                    "amount" => (
                        as_money(
                            &old,
                            currency(Some(&super::export::cell(current.get("currency")))),
                        ),
                        as_money(new, currency(self.get("currency"))),
                    ),
                    "date" | "start" | "end" | "source_date" | "published" => {
                        (as_date(&old), as_date(new))
                    }
                    _ => (old.trim().to_string(), new.to_string()),
                };
                (old != new).then(|| format!("{c}: {} → {}", show(&old), show(&new)))
            })
            .collect()
    }

    /// A `;`-separated list cell (aliases), items trimmed and non-empty.
    pub fn list(&self, column: &str) -> Vec<&str> {
        self.get(column)
            .map(|c| {
                c.split(';')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// An amount cell as read (`KRW 1,500,000,000`), or as typed when it does not read.
fn as_money(cell: &str, currency: Option<crate::domain::Currency>) -> String {
    match crate::domain::Money::parse(cell.trim(), currency) {
        Ok(m) if !cell.trim().is_empty() => m.to_string(),
        _ => cell.trim().to_string(),
    }
}

/// A date cell as read (`2024-06-03`, `2024-06`), or as typed when it does not read.
fn as_date(cell: &str) -> String {
    match crate::domain::FlexDate::parse(cell.trim()) {
        Ok(d) if !cell.trim().is_empty() => d.to_string(),
        _ => cell.trim().to_string(),
    }
}

//! Reading CSV and JSON files of records, and applying them in one transaction. A bad
//! row stops everything and is reported by its line (or item) and column.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value as Json;
use sqlx::SqlitePool;

use super::{Kind, unneutralize};
use crate::commands::checks;
use crate::domain::text::{LONG_MAX, NAME_MAX, SHORT_MAX};
use crate::domain::{Country, FlexDate, ForumKind, Text, normalize};
use crate::error::{Error, Result, UserError};
use crate::store::{Entity, Tx, audit, forum, meeting, official, visit};

/// The largest file an import reads (README "Limits").
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// One record read from a file: where it stood and its non-empty cells.
#[derive(Debug, Clone)]
pub struct Item {
    pub kind: Kind,
    pub location: String,
    pub cells: HashMap<String, String>,
}

impl Item {
    fn get(&self, column: &str) -> Option<&str> {
        self.cells.get(column).map(String::as_str)
    }

    /// Wraps a problem with one cell into a sentence that points at it.
    fn at(&self, column: &str) -> impl Fn(Error) -> Error + '_ {
        let column = column.to_string();
        move |e| match e {
            Error::User(u) => Error::User(UserError::new(format!(
                "{}, column `{column}`: {}",
                self.location, u.0
            ))),
            other => other,
        }
    }

    fn text(&self, column: &str, max: usize) -> Result<Option<String>> {
        self.get(column)
            .map(|v| {
                Text::parse(column, v, max)
                    .map(Text::into_string)
                    .map_err(Error::from)
            })
            .transpose()
            .map_err(self.at(column))
    }

    fn required(&self, column: &str) -> Result<&str> {
        self.get(column).ok_or_else(|| {
            Error::User(UserError::new(format!(
                "{}: column `{column}` is empty; every {} needs it.",
                self.location,
                singular(self.kind)
            )))
        })
    }

    fn int(&self, column: &str, min: i64, max: i64) -> Result<Option<i64>> {
        let Some(v) = self.get(column) else {
            return Ok(None);
        };
        match v.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(self.at(column)(
                UserError::new(format!(
                    "`{}` must be a whole number from {min} to {max}.",
                    v.chars().take(20).collect::<String>()
                ))
                .into(),
            )),
        }
    }

    fn date(&self, column: &str) -> Result<Option<FlexDate>> {
        self.get(column)
            .map(|v| FlexDate::parse(v).map_err(Error::from))
            .transpose()
            .map_err(self.at(column))
    }

    fn id(&self) -> Result<Option<i64>> {
        self.int("id", 1, i64::MAX)
    }
}

fn singular(kind: Kind) -> &'static str {
    match kind {
        Kind::Visits => "visit",
        Kind::Officials => "official",
        Kind::Meetings => "meeting",
        Kind::Forums => "forum",
    }
}

fn user(message: String) -> Error {
    Error::User(UserError::new(message))
}

/// Reads a file into items, checking its shape but not yet its values.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Vec<Item>> {
    if bytes.len() > MAX_BYTES {
        return Err(user(format!(
            "{name} is {} MB; import files may be at most {} MB, so split it.",
            bytes.len() / 1_000_000,
            MAX_BYTES / 1_000_000
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        user(format!("{name} line {line} is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in Excel) and try again."))
    })?;
    let first = text.trim_start().chars().next();
    let items = match first {
        None => {
            return Err(user(format!(
                "{name} is empty; export a file first to see the expected columns."
            )));
        }
        Some('[' | '{') => parse_json(name, text)?,
        Some(_) if name.to_lowercase().ends_with(".json") => parse_json(name, text)?,
        Some(_) => parse_csv(name, text)?,
    };
    if items.is_empty() {
        return Err(user(format!(
            "{name} holds no records; add rows under the header."
        )));
    }
    Ok(items)
}

fn parse_csv(name: &str, text: &str) -> Result<Vec<Item>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| user(format!("{name}: the header line cannot be read ({e}); the first line must name the columns.")))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let kind = Kind::detect(headers.iter().map(String::as_str)).ok_or_else(|| {
        user(format!(
            "{name}: the header must name the columns, e.g. `province,start` for visits, `name,country` for officials, `date,officials` for meetings or `name,kind,start` for forums."
        ))
    })?;
    check_columns(name, kind, headers.iter().map(String::as_str))?;
    let mut items = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.kind() {
            csv::ErrorKind::UnequalLengths { pos, expected_len, len } => user(format!(
                "{name} line {}: {len} cells where the header has {expected_len}; quote cells that contain commas.",
                pos.as_ref().map(|p| p.line()).unwrap_or(0)
            )),
            _ => user(format!("{name}: {e}; check the quotes in the file.")),
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cells = headers
            .iter()
            .zip(record.iter())
            .map(|(h, v)| (h.clone(), unneutralize(v.trim()).trim().to_string()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        items.push(Item {
            kind,
            location: format!("{name} line {line}"),
            cells,
        });
    }
    Ok(items)
}

fn check_columns<'a>(
    name: &str,
    kind: Kind,
    columns: impl Iterator<Item = &'a str> + Clone,
) -> Result<()> {
    for c in columns.clone() {
        if !kind.columns().contains(&c) && !kind.extra().contains(&c) {
            return Err(user(format!(
                "{name}: column `{}` is not a {} column; use: {}.",
                c.chars().take(40).collect::<String>(),
                singular(kind),
                kind.columns().join(", ")
            )));
        }
    }
    for r in kind.required() {
        let alternative = format!("{r}_date");
        if !columns.clone().any(|c| c == *r || c == alternative) {
            return Err(user(format!(
                "{name}: {} files need a `{r}` column.",
                singular(kind)
            )));
        }
    }
    Ok(())
}

fn parse_json(name: &str, text: &str) -> Result<Vec<Item>> {
    let value: Json = serde_json::from_str(text).map_err(|e| {
        user(format!(
            "{name} is not valid JSON (line {}, column {}); fix it or export a file to compare.",
            e.line(),
            e.column()
        ))
    })?;
    let sections: Vec<(Option<Kind>, &Vec<Json>)> = match &value {
        Json::Array(items) => vec![(None, items)],
        Json::Object(map) => {
            let mut out = Vec::new();
            for (key, v) in map {
                let kind = Kind::parse(key).ok_or_else(|| {
                    user(format!("{name}: `{}` is not a section I know; use visits, officials, meetings or forums.", key.chars().take(40).collect::<String>()))
                })?;
                let Json::Array(items) = v else {
                    return Err(user(format!(
                        "{name}: `{key}` must be an array of records."
                    )));
                };
                out.push((Some(kind), items));
            }
            out
        }
        _ => {
            return Err(user(format!(
                "{name}: a JSON import must be an array of records, or an object of arrays such as {{\"visits\": [...]}}."
            )));
        }
    };
    let mut items = Vec::new();
    for (kind, records) in sections {
        for (i, record) in records.iter().enumerate() {
            let Json::Object(fields) = record else {
                return Err(user(format!(
                    "{name}: item {} is not an object with named fields.",
                    i + 1
                )));
            };
            let kind = match kind {
                Some(k) => k,
                None => Kind::detect(fields.keys().map(String::as_str)).ok_or_else(|| {
                    user(format!("{name}: item {} has no `province` and `start` (visit) or `name` and `country` (official) fields.", i + 1))
                })?,
            };
            let location = format!("{name} {} item {}", kind.name(), i + 1);
            check_columns(&location, kind, fields.keys().map(String::as_str))?;
            let cells = fields
                .iter()
                .filter_map(|(k, v)| json_cell(v).map(|c| (k.clone(), c)))
                .filter(|(_, v)| !v.is_empty())
                .collect();
            items.push(Item {
                kind,
                location,
                cells,
            });
        }
    }
    Ok(items)
}

/// A JSON value as the text a CSV cell would hold.
fn json_cell(v: &Json) -> Option<String> {
    match v {
        Json::Null => None,
        Json::String(s) => Some(s.trim().to_string()),
        Json::Array(items) => Some(
            items
                .iter()
                .map(|i| match i {
                    Json::Object(o) => ["url", "title", "date"]
                        .iter()
                        .map(|k| o.get(*k).and_then(Json::as_str).unwrap_or("").to_string())
                        .collect::<Vec<_>>()
                        .join(" | ")
                        .trim_end_matches(" | ")
                        .trim_end_matches(" |")
                        .to_string(),
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(if items.iter().all(|i| i.is_object()) {
                    "\n"
                } else {
                    ", "
                }),
        ),
        other => Some(other.to_string()),
    }
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// Applies items in dependency order inside the caller's transaction.
pub async fn apply(
    db: &SqlitePool,
    tx: &mut Tx<'_>,
    batch: i64,
    mut items: Vec<Item>,
    dataset: &str,
    force: bool,
) -> Result<BTreeMap<Kind, Counts>> {
    items.sort_by_key(|i| i.kind);
    let mut counts: BTreeMap<Kind, Counts> = BTreeMap::new();
    for item in &items {
        let outcome = match item.kind {
            Kind::Officials => apply_official(db, tx, batch, item, dataset).await?,
            Kind::Visits => apply_visit(db, tx, batch, item, dataset, force).await?,
            Kind::Forums => apply_forum(tx, batch, item, dataset).await?,
            Kind::Meetings => apply_meeting(tx, batch, item, dataset).await?,
        };
        let c = counts.entry(item.kind).or_default();
        match outcome {
            Outcome::Created => c.created += 1,
            Outcome::Updated => c.updated += 1,
            Outcome::Unchanged => c.unchanged += 1,
        }
    }
    Ok(counts)
}

/// Whether an id names a record, and whether that record is live.
async fn existing(
    tx: &mut Tx<'_>,
    item: &Item,
    entity: Entity,
) -> Result<Option<serde_json::Value>> {
    let Some(id) = item.id()? else {
        return Ok(None);
    };
    let snap = audit::snapshot(tx, entity, id).await?;
    if let Some(s) = &snap
        && !s["deleted_at"].is_null()
    {
        return Err(user(format!(
            "{}: {} #{id} was deleted; leave `id` empty to add it anew, or /data undo the deletion.",
            item.location,
            entity.as_str()
        )));
    }
    Ok(snap)
}

async fn apply_official(
    db: &SqlitePool,
    tx: &mut Tx<'_>,
    batch: i64,
    item: &Item,
    dataset: &str,
) -> Result<Outcome> {
    let name = Text::parse("name", item.required("name")?, NAME_MAX)
        .map_err(Error::from)
        .map_err(item.at("name"))?
        .into_string();
    let f = official::Fields {
        name,
        local_name: item.text("local_name", NAME_MAX)?,
        country: Country::parse(item.required("country")?)
            .map_err(Error::from)
            .map_err(item.at("country"))?
            .label()
            .to_string(),
        title: item.text("title", SHORT_MAX)?,
        organization: item.text("organization", SHORT_MAX)?,
        province_id: match item.get("province") {
            Some(p) => Some(checks::province(db, p).await.map_err(item.at("province"))?),
            None => None,
        },
    };
    let aliases: Vec<String> = item
        .get("aliases")
        .map(|a| {
            a.split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    for a in &aliases {
        Text::parse("aliases", a, NAME_MAX)
            .map_err(Error::from)
            .map_err(item.at("aliases"))?;
    }
    if let Some(before) = existing(tx, item, Entity::Official).await? {
        let id = before["id"].as_i64().expect("snapshots carry ids");
        let current: official::Snapshot = serde_json::from_value(before.clone())?;
        let r = &current.row;
        let same = official::Fields {
            name: r.name.clone(),
            local_name: r.local_name.clone(),
            country: r.country.clone(),
            title: r.title.clone(),
            organization: r.organization.clone(),
            province_id: r.province_id,
        } == f
            && aliases
                .iter()
                .all(|a| current.aliases.iter().any(|x| x.norm == normalize(a)));
        if same {
            return Ok(Outcome::Unchanged);
        }
        official::write(tx, id, &f).await.map_err(item.at("name"))?;
        for a in &aliases {
            official::add_alias(tx, id, a)
                .await
                .map_err(item.at("aliases"))?;
        }
        audit::record(tx, batch, Entity::Official, id, Some(before)).await?;
        return Ok(Outcome::Updated);
    }
    let id = official::create(tx, &f, &aliases, item.id()?, dataset)
        .await
        .map_err(item.at("name"))?;
    audit::record(tx, batch, Entity::Official, id, None).await?;
    Ok(Outcome::Created)
}

fn sources(item: &Item) -> Result<Vec<visit::Source>> {
    let mut out = Vec::new();
    if let Some(cell) = item.get("sources") {
        for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let mut parts = line.splitn(3, " | ").map(str::trim);
            let url = parts.next().unwrap_or("");
            let title = parts.next().filter(|t| !t.is_empty());
            let date = parts.next().filter(|d| !d.is_empty());
            out.push(checks::source(url, title, date).map_err(item.at("sources"))?);
        }
    }
    if let Some(url) = item.get("source") {
        out.push(
            checks::source(url, item.get("source_title"), item.get("source_date"))
                .map_err(item.at("source"))?,
        );
    }
    out.dedup_by(|a, b| a.url == b.url);
    Ok(out)
}

async fn apply_visit(
    db: &SqlitePool,
    tx: &mut Tx<'_>,
    batch: i64,
    item: &Item,
    dataset: &str,
    force: bool,
) -> Result<Outcome> {
    let start = match item.date("start")? {
        Some(s) => s,
        None => item.date("start_date")?.ok_or_else(|| {
            user(format!(
                "{}: column `start` is empty; every visit needs it.",
                item.location
            ))
        })?,
    };
    let end = match item.date("end")? {
        Some(e) => Some(e),
        None => item.date("end_date")?,
    };
    checks::dates(start, end).map_err(item.at("end"))?;
    let f = visit::Fields {
        provinces: checks::provinces(db, item.required("province")?)
            .await
            .map_err(item.at("province"))?,
        start,
        end,
        city: item.text("city", NAME_MAX)?,
        level: item
            .get("level")
            .map(checks::level)
            .transpose()
            .map_err(item.at("level"))?,
        leader_id: match item.get("leader") {
            Some(name) => Some(checks::leader(tx, name).await.map_err(item.at("leader"))?),
            None => None,
        },
        places: match item.get("places") {
            Some(p) => checks::places(db, p).await.map_err(item.at("places"))?,
            None => vec![],
        },
        purpose: item.text("purpose", LONG_MAX)?,
        size: item.int("size", 1, 10_000)?,
        sources: sources(item)?,
    };
    if let Some(before) = existing(tx, item, Entity::Visit).await? {
        let current: visit::Snapshot = serde_json::from_value(before.clone())?;
        let id = current.row.id;
        let mut same = visit::Fields::from_snapshot(&current);
        same.provinces.sort();
        let mut incoming = f.clone();
        incoming.provinces.sort();
        if same == incoming {
            return Ok(Outcome::Unchanged);
        }
        checks::duplicate(tx, &f, Some(id), force)
            .await
            .map_err(item.at("start"))?;
        visit::write(tx, id, &f, true).await?;
        audit::record(tx, batch, Entity::Visit, id, Some(before)).await?;
        return Ok(Outcome::Updated);
    }
    checks::duplicate(tx, &f, None, force)
        .await
        .map_err(item.at("start"))?;
    let id = visit::create(tx, &f, item.id()?, dataset).await?;
    audit::record(tx, batch, Entity::Visit, id, None).await?;
    Ok(Outcome::Created)
}

async fn apply_forum(tx: &mut Tx<'_>, batch: i64, item: &Item, dataset: &str) -> Result<Outcome> {
    let start = item.date("start")?.ok_or_else(|| {
        user(format!(
            "{}: column `start` is empty; every forum needs it.",
            item.location
        ))
    })?;
    let end = item.date("end")?;
    checks::dates(start, end).map_err(item.at("end"))?;
    let mut visits = Vec::new();
    for v in item
        .get("visits")
        .unwrap_or("")
        .split([',', ';'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        let id: i64 = v
            .trim_start_matches('#')
            .parse()
            .map_err(|_| item.at("visits")(user(format!("`{v}` is not a visit number."))))?;
        checks::live_visit(tx, id)
            .await
            .map_err(item.at("visits"))?;
        visits.push(id);
    }
    visits.sort();
    visits.dedup();
    let f = forum::Fields {
        name: Text::parse("name", item.required("name")?, SHORT_MAX)
            .map_err(Error::from)
            .map_err(item.at("name"))?
            .into_string(),
        kind: ForumKind::parse(item.required("kind")?)
            .map_err(Error::from)
            .map_err(item.at("kind"))?
            .label()
            .to_string(),
        edition: item.text("edition", NAME_MAX)?,
        start,
        end,
        place: item.text("place", NAME_MAX)?,
        organizer: item.text("organizer", SHORT_MAX)?,
        visits,
    };
    if let Some(before) = existing(tx, item, Entity::Forum).await? {
        let current: forum::Snapshot = serde_json::from_value(before.clone())?;
        if forum::Fields::from_snapshot(&current) == f {
            return Ok(Outcome::Unchanged);
        }
        forum::write(tx, current.row.id, &f, true).await?;
        audit::record(tx, batch, Entity::Forum, current.row.id, Some(before)).await?;
        return Ok(Outcome::Updated);
    }
    let id = forum::create(tx, &f, item.id()?, dataset).await?;
    audit::record(tx, batch, Entity::Forum, id, None).await?;
    Ok(Outcome::Created)
}

async fn apply_meeting(tx: &mut Tx<'_>, batch: i64, item: &Item, dataset: &str) -> Result<Outcome> {
    let date = item.date("date")?.ok_or_else(|| {
        user(format!(
            "{}: column `date` is empty; every meeting needs it.",
            item.location
        ))
    })?;
    let mut participants: Vec<i64> = official::resolve_list(tx, item.required("officials")?)
        .await
        .map_err(item.at("officials"))?
        .iter()
        .map(|o| o.id)
        .collect();
    participants.sort();
    let f = meeting::Fields {
        date,
        place: item.text("place", NAME_MAX)?,
        summary: item.text("summary", LONG_MAX)?,
        visit_id: item.int("visit", 1, i64::MAX)?,
        participants,
    };
    checks::meeting_visit(tx, f.date, f.visit_id)
        .await
        .map_err(item.at("visit"))?;
    if let Some(before) = existing(tx, item, Entity::Meeting).await? {
        let current: meeting::Snapshot = serde_json::from_value(before.clone())?;
        if meeting::Fields::from_snapshot(&current) == f {
            return Ok(Outcome::Unchanged);
        }
        meeting::write(tx, current.row.id, &f, true).await?;
        audit::record(tx, batch, Entity::Meeting, current.row.id, Some(before)).await?;
        return Ok(Outcome::Updated);
    }
    let id = meeting::create(tx, &f, item.id()?, dataset).await?;
    audit::record(tx, batch, Entity::Meeting, id, None).await?;
    Ok(Outcome::Created)
}

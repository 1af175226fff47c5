//! Checks that turn typed values into record fields. Commands and import share them, so
//! a value is refused the same way whichever way it arrives.

use sqlx::{SqliteConnection, SqlitePool};

use super::App;
use crate::domain::{FlexDate, VisitLevel};
use crate::error::{Message, Result};
use crate::msg;
use crate::store::kind;
use crate::store::region::{self, Country};
use crate::store::visit::{self, Fields, Source};
use crate::store::{Entity, Tx, official};

pub fn dates(start: FlexDate, end: Option<FlexDate>) -> Result<()> {
    crate::domain::date::check_span(start, end).map_err(|(_, e)| e.into())
}

pub async fn provinces(db: &SqlitePool, text: &str) -> Result<Vec<i64>> {
    Ok(region::resolve_list(db, Country::China, text)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

pub async fn province(db: &SqlitePool, text: &str) -> Result<i64> {
    Ok(region::resolve(db, Country::China, text).await?.id)
}

pub async fn places(db: &SqlitePool, text: &str) -> Result<Vec<i64>> {
    Ok(region::resolve_list(db, Country::Korea, text)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// A delegation's city as typed, if any, as recorded and filtered on (`city::recorded`).
pub async fn city(
    db: &SqlitePool,
    typed: Option<&str>,
    provinces: &[i64],
) -> Result<Option<String>> {
    match typed {
        Some(c) => Ok(Some(
            crate::store::city::recorded(&mut *db.acquire().await?, c, provinces).await?,
        )),
        None => Ok(None),
    }
}

pub async fn leader(conn: &mut SqliteConnection, name: &str) -> Result<i64> {
    Ok(official::resolve(conn, name).await?.id)
}

pub fn level(text: &str) -> Result<String> {
    Ok(VisitLevel::parse(text)?.label().to_string())
}

/// One source from a link, an optional title and an optional date.
pub fn source(url: &str, title: Option<&str>, published: Option<&str>) -> Result<Source> {
    crate::domain::SourceInput::parse(url, title, published)
        .map(Source::from)
        .map_err(|(_, e)| e.into())
}

/// A record's sources after an edit: `source:` adds one (unless its link is there),
/// `clear:source` drops them all, `remove_source:` takes one off by its link (refused,
/// naming the record `what` and the command `shown_by`, when it has no such link).
pub fn edit_sources(
    mut sources: Vec<Source>,
    add: crate::commands::args::Edit<Source>,
    remove: Option<&str>,
    what: Message,
    shown_by: &str,
) -> Result<Vec<Source>> {
    use crate::commands::args::Edit;
    match add {
        Edit::Clear => sources.clear(),
        Edit::Set(s) if !sources.iter().any(|old| old.url == s.url) => sources.push(s),
        _ => {}
    }
    if let Some(url) = remove {
        let count = sources.len();
        sources.retain(|s| s.url != url);
        if sources.len() == count {
            return Err(msg!(
                "no-such-source",
                record = what,
                url = url.chars().take(100).collect::<String>(),
                shown_by = shown_by
            )
            .into());
        }
    }
    Ok(sources)
}

/// Sources as a view lists them: "title — url (date)", one a line.
pub fn source_lines(sources: &[Source]) -> String {
    if sources.is_empty() {
        return crate::t!("none-recorded");
    }
    sources
        .iter()
        .map(|s| {
            let mut line = s.url.clone();
            if let Some(t) = &s.title {
                line = format!("{t} — {line}");
            }
            if let Some(d) = &s.published {
                line.push_str(&format!(" ({d})"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Refuses a visit that overlaps a live one from the same province, unless forced.
pub async fn duplicate(
    tx: &mut Tx<'_>,
    fields: &Fields,
    except: Option<i64>,
    force: bool,
) -> Result<()> {
    if force {
        return Ok(());
    }
    if let Some(existing) = visit::find_overlap(tx, fields, except).await? {
        return Err(msg!("visit-overlaps", id = existing).into());
    }
    Ok(())
}

pub async fn live_visit(tx: &mut Tx<'_>, id: i64) -> Result<visit::Snapshot> {
    match kind::live::<visit::Fields>(tx, id).await? {
        Some(v) => Ok(v),
        None => Err(crate::store::change::missing(Entity::Visit, id).into()),
    }
}

/// A meeting is dated at most a year ahead, and one linked to a visit falls within the
/// visit's dates.
pub async fn meeting_visit(tx: &mut Tx<'_>, date: FlexDate, visit_id: Option<i64>) -> Result<()> {
    crate::domain::date::check_not_far("date", date)?;
    let Some(id) = visit_id else { return Ok(()) };
    let v = live_visit(tx, id).await?;
    if !date.falls_within(&v.row.start_date, &v.row.span_end) {
        let start = FlexDate::from_stored(&v.row.start_date, &v.row.start_precision);
        let end = v
            .row
            .end_date
            .as_deref()
            .zip(v.row.end_precision.as_deref())
            .and_then(|(d, p)| FlexDate::from_stored(d, p))
            .or(start);
        let shown = |d: Option<FlexDate>| d.map_or("?".to_string(), |d| d.to_string());
        return Err(msg!(
            "meeting-outside-visit",
            date = date.to_string(),
            id = id,
            from = shown(start),
            to = shown(end)
        )
        .into());
    }
    Ok(())
}

/// An edited visit's dates must still hold its meetings: refused naming those that would
/// fall outside.
pub async fn meetings_within(tx: &mut Tx<'_>, id: i64, f: &Fields) -> Result<()> {
    let (from, to) = (f.start.first_day().to_string(), f.span_end());
    let outside: Vec<String> = crate::store::meeting::of_visit(tx, id)
        .await?
        .into_iter()
        .filter(|(_, _, shown)| FlexDate::parse(shown).is_ok_and(|d| !d.falls_within(&from, &to)))
        .map(|(m, _, shown)| format!("#{m} ({shown})"))
        .collect();
    if outside.is_empty() {
        return Ok(());
    }
    let shown_end = f.end.unwrap_or(f.start);
    Err(msg!(
        "meetings-outside-dates",
        meetings = outside.join(", "),
        id = id,
        from = f.start.to_string(),
        to = shown_end.to_string(),
        n = outside.len()
    )
    .into())
}

/// A record kind (`visit`) as the label that starts a sentence ("Visit", "방문").
pub(crate) fn label(kind: &str) -> Message {
    match kind {
        "visit" => msg!("label-visit"),
        "meeting" => msg!("label-meeting"),
        "forum" => msg!("label-forum"),
        "official" => msg!("label-official"),
        "outcome" => msg!("label-outcome"),
        other => Message::verbatim(other),
    }
}

/// "Visit #3": a record by its kind and number.
pub(crate) fn record(kind: &str, id: i64) -> Message {
    msg!("record-number", kind = label(kind), id = id)
}

/// Items joined as a list ("a, b and c") in the reader's language.
pub(crate) fn and_list(items: impl IntoIterator<Item = Message>) -> Message {
    let mut items: Vec<Message> = items.into_iter().collect();
    let Some(last) = items.pop() else {
        return Message::verbatim("");
    };
    let mut rest = items.into_iter();
    let Some(first) = rest.next() else {
        return last;
    };
    let init = rest.fold(first, |first, second| {
        msg!("list-comma", first = first, second = second)
    });
    msg!("list-and-then", first = init, second = last)
}

/// Names (of people, places, records) joined as a list, each shown as it is.
pub(crate) fn names_list(names: &[String]) -> Message {
    and_list(names.iter().map(|n| Message::verbatim(n.as_str())))
}

/// Resolves the optional `province` list option to ids and display names.
pub(super) async fn provinces_option(
    app: &App,
    names: Option<&str>,
) -> Result<(Vec<i64>, Vec<String>)> {
    match names {
        None => Ok((vec![], vec![])),
        Some(text) => {
            let regions = region::resolve_list(&app.db, Country::China, text).await?;
            Ok((
                regions.iter().map(|r| r.id).collect(),
                regions.into_iter().map(|r| r.name).collect(),
            ))
        }
    }
}

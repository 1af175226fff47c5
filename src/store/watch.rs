//! Watches: who asked to be told about changes to which records, in which channel
//! (migration 0009). What a watch matches is decided here, once, in SQL on the records'
//! current state (`matching`); the outbox (store::outbox) asks it at each commit.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value as Json;
use sqlx::SqlitePool;

use super::mentions::Mentions;
use super::{Tx, bulk, now};
use crate::error::{Refusal, Result};

/// A watch with its filter resolved to ids and, for display, names.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Watch {
    pub id: i64,
    pub channel_id: String,
    pub kind: String,
    pub province_id: Option<i64>,
    pub province: Option<String>,
    pub place_id: Option<i64>,
    pub place: Option<String>,
    pub official_id: Option<i64>,
    pub official: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub paused_at: Option<String>,
    pub paused_reason: Option<String>,
}

impl Watch {
    /// Whether records of this audit-log kind (`visit`, `outcome`, ...) are followed.
    /// Officials are people, not events: a watch on one follows the events they are in.
    pub fn follows(&self, entity: &str) -> bool {
        match self.kind.as_str() {
            "all" => entity != "official",
            kind => kind.strip_suffix('s') == Some(entity),
        }
    }

    /// "Jiangsu · with Xin Changxing · in Seoul · visits"
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = &self.province {
            parts.push(p.clone());
        }
        if let Some(id) = self.official_id {
            parts.push(format!(
                "with {}",
                self.official
                    .clone()
                    .unwrap_or_else(|| format!("official #{id} (removed)"))
            ));
        }
        if let Some(p) = &self.place {
            parts.push(format!("in {p}"));
        }
        parts.push(if self.kind == "all" {
            "all kinds".into()
        } else {
            self.kind.clone()
        });
        parts.join(" · ")
    }
}

const SELECT: &str = "SELECT w.id, w.channel_id, w.kind, w.province_id, p.name AS province, w.place_id, k.name AS place,
        w.official_id, o.name AS official, w.created_by, w.created_at, w.paused_at, w.paused_reason
   FROM watches w LEFT JOIN regions p ON p.id = w.province_id LEFT JOIN regions k ON k.id = w.place_id
   LEFT JOIN officials o ON o.id = w.official_id AND o.deleted_at IS NULL";

/// What a new watch asks for.
#[derive(Debug, Clone)]
pub struct NewWatch<'a> {
    pub channel_id: &'a str,
    pub kind: &'a str,
    pub province_id: Option<i64>,
    pub place_id: Option<i64>,
    pub official_id: Option<i64>,
    pub by_id: &'a str,
    pub by: &'a str,
}

/// The watch with the same filter in the same channel, if any: its id and when it was
/// paused.
pub(in crate::store) async fn same(
    tx: &mut Tx<'_>,
    w: &NewWatch<'_>,
) -> Result<Option<(i64, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT id, paused_at FROM watches WHERE channel_id = ? AND kind = ? AND province_id IS ?
            AND place_id IS ? AND official_id IS ?",
    )
    .bind(w.channel_id)
    .bind(w.kind)
    .bind(w.province_id)
    .bind(w.place_id)
    .bind(w.official_id)
    .fetch_optional(&mut **tx)
    .await?)
}

/// The running watches that follow an official.
pub(in crate::store) async fn following(tx: &mut Tx<'_>, official: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM watches WHERE official_id = ? AND paused_at IS NULL ORDER BY id",
    )
    .bind(official)
    .fetch_all(&mut **tx)
    .await?)
}

/// Whether `add` made a new watch or woke a paused one with the same filter and channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New(i64),
    Resumed(i64),
}

/// Adds a watch. The same filter in the same channel again resumes it when it was paused,
/// and is refused when it is running. The records it matches now are noted as seen, so a
/// later change that takes one out of the filter is told too.
pub(in crate::store) async fn add(tx: &mut Tx<'_>, w: &NewWatch<'_>) -> Result<Added> {
    let (id, added) = match same(tx, w).await? {
        Some((id, None)) => {
            return Err(Refusal::WatchExists { id }.into());
        }
        Some((id, Some(_))) => {
            sqlx::query("UPDATE watches SET paused_at = NULL, paused_reason = NULL WHERE id = ?")
                .bind(id)
                .execute(&mut **tx)
                .await?;
            sqlx::query("DELETE FROM watch_seen WHERE watch_id = ?")
                .bind(id)
                .execute(&mut **tx)
                .await?;
            (id, Added::Resumed(id))
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO watches (channel_id, kind, province_id, place_id, official_id, created_by_id, created_by, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(w.channel_id)
            .bind(w.kind)
            .bind(w.province_id)
            .bind(w.place_id)
            .bind(w.official_id)
            .bind(w.by_id)
            .bind(w.by)
            .bind(now())
            .fetch_one(&mut **tx)
            .await?;
            (id, Added::New(id))
        }
    };
    remember_matches(tx, id).await?;
    Ok(added)
}

/// Notes the records watch `id` matches now as seen (and only those), so a later change that
/// takes one out of its filter is told.
async fn remember_matches(tx: &mut Tx<'_>, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM watch_seen WHERE watch_id = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let watch = get(&mut **tx, id).await?.expect("just written");
    for entity in ["visit", "meeting", "forum"] {
        if !watch.follows(entity) {
            continue;
        }
        let (table, alias, filter) = filter_sql(entity).expect("kinds with tables");
        // One pass over the live records, by the same filter the commits use.
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT OR IGNORE INTO watch_seen (watch_id, entity, entity_id)
             SELECT ?6, ?7, {alias}.id FROM {table} {alias} WHERE {alias}.deleted_at IS NULL AND ?1 IS NULL AND {filter}"
        )))
        .bind(None::<String>)
        .bind(watch.province_id)
        .bind(watch.place_id)
        .bind(watch.official_id)
        .bind(watch.place.as_deref().map(like_pattern))
        .bind(id)
        .bind(entity)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A merge: the watches that follow official `from` follow `to` instead; one that would
/// repeat a watch of `to` in the same channel goes, as the other does the same. Returns
/// the watches that now follow `to` because of it.
pub(in crate::store) async fn move_official(
    tx: &mut Tx<'_>,
    from: i64,
    to: i64,
) -> Result<Vec<i64>> {
    // (id, channel, kind, province, place)
    type Row = (i64, String, String, Option<i64>, Option<i64>);
    let theirs: Vec<Row> = sqlx::query_as(
        "SELECT id, channel_id, kind, province_id, place_id FROM watches WHERE official_id = ? ORDER BY id",
    )
    .bind(from)
    .fetch_all(&mut **tx)
    .await?;
    let mut moved = Vec::new();
    for (id, channel, kind, province, place) in theirs {
        let twin: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM watches WHERE channel_id = ? AND kind = ? AND province_id IS ?
                AND place_id IS ? AND official_id = ?",
        )
        .bind(&channel)
        .bind(&kind)
        .bind(province)
        .bind(place)
        .bind(to)
        .fetch_optional(&mut **tx)
        .await?;
        if twin.is_some() {
            remove(tx, id).await?;
            continue;
        }
        sqlx::query(
            "UPDATE watches SET official_id = ?, paused_at = NULL, paused_reason = NULL WHERE id = ?",
        )
        .bind(to)
        .bind(id)
        .execute(&mut **tx)
        .await?;
        remember_matches(tx, id).await?;
        moved.push(id);
    }
    Ok(moved)
}

/// Pauses the watches that follow an official who is deleted, saying why (`/watches`
/// shows it); adding the same watch again resumes it.
pub(in crate::store) async fn pause_for_official(
    tx: &mut Tx<'_>,
    official: i64,
    reason: &str,
) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "UPDATE watches SET paused_at = ?, paused_reason = ? WHERE official_id = ? AND paused_at IS NULL
         RETURNING id",
    )
    .bind(now())
    .bind(reason)
    .bind(official)
    .fetch_all(&mut **tx)
    .await?)
}

pub async fn get(db: impl sqlx::SqliteExecutor<'_>, id: i64) -> Result<Option<Watch>> {
    Ok(
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE w.id = ?")))
            .bind(id)
            .fetch_optional(db)
            .await?,
    )
}

/// Every watch, paused ones too, oldest first.
pub async fn list(db: &SqlitePool) -> Result<Vec<Watch>> {
    Ok(
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY w.id")))
            .fetch_all(db)
            .await?,
    )
}

/// The watches that are not paused.
pub async fn active(tx: &mut Tx<'_>) -> Result<Vec<Watch>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE w.paused_at IS NULL ORDER BY w.id"
    )))
    .fetch_all(&mut **tx)
    .await?)
}

/// Removes a watch with what it had still to post.
pub(in crate::store) async fn remove(tx: &mut Tx<'_>, id: i64) -> Result<Watch> {
    let Some(watch) = get(&mut **tx, id).await? else {
        return Err(Refusal::NoWatch { id }.into());
    };
    for sql in [
        "DELETE FROM watch_deliveries WHERE watch_id = ?",
        "DELETE FROM watch_seen WHERE watch_id = ?",
        "DELETE FROM watches WHERE id = ?",
    ] {
        sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    }
    Ok(watch)
}

/// Of these records of kind `entity`, those the watch's filter matches now (deleted ones
/// too: a deletion is news). Visits, meetings and forums by their rows; any other kind
/// (outcomes) by what its snapshot names (`mentions`).
pub async fn matching(
    tx: &mut Tx<'_>,
    w: &Watch,
    entity: &str,
    ids: &[i64],
) -> Result<HashSet<i64>> {
    let Some((table, alias, filter)) = filter_sql(entity) else {
        return matching_by_snapshot(tx, w, entity, ids).await;
    };
    let sql = format!(
        "SELECT {alias}.id FROM {table} {alias} WHERE {alias}.id IN (SELECT value FROM json_each(?1)) AND {filter}"
    );
    let mut out = HashSet::new();
    for chunk in bulk::id_chunks(ids) {
        let found: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()))
            .bind(chunk)
            .bind(w.province_id)
            .bind(w.place_id)
            .bind(w.official_id)
            .bind(w.place.as_deref().map(like_pattern))
            .fetch_all(&mut **tx)
            .await?;
        out.extend(found);
    }
    Ok(out)
}

fn like_pattern(s: &str) -> String {
    format!(
        "%{}%",
        s.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// The table, its alias and the filter of a kind of record with its own table, on ?2
/// province, ?3 place (a Korean region), ?4 official, ?5 the place's name as a LIKE pattern
/// for free-text places.
fn filter_sql(entity: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match entity {
        "visit" => ("visits", "v", VISIT_FILTER),
        "meeting" => ("meetings", "m", MEETING_FILTER),
        "forum" => ("forums", "f", FORUM_FILTER),
        _ => return None,
    })
}

// A visit: its provinces, the places it visited, its leader or anyone who met it (as
// /visits list reads `official`). (?5 is for the other kinds' free-text places.)
const VISIT_FILTER: &str = "(?2 IS NULL OR EXISTS (SELECT 1 FROM visit_provinces p WHERE p.visit_id = v.id AND p.region_id = ?2))
    AND (?3 IS NULL OR EXISTS (SELECT 1 FROM visit_places p WHERE p.visit_id = v.id AND p.region_id = ?3))
    AND (?4 IS NULL OR v.leader_id = ?4 OR EXISTS (SELECT 1 FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
                                                   WHERE m.visit_id = v.id AND m.deleted_at IS NULL AND mp.official_id = ?4))
    AND ?5 IS ?5";

// A meeting: the provinces of its visit or of its officials (as the report counts do), its
// visit's places or its own place, its participants.
const MEETING_FILTER: &str = "(?2 IS NULL OR EXISTS (SELECT 1 FROM visit_provinces p WHERE p.visit_id = m.visit_id AND p.region_id = ?2)
                    OR EXISTS (SELECT 1 FROM meeting_participants mp JOIN officials o ON o.id = mp.official_id
                               WHERE mp.meeting_id = m.id AND o.province_id = ?2))
    AND (?3 IS NULL OR m.place LIKE ?5 ESCAPE '\\'
                    OR EXISTS (SELECT 1 FROM visit_places p WHERE p.visit_id = m.visit_id AND p.region_id = ?3))
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.meeting_id = m.id AND mp.official_id = ?4))";

// A forum: the provinces and places of the visits that attended, its own place, and the
// leaders of those visits.
const FORUM_FILTER: &str = "(?2 IS NULL OR EXISTS (SELECT 1 FROM forum_visits fv JOIN visit_provinces p ON p.visit_id = fv.visit_id
                               WHERE fv.forum_id = f.id AND p.region_id = ?2))
    AND (?3 IS NULL OR f.place LIKE ?5 ESCAPE '\\'
                    OR EXISTS (SELECT 1 FROM forum_visits fv JOIN visit_places p ON p.visit_id = fv.visit_id
                               WHERE fv.forum_id = f.id AND p.region_id = ?3))
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM forum_visits fv JOIN visits v ON v.id = fv.visit_id
                               WHERE fv.forum_id = f.id AND v.leader_id = ?4))";

/// A kind of record this code does not know the tables of (outcomes, when they land):
/// its current snapshot (the audit log's own, when the store knows the kind) is read for
/// what it names. Each part of the filter holds when the snapshot names it directly, or
/// names a visit, meeting or forum that the same part matches.
async fn matching_by_snapshot(
    tx: &mut Tx<'_>,
    w: &Watch,
    entity: &str,
    ids: &[i64],
) -> Result<HashSet<i64>> {
    let mut out = HashSet::new();
    for id in ids {
        let snapshot = match super::Entity::parse(entity) {
            Some(e) => super::kind::snapshot(tx, e, *id).await?,
            None => None,
        };
        let snapshot = match snapshot {
            Some(s) => s,
            None => last_logged(tx, entity, *id).await?.unwrap_or(Json::Null),
        };
        let m = Mentions::of(&snapshot);
        let mut holds = true;
        for part in [Part::Province, Part::Place, Part::Official] {
            let Some(single) = part.only(w) else { continue };
            let direct = match part {
                Part::Province => m.names(&m.provinces, w.province_id, w.province.as_deref()),
                Part::Place => m.names(&m.places, w.place_id, w.place.as_deref()),
                Part::Official => m.names(&m.officials, w.official_id, w.official.as_deref()),
            };
            let mut linked = false;
            for (kind, linked_ids) in [
                ("visit", &m.visits),
                ("meeting", &m.meetings),
                ("forum", &m.forums),
            ] {
                if !direct && !linked && !linked_ids.is_empty() {
                    linked = !Box::pin(matching(tx, &single, kind, linked_ids))
                        .await?
                        .is_empty();
                }
            }
            holds &= direct || linked;
        }
        if holds {
            out.insert(*id);
        }
    }
    Ok(out)
}

/// The newest full state of a record the audit log holds (not a bare "created" marker).
async fn last_logged(tx: &mut Tx<'_>, entity: &str, id: i64) -> Result<Option<Json>> {
    let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT after, before FROM audit_entries WHERE entity = ? AND entity_id = ? ORDER BY id DESC",
    )
    .bind(entity)
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    for (after, before) in rows {
        for json in [after, before].into_iter().flatten() {
            let v: Json = serde_json::from_str(&json)?;
            if v.as_object().is_some_and(|o| o.len() > 2) {
                return Ok(Some(v));
            }
        }
    }
    Ok(None)
}

#[derive(Clone, Copy)]
enum Part {
    Province,
    Place,
    Official,
}

impl Part {
    /// The watch with only this part of its filter, if it has one.
    fn only(self, w: &Watch) -> Option<Watch> {
        let mut single = w.clone();
        let keep = |on: bool, id: &mut Option<i64>, name: &mut Option<String>| {
            if !on {
                *id = None;
                *name = None;
            }
        };
        keep(
            matches!(self, Part::Province),
            &mut single.province_id,
            &mut single.province,
        );
        keep(
            matches!(self, Part::Place),
            &mut single.place_id,
            &mut single.place,
        );
        keep(
            matches!(self, Part::Official),
            &mut single.official_id,
            &mut single.official,
        );
        let has = match self {
            Part::Province => w.province_id.is_some(),
            Part::Place => w.place_id.is_some(),
            Part::Official => w.official_id.is_some(),
        };
        has.then_some(single)
    }
}

/// Notes that these records match the watch now (`true`) or no longer do (`false`).
pub async fn see(
    tx: &mut Tx<'_>,
    watch: i64,
    entity: &str,
    ids: &[i64],
    matches: bool,
) -> Result<()> {
    let sql = if matches {
        "INSERT OR IGNORE INTO watch_seen (watch_id, entity, entity_id)
         SELECT ?1, ?2, value FROM json_each(?3)"
    } else {
        "DELETE FROM watch_seen WHERE watch_id = ?1 AND entity = ?2
            AND entity_id IN (SELECT value FROM json_each(?3))"
    };
    for chunk in bulk::id_chunks(ids) {
        sqlx::query(sql)
            .bind(watch)
            .bind(entity)
            .bind(chunk)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Of these records, those the watch matched when they were last written.
pub async fn seen(tx: &mut Tx<'_>, watch: i64, entity: &str, ids: &[i64]) -> Result<HashSet<i64>> {
    let mut out = HashSet::new();
    for chunk in bulk::id_chunks(ids) {
        let found: Vec<i64> = sqlx::query_scalar(
            "SELECT entity_id FROM watch_seen WHERE watch_id = ?1 AND entity = ?2
                AND entity_id IN (SELECT value FROM json_each(?3))",
        )
        .bind(watch)
        .bind(entity)
        .bind(chunk)
        .fetch_all(&mut **tx)
        .await?;
        out.extend(found);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_their_records() {
        let w = |kind: &str| Watch {
            id: 1,
            channel_id: "1".into(),
            kind: kind.into(),
            province_id: Some(1),
            province: Some("Jiangsu".into()),
            place_id: None,
            place: None,
            official_id: None,
            official: None,
            created_by: "Kim".into(),
            created_at: String::new(),
            paused_at: None,
            paused_reason: None,
        };
        assert!(w("visits").follows("visit") && !w("visits").follows("meeting"));
        assert!(w("outcomes").follows("outcome"));
        assert!(w("all").follows("outcome") && w("all").follows("forum"));
        assert!(!w("all").follows("official"));
        assert_eq!(w("all").describe(), "Jiangsu · all kinds");
    }
}

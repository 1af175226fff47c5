//! Officials, Chinese and Korean, and the normalized aliases that make "Oh Se-hoon",
//! "oh sehoon" and "오세훈" one person.

use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};

use super::region::{nearest, rank};
use super::{Tx, is_unique_violation, now, post};
use crate::domain::normalize;
use crate::error::{Refusal, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct OfficialRow {
    pub id: i64,
    pub name: String,
    pub local_name: Option<String>,
    pub country: String,
    pub title: Option<String>,
    pub organization: Option<String>,
    pub province_id: Option<i64>,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub stamp: crate::store::record::Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Alias {
    pub norm: String,
    pub alias: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(flatten)]
    pub row: OfficialRow,
    pub aliases: Vec<Alias>,
    /// Their posts (store::post). Absent from snapshots logged before posts existed:
    /// restoring one of those leaves the posts as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(alias = "positions")]
    pub posts: Option<Vec<super::post::PostRow>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub name: String,
    pub local_name: Option<String>,
    pub country: String,
    pub title: Option<String>,
    pub organization: Option<String>,
    pub province_id: Option<i64>,
}

impl Fields {
    pub fn from_snapshot(s: &Snapshot) -> Fields {
        let r = &s.row;
        Fields {
            name: r.name.clone(),
            local_name: r.local_name.clone(),
            country: r.country.clone(),
            title: r.title.clone(),
            organization: r.organization.clone(),
            province_id: r.province_id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Official {
    pub id: i64,
    pub name: String,
}

/// Finds a live official by any alias, or says who comes close.
pub async fn resolve(conn: &mut SqliteConnection, input: &str) -> Result<Official> {
    let key = normalize(input);
    let found: Option<(i64, String)> = sqlx::query_as(
        "SELECT o.id, o.name FROM official_aliases a JOIN officials o ON o.id = a.official_id
         WHERE a.norm = ? AND o.deleted_at IS NULL",
    )
    .bind(&key)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((id, name)) = found {
        return Ok(Official { id, name });
    }
    let names: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.norm, o.name FROM official_aliases a JOIN officials o ON o.id = a.official_id WHERE o.deleted_at IS NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    Err(unknown(input, names).into())
}

/// The refusal for a name that matches no live official, with the closest names.
pub fn unknown(input: &str, names: Vec<(String, String)>) -> Refusal {
    let typed: String = input.chars().take(60).collect();
    if let Some((a, b)) = input.split_once([',', '，', '、'])
        && !a.trim().is_empty()
        && !b.trim().is_empty()
    {
        return Refusal::OfficialsNotSeparated {
            typed,
            first: a.trim().chars().take(30).collect(),
            second: b.trim().chars().take(30).collect(),
        };
    }
    Refusal::UnknownOfficial {
        typed,
        near: nearest(&normalize(input), names),
    }
}

/// The names of a list of officials: separated by `;` or line breaks.
pub fn list_items(input: &str) -> impl Iterator<Item = &str> {
    input
        .split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The refusal for an empty list of officials.
pub fn empty_list() -> Refusal {
    Refusal::NoOfficials
}

/// Resolves names separated by `;` (each once, in order).
pub async fn resolve_list(conn: &mut SqliteConnection, input: &str) -> Result<Vec<Official>> {
    let mut out: Vec<Official> = Vec::new();
    for part in list_items(input) {
        let o = resolve(conn, part).await?;
        if !out.contains(&o) {
            out.push(o);
        }
    }
    if out.is_empty() {
        return Err(empty_list().into());
    }
    Ok(out)
}

pub async fn suggest(db: &SqlitePool, input: &str) -> Result<Vec<String>> {
    let key = normalize(input);
    // Prefix matches come from the index; substring matches need a scan, bounded.
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.norm, o.name FROM official_aliases a JOIN officials o ON o.id = a.official_id
         WHERE o.deleted_at IS NULL AND (a.norm >= ? AND a.norm < ? || x'ff')
         UNION ALL
         SELECT * FROM (SELECT a.norm, o.name FROM official_aliases a JOIN officials o ON o.id = a.official_id
         WHERE o.deleted_at IS NULL AND instr(a.norm, ?) > 0 LIMIT 200)",
    )
    .bind(&key)
    .bind(&key)
    .bind(&key)
    .fetch_all(db)
    .await?;
    Ok(rank(&key, rows))
}

/// Its own columns (besides the id and the stamp), as snapshots read them and bulk jobs
/// insert them.
const COLUMNS: &str = "name, local_name, country, title, organization, province_id";

pub async fn snapshot(tx: &mut Tx<'_>, id: i64) -> Result<Option<Snapshot>> {
    let Some(row) = super::record::row(tx, "officials", COLUMNS, id).await? else {
        return Ok(None);
    };
    let aliases = sqlx::query_as(
        "SELECT norm, alias FROM official_aliases WHERE official_id = ? ORDER BY alias",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    let posts = Some(super::post::of(tx, id).await?);
    Ok(Some(Snapshot {
        row,
        aliases,
        posts,
    }))
}

pub(super) async fn create(
    tx: &mut Tx<'_>,
    f: &Fields,
    id: Option<i64>,
    dataset: &str,
) -> Result<i64> {
    create_known_as(tx, f, &[], id, dataset).await
}

/// Creates an official known by `aliases` as well as their name and local name.
pub(super) async fn create_known_as(
    tx: &mut Tx<'_>,
    f: &Fields,
    aliases: &[String],
    id: Option<i64>,
    dataset: &str,
) -> Result<i64> {
    create_with_readings(tx, f, aliases, &[], id, dataset).await
}

/// `create_known_as`, with `readings` generated from the spellings given: each kept as a
/// generated alias unless it already names someone.
pub(super) async fn create_with_readings(
    tx: &mut Tx<'_>,
    f: &Fields,
    aliases: &[String],
    readings: &[String],
    id: Option<i64>,
    dataset: &str,
) -> Result<i64> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO officials (id, name, local_name, country, title, organization, province_id, dataset, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(id)
    .bind(&f.name)
    .bind(&f.local_name)
    .bind(&f.country)
    .bind(&f.title)
    .bind(&f.organization)
    .bind(f.province_id)
    .bind(dataset)
    .bind(&at)
    .bind(&at)
    .fetch_one(&mut **tx)
    .await?;
    let mut all = vec![f.name.clone()];
    all.extend(f.local_name.clone());
    all.extend(aliases.iter().cloned());
    for alias in all {
        add_alias(tx, id, &alias).await?;
    }
    if !readings.is_empty() {
        add_readings(tx, id, readings).await?;
    }
    // A title given with a new official is the post they hold, dates unknown.
    if let Some(title) = &f.title {
        let post = post::carried(title, f.organization.as_deref(), f.province_id);
        post::carry(tx, id, &post).await?;
    }
    post::settle_titles(tx, &[id], crate::clock::today()).await?;
    Ok(id)
}

/// Keeps `readings` (generated from an official's spellings) as generated aliases, each
/// unless it already names someone, and marks the official's readings as made.
pub(in crate::store) async fn add_readings(
    tx: &mut Tx<'_>,
    id: i64,
    readings: &[String],
) -> Result<()> {
    for reading in readings {
        let norm = normalize(reading);
        if norm.is_empty() {
            continue;
        }
        sqlx::query(
            "INSERT OR IGNORE INTO official_aliases (norm, alias, official_id, generated)
             VALUES (?, ?, ?, 1)",
        )
        .bind(&norm)
        .bind(reading.trim())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("UPDATE officials SET readings_done = 1 WHERE id = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The readings of many new officials at once (an import), in a few statements; the bulk
/// job marks them made (`readings_made`).
pub(in crate::store) async fn add_readings_many(
    tx: &mut Tx<'_>,
    readings: &[(i64, Vec<String>)],
) -> Result<()> {
    let rows: Vec<(String, &str, i64)> = readings
        .iter()
        .flat_map(|(id, rs)| rs.iter().map(move |r| (normalize(r), r.trim(), *id)))
        .filter(|(norm, _, _)| !norm.is_empty())
        .collect();
    super::bulk::insert(
        tx,
        "INSERT OR IGNORE INTO official_aliases (norm, alias, official_id, generated) ",
        &rows,
        |b, (norm, alias, id)| {
            b.push_bind(norm.clone())
                .push_bind(alias.to_string())
                .push_bind(*id)
                .push_bind(1);
        },
    )
    .await?;
    Ok(())
}

/// Marks officials whose readings are made, or who have none to make (names in Latin
/// letters only), so they are not looked at again. Bookkeeping, not part of the record (no
/// snapshot holds it), so no audit entry.
pub async fn readings_made(tx: &mut Tx<'_>, ids: &[i64]) -> Result<()> {
    for chunk in super::bulk::id_chunks(ids) {
        sqlx::query(
            "UPDATE officials SET readings_done = 1 WHERE id IN (SELECT value FROM json_each(?))",
        )
        .bind(chunk)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Live officials whose readings were never generated (added before migration 0033):
/// id, whether they are on the Chinese side, and every spelling typed. Read at each start
/// through a partial index of those waiting (migration 0036), so it costs nothing once done.
pub async fn lacking_readings(db: &SqlitePool) -> Result<Vec<(i64, bool, Vec<String>)>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT o.id, o.country, json_group_array(a.alias) FROM officials o
           JOIN official_aliases a ON a.official_id = o.id AND a.generated = 0
          WHERE o.readings_done = 0 AND o.deleted_at IS NULL
          GROUP BY o.id ORDER BY o.id",
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(id, country, spellings)| {
            Ok((id, country == "China", serde_json::from_str(&spellings)?))
        })
        .collect()
}

/// The live official with the most meetings on record, if anyone has met anyone.
pub async fn most_met(db: &SqlitePool) -> Result<Option<Official>> {
    let found: Option<(i64, String)> = sqlx::query_as(
        "SELECT o.id, o.name FROM officials o
           JOIN (SELECT official_id, count(*) AS n FROM meeting_participants GROUP BY official_id) m
             ON m.official_id = o.id
          WHERE o.deleted_at IS NULL ORDER BY m.n DESC, o.id LIMIT 1",
    )
    .fetch_optional(db)
    .await?;
    Ok(found.map(|(id, name)| Official { id, name }))
}

/// Inserts many new officials and their aliases (normalized, each held by one official) in
/// a few statements.
pub(in crate::store) async fn insert_many(
    tx: &mut Tx<'_>,
    rows: &[super::bulk::New<Fields>],
    aliases: &[(String, String, i64)],
    dataset: &str,
) -> Result<()> {
    super::bulk::insert_records(tx, "officials", COLUMNS, rows, dataset, |b, f| {
        b.push_bind(f.name.clone())
            .push_bind(f.local_name.clone())
            .push_bind(f.country.clone())
            .push_bind(f.title.clone())
            .push_bind(f.organization.clone())
            .push_bind(f.province_id);
    })
    .await?;
    super::bulk::insert(
        tx,
        "INSERT INTO official_aliases (norm, alias, official_id) ",
        aliases,
        |b, (norm, alias, id)| {
            b.push_bind(norm.clone())
                .push_bind(alias.clone())
                .push_bind(*id);
        },
    )
    .await
}

/// Their title as stored: the post they hold today (store::post's title rules).
pub async fn title(tx: &mut Tx<'_>, id: i64) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT title FROM officials WHERE id = ?")
            .bind(id)
            .fetch_one(&mut **tx)
            .await?,
    )
}

pub(super) async fn write(tx: &mut Tx<'_>, id: i64, f: &Fields) -> Result<()> {
    sqlx::query(
        "UPDATE officials SET name = ?, local_name = ?, country = ?, title = ?, organization = ?, province_id = ?,
         updated_at = ?, version = version + 1 WHERE id = ?",
    )
    .bind(&f.name)
    .bind(&f.local_name)
    .bind(&f.country)
    .bind(&f.title)
    .bind(&f.organization)
    .bind(f.province_id)
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    add_alias(tx, id, &f.name).await?;
    if let Some(local) = &f.local_name {
        add_alias(tx, id, local).await?;
    }
    Ok(())
}

/// Adds an alias; one that already names this official is fine, one that names somebody
/// else is refused with their name.
pub(in crate::store) async fn add_alias(tx: &mut Tx<'_>, id: i64, alias: &str) -> Result<()> {
    let norm = normalize(alias);
    if norm.is_empty() {
        return Err(Refusal::AliasEmpty.into());
    }
    let holder: Option<(i64, String)> = sqlx::query_as(
        "SELECT o.id, o.name FROM official_aliases a JOIN officials o ON o.id = a.official_id WHERE a.norm = ?",
    )
    .bind(&norm)
    .fetch_optional(&mut **tx)
    .await?;
    match holder {
        Some((holder_id, _)) if holder_id == id => Ok(()),
        Some((_, name)) => Err(Refusal::AliasTaken {
            alias: alias.to_string(),
            holder: name,
        }
        .into()),
        None => {
            sqlx::query("INSERT INTO official_aliases (norm, alias, official_id) VALUES (?, ?, ?)")
                .bind(&norm)
                .bind(alias.trim())
                .bind(id)
                .execute(&mut **tx)
                .await
                .map_err(|e| {
                    if is_unique_violation(&e) {
                        Refusal::AliasTaken {
                            alias: alias.to_string(),
                            holder: String::new(),
                        }
                        .into()
                    } else {
                        crate::error::Error::from(e)
                    }
                })?;
            Ok(())
        }
    }
}

/// Takes a spelling off an official; their name and local name stay (renaming changes
/// those).
pub(in crate::store) async fn remove_alias(tx: &mut Tx<'_>, id: i64, alias: &str) -> Result<()> {
    let norm = normalize(alias);
    let own: (String, Option<String>) =
        sqlx::query_as("SELECT name, local_name FROM officials WHERE id = ?")
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
    if normalize(&own.0) == norm || own.1.as_deref().map(normalize) == Some(norm.clone()) {
        return Err(Refusal::AliasIsName {
            alias: alias.to_string(),
        }
        .into());
    }
    let removed = sqlx::query("DELETE FROM official_aliases WHERE norm = ? AND official_id = ?")
        .bind(&norm)
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if removed == 0 {
        return Err(Refusal::AliasNotTheirs {
            alias: alias.to_string(),
            name: own.0,
        }
        .into());
    }
    Ok(())
}

pub(in crate::store) async fn soft_delete(tx: &mut Tx<'_>, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM official_aliases WHERE official_id = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE officials SET deleted_at = ?, version = version + 1 WHERE id = ?")
        .bind(now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn restore(tx: &mut Tx<'_>, s: &Snapshot) -> Result<()> {
    let r = &s.row;
    sqlx::query(
        "UPDATE officials SET name = ?, local_name = ?, country = ?, title = ?, organization = ?, province_id = ?,
         dataset = ?, updated_at = ?, deleted_at = ?, version = version + 1 WHERE id = ?",
    )
    .bind(&r.name)
    .bind(&r.local_name)
    .bind(&r.country)
    .bind(&r.title)
    .bind(&r.organization)
    .bind(r.province_id)
    .bind(&r.stamp.dataset)
    .bind(now())
    .bind(&r.stamp.deleted_at)
    .bind(r.id)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM official_aliases WHERE official_id = ?")
        .bind(r.id)
        .execute(&mut **tx)
        .await?;
    for a in &s.aliases {
        add_alias(tx, r.id, &a.alias)
            .await
            .map_err(|_| Refusal::UndoAliasTaken {
                alias: a.alias.clone(),
            })?;
    }
    if let Some(posts) = &s.posts {
        super::post::write_all(tx, r.id, posts).await?;
    }
    // Taken when it was: the posts held today may differ.
    post::settle_titles(tx, &[r.id], crate::clock::today()).await?;
    Ok(())
}

/// The names of officials, in the order of `ids`.
pub async fn names_of(tx: &mut Tx<'_>, ids: &[i64]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in ids {
        let name: String = sqlx::query_scalar("SELECT name FROM officials WHERE id = ?")
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
        out.push(name);
    }
    Ok(out)
}

/// Ids of live meetings an official took part in, and of live visits they led.
pub async fn references(tx: &mut Tx<'_>, id: i64) -> Result<(Vec<i64>, Vec<i64>)> {
    let meetings = sqlx::query_scalar(
        "SELECT mp.meeting_id FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
         WHERE mp.official_id = ? AND m.deleted_at IS NULL ORDER BY mp.meeting_id",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    let visits = sqlx::query_scalar(
        "SELECT id FROM visits WHERE leader_id = ? AND deleted_at IS NULL ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    Ok((meetings, visits))
}

/// What /official show presents: the record, aliases, visits led, meetings and the five
/// people met most often.
pub struct Profile {
    pub local_name: Option<String>,
    pub country: String,
    pub title: Option<String>,
    pub organization: Option<String>,
    pub province: Option<String>,
    pub aliases: Vec<String>,
    /// The aliases generated from the others (migration 0033), not typed by anyone.
    pub generated: Vec<String>,
    pub led: i64,
    pub meetings: i64,
    pub first: Option<String>,
    pub last: Option<String>,
    pub counterparts: Vec<(String, i64)>,
}

pub async fn profile(conn: &mut SqliteConnection, id: i64) -> Result<Profile> {
    let (local_name, country, title, organization, province) = sqlx::query_as(
        "SELECT o.local_name, o.country, o.title, o.organization, r.name FROM officials o
             LEFT JOIN regions r ON r.id = o.province_id WHERE o.id = ?",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let spellings: Vec<(String, bool)> = sqlx::query_as(
        "SELECT alias, generated FROM official_aliases WHERE official_id = ? ORDER BY alias",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let aliases = spellings.iter().map(|(a, _)| a.clone()).collect();
    let generated = spellings
        .into_iter()
        .filter_map(|(a, generated)| generated.then_some(a))
        .collect();
    let (led, meetings, first, last) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM visits WHERE leader_id = ?1 AND deleted_at IS NULL),
                count(m.id),
                min(m.date_shown),
                max(m.date_shown)
         FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id AND m.deleted_at IS NULL
         WHERE mp.official_id = ?1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let counterparts = sqlx::query_as(
        "SELECT o.name, count(*) AS n FROM meeting_participants mp
         JOIN meetings m ON m.id = mp.meeting_id AND m.deleted_at IS NULL
         JOIN meeting_participants other ON other.meeting_id = m.id AND other.official_id != mp.official_id
         JOIN officials o ON o.id = other.official_id
         WHERE mp.official_id = ? GROUP BY o.id ORDER BY n DESC, o.name LIMIT 5",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Profile {
        local_name,
        country,
        title,
        organization,
        province,
        aliases,
        generated,
        led,
        meetings,
        first,
        last,
        counterparts,
    })
}

//! Every name a bulk job needs, read once: Chinese provinces and Korean places, and the
//! live officials' aliases. An import of 100,000 rows resolves names from memory with the
//! same rules and the same refusals as a typed command (`region::unknown`,
//! `official::unknown`), and learns the officials it creates as it goes.

use std::collections::HashMap;

use sqlx::{SqliteConnection, SqlitePool};

use super::official;
use super::region::{self, Country};
use crate::domain::normalize;
use crate::error::{Refusal, Result};

pub struct Names {
    regions: HashMap<(&'static str, String), (i64, String)>,
    /// (normalized alias, display name) per country, for "did you mean".
    region_names: HashMap<&'static str, Vec<(String, String)>>,
    /// Normalized alias → (official id, display name).
    officials: HashMap<String, (i64, String)>,
}

impl Names {
    pub async fn load(conn: &mut SqliteConnection) -> Result<Names> {
        let rows: Vec<(String, String, i64, String)> = sqlx::query_as(
            "SELECT a.country, a.norm, r.id, r.name FROM region_aliases a JOIN regions r ON r.id = a.region_id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut regions = HashMap::new();
        let mut region_names: HashMap<&'static str, Vec<(String, String)>> = HashMap::new();
        for (country, norm, id, name) in rows {
            let code = [Country::China, Country::Korea]
                .into_iter()
                .map(Country::code)
                .find(|c| *c == country)
                .unwrap_or("CN");
            region_names
                .entry(code)
                .or_default()
                .push((norm.clone(), name.clone()));
            regions.insert((code, norm), (id, name));
        }
        let officials: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT a.norm, o.id, o.name FROM official_aliases a JOIN officials o ON o.id = a.official_id
             WHERE o.deleted_at IS NULL",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(Names {
            regions,
            region_names,
            officials: officials
                .into_iter()
                .map(|(norm, id, name)| (norm, (id, name)))
                .collect(),
        })
    }

    pub fn region(&self, country: Country, input: &str) -> Result<i64, Refusal> {
        match self.regions.get(&(country.code(), normalize(input))) {
            Some((id, _)) => Ok(*id),
            None => Err(region::unknown(
                country,
                input,
                self.region_names
                    .get(country.code())
                    .cloned()
                    .unwrap_or_default(),
            )),
        }
    }

    /// A list of places, in order, each once (`region::resolve_list` from memory).
    pub fn regions(&self, country: Country, input: &str) -> Result<Vec<i64>, Refusal> {
        let mut out = Vec::new();
        for part in region::list_items(input) {
            let id = self.region(country, part)?;
            if !out.contains(&id) {
                out.push(id);
            }
        }
        if out.is_empty() {
            return Err(region::empty_list(country));
        }
        Ok(out)
    }

    pub fn official(&self, input: &str) -> Result<i64, Refusal> {
        match self.officials.get(&normalize(input)) {
            Some((id, _)) => Ok(*id),
            None => Err(official::unknown(
                input,
                self.officials
                    .iter()
                    .map(|(norm, (_, name))| (norm.clone(), name.clone()))
                    .collect(),
            )),
        }
    }

    /// A list of officials, each once (`official::resolve_list` from memory).
    pub fn officials(&self, input: &str) -> Result<Vec<i64>, Refusal> {
        let mut out = Vec::new();
        for part in official::list_items(input) {
            let id = self.official(part)?;
            if !out.contains(&id) {
                out.push(id);
            }
        }
        if out.is_empty() {
            return Err(official::empty_list());
        }
        Ok(out)
    }

    /// Who holds a normalized alias, if anyone.
    pub fn holder(&self, norm: &str) -> Option<(i64, &str)> {
        self.officials
            .get(norm)
            .map(|(id, name)| (*id, name.as_str()))
    }

    /// Records an alias of an official the job has just created.
    pub fn learn(&mut self, norm: String, id: i64, name: &str) {
        self.officials.insert(norm, (id, name.to_string()));
    }
}

/// How many times the names were edited (migrations 0018, 0029): it moves whenever an
/// official, a spelling, a region or a city changes, so what is built from `Spellings`
/// can be kept until then.
pub async fn edits(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT n FROM name_edits WHERE id = 1")
        .fetch_one(conn)
        .await?)
}

/// Every spelling of every name as written, for finding names in running text (intake's
/// gazetteer is built on it): provinces and Korean places, live officials with their side,
/// and China's cities with their province.
pub struct Spellings {
    /// (country, alias as written, region id, region name, kind: province, city, ...)
    pub regions: Vec<(Country, String, i64, String, String)>,
    /// (alias as written, official id, name, country: China, Korea or Other)
    pub officials: Vec<(String, i64, String, String)>,
    pub cities: Vec<(String, super::city::City)>,
}

impl Spellings {
    pub async fn load(conn: &mut SqliteConnection) -> Result<Spellings> {
        let rows: Vec<(String, String, i64, String, String)> = sqlx::query_as(
            "SELECT a.country, a.alias, r.id, r.name, r.kind FROM region_aliases a JOIN regions r ON r.id = a.region_id
             ORDER BY r.id, a.alias",
        )
        .fetch_all(&mut *conn)
        .await?;
        let regions = rows
            .into_iter()
            .map(|(country, alias, id, name, kind)| {
                let c = if country == Country::Korea.code() {
                    Country::Korea
                } else {
                    Country::China
                };
                (c, alias, id, name, kind)
            })
            .collect();
        let officials = sqlx::query_as(
            "SELECT a.alias, o.id, o.name, o.country FROM official_aliases a JOIN officials o ON o.id = a.official_id
             WHERE o.deleted_at IS NULL ORDER BY o.id, a.alias",
        )
        .fetch_all(&mut *conn)
        .await?;
        let cities = super::city::all_aliases(conn).await?;
        Ok(Spellings {
            regions,
            officials,
            cities,
        })
    }
}

/// A live official's spellings: name, local name, side and every alias.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Written {
    pub name: String,
    pub local_name: Option<String>,
    pub country: String,
    /// Aliases separated by U+001F (no name holds a control character).
    pub aliases: Option<String>,
}

/// Every live official's spellings, and the names version they were read at (so a cache
/// of them knows when it is stale).
pub async fn written(db: &SqlitePool) -> Result<(i64, Vec<Written>)> {
    let mut read = super::read(db).await?;
    let version = edits(&mut read).await?;
    let rows = sqlx::query_as(
        "SELECT o.name, o.local_name, o.country,
                (SELECT group_concat(a.alias, char(31)) FROM official_aliases a
                  WHERE a.official_id = o.id) AS aliases
           FROM officials o WHERE o.deleted_at IS NULL",
    )
    .fetch_all(&mut *read)
    .await?;
    Ok((version, rows))
}

/// The names' edit count now (`edits`).
pub async fn names_version(db: &SqlitePool) -> Result<i64> {
    edits(&mut *db.acquire().await?).await
}

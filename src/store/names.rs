//! Every name a bulk job needs, read once: Chinese provinces and Korean places, and the
//! live officials' aliases. An import of 100,000 rows resolves names from memory with the
//! same rules and the same refusals as a typed command (`region::unknown`,
//! `official::unknown`), and learns the officials it creates as it goes.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use super::official;
use super::region::{self, Country};
use crate::domain::normalize;
use crate::error::{Result, UserError};

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

    pub fn region(&self, country: Country, input: &str) -> Result<i64, UserError> {
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
    pub fn regions(&self, country: Country, input: &str) -> Result<Vec<i64>, UserError> {
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

    pub fn official(&self, input: &str) -> Result<i64, UserError> {
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
    pub fn officials(&self, input: &str) -> Result<Vec<i64>, UserError> {
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

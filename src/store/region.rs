//! Reference places: China's provincial-level divisions and Korea's places, resolved
//! through normalized aliases, with "did you mean" suggestions on a miss.

use sqlx::{SqliteExecutor, SqlitePool};

use crate::domain::normalize;
use crate::error::{Refusal, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Country {
    China,
    Korea,
}

impl Country {
    pub fn code(self) -> &'static str {
        match self {
            Country::China => "CN",
            Country::Korea => "KR",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub id: i64,
    pub name: String,
}

/// Every reference place of `country`, in the reference list's order.
pub async fn all(db: &SqlitePool, country: Country) -> Result<Vec<Region>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM regions WHERE country = ? ORDER BY id")
            .bind(country.code())
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Region { id, name })
        .collect())
}

/// Resolves one name, or says which names come close.
pub async fn resolve(db: &SqlitePool, country: Country, input: &str) -> Result<Region> {
    let key = normalize(input);
    let found: Option<(i64, String)> = sqlx::query_as(
        "SELECT r.id, r.name FROM region_aliases a JOIN regions r ON r.id = a.region_id
         WHERE a.country = ? AND a.norm = ?",
    )
    .bind(country.code())
    .bind(&key)
    .fetch_optional(db)
    .await?;
    if let Some((id, name)) = found {
        return Ok(Region { id, name });
    }
    // Korean writes 山西 and 陕西 alike: say so rather than guess.
    if country == Country::China && matches!(key.as_str(), "산시" | "산시성") {
        return Err(Refusal::AmbiguousPlace {
            typed: input.trim().chars().take(40).collect(),
            options: vec!["Shanxi (山西, 산서)".into(), "Shaanxi (陕西, 섬서)".into()],
        }
        .into());
    }
    // A city where a province is wanted (`Qingdao`, `칭다오`): say whose it is.
    if country == Country::China {
        let cities = super::city::resolve(&mut *db.acquire().await?, input).await?;
        if let Some(first) = cities.first() {
            let mut provinces: Vec<String> = Vec::new();
            for c in &cities {
                if !provinces.contains(&c.province) {
                    provinces.push(c.province.clone());
                }
            }
            return Err(Refusal::CityForProvince {
                typed: input.trim().chars().take(40).collect(),
                city: first.name.clone(),
                provinces,
            }
            .into());
        }
    }
    let names: Vec<(String, String)> =
        sqlx::query_as("SELECT a.norm, r.name FROM region_aliases a JOIN regions r ON r.id = a.region_id WHERE a.country = ?")
            .bind(country.code())
            .fetch_all(db)
            .await?;
    Err(unknown(country, input, names).into())
}

/// The refusal for a name that matches no place of `country`, with the closest names.
pub fn unknown(country: Country, input: &str, names: Vec<(String, String)>) -> Refusal {
    Refusal::UnknownPlace {
        typed: input.chars().take(40).collect(),
        china: country == Country::China,
        near: nearest(&normalize(input), names),
    }
}

/// The items of a list of places as people type them: separated by commas (also the
/// Chinese and Japanese ones) or semicolons.
pub fn list_items(input: &str) -> impl Iterator<Item = &str> {
    input
        .split([',', ';', '、', '，', '·', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The refusal for an empty list of places.
pub fn empty_list(country: Country) -> Refusal {
    Refusal::NoPlace {
        china: country == Country::China,
    }
}

/// Resolves a comma-separated list, keeping order and dropping repeats.
pub async fn resolve_list(db: &SqlitePool, country: Country, input: &str) -> Result<Vec<Region>> {
    let mut out: Vec<Region> = Vec::new();
    for part in list_items(input) {
        let region = resolve(db, country, part).await?;
        if !out.contains(&region) {
            out.push(region);
        }
    }
    if out.is_empty() {
        return Err(empty_list(country).into());
    }
    Ok(out)
}

pub async fn names(db: impl SqliteExecutor<'_>, ids: &[i64]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let all: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM regions")
        .fetch_all(db)
        .await?;
    for id in ids {
        if let Some((_, n)) = all.iter().find(|(i, _)| i == id) {
            out.push(n.clone());
        }
    }
    Ok(out)
}

/// Every place's name by id (a few hundred rows).
pub async fn name_map(
    db: impl SqliteExecutor<'_>,
) -> Result<std::collections::HashMap<i64, String>> {
    let all: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM regions")
        .fetch_all(db)
        .await?;
    Ok(all.into_iter().collect())
}

/// Autocomplete: names ranked exact, prefix, then substring.
pub async fn suggest(db: &SqlitePool, country: Country, input: &str) -> Result<Vec<String>> {
    let key = normalize(input);
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT a.norm, r.name FROM region_aliases a JOIN regions r ON r.id = a.region_id WHERE a.country = ? ORDER BY r.name")
            .bind(country.code())
            .fetch_all(db)
            .await?;
    Ok(rank(&key, rows))
}

/// Ranks (normalized key, display name) pairs against a key: exact, prefix, substring;
/// at most 25 distinct names, the most Discord shows.
pub fn rank(key: &str, rows: Vec<(String, String)>) -> Vec<String> {
    let mut scored: Vec<(u8, String)> = rows
        .into_iter()
        .filter_map(|(norm, name)| {
            let score = if norm == key {
                0
            } else if norm.starts_with(key) {
                1
            } else if norm.contains(key) {
                2
            } else {
                return None;
            };
            Some((score, name))
        })
        .collect();
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, name) in scored {
        if !out.contains(&name) {
            out.push(name);
        }
        if out.len() == 25 {
            break;
        }
    }
    out
}

/// The three names closest to `key` (normalized), best first; none when nothing is close.
pub fn nearest(key: &str, names: Vec<(String, String)>) -> Vec<String> {
    let mut scored: Vec<(f64, String)> = names
        .into_iter()
        .map(|(norm, name)| {
            let mut score = strsim::jaro_winkler(key, &norm);
            if !key.is_empty() && (norm.starts_with(key) || key.starts_with(&norm)) {
                score += 0.1;
            }
            (score, name)
        })
        .filter(|(score, _)| *score > 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut best: Vec<String> = Vec::new();
    for (_, name) in scored {
        if !best.contains(&name) {
            best.push(name);
        }
        if best.len() == 3 {
            break;
        }
    }
    best
}

/// Every place's English name with its Korean and Chinese names (migration 0032), for
/// showing records in the reader's language.
pub async fn names_in_languages(
    db: impl SqliteExecutor<'_>,
) -> Result<Vec<(String, Option<String>, Option<String>, String)>> {
    // Chinese cities too (their Korean and Chinese names came with them, migration 0017),
    // each as `city`, after the regions: one English name can be a region and a city
    // (Jilin; Jinan is a Korean county and a Chinese city), and the reader of a visit's
    // city wants the city. The last column is what kind of place it is, which names its
    // leaders' offices: `city` (a Chinese city or municipality), `province`, `region`
    // (autonomous), `sar` (Hong Kong, Macau), `korea`; a row of the cities table is
    // `china-city`.
    Ok(sqlx::query_as(
        "SELECT name, name_ko, name_zh,
                CASE WHEN country = 'KR' THEN 'korea'
                     WHEN kind = 'special administrative region' THEN 'sar'
                     WHEN kind = 'autonomous region' THEN 'region'
                     WHEN kind = 'municipality' THEN 'city'
                     ELSE 'province' END
           FROM regions
         UNION ALL
         SELECT name, ko, zh, 'china-city' FROM cities",
    )
    .fetch_all(db)
    .await?)
}

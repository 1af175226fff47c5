//! China's prefecture-level cities (migration 0017, from data/cn_cities.csv) and their
//! provinces: `Qingdao`, `青岛` and `칭다오` are one city of Shandong. A few names belong to
//! two cities (Suzhou in Jiangsu and in Anhui): resolving one gives every city it names.

use sqlx::SqliteConnection;

use crate::domain::normalize;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct City {
    pub id: i64,
    /// The usual English name, e.g. `Qingdao`.
    pub name: String,
    pub zh: String,
    pub ko: String,
    pub province_id: i64,
    /// The province's English name, as the regions table spells it.
    pub province: String,
    pub county_level: bool,
}

type Row = (i64, String, String, String, i64, String, bool);

fn city((id, name, zh, ko, province_id, province, county_level): Row) -> City {
    City {
        id,
        name,
        zh,
        ko,
        province_id,
        province,
        county_level,
    }
}

const SELECT: &str = "SELECT c.id, c.name, c.zh, c.ko, c.province_id, r.name, c.county_level
     FROM cities c JOIN regions r ON r.id = c.province_id";

/// The city a delegation came from, as recorded: a Chinese city's English name when `typed`
/// names one (지난, 济南市, Jinan City → Jinan), the one of `provinces` when it names two
/// (Suzhou); else what was typed, as typed.
pub async fn recorded(
    conn: &mut SqliteConnection,
    typed: &str,
    provinces: &[i64],
) -> Result<String> {
    let found = resolve(conn, typed).await?;
    let named = match found.as_slice() {
        [one] => Some(one),
        many => many.iter().find(|c| provinces.contains(&c.province_id)),
    };
    Ok(named.map_or_else(|| typed.trim().to_string(), |c| c.name.clone()))
}

/// Every city a name means (none, one, or two for the names listed as ambiguous), so a
/// caller can say "Shenzhen is a city in Guangdong" or ask which Suzhou.
pub async fn resolve(conn: &mut SqliteConnection, input: &str) -> Result<Vec<City>> {
    // Its spellings, and its Korean name with or without 시 (지난, 지난시).
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE c.id IN (SELECT city_id FROM city_aliases WHERE norm = ?1)
            OR c.ko = ?2 OR c.ko || '시' = ?2
         ORDER BY c.id"
    )))
    .bind(normalize(input))
    .bind(input.trim())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(city).collect())
}

/// Every city with every normalized alias: (alias as written, city), for gazetteers.
pub async fn all_aliases(conn: &mut SqliteConnection) -> Result<Vec<(String, City)>> {
    type AliasRow = (String, i64, String, String, String, i64, String, bool);
    let rows: Vec<AliasRow> =
        sqlx::query_as(
            "SELECT a.alias, c.id, c.name, c.zh, c.ko, c.province_id, r.name, c.county_level
             FROM city_aliases a JOIN cities c ON c.id = a.city_id JOIN regions r ON r.id = c.province_id
             ORDER BY c.id, a.alias",
        )
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(alias, id, name, zh, ko, p, province, county)| {
            (alias, city((id, name, zh, ko, p, province, county)))
        })
        .collect())
}

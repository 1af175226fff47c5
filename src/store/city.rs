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

/// Every city a name means (none, one, or two for the names listed as ambiguous), so a
/// caller can say "Shenzhen is a city in Guangdong" or ask which Suzhou.
pub async fn resolve(conn: &mut SqliteConnection, input: &str) -> Result<Vec<City>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} JOIN city_aliases a ON a.city_id = c.id WHERE a.norm = ? ORDER BY c.id"
    )))
    .bind(normalize(input))
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

//! Live records as rows of named cells, the shape exports write and imports compare with:
//! names instead of ids, dates as they were entered, lists joined as a sheet shows them.

use serde_json::{Map, Value as Json, json};
use sqlx::SqliteConnection;

use super::Entity;
use crate::error::Result;

/// One record: column name → cell.
pub type Row = Map<String, Json>;

/// Every live record of one kind, oldest id first; with `only`, just those ids.
pub async fn rows(
    conn: &mut SqliteConnection,
    entity: Entity,
    only: Option<&[i64]>,
) -> Result<Vec<Row>> {
    let Some(ids) = only else {
        // `? IS NULL` holds for the unbound NULL: every row.
        return rows_where(conn, entity, "? IS NULL", None).await;
    };
    let mut out = Vec::new();
    for chunk in super::bulk::id_chunks(ids) {
        let alias = match entity {
            Entity::Visit => "v",
            Entity::Official => "o",
            Entity::Meeting => "m",
            Entity::Forum => "f",
            Entity::Outcome => "oc",
        };
        let cond = format!("{alias}.id IN (SELECT value FROM json_each(?))");
        out.extend(rows_where(conn, entity, &cond, Some(chunk)).await?);
    }
    Ok(out)
}

async fn rows_where(
    db: &mut SqliteConnection,
    entity: Entity,
    cond: &str,
    bind: Option<String>,
) -> Result<Vec<Row>> {
    let mut out = Vec::new();
    match entity {
        Entity::Visit => {
            let sql = format!(
                "SELECT v.id,
                   (SELECT group_concat(r.name, ', ') FROM (SELECT r.name FROM visit_provinces p JOIN regions r ON r.id = p.region_id
                      WHERE p.visit_id = v.id ORDER BY r.name) r),
                   v.city, v.level, v.start_shown, v.end_shown, o.name,
                   (SELECT group_concat(r.name, ', ') FROM (SELECT r.name FROM visit_places p JOIN regions r ON r.id = p.region_id
                      WHERE p.visit_id = v.id ORDER BY p.position) r),
                   v.purpose, v.size,
                   (SELECT json_group_array(json_object('url', s.url, 'title', s.title, 'date', s.published))
                      FROM (SELECT * FROM visit_sources s WHERE s.visit_id = v.id ORDER BY s.id) s),
                   v.version
                 FROM visits v LEFT JOIN officials o ON o.id = v.leader_id WHERE v.deleted_at IS NULL AND {cond} ORDER BY v.id"
            );
            type R = (
                i64,
                Option<String>,
                Option<String>,
                Option<String>,
                String,
                Option<String>,
                Option<String>,
                Option<String>,
                Option<String>,
                Option<i64>,
                String,
                i64,
            );
            for (
                id,
                province,
                city,
                level,
                start,
                end,
                leader,
                places,
                purpose,
                size,
                sources,
                version,
            ) in sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(sql))
                .bind(bind)
                .fetch_all(&mut *db)
                .await?
            {
                let sources: Json = serde_json::from_str(&sources)?;
                out.push(obj(json!({"id": id, "version": version, "province": province, "city": city, "level": level, "start": start, "end": end,
                    "leader": leader, "places": places, "purpose": purpose, "size": size, "sources": sources})));
            }
        }
        Entity::Official => out = officials_plain(db, cond, bind).await?,
        Entity::Meeting => {
            let sql = format!(
                "SELECT m.id, m.date_shown,
                   (SELECT group_concat(name, '; ') FROM (SELECT o.name FROM meeting_participants mp JOIN officials o ON o.id = mp.official_id
                      WHERE mp.meeting_id = m.id ORDER BY o.name)),
                   m.place, m.visit_id, m.summary, m.version
                 FROM meetings m WHERE m.deleted_at IS NULL AND {cond} ORDER BY m.id"
            );
            type R = (
                i64,
                String,
                Option<String>,
                Option<String>,
                Option<i64>,
                Option<String>,
                i64,
            );
            for (id, date, officials, place, visit, summary, version) in
                sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(sql))
                    .bind(bind)
                    .fetch_all(&mut *db)
                    .await?
            {
                out.push(obj(json!({"id": id, "version": version, "date": date, "officials": officials, "place": place, "visit": visit, "summary": summary})));
            }
        }
        Entity::Forum => {
            let sql = format!(
                "SELECT f.id, f.name, f.kind, f.edition, f.start_shown, f.end_shown, f.place, f.organizer,
                   (SELECT group_concat(visit_id, ', ') FROM (SELECT fv.visit_id FROM forum_visits fv JOIN visits v ON v.id = fv.visit_id
                      AND v.deleted_at IS NULL WHERE fv.forum_id = f.id ORDER BY fv.visit_id)),
                   f.version
                 FROM forums f WHERE f.deleted_at IS NULL AND {cond} ORDER BY f.id"
            );
            type R = (
                i64,
                String,
                String,
                Option<String>,
                String,
                Option<String>,
                Option<String>,
                Option<String>,
                Option<String>,
                i64,
            );
            for (id, name, kind, edition, start, end, place, organizer, visits, version) in
                sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(sql))
                    .bind(bind)
                    .fetch_all(&mut *db)
                    .await?
            {
                out.push(obj(json!({"id": id, "version": version, "name": name, "kind": kind, "edition": edition, "start": start, "end": end,
                    "place": place, "organizer": organizer, "visits": visits})));
            }
        }
        Entity::Outcome => out = outcomes(db, cond, bind).await?,
    }
    Ok(out)
}

/// Outcomes: the amount as a decimal string beside its currency, links by number, sources
/// as visits carry them.
async fn outcomes(db: &mut SqliteConnection, cond: &str, bind: Option<String>) -> Result<Vec<Row>> {
    #[derive(sqlx::FromRow)]
    struct OutcomeLine {
        id: i64,
        kind: String,
        title: String,
        date: String,
        status: String,
        province: Option<String>,
        city: Option<String>,
        korean_side: Option<String>,
        amount_minor: Option<i64>,
        currency: Option<String>,
        amount_about: i64,
        visit_id: Option<i64>,
        meeting_id: Option<i64>,
        forum_id: Option<i64>,
        summary: Option<String>,
        sources: String,
        version: i64,
    }
    let sql = format!(
        "SELECT oc.id, oc.kind, oc.title, oc.date_shown AS date, oc.status,
           (SELECT group_concat(r.name, ', ') FROM (SELECT r.name FROM outcome_provinces p JOIN regions r ON r.id = p.region_id
              WHERE p.outcome_id = oc.id ORDER BY r.name) r) AS province,
           oc.city, oc.korean_side, oc.amount_minor, oc.currency, oc.amount_about, oc.visit_id, oc.meeting_id,
           oc.forum_id, oc.summary,
           (SELECT json_group_array(json_object('url', s.url, 'title', s.title, 'date', s.published))
              FROM (SELECT * FROM outcome_sources s WHERE s.outcome_id = oc.id ORDER BY s.id) s) AS sources,
           oc.version
         FROM outcomes oc WHERE oc.deleted_at IS NULL AND {cond} ORDER BY oc.id"
    );
    let mut out = Vec::new();
    for r in sqlx::query_as::<_, OutcomeLine>(sqlx::AssertSqlSafe(sql))
        .bind(bind)
        .fetch_all(&mut *db)
        .await?
    {
        let sources: Json = serde_json::from_str(&r.sources)?;
        let money =
            super::outcome::stored_money(r.amount_minor, r.currency.as_deref(), r.amount_about);
        // An approximate amount is written as it reads back: `about 1500000000`.
        let amount = money.map(|m| {
            let figure = m.amount.decimal();
            if m.about {
                format!("about {figure}")
            } else {
                figure
            }
        });
        out.push(obj(json!({"id": r.id, "version": r.version, "kind": r.kind, "title": r.title, "date": r.date,
            "status": r.status, "province": r.province, "city": r.city, "korean_side": r.korean_side,
            "amount": amount, "currency": money.map(|m| m.currency.label()),
            "visit": r.visit_id, "meeting": r.meeting_id, "forum": r.forum_id, "summary": r.summary,
            "sources": sources})));
    }
    Ok(out)
}

/// Officials with the aliases that are not simply their name or local name, and their
/// posts.
async fn officials_plain(
    db: &mut SqliteConnection,
    cond: &str,
    bind: Option<String>,
) -> Result<Vec<Row>> {
    type R = (
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        i64,
    );
    let people = sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(format!(
        "SELECT o.id, o.name, o.local_name, o.country, o.title, o.organization, r.name, o.version
         FROM officials o LEFT JOIN regions r ON r.id = o.province_id WHERE o.deleted_at IS NULL AND {cond} ORDER BY o.id"
    )))
    .bind(bind.clone())
    .fetch_all(&mut *db)
    .await?;
    let bind_positions = bind.clone();
    let aliases: Vec<(i64, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT a.official_id, a.norm, a.alias FROM official_aliases a JOIN officials o ON o.id = a.official_id
         WHERE {cond} ORDER BY a.official_id, a.alias"
    )))
    .bind(bind)
    .fetch_all(&mut *db)
    .await?;
    // One post per line, newest first: title | organization | province | from | to.
    let mut posts: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for (official, id, title, organization, province, from, to) in sqlx::query_as::<
        _,
        (i64, i64, String, Option<String>, Option<String>, Option<String>, Option<String>),
    >(sqlx::AssertSqlSafe(format!(
        "SELECT p.official_id, p.id, p.title, p.organization, r.name, p.from_shown, p.to_shown
           FROM posts p JOIN officials o ON o.id = p.official_id LEFT JOIN regions r ON r.id = p.province_id
          WHERE o.deleted_at IS NULL AND {cond}
          ORDER BY p.official_id, p.span_from DESC, p.span_to DESC, p.id DESC"
    )))
    .bind(bind_positions)
    .fetch_all(&mut *db)
    .await?
    {
        let post = super::post::Post {
            id,
            title,
            organization,
            province,
            from,
            to,
        };
        posts
            .entry(official)
            .or_default()
            .push(super::post::line(&post));
    }
    let mut out = Vec::new();
    for (id, name, local_name, country, title, organization, province, version) in people {
        let own = [
            Some(crate::domain::normalize(&name)),
            local_name.as_deref().map(crate::domain::normalize),
        ];
        let extra: Vec<&str> = aliases
            .iter()
            .filter(|(o, norm, _)| *o == id && !own.contains(&Some(norm.clone())))
            .map(|(_, _, a)| a.as_str())
            .collect();
        let aliases = (!extra.is_empty()).then(|| extra.join("; "));
        let posts = posts.remove(&id).map(|lines| lines.join("\n"));
        out.push(obj(json!({"id": id, "version": version, "name": name, "local_name": local_name, "country": country, "title": title,
            "organization": organization, "province": province, "aliases": aliases, "posts": posts})));
    }
    Ok(out)
}

fn obj(v: Json) -> Row {
    match v {
        Json::Object(m) => m,
        _ => unreachable!("rows are built as objects"),
    }
}

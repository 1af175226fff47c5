//! Keeping the index in step with the records. A record's entry is computed in SQL from its
//! current state (`documents`), then turned into what the tokenizer should see in Rust
//! (`search_text::index_form`: CJK runs as pairs of characters) and stored beside the
//! original text, which results show.

use super::super::{Entity, Tx, bulk};
use super::{KINDS, rowid};
use crate::domain::search_text::{index_form, words};
use crate::error::Result;

/// The entries of live records of one kind: (rowid, entity, id, title, body), computed in
/// SQL from their current state; `only` restricts the ids (`= ?`, `IN (...)`,
/// `BETWEEN ? AND ?`). Dates known only to their month show as YYYY-MM. A record of an
/// official is found by any of their aliases and the titles of their posts, and the visits
/// they led and the meetings they took part in by their aliases. An outcome is found by its
/// title, provinces, city, Korean side and summary. Places are found by their names in
/// every language (migration 0032).
fn documents(entity: Entity, only: Option<&str>) -> String {
    let (alias, select) = match entity {
        Entity::Visit => (
            "v",
            "'Visit #' || v.id || ' · ' || coalesce((SELECT group_concat(r.name, ', ') FROM visit_provinces p
                JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id), '') || ' · ' || v.start_shown,
             concat_ws(' ',
                (SELECT group_concat(concat_ws(' ', r.name, r.local_name, r.name_ko, r.name_zh), ' ') FROM visit_provinces p JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id),
                v.city, v.level, o.name, o.local_name,
                (SELECT group_concat(a.alias, ' ') FROM official_aliases a WHERE a.official_id = v.leader_id),
                (SELECT group_concat(concat_ws(' ', r.name, r.local_name, r.name_ko, r.name_zh), ' ') FROM visit_places p JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id),
                v.purpose,
                (SELECT group_concat(s.title, ' ') FROM visit_sources s WHERE s.visit_id = v.id))
             FROM visits v LEFT JOIN officials o ON o.id = v.leader_id",
        ),
        Entity::Meeting => (
            "m",
            "'Meeting #' || m.id || ' · ' || m.date_shown
                || coalesce(' · ' || m.place, ''),
             concat_ws(' ', (SELECT group_concat(concat_ws(' ', o.name, o.local_name,
                  (SELECT group_concat(a.alias, ' ') FROM official_aliases a WHERE a.official_id = o.id)), ' ')
                FROM meeting_participants mp JOIN officials o ON o.id = mp.official_id WHERE mp.meeting_id = m.id),
                m.place, m.summary)
             FROM meetings m",
        ),
        Entity::Forum => (
            "f",
            "f.name || coalesce(' (' || f.edition || ')', '') || ' · '
                || f.start_shown,
             concat_ws(' ', f.kind, f.edition, f.place, f.organizer)
             FROM forums f",
        ),
        Entity::Official => (
            "o",
            "o.name || coalesce(' (' || o.title || ')', ''),
             concat_ws(' ', o.local_name, o.title, o.organization, o.country, r.name,
                (SELECT group_concat(a.alias, ' ') FROM official_aliases a WHERE a.official_id = o.id),
                (SELECT group_concat(concat_ws(' ', p.title, p.organization), ' ') FROM posts p
                  WHERE p.official_id = o.id AND p.title IS NOT o.title))
             FROM officials o LEFT JOIN regions r ON r.id = o.province_id",
        ),
        Entity::Outcome => (
            "o",
            "o.title || ' · ' || o.kind || ' · ' || o.date_shown,
             concat_ws(' ',
                (SELECT group_concat(concat_ws(' ', r.name, r.local_name, r.name_ko, r.name_zh), ' ') FROM outcome_provinces p JOIN regions r ON r.id = p.region_id WHERE p.outcome_id = o.id),
                o.city, o.korean_side, o.status, o.summary,
                (SELECT group_concat(s.title, ' ') FROM outcome_sources s WHERE s.outcome_id = o.id))
             FROM outcomes o",
        ),
    };
    let only = only
        .map(|o| format!(" AND {alias}.id {o}"))
        .unwrap_or_default();
    format!(
        "SELECT {} + {alias}.id, '{}', {alias}.id, {select} WHERE {alias}.deleted_at IS NULL{only} ORDER BY 1",
        rowid(entity, 0),
        entity.as_str()
    )
}

type Doc = (i64, String, i64, String, String);

/// Stores entries: the tokenizer's form of title and body, and the originals to show; and
/// their words in the vocabulary prefix searches name words from.
async fn write(tx: &mut Tx<'_>, docs: &[Doc]) -> Result<()> {
    let mut vocabulary: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for (_, _, _, title, body) in docs {
        vocabulary.extend(words(&index_form(title)));
        vocabulary.extend(words(&index_form(body)));
    }
    let vocabulary: Vec<String> = vocabulary.into_iter().collect();
    bulk::insert(
        tx,
        "INSERT OR IGNORE INTO search_terms (term) ",
        &vocabulary,
        |b, term| {
            b.push_bind(term.clone());
        },
    )
    .await?;
    bulk::insert(
        tx,
        "INSERT INTO search_index (rowid, entity, entity_id, title, body, shown_title, shown_body) ",
        docs,
        |b, (rowid, entity, id, title, body)| {
            b.push_bind(*rowid)
                .push_bind(entity.clone())
                .push_bind(*id)
                .push_bind(index_form(title))
                .push_bind(index_form(body))
                .push_bind(title.clone())
                .push_bind(body.clone());
        },
    )
    .await
}

pub async fn reindex(tx: &mut Tx<'_>, entity: Entity, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM search_index WHERE rowid = ?")
        .bind(rowid(entity, id))
        .execute(&mut **tx)
        .await?;
    let docs: Vec<Doc> = sqlx::query_as(sqlx::AssertSqlSafe(documents(entity, Some("= ?"))))
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
    write(tx, &docs).await
}

/// Entries computed again for records that exist (their entries replaced).
pub async fn reindex_many(tx: &mut Tx<'_>, entity: Entity, ids: &[i64]) -> Result<()> {
    remove(tx, entity, ids).await?;
    index(tx, entity, ids).await
}

/// A person's names changed (an alias added or removed, a rename, a merge): the visits
/// they led and the meetings they were in are found by those names, so their entries are
/// computed again.
pub async fn reindex_person(tx: &mut Tx<'_>, official: i64) -> Result<()> {
    let visits: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM visits WHERE leader_id = ? AND deleted_at IS NULL")
            .bind(official)
            .fetch_all(&mut **tx)
            .await?;
    let meetings: Vec<i64> = sqlx::query_scalar(
        "SELECT p.meeting_id FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
          WHERE p.official_id = ? AND m.deleted_at IS NULL",
    )
    .bind(official)
    .fetch_all(&mut **tx)
    .await?;
    reindex_many(tx, Entity::Visit, &visits).await?;
    reindex_many(tx, Entity::Meeting, &meetings).await
}

/// Index entries for records added in bulk, in ascending rowid order (FTS5 appends those
/// cheaply).
pub async fn index(tx: &mut Tx<'_>, entity: Entity, ids: &[i64]) -> Result<()> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    for chunk in bulk::id_chunks(&ids) {
        let docs: Vec<Doc> = sqlx::query_as(sqlx::AssertSqlSafe(documents(
            entity,
            Some("IN (SELECT value FROM json_each(?))"),
        )))
        .bind(chunk)
        .fetch_all(&mut **tx)
        .await?;
        write(tx, &docs).await?;
    }
    Ok(())
}

/// Removes the entries of records that are gone for good.
pub async fn remove(tx: &mut Tx<'_>, entity: Entity, ids: &[i64]) -> Result<()> {
    for chunk in bulk::id_chunks(ids) {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM search_index WHERE rowid IN (SELECT {} + value FROM json_each(?))",
            rowid(entity, 0)
        )))
        .bind(chunk)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Records read at a time when the whole index is rebuilt.
const REBUILD_STEP: i64 = 20_000;

/// Rebuilds the whole index (after a bulk load, or once after an upgrade that changed what
/// the index holds), kind by kind in rowid order.
pub async fn rebuild(tx: &mut Tx<'_>) -> Result<()> {
    for table in ["search_index", "search_terms"] {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}")))
            .execute(&mut **tx)
            .await?;
    }
    for entity in KINDS {
        let last: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT coalesce(max(id), 0) FROM {}",
            super::super::table(entity)
        )))
        .fetch_one(&mut **tx)
        .await?;
        let mut from = 1;
        while from <= last {
            let docs: Vec<Doc> = sqlx::query_as(sqlx::AssertSqlSafe(documents(
                entity,
                Some("BETWEEN ? AND ?"),
            )))
            .bind(from)
            .bind(from + REBUILD_STEP - 1)
            .fetch_all(&mut **tx)
            .await?;
            write(tx, &docs).await?;
            from += REBUILD_STEP;
        }
    }
    // One segment: a search reads the newest matches of a kind in rowid order, which is ten
    // times faster from one segment than from the many a bulk write leaves.
    sqlx::query("INSERT INTO search_index (search_index) VALUES ('optimize')")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Merges some of the index's segments (the daily upkeep of `serve`): bounded work, so it
/// never holds the write lock long.
pub async fn tidy(db: &sqlx::SqlitePool) -> Result<()> {
    sqlx::query("INSERT INTO search_index (search_index, rank) VALUES ('merge', 500)")
        .execute(db)
        .await?;
    Ok(())
}

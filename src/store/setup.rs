//! The team's setup beside its records: watches, the digest's schedule and the language
//! of what the bot posts. What the audit log keeps of each (its row as JSON) and how undo
//! puts it back; `Change` (change/setup.rs) is the only way they are written.

use serde_json::Value as Json;

use super::Tx;
use crate::error::Result;

/// One piece of the setup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Watch(i64),
    Digest,
    Language,
}

impl Setting {
    /// As `setting_changes` names it: (setting, key).
    pub fn stored(self) -> (&'static str, i64) {
        match self {
            Setting::Watch(id) => ("watch", id),
            Setting::Digest => ("digest", 1),
            Setting::Language => ("language", 1),
        }
    }

    pub fn parse(setting: &str, key: i64) -> Option<Setting> {
        match setting {
            "watch" => Some(Setting::Watch(key)),
            "digest" => Some(Setting::Digest),
            "language" => Some(Setting::Language),
            _ => None,
        }
    }
}

const WATCH: &str = "json_object('id', id, 'channel_id', channel_id, 'kind', kind,
    'province_id', province_id, 'place_id', place_id, 'official_id', official_id,
    'created_by_id', created_by_id, 'created_by', created_by, 'created_at', created_at,
    'paused_at', paused_at, 'paused_reason', paused_reason) FROM watches WHERE id = ?";
const DIGEST: &str = "json_object('channel_id', channel_id, 'frequency', frequency,
    'weekday', weekday, 'day', day, 'hour', hour, 'set_by_id', set_by_id, 'set_by', set_by,
    'set_at', set_at) FROM digest_schedule WHERE id = ?";
const LANGUAGE: &str =
    "json_object('value', value) FROM settings WHERE key = 'team_language' AND 1 = ?";

/// The setting as it is now, or `None` when there is none.
pub(super) async fn snapshot(tx: &mut Tx<'_>, s: Setting) -> Result<Option<Json>> {
    let select = match s {
        Setting::Watch(_) => WATCH,
        Setting::Digest => DIGEST,
        Setting::Language => LANGUAGE,
    };
    let row: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT {select}")))
        .bind(s.stored().1)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(|r| serde_json::from_str(&r)).transpose()?)
}

/// Puts the setting back as `before` had it; `None`: it did not exist, so it goes.
pub(super) async fn restore(tx: &mut Tx<'_>, s: Setting, before: Option<&Json>) -> Result<()> {
    let (clear, put): (&[&str], &str) = match s {
        // A watch put back starts afresh: what it had still to post went with it.
        Setting::Watch(_) => (
            &[
                "DELETE FROM watch_deliveries WHERE watch_id = ?2",
                "DELETE FROM watch_seen WHERE watch_id = ?2",
                "DELETE FROM watches WHERE id = ?2",
            ],
            "INSERT INTO watches (id, channel_id, kind, province_id, place_id, official_id,
                created_by_id, created_by, created_at, paused_at, paused_reason)
             SELECT ?2, j->>'channel_id', j->>'kind', j->>'province_id', j->>'place_id',
                    j->>'official_id', j->>'created_by_id', j->>'created_by', j->>'created_at',
                    j->>'paused_at', j->>'paused_reason' FROM (SELECT ?1 AS j)",
        ),
        Setting::Digest => (
            &["DELETE FROM digest_schedule WHERE id = ?2"],
            "INSERT INTO digest_schedule (id, channel_id, frequency, weekday, day, hour,
                set_by_id, set_by, set_at)
             SELECT ?2, j->>'channel_id', j->>'frequency', j->>'weekday', j->>'day', j->>'hour',
                    j->>'set_by_id', j->>'set_by', j->>'set_at' FROM (SELECT ?1 AS j)",
        ),
        Setting::Language => (
            &["DELETE FROM settings WHERE key = 'team_language' AND 1 = ?2"],
            "INSERT INTO settings (key, value) SELECT 'team_language', j->>'value'
               FROM (SELECT ?1 AS j) WHERE 1 = ?2",
        ),
    };
    let key = s.stored().1;
    for sql in clear {
        sqlx::query(sqlx::AssertSqlSafe(*sql))
            .bind(Option::<String>::None)
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    if let Some(before) = before {
        sqlx::query(sqlx::AssertSqlSafe(put))
            .bind(before.to_string())
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

//! The team's own settings (the `settings` table): the language of what the bot posts.

use sqlx::SqlitePool;

use crate::error::Result;

const LANGUAGE: &str = "team_language";

/// The language set with `/settings language:` (`ko`, `zh`, `en`), if any.
pub async fn language(db: &SqlitePool) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(LANGUAGE)
            .fetch_optional(db)
            .await?,
    )
}

/// Sets the team's language.
pub(in crate::store) async fn set_language(tx: &mut super::Tx<'_>, code: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(LANGUAGE)
    .bind(code)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

//! The audited writes of the team's setup: watches, the digest, the team's language. Each
//! notes the setting before and after in `setting_changes`, in this change's batch, so
//! /data audit shows who changed it and undo puts it back (undo::undo_last).

use serde_json::Value as Json;

use super::Change;
use crate::error::Result;
use crate::store::digest::{self, Schedule};
use crate::store::setup::{self, Setting};
use crate::store::team;
use crate::store::watch::{self, Added, NewWatch, Watch};

impl Change {
    /// Adds a watch, or resumes a paused one with the same filter and channel.
    pub async fn add_watch(&mut self, w: &NewWatch<'_>) -> Result<Added> {
        let before = match watch::same(&mut self.tx, w).await? {
            Some((id, _)) => setup::snapshot(&mut self.tx, Setting::Watch(id)).await?,
            None => None,
        };
        let added = watch::add(&mut self.tx, w).await?;
        let (Added::New(id) | Added::Resumed(id)) = added;
        self.log_setting(Setting::Watch(id), before).await?;
        Ok(added)
    }

    /// Removes a watch with what it had still to post.
    pub async fn remove_watch(&mut self, id: i64) -> Result<Watch> {
        let before = setup::snapshot(&mut self.tx, Setting::Watch(id)).await?;
        let removed = watch::remove(&mut self.tx, id).await?;
        self.log_setting(Setting::Watch(id), before).await?;
        Ok(removed)
    }

    /// Pauses the watches that follow an official being deleted, saying why.
    pub async fn pause_watches_of(&mut self, official: i64, reason: &str) -> Result<Vec<i64>> {
        let following = watch::following(&mut self.tx, official).await?;
        let mut befores = Vec::new();
        for id in &following {
            befores.push(setup::snapshot(&mut self.tx, Setting::Watch(*id)).await?);
        }
        let paused = watch::pause_for_official(&mut self.tx, official, reason).await?;
        for (id, before) in following.into_iter().zip(befores) {
            if paused.contains(&id) {
                self.log_setting(Setting::Watch(id), before).await?;
            }
        }
        Ok(paused)
    }

    /// Sets (or replaces) the team's digest.
    pub async fn set_digest(&mut self, s: &Schedule, by_id: &str) -> Result<()> {
        let before = setup::snapshot(&mut self.tx, Setting::Digest).await?;
        digest::set(&mut self.tx, s, by_id).await?;
        self.log_setting(Setting::Digest, before).await
    }

    /// Turns the digest off; false when there was none.
    pub async fn digest_off(&mut self) -> Result<bool> {
        let before = setup::snapshot(&mut self.tx, Setting::Digest).await?;
        let was = digest::off(&mut self.tx).await?;
        if was {
            self.log_setting(Setting::Digest, before).await?;
        }
        Ok(was)
    }

    /// Sets the language of what the bot posts to channels.
    pub async fn set_team_language(&mut self, code: &str) -> Result<()> {
        let before = setup::snapshot(&mut self.tx, Setting::Language).await?;
        team::set_language(&mut self.tx, code).await?;
        self.log_setting(Setting::Language, before).await
    }

    /// Puts a setting back as `before` had it (undo), logged.
    pub async fn restore_setting(&mut self, s: Setting, before: Option<Json>) -> Result<()> {
        let now = setup::snapshot(&mut self.tx, s).await?;
        setup::restore(&mut self.tx, s, before.as_ref()).await?;
        self.log_setting(s, now).await
    }

    /// Notes a setting as it is now against `before`, in this change's batch.
    async fn log_setting(&mut self, s: Setting, before: Option<Json>) -> Result<()> {
        let after = setup::snapshot(&mut self.tx, s).await?;
        if before == after {
            return Ok(());
        }
        let (setting, key) = s.stored();
        sqlx::query(
            "INSERT INTO setting_changes (batch_id, setting, key, before, after) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(self.batch)
        .bind(setting)
        .bind(key)
        .bind(before.map(|b| b.to_string()))
        .bind(after.map(|a| a.to_string()))
        .execute(&mut **self.tx)
        .await?;
        Ok(())
    }
}

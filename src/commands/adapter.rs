//! What a chat adapter (Discord) asks of the core besides answers: the requests saved
//! behind its buttons, the outbox of watch messages, the digests' ledger, the hourly
//! upkeep and a visit as typed data for its edit form. The adapter reaches the store only
//! through these, so the store can change without the adapter knowing.

use sqlx::SqlitePool;

use super::App;
use crate::catalog::CommandSpec;
use crate::error::Result;
use crate::store::audit::Author;
use crate::store::change::Change;
pub use crate::store::digest::PostState;
pub use crate::store::outbox::Delivery;
pub use crate::store::state::Saved;
use crate::store::{Entity, change, digest, official, outbox, state, upgrade, visit};

impl App {
    /// The same core, keeping the requests behind buttons in the state file beside
    /// `database_url` (store::state), apart from the records.
    pub async fn with_saved_requests(mut self, database_url: &str) -> anyhow::Result<App> {
        self.saved = Some(state::open(database_url).await?);
        Ok(self)
    }

    fn saved(&self) -> Result<&SqlitePool> {
        self.saved
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("this App keeps no saved requests").into())
    }

    /// Closes the databases (on the way out of `serve`).
    pub async fn close(&self) {
        self.db.close().await;
        if let Some(saved) = &self.saved {
            saved.close().await;
        }
    }

    /// Keeps a request for a button (`kind`: confirm, page, draft) and returns its number.
    pub async fn remember(
        &self,
        kind: &str,
        user_id: &str,
        request: &serde_json::Value,
        file: Option<(&str, &[u8])>,
    ) -> Result<i64> {
        state::save(self.saved()?, kind, user_id, request, file).await
    }

    /// A request kept for a button, unless it expired.
    pub async fn recall(&self, id: i64) -> Result<Option<Saved>> {
        state::load(self.saved()?, id).await
    }

    /// Forgets a kept request; false when it was gone already (a second click).
    pub async fn forget(&self, id: i64) -> Result<bool> {
        state::forget(self.saved()?, id).await
    }

    /// The oldest watch messages waiting to be posted.
    pub async fn deliveries(&self, limit: i64) -> Result<Vec<Delivery>> {
        outbox::pending(&self.db, limit).await
    }

    /// A watch message was posted.
    pub async fn delivered(&self, id: i64) -> Result<()> {
        outbox::mark_sent(&self.db, id).await
    }

    /// A watch's channel refused its message: the watch pauses, `/watches` says why.
    pub async fn pause_watch(&self, watch_id: i64, reason: &str) -> Result<()> {
        outbox::pause(&self.db, watch_id, reason).await
    }

    /// Where the digest of a period stands in a channel.
    pub async fn digest_state(
        &self,
        channel: &str,
        from: &str,
        to: &str,
    ) -> Result<Option<PostState>> {
        digest::post_state(&self.db, channel, from, to).await
    }

    /// Claims a period's digest for posting; returns the last change it covers.
    pub async fn claim_digest(
        &self,
        channel: &str,
        frequency: &str,
        from: &str,
        to: &str,
    ) -> Result<i64> {
        digest::claim(&self.db, channel, frequency, from, to).await
    }

    /// A period's digest was posted, or refused (`refused` says why).
    pub async fn digest_done(
        &self,
        channel: &str,
        from: &str,
        to: &str,
        refused: Option<&str>,
    ) -> Result<()> {
        digest::finish(&self.db, channel, from, to, refused).await
    }

    /// The upkeep of each hour the bot runs: titles follow the posts held today; once a
    /// day (`daily`), the planner's statistics are refreshed.
    pub async fn upkeep(&self, daily: bool) {
        upgrade::settle_titles(&self.db).await;
        if daily {
            upgrade::optimize(&self.db).await;
        }
    }

    /// Officials added before readings were generated (or in a file from before) get their
    /// names in the other scripts once, so 신창싱 and 信长星 find Xin Changxing: one
    /// audited change by the bot, undoable like any other. Returns how many got some.
    pub async fn generate_readings(&self) -> Result<usize> {
        let lacking = official::lacking_readings(&self.db).await?;
        if lacking.is_empty() {
            return Ok(0);
        }
        let (some, none): (Vec<_>, Vec<_>) = lacking
            .into_iter()
            .map(|(id, chinese, spellings)| {
                let spellings: Vec<&str> = spellings.iter().map(String::as_str).collect();
                (id, crate::intake::romanize::readings(&spellings, chinese))
            })
            .partition(|(_, readings)| !readings.is_empty());
        let none: Vec<i64> = none.into_iter().map(|(id, _)| id).collect();
        let mut write = self.begin().await?;
        official::readings_made(&mut write, &none).await?;
        if some.is_empty() {
            write.commit().await?;
            return Ok(0);
        }
        let bot = Author {
            id: "delegation-bot",
            name: "delegation-bot",
        };
        let summary = format!("generated readings of {} officials", some.len());
        let mut change = Change::begin(write, &bot, "update", &summary).await?;
        for (id, readings) in &some {
            change.add_readings(*id, readings).await?;
        }
        change.commit().await?;
        Ok(some.len())
    }

    /// A live visit, every name resolved (what `/visits show` shows), or the refusal.
    pub async fn visit(&self, id: i64) -> Result<visit::View> {
        match visit::view(&self.db, id).await? {
            Some(view) => Ok(view),
            None => Err(change::missing(Entity::Visit, id).into()),
        }
    }

    /// Refuses a moderator's command to someone who is not one, before anything runs.
    pub fn may_run(&self, actor: &super::Actor, spec: &CommandSpec) -> Result<()> {
        if spec.moderator && !actor.moderator {
            return Err(crate::msg!("moderators-only-change").into());
        }
        Ok(())
    }
}

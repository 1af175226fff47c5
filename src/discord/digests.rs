//! The digest task of `serve`: every few seconds, at start, and at once when /digest set
//! changes the schedule, it works out the latest period
//! the digest fell due for; if that period was not yet posted to the digest's channel, it
//! claims it (store::digest, a unique key per channel and period), posts, and marks it
//! posted after Discord answered 2xx. After downtime only the latest period is posted, never
//! a backlog; a claim left by a crash is posted again (docs/watches-and-digests.md says it may repeat once).

use std::sync::Arc;
use std::time::Duration;

use chrono_tz::Tz;
use serenity::all::Http;
use tokio::sync::watch::Receiver;

use super::post::{self, Posted};
use crate::commands::App;
use crate::commands::PostState;
use crate::domain::schedule::Frequency;
use crate::error::Result;

/// How often the schedule is looked at: a schedule set from another process (the console)
/// is seen within this; one set through the bot wakes the task at once.
const TICK: Duration = Duration::from_secs(5);
/// After a post that did not go out.
const RETRY: Duration = Duration::from_secs(30);

pub async fn run(app: App, http: Arc<Http>, tz: Tz, mut stop: Receiver<bool>) {
    // The period last said to be posted already, so the log says it once, not every tick.
    let mut quiet: Option<(String, String)> = None;
    while !*stop.borrow() {
        let wait = match check(&app, &http, tz, &mut quiet).await {
            Ok(wait) => wait,
            Err(e) => {
                tracing::error!(error = ?e, "the digest check failed; trying again");
                RETRY
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            // A schedule just set may be due now: look at once.
            _ = app.digest_changed() => {}
            _ = stop.changed() => {}
        }
    }
}

/// Posts the digest if one is due; returns when to look again.
async fn check(
    app: &App,
    http: &Http,
    tz: Tz,
    quiet: &mut Option<(String, String)>,
) -> Result<Duration> {
    let Some((schedule, period, due)) = crate::commands::digest::due_now(app, tz).await? else {
        return Ok(TICK);
    };
    let frequency = Frequency::parse(&schedule.frequency).unwrap_or(Frequency::Monthly);
    let (from, to) = (period.from.to_string(), period.to.to_string());
    let label = period.label(frequency);
    let channel = &schedule.channel_id;
    let upto = match app.digest_state(channel, &from, &to).await? {
        Some(PostState::Posted) => {
            let key = (channel.clone(), from.clone());
            if quiet.as_ref() != Some(&key) {
                tracing::info!(%channel, period = %label, %due, "digest already posted for the latest period");
                *quiet = Some(key);
            }
            return Ok(TICK);
        }
        Some(PostState::Refused { .. }) => {
            // Kept until the digest is set again (/digests says so).
            return Ok(TICK);
        }
        Some(PostState::Posting { last_batch }) => {
            tracing::warn!(%channel, period = %label, "a digest post was left unanswered (a restart?); posting it again");
            last_batch
        }
        None => {
            app.claim_digest(channel, frequency.as_str(), &from, &to)
                .await?
        }
    };
    let reply = app
        .for_team(crate::commands::digest::digest(
            app, frequency, period, upto,
        ))
        .await?;
    match post::send(http, channel, &reply, None).await {
        Posted::Sent => {
            finish(app, channel, &from, &to, None).await;
            tracing::info!(%channel, period = %label, "digest posted");
            Ok(TICK)
        }
        Posted::Refused(reason) => {
            finish(app, channel, &from, &to, Some(&reason)).await;
            tracing::warn!(%channel, period = %label, %reason, "the digest channel refused the digest; kept until /digest set is run again");
            Ok(TICK)
        }
        Posted::Invalid(reason) => {
            finish(app, channel, &from, &to, Some(&reason)).await;
            tracing::error!(%channel, period = %label, %reason, "Discord refused the digest; kept until /digest set is run again");
            Ok(TICK)
        }
        Posted::Retry(reason) => {
            tracing::warn!(%channel, period = %label, %reason, "the digest did not go out; trying again");
            Ok(RETRY)
        }
    }
}

/// Marks the period done, trying a few times (a long write may hold the database): an
/// unmarked period would be posted again.
async fn finish(app: &App, channel: &str, from: &str, to: &str, refused: Option<&str>) {
    for attempt in 1..=5 {
        match app.digest_done(channel, from, to, refused).await {
            Ok(()) => return,
            Err(e) => {
                tracing::warn!(error = %e, attempt, "could not mark the digest; trying again");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        }
    }
}

//! The delivery task of `serve`: posts the watches' pending messages (store::outbox) in
//! order, and marks each sent only after Discord answered 2xx. A message whose post did not
//! get an answer stays pending and goes out again (after a restart too); a channel Discord
//! refuses pauses its watch.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serenity::all::Http;
use tokio::sync::watch::Receiver;

use super::post::{self, Posted};
use crate::commands::App;

/// How often the outbox is read when it was empty.
const POLL: Duration = Duration::from_millis(500);
/// The longest wait before a failed post is tried again.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

pub async fn run(app: App, http: Arc<Http>, mut stop: Receiver<bool>) {
    // Per watch: when its next post may be tried, and how many tries failed in a row.
    let mut backoff: HashMap<i64, (Instant, u32)> = HashMap::new();
    // Posted, but the database did not take the mark yet (a long write held it): never
    // posted again while this process lives.
    let mut unmarked: HashSet<i64> = HashSet::new();
    while !*stop.borrow() {
        let mut marked = Vec::new();
        for id in &unmarked {
            if app.delivered(*id).await.is_ok() {
                marked.push(*id);
            }
        }
        unmarked.retain(|id| !marked.contains(id));
        let pending = match app.deliveries(50).await {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(error = %e, "could not read the watch outbox; trying again");
                Vec::new()
            }
        };
        let mut waiting: HashSet<i64> = HashSet::new();
        let mut posted_any = false;
        for d in pending {
            if *stop.borrow() {
                break;
            }
            if unmarked.contains(&d.id) || waiting.contains(&d.watch_id) {
                continue;
            }
            if backoff
                .get(&d.watch_id)
                .is_some_and(|(at, _)| Instant::now() < *at)
            {
                // Later messages of the same watch wait, so they stay in order.
                waiting.insert(d.watch_id);
                continue;
            }
            let reply = app
                .for_team(async { crate::commands::watch::notice(&d.notice) })
                .await;
            let outcome = post::send(&http, &d.channel_id, &reply, Some(&d.notice.at)).await;
            posted_any = true;
            match outcome {
                Posted::Sent => {
                    backoff.remove(&d.watch_id);
                    if let Err(e) = app.delivered(d.id).await {
                        tracing::warn!(error = %e, delivery = d.id, "posted, but not yet marked; marking again");
                        unmarked.insert(d.id);
                    }
                    tracing::info!(
                        watch = d.watch_id,
                        delivery = d.id,
                        batch = d.notice.batch,
                        "watch message posted"
                    );
                }
                // The channel refused it, or Discord refused the message itself: trying
                // again would not help, and dropping it would lose it without a word, so
                // the watch pauses and `/watches` says why.
                Posted::Refused(reason) | Posted::Invalid(reason) => {
                    match app.pause_watch(d.watch_id, &reason).await {
                        Ok(()) => {
                            tracing::warn!(watch = d.watch_id, channel = %d.channel_id, %reason, "the channel refused the watch's message: watch paused")
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, watch = d.watch_id, %reason, "the channel refused the watch's message, and pausing the watch failed; trying again")
                        }
                    }
                    waiting.insert(d.watch_id);
                }
                Posted::Retry(reason) => {
                    let tries = backoff.get(&d.watch_id).map_or(0, |(_, n)| *n) + 1;
                    let wait = Duration::from_secs(1 << tries.min(9)).min(MAX_BACKOFF);
                    tracing::warn!(watch = d.watch_id, delivery = d.id, %reason, retry_in_s = wait.as_secs(), "a watch message did not go out; trying again");
                    backoff.insert(d.watch_id, (Instant::now() + wait, tries));
                    waiting.insert(d.watch_id);
                }
            }
        }
        if !posted_any {
            tokio::select! {
                _ = tokio::time::sleep(POLL) => {}
                _ = stop.changed() => {}
            }
        }
    }
}

//! Stopping `serve` without losing an answer: on SIGTERM the bot starts draining — an
//! interaction that arrives from then on is told at once that the bot is restarting, a
//! download under way is abandoned with a word to its user, and those already being answered
//! get up to `drain` to finish before the process goes anyway.

use std::time::Duration;

use tokio::sync::{RwLock, RwLockReadGuard, watch};

pub(super) struct Shutdown {
    /// Held for reading by each interaction being answered; the drain takes it for writing.
    in_flight: RwLock<()>,
    draining: watch::Sender<bool>,
}

impl Shutdown {
    pub fn new() -> Shutdown {
        Shutdown {
            in_flight: RwLock::new(()),
            draining: watch::channel(false).0,
        }
    }

    /// A pass for one interaction, or `None` once the bot is draining (tell them to retry).
    pub async fn enter(&self) -> Option<RwLockReadGuard<'_, ()>> {
        if *self.draining.borrow() {
            return None;
        }
        let pass = self.in_flight.read().await;
        (!*self.draining.borrow()).then_some(pass)
    }

    /// Resolves when draining begins: work that may wait long (a download) gives up then.
    pub async fn begun(&self) {
        let mut rx = self.draining.subscribe();
        let _ = rx.wait_for(|d| *d).await;
    }

    /// Starts draining and waits (at most `cap`) for the interactions in flight; false when
    /// some were still unanswered at the cap.
    pub async fn drain(&self, cap: Duration) -> bool {
        self.draining.send_replace(true);
        tokio::time::timeout(cap, self.in_flight.write())
            .await
            .is_ok()
    }
}

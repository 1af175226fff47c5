//! Stopping `serve` without losing an answer: on SIGTERM the bot starts draining — an
//! interaction that arrives from then on is told at once that the bot is restarting, a
//! download under way is abandoned with a word to its user, and those already being answered
//! get up to `drain` to finish before the process goes anyway.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{RwLock, RwLockReadGuard, watch};

pub(super) struct Shutdown {
    /// Held for reading by each interaction being answered; the drain takes it for writing.
    in_flight: RwLock<()>,
    /// How many are being answered: the last one out gives the burst's memory back.
    busy: AtomicUsize,
    draining: watch::Sender<bool>,
}

/// One interaction's right to be answered (see `Shutdown::enter`).
pub(super) struct Pass<'a> {
    _held: RwLockReadGuard<'a, ()>,
    busy: &'a AtomicUsize,
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        if self.busy.fetch_sub(1, Ordering::AcqRel) == 1 {
            crate::operate::give_memory_back();
        }
    }
}

impl Shutdown {
    pub fn new() -> Shutdown {
        Shutdown {
            in_flight: RwLock::new(()),
            busy: AtomicUsize::new(0),
            draining: watch::channel(false).0,
        }
    }

    /// A pass for one interaction, or `None` once the bot is draining (tell them to retry).
    pub async fn enter(&self) -> Option<Pass<'_>> {
        if *self.draining.borrow() {
            return None;
        }
        let held = self.in_flight.read().await;
        if *self.draining.borrow() {
            return None;
        }
        self.busy.fetch_add(1, Ordering::AcqRel);
        Some(Pass {
            _held: held,
            busy: &self.busy,
        })
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

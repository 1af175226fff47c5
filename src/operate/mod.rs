//! Running unattended: the health and metrics endpoint of `serve` (`METRICS_ADDR`, off by
//! default), the counters behind it, the gateway's state as serenity's shard manager sees
//! it, and `healthcheck`, which asks the endpoint (a container's HEALTHCHECK).

mod http;
pub mod metrics;

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use anyhow::Context as _;
use serenity::gateway::{ConnectionStage, ShardManager};

pub use http::{Endpoint, healthcheck};

/// Tells the C allocator to give memory back after a burst: two arenas instead of one per
/// thread that ever allocated, and large blocks (an embed, a chart, a JSON body) mapped
/// apart so that freeing them returns them. A burst of 1,000 interactions at a million
/// visits left `serve` at 129 MB resident without this, 105 MB with it. Called once, before
/// any thread starts; glibc only (elsewhere the allocator is left as it is).
pub fn keep_memory_small() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets glibc's tuning parameters; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// A command whose output is cut short (`delegation-bot export | head`) ends as other
/// command-line tools do, quietly, instead of panicking on the closed pipe with a
/// backtrace: the default action of SIGPIPE, which Rust's runtime ignores. Not for
/// `serve` (sockets are written with MSG_NOSIGNAL either way, but it keeps the runtime's
/// choice).
pub fn end_quietly_on_closed_output() {
    #[cfg(unix)]
    // SAFETY: resets one signal's disposition to its default, before other threads exist.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Hands the allocator's free pages back to the system (glibc keeps freed memory inside
/// its heaps, where a burst leaves it scattered). Called when the last interaction of a
/// burst is answered; runs on a blocking thread, as it walks every heap.
pub fn give_memory_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        // SAFETY: malloc_trim only releases free memory; callable from any thread.
        runtime.spawn_blocking(|| unsafe {
            libc::malloc_trim(0);
        });
    }
}

/// `METRICS_ADDR` (e.g. `127.0.0.1:9184`), if set.
pub fn metrics_addr() -> anyhow::Result<Option<SocketAddr>> {
    match crate::configuration::settings().metrics_addr.as_str() {
        "" => Ok(None),
        v => v.parse().map(Some).with_context(|| {
            format!("METRICS_ADDR must be an address and port such as 127.0.0.1:9184; `{v}` is not")
        }),
    }
}

static SHARDS: OnceLock<Arc<ShardManager>> = OnceLock::new();

/// Set when `serve` hit something it cannot go on with (Discord refused its commands): the
/// health endpoint says so until the process ends.
static UNHEALTHY: OnceLock<String> = OnceLock::new();

/// Marks the bot unhealthy for good, with the reason the health endpoint gives.
pub fn unhealthy(reason: &str) {
    let _ = UNHEALTHY.set(reason.to_string());
}

/// The reason the bot is unhealthy for good, if it is.
pub fn unhealthy_reason() -> Option<&'static str> {
    UNHEALTHY.get().map(String::as_str)
}

/// Lets the health endpoint see the gateway connection (called once by `serve`).
pub fn watch_gateway(shards: &Arc<ShardManager>) {
    let _ = SHARDS.set(shards.clone());
}

/// True while every shard is connected. serenity removes a shard whose connection failed
/// and starts a new one (every 5 s while Discord cannot be reached), so the runners' stages
/// are the truth, where events would miss a connection that dropped without a word.
pub async fn gateway_connected() -> bool {
    let Some(shards) = SHARDS.get() else {
        return false;
    };
    let runners = shards.runners.lock().await;
    !runners.is_empty()
        && runners
            .values()
            .all(|r| r.stage == ConnectionStage::Connected)
}

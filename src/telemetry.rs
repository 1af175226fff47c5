//! Logs go to stderr, filtered by RUST_LOG. Without it, the bot (`serve`) logs what it
//! does at info; the console and one-shot commands only warn, so a refused command is not
//! printed twice.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

pub fn init(serving: bool) {
    let default = if serving {
        "warn,delegation_bot=info"
    } else {
        "warn"
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}

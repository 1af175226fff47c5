//! Logs go to stderr, filtered by RUST_LOG. Without it, the bot (`serve`) logs what it
//! does at info; the console and one-shot commands only warn, so a refused command is not
//! printed twice. `LOG_FORMAT=json` writes one JSON object per line, with the fields of the
//! spans it happened in (an interaction's id, command, user and guild), for log collectors.
//! Both are read after `.env` (see `main`), so they may be set there.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

pub fn init(serving: bool) {
    let default = if serving {
        "warn,delegation_bot=info"
    } else {
        "warn"
    };
    let settings = crate::configuration::settings();
    let filter = settings
        .var("RUST_LOG")
        .filter(|f| !f.trim().is_empty())
        .and_then(|f| EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| EnvFilter::new(default));
    let format = settings.log_format.clone();
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = match format.trim() {
        "json" => builder
            .json()
            .with_current_span(true)
            .with_span_list(true)
            .try_init(),
        _ => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
    };
    if !matches!(format.trim(), "" | "json" | "text") {
        tracing::warn!(LOG_FORMAT = %format, "unknown LOG_FORMAT (json or text); writing text");
    }
}

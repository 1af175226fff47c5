//! What `serve` counts, in Prometheus' text format (prometheus-client). Interactions are
//! counted by the Discord adapter through `observe`; the database figures are read when
//! `/metrics` is scraped, so they are never stale.

use std::cell::Cell;
use std::future::Future;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use serenity::all::{CommandDataOptionValue, Interaction};
use sqlx::SqlitePool;

use crate::error::Error;
use crate::store::census;

/// How an interaction ended: answered, refused (the user's input or rights, a foreign
/// guild, the rate limit), or failed on our side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    Ok,
    Refused,
    Error,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Refused => "refused",
            Outcome::Error => "error",
        }
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct InteractionLabels {
    command: String,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CommandLabel {
    command: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabel {
    kind: &'static str,
}

/// Seconds, around Discord's 3-second deadline for a first answer.
const BUCKETS: [f64; 12] = [
    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0,
];

pub struct Metrics {
    registry: Registry,
    interactions: Family<InteractionLabels, Counter>,
    seconds: Family<CommandLabel, Histogram, fn() -> Histogram>,
    gateway_connected: Gauge,
    database_bytes: Gauge,
    records: Family<KindLabel, Gauge>,
    last_backup: Gauge,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let m = Metrics {
            registry: Registry::with_prefix("delegation_bot"),
            interactions: Family::default(),
            seconds: Family::new_with_constructor(|| Histogram::new(BUCKETS)),
            gateway_connected: Gauge::default(),
            database_bytes: Gauge::default(),
            records: Family::default(),
            last_backup: Gauge::default(),
        };
        let mut registry = m.registry;
        registry.register(
            "interactions",
            "Discord interactions answered, by command and outcome (ok, refused, error)",
            m.interactions.clone(),
        );
        registry.register(
            "interaction_seconds",
            "Time from receiving an interaction to the end of its answer, by command",
            m.seconds.clone(),
        );
        registry.register(
            "gateway_connected",
            "1 while the Discord gateway connection is up, else 0",
            m.gateway_connected.clone(),
        );
        registry.register(
            "database_bytes",
            "Size of the SQLite database (pages times page size)",
            m.database_bytes.clone(),
        );
        registry.register(
            "records",
            "Live records in the database, by kind",
            m.records.clone(),
        );
        registry.register(
            "last_backup_timestamp_seconds",
            "When the last checked backup was taken (Unix time; 0: never)",
            m.last_backup.clone(),
        );
        Metrics { registry, ..m }
    }
}

impl Metrics {
    pub fn count(&self, command: &str, outcome: Outcome, took: Duration) {
        self.interactions
            .get_or_create(&InteractionLabels {
                command: command.to_string(),
                outcome: outcome.as_str(),
            })
            .inc();
        self.seconds
            .get_or_create(&CommandLabel {
                command: command.to_string(),
            })
            .observe(took.as_secs_f64());
    }

    /// The exposition, with the gateway state and the database figures read now.
    pub async fn render(
        &self,
        db: &SqlitePool,
        gateway_connected: bool,
    ) -> crate::error::Result<String> {
        self.gateway_connected.set(i64::from(gateway_connected));
        self.database_bytes.set(census::size_bytes(db).await?);
        for (kind, n) in census::records(db).await? {
            self.records.get_or_create(&KindLabel { kind }).set(n);
        }
        self.last_backup
            .set(census::last_backup(db).await?.unwrap_or(0));
        let mut text = String::new();
        prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)
            .map_err(|e| anyhow::anyhow!("encoding the metrics failed: {e}"))?;
        Ok(text)
    }
}

/// The process's one set of metrics.
pub fn global() -> &'static Metrics {
    static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::default);
    &METRICS
}

tokio::task_local! {
    static OUTCOME: Cell<Outcome>;
}

/// Runs the work of one interaction and counts it: under its command, with the outcome
/// noted on the way (`note`, `note_refused`; an `Err` from the work is an error) and how
/// long it took. Work spawned onto other tasks is not seen by `note`.
pub async fn observe<T, E>(
    interaction: &Interaction,
    work: impl Future<Output = Result<T, E>>,
) -> Result<T, E> {
    let command = label(interaction);
    let started = Instant::now();
    let (result, noted) = OUTCOME
        .scope(Cell::new(Outcome::Ok), async {
            let result = work.await;
            (result, OUTCOME.with(Cell::get))
        })
        .await;
    let outcome = if result.is_err() {
        Outcome::Error
    } else {
        noted
    };
    global().count(&command, outcome, started.elapsed());
    result
}

/// The interaction in progress showed the user this error.
pub fn note(error: &Error) {
    mark(match error {
        Error::User(_) | Error::Refused(_) => Outcome::Refused,
        Error::Internal(_) => Outcome::Error,
    });
}

/// The interaction in progress was refused before it reached a command.
pub fn note_refused() {
    mark(Outcome::Refused);
}

fn mark(outcome: Outcome) {
    // The worst outcome wins; outside `observe` there is nothing to mark.
    let _ = OUTCOME.try_with(|o| o.set(o.get().max(outcome)));
}

/// A label of few values: the catalog path of a command (`visits monthly`), `autocomplete`,
/// `button page`, `form edit-visit`. Ids inside custom ids never become labels.
pub fn label(interaction: &Interaction) -> String {
    match interaction {
        Interaction::Command(c) => {
            let mut words = vec![c.data.name.as_str()];
            let mut options = &c.data.options;
            while let Some(first) = options.first() {
                match &first.value {
                    CommandDataOptionValue::SubCommandGroup(inner)
                    | CommandDataOptionValue::SubCommand(inner) => {
                        words.push(first.name.as_str());
                        options = inner;
                    }
                    _ => break,
                }
            }
            match crate::catalog::find(&words) {
                Some((spec, used)) if used == words.len() => spec.path.join(" "),
                _ => "unknown".into(),
            }
        }
        Interaction::Autocomplete(_) => "autocomplete".into(),
        Interaction::Component(c) => format!("button {}", kind_of(&c.data.custom_id)),
        Interaction::Modal(m) => format!("form {}", kind_of(&m.data.custom_id)),
        _ => "other".into(),
    }
}

/// The word before the first `:` of a custom id, if it is a plain word.
fn kind_of(custom_id: &str) -> &str {
    let kind = custom_id.split(':').next().unwrap_or("");
    if (1..=20).contains(&kind.len()) && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        kind
    } else {
        "other"
    }
}

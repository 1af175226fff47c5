//! `bench`: latency of every read command through the core (Request -> Reply, rendered to
//! Discord embeds), of the chart PNG, and of the raw SQL behind each answer, on synthetic
//! databases of the given sizes. Figures only; no test ever asserts a duration.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::commands::{Actor, App};
use crate::discord::render;
use crate::error::Result;
use crate::request::Request;
use crate::{chart, store, synthetic};

mod cases;
mod import;
pub mod intake;

pub struct Options {
    pub sizes: Vec<usize>,
    pub iterations: usize,
    pub dir: PathBuf,
    /// Time the import of each size's CSV export instead of the read commands.
    pub import: bool,
}

/// The median, 99th percentile and maximum of some timings (also used by benches/burst.rs).
pub struct Stats {
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

pub fn stats(mut times: Vec<Duration>) -> Stats {
    times.sort();
    let n = times.len();
    Stats {
        p50: times[n / 2],
        p99: times[((n * 99).div_ceil(100)).saturating_sub(1)],
        max: times[n - 1],
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

async fn time<F, Fut, T>(iterations: usize, mut f: F) -> Result<Stats>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    for _ in 0..3 {
        f().await?;
    }
    let mut times = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        f().await?;
        times.push(start.elapsed());
    }
    Ok(stats(times))
}

/// Resident memory of a process ("self" or a pid) now and at its peak, in kB, from /proc
/// (Linux; zeros elsewhere). Also used by benches/burst.rs for the bot's process.
pub fn memory_kb(process: &str) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{process}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn memory() -> String {
    let (rss, peak) = memory_kb("self");
    format!("RSS {rss} kB, peak {peak} kB")
}

async fn database(dir: &Path, size: usize, actor: &Actor) -> Result<(App, Duration)> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("bench-{size}.db"));
    let fresh = !path.exists();
    let app = App::new(store::open(&format!("sqlite://{}", path.display())).await?);
    let started = Instant::now();
    if fresh {
        synthetic::generate(&app, actor, size, 42, false).await?;
        store::upgrade::optimize(&app.db).await;
    }
    // The pages written go from the write-ahead log into the file, so the file's size is
    // the database's (the log held a second copy of most of them).
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&app.db)
        .await?;
    Ok((app, started.elapsed()))
}

pub async fn run(options: Options) -> Result<String> {
    let actor = Actor {
        id: "local:bench".into(),
        name: "bench".into(),
        moderator: false,
        lang: crate::i18n::Lang::En,
    };
    let writer = Actor {
        moderator: true,
        ..actor.clone()
    };
    let mut out = String::new();
    if options.import {
        for &size in &options.sizes {
            out.push_str(&import::run(&options.dir, size, &writer).await?);
        }
        return Ok(out);
    }
    for &size in &options.sizes {
        let (app, made) = database(&options.dir, size, &writer).await?;
        let file = options.dir.join(format!("bench-{size}.db"));
        // The file as it lies on disk, its log checkpointed into it (`database`).
        let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let cases = cases::cases(&app.db).await?;
        out.push_str(&format!(
            "\n### {size} visits ({:.1} MB{})\n\n| command | p50 ms | p99 ms | max ms | queries alone p50 ms | core / queries | chart PNG p50 ms |\n|---|---:|---:|---:|---:|---:|---:|\n",
            bytes as f64 / 1e6,
            if made > Duration::from_secs(1) { format!(", made in {:.0} s", made.as_secs_f64()) } else { String::new() }
        ));
        for case in &cases {
            let req = Request::parse_line(&case.line)?;
            let core = time(options.iterations, || async {
                let reply = app.handle(&actor, &req).await?;
                Ok(render::embed_text(&reply))
            })
            .await?;
            let raw_stats = match &case.raw {
                Some(r) => Some(time(options.iterations, || cases::raw(&app, r)).await?),
                None => None,
            };
            let reply = app.handle(&actor, &req).await?;
            let chart_stats = match &reply.chart {
                Some(c) => {
                    Some(time(options.iterations.min(50), || async { Ok(chart::png(c)?) }).await?)
                }
                None => None,
            };
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} | {} |\n",
                case.line.chars().take(60).collect::<String>(),
                ms(core.p50),
                ms(core.p99),
                ms(core.max),
                raw_stats
                    .as_ref()
                    .map(|r| ms(r.p50))
                    .unwrap_or_else(|| "—".into()),
                raw_stats
                    .as_ref()
                    .map(|r| format!(
                        "{:.1}",
                        core.p50.as_secs_f64() / r.p50.as_secs_f64().max(1e-9)
                    ))
                    .unwrap_or_else(|| "—".into()),
                chart_stats.map(|c| ms(c.p50)).unwrap_or_else(|| "—".into()),
            ));
        }
        out.push_str(&reindex_row(&app, &writer).await?);
        out.push_str(&format!("\nMemory after {size}: {}\n", memory()));
        app.db.close().await;
    }
    Ok(out)
}

/// A write that re-indexes a person's records for search: an alias added to the official
/// with the most meetings (the visits they led and meetings they were in are indexed
/// again in the same transaction), then undone; ten of each, a fresh alias every time.
async fn reindex_row(app: &App, writer: &Actor) -> Result<String> {
    let Some(top) = store::official::most_met(&app.db).await? else {
        return Ok(String::new());
    };
    let records: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM visits WHERE leader_id = ?1 AND deleted_at IS NULL)
              + (SELECT count(*) FROM meeting_participants WHERE official_id = ?1)",
    )
    .bind(top.id)
    .fetch_one(&app.db)
    .await?;
    let name = crate::domain::text::typed("name", &top.name);
    let (mut adds, mut undos) = (Vec::new(), Vec::new());
    for n in 0..10 {
        let started = Instant::now();
        app.run_line(
            writer,
            &format!("/record official alias {name} alias:\"Bench Alias {n}\""),
        )
        .await?;
        adds.push(started.elapsed());
        let started = Instant::now();
        app.run_line(writer, "/data undo").await?;
        undos.push(started.elapsed());
    }
    let (adds, undos) = (stats(adds), stats(undos));
    Ok(format!(
        "\nAn alias for {} ({records} visits led and meetings, re-indexed with it): added in {} ms (p50; max {} ms), undone in {} ms (p50; max {} ms).\n",
        top.name,
        ms(adds.p50),
        ms(adds.max),
        ms(undos.p50),
        ms(undos.max)
    ))
}

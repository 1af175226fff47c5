//! `bench`: latency of every read command through the core (Request -> Reply, rendered to
//! Discord embeds), of the chart PNG, and of the raw SQL behind each answer, on synthetic
//! databases of the given sizes. Figures only; no test ever asserts a duration.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::commands::{Actor, App};
use crate::discord::render;
use crate::domain::{DateRange, Month};
use crate::error::Result;
use crate::request::Request;
use crate::{chart, report, store, synthetic};

pub struct Options {
    pub sizes: Vec<usize>,
    pub iterations: usize,
    pub dir: PathBuf,
}

struct Stats {
    p50: Duration,
    p99: Duration,
    max: Duration,
}

fn stats(mut times: Vec<Duration>) -> Stats {
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

/// Resident memory of this process now and at its peak, from /proc (Linux).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_string())
            .unwrap_or_else(|| "?".into())
    };
    format!("RSS {} kB, peak {} kB", field("VmRSS:"), field("VmHWM:"))
}

async fn database(dir: &Path, size: usize, actor: &Actor) -> Result<(App, Duration)> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("bench-{size}.db"));
    let fresh = !path.exists();
    let app = App::new(store::open(&format!("sqlite://{}", path.display())).await?);
    let started = Instant::now();
    if fresh {
        synthetic::generate(&app, actor, size, 42, false).await?;
        sqlx::query("PRAGMA optimize").execute(&app.db).await?;
    }
    Ok((app, started.elapsed()))
}

/// One question, asked through the core and as its raw query alone.
struct Case {
    line: String,
    raw: Option<Raw>,
}

enum Raw {
    MonthCounts(Month, Month),
    List,
    Show(i64),
    History(i64),
    Provinces,
    Totals(DateRange),
    Search(&'static str),
}

async fn raw(app: &App, r: &Raw) -> Result<()> {
    match r {
        Raw::MonthCounts(from, to) => {
            std::hint::black_box(report::month_counts(&app.db, *from, *to, &[]).await?);
        }
        Raw::List => {
            drop(store::visit::list(&app.db, &store::visit::Filter::default(), 10, 0).await?)
        }
        Raw::Show(id) => {
            let mut tx = app.db.begin().await?;
            std::hint::black_box(store::visit::snapshot(&mut tx, *id).await?);
        }
        Raw::History(official) => {
            let rows: Vec<(i64, String)> = sqlx::query_as(
                "SELECT m.id, m.date FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
                 WHERE mp.official_id = ? AND m.deleted_at IS NULL ORDER BY m.date, m.id LIMIT 10",
            )
            .bind(official)
            .fetch_all(&app.db)
            .await?;
            std::hint::black_box(rows);
        }
        Raw::Provinces => {
            drop(report::provinces(&app.db, DateRange::from_bounds(None, None)?).await?)
        }
        Raw::Totals(range) => {
            std::hint::black_box(report::totals(&app.db, *range).await?);
        }
        Raw::Search(q) => {
            let matches = store::search::count(&app.db, q).await?;
            std::hint::black_box(store::search::find(&app.db, q, matches, 10, 0).await?);
        }
    }
    Ok(())
}

pub async fn run(options: Options) -> Result<String> {
    let actor = Actor {
        id: "local:bench".into(),
        name: "bench".into(),
        moderator: false,
    };
    let writer = Actor {
        moderator: true,
        ..actor.clone()
    };
    let mut out = String::new();
    for &size in &options.sizes {
        let (app, made) = database(&options.dir, size, &writer).await?;
        let file = options.dir.join(format!("bench-{size}.db"));
        let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let (top, total): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT official_id FROM meeting_participants GROUP BY official_id ORDER BY count(*) DESC LIMIT 1), (SELECT count(*) FROM visits)",
        )
        .fetch_one(&app.db)
        .await?;
        let top_name: String = sqlx::query_scalar("SELECT name FROM officials WHERE id = ?")
            .bind(top)
            .fetch_one(&app.db)
            .await?;
        let (from, to) = (
            Month::parse("2024-01").expect("valid"),
            Month::parse("2024-12").expect("valid"),
        );
        let cases = vec![
            Case {
                line: "/visits monthly".into(),
                raw: Some(Raw::MonthCounts(from.plus(-12), to)),
            },
            Case {
                line: "/visits monthly from:2015-01 to:2024-12".into(),
                raw: Some(Raw::MonthCounts(
                    Month::parse("2005-01").expect("valid"),
                    to,
                )),
            },
            Case {
                line: "/visits list".into(),
                raw: Some(Raw::List),
            },
            Case {
                line: "/visits monthly province:Jiangsu".into(),
                raw: None,
            },
            Case {
                line: "/visits monthly province:\"Jiangsu, Zhejiang\"".into(),
                raw: None,
            },
            Case {
                line: "/visits list province:Jiangsu page:5".into(),
                raw: None,
            },
            Case {
                line: format!("/visits list official:\"{top_name}\""),
                raw: None,
            },
            Case {
                line: format!("/visits show id:{}", total / 2),
                raw: Some(Raw::Show(total / 2)),
            },
            Case {
                line: format!("/official history name:\"{top_name}\""),
                raw: Some(Raw::History(top)),
            },
            Case {
                line: format!("/official show name:\"{top_name}\""),
                raw: None,
            },
            Case {
                line: "/forums list".into(),
                raw: None,
            },
            Case {
                line: "/forums show id:1".into(),
                raw: None,
            },
            Case {
                line: "/provinces".into(),
                raw: Some(Raw::Provinces),
            },
            Case {
                line: "/provinces from:2024-01-15 to:2024-06-20".into(),
                raw: None,
            },
            Case {
                line: "/stats from:2024-01 to:2024-12".into(),
                raw: Some(Raw::Totals(DateRange::months(from, to))),
            },
            Case {
                line: "/search text:semiconductor".into(),
                raw: Some(Raw::Search("\"semiconductor\"")),
            },
        ];
        out.push_str(&format!(
            "\n### {size} visits ({:.1} MB{})\n\n| command | p50 ms | p99 ms | max ms | raw query p50 ms | core / raw | chart PNG p50 ms |\n|---|---:|---:|---:|---:|---:|---:|\n",
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
                Some(r) => Some(time(options.iterations, || raw(&app, r)).await?),
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
        out.push_str(&format!("\nMemory after {size}: {}\n", memory()));
        app.db.close().await;
    }
    Ok(out)
}

//! `bench intake`: precision and recall of drafts per field over the fixture set, and how
//! long a 5,000-word report takes to draft (printed, never asserted).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::Result;
use crate::intake::{self, eval};
use crate::store;

pub async fn run(cases_dir: &Path) -> Result<String> {
    let cases = eval::load(cases_dir)?;
    let dir = std::env::temp_dir().join(format!("delegation-bot-intake-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = store::open(&format!("sqlite://{}", dir.join("eval.db").display())).await?;
    eval::seed(&db, &cases).await?;
    let built = Instant::now();
    let lexicon = eval::lexicon(&db).await?;
    let build_time = built.elapsed();
    let e = eval::evaluate(&cases, &lexicon);
    let mut out = format!(
        "Intake over {} reports ({} not visits):\n\n{}",
        cases.len(),
        cases
            .iter()
            .filter(|c| !c.expected["not_a_visit"].is_null())
            .count(),
        eval::table(&e)
    );
    // A 5,000-word report: the fixtures' texts end to end.
    let mut text = String::new();
    while text.split_whitespace().count() < 5000 {
        for c in &cases {
            text.push_str(&c.text);
            text.push_str("\n\n");
            if text.split_whitespace().count() >= 5000 {
                break;
            }
        }
    }
    let words = text.split_whitespace().count();
    let report = intake::Report {
        text: &text,
        published: Some(cases[0].published),
    };
    let mut times: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let _ = intake::draft(&report, &lexicon, cases[0].published);
            t.elapsed()
        })
        .collect();
    times.sort();
    out.push_str(&format!(
        "\nDrafting a {words}-word report: median {:.1} ms, slowest {:.1} ms (20 runs); building the gazetteer from the database: {:.1} ms.\n",
        times[10].as_secs_f64() * 1000.0,
        times[19].as_secs_f64() * 1000.0,
        build_time.as_secs_f64() * 1000.0
    ));
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(out)
}

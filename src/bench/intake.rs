//! `bench intake`: precision and recall of drafts per field over the fixtures and both halves
//! of the corpus of retold real reports, and how
//! long a 5,000-word report takes to draft (printed, never asserted).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::Result;
use crate::intake::{self, eval};
use crate::store;

/// The sets scored, in the order printed: the fixtures the rules were written against, the
/// corpus's tuning half, and its held-out half (never tuned on).
const SETS: [(&str, &str); 3] = [
    ("fixtures (tests/intake/cases, written against)", "cases"),
    ("corpus dev (tuned on)", "corpus/dev"),
    ("corpus test (held out, never tuned on)", "corpus/test"),
];

/// Scores one set of cases in a database of its own holding the officials it marks known.
async fn score(
    cases: &[eval::Case],
    dir: &Path,
    name: &str,
) -> Result<(eval::Evaluation, intake::Lexicon, Duration)> {
    let db = store::open(&format!(
        "sqlite://{}",
        dir.join(format!("{name}.db")).display()
    ))
    .await?;
    eval::seed(&db, cases).await?;
    let built = Instant::now();
    let lexicon = eval::lexicon(&db).await?;
    let build_time = built.elapsed();
    db.close().await;
    Ok((eval::evaluate(cases, &lexicon), lexicon, build_time))
}

pub async fn run(root: &Path, misses: bool) -> Result<String> {
    let dir = std::env::temp_dir().join(format!("delegation-bot-intake-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut out = String::new();
    let mut timing = None;
    for (i, (title, sub)) in SETS.iter().enumerate() {
        let cases = eval::load(&root.join(sub))?;
        let (e, lexicon, build_time) = score(&cases, &dir, &format!("set{i}")).await?;
        let lang = |l: &str| cases.iter().filter(|c| c.lang == l).count();
        out.push_str(&format!(
            "Intake on the {title}: {} reports ({} English, {} Korean, {} Chinese; {} not visits)\n\n{}\n",
            cases.len(),
            lang("en"),
            lang("ko"),
            lang("zh"),
            cases
                .iter()
                .filter(|c| !c.expected["not_a_visit"].is_null())
                .count(),
            eval::table(&e)
        ));
        // The held-out half is scored, never looked into.
        if misses && !sub.ends_with("test") {
            for (case, missed) in &e.misses {
                out.push_str(&format!("{case}\n"));
                for m in missed {
                    out.push_str(&format!("    {m}\n"));
                }
            }
            out.push('\n');
        }
        if timing.is_none() {
            timing = Some((cases, lexicon, build_time));
        }
    }
    let (cases, lexicon, build_time) = timing.expect("three sets");
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
    let _ = std::fs::remove_dir_all(&dir);
    Ok(out)
}

/// What the engine reads in the case whose name starts with `name`, in the fixtures or the
/// dev half (never the held-out half), with the draft it gives.
pub async fn trace(root: &Path, name: &str) -> Result<String> {
    let mut found = None;
    // A file of one's own: traced against the fixtures' officials, as pasted today.
    if Path::new(name).is_file() {
        let cases = eval::load(&root.join(SETS[0].1))?;
        let mut case = cases[0].clone();
        case.text = std::fs::read_to_string(name)?;
        case.published_known = false;
        case.name = name.to_string();
        found = Some((case, cases));
    }
    for (_, sub) in SETS
        .iter()
        .filter(|(_, sub)| !sub.ends_with("test") && found.is_none())
    {
        let cases = eval::load(&root.join(sub))?;
        if let Some(case) = cases.iter().find(|c| c.name.starts_with(name)) {
            found = Some((case.clone(), cases));
            break;
        }
    }
    let Some((case, cases)) = found else {
        return Ok(format!(
            "No case of the fixtures or the dev half is named {name}…"
        ));
    };
    let dir = std::env::temp_dir().join(format!("delegation-bot-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let (_, lexicon, _) = score(&cases, &dir, "trace").await?;
    let _ = std::fs::remove_dir_all(&dir);
    let draft = case.draft(&lexicon);
    Ok(format!(
        "{}\n{}\nexpected: {}\n",
        intake::trace(&case.report(), &lexicon, case.today()),
        serde_json::to_string_pretty(&draft)?,
        serde_json::to_string_pretty(&case.expected)?
    ))
}

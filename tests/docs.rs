//! Every command example in README.md and docs/*.md, typed into the core as a moderator
//! would type it at the console, against a fresh copy of the sample data: it answers
//! without error, and a read shows at least one record. Docs that drift from the code fail
//! here, not in front of a newcomer.
//!
//! An example is a command in backquotes (or a line of a code block) that names an option
//! (`/visits list province:Jiangsu`) or is a whole read command by itself (`/stats`).
//! Syntax summaries (`/visits show id`, `[from]`, `add|edit`) and a moderator's command
//! named alone (`/data undo`, in a sentence) are not examples. The examples of a page run
//! in order on one copy of the sample, as a reader following the page would type them.
//!
//! docs/performance.md is left out: its queries name records of the synthetic benchmark
//! databases, and `bench` runs every one of them (an error stops it).

use std::path::{Path, PathBuf};

use delegation_bot::catalog;
use delegation_bot::commands::{Actor, App};
use delegation_bot::reply::Reply;
use delegation_bot::store;

/// Pages of the docs, each with its examples and the line they are on.
fn examples() -> Vec<(String, usize, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages: Vec<PathBuf> = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.retain(|p| !p.ends_with("performance.md"));
    docs.sort();
    pages.extend(docs);
    let mut out = Vec::new();
    for page in pages {
        let name = page.strip_prefix(root).unwrap().display().to_string();
        let text = std::fs::read_to_string(&page).unwrap();
        let mut in_block = false;
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("```") {
                in_block = !in_block;
                continue;
            }
            let candidates: Vec<String> = if in_block {
                // A comment after the command (`  # why`) is the page's, not the command's.
                let line = line.split("  #").next().unwrap_or_default();
                vec![
                    line.trim()
                        .trim_start_matches("> ")
                        .trim_start_matches("delegation> ")
                        .to_string(),
                ]
            } else {
                spans(line)
            };
            for c in candidates {
                if is_example(&c) {
                    out.push((name.clone(), n + 1, c));
                }
            }
        }
    }
    out
}

/// The inline code spans of a line of Markdown.
fn spans(line: &str) -> Vec<String> {
    line.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.trim().to_string())
        .collect()
}

/// A command someone could type as it stands.
fn is_example(s: &str) -> bool {
    let Some(first) = s.split_whitespace().next() else {
        return false;
    };
    let root = first.trim_start_matches('/');
    if !first.starts_with('/') || root.is_empty() || root.contains('/') {
        return false;
    }
    // HTTP paths of the health endpoint, not commands.
    if matches!(root, "healthz" | "metrics") {
        return false;
    }
    if s.contains('[') || s.contains('|') || s.contains('…') || s.contains("...") {
        return false;
    }
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_start_matches('/'))
        .collect();
    if s.contains(':') {
        return true;
    }
    // A whole read command by itself: every word is part of its path.
    catalog::find(&words).is_some_and(|(spec, used)| {
        used == words.len() && !spec.moderator && spec.options.iter().all(|o| !o.required)
    })
}

fn moderator() -> Actor {
    Actor {
        id: "u:docs".into(),
        name: "Docs".into(),
        moderator: true,
        lang: delegation_bot::i18n::Lang::En,
    }
}

/// The reads of settings rather than records (the sample sets no watch): they answer, and
/// an empty answer is right.
fn reads_settings(example: &str) -> bool {
    let root = example.split_whitespace().next().unwrap_or_default();
    matches!(root, "/watches" | "/digests" | "/help") || example.starts_with("/watch list")
}

/// Whether a reply shows at least one record (a row, a card, a chart, a file).
fn shows_something(r: &Reply) -> bool {
    r.table.as_ref().is_some_and(|t| !t.rows.is_empty())
        || !r.fields.is_empty()
        || r.chart.is_some()
        || !r.attachments.is_empty()
        || r.confirm.is_some()
}

#[tokio::test]
async fn every_example_in_the_docs_runs_on_the_sample() {
    let examples = examples();
    assert!(
        examples.len() >= 40,
        "found only {} examples; did the docs move?",
        examples.len()
    );
    // One database with the sample; each example runs on a fresh copy of it, so a delete
    // in one page does not empty the next.
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample.db");
    {
        let app = App::new(
            store::open(&format!("sqlite://{}", sample.display()))
                .await
                .unwrap(),
        );
        delegation_bot::sample::load_sample(&app, &moderator())
            .await
            .unwrap();
        app.db.close().await;
    }
    let mut failures = Vec::new();
    let mut pages: Vec<&str> = examples.iter().map(|(page, _, _)| page.as_str()).collect();
    pages.dedup();
    for (i, page) in pages.iter().enumerate() {
        let copy = dir.path().join(format!("page-{i}.db"));
        std::fs::copy(&sample, &copy).unwrap();
        let app = App::new(
            store::open(&format!("sqlite://{}", copy.display()))
                .await
                .unwrap(),
        );
        for (_, line, example) in examples.iter().filter(|(p, _, _)| p == page) {
            match app.run_line(&moderator(), example).await {
                Ok(reply) => {
                    let words: Vec<&str> = example
                        .split_whitespace()
                        .map(|w| w.trim_start_matches('/'))
                        .collect();
                    let read = !catalog::find(&words).is_some_and(|(spec, _)| spec.moderator);
                    if read && !reads_settings(example) && !shows_something(&reply) {
                        failures.push(format!(
                            "{page}:{line}: {example}: shows no record: {:?}",
                            reply.text
                        ));
                    }
                }
                Err(e) => failures.push(format!("{page}:{line}: {example}: {}", e.user_message())),
            }
        }
        app.db.close().await;
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples fail:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

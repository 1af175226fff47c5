//! `/data import`: a preview of what a file would change (new, changed with old → new,
//! unchanged, refused with line, column and reason), then the same work applied.

use super::args::Args;
use super::{Actor, App};
use crate::catalog::arg;
use crate::error::{Message, Result, refuse};
use crate::progress::Progress;
use crate::reply::{Confirm, Reply, Table};
use crate::request::{Request, Upload, Value};
use crate::transfer::import::{self, Location, Options, Report};

pub struct ImportArgs {
    file: Upload,
    force: bool,
    confirm: bool,
}

impl Args for ImportArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(ImportArgs {
            file: req
                .file(arg::FILE)
                .expect("required by the catalog")
                .clone(),
            force: req.flag(arg::FORCE),
            confirm: req.flag(arg::CONFIRM),
        })
    }
}

/// The name and bytes of the `file` option: a file uploaded with the command (Discord), or
/// a path typed in the console, read here. The command line takes a file of any size.
fn read_file(file: Upload) -> Result<(String, Vec<u8>)> {
    let path = match file {
        Upload::Bytes { name, bytes } => return Ok((name, bytes.to_vec())),
        Upload::Path(path) => path,
    };
    let path = path.as_str();
    let name = std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| path.to_string());
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok((name, std::fs::read(path)?)),
        _ => refuse(crate::msg!(
            "import-no-file",
            path = path.chars().take(100).collect::<String>()
        )),
    }
}

/// Parses (off the async runtime: a file may be large) and runs an import.
pub async fn import_bytes(
    app: &App,
    actor: &Actor,
    name: String,
    bytes: Vec<u8>,
    opts: &Options,
    progress: &Progress,
) -> Result<Report> {
    progress.report("reading", 0, bytes.len() as u64);
    let file = tokio::task::spawn_blocking(move || import::parse(&name, &bytes))
        .await
        .map_err(anyhow::Error::new)??;
    let tx = app.begin().await?;
    import::run(tx, &actor.author(), file, opts, progress).await
}

/// `req` is the request `a` was read from: the preview's button runs it again, confirmed.
pub async fn import(
    app: &App,
    actor: &Actor,
    a: ImportArgs,
    req: &Request,
    progress: &Progress,
) -> Result<Reply> {
    let (name, bytes) = read_file(a.file)?;
    let opts = Options {
        dataset: "user",
        force: a.force,
        apply: a.confirm,
    };
    let report = import_bytes(app, actor, name, bytes, &opts, progress).await?;
    if opts.apply && !report.applied {
        return refuse(refused_sentence(&report));
    }
    let data = serde_json::to_value(&report)?;
    if report.applied {
        return Ok(
            Reply::new(crate::t!("import-imported", file = &report.file))
                .text(crate::t!(
                    "import-imported-text",
                    counts = counts(&report).join("; ")
                ))
                .data(data),
        );
    }
    let mut reply = Reply::new(crate::t!("import-preview", file = &report.file))
        .text(preview_text(&report))
        .field(crate::t!("import-would-change"), counts(&report).join("\n"))
        .data(data);
    if let Some(table) = details(&report) {
        reply = reply.table(table);
        reply.table_file = true;
    }
    if report.refused_total == 0 {
        reply.confirm = Some(Confirm {
            prompt: crate::t!("import-apply"),
            request: req.with(arg::CONFIRM, Value::Bool(true)),
        });
    }
    Ok(reply)
}

/// Per kind in the file, what the import does with its rows, in the reader's language
/// (`Report::lines` says it in English for the audit log).
fn counts(report: &Report) -> Vec<String> {
    crate::transfer::Entity::ALL
        .iter()
        .filter_map(|k| report.counts.get(k.plural()).map(|c| (k.plural(), c)))
        .map(|(kind, c)| {
            if c.refused > 0 {
                crate::t!(
                    "import-counts-refused",
                    kind = kind,
                    created = c.created,
                    updated = c.updated,
                    unchanged = c.unchanged,
                    refused = c.refused
                )
            } else {
                crate::t!(
                    "import-counts",
                    kind = kind,
                    created = c.created,
                    updated = c.updated,
                    unchanged = c.unchanged
                )
            }
        })
        .collect()
}

/// Where a row stands in its file: a line of a CSV file, an item of a JSON section.
fn at(location: Location) -> Message {
    location.message()
}

/// The refusal of an import that was asked to apply but has refused rows.
fn refused_sentence(report: &Report) -> Message {
    let first = report
        .refused
        .first()
        .map(|r| match r.column {
            Some(column) => crate::msg!(
                "import-refusal-column",
                file = &report.file,
                at = at(r.at),
                column = column,
                reason = r.reason.clone()
            ),
            None => crate::msg!(
                "import-refusal",
                file = &report.file,
                at = at(r.at),
                reason = r.reason.clone()
            ),
        })
        .unwrap_or_else(|| Message::verbatim(""));
    match report.refused_total {
        0 | 1 => crate::msg!("import-nothing-imported", first = first),
        n => crate::msg!("import-nothing-imported-more", first = first, more = n - 1),
    }
}

fn preview_text(report: &Report) -> String {
    let mut text = vec![crate::t!("import-rows-read", rows = report.rows)];
    if report.restore {
        text.push(crate::t!("import-restore"));
    }
    if report.foreign_ids > 0 {
        text.push(crate::t!("import-foreign-ids", n = report.foreign_ids));
    }
    if report.refused_total > 0 {
        text.push(crate::t!("import-rows-refused", n = report.refused_total));
    } else {
        text.push(crate::t!("import-until-confirm"));
    }
    text.join(" ")
}

/// One row per refused row, changed record and note, refusals first.
fn details(report: &Report) -> Option<Table> {
    if report.refused.is_empty() && report.changes.is_empty() {
        return None;
    }
    let mut table = Table::new(
        &[
            &crate::t!("import-col-where"),
            &crate::t!("import-col-record"),
            &crate::t!("import-col-what"),
        ],
        &[false, true, false],
    );
    let say = crate::i18n::say;
    for r in &report.refused {
        let what = match r.column {
            Some(column) => crate::msg!(
                "import-row-refused-column",
                column = column,
                reason = r.reason.clone()
            ),
            None => crate::msg!("import-row-refused", reason = r.reason.clone()),
        };
        table.row(vec![say(&at(r.at)), "—".into(), say(&what)]);
    }
    for c in &report.changes {
        table.row(vec![
            say(&at(c.at)),
            format!("{} #{}", crate::i18n::format::kind_said(c.kind), c.record),
            say(&c.what),
        ]);
    }
    let kept = report.refused.len() + report.changes.len();
    let all = report.refused_total + report.changes_total;
    if all > kept {
        table.row(vec![
            "…".into(),
            String::new(),
            crate::t!("import-and-more", n = all - kept),
        ]);
    }
    Some(table)
}

/// Loads a shipped file (the sample) as one import: new records only, never an overwrite.
pub async fn load(
    app: &App,
    actor: &Actor,
    name: &str,
    bytes: &[u8],
    dataset: &'static str,
) -> Result<Report> {
    let opts = Options {
        dataset,
        force: false,
        apply: true,
    };
    let report = import_bytes(
        app,
        actor,
        name.to_string(),
        bytes.to_vec(),
        &opts,
        &Progress::none(),
    )
    .await?;
    if !report.applied {
        return refuse(refused_sentence(&report));
    }
    Ok(report)
}

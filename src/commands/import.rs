//! `/data import`: a preview of what a file would change (new, changed with old → new,
//! unchanged, refused with line, column and reason), then the same work applied.

use super::args::Args;
use super::{Actor, App};
use crate::error::{Result, user_err};
use crate::progress::Progress;
use crate::reply::{Confirm, Reply, Table};
use crate::request::{Request, Upload, Value};
use crate::transfer::import::{self, Options, Report};

pub struct ImportArgs {
    file: Upload,
    force: bool,
    confirm: bool,
}

impl Args for ImportArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(ImportArgs {
            file: req.file("file").expect("required by the catalog").clone(),
            force: req.flag("force"),
            confirm: req.flag("confirm"),
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
        _ => user_err(format!(
            "There is no file `{}`; give the path of a CSV or JSON file.",
            path.chars().take(100).collect::<String>()
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
        return user_err(refused_sentence(&report));
    }
    let data = serde_json::to_value(&report)?;
    if report.applied {
        return Ok(Reply::new(format!("Imported {}", report.file))
            .text(format!(
                "{}. /data undo takes the whole import back.",
                report.lines().join("; ")
            ))
            .data(data));
    }
    let mut reply = Reply::new(format!("Preview of {}", report.file))
        .text(preview_text(&report))
        .field("Would change", report.lines().join("\n"))
        .data(data);
    if let Some(table) = details(&report) {
        reply = reply.table(table);
        reply.table_file = true;
    }
    if report.refused_total == 0 {
        reply.confirm = Some(Confirm {
            prompt: "Apply this import?".into(),
            request: req.with("confirm", Value::Bool(true)),
        });
    }
    Ok(reply)
}

/// The refusal of an import that was asked to apply but has refused rows.
fn refused_sentence(report: &Report) -> String {
    let first = report
        .refused
        .first()
        .map(|r| {
            let column = r
                .column
                .map(|c| format!(", column `{c}`"))
                .unwrap_or_default();
            format!("{} {}{column}: {}", report.file, r.at, r.reason)
        })
        .unwrap_or_default();
    match report.refused_total {
        0 | 1 => format!("{first} Nothing was imported."),
        n => format!(
            "{first} ({} more rows are refused; run the import without confirm:true to see them all.) Nothing was imported.",
            n - 1
        ),
    }
}

fn preview_text(report: &Report) -> String {
    let mut text = format!("{} records read.", report.rows);
    if report.restore {
        text.push_str(" This database is empty, so the file is restored as it is: its record numbers, versions and database identity are kept.");
    }
    if report.foreign_ids > 0 {
        text.push_str(&format!(
            " {} rows carry record numbers of another database (or of none); they are added as new records, checked for duplicates.",
            report.foreign_ids
        ));
    }
    if report.refused_total > 0 {
        text.push_str(&format!(
            " {} rows are refused (below); fix them and import again. Nothing is changed.",
            report.refused_total
        ));
    } else {
        text.push_str(" Nothing is changed until you confirm.");
    }
    text
}

/// One row per refused row, changed record and note, refusals first.
fn details(report: &Report) -> Option<Table> {
    if report.refused.is_empty() && report.changes.is_empty() {
        return None;
    }
    let mut table = Table::new(&["Where", "Record", "What"], &[false, true, false]);
    for r in &report.refused {
        let column = r
            .column
            .map(|c| format!("column `{c}`: "))
            .unwrap_or_default();
        table.row(vec![
            r.at.to_string(),
            "—".into(),
            format!("refused: {column}{}", r.reason),
        ]);
    }
    for c in &report.changes {
        table.row(vec![
            c.at.to_string(),
            format!("{} #{}", c.kind, c.record),
            c.what.clone(),
        ]);
    }
    let kept = report.refused.len() + report.changes.len();
    let all = report.refused_total + report.changes_total;
    if all > kept {
        table.row(vec![
            "…".into(),
            String::new(),
            format!("and {} more", all - kept),
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
        return user_err(refused_sentence(&report));
    }
    Ok(report)
}

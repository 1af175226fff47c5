//! The console adapter: an interactive prompt and one-shot `ask`. It parses lines with the
//! same catalog as Discord, prints replies as plain text and saves attachments as files.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use rustyline::error::ReadlineError;
use serde_json::json;

use crate::commands::{Actor, App};
use crate::progress::Progress;
use crate::reply::Reply;
use crate::request::Request;
use crate::sample;

/// Text fit for a terminal: control characters (an escape sequence stored in a name by an
/// older version, say) are shown as `�` instead of acting on the terminal.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Plain-text rendering of a reply.
pub fn render(reply: &Reply) -> String {
    let mut out = String::new();
    out.push_str(&format!("== {} ==\n", reply.title));
    if let Some(text) = &reply.text {
        out.push_str(text);
        out.push('\n');
    }
    if let Some(table) = &reply.table {
        out.push_str(&table.render());
    }
    for f in &reply.fields {
        if f.value.contains('\n') {
            out.push_str(&format!("{}:\n", f.name));
            for line in f.value.lines() {
                out.push_str(&format!("  {line}\n"));
            }
        } else {
            out.push_str(&format!("{}: {}\n", f.name, f.value));
        }
    }
    if let Some(footer) = &reply.footer {
        out.push_str(&format!("-- {footer}\n"));
    }
    if let Some(page) = &reply.page
        && page.page < page.pages
    {
        out.push_str(&crate::t!("page-more", next = page.page + 1));
        out.push('\n');
    }
    out
}

/// Writes attachments into `dir`, never over an existing file or through a link (a name
/// that is taken gets `-1`, `-2`, ...); returns the paths.
pub fn save_attachments(reply: &Reply, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for a in &reply.attachments {
        let name = Path::new(&a.filename);
        let stem = name
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let ext = name
            .extension()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut n = 0;
        loop {
            let path = if n == 0 {
                dir.join(&a.filename)
            } else {
                dir.join(format!("{stem}-{n}.{ext}"))
            };
            match write_new(&path, &a.bytes) {
                Ok(()) => {
                    paths.push(path);
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
                Err(e) => return Err(e),
            }
        }
    }
    Ok(paths)
}

/// Creates a new file; fails with `AlreadyExists` when anything (a file, a folder, a link,
/// even a dangling one) has that name, so nothing is overwritten or written through a link.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
}

/// What `ask` exits with: 0 answered, 1 the user's input was refused, 2 our failure.
pub async fn ask(app: &App, actor: &Actor, line: &str, as_json: bool) -> i32 {
    ask_with(app, actor, line, as_json, &Progress::none()).await
}

/// `ask`, reporting the progress of long work (an import) to `progress`.
pub async fn ask_with(
    app: &App,
    actor: &Actor,
    line: &str,
    as_json: bool,
    progress: &Progress,
) -> i32 {
    let answer = match Request::parse_line(line) {
        Ok(req) => app.handle_with(actor, &req, progress).await,
        Err(e) => Err(e.into()),
    };
    print_answer(answer, as_json)
}

/// Prints an answer as `ask` does (text, or one JSON object); returns the exit status.
pub fn print_answer(answer: crate::error::Result<crate::reply::Reply>, as_json: bool) -> i32 {
    match answer {
        Ok(reply) => {
            let saved = match save_attachments(&reply, Path::new(".")) {
                Ok(p) => p,
                Err(e) => {
                    // Typically a read-only working folder (a container's root): say so.
                    let message = format!(
                        "Cannot write the attachment in the working folder ({e}); run from a writable folder, or use `export --out PATH`."
                    );
                    return finish_error(as_json, &message, 1);
                }
            };
            if as_json {
                println!("{}", json!({"ok": true, "error": null, "data": reply.data}));
            } else {
                print!("{}", printable(&render(&reply)));
                for p in saved {
                    println!("{}", crate::t!("wrote", path = p.display().to_string()));
                }
                if let Some(c) = &reply.confirm {
                    println!(
                        "{} {}\n  {}",
                        c.prompt,
                        crate::t!("run-again-to-apply"),
                        c.request.to_line()
                    );
                }
            }
            0
        }
        Err(e) => {
            let code = if e.is_users() || e.is_unavailable() {
                1
            } else {
                2
            };
            finish_error(as_json, &e.user_message(), code)
        }
    }
}

fn finish_error(as_json: bool, message: &str, code: i32) -> i32 {
    if as_json {
        println!("{}", json!({"ok": false, "error": message, "data": null}));
    } else {
        eprintln!("{}", printable(message));
    }
    code
}

/// The interactive prompt. `load_sample`: load the sample set into an empty database
/// without asking.
pub async fn run(app: &App, actor: &Actor, load_sample: bool) -> anyhow::Result<()> {
    let mut editor = rustyline::DefaultEditor::new()?;
    let history = crate::configuration::settings()
        .home
        .as_ref()
        .map(|h| h.join(".delegation-bot_history"));
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    println!(
        "{}",
        crate::t!("console-banner", name = actor.name.as_str())
    );
    if sample::is_empty(app).await? {
        let wanted = load_sample
            || (std::io::stdin().is_terminal()
                && matches!(editor.readline(&format!("{} ", crate::t!("offer-sample")))
                    .map(|a| a.trim().to_lowercase()), Ok(a) if a.is_empty() || a.starts_with('y')));
        if wanted {
            match sample::load_sample(app, actor).await {
                Ok(msg) => println!("{msg}"),
                Err(e) => println!("{}", printable(&e.user_message())),
            }
        } else if !std::io::stdin().is_terminal() {
            // Commands come from a pipe: no one to ask, so say what was not done.
            println!("{}", crate::t!("sample-not-loaded"));
        }
    }
    loop {
        let line = match editor.readline("> ") {
            Ok(l) => l,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if matches!(line, "exit" | "quit" | "/exit" | "/quit") {
            break;
        }
        let _ = editor.add_history_entry(line);
        let mut answer = app.run_line(actor, line).await;
        loop {
            match answer {
                Ok(reply) => {
                    print!("{}", printable(&render(&reply)));
                    match save_attachments(&reply, Path::new(".")) {
                        Ok(paths) => paths.iter().for_each(|p| {
                            println!("{}", crate::t!("wrote", path = p.display().to_string()))
                        }),
                        Err(e) => {
                            println!("{}", crate::t!("could-not-write", error = e.to_string()))
                        }
                    }
                    if let Some(c) = &reply.confirm {
                        let typed = editor
                            .readline(&format!("{} [y/N] ", c.prompt))
                            .unwrap_or_default();
                        if typed.trim().to_lowercase().starts_with('y') {
                            answer = app.handle(actor, &c.request).await;
                            continue;
                        }
                        println!("{}", crate::t!("nothing-changed"));
                    }
                }
                Err(e) => println!("{}", printable(&e.user_message())),
            }
            break;
        }
        let _ = std::io::stdout().flush();
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    Ok(())
}

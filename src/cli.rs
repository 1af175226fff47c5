//! The command line: `console`, `ask`, `migrate`, `sample`, `import`, `export`, `backup`,
//! `restore`, `serve`, `healthcheck`.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::commands::{Actor, App};
use crate::configuration::Settings;
use crate::console;
use crate::error::Error;
use crate::progress::Progress;
use crate::{sample, store, synthetic};

#[derive(Debug, Parser)]
#[command(
    name = "delegation-bot",
    version,
    about = "Track visits to Korea by Chinese provincial and city delegations"
)]
pub struct Cli {
    /// SQLite database URL (default: DATABASE_URL, else sqlite://delegations.db)
    #[arg(long, global = true)]
    pub database_url: Option<String>,
    /// Name recorded in the audit log for changes made here (default: $USER)
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub actor: Option<String>,
    /// Language of replies: ko, zh or en (default: DELEGATION_BOT_LANG, else LANG, else en)
    #[arg(long, global = true, value_name = "LANG", value_parser = ["ko", "zh", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Interactive prompt: type commands as in Discord, e.g. /visits monthly
    Console {
        /// Load the sample data set into an empty database without asking
        #[arg(long)]
        sample: bool,
    },
    /// Run one command and exit (exit status 0 ok, 1 refused input, 2 internal error)
    Ask {
        /// Print one JSON object {"ok", "error", "data"}
        #[arg(long)]
        json: bool,
        /// Also write the answer's chart as a PNG to this new file (refused if it exists,
        /// or if the answer has no chart)
        #[arg(long, value_name = "PATH")]
        chart: Option<PathBuf>,
        /// The command line, e.g. "/visits list province:Hainan"
        line: Vec<String>,
    },
    /// Apply database migrations and exit
    Migrate,
    /// Load the sample data set, or a synthetic one with --synthetic N
    Sample {
        /// No progress bar
        #[arg(long)]
        quiet: bool,
        /// Make N synthetic visits (with officials, meetings and forums in proportion)
        #[arg(long, value_name = "N")]
        synthetic: Option<usize>,
        /// Seed of the synthetic data (same seed, same data)
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Mix synthetic data into a database that holds other records
        #[arg(long)]
        force: bool,
    },
    /// Import a CSV or JSON file (all or nothing; any size that fits in memory)
    Import {
        file: PathBuf,
        /// Add visits, meetings and forums that look like duplicates, and overwrite records
        /// changed since the file was exported
        #[arg(long)]
        force: bool,
        /// No progress bar
        #[arg(long)]
        quiet: bool,
    },
    /// Export records as CSV or JSON
    Export {
        #[arg(long, default_value = "all", value_parser = ["visits", "meetings", "forums", "officials", "outcomes", "all"])]
        what: String,
        #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
        format: String,
        /// Language of the CSV header row: en (the column names) or ko (Korean words that
        /// import reads back); JSON keys stay the column names
        #[arg(long, default_value = "en", value_parser = ["en", "ko"])]
        headers: String,
        /// File to write (a folder when several CSV files result); default: standard output,
        /// or the current folder for several files. Missing folders are made.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace files of the same name (never writing through a link)
        #[arg(long)]
        force: bool,
    },
    /// Draft records from a news report (a file, or - for standard input): prints the
    /// draft; --apply writes it as Confirm does
    Draft {
        /// The report: a .txt, .md or .html file, or - to read standard input
        file: String,
        /// Publication date, YYYY-MM-DD (else read from the report)
        #[arg(long)]
        published: Option<String>,
        /// Print {"ok", "error", "data": draft}
        #[arg(long)]
        json: bool,
        /// Write the draft (one change; /data undo takes it back)
        #[arg(long)]
        apply: bool,
        /// With --apply: record visits even where they overlap one on record
        #[arg(long)]
        force: bool,
    },
    /// Connect to Discord and answer the team's commands (needs DISCORD_TOKEN)
    Serve,
    /// Measure every read command on synthetic databases (figures for docs/performance.md); `bench
    /// intake` scores and times report intake on tests/intake (fixtures, corpus dev and test) instead
    Bench {
        /// `intake`: precision and recall per field over the fixture set, and drafting time
        #[arg(value_parser = ["intake"])]
        what: Option<String>,
        /// Sizes in visits, comma-separated
        #[arg(long, value_delimiter = ',', default_value = "10000,100000")]
        visits: Vec<usize>,
        /// Timed runs of each command
        #[arg(long, default_value_t = 200)]
        iterations: usize,
        /// Where the benchmark databases are kept (made once, then reused)
        #[arg(long, default_value = "bench-data")]
        dir: PathBuf,
        /// Time the import of each database's CSV export into an empty database instead
        #[arg(long)]
        import: bool,
        /// With `intake`: also list each case's misses, for the fixtures and the corpus's dev
        /// half only (the test half's misses are never shown: it is held out)
        #[arg(long)]
        misses: bool,
        /// With `intake`: what the engine reads in one case of the fixtures or the dev half
        /// (its name's start), sentence by sentence
        #[arg(long, value_name = "CASE")]
        trace: Option<String>,
    },
    /// Write a checked, consistent copy of the database (safe while the bot runs): to a new
    /// file, or with --dir as delegations-YYYYMMDD-HHMMSS.db (UTC) into a folder
    Backup {
        /// The new file (never overwritten)
        #[arg(required_unless_present = "dir", conflicts_with = "dir")]
        path: Option<PathBuf>,
        /// Write into this folder (created if missing)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Then keep only the newest N backups in DIR (other files are never touched)
        #[arg(long, value_name = "N", requires = "dir", conflicts_with = "path", value_parser = clap::value_parser!(u32).range(1..))]
        keep: Option<u32>,
    },
    /// Replace the database with a backup: refused while a bot runs on it; the file is
    /// checked first and the replaced database is kept beside it
    Restore { file: PathBuf },
    /// Ask a running `serve` for its health at METRICS_ADDR (exit 0 healthy, 1 not); for a
    /// container's HEALTHCHECK
    Healthcheck,
}

/// Who the audit log names for changes made here: `--as`, else `$USER`. One line of
/// printable text, like any name.
fn actor(name: Option<String>) -> Result<Actor, String> {
    let (name, given) = match name {
        Some(n) => (n, true),
        None => (
            crate::configuration::settings()
                .user
                .clone()
                .unwrap_or_else(|| "console".into()),
            false,
        ),
    };
    let name = match crate::domain::Text::parse("--as", &name, crate::domain::text::NAME_MAX) {
        Ok(t) => t.into_string(),
        Err(e) if given => return Err(format!("{e} Type a name, e.g. --as Kim.")),
        // A strange $USER is not the user's mistake: fall back to a plain name.
        Err(_) => "console".into(),
    };
    Ok(Actor {
        id: format!("local:{name}"),
        name,
        moderator: true,
        lang: crate::i18n::reader(),
    })
}

/// `draft FILE|-`: the same request as `/record draft file:FILE`, standard input read here.
fn draft_request(
    file: &str,
    published: Option<&str>,
    apply: bool,
    force: bool,
) -> Result<crate::request::Request, Error> {
    use crate::request::{Request, Upload, Value};
    let spec = crate::catalog::spec(crate::catalog::CommandId::RecordDraft);
    let mut raw = vec![("file".to_string(), file.to_string())];
    if let Some(p) = published {
        raw.push(("published".into(), p.into()));
    }
    if apply {
        raw.push(("confirm".into(), "true".into()));
    }
    if force {
        raw.push(("force".into(), "true".into()));
    }
    let req = Request::build(spec, raw)?;
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)?;
        return Ok(req.with(
            crate::catalog::arg::FILE,
            Value::File(Upload::bytes("The standard input", bytes)),
        ));
    }
    Ok(req)
}

/// Runs the command line; returns the process exit status.
/// Runs the command line in the reader's language: `--lang`, else DELEGATION_BOT_LANG, else
/// LANG (`ko_KR.UTF-8` is Korean), else English.
pub async fn run(cli: Cli) -> anyhow::Result<i32> {
    let lang = cli
        .lang
        .clone()
        .or_else(|| crate::configuration::settings().lang.clone())
        .and_then(|tag| crate::i18n::Lang::from_tag(&tag))
        .unwrap_or_default();
    crate::i18n::read_by(lang, run_in_language(cli)).await
}

async fn run_in_language(cli: Cli) -> anyhow::Result<i32> {
    let settings = Settings::load();
    crate::domain::spam::set_blocked_hosts(settings.blocked_link_hosts.clone());
    let actor = match actor(cli.actor.clone()) {
        Ok(a) => a,
        Err(message) => {
            eprintln!("{message}");
            return Ok(1);
        }
    };
    if matches!(cli.command, Command::Serve)
        && let Err(e) = crate::discord::DiscordSettings::from_env()
            .and_then(|_| crate::operate::metrics_addr())
            .and_then(|_| crate::domain::schedule::timezone().map_err(anyhow::Error::msg))
    {
        // A missing token is the operator's input error: say so, exit 1, touch nothing.
        eprintln!("delegation-bot: {e:#}");
        return Ok(1);
    }
    if let Command::Bench {
        what: Some(_),
        misses,
        trace,
        ..
    } = &cli.command
    {
        let cases = std::path::Path::new("tests/intake");
        let run = match trace {
            Some(case) => crate::bench::intake::trace(cases, case).await,
            None => crate::bench::intake::run(cases, *misses).await,
        };
        return Ok(match run {
            Ok(text) => {
                println!("{text}");
                0
            }
            Err(e) => report(Err(e)),
        });
    }
    if let Command::Bench {
        visits,
        iterations,
        dir,
        import,
        ..
    } = cli.command
    {
        // Benchmarks use their own databases, never the team's.
        return Ok(
            match crate::bench::run(crate::bench::Options {
                sizes: visits,
                iterations,
                dir,
                import,
            })
            .await
            {
                Ok(text) => {
                    println!("{text}");
                    0
                }
                Err(e) => report(Err(e)),
            },
        );
    }
    let url = cli.database_url.unwrap_or(settings.database_url);
    match &cli.command {
        // Neither may open (and so create, or migrate) the database first.
        Command::Restore { file } => {
            return Ok(report(
                store::backup::restore(&url, file, chrono::Utc::now()).await,
            ));
        }
        Command::Healthcheck => return Ok(crate::operate::healthcheck().await),
        _ => {}
    }
    // `serve` holds the database lock for its whole life, so `restore` cannot replace the
    // file under a running bot (and a second bot cannot start on the same file).
    let _serving = match &cli.command {
        Command::Serve => match store::lock::database_file(&url)
            .and_then(|file| file.map(|f| store::lock::take(&f, "serve")).transpose())
        {
            Ok(lock) => lock,
            Err(e) => return Ok(report(Err(e))),
        },
        _ => None,
    };
    // Every process with the database open says so, so `restore` never replaces the file
    // under a console or an import (which would go on writing into the replaced file).
    // (A folder that is not there is left to opening the database to report.)
    let _in_use = match store::lock::database_file(&url).and_then(|file| {
        file.filter(|f| {
            f.parent()
                .is_none_or(|p| p.as_os_str().is_empty() || p.is_dir())
        })
        .map(|f| store::lock::in_use(&f))
        .transpose()
    }) {
        Ok(mark) => mark,
        Err(e) => return Ok(report(Err(e))),
    };
    let cache = match cli.command {
        Command::Serve => store::Cache::Serve,
        _ => store::Cache::Bulk,
    };
    let app = App::new(store::open_with(&url, cache).await?);
    // Officials from before generated readings get theirs, once; a database that cannot
    // take the write (read-only) still answers.
    match app.generate_readings().await {
        Ok(0) => {}
        Ok(n) => tracing::info!(officials = n, "generated readings of officials"),
        Err(e) => tracing::info!(error = %e, "readings of officials not generated"),
    }

    let code = match cli.command {
        Command::Console { sample } => {
            console::run(&app, &actor, sample).await?;
            0
        }
        Command::Ask {
            json,
            chart: None,
            line,
        } => console::ask(&app, &actor, &line.join(" "), json).await,
        Command::Ask {
            json,
            chart: Some(path),
            line,
        } => ask_chart(&app, &actor, &line.join(" "), json, &path).await,
        Command::Draft {
            file,
            published,
            json,
            apply,
            force,
        } => {
            let request = draft_request(&file, published.as_deref(), apply, force);
            let answer = match request {
                Ok(req) => app.handle(&actor, &req).await,
                Err(e) => Err(e),
            };
            console::print_answer(answer, json)
        }
        Command::Serve => {
            let discord = crate::discord::DiscordSettings::from_env()?;
            let _endpoint = match crate::operate::metrics_addr()? {
                Some(addr) => Some(crate::operate::Endpoint::start(addr, app.db.clone()).await?),
                None => None,
            };
            match crate::discord::serve(app.clone(), discord, &url).await {
                Ok(()) => 0,
                // What the operator must change (a command over Discord's limits): exit 1,
                // which systemd does not restart.
                Err(e)
                    if e.downcast_ref::<crate::discord::CommandsRefused>()
                        .is_some() =>
                {
                    eprintln!("delegation-bot: {e}");
                    1
                }
                Err(e) => return Err(e),
            }
        }
        Command::Bench { .. } => unreachable!("handled before the database is opened"),
        Command::Migrate => {
            println!(
                "{}",
                crate::t!("database-up-to-date", url = store::redact(&url))
            );
            0
        }
        Command::Sample {
            synthetic,
            seed,
            force,
            quiet,
        } => {
            let (progress, bar) = progress_bar(quiet);
            let result = match synthetic {
                Some(n) => synthetic::generate_with(&app, &actor, n, seed, force, &progress).await,
                None => sample::load_sample(&app, &actor).await,
            };
            bar.finish_and_clear();
            store::upgrade::optimize(&app.db).await;
            report(result)
        }
        Command::Import { file, force, quiet } => {
            let mut line = format!(
                "/data import {} confirm:true",
                crate::domain::text::typed("file", &file.display().to_string())
            );
            if force {
                line.push_str(" force:true");
            }
            let (progress, bar) = progress_bar(quiet);
            let code = console::ask_with(&app, &actor, &line, false, &progress).await;
            bar.finish_and_clear();
            store::upgrade::optimize(&app.db).await;
            code
        }
        Command::Export {
            what,
            format,
            headers,
            out,
            force,
        } => export(&app, &actor, &what, &format, &headers, out, force).await?,
        Command::Backup { path, dir, keep } => report(backup(&app, path, dir, keep).await),
        Command::Restore { .. } | Command::Healthcheck => {
            unreachable!("handled before the database is opened")
        }
    };
    app.db.close().await;
    Ok(code)
}

/// `ask --chart PATH`: the answer as `ask` prints it, and its chart as a PNG in PATH, a new
/// file (never over a file or through a link, as `console::write_new`). Refused, exit 1,
/// when PATH exists (checked before the command runs) or the answer has no chart.
async fn ask_chart(app: &App, actor: &Actor, line: &str, as_json: bool, path: &Path) -> i32 {
    let shown = path.display().to_string();
    if std::fs::symlink_metadata(path).is_ok() {
        return refuse(as_json, &crate::t!("ask-chart-exists", path = shown), 1);
    }
    let answer = match crate::request::Request::parse_line(line) {
        Ok(req) => app.handle(actor, &req).await,
        Err(e) => Err(e.into()),
    };
    let reply = match answer {
        Ok(reply) => reply,
        Err(e) => return console::print_answer(Err(e), as_json),
    };
    let Some(chart) = &reply.chart else {
        return refuse(as_json, &crate::t!("ask-chart-none", path = shown), 1);
    };
    let png = match crate::chart::png(chart) {
        Ok(png) => png,
        Err(e) => {
            let message = crate::t!("ask-chart-not-drawn", error = format!("{e:#}"));
            return refuse(as_json, &message, 2);
        }
    };
    if let Err(e) = console::write_new(path, &png) {
        let message = if e.kind() == std::io::ErrorKind::AlreadyExists {
            crate::t!("ask-chart-exists", path = shown)
        } else {
            crate::t!("ask-chart-failed", path = shown, error = e.to_string())
        };
        return refuse(as_json, &message, 1);
    }
    let code = console::print_answer(Ok(reply), as_json);
    if !as_json {
        println!("{}", crate::t!("wrote", path = shown));
    }
    code
}

/// A refusal as `ask` says one: a JSON object with `--json`, else a sentence on stderr.
fn refuse(as_json: bool, message: &str, code: i32) -> i32 {
    if as_json {
        println!(
            "{}",
            serde_json::json!({"ok": false, "error": message, "data": null})
        );
    } else {
        eprintln!("{}", console::printable(message));
    }
    code
}

/// `backup PATH`, or `backup --dir DIR [--keep N]`.
async fn backup(
    app: &App,
    path: Option<PathBuf>,
    dir: Option<PathBuf>,
    keep: Option<u32>,
) -> Result<String, Error> {
    let now = chrono::Utc::now();
    match (path, dir) {
        (_, Some(dir)) => {
            let keep = keep.map(|k| k as usize);
            let done = store::backup::into_folder(&app.db, &dir, keep, now).await?;
            let mut text = format!("Backed up to {} (checked).", done.written.display());
            for old in &done.removed {
                text.push_str(&format!("\nRemoved the old backup {}.", old.display()));
            }
            Ok(text)
        }
        (Some(path), None) => {
            store::backup::copy(&app.db, &path, now).await?;
            Ok(format!("Backed up to {} (checked).", path.display()))
        }
        (None, None) => unreachable!("clap requires PATH or --dir"),
    }
}

fn report(result: Result<String, Error>) -> i32 {
    match result {
        Ok(msg) => {
            println!("{msg}");
            0
        }
        Err(e) => {
            let code = if e.is_users() || e.is_unavailable() {
                1
            } else {
                2
            };
            eprintln!("{}", console::printable(&e.user_message()));
            code
        }
    }
}

/// A progress bar on a terminal: phase, rows, rows per second. Hidden on a pipe or with
/// `--quiet` (indicatif draws nothing where stderr is not a terminal).
fn progress_bar(quiet: bool) -> (Progress, indicatif::ProgressBar) {
    let bar = if quiet {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(0)
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg:>9} [{bar:30}] {human_pos}/{human_len} rows, {per_sec}",
        )
        .expect("a valid template")
        .progress_chars("=> "),
    );
    let shown = bar.clone();
    let progress = Progress::new(move |step| {
        shown.set_message(step.phase);
        shown.set_length(step.total);
        shown.set_position(step.done);
    });
    (progress, bar)
}

async fn export(
    app: &App,
    actor: &Actor,
    what: &str,
    format: &str,
    headers: &str,
    out: Option<PathBuf>,
    force: bool,
) -> anyhow::Result<i32> {
    let reply = match app
        .run_line(
            actor,
            &format!("/export what:{what} format:{format} headers:{headers}"),
        )
        .await
    {
        Ok(r) => r,
        Err(e) => return Ok(report(Err(e))),
    };
    let written = match (reply.attachments.as_slice(), out) {
        ([one], None) => {
            use std::io::Write;
            std::io::stdout().write_all(&one.bytes)?;
            return Ok(0);
        }
        ([one], Some(path)) if !path.is_dir() => {
            write_out(&path, &one.bytes, force).map(|p| vec![p])
        }
        (files, dir) => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            files
                .iter()
                .map(|a| write_out(&dir.join(&a.filename), &a.bytes, force))
                .collect()
        }
    };
    match written {
        Ok(paths) => {
            for p in paths {
                eprintln!(
                    "{}",
                    crate::t!("file-written", path = p.display().to_string())
                );
            }
            Ok(0)
        }
        Err(message) => {
            eprintln!("{message}");
            Ok(1)
        }
    }
}

/// Writes an export file: never over an existing file or through a link unless `force`
/// (which replaces the link itself, not what it points to); missing folders are made.
fn write_out(path: &std::path::Path, bytes: &[u8], force: bool) -> Result<PathBuf, String> {
    let shown = path.display();
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            format!(
                "Cannot make the folder {}: {e}; choose another --out.",
                parent.display()
            )
        })?;
    }
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let what = if meta.file_type().is_symlink() {
            "is a link"
        } else {
            "exists already"
        };
        if !force || meta.is_dir() {
            return Err(format!(
                "{shown} {what}; choose another --out, or add --force to replace it."
            ));
        }
        std::fs::remove_file(path).map_err(|e| format!("Cannot replace {shown}: {e}."))?;
    }
    console::write_new(path, bytes).map_err(|e| format!("Cannot write {shown}: {e}."))?;
    Ok(path.to_path_buf())
}

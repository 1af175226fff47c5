//! The command line: `console`, `ask`, `migrate`, `sample`, `import`, `export`, `backup`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands::{Actor, App};
use crate::configuration::Settings;
use crate::console;
use crate::error::Error;
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
        /// The command line, e.g. "/visits list province:Hainan"
        line: Vec<String>,
    },
    /// Apply database migrations and exit
    Migrate,
    /// Load the sample data set, or a synthetic one with --synthetic N
    Sample {
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
    /// Import a CSV or JSON file (all or nothing)
    Import {
        file: PathBuf,
        /// Import visits even when they overlap existing ones
        #[arg(long)]
        force: bool,
    },
    /// Export records as CSV or JSON
    Export {
        #[arg(long, default_value = "all", value_parser = ["visits", "meetings", "forums", "officials", "all"])]
        what: String,
        #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
        format: String,
        /// File to write (a folder when several CSV files result); default: standard output,
        /// or the current folder for several files
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Connect to Discord and answer the team's commands (needs DISCORD_TOKEN)
    Serve,
    /// Measure every read command on synthetic databases (figures for README)
    Bench {
        /// Sizes in visits, comma-separated
        #[arg(long, value_delimiter = ',', default_value = "10000,100000")]
        visits: Vec<usize>,
        /// Timed runs of each command
        #[arg(long, default_value_t = 200)]
        iterations: usize,
        /// Where the benchmark databases are kept (made once, then reused)
        #[arg(long, default_value = "bench-data")]
        dir: PathBuf,
    },
    /// Write a consistent copy of the database to a new file (safe while the bot runs)
    Backup { path: PathBuf },
}

fn actor(name: Option<String>) -> Actor {
    let name = name
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "console".into());
    Actor {
        id: format!("local:{name}"),
        name,
        moderator: true,
    }
}

/// Runs the command line; returns the process exit status.
pub async fn run(cli: Cli) -> anyhow::Result<i32> {
    let settings = Settings::load();
    if matches!(cli.command, Command::Serve)
        && let Err(e) = crate::discord::DiscordSettings::from_env()
    {
        // A missing token is the operator's input error: say so, exit 1, touch nothing.
        eprintln!("delegation-bot: {e:#}");
        return Ok(1);
    }
    if let Command::Bench {
        visits,
        iterations,
        dir,
    } = cli.command
    {
        // Benchmarks use their own databases, never the team's.
        return Ok(
            match crate::bench::run(crate::bench::Options {
                sizes: visits,
                iterations,
                dir,
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
    let app = App::new(store::open(&url).await?);
    let actor = actor(cli.actor);
    let code = match cli.command {
        Command::Console { sample } => {
            console::run(&app, &actor, sample).await?;
            0
        }
        Command::Ask { json, line } => console::ask(&app, &actor, &line.join(" "), json).await,
        Command::Serve => {
            let discord = crate::discord::DiscordSettings::from_env()?;
            crate::discord::serve(app.clone(), discord, &url).await?;
            0
        }
        Command::Bench { .. } => unreachable!("handled before the database is opened"),
        Command::Migrate => {
            println!("Database {} is up to date.", store::redact(&url));
            0
        }
        Command::Sample {
            synthetic,
            seed,
            force,
        } => {
            let result = match synthetic {
                Some(n) => synthetic::generate(&app, &actor, n, seed, force).await,
                None => sample::load_sample(&app, &actor).await,
            };
            report(result)
        }
        Command::Import { file, force } => {
            let mut line = format!("/data import file:\"{}\" confirm:true", file.display());
            if force {
                line.push_str(" force:true");
            }
            console::ask(&app, &actor, &line, false).await
        }
        Command::Export { what, format, out } => export(&app, &actor, &what, &format, out).await?,
        Command::Backup { path } => {
            store::backup(&app.db, &path.to_string_lossy()).await?;
            println!("Backed up to {}", path.display());
            0
        }
    };
    app.db.close().await;
    Ok(code)
}

fn report(result: Result<String, Error>) -> i32 {
    match result {
        Ok(msg) => {
            println!("{msg}");
            0
        }
        Err(e @ Error::User(_)) => {
            eprintln!("{}", e.user_message());
            1
        }
        Err(e) => {
            eprintln!("{}", e.user_message());
            2
        }
    }
}

async fn export(
    app: &App,
    actor: &Actor,
    what: &str,
    format: &str,
    out: Option<PathBuf>,
) -> anyhow::Result<i32> {
    let reply = match app
        .run_line(actor, &format!("/export what:{what} format:{format}"))
        .await
    {
        Ok(r) => r,
        Err(e) => return Ok(report(Err(e))),
    };
    match (reply.attachments.as_slice(), out) {
        ([one], None) => {
            use std::io::Write;
            std::io::stdout().write_all(&one.bytes)?;
        }
        ([one], Some(path)) if !path.is_dir() => {
            std::fs::write(&path, &one.bytes)?;
            eprintln!("Wrote {}", path.display());
        }
        (_, dir) => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            std::fs::create_dir_all(&dir)?;
            for p in console::save_attachments(&reply, &dir)? {
                eprintln!("Wrote {}", p.display());
            }
        }
    }
    Ok(0)
}

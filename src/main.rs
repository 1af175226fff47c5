use clap::Parser;

fn main() {
    // `.env` first: RUST_LOG and LOG_FORMAT set there shape the logs from the first line.
    delegation_bot::configuration::settings();
    let cli = delegation_bot::cli::Cli::parse();
    let serve = matches!(cli.command, delegation_bot::cli::Command::Serve);
    if serve {
        delegation_bot::operate::keep_memory_small();
    } else {
        delegation_bot::operate::end_quietly_on_closed_output();
    }
    delegation_bot::telemetry::init(serve);
    // Two workers (one per core here) and a few threads for blocking work (charts, file
    // fits, parses): a burst of interactions otherwise starts a thread for each chart in
    // flight, and each thread's memory stays with the process after the burst.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(8)
        .build()
        .expect("the async runtime starts");
    let code = runtime.block_on(async {
        match delegation_bot::cli::run(cli).await {
            Ok(code) => code,
            Err(e) => {
                eprintln!("delegation-bot: {e:#}");
                2
            }
        }
    });
    std::process::exit(code);
}

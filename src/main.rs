use clap::Parser;

#[tokio::main]
async fn main() {
    // `.env` first: RUST_LOG and LOG_FORMAT set there shape the logs from the first line.
    delegation_bot::configuration::load_env_file();
    let cli = delegation_bot::cli::Cli::parse();
    delegation_bot::telemetry::init(matches!(cli.command, delegation_bot::cli::Command::Serve));
    match delegation_bot::cli::run(cli).await {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("delegation-bot: {e:#}");
            std::process::exit(2);
        }
    }
}

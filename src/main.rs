use clap::Parser;

#[tokio::main]
async fn main() {
    delegation_bot::telemetry::init();
    let cli = delegation_bot::cli::Cli::parse();
    match delegation_bot::cli::run(cli).await {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("delegation-bot: {e:#}");
            std::process::exit(2);
        }
    }
}

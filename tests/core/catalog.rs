//! The catalog and the commands agree: every option a command offers is read by it (so no
//! option is silently ignored), and none it reads is missing from the catalog (debug builds
//! stop on such a read, see `Request::get`).

use delegation_bot::catalog::{COMMANDS, OptionKind};
use delegation_bot::request::Request;

use crate::helpers::TestApp;

/// A value of each kind that the catalog accepts.
fn sample(kind: OptionKind) -> String {
    match kind {
        OptionKind::Text(_) | OptionKind::Article(_) => "Jiangsu".into(),
        OptionKind::Integer { min, max } => 1.clamp(min, max).to_string(),
        OptionKind::Bool => "true".into(),
        OptionKind::Date | OptionKind::Month => "2024-05".into(),
        OptionKind::Day => "2024-05-02".into(),
        OptionKind::Choice(choices) => choices[0].into(),
        OptionKind::File => "no-such-file.csv".into(),
        OptionKind::Channel => "123456789012345678".into(),
    }
}

#[tokio::test]
async fn every_command_reads_every_option_in_its_catalog_entry() {
    let t = TestApp::new().await;
    for spec in COMMANDS.iter() {
        let required = spec
            .options
            .iter()
            .filter(|o| o.required)
            .map(|o| (o.name.to_string(), sample(o.kind)))
            .collect();
        let req = Request::build(spec, required)
            .unwrap_or_else(|e| panic!("{}: sample values refused: {}", spec.name(), e.0));
        // Whether it succeeds does not matter here (the samples name nothing on record);
        // its options are read before anything is looked up.
        let _ = t.app.handle(&t.moderator, &req).await;
        assert!(
            req.unread().is_empty(),
            "{} never reads {:?}",
            spec.name(),
            req.unread()
        );
    }
}

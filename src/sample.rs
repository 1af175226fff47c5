//! The sample data set from the mid-2024 news report, shipped as an import file.

use crate::commands::{Actor, App};
use crate::error::Result;

pub const SAMPLE_JSON: &str = include_str!("../data/sample.json");

/// True when the database holds no live record of any kind.
pub async fn is_empty(app: &App) -> Result<bool> {
    Ok(!crate::store::has_records(&app.db).await?)
}

/// Loads the sample set as one import batch (so /data undo removes it again).
pub async fn load_sample(app: &App, actor: &Actor) -> Result<String> {
    if crate::store::live_records(&app.db, Some("sample")).await? > 0 {
        return crate::error::refuse(crate::msg!("sample-already-loaded"));
    }
    let report =
        crate::commands::import::load(app, actor, "sample.json", SAMPLE_JSON.as_bytes(), "sample")
            .await?;
    let parts: Vec<String> = crate::transfer::Entity::ALL
        .iter()
        .filter_map(|k| {
            report
                .counts
                .get(k.plural())
                .map(|c| crate::i18n::format::count(k.as_str(), c.created as i64))
        })
        .collect();
    Ok(crate::t!("sample-loaded", counts = parts.join(", ")))
}

//! Downloading an attached import file from Discord's CDN, after the interaction was
//! acknowledged: one shared client with connect and read timeouts (a hung download must
//! not hold the bot, or its shutdown), refused answers said plainly, and never more bytes
//! than the attachment declared or an import may have.

use std::time::Duration;

use crate::error::{Result, UserError};

pub(super) struct Downloader {
    client: reqwest::Client,
}

/// An attachment as the interaction describes it.
#[derive(Debug, Clone)]
pub(super) struct Attachment {
    pub name: String,
    pub url: String,
    pub size: u64,
}

fn megabytes(bytes: usize) -> String {
    format!("{} MB", bytes / 1_000_000)
}

impl Downloader {
    pub fn new() -> anyhow::Result<Downloader> {
        Ok(Downloader {
            client: reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(10))
                .read_timeout(Duration::from_secs(20))
                .timeout(Duration::from_secs(60))
                .build()?,
        })
    }

    /// The attachment's bytes, at most `limit` of them.
    pub async fn fetch(&self, a: &Attachment, limit: usize) -> Result<Vec<u8>> {
        if a.size as usize > limit {
            return Err(UserError::new(format!(
                "{} is {}; import files may be at most {}, so split it into smaller files.",
                a.name,
                megabytes(a.size as usize),
                megabytes(limit)
            ))
            .into());
        }
        let failed = |e: reqwest::Error| {
            tracing::warn!(error = %e, file = %a.name, "downloading the attachment failed");
            UserError::new(format!(
                "{} could not be downloaded from Discord ({}); attach it again.",
                a.name,
                if e.is_timeout() {
                    "it took too long"
                } else {
                    "the connection failed"
                }
            ))
        };
        let mut response = self.client.get(&a.url).send().await.map_err(failed)?;
        if !response.status().is_success() {
            return Err(UserError::new(format!(
                "{} could not be downloaded from Discord (HTTP {}); attach it again.",
                a.name,
                response.status().as_u16()
            ))
            .into());
        }
        let most = (a.size as usize).min(limit);
        let mut bytes = Vec::with_capacity(most);
        while let Some(chunk) = response.chunk().await.map_err(failed)? {
            if bytes.len() + chunk.len() > most {
                return Err(UserError::new(format!(
                    "{} came larger than Discord said ({} bytes); attach it again.",
                    a.name, a.size
                ))
                .into());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    }
}

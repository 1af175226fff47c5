//! Posting a `Reply` to a channel, unasked (watch messages, digests): one embed within
//! Discord's limits, the chart as a PNG attachment, no pings; and what Discord's answer
//! means for the post.

use std::time::Duration;

use serenity::all::{ChannelId, CreateAttachment, CreateMessage, Http, Timestamp};
use serenity::http::HttpError;

use super::render;
use crate::reply::Reply;

/// A post that takes longer is abandoned and tried again later (Discord may have taken it:
/// the one case where a message can repeat, docs/watches-and-digests.md).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug)]
pub enum Posted {
    /// Discord answered 2xx.
    Sent,
    /// The channel is closed to the bot (403 Missing Access or Missing Permissions, or the
    /// channel is gone): trying again will not help until someone changes that.
    Refused(String),
    /// Discord refused the message itself: trying it again will not help.
    Invalid(String),
    /// A rate limit, an outage, a timeout: try again later.
    Retry(String),
}

/// Posts `reply` in `channel`; `at` (RFC 3339) is shown as the embed's time.
pub async fn send(http: &Http, channel: &str, reply: &Reply, at: Option<&str>) -> Posted {
    let Ok(channel) = channel.parse::<u64>() else {
        return Posted::Refused(format!("{channel} is not a channel id"));
    };
    let mut files = Vec::new();
    if let Some(chart) = reply.chart.clone() {
        match tokio::task::spawn_blocking(move || crate::chart::png(&chart)).await {
            Ok(Ok(png)) => files.push(CreateAttachment::bytes(png, "chart.png")),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "the chart could not be drawn; posting without it")
            }
            Err(e) => tracing::error!(error = %e, "the chart task failed; posting without it"),
        }
    }
    let text = render::embed_text(reply);
    let mut embed = render::embed(&text, (!files.is_empty()).then_some("chart.png"));
    if let Some(at) = at.and_then(|a| Timestamp::parse(a).ok()) {
        embed = embed.timestamp(at);
    }
    let message = CreateMessage::new()
        .embed(embed)
        .add_files(files)
        .allowed_mentions(render::no_mentions());
    match tokio::time::timeout(
        SEND_TIMEOUT,
        ChannelId::new(channel.max(1)).send_message(http, message),
    )
    .await
    {
        Err(_) => Posted::Retry(format!("no answer within {SEND_TIMEOUT:?}")),
        Ok(Ok(_)) => Posted::Sent,
        Ok(Err(e)) => classify(e),
    }
}

fn classify(e: serenity::Error) -> Posted {
    let serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) = &e else {
        return match e {
            // serenity's own checks of the limits: the message cannot go as it is.
            serenity::Error::Model(_) => Posted::Invalid(e.to_string()),
            _ => Posted::Retry(e.to_string()),
        };
    };
    let status = r.status_code.as_u16();
    let code = r.error.code;
    match (status, code) {
        (403, 50001) => Posted::Refused("Missing Access: the bot cannot see that channel".into()),
        (403, 50013) => Posted::Refused(
            "Missing Permissions: the bot may not post there (it needs View Channel, Send Messages, Embed Links and Attach Files)"
                .into(),
        ),
        (403, _) => Posted::Refused(format!("Discord refused: {}", r.error.message)),
        (404, 10003) => Posted::Refused("Unknown Channel: the channel was deleted".into()),
        (429, _) | (500..=599, _) => Posted::Retry(format!("{status} {}", r.error.message)),
        _ => Posted::Invalid(format!("{status} {code} {}", r.error.message)),
    }
}

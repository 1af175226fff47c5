//! Fetching a report by URL, guarded: http and https only; one shared client with connect
//! and read timeouts; at most 2 MB; redirects followed at most 5 times, each checked;
//! never a private, loopback or link-local address (the resolver refuses them, so a name
//! that resolves to one is refused too, and so is an address written in the URL);
//! `DRAFT_FETCH_ALLOW_LOOPBACK=1` lets tests use 127.0.0.1. HTML is reduced to the
//! article's text (`html`).

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use chrono::NaiveDate;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::error::{Message, Result, UserError};
use crate::msg;

pub const MAX_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_REDIRECTS: usize = 5;
pub use crate::configuration::FETCH_LOOPBACK_VAR as ALLOW_LOOPBACK;

/// Set by `allow_loopback` (tests that serve pages on this machine).
static LOOPBACK: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Lets this process fetch from 127.0.0.1, as DRAFT_FETCH_ALLOW_LOOPBACK=1 does (tests).
pub fn allow_loopback() {
    LOOPBACK.store(true, std::sync::atomic::Ordering::Relaxed);
}

pub struct Fetched {
    /// Where the page was found in the end (after redirects).
    pub url: String,
    pub title: Option<String>,
    pub text: String,
    pub published: Option<NaiveDate>,
}

fn loopback_allowed() -> bool {
    LOOPBACK.load(std::sync::atomic::Ordering::Relaxed)
        || crate::configuration::settings().fetch_loopback
}

/// An address a fetch may go to: public ones, and loopback when tests allow it.
pub fn allowed(ip: IpAddr) -> bool {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    if ip.is_loopback() {
        return loopback_allowed();
    }
    match ip {
        IpAddr::V4(v4) => {
            !(v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.octets()[0] == 0
                || (v4.octets()[0] == 100 && (64..128).contains(&v4.octets()[1])))
        }
        IpAddr::V6(v6) => {
            let s = v6.segments()[0];
            !(v6.is_unspecified()
                || v6.is_multicast()
                || (s & 0xfe00) == 0xfc00
                || (s & 0xffc0) == 0xfe80)
        }
    }
}

/// Resolves names, keeping only allowed addresses: a name that points inside the network
/// is refused at connection time, whatever it pointed to when checked before.
struct Guarded;

impl Resolve for Guarded {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_string();
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| allowed(a.ip()))
                .collect();
            if addrs.is_empty() {
                return Err(
                    format!("{host} resolves only to addresses that may not be fetched").into(),
                );
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// The one client for URL fetching.
static CLIENT: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .read_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .dns_resolver(Arc::new(Guarded))
        .user_agent("delegation-bot (report intake)")
        .build()
        .expect("the HTTP client builds")
});

fn refuse(m: Message) -> crate::error::Error {
    UserError::from(m).into()
}

fn check(url: &reqwest::Url) -> Result<()> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse(msg!("draft-fetch-scheme", scheme = url.scheme())));
    }
    let Some(host) = url.host_str() else {
        return Err(refuse(msg!("draft-fetch-no-host")));
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let literal = if bare.eq_ignore_ascii_case("localhost") {
        Some(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST))
    } else {
        bare.parse::<IpAddr>().ok()
    };
    if literal.is_some_and(|ip| !allowed(ip)) {
        return Err(refuse(msg!(
            "draft-fetch-private",
            host = url.host_str().unwrap_or("")
        )));
    }
    Ok(())
}

pub async fn fetch(link: &str) -> Result<Fetched> {
    let mut url =
        reqwest::Url::parse(link.trim()).map_err(|_| refuse(msg!("draft-fetch-not-a-link")))?;
    for _ in 0..=MAX_REDIRECTS {
        check(&url)?;
        let failed = |e: reqwest::Error| {
            tracing::info!(error = %e, "fetching a report failed");
            refuse(msg!(
                "draft-fetch-failed",
                host = match url.host_str() {
                    Some(host) => Message::verbatim(host),
                    None => msg!("draft-fetch-the-page"),
                },
                why = if e.is_timeout() {
                    msg!("draft-fetch-timeout")
                } else if e.is_connect() {
                    msg!("draft-fetch-no-connection")
                } else {
                    msg!("draft-fetch-transfer-failed")
                }
            ))
        };
        let mut response = CLIENT.get(url.clone()).send().await.map_err(failed)?;
        if response.status().is_redirection() {
            let next = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .and_then(|l| url.join(l).ok())
                .ok_or_else(|| refuse(msg!("draft-fetch-redirects-nowhere")))?;
            url = next;
            continue;
        }
        if !response.status().is_success() {
            return Err(refuse(msg!(
                "draft-fetch-status",
                status = u32::from(response.status().as_u16())
            )));
        }
        if response
            .content_length()
            .is_some_and(|n| n as usize > MAX_BYTES)
        {
            return Err(refuse(msg!("draft-fetch-too-large")));
        }
        let html = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|c| c.to_str().ok())
            .is_none_or(|c| c.contains("html"));
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(failed)? {
            if bytes.len() + chunk.len() > MAX_BYTES {
                return Err(refuse(msg!("draft-fetch-too-large")));
            }
            bytes.extend_from_slice(&chunk);
        }
        let body = String::from_utf8_lossy(&bytes);
        let (title, text, published) = if html {
            let page = super::html::reduce(&body);
            (page.title, page.text, page.published)
        } else {
            (None, body.into_owned(), None)
        };
        return Ok(Fetched {
            url: url.to_string(),
            title,
            text,
            published,
        });
    }
    Err(refuse(msg!(
        "draft-fetch-too-many-redirects",
        n = MAX_REDIRECTS
    )))
}

//! What the fake Discord keeps of each request the bot makes, and how a test reads its
//! JSON and files (multipart bodies as serenity sends them).

use std::time::Instant;

use axum::body::Bytes;
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub content_type: String,
    pub body: Bytes,
    /// The answer the fake gave.
    pub status: u16,
    /// When the request arrived, for the latency figures of `benches/burst.rs`.
    #[allow(dead_code)]
    pub at: Instant,
}

/// A recorded body: its JSON payload and the files sent with it.
#[derive(Debug, Clone)]
pub struct Payload {
    pub json: Value,
    pub files: Vec<(String, Vec<u8>)>,
}

impl Recorded {
    pub fn payload(&self) -> Payload {
        let Some(boundary) = self.content_type.split("boundary=").nth(1) else {
            return Payload {
                json: serde_json::from_slice(&self.body).unwrap_or(Value::Null),
                files: vec![],
            };
        };
        let mut json = Value::Null;
        let mut files = Vec::new();
        let sep = format!("--{}", boundary.trim_matches('"'));
        for part in split(&self.body, sep.as_bytes()) {
            let Some(head_end) = find(part, b"\r\n\r\n") else {
                continue;
            };
            let head = String::from_utf8_lossy(&part[..head_end]).to_string();
            let mut content = &part[head_end + 4..];
            if content.ends_with(b"\r\n") {
                content = &content[..content.len() - 2];
            }
            if let Some(name) = head
                .split("filename=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
            {
                files.push((name.to_string(), content.to_vec()));
            } else if head.contains("name=\"payload_json\"") {
                json = serde_json::from_slice(content).unwrap_or(Value::Null);
            }
        }
        Payload { json, files }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut hay: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = find(hay, sep) {
        out.push(&hay[..i]);
        hay = &hay[i + sep.len()..];
    }
    out.push(hay);
    out.into_iter()
        .map(|p| p.strip_prefix(b"\r\n").unwrap_or(p))
        .filter(|p| !p.is_empty() && *p != b"--\r\n" && *p != b"--")
        .collect()
}

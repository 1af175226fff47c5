//! `GET /healthz` and `GET /metrics` (axum, on `METRICS_ADDR`), and the client side that
//! a container's HEALTHCHECK runs.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use anyhow::Context as _;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::prometheus_text::CONTENT_TYPE;
use sqlx::SqlitePool;

use super::metrics;
use crate::store::census;

/// How long the health check waits for the database (a long import holds the write lock,
/// never the readers, so a healthy database answers at once).
const DATABASE_WAIT: Duration = Duration::from_secs(3);

/// The bound endpoint; it serves until the process ends.
pub struct Endpoint {
    pub addr: SocketAddr,
}

impl Endpoint {
    /// Binds now, so a taken port is a start-up error, and serves in the background.
    pub async fn start(addr: SocketAddr, db: SqlitePool) -> anyhow::Result<Endpoint> {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("could not listen on METRICS_ADDR {addr}"))?;
        let addr = listener.local_addr()?;
        let app = Router::new()
            .route("/healthz", get(healthz))
            .route("/metrics", get(metrics))
            .with_state(db);
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!(error = %e, "the health and metrics endpoint stopped");
            }
        });
        tracing::info!(%addr, "health at http://{addr}/healthz, metrics at http://{addr}/metrics");
        Ok(Endpoint { addr })
    }
}

/// `None` when healthy, else the reason.
async fn trouble(db: &SqlitePool) -> Option<String> {
    if let Some(reason) = super::unhealthy_reason() {
        return Some(reason.to_string());
    }
    if !super::gateway_connected().await {
        return Some("the Discord gateway is not connected".into());
    }
    match tokio::time::timeout(DATABASE_WAIT, census::ping(db)).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(format!("the database does not answer: {e}")),
        Err(_) => Some(format!(
            "the database did not answer within {} s",
            DATABASE_WAIT.as_secs()
        )),
    }
}

async fn healthz(State(db): State<SqlitePool>) -> Response {
    match trouble(&db).await {
        None => (StatusCode::OK, "ok\n").into_response(),
        Some(why) => (StatusCode::SERVICE_UNAVAILABLE, format!("{why}\n")).into_response(),
    }
}

async fn metrics(State(db): State<SqlitePool>) -> Response {
    let connected = super::gateway_connected().await;
    match metrics::global().render(&db, connected).await {
        Ok(text) => ([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "metrics could not be read");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "the database does not answer\n",
            )
                .into_response()
        }
    }
}

/// Asks a running `serve` at `METRICS_ADDR` for `/healthz`: 0 healthy, 1 not (the reason
/// on stderr). An unspecified address (`0.0.0.0`, as in a container) is asked on loopback.
pub async fn healthcheck() -> i32 {
    let mut addr = match super::metrics_addr() {
        Ok(Some(a)) => a,
        Ok(None) => {
            eprintln!("METRICS_ADDR is not set, so serve has no health endpoint to ask.");
            return 1;
        }
        Err(e) => {
            eprintln!("{e:#}");
            return 1;
        }
    };
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() {
            Ipv4Addr::LOCALHOST.into()
        } else {
            Ipv6Addr::LOCALHOST.into()
        });
    }
    let url = format!("http://{addr}/healthz");
    let answer = async {
        let response = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .no_proxy()
            .build()?
            .get(&url)
            .send()
            .await?;
        let status = response.status();
        Ok::<_, reqwest::Error>((status, response.text().await?))
    };
    match answer.await {
        Ok((status, body)) if status.is_success() => {
            println!("{}", body.trim());
            0
        }
        Ok((status, body)) => {
            eprintln!("unhealthy ({status}): {}", body.trim());
            1
        }
        Err(e) => {
            eprintln!("no answer from {url}: {e}");
            1
        }
    }
}

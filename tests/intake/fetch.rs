//! The URL fetcher against a loopback server: HTML reduced to the article, redirects
//! followed up to five times, the 2 MB cap, timeouts, and addresses it must refuse.

use std::time::Duration;

use axum::Router;
use axum::response::{Html, IntoResponse, Redirect};
use axum::routing::get;
use delegation_bot::intake::fetch;

fn allow_loopback() {
    fetch::allow_loopback();
}

async fn server() -> (String, tokio::task::JoinHandle<()>) {
    let app = Router::new()
        .route(
            "/article",
            get(|| async {
                Html("<html><head><meta property=\"article:published_time\" content=\"2024-06-01T09:00:00Z\"><script>online casino</script></head><body><nav>Home News</nav><article><h1>Hainan governor in Jeju</h1><p>Liu Xiaoming met Oh Young-hun.</p></article><footer>Copyright</footer></body></html>")
            }),
        )
        .route("/hop/{n}", get(|axum::extract::Path(n): axum::extract::Path<u32>| async move {
            if n == 0 {
                Redirect::temporary("/article").into_response()
            } else {
                Redirect::temporary(&format!("/hop/{}", n - 1)).into_response()
            }
        }))
        .route("/big", get(|| async { "x".repeat(3 * 1024 * 1024) }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(40)).await;
                "late"
            }),
        )
        .route("/private", get(|| async { Redirect::temporary("http://10.1.2.3/secret") }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (format!("http://{addr}"), handle)
}

#[tokio::test]
async fn html_is_reduced_and_redirects_are_followed_up_to_five() {
    allow_loopback();
    let (base, server) = server().await;
    let page = fetch::fetch(&format!("{base}/hop/4")).await.unwrap();
    assert!(page.url.ends_with("/article"), "{}", page.url);
    assert_eq!(
        page.text,
        "Hainan governor in Jeju\n\nLiu Xiaoming met Oh Young-hun."
    );
    assert_eq!(page.published.unwrap().to_string(), "2024-06-01");
    let err = fetch::fetch(&format!("{base}/hop/5")).await.err().unwrap();
    assert!(
        err.user_message().contains("more than 5"),
        "{}",
        err.user_message()
    );
    server.abort();
}

#[tokio::test]
async fn pages_over_two_megabytes_are_refused() {
    allow_loopback();
    let (base, server) = server().await;
    let err = fetch::fetch(&format!("{base}/big")).await.err().unwrap();
    assert!(
        err.user_message().contains("2 MB"),
        "{}",
        err.user_message()
    );
    server.abort();
}

#[tokio::test]
async fn a_page_that_never_answers_times_out() {
    allow_loopback();
    let (base, server) = server().await;
    let err = fetch::fetch(&format!("{base}/slow")).await.err().unwrap();
    assert!(
        err.user_message().contains("too long"),
        "{}",
        err.user_message()
    );
    server.abort();
}

#[tokio::test]
async fn private_addresses_and_other_schemes_are_refused() {
    allow_loopback();
    for url in [
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://[fc00::1]/",
        "http://[fe80::1]/",
        "ftp://example.org/report.txt",
    ] {
        let err = fetch::fetch(url).await.err().unwrap();
        let m = err.user_message();
        assert!(
            m.contains("private") || m.contains("http and https"),
            "{url}: {m}"
        );
    }
    // A redirect into the private network is refused too.
    let (base, server) = server().await;
    let err = fetch::fetch(&format!("{base}/private"))
        .await
        .err()
        .unwrap();
    assert!(
        err.user_message().contains("private"),
        "{}",
        err.user_message()
    );
    server.abort();
}

#[test]
fn loopback_is_refused_unless_tests_allow_it() {
    use std::net::IpAddr;
    allow_loopback();
    assert!(fetch::allowed("127.0.0.1".parse::<IpAddr>().unwrap()));
    for ip in [
        "10.0.0.1",
        "172.31.0.1",
        "192.168.0.1",
        "169.254.1.1",
        "fc00::1",
        "0.0.0.0",
    ] {
        assert!(!fetch::allowed(ip.parse().unwrap()), "{ip}");
    }
    assert!(fetch::allowed("93.184.216.34".parse::<IpAddr>().unwrap()));
}

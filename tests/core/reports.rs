use crate::helpers::TestApp;

#[tokio::test]
async fn monthly_counts_totals_and_change_against_the_previous_period() {
    let t = TestApp::new().await;
    for (p, d) in [
        ("Jiangsu", "2023-02-01"),
        ("Jiangsu", "2024-01-05"),
        ("Hainan", "2024-01-20"),
        ("Guangdong", "2024-03-02"),
        ("Jiangsu", "2024-03-09"),
    ] {
        t.ok(&format!("/record visit add province:{p} start:{d}"))
            .await;
    }
    let m = t.ok("/visits monthly from:2024-01 to:2024-04").await;
    let counts: Vec<i64> = m["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["visits"].as_i64().unwrap())
        .collect();
    assert_eq!(counts, vec![2, 0, 2, 0]);
    assert_eq!(m["total"], 4);
    assert_eq!(m["mean"], 1.0);
    assert_eq!(m["busiest"]["month"], "2024-01");
    assert_eq!(m["previous"]["from"], "2023-09");
    assert_eq!(m["previous"]["total"], 0);
    let jiangsu = t
        .ok("/visits monthly from:2024-01 to:2024-04 province:jiangsu")
        .await;
    assert_eq!(jiangsu["total"], 2);
    // Default: the 12 months up to the current month.
    let default = t.ok("/visits monthly").await;
    let now = delegation_bot::domain::Day::today().month();
    assert_eq!(default["to"], now.to_string());
    assert_eq!(default["from"], now.plus(-11).to_string());
    let msg = t.refused("/visits monthly from:2024-05 to:2024-01").await;
    assert!(msg.contains("before"), "{msg}");
}

#[tokio::test]
async fn stats_and_provinces_summarize_the_sample() {
    let t = TestApp::with_sample().await;
    let s = t.ok("/stats from:2024-05 to:2024-06").await;
    assert_eq!(s["totals"]["visits"], 2);
    assert_eq!(s["totals"]["meetings"], 2);
    assert_eq!(s["totals"]["forums"], 2);
    let hosts: Vec<&str> = s["top_hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap())
        .collect();
    assert_eq!(hosts, vec!["Han Duck-soo", "Oh Se-hoon"]);
    let p = t.ok("/provinces").await;
    let hainan = p["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["province"] == "Hainan")
        .unwrap()
        .clone();
    assert_eq!(
        (hainan["visits"].as_i64(), hainan["forums"].as_i64()),
        (Some(1), Some(2))
    );
    let jiangsu = p["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["province"] == "Jiangsu")
        .unwrap()
        .clone();
    assert_eq!(jiangsu["meetings"], 2);
}

#[tokio::test]
async fn the_sample_follows_the_news_report() {
    let t = TestApp::with_sample().await;
    let hainan = t.ok("/visits list province:Hainan").await;
    assert_eq!(hainan["visits"][0]["start"], "2024-05-29");
    assert_eq!(hainan["visits"][0]["end"], "2024-05-31");
    assert_eq!(hainan["visits"][0]["leader"], "Liu Xiaoming");
    let jiangsu = t.ok("/visits list province:Jiangsu").await;
    assert_eq!(
        jiangsu["visits"][0]["start"], "2024-06",
        "month precision where the report gives no day"
    );
    let xin = t.ok("/official history name:\"Xin Changxing\"").await;
    let met: Vec<&str> = xin["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["counterparts"][0].as_str().unwrap())
        .collect();
    assert_eq!(met, vec!["Han Duck-soo", "Oh Se-hoon"]);
    let shown = t.ok("/visits show id:1").await;
    assert_eq!(shown["dataset"], "sample");
    assert!(!shown["sources"].as_array().unwrap().is_empty());
    let again = t.run("/help").await.unwrap();
    assert!(
        again
            .fields
            .iter()
            .any(|f| f.value.contains("/visits monthly"))
    );
    let msg = delegation_bot::sample::load_sample(&t.app, &t.moderator)
        .await
        .unwrap_err()
        .to_string();
    assert!(msg.contains("loaded already"), "{msg}");
}

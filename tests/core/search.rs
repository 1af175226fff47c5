//! /search: whole words (stemmed), explicit prefixes, relevance, and the bound on broad
//! searches that keeps a common word cheap in a large record.

use crate::helpers::TestApp;

#[tokio::test]
async fn search_finds_visits_officials_forums_and_meetings() {
    let t = TestApp::with_sample().await;
    let r = t.ok("/search text:jeju").await;
    let kinds: Vec<&str> = r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["entity"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"forum") && kinds.contains(&"visit") && kinds.contains(&"official"),
        "{kinds:?}"
    );
    assert!(t.ok("/search text:오세훈").await["total"].as_i64().unwrap() >= 1);
    assert!(
        t.ok("/search text:\"Han Duck\"").await["total"]
            .as_i64()
            .unwrap()
            >= 1
    );
    // FTS syntax in the input is plain text, not an error.
    assert_eq!(t.ok("/search text:\"NEAR( AND * OR\"").await["total"], 0);
    t.refused("/search text:\"!!!\"").await;
}

#[tokio::test]
async fn words_match_whole_and_stemmed_and_prefixes_are_asked_for() {
    let t = TestApp::new().await;
    t.ok("/record visit add province:Jiangsu start:2024-03-02 purpose:\"Battery plants and semiconductors\"")
        .await;
    let total = |line: &str| {
        let t = &t;
        let line = line.to_string();
        async move { t.ok(&line).await["total"].as_i64().unwrap() }
    };
    assert_eq!(total("/search text:batteries").await, 1, "stemmed");
    assert_eq!(total("/search text:semiconductor").await, 1, "stemmed");
    assert_eq!(
        total("/search text:semicon").await,
        0,
        "a part of a word is not a word"
    );
    assert_eq!(
        total("/search text:semicon*").await,
        1,
        "unless it ends with *"
    );
    let none = t.ok("/search text:semicon").await;
    assert_eq!(none["results"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn a_word_in_the_title_ranks_first() {
    let t = TestApp::new().await;
    t.ok("/record visit add province:Hainan start:2024-05-02 purpose:\"Talks before the Jeju Forum\"")
        .await;
    t.ok("/record forum add name:\"Jeju Forum\" kind:conference start:2024-05-29")
        .await;
    let r = t.ok("/search text:jeju").await;
    assert_eq!(r["total"], 2);
    assert_eq!(r["more"], false);
    assert_eq!(r["results"][0]["entity"], "forum", "{r}");
}

#[tokio::test]
async fn a_broad_search_ranks_the_newest_matches_of_each_kind() {
    let t = TestApp::new().await;
    delegation_bot::synthetic::generate(&t.app, &t.moderator, 1500, 5, false)
        .await
        .unwrap();
    // "synthetic" is in every visit, meeting and forum: far over the bound.
    let r = t.ok("/search text:synthetic page:3").await;
    assert_eq!(r["more"], true, "{}", r["total"]);
    assert_eq!(r["total"], delegation_bot::store::search::RANK_ALL_UP_TO);
    let results = r["results"].as_array().unwrap();
    assert_eq!(results.len(), 10);
    for hit in results {
        let table = match hit["entity"].as_str().unwrap() {
            "visit" => "visits",
            "meeting" => "meetings",
            "forum" => "forums",
            other => panic!("{other} does not say synthetic"),
        };
        let newer: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM {table} WHERE id > ? AND deleted_at IS NULL"
        )))
        .bind(hit["id"].as_i64().unwrap())
        .fetch_one(&t.app.db)
        .await
        .unwrap();
        assert!(
            newer < 250,
            "{hit} is among the newest 250 of its kind ({newer} newer)"
        );
    }
    let reply = t.run("/search text:synthetic").await.unwrap();
    assert!(reply.footer.unwrap().contains("add words to narrow"));
}

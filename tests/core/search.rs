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
async fn a_broad_search_of_a_common_word_lists_the_newest_of_each_kind_in_turn() {
    let t = TestApp::new().await;
    delegation_bot::synthetic::generate(&t.app, &t.moderator, 2600, 5, false)
        .await
        .unwrap();
    let newest = |table: &'static str| {
        let db = t.app.db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
                "SELECT max(id) FROM {table} WHERE deleted_at IS NULL"
            )))
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    // "synthetic" is in every visit, meeting and forum (and a few long official names):
    // over both bounds.
    let r = t.ok("/search text:synthetic").await;
    assert_eq!(r["more"], true);
    assert_eq!(r["newest_first"], true);
    assert_eq!(r["total"], delegation_bot::store::search::RANK_ALL_UP_TO);
    let results = r["results"].as_array().unwrap();
    assert_eq!(results.len(), 10);
    let first: Vec<(&str, i64)> = results[..3]
        .iter()
        .map(|h| (h["entity"].as_str().unwrap(), h["id"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        first,
        vec![
            ("visit", newest("visits").await),
            ("meeting", newest("meetings").await),
            ("forum", newest("forums").await),
        ]
    );
    // Officials with the long synthetic name take the fourth turn, outcomes the fifth;
    // then visits again.
    assert_eq!(results[3]["entity"], "official");
    assert_eq!(results[4]["entity"], "outcome");
    assert_eq!(results[4]["id"], newest("outcomes").await);
    assert_eq!(results[5]["entity"], "visit");
    assert_eq!(results[5]["id"], newest("visits").await - 1);
    // Deep pages stay within the newest of each kind.
    let deep = t.ok("/search text:synthetic page:40").await;
    for hit in deep["results"].as_array().unwrap() {
        let table = match hit["entity"].as_str().unwrap() {
            "visit" => "visits",
            "meeting" => "meetings",
            "forum" => "forums",
            "outcome" => "outcomes",
            _ => continue,
        };
        assert!(
            newest(table).await - hit["id"].as_i64().unwrap() < 200,
            "{hit}"
        );
    }
    let reply = t.run("/search text:synthetic").await.unwrap();
    assert!(reply.footer.unwrap().contains("add words to narrow"));
}

#[tokio::test]
async fn a_broad_search_of_rarer_words_ranks_the_newest_of_each_kind_by_relevance() {
    let t = TestApp::new().await;
    delegation_bot::synthetic::generate(&t.app, &t.moderator, 1200, 9, false)
        .await
        .unwrap();
    // Over 1,000 records say "synthetic", but fewer than 5,000: weighed by relevance.
    let r = t.ok("/search text:synthetic page:2").await;
    assert_eq!(
        (r["more"].clone(), r["newest_first"].clone()),
        (true.into(), false.into())
    );
    for hit in r["results"].as_array().unwrap() {
        let table = match hit["entity"].as_str().unwrap() {
            "visit" => "visits",
            "meeting" => "meetings",
            "forum" => "forums",
            _ => "officials",
        };
        let newer: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM {table} WHERE id > ? AND deleted_at IS NULL"
        )))
        .bind(hit["id"].as_i64().unwrap())
        .fetch_one(&t.app.db)
        .await
        .unwrap();
        assert!(newer < 250 || table == "officials", "{hit}: {newer} newer");
    }
}

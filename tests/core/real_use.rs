//! Issue 20: what a week of real use still broke, one test per numbered item (the test's
//! name says which). Each failed on the code before its fix.

use crate::helpers::*;

/// Writes `csv` into the test's folder and imports it; returns the reply's text.
async fn import(t: &TestApp, name: &str, csv: &str) -> String {
    let path = t.dir.path().join(name);
    std::fs::write(&path, csv).unwrap();
    let r = t
        .run(&format!("/data import file:\"{}\" confirm:true", path.display()))
        .await
        .unwrap_or_else(|e| panic!("import {name}: {e:?}"));
    format!("{} {}", r.title, r.text.unwrap_or_default())
}

#[tokio::test]
async fn item02_sums_of_huge_amounts_never_overflow() {
    let t = TestApp::new().await;
    // 200 of the largest amount one outcome may state, spread over 2024...
    let mut spread = String::from("kind,title,date,province,amount,currency\n");
    for i in 0..200 {
        spread.push_str(&format!(
            "investment pledge,Pledge {i},2024-{:02}-{:02},Jiangsu,999999999999999.99,KRW\n",
            i % 12 + 1,
            i % 28 + 1
        ));
    }
    import(&t, "spread.csv", &spread).await;
    // ...and 200 more within one month: the kept monthly sum passes 2^63 hundredths.
    let mut month = String::from("kind,title,date,province,amount,currency\n");
    for i in 0..200 {
        month.push_str(&format!(
            "investment pledge,June pledge {i},2024-06-{:02},Shandong,999999999999999.99,KRW\n",
            i % 28 + 1
        ));
    }
    import(&t, "month.csv", &month).await;

    let stats = t.ok("/stats from:2024-01 to:2024-12").await;
    assert_eq!(stats["outcomes"]["count"], 400);
    assert_eq!(
        stats["outcomes"]["pledged"],
        serde_json::json!([{"currency": "KRW", "amount": "399999999999999996"}])
    );
    let june = t.ok("/stats from:2024-06 to:2024-06").await;
    assert_eq!(june["outcomes"]["count"], 217);
}

#[tokio::test]
async fn item02_a_failed_read_never_says_a_change_was_not_made() {
    let t = TestApp::new().await;
    // Break a table every report reads, as a damaged file would.
    sqlx::query("DROP TABLE month_stats")
        .execute(&t.app.db)
        .await
        .unwrap();
    let e = t.run("/visits monthly").await.unwrap_err();
    let said = e.user_message();
    assert!(!said.contains("change"), "{said}");
    assert!(said.contains("something went wrong"), "{said}");
    // A write that fails says nothing was changed.
    sqlx::query("DROP TABLE visit_places")
        .execute(&t.app.db)
        .await
        .unwrap();
    let e = t
        .run("/record visit add province:Jiangsu start:2024-06-19 places:Seoul")
        .await
        .unwrap_err();
    assert!(e.user_message().contains("not made"), "{}", e.user_message());
}

use crate::helpers::{TestApp, id};

#[tokio::test]
async fn forums_are_added_linked_listed_and_shown() {
    let t = TestApp::new().await;
    t.people().await;
    let v = id(&t.ok("/record visit add province:Hainan start:2024-05-29 end:2024-05-31 leader:\"Liu Xiaoming\"").await);
    let f = id(&t.ok("/record forum add name:\"Jeju Forum\" kind:conference start:2024-05-29 end:2024-05-31 edition:19th place:Jeju").await);
    t.ok(&format!("/record forum link forum:{f} visit:{v}"))
        .await;
    let msg = t
        .refused(&format!("/record forum link forum:{f} visit:{v}"))
        .await;
    assert!(msg.contains("already linked"), "{msg}");
    let shown = t.ok(&format!("/forums show id:{f}")).await;
    assert_eq!(shown["edition"], "19th");
    assert_eq!(shown["visits"][0]["id"], v);
    assert_eq!(shown["visits"][0]["leader"], "Liu Xiaoming");
    let list = t.ok("/forums list kind:conference").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["forums"][0]["delegations"], 1);
}

#[tokio::test]
async fn forum_filters() {
    let t = TestApp::new().await;
    t.ok("/record forum add name:\"Jeju Forum\" kind:conference start:2024-05-29 place:Jeju")
        .await;
    t.ok("/record forum add name:\"Seoul Hainan Free Trade Port Promotion Conference\" kind:promotion start:2024-05 place:Seoul").await;
    assert_eq!(t.ok("/forums list").await["total"], 2);
    assert_eq!(
        t.ok("/forums list kind:\"promotion conference\"").await["total"],
        1
    );
    assert_eq!(t.ok("/forums list place:jeju").await["total"], 1);
    assert_eq!(t.ok("/forums list from:2024-06").await["total"], 0);
    let msg = t
        .refused("/record forum add name:X kind:party start:2024-05-01")
        .await;
    assert!(msg.contains("one of"), "{msg}");
}

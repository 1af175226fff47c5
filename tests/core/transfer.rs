use std::path::PathBuf;

use crate::helpers::TestApp;

/// Exports `what` as `format` and writes the files into the test's folder.
async fn export(t: &TestApp, what: &str, format: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let reply = t
        .run(&format!("/export what:{what} format:{format}"))
        .await
        .unwrap();
    reply
        .attachments
        .iter()
        .map(|a| {
            let path = t.dir.path().join(format!("{}-{}", format, a.filename));
            std::fs::write(&path, &a.bytes).unwrap();
            (path, a.bytes.clone())
        })
        .collect()
}

async fn rich_data(t: &TestApp) {
    t.people().await;
    t.ok("/record official alias name:\"Oh Se-hoon\" alias:\"Oh Sehun\"")
        .await;
    t.ok("/record visit add province:\"Jiangsu, Shandong\" start:2024-06 leader:\"Xin Changxing\" places:\"Seoul, Busan\" purpose:\"Trade, \\\"batteries\\\" and more\" size:40 source:https://example.org/a source_title:\"A, report\" source_date:2024-06-20").await;
    t.ok("/record visit add province:Hainan start:2024-05-29 end:2024-05-31 leader:\"Liu Xiaoming\" places:Jeju purpose:\"=HYPERLINK(1)\" city:Haikou level:provincial").await;
    t.ok("/record visit edit id:2 source:https://example.org/b")
        .await;
    t.ok("/record visit add province:Fujian start:2023-01-01")
        .await;
    t.ok("/record visit delete id:3").await;
    t.ok("/record meeting add date:2024-06 officials:\"Xin Changxing; Oh Se-hoon\" place:\"Seoul City Hall\" visit:1 summary:\"Line one\nline two\"").await;
    t.ok("/record forum add name:\"Jeju Forum\" kind:conference start:2024-05-29 end:2024-05-31 edition:19th place:Jeju visit:2").await;
    // Careers and outcomes (issue 12), linked to each kind, in several currencies.
    t.ok("/record official post name:\"Xin Changxing\" title:\"Party Secretary of Qinghai\" from:2020-06 to:2022-12-08 organization:\"CPC Qinghai Committee\" province:Qinghai").await;
    t.ok("/record official post name:\"Xin Changxing\" title:\"Party Secretary of Jiangsu\" from:2022-12-09 province:Jiangsu").await;
    t.ok("/outcome add kind:MOU title:\"Workation MOU\" date:2024-06 province:\"Jiangsu, Shandong\" korean_side:\"Seoul, =1+1\" visit:1 meeting:1 amount:\"1조 5천억\" currency:KRW source:https://example.org/o source_title:\"O | report\" source_date:2024-06-21").await;
    t.ok("/outcome add kind:\"sister-city\" title:\"Haikou and Jeju\" date:2024-05-30 province:Hainan city:Haikou forum:1 visit:2 status:\"in progress\" summary:\"Two lines\nof summary\"").await;
    t.ok("/outcome add kind:\"investment pledge\" title:Batteries date:2024-05-31 province:Hainan amount:\"USD 12.5\" status:cancelled").await;
}

#[tokio::test]
async fn export_then_import_into_an_empty_database_gives_the_same_export() {
    let source = TestApp::new().await;
    rich_data(&source).await;
    for format in ["csv", "json"] {
        let files = export(&source, "all", format).await;
        let target = TestApp::new().await;
        for (path, _) in &files {
            target
                .ok(&format!(
                    "/data import file:\"{}\" confirm:true",
                    path.display()
                ))
                .await;
        }
        let again = export(&target, "all", format).await;
        for ((_, a), (_, b)) in files.iter().zip(&again) {
            assert_eq!(
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b),
                "{format} round trip"
            );
        }
        // Importing the same files again changes nothing.
        for (path, _) in &files {
            let data = target
                .ok(&format!(
                    "/data import file:\"{}\" confirm:true",
                    path.display()
                ))
                .await;
            for (_, c) in data["counts"].as_object().unwrap() {
                assert_eq!(
                    (c["created"].as_i64(), c["updated"].as_i64()),
                    (Some(0), Some(0)),
                    "{format}: {data}"
                );
            }
        }
    }
}

#[tokio::test]
async fn outcomes_and_careers_come_from_another_database_with_their_links() {
    let source = TestApp::new().await;
    rich_data(&source).await;
    let files = export(&source, "all", "json").await;
    let exported: serde_json::Value = serde_json::from_slice(&files[0].1).unwrap();
    assert_eq!(exported["outcomes"].as_array().unwrap().len(), 3);
    assert_eq!(exported["outcomes"][0]["amount"], "1500000000000");
    assert_eq!(exported["outcomes"][2]["amount"], "12.5");
    let xin = &exported["officials"][0];
    assert_eq!(
        xin["posts"],
        "Party Secretary of Jiangsu |  | Jiangsu | 2022-12-09 | \nParty Secretary of Qinghai | CPC Qinghai Committee | Qinghai | 2020-06 | 2022-12-08"
    );
    // A database with records of its own: the file's numbers are not its numbers.
    let target = TestApp::new().await;
    target
        .ok("/record visit add province:Guangdong start:2020-01-01")
        .await;
    target
        .ok("/record forum add name:Other kind:conference start:2020-01-02")
        .await;
    target
        .ok(&format!(
            "/data import file:\"{}\" confirm:true",
            files[0].0.display()
        ))
        .await;
    let list = target.ok("/outcomes list").await;
    assert_eq!(list["total"], 3);
    let mou = list["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["title"] == "Workation MOU")
        .unwrap()
        .clone();
    let shown = target.ok(&format!("/outcomes show id:{}", mou["id"])).await;
    let visit = shown["links"][0]["id"].as_i64().unwrap();
    let v = target.ok(&format!("/visits show id:{visit}")).await;
    assert_eq!(v["provinces"], serde_json::json!(["Jiangsu", "Shandong"]));
    assert_eq!(v["outcomes"][0]["title"], "Workation MOU");
    let sister = list["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["title"] == "Haikou and Jeju")
        .unwrap()["id"]
        .clone();
    let shown = target.ok(&format!("/outcomes show id:{sister}")).await;
    let forum = shown["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["entity"] == "forum")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        target.ok(&format!("/forums show id:{forum}")).await["name"],
        "Jeju Forum"
    );
    let career = target.ok("/official show name:\"Xin Changxing\"").await;
    assert_eq!(career["posts"][1]["organization"], "CPC Qinghai Committee");
    // The same file again (a preview): its visits now overlap and are refused, so the
    // outcomes linked to them are refused for the link; the unlinked one is a repeat of
    // itself, refused naming the one on record.
    let preview = target
        .ok(&format!("/data import file:\"{}\"", files[0].0.display()))
        .await;
    let outcomes: Vec<&str> = preview["refused"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["at"].as_str().unwrap().contains("outcomes"))
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes.len(), 3, "{preview}");
    assert!(
        outcomes[0].starts_with("visit 1 is a visit of the database"),
        "{outcomes:?}"
    );
    assert!(outcomes[2].starts_with("Outcome #"), "{outcomes:?}");
}

#[tokio::test]
async fn exports_neutralize_spreadsheet_formulas() {
    let t = TestApp::new().await;
    rich_data(&t).await;
    let files = export(&t, "visits", "csv").await;
    let text = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(text.contains("'=HYPERLINK(1)"), "{text}");
    assert!(!text.contains(",=HYPERLINK"), "{text}");
}

#[tokio::test]
async fn a_hand_made_csv_with_province_and_start_imports() {
    let t = TestApp::new().await;
    t.people().await;
    let path = t.dir.path().join("visits.csv");
    std::fs::write(
        &path,
        "\u{feff}Province,Start,end,leader,places,source\nGuangdong,2024-02-01,2024-02-03,,Busan,https://example.org/x\n\"Jiangsu, Zhejiang\",2024-03,,xin changxing,\"Seoul, Incheon\",\n",
    )
    .unwrap();
    let preview = t
        .run(&format!("/data import file:\"{}\"", path.display()))
        .await
        .unwrap();
    assert!(preview.confirm.is_some(), "a preview asks to confirm");
    assert_eq!(preview.data["counts"]["visits"]["created"], 2);
    assert_eq!(
        t.ok("/visits list").await["total"],
        0,
        "a preview changes nothing"
    );
    let confirm = preview.confirm.unwrap().request.to_line();
    t.ok(&confirm).await;
    let list = t.ok("/visits list").await;
    assert_eq!(list["total"], 2);
    assert_eq!(list["visits"][0]["province"], "Jiangsu, Zhejiang");
    assert_eq!(list["visits"][0]["leader"], "Xin Changxing");
    // The whole import is one change for undo.
    t.ok("/data undo").await;
    assert_eq!(t.ok("/visits list").await["total"], 0);
}

#[tokio::test]
async fn a_bad_row_is_reported_by_line_and_column_and_nothing_is_applied() {
    let t = TestApp::new().await;
    t.people().await;
    let before = t.fingerprint().await;
    let cases: [(&str, &[u8], &str); 9] = [
        (
            "a.csv",
            b"province,start\nHainan,2024-05-01\nHainan,2024-02-30\n",
            "a.csv line 3, column `start`",
        ),
        (
            "b.csv",
            b"province,start,leader\nHainan,2024-05-01,Nobody\n",
            "b.csv line 2, column `leader`",
        ),
        (
            "c.csv",
            b"province,start,colour\nHainan,2024-05-01,red\n",
            "column `colour` is not a visit column",
        ),
        (
            "d.csv",
            b"name,start\nx,2024-01-01\n",
            "header must name the columns",
        ),
        (
            "e.csv",
            b"province,start\nHainan,2024-05-01,extra\n",
            "line 2: 3 cells",
        ),
        (
            "f.csv",
            b"province,start,end\nHainan,2024-05-01,2024-05-03\nHainan,2024-05-02,\n",
            "line 3, column `start`: the visit at line 2 of this file",
        ),
        ("g.json", b"{\"visits\": 3}", "must be an array"),
        ("h.json", b"\"text\"", "must be an array of records"),
        (
            "i.csv",
            b"province,start\nHa\xffinan,2024-05-01\n",
            "not UTF-8",
        ),
    ];
    for (name, bytes, expected) in cases {
        let msg = t.import_refused(name, bytes).await;
        assert!(msg.contains(expected), "{name}: {msg}");
    }
    assert_eq!(
        before,
        t.fingerprint().await,
        "a refused import changed the database"
    );
    let msg = t.refused("/data import file:/no/such/file.csv").await;
    assert!(msg.contains("no file"), "{msg}");
}

#[tokio::test]
async fn json_imports_accept_arrays_and_sections() {
    let t = TestApp::new().await;
    let path = t.dir.path().join("officials.json");
    std::fs::write(
        &path,
        r#"[{"name": "Kim Jin-tae", "country": "Korea", "title": "Governor of Gangwon"}]"#,
    )
    .unwrap();
    t.ok(&format!(
        "/data import file:\"{}\" confirm:true",
        path.display()
    ))
    .await;
    assert_eq!(
        t.ok("/official show name:\"kim jintae\"").await["title"],
        "Governor of Gangwon"
    );
}

#[tokio::test]
async fn korean_headers_export_and_import_back_as_the_same_records() {
    let source = TestApp::new().await;
    rich_data(&source).await;
    let english = export(&source, "all", "csv").await;
    // `headers:en` is the default, byte for byte.
    let en = source
        .run("/export what:all format:csv headers:en")
        .await
        .unwrap();
    for (a, (_, b)) in en.attachments.iter().zip(&english) {
        assert_eq!(&a.bytes, b, "{}", a.filename);
    }
    assert!(english[1].1.starts_with(
        "\u{feff}id,version,province,city,level,start,end,leader,places,purpose,size,sources,database\n"
            .as_bytes()
    ));
    let ko = source
        .run("/export what:all format:csv headers:ko")
        .await
        .unwrap();
    assert_eq!(ko.attachments.len(), 5);
    let target = TestApp::new().await;
    for a in &ko.attachments {
        let text = String::from_utf8(a.bytes.clone()).unwrap();
        let header = text.lines().next().unwrap();
        assert!(header.starts_with("\u{feff}번호,버전,"), "{header}");
        assert!(header.ends_with(",데이터베이스"), "{header}");
        assert!(
            !header.chars().any(|c| c.is_ascii_alphabetic()),
            "{}: {header}",
            a.filename
        );
        let path = source.dir.path().join(format!("ko-{}", a.filename));
        std::fs::write(&path, &a.bytes).unwrap();
        let data = target
            .ok(&format!(
                "/data import file:\"{}\" confirm:true",
                path.display()
            ))
            .await;
        assert_eq!(data["refused"].as_array().map_or(0, Vec::len), 0, "{data}");
    }
    assert!(
        String::from_utf8_lossy(&ko.attachments[1].bytes)
            .starts_with("\u{feff}번호,버전,성/시,도시,급,시작일,종료일,단장,방문지,목적,인원,출처,데이터베이스\n")
    );
    // The same records, ids and versions: the exports of both databases are the same.
    let again = export(&target, "all", "csv").await;
    for ((path, a), (_, b)) in english.iter().zip(&again) {
        assert_eq!(
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b),
            "{}",
            path.display()
        );
    }
    let ko_again = target
        .run("/export what:all format:csv headers:ko")
        .await
        .unwrap();
    for (a, b) in ko.attachments.iter().zip(&ko_again.attachments) {
        assert_eq!(a.bytes, b.bytes, "{}", a.filename);
    }
}

//! Imports that never damage data (issue 9): each test reproduces one way an import used to
//! damage records, or refuse what spreadsheets make, and checks it no longer does.

use std::path::PathBuf;

use crate::helpers::TestApp;

/// Writes a file into the test's folder and returns its path.
fn file(t: &TestApp, name: &str, bytes: &[u8]) -> PathBuf {
    let path = t.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

async fn import(t: &TestApp, path: &std::path::Path, extra: &str) -> serde_json::Value {
    t.ok(&format!(
        "/data import file:\"{}\" confirm:true{extra}",
        path.display()
    ))
    .await
}

async fn preview(t: &TestApp, path: &std::path::Path) -> delegation_bot::reply::Reply {
    t.run(&format!("/data import file:\"{}\"", path.display()))
        .await
        .unwrap()
}

/// Exports `what` as CSV and writes the file; returns its path.
async fn export(t: &TestApp, what: &str, name: &str) -> PathBuf {
    let reply = t
        .run(&format!("/export what:{what} format:csv"))
        .await
        .unwrap();
    file(t, name, &reply.attachments[0].bytes)
}

async fn officials(t: &TestApp) -> Vec<(i64, String, String)> {
    sqlx::query_as("SELECT id, name, country FROM officials WHERE deleted_at IS NULL ORDER BY id")
        .fetch_all(&t.app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn ids_from_another_database_never_name_this_ones_records() {
    let a = TestApp::new().await;
    for line in [
        "/record official add name:\"Oh Se-hoon\" country:Korea title:\"Mayor of Seoul\"",
        "/record official add name:\"Park Heong-joon\" country:Korea title:\"Mayor of Busan\"",
        "/record official add name:\"Xin Changxing\" country:China province:Jiangsu",
    ] {
        a.ok(line).await;
    }
    let b = TestApp::new().await;
    for line in [
        "/record official add name:\"Hao Peng\" country:China province:Liaoning",
        "/record official add name:\"Kim Dong-yeon\" country:Korea title:\"Governor of Gyeonggi\"",
        "/record official add name:\"Cho Tae-yul\" country:Korea title:\"Foreign Minister\"",
        "/record official add name:\"Oh Se-hoon\" country:Korea title:\"Seoul Mayor\"",
    ] {
        b.ok(line).await;
    }
    let path = export(&b, "officials", "b-officials.csv").await;
    let before = officials(&a).await;
    let shown = preview(&a, &path).await;
    assert_eq!(shown.data["foreign_ids"], 4, "{:?}", shown.data);
    assert!(
        shown
            .text
            .unwrap()
            .contains("record numbers of another database"),
        "the preview says the rows are new"
    );
    let data = import(&a, &path, "").await;
    assert_eq!(data["counts"]["officials"]["created"], 3, "{data}");
    assert_eq!(
        data["counts"]["officials"]["unchanged"], 1,
        "Oh Se-hoon is the same person: {data}"
    );
    let after = officials(&a).await;
    assert_eq!(
        &after[..3],
        &before[..],
        "A's officials keep their numbers and names"
    );
    let names: Vec<&str> = after[3..].iter().map(|(_, n, _)| n.as_str()).collect();
    assert_eq!(names, ["Hao Peng", "Kim Dong-yeon", "Cho Tae-yul"]);
    // Oh Se-hoon's record is A's, not overwritten by B's title.
    assert_eq!(
        a.ok("/official show name:\"Oh Se-hoon\"").await["title"],
        "Mayor of Seoul"
    );
}

#[tokio::test]
async fn an_old_export_cannot_revert_later_edits() {
    let t = TestApp::with_sample().await;
    let path = export(&t, "visits", "visits.csv").await;
    // Another moderator edits visit 1 with the version check typed edits get.
    let other = TestApp::other_moderator();
    t.app
        .run_line(
            &other,
            "/record visit edit id:1 purpose:\"Talks on batteries\" size:12 version:1",
        )
        .await
        .unwrap();
    // The first moderator edits visit 2 in the old file and imports it.
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let row = lines.iter().position(|l| l.starts_with("2,")).unwrap();
    lines[row] = lines[row].replace("Seoul,", "\"Seoul, Busan\",");
    let edited = file(&t, "edited.csv", lines.join("\n").as_bytes());
    let before = t.fingerprint().await;
    let msg = t
        .import_refused("edited.csv", lines.join("\n").as_bytes())
        .await;
    assert!(msg.contains("visit #1 changed since version 1"), "{msg}");
    assert!(msg.contains("by Other"), "{msg}");
    assert_eq!(before, t.fingerprint().await, "nothing was applied");
    // With force, the preview names exactly what will be overwritten.
    let forced = t
        .run(&format!(
            "/data import file:\"{}\" force:true",
            edited.display()
        ))
        .await
        .unwrap();
    let changes = forced.data["changes"].as_array().unwrap();
    assert!(
        changes.iter().any(|c| c["record"] == 1
            && c["what"]
                .as_str()
                .unwrap()
                .contains("overwrites changes since version 1")),
        "{changes:?}"
    );
    assert!(changes.iter().any(|c| {
        c["record"] == 2
            && c["what"]
                .as_str()
                .unwrap()
                .contains("places: Seoul → Seoul, Busan")
    }));
}

#[tokio::test]
async fn a_quote_left_open_is_refused_by_the_line_it_opened_on() {
    let t = TestApp::new().await;
    let before = t.fingerprint().await;
    let msg = t
        .import_refused(
            "open.csv",
            b"province,start,purpose\nHebei,2023-01-01,\"Talks on \"\"5G\"\" and more\nHunan,2023-02-01,Trade\nHubei,2023-03-01,Culture\n",
        )
        .await;
    assert!(
        msg.contains("open.csv line 2: a quote opened here is never closed"),
        "{msg}"
    );
    assert_eq!(before, t.fingerprint().await);
}

#[tokio::test]
async fn a_repeated_column_or_key_is_refused() {
    let t = TestApp::new().await;
    let msg = t
        .import_refused(
            "twice.csv",
            b"province,start,province\nHebei,2024-05-01,Hunan\n",
        )
        .await;
    assert!(msg.contains("names `province` twice"), "{msg}");
    let msg = t
        .import_refused(
            "twice.json",
            br#"[{"province": "Hebei", "start": "2024-05-01", "province": "Hunan"}]"#,
        )
        .await;
    assert!(msg.contains("`province` is given twice"), "{msg}");
}

#[tokio::test]
async fn ids_never_move_numbering_beyond_what_exists() {
    let t = TestApp::new().await;
    let msg = t
        .import_refused(
            "huge.json",
            br#"[{"province":"Hebei","start":"2024-05-01","id":9223372036854775807}]"#,
        )
        .await;
    assert!(msg.contains("from 1 to 9007199254740991"), "{msg}");
    // An id of no database is a file's own number: the record gets the next free one.
    let path = file(
        &t,
        "big.json",
        br#"[{"province":"Hebei","start":"2024-05-01","id":9000000000000000}]"#,
    );
    import(&t, &path, "").await;
    assert_eq!(t.ok("/visits list").await["visits"][0]["id"], 1);
    // A restore keeps a file's ids; undoing it frees them again.
    t.ok("/data undo").await;
    let add = t
        .ok("/record visit add province:Hunan start:2024-06-01")
        .await;
    assert_eq!(add["id"], 1, "undo gave the number back");
}

#[tokio::test]
async fn line_numbers_and_columns_are_the_ones_that_are_wrong() {
    let t = TestApp::new().await;
    for (name, end) in [("crlf.csv", "\r\n"), ("cr.csv", "\r"), ("lf.csv", "\n")] {
        let text = ["province,start", "Hebei,2023-02-30", ""].join(end);
        let msg = t.import_refused(name, text.as_bytes()).await;
        assert!(
            msg.contains(&format!("{name} line 2, column `start`")),
            "{msg}"
        );
        let text = [
            "province,start",
            "Hebei,2023-01-01",
            "Hunan,2023-02-01",
            "Hubei,x",
            "",
        ]
        .join(end);
        let msg = t.import_refused(name, text.as_bytes()).await;
        assert!(
            msg.contains(&format!("{name} line 4, column `start`")),
            "{msg}"
        );
    }
    let msg = t
        .import_refused(
            "source.csv",
            b"province,start,source,source_date\nHebei,2023-01-01,https://example.org/a,2023-13-01\n",
        )
        .await;
    assert!(msg.contains("column `source_date`"), "{msg}");
    let msg = t
        .import_refused(
            "overlap.csv",
            b"province,start,end\nHebei,2023-01-01,2023-01-03\nHebei,2023-01-02,\n",
        )
        .await;
    assert!(
        msg.contains("line 3, column `start`: the visit at line 2 of this file"),
        "{msg}"
    );
    assert!(
        !msg.contains("Visit #"),
        "names no visit that does not exist: {msg}"
    );
}

#[tokio::test]
async fn a_leading_apostrophe_survives_export_and_import() {
    let t = TestApp::new().await;
    t.ok("/record visit add province:Hebei start:2024-01-01 purpose:\"'=not a formula\"")
        .await;
    t.ok("/record visit add province:Hunan start:2024-02-01 purpose:\"=SUM(A1)\"")
        .await;
    let path = export(&t, "visits", "v.csv").await;
    let target = TestApp::new().await;
    import(&target, &path, "").await;
    let purposes: Vec<String> = sqlx::query_scalar("SELECT purpose FROM visits ORDER BY id")
        .fetch_all(&target.app.db)
        .await
        .unwrap();
    assert_eq!(purposes, ["'=not a formula", "=SUM(A1)"]);
}

#[tokio::test]
async fn meetings_and_forums_are_not_doubled() {
    let t = TestApp::new().await;
    t.people().await;
    let meetings = file(
        &t,
        "meetings.csv",
        "date,officials,place\n2024-06-20,Xin Changxing; Oh Se-hoon,Seoul\n".as_bytes(),
    );
    let forums = file(
        &t,
        "forums.csv",
        b"name,kind,edition,start\nJeju Forum,conference,19th,2024-05-29\n",
    );
    import(&t, &meetings, "").await;
    import(&t, &forums, "").await;
    let msg = t
        .import_refused("meetings.csv", &std::fs::read(&meetings).unwrap())
        .await;
    assert!(
        msg.contains("Meeting #1 on the same day with the same officials"),
        "{msg}"
    );
    let msg = t
        .import_refused("forums.csv", &std::fs::read(&forums).unwrap())
        .await;
    assert!(
        msg.contains("Forum #1 has the same name, edition and start"),
        "{msg}"
    );
    // Typed commands apply the same rule, and force records both.
    let msg = t
        .refused("/record meeting add date:2024-06-20 officials:\"Oh Se-hoon; Xin Changxing\"")
        .await;
    assert!(msg.contains("Meeting #1"), "{msg}");
    let msg = t
        .refused(
            "/record forum add name:\"jeju forum\" kind:conference edition:19th start:2024-05-29",
        )
        .await;
    assert!(msg.contains("Forum #1"), "{msg}");
    import(&t, &meetings, " force:true").await;
    assert_eq!(
        t.ok("/official history name:\"Oh Se-hoon\"").await["meetings"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn spreadsheet_files_are_read_as_people_make_them() {
    let t = TestApp::new().await;
    t.people().await;
    let cases: [(&str, &str); 5] = [
        (
            "trailing.csv",
            "province,start,,\r\nHebei,2023-01-01,,\r\n,,,\r\n",
        ),
        (
            "semicolon.csv",
            "province;start;purpose\nHunan;2023-02-01;Trade, culture\n",
        ),
        ("tab.csv", "province\tstart\nHubei\t2023-03-01\n"),
        (
            "english.csv",
            "Province,Start Date,End Date\nHenan,2023-04-01,2023-04-02\n",
        ),
        (
            "korean.csv",
            "성/시,시작일,단장\n장쑤,2023-05-01,Xin Changxing\n",
        ),
    ];
    for (name, text) in cases {
        let path = file(&t, name, text.as_bytes());
        let data = import(&t, &path, "").await;
        assert_eq!(data["counts"]["visits"]["created"], 1, "{name}: {data}");
    }
    let list = t.ok("/visits list").await;
    assert_eq!(list["total"], 5);
    assert_eq!(list["visits"][0]["province"], "Jiangsu");
    assert_eq!(list["visits"][0]["leader"], "Xin Changxing");
}

#[tokio::test]
async fn an_export_imported_into_its_own_database_changes_nothing() {
    let t = TestApp::with_sample().await;
    t.ok("/record visit edit id:1 size:30").await;
    for what in ["officials", "visits", "forums", "meetings"] {
        let path = export(&t, what, &format!("{what}.csv")).await;
        let shown = preview(&t, &path).await;
        let c = &shown.data["counts"][what];
        assert_eq!(
            (
                c["created"].as_i64(),
                c["updated"].as_i64(),
                c["refused"].as_i64()
            ),
            (Some(0), Some(0), Some(0)),
            "{what}: {}",
            shown.data
        );
    }
}

#[tokio::test]
async fn an_update_from_this_database_shows_old_and_new_and_undoes_whole() {
    let t = TestApp::with_sample().await;
    let path = export(&t, "visits", "visits.csv").await;
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(",provincial,2024-05-29", ",municipal,2024-05-29");
    let path = file(&t, "changed.csv", text.as_bytes());
    let shown = preview(&t, &path).await;
    assert_eq!(
        shown.data["counts"]["visits"]["updated"], 1,
        "{}",
        shown.data
    );
    let what = shown.data["changes"][0]["what"].as_str().unwrap();
    assert!(what.contains("level: provincial → municipal"), "{what}");
    import(&t, &path, "").await;
    assert_eq!(t.ok("/visits show id:1").await["level"], "municipal");
    t.ok("/data undo").await;
    assert_eq!(t.ok("/visits show id:1").await["level"], "provincial");
}

#[tokio::test]
async fn sample_data_never_overwrites_records() {
    let t = TestApp::new().await;
    for line in [
        "/record official add name:\"Hao Peng\" country:China province:Liaoning",
        "/record official add name:\"Oh Se-hoon\" country:Korea title:\"Mayor of Seoul\"",
        "/record visit add province:Liaoning start:2024-04-24 leader:\"Hao Peng\"",
    ] {
        t.ok(line).await;
    }
    let before = officials(&t).await;
    let msg = delegation_bot::sample::load_sample(&t.app, &t.moderator)
        .await
        .unwrap();
    assert!(
        msg.contains("4 officials") && msg.contains("2 visits"),
        "{msg}"
    );
    assert_eq!(&officials(&t).await[..2], &before[..], "nobody was renamed");
    let first = t.ok("/visits show id:1").await;
    assert_eq!(first["provinces"][0], "Liaoning", "{first}");
    assert_eq!(t.ok("/visits list").await["total"], 3);
}

#[tokio::test]
async fn undo_after_importing_file_by_file_reverts_exactly_the_last_file() {
    let source = TestApp::with_sample().await;
    let mut files = Vec::new();
    for what in ["officials", "visits", "forums", "meetings"] {
        files.push(export(&source, what, &format!("{what}.csv")).await);
    }
    let t = TestApp::new().await;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let copy = file(&t, path.file_name().unwrap().to_str().unwrap(), &bytes);
        import(&t, &copy, "").await;
    }
    let before_undo = t.ok("/stats from:2024-01 to:2024-12").await;
    assert_eq!(before_undo["totals"]["meetings"], 2, "{before_undo}");
    let undone = t.ok("/data undo").await;
    assert_eq!(undone["records"], 2, "{undone}");
    let after = t.ok("/stats from:2024-01 to:2024-12").await;
    assert_eq!(after["totals"]["meetings"], 0, "{after}");
    assert_eq!(after["totals"]["visits"], 2, "{after}");
    assert_eq!(t.ok("/forums list").await["total"], 2);
    assert_eq!(officials(&t).await.len(), 5);
    // The meetings' numbers are free again: the same file imports with the same ids.
    let meetings = file(&t, "again.csv", &std::fs::read(&files[3]).unwrap());
    import(&t, &meetings, "").await;
    assert_eq!(
        t.ok("/stats from:2024-01 to:2024-12").await["totals"]["meetings"],
        2
    );
}

/// The visits on record: (start, purpose), oldest id first.
async fn purposes(t: &TestApp) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT start_date, purpose FROM visits WHERE deleted_at IS NULL ORDER BY id")
        .fetch_all(&t.app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_korean_excel_csv_in_cp949_imports() {
    let t = TestApp::new().await;
    t.people().await;
    // What Korean Excel's "CSV (쉼표로 분리)" writes: CP949, no byte-order mark. 똠 is
    // one of the syllables only CP949 (not plain EUC-KR) can write.
    let text = "성/시,시작일,종료일,단장,방문지,목적\r\n\
                장쑤성,2023-05-01,2023-05-03,Xin Changxing,서울,\"경제 협력, 똠얌꿍 만찬\"\r\n\
                하이난성,2024-05-29,,,제주,문화 교류\r\n";
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the file is not UTF-8"
    );
    let path = file(&t, "한국어.csv", &bytes);
    let data = import(&t, &path, "").await;
    assert_eq!(data["counts"]["visits"]["created"], 2, "{data}");
    assert_eq!(
        purposes(&t).await,
        [
            ("2023-05-01".into(), Some("경제 협력, 똠얌꿍 만찬".into())),
            ("2024-05-29".into(), Some("문화 교류".into())),
        ]
    );
    let list = t.ok("/visits list").await;
    let provinces: Vec<&str> = list["visits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["province"].as_str().unwrap())
        .collect();
    assert!(
        provinces.contains(&"Jiangsu") && provinces.contains(&"Hainan"),
        "{list}"
    );
}

#[tokio::test]
async fn utf16_files_with_a_byte_order_mark_import() {
    let t = TestApp::new().await;
    // Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated.
    let text = "province\tstart\tpurpose\r\n하이난성\t2024-05-29\t문화 교류\r\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let data = import(&t, &file(&t, "le.txt", &le), "").await;
    assert_eq!(data["counts"]["visits"]["created"], 1, "{data}");
    let text = "province,start,purpose\n광둥성,2024-06-10,무역\n";
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let data = import(&t, &file(&t, "be.csv", &be), "").await;
    assert_eq!(data["counts"]["visits"]["created"], 1, "{data}");
    assert_eq!(
        purposes(&t).await,
        [
            ("2024-05-29".into(), Some("문화 교류".into())),
            ("2024-06-10".into(), Some("무역".into())),
        ]
    );
}

#[tokio::test]
async fn a_file_in_no_known_encoding_is_refused_saying_how_to_save_it() {
    let t = TestApp::new().await;
    let before = t.fingerprint().await;
    // 0xFF starts no character in UTF-8 or CP949.
    let msg = t
        .import_refused(
            "broken.csv",
            b"province,start\nHainan,2024-05-01\nHa\xff\xffinan,2024-05-02\n",
        )
        .await;
    assert!(
        msg.contains("broken.csv line 3 is not UTF-8") && msg.contains("\"CSV UTF-8\""),
        "{msg}"
    );
    // Half a character at the end of a UTF-16 file.
    let mut utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("province,start\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    utf16.push(b'H');
    let msg = t.import_refused("odd.csv", &utf16).await;
    assert!(
        msg.contains("odd.csv line 2") && msg.contains("CSV UTF-8"),
        "{msg}"
    );
    // In the reader's language.
    let reader = delegation_bot::commands::Actor {
        lang: delegation_bot::i18n::Lang::Ko,
        ..t.moderator.clone()
    };
    let path = t.dir.path().join("broken.csv");
    let e = t
        .app
        .run_line(
            &reader,
            &format!("/data import file:\"{}\" confirm:true", path.display()),
        )
        .await
        .unwrap_err();
    let said = e.said(delegation_bot::i18n::Lang::Ko);
    assert!(said.contains("3행") && said.contains("CSV UTF-8"), "{said}");
    assert_eq!(before, t.fingerprint().await, "nothing was written");
}

//! Reports as moderators paste them and as newsrooms write them, not as our first fixtures
//! did (issue 23): one line, a dateline instead of a publication date, trade "online",
//! a Chinese report of a meeting in Seoul, leaders under any title, people on record
//! written in another script. Each drafted against the sample's database.

use chrono::NaiveDate;
use delegation_bot::commands::App;
use delegation_bot::intake::{self, Draft, eval};
use delegation_bot::store;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `text` drafted against the sample, published on `published` when given; else as pasted
/// on 2026-12-07 with no date.
pub(super) async fn draft(text: &str, published: Option<&str>) -> Draft {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("s.db").display());
    let db = store::open(&url).await.unwrap();
    let app = App::new(db.clone());
    delegation_bot::sample::load_sample(&app, &super::confirm::moderator())
        .await
        .unwrap();
    let lexicon = eval::lexicon(&db).await.unwrap();
    let report = intake::Report {
        text,
        published: published.map(day),
    };
    intake::draft(&report, &lexicon, published.map_or(eval::PASTED_ON, day))
}

#[tokio::test]
async fn item01_a_report_pasted_on_one_line_drafts_its_dates_places_and_meetings() {
    let d = draft(
        "A Shandong Province delegation led by Governor Zhou Naixiang arrived in Seoul on May 20, 2024 and stayed until May 23. Zhou met Seoul Mayor Oh Se-hoon on May 21 to discuss trade.",
        Some("2024-05-24"),
    )
    .await;
    let v = &d.visits[0];
    assert_eq!(v.provinces, ["Shandong"]);
    assert_eq!(v.start.as_deref(), Some("2024-05-20"));
    assert_eq!(v.end.as_deref(), Some("2024-05-23"));
    assert!(v.places.contains(&"Seoul".to_string()), "{v:?}");
    assert_eq!(d.meetings.len(), 1, "{:?}", d.meetings);
    assert_eq!(d.meetings[0].date.as_deref(), Some("2024-05-21"));
}

#[tokio::test]
async fn item01_a_lead_with_no_headline_above_it_is_read_as_the_lead() {
    let d = draft(
        "왕하오 저장성 성장이 이끄는 대표단이 지난 15일부터 18일까지 한국을 방문했다.\n\n대표단은 서울에서 기업들을 만났다.",
        Some("2024-09-20"),
    )
    .await;
    let v = &d.visits[0];
    assert_eq!(v.start.as_deref(), Some("2024-09-15"), "{v:?}");
    assert_eq!(v.end.as_deref(), Some("2024-09-18"));
}

#[tokio::test]
async fn item02_the_year_stated_in_a_dateline_carries_to_the_dates_without_one() {
    let d = draft(
        "SEOUL, May 20, 2024 -- A Shandong Province delegation led by Governor Zhou Naixiang arrived in Seoul on May 20 and will stay until May 23. Zhou met Gyeonggi Governor Kim Dong-yeon in Suwon on May 21.",
        None,
    )
    .await;
    let v = &d.visits[0];
    assert_eq!(v.start.as_deref(), Some("2024-05-20"));
    assert_eq!(
        v.end.as_deref(),
        Some("2024-05-23"),
        "not the year it is pasted in"
    );
    assert_eq!(d.meetings[0].date.as_deref(), Some("2024-05-21"));
    assert_eq!(d.published.as_deref(), Some("2024-05-20"));
}

#[tokio::test]
async fn item02_the_metadata_of_a_pasted_page_gives_its_date() {
    let page = r#"<!DOCTYPE html><html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-22T09:00:00+09:00"}</script></head>
<body><article><p>A Shandong Province delegation led by Governor Zhou Naixiang arrived in Seoul on May 20.</p></article></body></html>"#;
    let d = draft(page, None).await;
    assert_eq!(d.published.as_deref(), Some("2024-05-22"));
    assert_eq!(d.visits[0].start.as_deref(), Some("2024-05-20"));
}

#[tokio::test]
async fn item03_trade_online_is_not_a_video_call() {
    let d = draft(
        "SEOUL, May 20 (Yonhap) -- A Shandong Province delegation led by Governor Zhou Naixiang arrived in Seoul on Monday. Zhou met Seoul Mayor Oh Se-hoon to discuss cooperation on online shopping platforms.",
        Some("2024-05-20"),
    )
    .await;
    assert_eq!(d.not_a_visit, None);
    assert_eq!(d.visits[0].provinces, ["Shandong"]);
    let call = draft(
        "Governor Zhou Naixiang of Shandong Province held a video conference with Seoul Mayor Oh Se-hoon on May 20.",
        Some("2024-05-20"),
    )
    .await;
    assert_eq!(call.not_a_visit_kind.as_deref(), Some("video_call"));
}

#[tokio::test]
async fn item03_spam_in_a_long_line_takes_only_its_sentence() {
    let d = draft(
        "A Shandong Province delegation led by Governor Zhou Naixiang arrived in Seoul on May 20, 2024. Zhou met Seoul Mayor Oh Se-hoon on May 21. 카지노 바로가기 https://casino.example 온라인카지노 토토사이트",
        Some("2024-05-24"),
    )
    .await;
    assert_eq!(d.visits.len(), 1, "{:?}", d.not_a_visit);
    assert_eq!(d.meetings.len(), 1);
    assert!(
        !d.removed.is_empty(),
        "the spam sentence is named as removed"
    );
}

#[tokio::test]
async fn item04_a_chinese_report_of_a_meeting_in_seoul_is_a_visit_to_korea() {
    for text in [
        "江苏省委书记信长星率江苏省代表团于2024年6月2日至5日访问韩国。\n6月3日，信长星在首尔会见了韩国国务总理韩德洙。",
        "江苏省委书记信长星率江苏省代表团于2024年6月2日至5日访问韩国。6月3日，信长星在首尔会见了韩国国务总理韩德洙。",
    ] {
        let d = draft(text, Some("2024-06-06")).await;
        assert_eq!(d.not_a_visit, None, "{text}");
        let v = &d.visits[0];
        assert_eq!(v.provinces, ["Jiangsu"]);
        assert_eq!(v.start.as_deref(), Some("2024-06-02"));
        assert_eq!(v.end.as_deref(), Some("2024-06-05"));
        assert_eq!(d.meetings[0].date.as_deref(), Some("2024-06-03"), "{text}");
    }
}

#[tokio::test]
async fn item04_a_governor_meeting_a_korean_governor_is_a_visit() {
    let d = draft(
        "김영록 전남지사와 왕웨이중 중국 광둥성 성장은 어제(14일) 목포 김대중컨벤션센터에서 만나 해상풍력과 관광 분야 협력 방안을 논의했습니다. 왕 성장은 광둥성 대표단 20여 명과 함께 지난 13일부터 16일까지 한국을 방문하고 있습니다.",
        Some("2025-11-15"),
    )
    .await;
    assert_eq!(d.not_a_visit, None);
    let v = &d.visits[0];
    assert_eq!(v.provinces, ["Guangdong"]);
    assert_eq!(v.start.as_deref(), Some("2025-11-13"));
    assert_eq!(d.meetings[0].date.as_deref(), Some("2025-11-14"));
}

#[tokio::test]
async fn item05_leaders_under_any_title_and_names_ending_in_i() {
    let d = draft(
        "왕하오 저장성 성장이 이끄는 대표단이 2024년 9월 10일부터 12일까지 한국을 방문했다.",
        None,
    )
    .await;
    assert_eq!(d.visits[0].leader.as_deref(), Some("Wang Hao"));
    assert_eq!(d.visits[0].provinces, ["Zhejiang"]);
    let d = draft(
        "왕궈후이 허베이성 부성장이 이끄는 대표단이 2023년 7월 11일 충남도청을 방문했다.",
        None,
    )
    .await;
    assert_eq!(d.visits[0].leader.as_deref(), Some("Wang Guohui"));
    let d = draft(
        "인훙 장시성 당서기는 2025년 10월 30일 경북도청에서 이철우 경북지사를 만났다.",
        None,
    )
    .await;
    assert_eq!(d.visits[0].start.as_deref(), Some("2025-10-30"));
    assert_eq!(d.meetings[0].date.as_deref(), Some("2025-10-30"));
}

#[tokio::test]
async fn item07_people_on_record_are_known_in_another_script() {
    // The sample has Xin Changxing and Oh Se-hoon.
    let d = draft(
        "신창싱 장쑤성 당서기가 이끄는 대표단이 2024년 6월 2일부터 5일까지 한국을 방문했다. 신 서기는 3일 서울시청에서 오세훈 서울시장을 만났다.",
        None,
    )
    .await;
    assert_eq!(d.visits[0].leader.as_deref(), Some("Xin Changxing"));
    assert!(d.new_officials.is_empty(), "{:?}", d.new_officials);
    let d = draft(
        "江苏省委书记信长星率江苏省代表团于2024年6月2日至5日访问韩国。6月3日，信长星在首尔会见了首尔市长吴世勋。",
        None,
    )
    .await;
    assert_eq!(d.meetings[0].officials, ["Xin Changxing", "Oh Se-hoon"]);
    assert!(d.new_officials.is_empty(), "{:?}", d.new_officials);
}

#[tokio::test]
async fn item05_a_delegation_with_no_leader_named_is_still_a_visit() {
    let d = draft(
        "A delegation from Jiangsu Province visited Korea from September 10 to 12, 2024.",
        Some("2024-09-13"),
    )
    .await;
    assert_eq!(d.not_a_visit, None);
    let v = &d.visits[0];
    assert_eq!(v.provinces, ["Jiangsu"]);
    assert_eq!(v.leader, None);
    assert_eq!(v.start.as_deref(), Some("2024-09-10"));
    assert_eq!(v.end.as_deref(), Some("2024-09-12"));
}

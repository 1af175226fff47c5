//! How newsrooms phrase a visit, beyond the reports the rules were first written against:
//! possessive place names, titles spelled out as committees, a governor named before a loose
//! title, hosts who receive a delegation at their office, a neighbourhood of a city, meetings
//! only reported as planned, and who of the people named sat in a meeting. All texts are
//! written for these tests; the names are made up.

use delegation_bot::intake::Draft;

async fn draft(text: &str, published: &str) -> Draft {
    super::unseen::draft(text, Some(published)).await
}

fn met(d: &Draft) -> Vec<String> {
    d.meetings
        .iter()
        .flat_map(|m| m.officials.clone())
        .collect()
}

fn places(d: &Draft) -> Vec<String> {
    d.visits.iter().flat_map(|v| v.places.clone()).collect()
}

#[tokio::test]
async fn a_possessive_place_still_names_the_leaders_city() {
    let d = draft(
        "Dalian's Communist Party chief Qiao Wenbo led a delegation to Incheon on Nov. 12, 2019.",
        "2019-11-14",
    )
    .await;
    let v = &d.visits[0];
    assert_eq!(v.provinces, ["Liaoning"], "{v:?}");
    assert_eq!(v.city.as_deref(), Some("Dalian"));
}

#[tokio::test]
async fn a_secretary_of_a_city_committee_leads_the_delegation() {
    let d = draft(
        "Qiao Wenbo, secretary of the CPC Dalian Municipal Committee, led a 30-member delegation to Incheon on Nov. 12. Qiao held talks with Incheon Mayor Bae Sang-ho at City Hall.",
        "2019-11-14",
    )
    .await;
    let v = &d.visits[0];
    assert_eq!(v.leader.as_deref(), Some("Qiao Wenbo"), "{d:?}");
    assert_eq!(v.provinces, ["Liaoning"]);
    assert!(met(&d).contains(&"Bae Sang-ho".to_string()), "{d:?}");
}

#[tokio::test]
async fn meeting_someone_as_a_participle_is_a_meeting() {
    let d = draft(
        "Jilin Province Governor Han Wenming paid a three-day visit to Gangwon Province from June 11 to 13, meeting Gangwon Governor Choi Dong-hwan in Chuncheon on June 12.",
        "2018-06-14",
    )
    .await;
    assert!(met(&d).contains(&"Choi Dong-hwan".to_string()), "{d:?}");
    assert_eq!(d.meetings[0].date.as_deref(), Some("2018-06-12"));
}

#[tokio::test]
async fn a_korean_governor_named_before_a_bare_title_is_met() {
    let d = draft(
        "중국 광시좡족자치구 천강 주석 일행이 지난 14일 충북도청을 찾아 배상호 지사와 만났다. 양측은 바이오 교류를 넓히기로 했다.",
        "2018-10-20",
    )
    .await;
    let names = met(&d);
    assert!(names.contains(&"Chen Gang".to_string()), "{d:?}");
    assert_eq!(names.len(), 2, "the governor is met: {names:?}");
}

#[tokio::test]
async fn a_noun_before_a_bare_title_is_no_name() {
    let d = draft(
        "중국 광시좡족자치구 천강 주석 일행이 지난 14일 충북도청을 찾아 반도체 시장과 바이오 산업을 논의했다.",
        "2018-10-20",
    )
    .await;
    assert!(met(&d).is_empty(), "{:?}", d.meetings);
}

#[tokio::test]
async fn the_official_of_a_chinese_city_reads_as_chinese() {
    let d = draft(
        "하동군은 중국 후난성 장자제시 류화 시장 일행 7명이 지난 8일 하동군을 방문했다고 밝혔다.",
        "2018-12-10",
    )
    .await;
    assert_eq!(d.visits[0].leader.as_deref(), Some("Liu Hua"), "{d:?}");
}

#[tokio::test]
async fn a_body_named_korea_first_in_a_chinese_report_is_korean() {
    let d = draft(
        "10月21日，浙江省嘉兴市副市长戴明率团在首尔出席经贸交流会，与韩中友好交流协会会长权明哲会晤。",
        "2024-10-22",
    )
    .await;
    let chair = d
        .new_officials
        .iter()
        .find(|o| o.local_name.as_deref() == Some("权明哲"))
        .expect("the chair is proposed");
    assert_eq!(chair.country, "Korea", "{d:?}");
    assert_eq!(met(&d).len(), 2, "会晤 is a meeting: {:?}", d.meetings);
}

#[tokio::test]
async fn an_event_held_by_the_delegations_city_dates_the_visit() {
    let d = draft(
        "浙江省嘉兴市政府对韩投资座谈会21日在首尔汝矣岛举行。\n\n嘉兴市副市长戴明出席并致辞。",
        "2024-10-22",
    )
    .await;
    let v = &d.visits[0];
    assert_eq!(v.start.as_deref(), Some("2024-10-21"), "{v:?}");
    assert_eq!(places(&d), ["Seoul"], "a neighbourhood is its city's");
}

#[tokio::test]
async fn a_korean_trip_to_china_told_as_background_gives_no_visit_of_its_host() {
    let d = draft(
        "허베이성 대표단이 20일 충남도청을 방문해 실무 회의를 열었다.\n\n\
         허베이성 쪽에서는 톈리 외사판공실 부주임이 참석했다.\n\n\
         이 구상은 배상호 지사가 지난달 허베이성을 찾았을 때 왕정민 성장과의 회담에서 처음 나왔다.",
        "2024-12-22",
    )
    .await;
    assert_eq!(d.visits.len(), 1, "{:?}", d.visits);
    assert_eq!(d.visits[0].leader.as_deref(), Some("Tian Li"));
}

#[tokio::test]
async fn a_delegation_met_in_korea_with_no_leader_named_is_a_visit() {
    let d = draft(
        "배상호 서울시장은 23일 서울시청에서 중국 충칭시 대표단을 만나 도시 교류를 논의했다.",
        "2019-10-25",
    )
    .await;
    assert_eq!(d.not_a_visit_kind, None, "{d:?}");
    assert_eq!(d.visits[0].provinces, ["Chongqing"]);
}

#[tokio::test]
async fn a_council_named_before_a_comma_is_a_place_not_an_office() {
    let d = draft(
        "10月15日，天津市人大常委会主任赵明率天津市人大代表团访问韩国仁川广域市议会，议长李龙范会见了代表团一行。",
        "2019-10-20",
    )
    .await;
    assert!(places(&d).contains(&"Incheon".to_string()), "{d:?}");
}

#[tokio::test]
async fn a_meeting_reported_as_planned_is_not_listed() {
    let d = draft(
        "중국 헤이룽장성 왕수린 당서기가 10일부터 한국을 방문한다.\n\n\
         외교부 대변인은 왕 서기가 방한 기간 배상호 국무총리를 예방하고 교류회에 참석할 예정이라고 전했다.",
        "2016-04-08",
    )
    .await;
    assert!(d.meetings.is_empty(), "{:?}", d.meetings);
}

#[tokio::test]
async fn the_head_of_a_body_in_brackets_is_no_one_met() {
    let d = draft(
        "인천시(시장 배상호)는 최민준 행정부시장이 지난 6일 중국 칭다오시 주창밍 부시장을 접견했다고 밝혔다.",
        "2019-12-09",
    )
    .await;
    let names = met(&d);
    assert!(names.contains(&"Choi Min-joon".to_string()), "{names:?}");
    assert!(!names.contains(&"Bae Sang-ho".to_string()), "{names:?}");
}

#[tokio::test]
async fn a_list_of_members_and_a_past_meeting_join_no_meeting() {
    let d = draft(
        "중국 후난성 황위밍 부성장 일행이 9일 서울에서 배상호 협회장과 면담했다.\n\n\
         대표단에는 후난성 연구소의 저우하이밍(周海明) 주임 등이 포함됐고, 협회 관계자도 배석했다.",
        "2024-12-11",
    )
    .await;
    let names = met(&d);
    assert!(!names.iter().any(|n| n.contains("Zhou")), "{names:?}");
}

#[tokio::test]
async fn a_chinese_surname_alone_before_a_title_is_the_leader_again() {
    let d = draft(
        "중국 장시성 마오웨이창 상무부성장 일행이 18일 전남도청을 찾았다.\n\n\
         마오 상무부성장은 이날 배상호 지사를 예방했다.",
        "2018-09-20",
    )
    .await;
    let names = met(&d);
    assert!(!names.contains(&"Mao".to_string()), "{names:?}");
    assert_eq!(names.len(), 2, "{names:?}");
}

#[tokio::test]
async fn calling_on_a_mayor_puts_the_meeting_in_the_mayors_city() {
    let d = draft(
        "Shaanxi Vice Governor Zhou Ping called on Sejong Mayor Bae Sang-ho on July 8 during a visit to Korea aimed at attracting investment.",
        "2025-07-10",
    )
    .await;
    assert_eq!(d.meetings[0].place.as_deref(), Some("Sejong"), "{d:?}");
    assert_eq!(d.meetings[0].date.as_deref(), Some("2025-07-08"));
}

//! Who travels where, and what the words around a name say it is (issue 31): a Korean
//! delegation's trip to China is not a Chinese visit; a place a delegation comes from says
//! nothing of the direction; Sino-Korean and Chinese-character readings that collide with
//! Korean places; planned and other delegations' visits. All texts are written for these
//! tests.

use delegation_bot::intake::Draft;

/// `text` drafted against the sample, published on `published`.
async fn draft(text: &str, published: &str) -> Draft {
    super::unseen::draft(text, Some(published)).await
}

/// Why the draft is no visit (`None`: it is one).
#[track_caller]
fn refused_as(d: &Draft, kind: Option<&str>) {
    assert_eq!(d.not_a_visit_kind.as_deref(), kind, "{d:?}");
}

fn places(d: &Draft) -> Vec<String> {
    d.visits.iter().flat_map(|v| v.places.clone()).collect()
}

fn met(d: &Draft) -> Vec<String> {
    d.meetings
        .iter()
        .flat_map(|m| m.officials.clone())
        .collect()
}

#[tokio::test]
async fn a_korean_city_official_visiting_a_chinese_city_is_no_chinese_visit() {
    let d = draft(
        "가상시 부시장 대표단, 5~8일 칭다오 방문\n\n\
         가상시는 홍길순 부시장이 이끄는 대표단이 5일 출국해 8일까지 중국 산둥성 칭다오시를 공식 방문했다고 9일 밝혔다.\n\n\
         대표단은 6일 칭다오시 부시장과 만나 물류 협력을 논의했다.",
        "2025-03-09",
    )
    .await;
    refused_as(&d, Some("korean_delegation_in_china"));
}

#[tokio::test]
async fn a_korean_delegation_received_in_a_chinese_city_is_no_chinese_visit() {
    let d = draft(
        "周某会见韩国客人\n\n韩国忠清北道议会议长一行10日在济南受到省人大常委会副主任周某某的会见。双方就地方议会交流交换了意见。",
        "2025-04-11",
    )
    .await;
    refused_as(&d, Some("korean_delegation_in_china"));
}

#[tokio::test]
async fn the_chinese_side_named_as_a_side_is_not_where_events_happen() {
    // `창사시에서는` lists who came from Changsha; the meeting is in Seoul.
    let d = draft(
        "한중교류협회, 창사시 방문단과 간담회\n\n\
         한중교류협회는 23일 서울 종로구 협회 회의실에서 중국 후난성 창사시 한국방문단과 간담회를 열었다.\n\n\
         방문단은 돤모모 창사시 외사판공실 부주임이 이끌었다.\n\n\
         협회에서는 이모모 회장이, 창사시에서는 돤 부주임 등이 참석했다.",
        "2025-10-24",
    )
    .await;
    assert!(d.not_a_visit.is_none(), "{d:?}");
    assert_eq!(d.visits[0].provinces, ["Hunan"]);
}

#[tokio::test]
async fn strengthen_and_chinese_provinces_are_not_korean_places() {
    let d = draft(
        "중국 하이난(海南)성의 부성장 일행이 14일 제주를 찾아 제주도 정무부지사와 면담하고 관광 협력을 강화하기로 했다.",
        "2025-06-15",
    )
    .await;
    let p = places(&d);
    assert!(p.contains(&"Jeju".to_string()), "{p:?}");
    assert!(!p.contains(&"Ganghwa".to_string()), "{p:?}");
    assert!(!p.contains(&"Haenam".to_string()), "{p:?}");
}

#[tokio::test]
async fn a_korean_name_that_begins_like_a_place_is_a_name() {
    let d = draft(
        "대구시는 중국 저장성 닝보시의 양모모(楊某某) 부시장을 단장으로 한 대표단이 대구를 공식 방문했다고 3일 밝혔다.\n\n\
         홍성주 대구시 경제부시장은 대표단과 만난 자리에서 교류를 넓히자고 말했다.",
        "2025-11-03",
    )
    .await;
    assert!(!places(&d).contains(&"Hongseong".to_string()), "{d:?}");
    assert!(
        met(&d).iter().any(|n| n.starts_with("Hong S")),
        "{:?}",
        d.meetings
    );
}

#[tokio::test]
async fn a_market_inside_a_word_is_no_mayor() {
    // `세계시장대화` (a world market dialogue) holds 시장 (mayor, market).
    let d = draft(
        "가상시는 부시장이 이끈 대표단이 하얼빈시를 공식 방문하고 '세계시장대화' 행사에 함께했다고 8일 밝혔다.",
        "2026-01-08",
    )
    .await;
    assert!(
        d.visits.iter().all(|v| v.leader.is_none()),
        "no Chinese mayor is named: {d:?}"
    );
}

#[tokio::test]
async fn a_scheduled_visit_is_listed_and_its_planned_meetings_are_not() {
    let d = draft(
        "외교부는 왕모모 헤이룽장성 당서기가 10일부터 12일까지 한국을 방문한다고 7일 밝혔다.\n\n\
         왕 서기는 방한 기간 국무총리를 예방하고 11일 외교부 장관과 면담할 예정이다.",
        "2016-04-07",
    )
    .await;
    assert!(d.not_a_visit.is_none(), "{d:?}");
    assert_eq!(d.visits[0].start.as_deref(), Some("2016-04-10"));
    assert!(d.meetings.is_empty(), "planned: {:?}", d.meetings);
}

#[tokio::test]
async fn other_provinces_leaders_coming_on_their_own_days_are_visits_too() {
    let d = draft(
        "위안자쥔 저장성장 방한…후베이·쓰촨 성장도 잇따라\n\n\
         위안자쥔 저장성장이 지난 23일 입국해 26일까지 한국에 머물고 있다.\n\n\
         위안 성장은 24일 외교부 차관과 만났다.\n\n\
         26일부터 28일까지는 왕샤오밍 후베이성장이, 다음 달 1일부터 4일까지는 인리(尹力) 쓰촨성장이 한국을 방문한다.",
        "2018-08-24",
    )
    .await;
    let others: Vec<(Vec<String>, Option<String>)> = d
        .visits
        .iter()
        .skip(1)
        .map(|v| (v.provinces.clone(), v.start.clone()))
        .collect();
    assert!(
        others.contains(&(vec!["Hubei".into()], Some("2018-08-26".into()))),
        "{others:?}"
    );
    assert!(
        others.contains(&(vec!["Sichuan".into()], Some("2018-09-01".into()))),
        "{others:?}"
    );
}

#[tokio::test]
async fn an_earlier_visit_told_with_last_week_is_a_visit_of_that_month() {
    let d = draft(
        "구이저우성 천민얼 서기가 19일 방한해 국무총리를 만났다.\n\n\
         지난주에는 왕셴쿠이 헤이룽장성 당서기가 같은 프로그램으로 한국을 다녀갔다.",
        "2016-04-21",
    )
    .await;
    assert!(
        d.visits
            .iter()
            .any(|v| v.provinces == ["Heilongjiang"] && v.start.as_deref() == Some("2016-04")),
        "{:?}",
        d.visits
    );
}

#[tokio::test]
async fn officials_of_several_regions_travelling_together_are_one_visit_of_each_region() {
    let d = draft(
        "来自北京市和江苏、山东等省的中国地方政府共20名人员18日抵达全罗北道，开始为期四天的访问。",
        "2014-11-18",
    )
    .await;
    assert!(d.not_a_visit.is_none(), "{d:?}");
    let v = &d.visits[0];
    assert_eq!(v.provinces, ["Beijing", "Jiangsu", "Shandong"]);
    assert_eq!(v.start.as_deref(), Some("2014-11-18"));
    assert_eq!(v.end.as_deref(), Some("2014-11-21"));
}

#[tokio::test]
async fn a_name_after_an_apposition_comma_is_the_counterpart() {
    let d = draft(
        "Tianjin Vice Mayor Yang Bing called on Incheon's administrative vice mayor, Park Deok-su, at City Hall on Thursday, the city said.",
        "2023-01-19",
    )
    .await;
    assert!(met(&d).contains(&"Park Deok-su".to_string()), "{d:?}");
}

#[tokio::test]
async fn a_copyright_notice_glued_to_a_one_line_report_is_dropped() {
    let d = draft(
        "山东省副省长邓某某率团访韩 韩联社首尔5月18日电 山东省副省长邓某某18日在首尔会见了首尔市长吴世勋。双方就经贸合作交换了意见。记者 example@example.co.kr〈版权所有，禁止转载〉",
        "2025-05-18",
    )
    .await;
    let evidence: Vec<&String> = d
        .visits
        .iter()
        .flat_map(|v| v.evidence.values())
        .chain(d.meetings.iter().flat_map(|m| m.evidence.values()))
        .collect();
    assert!(!evidence.is_empty(), "{d:?}");
    assert!(
        evidence.iter().all(|e| !e.contains("版权所有")),
        "{evidence:?}"
    );
}

#[tokio::test]
async fn glad_in_chinese_is_not_goheung() {
    let d = draft(
        "绍兴市越城区代表团17日在首尔与韩国地方政府签署友好交流协议。区长钱某某表示，很高兴来到首尔。",
        "2025-04-18",
    )
    .await;
    assert!(!places(&d).contains(&"Goheung".to_string()), "{d:?}");
}

#[tokio::test]
async fn a_provincial_delegation_visiting_japan_is_another_countrys_visit() {
    let d = draft(
        "A delegation of Chinese provincial officials headed by Zhang Wei, vice governor of Hubei Province, visited Japan from May 3 to 9 at the invitation of a Japanese governors' group.\n\nThe group paid courtesy calls on officials in Tokyo and toured factories in Osaka.",
        "2025-05-12",
    )
    .await;
    refused_as(&d, Some("other_country"));
}

#[tokio::test]
async fn a_delegation_announced_without_its_leader_is_listed_and_one_being_arranged_is_not() {
    // Told before it happens, with no one named as leading it: a visit with its dates.
    let d = draft(
        "중국 허난성 대표단이 다음 달 4일부터 7일까지 한국을 찾는다. 대표단은 부산과 울산을 둘러볼 계획이다.",
        "2025-05-20",
    )
    .await;
    refused_as(&d, None);
    assert_eq!(d.visits[0].provinces, ["Henan"]);
    assert_eq!(d.visits[0].start.as_deref(), Some("2025-06-04"));
    let d = draft(
        "A delegation from Henan Province is to visit Korea from June 4 to 7.",
        "2025-05-20",
    )
    .await;
    refused_as(&d, None);
    // Still being arranged: not a visit yet, and said so (not "no delegation").
    let d = draft(
        "중국 허난성 대표단의 2025년 6월 방한이 추진되고 있다.",
        "2025-05-20",
    )
    .await;
    assert!(d.visits.is_empty(), "{d:?}");
    assert!(
        format!("{:?}", d.not_a_visit).contains("announced"),
        "{:?}",
        d.not_a_visit
    );
}

//! Where a drafted person's office is read from: the place written right before their
//! title, also when the place's suffix is the title's first syllable (`산둥성장`); such a
//! place is their office, not a place the delegation went to.

use chrono::NaiveDate;
use delegation_bot::intake::{self, Draft, eval};
use delegation_bot::store;

/// A report published on `published`, drafted against a fresh database's places.
async fn draft(text: &str, published: &str) -> Draft {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("e.db").display());
    let lexicon = eval::lexicon(&store::open(&url).await.unwrap())
        .await
        .unwrap();
    let day = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
    let report = intake::Report {
        text,
        published: Some(day),
    };
    intake::draft(&report, &lexicon, day)
}

#[tokio::test]
async fn a_title_glued_to_its_province_keeps_the_province() {
    let text = "류자이(劉家義) 산둥성 당서기가 1일 방한해 서울에서 총리와 만났다.\n\n\
                올해 들어 산둥 인사의 방한이 이어졌다. 궁정(龔正) 산둥성장이 3월, 멍판리(孟凡利) \
                칭다오시장이 5월에 각각 한국을 찾아 기업을 둘러봤다.";
    let d = draft(text, "2019-12-03").await;
    let march = d
        .visits
        .iter()
        .find(|v| v.start.as_deref() == Some("2019-03"))
        .unwrap_or_else(|| panic!("the March visit is drafted: {:?}", d.visits));
    assert_eq!(march.provinces, ["Shandong"], "{march:?}");
    assert_eq!(march.level.as_deref(), Some("provincial"));
    let may = d
        .visits
        .iter()
        .find(|v| v.start.as_deref() == Some("2019-05"))
        .unwrap();
    assert_eq!(
        (may.provinces.clone(), may.city.as_deref()),
        (vec!["Shandong".to_string()], Some("Qingdao"))
    );
}

#[tokio::test]
async fn an_english_report_quoting_a_glued_chinese_title_is_drafted() {
    // English by its script, with the Chinese title in brackets: the place `青岛市` and the
    // title `市长` share a character.
    let text = "A delegation led by Zhao Haozhi, the mayor of Qingdao (青岛市长), visited \
                Seoul on March 5 to promote port logistics.";
    let d = draft(text, "2024-03-08").await;
    assert!(
        d.visits.iter().any(|v| v.provinces == ["Shandong"]),
        "{:?}",
        d.visits
    );
}

#[tokio::test]
async fn a_hosts_office_glued_to_its_title_is_not_a_place_visited() {
    for (meeting, place) in [
        // Busan's mayor met them in Seoul: `부산시` + `시장` is his office, not a stop.
        (
            "류 서기는 3일 서울에서 박형준 부산시장을 만나 항만 협력을 논의했다.",
            "Seoul",
        ),
        // A place named as such stays one, beside the same city as an office.
        (
            "류 서기는 3일 인천에서 유정복 인천시장을 만나 항만 협력을 논의했다.",
            "Incheon",
        ),
    ] {
        let text = format!("류자이(劉家義) 산둥성 당서기가 1일 방한했다.\n\n{meeting}");
        let d = draft(&text, "2019-12-05").await;
        assert_eq!(d.visits[0].places, [place], "{:?}", d.visits);
        assert_eq!(d.meetings[0].place.as_deref(), Some(place), "{meeting}");
    }
}

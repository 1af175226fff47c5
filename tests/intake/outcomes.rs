//! Outcomes drafted from a report (issue 20, item 6): a title says what was agreed in at
//! most 80 characters, and an agreement the report names twice is drafted once.

use chrono::NaiveDate;
use delegation_bot::intake::{self, Draft, eval};
use delegation_bot::store;

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
async fn item06_an_agreement_named_twice_is_drafted_once_with_a_short_title() {
    let text = "Jiangsu delegation signs investment pact in Seoul\n\n\
        SEOUL, June 20, 2024 -- A Jiangsu Province delegation led by Party Secretary Xin Changxing \
        arrived in Seoul on June 19, 2024 for a two-day visit.\n\n\
        On June 20 the delegation signed an investment agreement on battery materials with \
        Seoul City worth $300 million, the city said in a statement released in the evening.\n\n\
        Under the $300 million agreement, signed at Seoul City Hall in the presence of Mayor \
        Oh Se-hoon, Jiangsu companies will open a research center in Seoul.";
    let d = draft(text, "2024-06-21").await;
    assert_eq!(d.outcomes.len(), 1, "{:#?}", d.outcomes);
    let o = &d.outcomes[0];
    assert!(o.title.chars().count() <= 80, "{}", o.title);
    assert!(
        o.title.to_lowercase().contains("investment agreement"),
        "{}",
        o.title
    );
    assert_eq!(o.amount.as_deref(), Some("300000000"));
}

//! The quality targets, asserted on the fixture set (the same evaluation
//! `bench intake` prints). A correctness check: no timing is asserted.

use std::path::Path;

use delegation_bot::intake::eval;
use delegation_bot::store;

#[tokio::test]
async fn drafts_meet_the_quality_targets_on_the_fixture_set() {
    let dir = tempfile::tempdir().unwrap();
    let db = store::open(&format!(
        "sqlite://{}",
        dir.path().join("eval.db").display()
    ))
    .await
    .unwrap();
    let cases = eval::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/intake/cases"
    )))
    .unwrap();
    assert!(cases.len() >= 50, "{} fixtures", cases.len());
    eval::seed(&db, &cases).await.unwrap();
    let lexicon = eval::lexicon(&db).await.unwrap();
    let e = eval::evaluate(&cases, &lexicon);
    println!("{}", eval::table(&e));
    for (case, misses) in &e.misses {
        println!("{case}");
        for m in misses {
            println!("    {m}");
        }
    }
    let provinces = e.field("provinces");
    let checks = [
        ("provinces precision", provinces.precision(), 0.95),
        ("provinces recall", provinces.recall(), 0.95),
        ("leader precision", e.field("leader").precision(), 0.90),
        ("leader recall", e.field("leader").recall(), 0.90),
        ("start date exact", e.field("start date").recall(), 0.85),
        ("officials met F1", e.field("officials met").f1(), 0.85),
        ("not-a-visit accuracy", e.not_a_visit_accuracy(), 0.90),
    ];
    let failed: Vec<String> = checks
        .iter()
        .filter(|(_, value, target)| value < target)
        .map(|(name, value, target)| format!("{name} {value:.2} < {target}"))
        .collect();
    assert!(failed.is_empty(), "below target: {failed:?}");
    assert!(e.junk.is_empty(), "junk in drafted fields: {:?}", e.junk);
}

//! An answer that counts and lists reads one snapshot (`store::read`): a write landing
//! between the count and the page shows in neither, so "3 meetings" never comes with a page
//! of four, and the next answer sees it in both.

use delegation_bot::domain::DateRange;
use delegation_bot::store::{self, meeting};

use crate::helpers::TestApp;
use crate::store_writes::{add_meeting, add_official};

#[tokio::test]
async fn a_count_and_its_page_agree_while_others_write() {
    let t = TestApp::new().await;
    let xin = add_official(&t, "kim", "Xin Changxing", "China", None).await;
    let oh = add_official(&t, "kim", "Oh Se-hoon", "Korea", None).await;
    for day in ["2024-06-01", "2024-06-02", "2024-06-03"] {
        add_meeting(&t, "kim", day, vec![xin, oh]).await;
    }
    let all = DateRange::from_bounds(None, None).unwrap();

    let mut read = store::read(&t.app.db).await.unwrap();
    let counted = meeting::count_with(&mut *read, xin, all).await.unwrap();
    // Another moderator records a meeting while the answer is being put together.
    add_meeting(&t, "lee", "2024-06-04", vec![xin, oh]).await;
    let page = meeting::with(&mut *read, xin, all, 10, 0).await.unwrap();
    assert_eq!(counted, 3);
    assert_eq!(
        page.len() as i64,
        counted,
        "the page is of the count's snapshot"
    );
    drop(read);

    let mut read = store::read(&t.app.db).await.unwrap();
    assert_eq!(meeting::count_with(&mut *read, xin, all).await.unwrap(), 4);
    let h = t.ok("/official history name:\"Xin Changxing\"").await;
    assert_eq!(h["total"], 4);
    assert_eq!(h["meetings"].as_array().unwrap().len(), 4);
}

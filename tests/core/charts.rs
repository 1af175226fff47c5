//! Charts that draw Hangul and Hanzi: `/provinces` read in Korean or Chinese is a PNG
//! ranking with every bar named, and every character drawn is in the shipped font (no
//! empty boxes).

use ab_glyph::{Font, FontVec, GlyphId};
use delegation_bot::chart;
use delegation_bot::i18n::Lang;
use delegation_bot::reply::Chart;

use crate::helpers::TestApp;

/// The font file in `assets/`, read on its own (not through the chart code).
fn shipped_font() -> FontVec {
    let path = format!(
        "{}/assets/NotoSansCJK-Subset.otf",
        env!("CARGO_MANIFEST_DIR")
    );
    FontVec::try_from_vec(std::fs::read(&path).unwrap()).expect("an OpenType font")
}

/// The characters of `text` the font has no glyph for (they would show as `.notdef`).
fn missing(font: &FontVec, text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !c.is_control() && font.glyph_id(*c) == GlyphId(0))
        .collect()
}

/// The PNG's size, read back from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let info = decoder.read_info().expect("a PNG").info().clone();
    (info.width, info.height)
}

#[tokio::test]
async fn provinces_in_korean_and_chinese_draw_every_character_and_name_every_bar() {
    let t = TestApp::with_sample().await;
    let font = shipped_font();
    for (lang, hainan) in [
        (Lang::Ko, "하이난성"),
        (Lang::Zh, "海南省"),
        (Lang::En, "Hainan"),
    ] {
        let reply = t
            .app
            .run_line(&TestApp::reader(lang), "/provinces")
            .await
            .unwrap();
        let chart: Chart = reply.chart.expect("/provinces has a chart");
        assert!(!chart.is_time_series(), "{lang}: names make a ranking");
        assert!(
            chart.labels.iter().any(|l| l == hainan),
            "{lang}: {:?}",
            chart.labels
        );
        let picture = chart::picture(&chart).unwrap();
        assert_eq!(&picture.png[..8], b"\x89PNG\r\n\x1a\n");
        let bars = chart.values.len() as u32;
        assert_eq!(
            png_size(&picture.png),
            (
                chart::WIDTH,
                chart::RANK_TOP + chart::RANK_ROW * bars + chart::RANK_BOTTOM
            )
        );
        assert_eq!((picture.width, picture.height), png_size(&picture.png));

        // Every bar named: each label drawn once (the old chart skipped every other one).
        for label in &chart.labels {
            let times = picture.texts.iter().filter(|t| *t == label).count();
            assert_eq!(times, 1, "{lang}: {label} drawn {times} times");
        }
        assert!(picture.texts.contains(&chart.title), "{lang}: the title");

        // No empty boxes: the font has a glyph for every character of the title, the
        // labels and everything else drawn.
        for text in picture
            .texts
            .iter()
            .chain(std::iter::once(&chart.title))
            .chain(&chart.labels)
        {
            let lacking = missing(&font, text);
            assert!(lacking.is_empty(), "{lang}: {text:?} lacks {lacking:?}");
            assert!(text.chars().all(chart::covers), "{lang}: {text:?}");
        }
    }
}

#[tokio::test]
async fn the_chart_font_has_every_provinces_name_in_every_language() {
    let t = TestApp::new().await;
    let font = shipped_font();
    let names = delegation_bot::store::region::names_in_languages(&t.app.db)
        .await
        .unwrap();
    assert!(names.len() >= 31, "{} regions", names.len());
    let mut checked = 0;
    for (en, ko, zh, _) in names {
        for name in [Some(en), ko, zh].into_iter().flatten() {
            let lacking = missing(&font, &name);
            assert!(lacking.is_empty(), "{name:?} lacks {lacking:?}");
            checked += 1;
        }
    }
    assert!(checked >= 93, "{checked} names");
}

#[tokio::test]
async fn monthly_visits_stay_a_vertical_time_series_in_korean() {
    let t = TestApp::with_sample().await;
    let reply = t
        .app
        .run_line(
            &TestApp::reader(Lang::Ko),
            "/visits monthly from:2024-01 to:2024-12",
        )
        .await
        .unwrap();
    let chart = reply.chart.expect("a chart");
    assert!(chart.is_time_series());
    let picture = chart::picture(&chart).unwrap();
    assert_eq!(png_size(&picture.png), (chart::WIDTH, chart::HEIGHT));
    assert!(picture.texts.contains(&chart.title));
    assert!(
        chart
            .title
            .chars()
            .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
        "a Korean title: {}",
        chart.title
    );
    let font = shipped_font();
    for text in &picture.texts {
        assert!(missing(&font, text).is_empty(), "{text:?}");
    }
}

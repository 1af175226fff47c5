//! Bar charts as PNG, with the font shipped in `assets/` so they render on a machine with no
//! system fonts, in any of the bot's languages.
//!
//! Two shapes, chosen by the labels ([`Chart::is_time_series`]):
//! - a time series (labels `2024-01`, ...): vertical bars in time order, 960×480, drawn with
//!   plotters;
//! - a ranking (labels are names, e.g. `/provinces`): horizontal bars, largest first, each
//!   named left of its bar with its count at the bar's end; 960 wide and
//!   `RANK_TOP + RANK_ROW × bars + RANK_BOTTOM` = 64 + 28 × bars high (484 for 15).
//!
//! The font is Noto Sans CJK SC, cut down to Latin, Hangul and the Chinese characters of
//! the code pages and of the place tables (`tools/subset_font.py`; SIL Open Font License,
//! `assets/NotoSansCJK.LICENSE`). All text is laid out and drawn here with ab_glyph, not
//! by plotters' font code, which puts each glyph's ink at the pen and so drops its side
//! bearings (`Xin jiang`, `J ilin`), and which scales by ascent + descent rather than by
//! the em.

use std::convert::Infallible;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId, OutlinedGlyph, PxScale, ScaleFont, point};
use anyhow::anyhow;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};

use crate::reply::Chart;

static FONT_BYTES: &[u8] = include_bytes!("../assets/NotoSansCJK-Subset.otf");

/// The chart font, parsed once.
pub fn font() -> anyhow::Result<&'static FontRef<'static>> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).ok())
        .as_ref()
        .ok_or_else(|| anyhow!("the shipped chart font could not be read"))
}

/// Whether the chart font draws `c` (anything else would show as an empty box).
pub fn covers(c: char) -> bool {
    font().is_ok_and(|f| f.glyph_id(c) != GlyphId(0))
}

pub const WIDTH: u32 = 960;
/// The height of a time-series chart.
pub const HEIGHT: u32 = 480;
/// A ranking: the title's band, each bar's row, the margin below.
pub const RANK_TOP: u32 = 48;
pub const RANK_ROW: u32 = 28;
pub const RANK_BOTTOM: u32 = 16;
/// The most bars a ranking shows (the largest ones).
pub const RANK_MAX: usize = 40;

const MARGIN: f32 = 16.0;
const GAP: f32 = 8.0;
const BAR_THICKNESS: f32 = 18.0;
/// Text sizes: the em in pixels.
const TITLE_EM: f32 = 20.0;
const LABEL_EM: f32 = 14.0;
const COUNT_EM: f32 = 13.0;
const AXIS_EM: f32 = 12.0;

const BAR: (u8, u8, u8) = (52, 101, 164);
const INK: (u8, u8, u8) = (32, 32, 32);
const GRID: (u8, u8, u8) = (170, 170, 170);

/// A drawn chart: the PNG, its size, and every text drawn on it in order (for tests).
#[derive(Debug, Clone)]
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub texts: Vec<String>,
}

pub fn png(chart: &Chart) -> anyhow::Result<Vec<u8>> {
    Ok(picture(chart)?.png)
}

pub fn picture(chart: &Chart) -> anyhow::Result<Picture> {
    let font = font()?;
    let canvas = if chart.is_time_series() {
        let mut canvas = Canvas::new(font, WIDTH, HEIGHT);
        draw_months(chart, &mut canvas).map_err(|e| anyhow!("drawing the chart failed: {e}"))?;
        canvas
    } else {
        let layout = ranked_layout(chart)?;
        let mut canvas = Canvas::new(font, layout.width, layout.height);
        draw_ranked(&layout, &mut canvas);
        canvas
    };
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, canvas.width, canvas.height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(&canvas.rgb)?;
    Ok(Picture {
        png,
        width: canvas.width,
        height: canvas.height,
        texts: canvas.texts,
    })
}

// ---------------------------------------------------------------------------------------
// Text

/// The scale at which the font's em is `em` pixels (ab_glyph scales by ascent - descent,
/// which for this font is 1.448 em).
fn scale(font: &FontRef<'_>, em: f32) -> PxScale {
    PxScale::from(em * font.height_unscaled() / font.units_per_em().unwrap_or(1000.0))
}

/// A line of text laid out from (0, 0), the top of its line box: each glyph at its pen
/// position with its side bearing (ab_glyph's bounds include it) and kerning.
struct Line {
    glyphs: Vec<OutlinedGlyph>,
    width: f32,
    height: f32,
}

/// Each glyph of `text` with its pen position, from 0 (kerning included); and the width.
fn pens(font: &FontRef<'_>, text: &str, em: f32) -> (Vec<(GlyphId, f32)>, f32) {
    let scaled = font.as_scaled(scale(font, em));
    let mut out = Vec::new();
    let mut caret = 0.0f32;
    let mut previous: Option<GlyphId> = None;
    for c in text.chars().filter(|c| !c.is_control()) {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            caret += scaled.kern(p, id);
        }
        out.push((id, caret));
        caret += scaled.h_advance(id);
        previous = Some(id);
    }
    (out, caret)
}

/// The size of `text`'s line box at `em`: its advance width and the font's line height.
fn measure(font: &FontRef<'_>, text: &str, em: f32) -> (f32, f32) {
    let height = font.as_scaled(scale(font, em)).height();
    (pens(font, text, em).1, height)
}

fn lay_out(font: &FontRef<'_>, text: &str, em: f32) -> Line {
    let scale = scale(font, em);
    let scaled = font.as_scaled(scale);
    let (pens, width) = pens(font, text, em);
    let glyphs = pens
        .into_iter()
        .filter_map(|(id, x)| {
            if id == GlyphId(0) {
                tracing::warn!(text, "the chart font lacks a character of this text");
            }
            font.outline_glyph(id.with_scale_and_position(scale, point(x, scaled.ascent())))
        })
        .collect();
    Line {
        glyphs,
        width,
        height: scaled.height(),
    }
}

/// How wide `text` is at `em`, in pixels.
pub fn text_width(text: &str, em: f32) -> f32 {
    font().map_or(0.0, |f| measure(f, text, em).0)
}

/// `text`, cut with `…` to fit in `max` pixels at `em`.
fn fit(font: &FontRef<'_>, text: &str, em: f32, max: f32) -> String {
    if measure(font, text, em).0 <= max {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if measure(font, &cut, em).0 <= max {
            return cut;
        }
    }
    "…".into()
}

/// An RGB picture with text drawing.
struct Canvas {
    font: &'static FontRef<'static>,
    width: u32,
    height: u32,
    rgb: Vec<u8>,
    texts: Vec<String>,
}

impl Canvas {
    fn new(font: &'static FontRef<'static>, width: u32, height: u32) -> Canvas {
        Canvas {
            font,
            width,
            height,
            rgb: vec![255; (width * height * 3) as usize],
            texts: Vec::new(),
        }
    }

    fn blend(&mut self, x: i32, y: i32, (r, g, b): (u8, u8, u8), alpha: f64) {
        if x < 0 || y < 0 || x as u32 >= self.width || y as u32 >= self.height {
            return;
        }
        let i = ((y as u32 * self.width + x as u32) * 3) as usize;
        if alpha >= 1.0 {
            self.rgb[i..i + 3].copy_from_slice(&[r, g, b]);
            return;
        }
        let a = alpha.max(0.0);
        for (k, v) in [r, g, b].into_iter().enumerate() {
            let old = f64::from(self.rgb[i + k]);
            self.rgb[i + k] = (old + (f64::from(v) - old) * a).round() as u8;
        }
    }

    /// Fills `[x0, x1) × [y0, y1)` (clipped) with a solid colour.
    fn fill(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, (r, g, b): (u8, u8, u8)) {
        let (x0, x1) = (
            x0.max(0) as usize,
            x1.min(self.width as i32).max(0) as usize,
        );
        let (y0, y1) = (
            y0.max(0) as usize,
            y1.min(self.height as i32).max(0) as usize,
        );
        if x0 >= x1 {
            return;
        }
        for y in y0..y1 {
            let row = y * self.width as usize * 3;
            for px in self.rgb[row + x0 * 3..row + x1 * 3].chunks_exact_mut(3) {
                px.copy_from_slice(&[r, g, b]);
            }
        }
    }

    /// Draws `text` at `em` with its box anchored at `at` as `anchor` says, turned by
    /// `transform` about that point.
    fn text(
        &mut self,
        text: &str,
        em: f32,
        color: BackendColor,
        at: (i32, i32),
        anchor: Pos,
        transform: FontTransform,
    ) {
        let line = lay_out(self.font, text, em);
        let (w, h) = (line.width.round() as i32, line.height.round() as i32);
        let dx = match anchor.h_pos {
            HPos::Left => 0,
            HPos::Center => -w / 2,
            HPos::Right => -w,
        };
        let dy = match anchor.v_pos {
            VPos::Top => 0,
            VPos::Center => -h / 2,
            VPos::Bottom => -h,
        };
        for glyph in &line.glyphs {
            let bounds = glyph.px_bounds();
            let (left, top) = (bounds.min.x as i32, bounds.min.y as i32);
            let mut ink = Vec::new();
            glyph.draw(|x, y, coverage| ink.push((x as i32, y as i32, coverage)));
            for (x, y, coverage) in ink {
                if coverage <= 0.0 {
                    continue;
                }
                let (tx, ty) = transform.transform(left + x + dx, top + y + dy);
                self.blend(
                    at.0 + tx,
                    at.1 + ty,
                    color.rgb,
                    color.alpha * f64::from(coverage),
                );
            }
        }
        self.texts.push(text.to_string());
    }
}

fn solid(rgb: (u8, u8, u8)) -> BackendColor {
    BackendColor { alpha: 1.0, rgb }
}

/// plotters draws the time series onto the canvas through this backend, whose text is the
/// canvas's own.
struct Target<'a>(&'a mut Canvas);

impl DrawingBackend for Target<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.0.width, self.0.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.0.blend(point.0, point.1, color.rgb, color.alpha);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if fill && color.alpha >= 1.0 {
            let (x0, x1) = (
                upper_left.0.min(bottom_right.0),
                upper_left.0.max(bottom_right.0),
            );
            let (y0, y1) = (
                upper_left.1.min(bottom_right.1),
                upper_left.1.max(bottom_right.1),
            );
            self.0.fill(x0, y0, x1 + 1, y1 + 1, color.rgb);
            return Ok(());
        }
        plotters_backend::rasterizer::draw_rect(self, upper_left, bottom_right, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha > 0.0 {
            self.0.text(
                text,
                style.size() as f32,
                color,
                pos,
                style.anchor(),
                style.transform(),
            );
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let (width, height) = measure(self.0.font, text, style.size() as f32);
        Ok((width.ceil() as u32, height.ceil() as u32))
    }
}

// ---------------------------------------------------------------------------------------
// A time series: vertical bars

fn draw_months(chart: &Chart, canvas: &mut Canvas) -> Result<(), DrawingAreaErrorKind<Infallible>> {
    let root = Target(canvas).into_drawing_area();
    let n = chart.values.len().max(1);
    let top = chart.values.iter().copied().max().unwrap_or(0).max(1);
    let mut c = ChartBuilder::on(&root)
        .caption(&chart.title, ("sans-serif", f64::from(TITLE_EM)))
        .margin(14)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0i64..(top + top / 8 + 1))?;
    // Long month series show every few labels so they stay readable.
    let step = n.div_ceil(12);
    c.configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(i) if i % step == 0 => {
                chart.labels.get(*i).cloned().unwrap_or_default()
            }
            _ => String::new(),
        })
        .x_label_style(("sans-serif", f64::from(AXIS_EM)))
        .y_label_style(("sans-serif", f64::from(AXIS_EM)))
        .draw()?;
    c.draw_series(
        Histogram::vertical(&c)
            .style(RGBColor(BAR.0, BAR.1, BAR.2).filled())
            .margin(2)
            .data(chart.values.iter().enumerate().map(|(i, v)| (i, *v))),
    )?;
    root.present()?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// A ranking: horizontal bars

/// Where everything of a ranking goes.
#[derive(Debug, Clone)]
pub struct Ranked {
    pub width: u32,
    pub height: u32,
    pub title: String,
    /// One per bar, largest first.
    pub bars: Vec<RankedBar>,
}

#[derive(Debug, Clone)]
pub struct RankedBar {
    /// The name as drawn (cut with `…` if it would not fit its column).
    pub label: String,
    pub value: i64,
    /// The name ends here (right-aligned), left of the bar.
    pub label_right: i32,
    /// The row's vertical middle.
    pub middle: i32,
    /// The bar: left, top, right, bottom (right = left for a zero).
    pub bar: (i32, i32, i32, i32),
    /// The count starts here, right of the bar's end.
    pub count_left: i32,
}

/// The layout of a ranking: its bars sorted largest first (ties keep their order), at most
/// [`RANK_MAX`], every one named.
pub fn ranked_layout(chart: &Chart) -> anyhow::Result<Ranked> {
    let font = font()?;
    let mut rows: Vec<(String, i64)> = chart
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| (chart.labels.get(i).cloned().unwrap_or_default(), *v))
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    rows.truncate(RANK_MAX);
    let width = WIDTH as f32;
    let widest_label = rows
        .iter()
        .map(|(l, _)| measure(font, l, LABEL_EM).0)
        .fold(0.0f32, f32::max);
    let label_column = widest_label.clamp(40.0, width * 0.35).ceil();
    let widest_count = rows
        .iter()
        .map(|(_, v)| measure(font, &v.to_string(), COUNT_EM).0)
        .fold(0.0f32, f32::max)
        .ceil();
    let bar_left = MARGIN + label_column + GAP;
    let bar_room = (width - MARGIN - widest_count - GAP - bar_left).max(1.0);
    let top_value = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f32;
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let row_top = RANK_TOP as f32 + (i as f32) * RANK_ROW as f32;
            let middle = row_top + RANK_ROW as f32 / 2.0;
            let length = if value > 0 {
                (value as f32 / top_value * bar_room).max(2.0)
            } else {
                0.0
            };
            let bar = (
                bar_left as i32,
                (middle - BAR_THICKNESS / 2.0) as i32,
                (bar_left + length).round() as i32,
                (middle + BAR_THICKNESS / 2.0) as i32,
            );
            RankedBar {
                label: fit(font, &label, LABEL_EM, label_column),
                value,
                label_right: (MARGIN + label_column) as i32,
                middle: middle as i32,
                bar,
                count_left: bar.2 + GAP as i32 - 2,
            }
        })
        .collect::<Vec<_>>();
    Ok(Ranked {
        width: WIDTH,
        height: RANK_TOP + RANK_ROW * bars.len() as u32 + RANK_BOTTOM,
        title: chart.title.clone(),
        bars,
    })
}

fn draw_ranked(layout: &Ranked, canvas: &mut Canvas) {
    canvas.text(
        &layout.title,
        TITLE_EM,
        solid(INK),
        (layout.width as i32 / 2, 12),
        Pos::new(HPos::Center, VPos::Top),
        FontTransform::None,
    );
    if let (Some(first), Some(last)) = (layout.bars.first(), layout.bars.last()) {
        let x = first.bar.0 - 1;
        canvas.fill(x, first.bar.1 - 4, x + 1, last.bar.3 + 4, GRID);
    }
    for bar in &layout.bars {
        let (x0, y0, x1, y1) = bar.bar;
        canvas.fill(x0, y0, x1, y1, BAR);
        canvas.text(
            &bar.label,
            LABEL_EM,
            solid(INK),
            (bar.label_right, bar.middle),
            Pos::new(HPos::Right, VPos::Center),
            FontTransform::None,
        );
        canvas.text(
            &bar.value.to_string(),
            COUNT_EM,
            solid(INK),
            (bar.count_left, bar.middle),
            Pos::new(HPos::Left, VPos::Center),
            FontTransform::None,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months() -> Chart {
        Chart {
            title: "Visits per month".into(),
            labels: (1..=12).map(|m| format!("2024-{m:02}")).collect(),
            values: vec![3, 4, 0, 8, 10, 9, 7, 0, 2, 1, 5, 6],
        }
    }

    fn provinces() -> Chart {
        let names = [
            "Shandong",
            "Jilin",
            "Xinjiang",
            "Hainan",
            "Guangdong",
            "Jiangsu",
            "Zhejiang",
            "Liaoning",
            "Heilongjiang",
            "Inner Mongolia",
            "Sichuan",
            "Hubei",
            "Hunan",
            "Fujian",
            "Yunnan",
        ];
        Chart {
            title: "Visits by province, 2024-01-01 to 2024-12-31".into(),
            labels: names.iter().map(|s| s.to_string()).collect(),
            values: vec![3, 12, 7, 9, 1, 0, 4, 4, 2, 8, 5, 6, 1, 2, 3],
        }
    }

    #[test]
    fn renders_a_png_without_system_fonts() {
        let picture = picture(&months()).unwrap();
        assert_eq!(&picture.png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!((picture.width, picture.height), (WIDTH, HEIGHT));
        // Bars and text make a picture far larger than a blank canvas compresses to.
        assert!(picture.png.len() > 8_000, "{} bytes", picture.png.len());
        assert!(picture.texts.contains(&"Visits per month".to_string()));
        assert!(picture.texts.contains(&"2024-01".to_string()));
    }

    #[test]
    fn months_are_a_time_series_and_names_a_ranking() {
        assert!(months().is_time_series());
        assert!(!provinces().is_time_series());
    }

    #[test]
    fn a_ranking_names_every_bar_largest_first() {
        let chart = provinces();
        let layout = ranked_layout(&chart).unwrap();
        assert_eq!(layout.bars.len(), chart.values.len());
        let mut labels: Vec<&str> = layout.bars.iter().map(|b| b.label.as_str()).collect();
        labels.sort();
        let mut given: Vec<&str> = chart.labels.iter().map(String::as_str).collect();
        given.sort();
        assert_eq!(labels, given, "one label per bar, each name once");
        assert!(layout.bars.windows(2).all(|w| w[0].value >= w[1].value));
        assert_eq!(layout.bars[0].label, "Jilin");
        for (i, bar) in layout.bars.iter().enumerate() {
            let (x0, y0, x1, y1) = bar.bar;
            assert!(bar.label_right < x0, "the name is left of its bar");
            assert!(bar.count_left > x1, "the count is right of the bar's end");
            assert!(y0 < bar.middle && bar.middle < y1);
            assert!(y1 <= layout.height as i32 && x1 < layout.width as i32);
            assert!(
                text_width(&bar.label, LABEL_EM) <= (bar.label_right - MARGIN as i32 + 1) as f32
            );
            if let Some(next) = layout.bars.get(i + 1) {
                assert!(y1 <= next.bar.1, "rows do not overlap");
                assert!(x1 >= next.bar.2, "longer bars for larger counts");
            }
        }
        assert_eq!(layout.height, RANK_TOP + RANK_ROW * 15 + RANK_BOTTOM);

        // Drawn: every name and every count once, whatever the number of bars.
        let picture = picture(&chart).unwrap();
        assert_eq!(
            (picture.width, picture.height),
            (layout.width, layout.height)
        );
        for name in &chart.labels {
            let drawn = picture.texts.iter().filter(|t| *t == name).count();
            assert_eq!(drawn, 1, "{name} drawn {drawn} times");
        }
    }

    #[test]
    fn long_names_are_cut_to_their_column() {
        let chart = Chart {
            title: "x".into(),
            labels: vec!["A".repeat(200), "B".into()],
            values: vec![1, 2],
        };
        let layout = ranked_layout(&chart).unwrap();
        let long = &layout.bars[1];
        assert!(long.label.ends_with('…') && long.label.starts_with("AAA"));
        assert!(text_width(&long.label, LABEL_EM) <= WIDTH as f32 * 0.35 + 1.0);
    }

    #[test]
    fn glyphs_keep_their_side_bearings() {
        // "Xinjiang": the ink of "j" starts left of its pen (a negative side bearing), and
        // the ink of "n" right of it. Drawn at the pen, "j" would stand apart ("Xin jiang").
        let font = font().unwrap();
        let line = lay_out(font, "nj", 40.0);
        let [n, j] = &line.glyphs[..] else {
            panic!("two glyphs")
        };
        let (n, j) = (n.px_bounds(), j.px_bounds());
        let pen_j = font
            .as_scaled(scale(font, 40.0))
            .h_advance(font.glyph_id('n'));
        assert!(j.min.x < pen_j, "j's ink starts left of its pen");
        assert!(j.min.x - n.max.x < 6.0, "gap {}", j.min.x - n.max.x);
        assert!(n.min.x > 0.0, "n's ink starts right of its pen");
    }

    #[test]
    fn sizes_are_ems() {
        let font = font().unwrap();
        // An ideograph is one em wide.
        let w = lay_out(font, "海", 20.0).width;
        assert!((w - 20.0).abs() < 0.5, "{w}");
    }
}

//! Bar charts as PNG, drawn with plotters and the font shipped in `assets/` so they render
//! on a machine with no system fonts.

use std::sync::Once;

use anyhow::anyhow;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use crate::reply::Chart;

static FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
static REGISTER: Once = Once::new();

const WIDTH: u32 = 960;
const HEIGHT: u32 = 480;

pub fn png(chart: &Chart) -> anyhow::Result<Vec<u8>> {
    REGISTER.call_once(|| {
        if register_font("sans-serif", FontStyle::Normal, FONT).is_err() {
            tracing::error!("the shipped chart font could not be loaded");
        }
    });
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    draw(chart, &mut pixels).map_err(|e| anyhow!("drawing the chart failed: {e}"))?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(&pixels)?;
    Ok(out)
}

fn draw(chart: &Chart, pixels: &mut [u8]) -> Result<(), Box<dyn std::error::Error>> {
    let root = BitMapBackend::with_buffer(pixels, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let n = chart.values.len().max(1);
    let top = chart.values.iter().copied().max().unwrap_or(0).max(1);
    let mut c = ChartBuilder::on(&root)
        .caption(&chart.title, ("sans-serif", 22))
        .margin(14)
        .x_label_area_size(40)
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
        .x_label_style(("sans-serif", 13))
        .y_label_style(("sans-serif", 13))
        .y_desc("visits")
        .draw()?;
    c.draw_series(
        Histogram::vertical(&c)
            .style(RGBColor(52, 101, 164).filled())
            .margin(2)
            .data(chart.values.iter().enumerate().map(|(i, v)| (i, *v))),
    )?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_png_without_system_fonts() {
        let chart = Chart {
            title: "Visits per month".into(),
            labels: (1..=12).map(|m| format!("2024-{m:02}")).collect(),
            values: vec![3, 4, 0, 8, 10, 9, 7, 0, 2, 1, 5, 6],
        };
        let bytes = png(&chart).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        // Bars and text make a picture far larger than a blank canvas compresses to.
        assert!(bytes.len() > 8_000, "{} bytes", bytes.len());
    }
}

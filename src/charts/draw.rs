//! Painting a chart spec on a canvas with plotters. Sizes are CSS pixels scaled by the device
//! pixel ratio, so charts stay sharp on high-DPI phones.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::spec::{ChartSpec, Layout};

#[derive(Clone, Copy)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub bar: RGBColor,
    pub derived: RGBColor,
    pub grid: RGBColor,
    pub highlight: RGBColor,
}

pub const LIGHT: Palette = Palette {
    background: RGBColor(255, 255, 255),
    text: RGBColor(27, 31, 29),
    muted: RGBColor(74, 82, 78),
    bar: RGBColor(11, 94, 85),
    derived: RGBColor(79, 138, 130),
    grid: RGBColor(201, 208, 204),
    highlight: RGBColor(179, 92, 0),
};

pub const DARK: Palette = Palette {
    background: RGBColor(27, 32, 30),
    text: RGBColor(238, 242, 239),
    muted: RGBColor(183, 193, 188),
    bar: RGBColor(95, 208, 191),
    derived: RGBColor(60, 130, 120),
    grid: RGBColor(58, 68, 64),
    highlight: RGBColor(240, 166, 80),
};

// A Chinese face first, as in the page's CSS: one font for every label, no per-glyph fallback.
const FONT: &str =
    "\"PingFang SC\", \"Noto Sans CJK SC\", \"Microsoft YaHei\", system-ui, sans-serif";

/// Size the canvas for `css_width` at `dpr` and draw `spec` on it; `hover` is emphasised.
pub fn draw(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    css_width: f64,
    dpr: f64,
    palette: Palette,
    hover: Option<usize>,
    scale: f64,
) -> Result<(), String> {
    let layout = Layout::new(css_width, scale);
    let css_height = layout.height(spec.bars.len());
    canvas.set_width((css_width * dpr).round() as u32);
    canvas.set_height((css_height * dpr).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D context")?;
    let root = backend.into_drawing_area();
    let px = |v: f64| (v * dpr).round() as i32;
    let err = |e: DrawingAreaErrorKind<_>| e.to_string();
    root.fill(&palette.background).map_err(err)?;

    let (x0, x1) = layout.track();
    let span = x1 - x0;
    let bottom = layout.pad + layout.row * spec.bars.len().max(1) as f64;
    let small = (layout.font() * 13.0 / 15.0 * dpr).round() as u32;
    let normal = (layout.font() * dpr).round() as u32;

    // Grid lines and tick labels.
    for t in &spec.ticks {
        let x = x0 + span * t.at;
        root.draw(&PathElement::new(
            vec![(px(x), px(layout.pad)), (px(x), px(bottom))],
            ShapeStyle::from(&palette.grid).stroke_width(1),
        ))
        .map_err(err)?;
        let style = TextStyle::from((FONT, small).into_font())
            .color(&palette.muted)
            .pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(
            t.label.clone(),
            (px(x), px(bottom + 6.0)),
            style,
        ))
        .map_err(err)?;
    }

    for (i, b) in spec.bars.iter().enumerate() {
        let (label_top, bar_top) = layout.row_top(i);
        let emphasis = hover == Some(i);
        let label_style = TextStyle::from((FONT, normal).into_font())
            .color(&palette.text)
            .pos(Pos::new(HPos::Left, VPos::Top));
        root.draw(&Text::new(
            b.label.clone(),
            (px(x0), px(label_top + 2.0)),
            label_style,
        ))
        .map_err(err)?;
        let end = x0 + (span * spec.position(b.value)).max(3.0);
        let fill = if emphasis {
            palette.highlight
        } else if b.derived {
            palette.derived
        } else {
            palette.bar
        };
        root.draw(&Rectangle::new(
            [(px(x0), px(bar_top)), (px(end), px(bar_top + layout.bar))],
            fill.filled(),
        ))
        .map_err(err)?;
        if b.derived {
            // An outline as well as the lighter fill: a computed value is not told by colour alone.
            root.draw(&Rectangle::new(
                [(px(x0), px(bar_top)), (px(end), px(bar_top + layout.bar))],
                ShapeStyle::from(&palette.text).stroke_width(1),
            ))
            .map_err(err)?;
        }
        let value_style = TextStyle::from((FONT, normal).into_font().style(FontStyle::Bold))
            .color(&palette.text)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(
            b.text.clone(),
            (px(end + 6.0), px(bar_top + layout.bar / 2.0)),
            value_style,
        ))
        .map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

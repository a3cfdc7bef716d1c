//! Painting a chart spec on a canvas with plotters, one painter per kind of chart. Sizes are CSS
//! pixels (from `layout`) scaled by the device pixel ratio, so charts stay sharp on phones. The
//! canvas draws marks and their labels; the title, the finding and the table are HTML.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::core::charts::layout::{Layout, GRID_COLUMNS};
use crate::core::charts::spec::{ChartKind, ChartSpec};

#[derive(Clone, Copy)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub bar: RGBColor,
    pub derived: RGBColor,
    pub grid: RGBColor,
    pub highlight: RGBColor,
    /// An empty cell or a step not reached: visible, but plainly not filled.
    pub empty: RGBColor,
}

// The page's colours (public/style.css): the report's red for marks, warm greys around them.
pub const LIGHT: Palette = Palette {
    background: RGBColor(255, 255, 255),
    text: RGBColor(29, 26, 23),
    muted: RGBColor(85, 78, 72),
    bar: RGBColor(161, 29, 33),
    derived: RGBColor(214, 133, 120),
    grid: RGBColor(221, 211, 196),
    highlight: RGBColor(156, 74, 10),
    empty: RGBColor(236, 229, 219),
};

pub const DARK: Palette = Palette {
    background: RGBColor(31, 26, 23),
    text: RGBColor(243, 237, 230),
    muted: RGBColor(203, 193, 182),
    bar: RGBColor(255, 155, 143),
    derived: RGBColor(150, 80, 72),
    grid: RGBColor(61, 53, 47),
    highlight: RGBColor(243, 201, 105),
    empty: RGBColor(64, 55, 49),
};

// A Chinese face first, as in the page's CSS: one font for every label, no per-glyph fallback.
const FONT: &str =
    "\"PingFang SC\", \"Noto Sans CJK SC\", \"Microsoft YaHei\", system-ui, sans-serif";

type Area<'a> = DrawingArea<CanvasBackend, Shift>;
type Drawn = Result<(), String>;

/// How a text is set.
#[derive(Clone, Copy)]
struct Look {
    size: f64,
    colour: RGBColor,
    bold: bool,
}

/// What every painter needs: where to draw, the device pixel ratio, the colours and the layout.
struct Painter<'a> {
    root: &'a Area<'a>,
    dpr: f64,
    palette: Palette,
    layout: Layout,
    hover: Option<usize>,
}

impl Painter<'_> {
    fn px(&self, v: f64) -> i32 {
        (v * self.dpr).round() as i32
    }

    fn size(&self, css: f64) -> u32 {
        (css * self.dpr).round() as u32
    }

    fn text(&self, s: &str, (x, y): (f64, f64), look: Look, pos: Pos) -> Drawn {
        let font = (FONT, self.size(look.size)).into_font();
        let font = if look.bold {
            font.style(FontStyle::Bold)
        } else {
            font
        };
        let style = TextStyle::from(font).color(&look.colour).pos(pos);
        self.root
            .draw(&Text::new(s.to_string(), (self.px(x), self.px(y)), style))
            .map_err(|e| e.to_string())
    }

    /// A label: the layout's text size, in the text colour.
    fn label(&self) -> Look {
        Look {
            size: self.layout.font(),
            colour: self.palette.text,
            bold: false,
        }
    }

    /// Tick labels and step names: smaller and muted.
    fn small(&self) -> Look {
        Look {
            size: self.layout.font() * 13.0 / 15.0,
            colour: self.palette.muted,
            bold: false,
        }
    }

    fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, style: ShapeStyle) -> Drawn {
        self.root
            .draw(&Rectangle::new(
                [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
                style,
            ))
            .map_err(|e| e.to_string())
    }

    fn colour(&self, i: usize, derived: bool) -> RGBColor {
        if self.hover == Some(i) {
            self.palette.highlight
        } else if derived {
            self.palette.derived
        } else {
            self.palette.bar
        }
    }

    fn top_left() -> Pos {
        Pos::new(HPos::Left, VPos::Top)
    }

    fn bars(&self, spec: &ChartSpec) -> Drawn {
        let l = &self.layout;
        let (x0, x1) = l.track();
        let span = x1 - x0;
        let rows = l.rows(spec);
        let bottom = rows.last().map_or(l.pad, |r| r.top + r.height);
        for t in &spec.ticks {
            let x = x0 + span * t.at;
            self.root
                .draw(&PathElement::new(
                    vec![(self.px(x), self.px(l.pad)), (self.px(x), self.px(bottom))],
                    ShapeStyle::from(&self.palette.grid).stroke_width(1),
                ))
                .map_err(|e| e.to_string())?;
            let pos = Pos::new(HPos::Center, VPos::Top);
            self.text(&t.label, (x, bottom + 6.0), self.small(), pos)?;
        }
        for (i, (b, r)) in spec.bars.iter().zip(&rows).enumerate() {
            self.text(&b.label, (x0, r.top + 2.0), self.label(), Self::top_left())?;
            let top = r.top + l.label;
            let end = x0 + (span * spec.position(b.value)).max(3.0);
            self.rect(
                x0,
                top,
                end,
                top + l.bar,
                self.colour(i, b.derived).filled(),
            )?;
            if b.derived {
                // An outline as well as the lighter fill: a computed value is not told by colour alone.
                self.rect(
                    x0,
                    top,
                    end,
                    top + l.bar,
                    ShapeStyle::from(&self.palette.text).stroke_width(1),
                )?;
            }
            let pos = Pos::new(HPos::Left, VPos::Center);
            self.text(
                &b.text,
                (end + 6.0, top + l.bar / 2.0),
                Look {
                    bold: true,
                    ..self.label()
                },
                pos,
            )?;
        }
        Ok(())
    }

    /// One symbol per thing counted: whole symbols only, in lines that wrap.
    fn units(&self, spec: &ChartSpec) -> Drawn {
        let l = &self.layout;
        let per = l.per_line();
        for (i, (b, r)) in spec.bars.iter().zip(l.rows(spec)).enumerate() {
            self.text(
                &format!("{}  {}", b.label, b.text),
                (l.pad, r.top + 2.0),
                self.label(),
                Self::top_left(),
            )?;
            let fill = self.colour(i, false).filled();
            let side = l.cell * 0.78;
            for k in 0..b.value as usize {
                let x = l.pad + (k % per) as f64 * l.cell;
                let y = r.top + l.label + 4.0 + (k / per) as f64 * l.cell;
                self.root
                    .draw(&Circle::new(
                        (self.px(x + side / 2.0), self.px(y + side / 2.0)),
                        self.size(side / 2.0),
                        fill,
                    ))
                    .map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }

    /// A grid of the whole's cells, the part's cells filled first, and a legend of both.
    fn part_of_whole(&self, spec: &ChartSpec) -> Drawn {
        let (Some(whole), Some(part)) = (spec.bars.first(), spec.bars.get(1)) else {
            return Ok(());
        };
        let l = &self.layout;
        let cell = l.grid_cell();
        let gap = (cell * 0.12).max(2.0);
        let filled = self.colour(1, part.derived);
        for k in 0..whole.value as usize {
            let x = l.pad + (k % GRID_COLUMNS) as f64 * cell;
            let y = l.pad + (k / GRID_COLUMNS) as f64 * cell;
            let style = if (k as f64) < part.value {
                filled.filled()
            } else if self.hover == Some(0) {
                self.palette.highlight.mix(0.35).filled()
            } else {
                self.palette.empty.filled()
            };
            self.rect(x, y, x + cell - gap, y + cell - gap, style)?;
        }
        let lines = (whole.value / GRID_COLUMNS as f64).ceil();
        let y = l.pad + lines * cell + 8.0;
        let font = l.font();
        let swatch = font * 0.9;
        // The part: its filled swatch. The whole: a filled and an empty swatch side by side,
        // for all the cells together.
        let swatch_at = |x: f64, top: f64, style: ShapeStyle| {
            self.rect(x, top + 2.0, x + swatch, top + 2.0 + swatch, style)?;
            self.rect(
                x,
                top + 2.0,
                x + swatch,
                top + 2.0 + swatch,
                ShapeStyle::from(&self.palette.muted).stroke_width(1),
            )
        };
        swatch_at(l.pad, y, filled.filled())?;
        let text_x = l.pad + 2.0 * swatch + 10.0;
        self.text(
            &format!("{} {}", part.label, part.text),
            (text_x, y + 1.0),
            self.label(),
            Self::top_left(),
        )?;
        let y2 = y + l.label;
        swatch_at(l.pad, y2, filled.filled())?;
        swatch_at(l.pad + swatch + 3.0, y2, self.palette.empty.filled())?;
        self.text(
            &format!("{} {}", whole.label, whole.text),
            (text_x, y2 + 1.0),
            self.label(),
            Self::top_left(),
        )?;
        Ok(())
    }

    /// Each highlight on a line of steps, filled up to where it stands.
    fn track(&self, spec: &ChartSpec) -> Drawn {
        let l = &self.layout;
        let n = spec.steps.len().max(2);
        let radius = l.track * 0.22;
        let x0 = l.pad + radius + 1.0;
        let x1 = l.width - l.pad - radius - 1.0;
        let at = |step: usize| x0 + (x1 - x0) * step as f64 / (n - 1) as f64;
        for (s, name) in spec.steps.iter().enumerate() {
            let h = match s {
                0 => HPos::Left,
                s if s + 1 == n => HPos::Right,
                _ => HPos::Center,
            };
            let x = match h {
                HPos::Left => l.pad,
                HPos::Right => l.width - l.pad,
                HPos::Center => at(s),
            };
            self.text(name, (x, l.pad), self.small(), Pos::new(h, VPos::Top))?;
        }
        for (i, (b, r)) in spec.bars.iter().zip(l.rows(spec)).enumerate() {
            self.text(
                &b.label,
                (l.pad, r.top + 2.0),
                self.label(),
                Self::top_left(),
            )?;
            let y = r.top + l.label + l.track / 2.0;
            let reached = b.value as usize; // 1-based step
            let done = self.colour(i, false);
            let line = |from: f64, to: f64, colour: RGBColor, width: u32| {
                self.root
                    .draw(&PathElement::new(
                        vec![(self.px(from), self.px(y)), (self.px(to), self.px(y))],
                        ShapeStyle::from(&colour).stroke_width(width),
                    ))
                    .map_err(|e| e.to_string())
            };
            line(at(0), at(n - 1), self.palette.empty, self.size(3.0))?;
            if reached > 1 {
                line(at(0), at(reached - 1), done, self.size(4.0))?;
            }
            for s in 0..n {
                let centre = (self.px(at(s)), self.px(y));
                let style = if s < reached {
                    done.filled()
                } else {
                    self.palette.background.filled()
                };
                self.root
                    .draw(&Circle::new(centre, self.size(radius), style))
                    .map_err(|e| e.to_string())?;
                if s >= reached {
                    // A step not reached is an open ring: told apart by shape, not colour alone.
                    self.root
                        .draw(&Circle::new(
                            centre,
                            self.size(radius),
                            ShapeStyle::from(&self.palette.muted).stroke_width(self.size(1.5)),
                        ))
                        .map_err(|e| e.to_string())?;
                }
            }
        }
        Ok(())
    }
}

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
    let css_height = layout.height(spec);
    canvas.set_width((css_width * dpr).round() as u32);
    canvas.set_height((css_height * dpr).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D context")?;
    let root = backend.into_drawing_area();
    root.fill(&palette.background).map_err(|e| e.to_string())?;
    let p = Painter {
        root: &root,
        dpr,
        palette,
        layout,
        hover,
    };
    match spec.kind {
        ChartKind::Bars => p.bars(spec)?,
        ChartKind::Units => p.units(spec)?,
        ChartKind::PartOfWhole => p.part_of_whole(spec)?,
        ChartKind::Track => p.track(spec)?,
    }
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}

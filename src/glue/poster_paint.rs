//! Painting a poster's layout on a canvas and turning it into a PNG (a `data:` URL, which the
//! page's CSP allows as an image). WeChat's long-press "识别二维码" works on an `<img>`, not on a
//! `<canvas>`, so the page shows the PNG, never the canvas.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::core::poster::{Align, Ink, Op, Poster, HEIGHT, WIDTH};

const FONT: &str =
    "\"PingFang SC\", \"Noto Sans CJK SC\", \"Microsoft YaHei\", system-ui, sans-serif";

/// The poster's colours: a printed picture, the same in light and dark mode.
fn colour(ink: Ink) -> &'static str {
    match ink {
        Ink::Paper => "#ffffff",
        Ink::Band => "#9f1d20",
        Ink::OnBand => "#ffffff",
        Ink::Text => "#1b1f1d",
        Ink::Muted => "#4a524e",
        Ink::Figure => "#9f1d20",
        Ink::Line => "#d9d2c5",
    }
}

fn font(size: f64, bold: bool) -> String {
    format!("{} {size}px {FONT}", if bold { 700 } else { 400 })
}

/// Draw `poster` on a new canvas and return it as a PNG `data:` URL.
pub fn png(poster: &Poster) -> Result<String, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .unchecked_into();
    canvas.set_width(WIDTH as u32);
    canvas.set_height(HEIGHT as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no 2D context")?
        .unchecked_into();
    ctx.set_text_baseline("top");
    for op in &poster.ops {
        match op {
            Op::Fill(r, ink) => {
                ctx.set_fill_style_str(colour(*ink));
                ctx.fill_rect(r.x, r.y, r.w, r.h);
            }
            Op::Text {
                text,
                x,
                y,
                size,
                bold,
                ink,
                align,
            } => {
                ctx.set_font(&font(*size, *bold));
                ctx.set_fill_style_str(colour(*ink));
                ctx.set_text_align(match align {
                    Align::Left => "left",
                    Align::Right => "right",
                    Align::Centre => "center",
                });
                let _ = ctx.fill_text(text, *x, *y);
            }
            Op::Figure {
                parts,
                x,
                y,
                size,
                small,
            } => {
                // On one baseline: the small parts drop to the number's foot.
                ctx.set_text_align("left");
                ctx.set_fill_style_str(colour(Ink::Figure));
                let foot = y + size * 0.92;
                let mut at = *x;
                for (text, s, bold) in [
                    (&parts.before, *small, true),
                    (&parts.number, *size, true),
                    (&parts.after, *small, true),
                ] {
                    if text.is_empty() {
                        continue;
                    }
                    ctx.set_font(&font(s, bold));
                    ctx.set_text_baseline("alphabetic");
                    let _ = ctx.fill_text(text, at, foot);
                    at += ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0) + 4.0;
                }
                ctx.set_text_baseline("top");
            }
            Op::Qr { at, size, dark } => {
                ctx.set_fill_style_str("#ffffff");
                ctx.fill_rect(at.x, at.y, at.w, at.h);
                // Whole pixels per module, a quiet zone of at least four modules around.
                let module = (at.w / (*size as f64 + 8.0)).floor().max(1.0);
                let side = module * *size as f64;
                let (x0, y0) = (at.x + (at.w - side) / 2.0, at.y + (at.h - side) / 2.0);
                ctx.set_fill_style_str("#000000");
                for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
                    let (col, row) = ((i % size) as f64, (i / size) as f64);
                    ctx.fill_rect(x0 + col * module, y0 + row * module, module, module);
                }
            }
        }
    }
    canvas
        .to_data_url()
        .map_err(|_| "the picture could not be made".to_string())
}

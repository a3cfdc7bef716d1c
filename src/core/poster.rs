//! 分享图: a poster of one highlight (or of the key figures) for WeChat chats and Moments, where a
//! 图解 travels as a picture. This decides where everything on it goes, in pixels of the
//! 750 × 1334 picture (the usual 9:16 share size); `glue::poster_paint` draws it. The QR code
//! carries the link of what the poster shows, so a reader who long-presses it lands on that
//! card. Text is wrapped here by estimated widths (a Chinese character is one em, a Latin letter
//! or digit about half), so the layout is decided, and tested, without a browser.

use qrcodegen::{QrCode, QrCodeEcc};

use crate::core::format;
use crate::core::model::{Highlight, Lang, Report, Theme};
use crate::core::validate::find_metric;

pub const WIDTH: f64 = 750.0;
pub const HEIGHT: f64 = 1334.0;
const MARGIN: f64 = 48.0;
const BAND: f64 = 190.0;
/// The QR code's side with its quiet zone: well over 240 px, as WeChat's scanner wants.
const QR: f64 = 264.0;
const FOOT: f64 = HEIGHT - MARGIN - QR - 56.0;

/// The colours a poster uses, by role; the painter picks the values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    Paper,
    Band,
    OnBand,
    Text,
    Muted,
    Figure,
    Line,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Centre,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Fill(Rect, Ink),
    /// One line of text, `y` its top.
    Text {
        text: String,
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        ink: Ink,
        align: Align,
    },
    /// A figure: the number large, what stands before and after it smaller, on one baseline
    /// (the painter measures the number to place the unit right after it).
    Figure {
        parts: format::Parts,
        x: f64,
        y: f64,
        size: f64,
        small: f64,
    },
    /// A QR code: its dark modules on a white square, quiet zone included in `at`.
    Qr {
        at: Rect,
        size: usize,
        dark: Vec<bool>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Poster {
    pub ops: Vec<Op>,
    /// Where the figure is drawn (or the title, for a highlight without one).
    pub figure: Rect,
    /// Where the QR code is, quiet zone included.
    pub qr: Rect,
    /// The link the QR code carries.
    pub link: String,
    /// A text alternative of the whole picture.
    pub alt: String,
}

/// Estimated width of `s` at `size` px: one em for Chinese and full-width signs, about half for
/// Latin letters and digits.
pub fn width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| match c {
            ' ' => 0.3,
            c if c.is_ascii_digit() => 0.58,
            c if c.is_ascii_uppercase() => 0.66,
            c if c.is_ascii() => 0.52,
            _ => 1.0,
        })
        .sum::<f64>()
        * size
}

/// Lines of `text` no wider than `max` at `size`, at most `lines` of them; the last ends in 「…」
/// when the text is cut. Chinese breaks between any two characters; Latin text between words.
pub fn wrap(text: &str, size: f64, max: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    // Tokens: a Latin word with its trailing space, or one other character.
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || (c.is_ascii_punctuation() && !word.is_empty()) {
            word.push(c);
        } else {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let mut cut = false;
    for t in tokens {
        // Closing punctuation never starts a line (避头): it hangs at the end of this one.
        let closing = t.chars().all(|c| "，。；：、！？」』）》”’…".contains(c));
        if !closing && width(&line, size) + width(&t, size) > max && !line.trim().is_empty() {
            out.push(std::mem::take(&mut line).trim_end().to_string());
            if out.len() == lines {
                cut = true;
                break;
            }
        }
        if line.is_empty() && t == " " {
            continue;
        }
        line.push_str(&t);
    }
    if !cut && !line.trim().is_empty() {
        out.push(line.trim_end().to_string());
    }
    if cut {
        if let Some(last) = out.last_mut() {
            while width(last, size) + size > max && last.pop().is_some() {}
            last.push('…');
        }
    }
    out
}

fn text(
    ops: &mut Vec<Op>,
    lines: &[String],
    x: f64,
    y: f64,
    size: f64,
    bold: bool,
    ink: Ink,
) -> f64 {
    let lead = size * 1.4;
    for (i, l) in lines.iter().enumerate() {
        ops.push(Op::Text {
            text: l.clone(),
            x,
            y: y + i as f64 * lead,
            size,
            bold,
            ink,
            align: Align::Left,
        });
    }
    y + lines.len() as f64 * lead
}

/// The band at the top (town, year, 图解; the headline) and the foot (source, QR code).
fn frame(report: &Report, link: &str, lang: Lang, ops: &mut Vec<Op>) -> Rect {
    let m = &report.meta;
    ops.push(Op::Fill(
        Rect {
            x: 0.0,
            y: 0.0,
            w: WIDTH,
            h: HEIGHT,
        },
        Ink::Paper,
    ));
    ops.push(Op::Fill(
        Rect {
            x: 0.0,
            y: 0.0,
            w: WIDTH,
            h: BAND,
        },
        Ink::Band,
    ));
    let name = match lang {
        Lang::Zh => format!("{}{}年工作图解", m.town.zh, m.year),
        Lang::En => format!("{}: {} in figures", m.town.en, m.year),
    };
    text(
        ops,
        &wrap(&name, 46.0, WIDTH - 2.0 * MARGIN, 1),
        MARGIN,
        44.0,
        46.0,
        true,
        Ink::OnBand,
    );
    let headline = wrap(m.headline.get(lang), 28.0, WIDTH - 2.0 * MARGIN, 1);
    text(ops, &headline, MARGIN, 116.0, 28.0, false, Ink::OnBand);

    ops.push(Op::Fill(
        Rect {
            x: MARGIN,
            y: FOOT,
            w: WIDTH - 2.0 * MARGIN,
            h: 2.0,
        },
        Ink::Line,
    ));
    let left = WIDTH - 2.0 * MARGIN - QR - 24.0;
    let source = match lang {
        Lang::Zh => format!("数据来源：《{}》（{}）", m.headline.zh, m.byline),
        Lang::En => format!("Source: “{}”, by {}", m.headline.en, m.author.en),
    };
    let y = text(
        ops,
        &wrap(&source, 24.0, left, 5),
        MARGIN,
        FOOT + 28.0,
        24.0,
        false,
        Ink::Muted,
    );
    let place = format!("{} · {} · {}", m.town.get(lang), m.city.get(lang), m.year);
    text(
        ops,
        &wrap(&place, 24.0, left, 2),
        MARGIN,
        y + 8.0,
        24.0,
        false,
        Ink::Muted,
    );

    let at = Rect {
        x: WIDTH - MARGIN - QR,
        y: FOOT + 24.0,
        w: QR,
        h: QR,
    };
    if let Ok(code) = QrCode::encode_text(link, QrCodeEcc::Medium) {
        let n = code.size();
        let dark = (0..n * n).map(|i| code.get_module(i % n, i / n)).collect();
        ops.push(Op::Qr {
            at,
            size: n as usize,
            dark,
        });
    }
    let caption = match lang {
        Lang::Zh => "长按识别二维码 查看完整图解",
        Lang::En => "Scan for the full page",
    };
    ops.push(Op::Text {
        text: caption.to_string(),
        x: at.x + at.w / 2.0,
        y: at.y + at.h + 10.0,
        size: 20.0,
        bold: false,
        ink: Ink::Muted,
        align: Align::Centre,
    });
    at
}

/// A poster of one highlight: its theme, its first figure large with its label, its title, the
/// sentence of the report it comes from, and a QR code of `link` (the highlight's own link).
pub fn highlight(
    report: &Report,
    h: &Highlight,
    theme: Option<&Theme>,
    link: &str,
    lang: Lang,
) -> Poster {
    let mut ops = Vec::new();
    let qr = frame(report, link, lang, &mut ops);
    let full = WIDTH - 2.0 * MARGIN;
    let mut y = BAND + 40.0;
    if let Some(t) = theme {
        let tag = format!("{} {}", t.icon, t.label.get(lang));
        y = text(&mut ops, &[tag], MARGIN, y, 28.0, true, Ink::Muted) + 12.0;
    }
    let figure_top = y;
    let figure = match h.metrics.first() {
        Some(m) => {
            let f = format::figure(m, lang);
            let parts = format::parts(&f.text);
            // As large as fits on one line, up to 150 px.
            let small_ratio = 0.4;
            let mut size: f64 = 150.0;
            while size > 48.0
                && width(&parts.number, size)
                    + width(&parts.before, size * small_ratio)
                    + width(&parts.after, size * small_ratio)
                    > full
            {
                size -= 6.0;
            }
            let box_w = width(&parts.number, size)
                + width(&parts.before, size * small_ratio)
                + width(&parts.after, size * small_ratio);
            ops.push(Op::Figure {
                parts,
                x: MARGIN,
                y,
                size,
                small: size * small_ratio,
            });
            y += size * 1.1;
            let label = wrap(m.label.get(lang), 30.0, full, 2);
            y = text(&mut ops, &label, MARGIN, y + 6.0, 30.0, false, Ink::Muted);
            Rect {
                x: MARGIN,
                y: figure_top,
                w: box_w.min(full),
                h: size * 1.1,
            }
        }
        None => {
            let lines = wrap(h.title.get(lang), 60.0, full, 3);
            let end = text(&mut ops, &lines, MARGIN, y, 60.0, true, Ink::Figure);
            let r = Rect {
                x: MARGIN,
                y: figure_top,
                w: full,
                h: end - figure_top,
            };
            y = end;
            r
        }
    };
    y += 28.0;
    if !h.metrics.is_empty() {
        y = text(
            &mut ops,
            &wrap(h.title.get(lang), 42.0, full, 3),
            MARGIN,
            y,
            42.0,
            true,
            Ink::Text,
        ) + 20.0;
    }
    // The report's own sentence, in Chinese whatever the page language: it is the source.
    if let Some(q) = h.quotes.first() {
        let room = ((FOOT - 24.0 - y) / (28.0 * 1.4)).floor().max(0.0) as usize;
        let lead = match lang {
            Lang::Zh => "报道原句：",
            Lang::En => "The report: ",
        };
        let quote = format!(
            "{lead}「{}」",
            q.text.trim_end_matches(['，', '；', '、', '：'])
        );
        text(
            &mut ops,
            &wrap(&quote, 28.0, full, room.min(7)),
            MARGIN,
            y,
            28.0,
            false,
            Ink::Muted,
        );
    }
    let alt = match (lang, h.metrics.first()) {
        (Lang::Zh, Some(m)) => format!(
            "分享图：{}，{}{}",
            h.title.zh,
            format::figure(m, lang).text,
            m.label.zh
        ),
        (Lang::En, Some(m)) => format!(
            "Share picture: {}, {} {}",
            h.title.en,
            format::figure(m, lang).text,
            m.label.en
        ),
        (Lang::Zh, None) => format!("分享图：{}", h.title.zh),
        (Lang::En, None) => format!("Share picture: {}", h.title.en),
    };
    Poster {
        ops,
        figure,
        qr,
        link: link.to_string(),
        alt,
    }
}

/// A poster of the report's key figures, two to a row, with a QR code of the page.
pub fn key_figures(report: &Report, link: &str, lang: Lang) -> Poster {
    let mut ops = Vec::new();
    let qr = frame(report, link, lang, &mut ops);
    let title = match lang {
        Lang::Zh => "数说一年",
        Lang::En => "The year in figures",
    };
    let mut y = text(
        &mut ops,
        &[title.to_string()],
        MARGIN,
        BAND + 36.0,
        40.0,
        true,
        Ink::Text,
    ) + 16.0;
    let col = (WIDTH - 2.0 * MARGIN - 24.0) / 2.0;
    let top = y;
    let mut bottom = y;
    for (i, (_, m)) in report
        .key_figures
        .iter()
        .filter_map(|k| find_metric(report, &k.metric))
        .enumerate()
    {
        let x = MARGIN + (i % 2) as f64 * (col + 24.0);
        if i % 2 == 0 && i > 0 {
            y = bottom + 18.0;
        }
        let parts = format::parts(&format::figure(m, lang).text);
        let mut size: f64 = 64.0;
        while size > 30.0
            && width(&parts.number, size)
                + width(&parts.before, size * 0.5)
                + width(&parts.after, size * 0.5)
                > col
        {
            size -= 4.0;
        }
        ops.push(Op::Figure {
            parts,
            x,
            y,
            size,
            small: size * 0.5,
        });
        let end = text(
            &mut ops,
            &wrap(m.label.get(lang), 24.0, col, 2),
            x,
            y + size * 1.1,
            24.0,
            false,
            Ink::Muted,
        );
        bottom = bottom.max(end);
    }
    let figure = Rect {
        x: MARGIN,
        y: top,
        w: WIDTH - 2.0 * MARGIN,
        h: bottom - top,
    };
    let alt = match lang {
        Lang::Zh => format!(
            "分享图：{}{}年工作的主要数字",
            report.meta.town.zh, report.meta.year
        ),
        Lang::En => format!(
            "Share picture: key figures of {} in {}",
            report.meta.town.en, report.meta.year
        ),
    };
    Poster {
        ops,
        figure,
        qr,
        link: link.to_string(),
        alt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        crate::core::load::shipped().report
    }

    fn inside(r: &Rect) -> bool {
        r.x >= 0.0 && r.y >= 0.0 && r.x + r.w <= WIDTH + 0.5 && r.y + r.h <= HEIGHT + 0.5
    }

    #[test]
    fn wrapping_keeps_lines_narrow_and_cuts_with_an_ellipsis() {
        let lines = wrap(
            "西溪镇20个行政村交出了村集体经营性收入超50万元的优秀成绩单",
            30.0,
            300.0,
            9,
        );
        assert!(lines.iter().all(|l| width(l, 30.0) <= 300.0), "{lines:?}");
        assert_eq!(
            lines.concat(),
            "西溪镇20个行政村交出了村集体经营性收入超50万元的优秀成绩单"
        );
        let cut = wrap(&"长".repeat(100), 30.0, 300.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        let hung = wrap("规上工业总产值12.34亿元，同比增长", 30.0, 390.0, 5);
        assert!(hung.iter().all(|l| !l.starts_with('，')), "{hung:?}");
        let en = wrap("Xixi Town hands in a solid answer sheet", 30.0, 260.0, 5);
        assert!(
            en.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')),
            "{en:?}"
        );
        assert!(en.iter().all(|l| l
            .split(' ')
            .all(|w| "Xixi Town hands in a solid answer sheet".contains(w))));
    }

    #[test]
    fn every_highlight_makes_a_poster_that_fits_with_a_scannable_qr_code() {
        let r = report();
        for lang in Lang::ALL {
            for h in &r.highlights {
                let theme = r.themes.iter().find(|t| t.id == h.theme);
                let link = format!("https://gov.example/zwgk/xixi-2023/?v=1&h={}", h.id);
                let p = highlight(&r, h, theme, &link, lang);
                assert!(inside(&p.figure) && inside(&p.qr), "{}", h.id);
                assert!(p.qr.w >= 240.0);
                // Nothing drawn over the QR code or below the picture.
                for op in &p.ops {
                    if let Op::Text { y, size, x, .. } = op {
                        assert!(*y + size <= HEIGHT, "{}: text below the picture", h.id);
                        let in_qr = *x > p.qr.x
                            && *x < p.qr.x + p.qr.w
                            && *y > p.qr.y
                            && *y < p.qr.y + p.qr.h;
                        assert!(!in_qr, "{}: text on the QR code", h.id);
                    }
                }
                assert!(p
                    .ops
                    .iter()
                    .any(|o| matches!(o, Op::Qr { size, .. } if *size >= 21)));
                assert!(p.alt.contains(h.title.get(lang)));
            }
        }
        // The figure is the report's own: 「3000余场」 cut as 「3000」 large and 「余场」 small.
        let h = r
            .highlights
            .iter()
            .find(|h| h.id == "folk-culture-events")
            .unwrap();
        let p = highlight(&r, h, None, "https://x.example/", Lang::Zh);
        let fig = p.ops.iter().find_map(|o| match o {
            Op::Figure { parts, .. } => Some(parts.clone()),
            _ => None,
        });
        assert_eq!(
            fig.map(|f| (f.number, f.after)),
            Some(("3000".to_string(), "余场".to_string()))
        );
    }

    #[test]
    fn the_key_figures_poster_has_every_key_figure() {
        let r = report();
        let p = key_figures(&r, "https://gov.example/zwgk/xixi-2023/", Lang::Zh);
        let figures = p
            .ops
            .iter()
            .filter(|o| matches!(o, Op::Figure { .. }))
            .count();
        assert_eq!(figures, r.key_figures.len());
        assert!(inside(&p.figure) && p.figure.y + p.figure.h < p.qr.y);
    }
}

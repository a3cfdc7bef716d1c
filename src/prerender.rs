//! The first paint, written into `index.html` at build time from the same data and the same
//! formatting as the app: the headline, by-line and key figures are readable before the wasm has
//! loaded (and without JavaScript at all). The app replaces it when it mounts.

use crate::format::{self, html_escape};
use crate::model::{Lang, Report};
use crate::validate::find_metric;

pub const START: &str = "<!-- first-paint -->";
pub const END: &str = "<!-- /first-paint -->";

/// The static header of `report`, in Chinese, with the classes the app's header uses so nothing
/// moves when the app takes over.
pub fn first_paint(report: &Report) -> String {
    let m = &report.meta;
    let figures: String = report
        .key_figures
        .iter()
        .filter_map(|k| find_metric(report, &k.metric))
        .map(|(_, metric)| {
            let f = format::figure(metric, Lang::Zh);
            format!(
                "<li class=\"key-figure\"><span class=\"kf-box\"><span class=\"kf-value\">{}</span><span class=\"kf-label\">{}</span></span></li>",
                figure_html(&f),
                html_escape(&metric.label.zh)
            )
        })
        .collect();
    format!(
        "<header class=\"masthead\"><div class=\"masthead-top\"><p class=\"app-name\"><span class=\"app-mark\" aria-hidden=\"true\">图解</span><span class=\"app-name-text\">西溪 · 工作报道图解</span></p></div>\
<div class=\"hero\"><p class=\"kicker\">{}</p><h1>{}</h1><p class=\"byline\">{} · {}年 · {}</p>\
<section class=\"key-figures\" aria-label=\"关键数字\"><ul>{}</ul></section></div></header>\
<main class=\"boot\" id=\"main\" aria-busy=\"true\"><p class=\"boot-status\" role=\"status\">正在载入图解…</p>\
<noscript><p>本页需要启用 JavaScript 才能筛选、检索和查看图表；以上为报道的关键数字。</p></noscript></main>",
        html_escape(&m.kicker.zh),
        html_escape(&m.headline.zh),
        html_escape(&m.town.zh),
        m.year,
        html_escape(&m.author.zh),
        figures
    )
}

/// A figure as the app's hero draws it (`components::figure::big_figure`): the number large,
/// its unit small, a rank as a badge, a change signed.
fn figure_html(f: &format::Figure) -> String {
    if f.rank {
        return format!(
            "<span class=\"value rank-badge\">{}</span>",
            html_escape(&f.text)
        );
    }
    let p = format::parts(&f.text);
    let sign = match f.change {
        Some(crate::model::Change::Up) => {
            "<span class=\"change up\"><span aria-hidden=\"true\">▲</span>增长 </span>"
        }
        Some(crate::model::Change::Down) => {
            "<span class=\"change down\"><span aria-hidden=\"true\">▼</span>下降 </span>"
        }
        None => "",
    };
    let unit = |s: &str| {
        if s.is_empty() {
            String::new()
        } else {
            format!("<span class=\"unit\">{}</span>", html_escape(s))
        }
    };
    format!(
        "<span class=\"value\">{sign}{}<span class=\"num\">{}</span>{}</span>",
        unit(&p.before),
        html_escape(&p.number),
        unit(&p.after)
    )
}

/// Put `fragment` between the first-paint markers of `html`.
pub fn inject(html: &str, fragment: &str) -> Result<String, String> {
    let a = html
        .find(START)
        .ok_or("index.html has no <!-- first-paint --> marker")?;
    let b = html
        .find(END)
        .ok_or("index.html has no <!-- /first-paint --> marker")?;
    if b < a {
        return Err("first-paint markers are out of order".into());
    }
    Ok(format!("{}{START}{fragment}{}", &html[..a], &html[b..]))
}

/// Name the files the app fetches first (the index and the default report's data) on the first
/// paint's container. The boot script asks for them as soon as the first paint is on screen,
/// together with the wasm: after it, so nothing competes with the first paint, and at once, so
/// the app's own requests find them on the way.
pub fn preload(html: &str, index_href: &str, data_href: &str) -> Result<String, String> {
    const TAG: &str = "<div id=\"first-paint\"";
    let at = html
        .find(TAG)
        .ok_or("index.html has no <div id=\"first-paint\">")?;
    let rest = &html[at + TAG.len()..];
    // Written once: a second run replaces the list.
    let rest = match rest.strip_prefix(" data-preload=\"") {
        Some(r) => &r[r.find('"').map_or(0, |i| i + 1)..],
        None => rest,
    };
    Ok(format!(
        "{}{TAG} data-preload=\"{} {}\"{rest}",
        &html[..at],
        html_escape(index_href),
        html_escape(data_href)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_paint_goes_between_the_markers_only() {
        let html = format!("<body><div id=\"app\">{START}old{END}</div></body>");
        assert_eq!(
            inject(&html, "<h1>x</h1>").unwrap(),
            format!("<body><div id=\"app\">{START}<h1>x</h1>{END}</div></body>")
        );
        assert!(inject("<body></body>", "x").is_err());
    }

    #[test]
    fn the_first_fetches_are_named_once() {
        let html = "<div id=\"app\"><div id=\"first-paint\"><!-- first-paint --></div></div>";
        let once = preload(html, "reports.json", "data/x.json").unwrap();
        assert!(
            once.contains("<div id=\"first-paint\" data-preload=\"reports.json data/x.json\"><!--")
        );
        assert_eq!(preload(&once, "reports.json", "data/x.json").unwrap(), once);
        assert!(preload("<div id=\"app\"></div>", "a", "b").is_err());
    }

    #[test]
    fn text_is_escaped() {
        let mut r = crate::load::load_report(include_str!("../public/data/xixi-2023.json"))
            .unwrap()
            .report;
        r.meta.headline.zh = "<script>\"&".into();
        assert!(first_paint(&r).contains("<h1>&lt;script&gt;&quot;&amp;</h1>"));
    }
}

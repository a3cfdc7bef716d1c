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
                html_escape(&f.text),
                html_escape(&metric.label.zh)
            )
        })
        .collect();
    format!(
        "<header class=\"masthead\"><div class=\"masthead-top\"><p class=\"app-name\">西溪 · 工作报道图解</p></div>\
<p class=\"kicker\">{}</p><h1>{}</h1><p class=\"byline\">{} · {}年 · {}</p>\
<section class=\"key-figures\" aria-label=\"关键数字\"><ul>{}</ul></section></header>\
<main class=\"boot\" id=\"main\"><p class=\"boot-status\" role=\"status\">正在载入图解…</p>\
<noscript><p>本页需要启用 JavaScript 才能筛选、检索和查看图表；以上为报道的关键数字。</p></noscript></main>",
        html_escape(&m.kicker.zh),
        html_escape(&m.headline.zh),
        html_escape(&m.town.zh),
        m.year,
        html_escape(&m.author.zh),
        figures
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

/// Ask the browser to fetch the index and the default report's data while the wasm is still
/// loading (the app's own requests then find them on the way). `crossorigin` makes the preload
/// match the app's `fetch` (CORS mode, same-origin credentials). Written once: a second run
/// replaces nothing.
pub fn preload(html: &str, index_href: &str, data_href: &str) -> Result<String, String> {
    if html.contains("rel=\"preload\" as=\"fetch\"") {
        return Ok(html.to_string());
    }
    let head = html.find("</head>").ok_or("index.html has no </head>")?;
    let link = |href: &str| {
        format!(
            "  <link rel=\"preload\" as=\"fetch\" crossorigin href=\"{}\">\n",
            html_escape(href)
        )
    };
    Ok(format!(
        "{}{}{}{}",
        &html[..head],
        link(index_href),
        link(data_href),
        &html[head..]
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
    fn preloads_go_in_the_head_once() {
        let html = "<head>\n</head><body></body>";
        let once = preload(html, "reports.json", "data/x.json").unwrap();
        assert!(once.contains(
            "<link rel=\"preload\" as=\"fetch\" crossorigin href=\"data/x.json\">\n</head>"
        ));
        assert_eq!(preload(&once, "reports.json", "data/x.json").unwrap(), once);
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

//! Sharing a view: its full link, a QR code of it (drawn here, no outside service, for scanning
//! in WeChat), and the code a portal pastes to embed it.

use qrcodegen::{QrCode, QrCodeEcc};

use crate::core::format::html_escape;
use crate::core::query::ViewState;

/// The link of a view for someone else: the page's address without the query, plus the view's
/// canonical query. Embed settings are dropped: a shared link opens the full page.
pub fn share_url(page: &str, state: &ViewState) -> String {
    let base = page.split(['?', '#']).next().unwrap_or(page);
    let q = ViewState {
        embed: None,
        chart: None,
        ..state.clone()
    }
    .write();
    if q.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{q}")
    }
}

/// A QR code as an SVG path of its dark modules, in module units, and its size in modules
/// (without the quiet zone, which the view adds around it).
pub fn qr(text: &str) -> Option<(i32, String)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut d = String::new();
    for y in 0..n {
        for x in 0..n {
            if code.get_module(x, y) {
                d.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    Some((n, d))
}

/// The snippet a portal pastes: the iframe of this view and the height-following script.
pub fn embed_code(page: &str, state: &ViewState, title: &str) -> String {
    let base = page.split(['?', '#']).next().unwrap_or(page);
    let mut embedded = state.clone();
    if embedded.embed.is_none() {
        embedded.embed = Some(crate::core::query::Embed::Page);
    }
    let src = format!("{base}?{}", embedded.write());
    let script = format!(
        "{}embed.js",
        base.rsplit_once('/')
            .map_or(String::new(), |(b, _)| format!("{b}/"))
    );
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" loading=\"lazy\" data-xixi-embed style=\"border:0\"></iframe>\n<script src=\"{}\" defer></script>",
        html_escape(&src),
        html_escape(title),
        html_escape(&script)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_link_opens_the_full_page_of_the_view() {
        let (s, _) = ViewState::parse("?t=safety&embed=chart&chart=publicity&lang=en");
        assert_eq!(
            share_url("https://gov.example/zwgk/xixi-2023/?old=1#x", &s),
            "https://gov.example/zwgk/xixi-2023/?v=1&t=safety&lang=en"
        );
        assert_eq!(
            share_url("https://gov.example/a/", &ViewState::default()),
            "https://gov.example/a/"
        );
    }

    #[test]
    fn the_qr_code_has_modules_in_a_square() {
        let (n, d) = qr("https://gov.example/zwgk/xixi-2023/?v=1&t=safety").unwrap();
        assert!(n >= 21 && (n - 17) % 4 == 0, "a QR version size: {n}");
        assert!(d.matches('M').count() > n as usize * 4);
    }

    #[test]
    fn the_embed_code_names_the_view_and_the_script() {
        let (s, _) = ViewState::parse("?t=safety");
        let code = embed_code("https://gov.example/zwgk/xixi-2023/", &s, "西溪 \"图解\"");
        assert!(
            code.contains(
                "src=\"https://gov.example/zwgk/xixi-2023/?v=1&amp;t=safety&amp;embed=page\""
            ),
            "{code}"
        );
        assert!(code.contains("title=\"西溪 &quot;图解&quot;\""));
        assert!(code.contains("loading=\"lazy\"") && code.contains("width=\"100%\""));
        assert!(code.contains("<script src=\"https://gov.example/zwgk/xixi-2023/embed.js\" defer>"));
    }
}

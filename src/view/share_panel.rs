use leptos::prelude::*;

use crate::core::i18n::ui;
use crate::core::share;
use crate::glue::browser;
use crate::view::nav::{tr, Nav};
use crate::view::poster::PosterButton;

/// 分享与嵌入: the link of this view (copy, system share), its QR code for WeChat, and the code a
/// portal pastes to embed it. A disclosure in the page, not a pop-up, so nothing traps focus.
#[component]
pub fn SharePanel(title: String) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = nav.lang;
    // The link, its QR code and the embed code are made only while the panel is open: closed,
    // a filter change or a keystroke costs nothing here.
    let open = RwSignal::new(false);
    let link = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        nav.state
            .with(|s| share::share_url(&browser::page_url(), s))
    });
    let code = {
        let title = title.clone();
        Memo::new(move |_| {
            if !open.get() {
                return String::new();
            }
            nav.state
                .with(|s| share::embed_code(&browser::page_url(), s, &title))
        })
    };
    let (status, set_status) = signal(None::<&'static str>);
    let copy = move |text: String| {
        let t = ui(lang.get_untracked());
        set_status.set(Some(if browser::copy_text(&text) {
            t.copied
        } else {
            t.copy_failed
        }));
    };
    let qr = move || {
        if !open.get() {
            return None;
        }
        share::qr(&link.get()).map(|(n, d)| {
            let q = 4;
            view! {
                <svg class="qr" role="img" aria-label=tr(lang, |t| t.qr_label)
                    viewBox=format!("{} {} {} {}", -q, -q, n + 2 * q, n + 2 * q)
                    xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
                    <rect x=-q y=-q width=n + 2 * q height=n + 2 * q fill="#ffffff" />
                    <path d=d fill="#000000" />
                </svg>
            }
        })
    };
    // The system share sheet, where the browser has one (asked once in the browser).
    let can_share = RwSignal::new(false);
    Effect::new(move |_| can_share.set(browser::can_share()));
    let system_share = move || {
        let title = title.clone();
        can_share.get().then(|| view! {
            <button type="button" class="system-share" on:click=move |_| { browser::share(&title, &link.get_untracked()); }>
                {tr(lang, |t| t.system_share)}
            </button>
        })
    };
    view! {
        <details class="share" on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary>{tr(lang, |t| t.share)}</summary>
            <div class="share-body">
                <div class="share-link">
                    <label for="share-link">{tr(lang, |t| t.share_link)}</label>
                    <input id="share-link" type="text" readonly prop:value=move || link.get() />
                    <div class="share-actions">
                        <button type="button" class="copy-link" on:click=move |_| copy(link.get_untracked())>
                            {tr(lang, |t| t.copy_link)}
                        </button>
                        {system_share}
                    </div>
                    <p class="share-status" role="status">{move || status.get()}</p>
                </div>
                <figure class="qr-figure">
                    {qr}
                    <figcaption>{tr(lang, |t| t.qr_caption)}</figcaption>
                </figure>
                <div class="share-poster">
                    <PosterButton />
                </div>
                <div class="embed-code">
                    <label for="embed-code">{tr(lang, |t| t.embed_code)}</label>
                    <textarea id="embed-code" readonly rows="4" prop:value=move || code.get()></textarea>
                    <button type="button" class="copy-embed" on:click=move |_| copy(code.get_untracked())>
                        {tr(lang, |t| t.copy_embed)}
                    </button>
                </div>
            </div>
        </details>
    }
}

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::i18n::ui;
use crate::core::model::Highlight;
use crate::core::poster::{self, Rect};
use crate::core::query::ViewState;
use crate::core::share;
use crate::glue::browser;
use crate::glue::poster_paint as paint;
use crate::view::nav::Nav;

/// A made picture: its PNG, its text alternative, where its figure and QR code are.
#[derive(Clone, PartialEq)]
struct Made {
    png: String,
    alt: String,
    figure: Rect,
    qr: Rect,
}

fn boxed(r: Rect) -> String {
    format!("{} {} {} {}", r.x, r.y, r.w, r.h)
}

/// 「生成分享图」: draws a poster of one highlight (or, without one, of the key figures) with a QR
/// code of its link, and shows it in the page as a picture a phone user can long-press to save
/// or send, with a download link. Made on the reader's request only: no canvas until then.
#[component]
pub fn PosterButton(#[prop(optional)] highlight: Option<Highlight>) -> impl IntoView {
    // A card drawn outside a loaded page (a component test) has no report to make a poster of.
    let (Some(nav), Some(ds)) = (use_context::<Nav>(), use_context::<Arc<Dataset>>()) else {
        return None;
    };
    let made = RwSignal::new(None::<Result<Made, ()>>);
    let id = highlight.as_ref().map(|h| h.id.clone());
    let file = format!("{}.png", id.clone().unwrap_or_else(|| "key-figures".into()));
    let make = move |_| {
        let s = nav.state.get_untracked();
        let r = &ds.report;
        // The link of what the poster shows: the card itself, or the page.
        let view = ViewState {
            report: s.report.clone(),
            selected: highlight.as_ref().map(|h| h.id.clone()),
            lang: s.lang,
            ..ViewState::default()
        };
        let link = share::share_url(&browser::page_url(), &view);
        let p = match &highlight {
            Some(h) => {
                let theme = r.themes.iter().find(|t| t.id == h.theme);
                poster::highlight(r, h, theme, &link, s.lang)
            }
            None => poster::key_figures(r, &link, s.lang),
        };
        made.set(Some(
            paint::png(&p)
                .map(|png| Made {
                    png,
                    alt: p.alt.clone(),
                    figure: p.figure,
                    qr: p.qr,
                })
                .map_err(|_| ()),
        ));
    };
    let label = move || {
        let t = ui(nav.lang.get());
        if id.is_some() {
            t.make_poster
        } else {
            t.key_poster
        }
    };
    let shown = move || {
        let t = ui(nav.lang.get());
        made.get().map(|m| match m {
            Ok(m) => Either::Left(view! {
                <figure class="poster-figure">
                    <img src=m.png.clone() alt=m.alt width="375" height="667"
                        data-figure=boxed(m.figure) data-qr=boxed(m.qr) />
                    <figcaption>{t.poster_hint}</figcaption>
                    <a class="poster-download" href=m.png download=file.clone()>{t.poster_download}</a>
                </figure>
            }),
            Err(()) => Either::Right(view! { <p class="poster-failed" role="status">{t.poster_failed}</p> }),
        })
    };
    Some(view! {
        <div class="poster">
            <button type="button" class="make-poster" on:click=make>{label}</button>
            {shown}
        </div>
    })
}

//! The root component: the URL-held view state (given by the entry point, which read the link),
//! the report (given when already loaded, or loaded here when the reader switches reports), and
//! which of loading, error or page to show.

use std::sync::Arc;

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::i18n::ui;
use crate::core::query::{QueryProblem, ViewState};
use crate::glue::api::{self, FetchError};
use crate::glue::browser;
use crate::view::error_panel::ErrorPanel;
use crate::view::nav::{tr, Nav};
use crate::view::page::Page;

/// How the first render goes: whole (at build time, and when hydrating what the build rendered,
/// which must be drawn exactly alike), or in steps, so that no task is long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstRender {
    pub whole: bool,
}

/// A report as it arrives: loaded, or why not.
pub type Loaded = Result<Arc<Dataset>, FetchError>;

#[component]
pub fn App(
    /// The view the link asks for.
    state: ViewState,
    /// What of the link could not be used.
    problems: Vec<QueryProblem>,
    /// The report, when the entry point has it already; otherwise it is loaded here.
    #[prop(optional)]
    loaded: Option<Loaded>,
    /// Draw everything at once (see [`FirstRender`]).
    #[prop(optional)]
    whole: bool,
) -> impl IntoView {
    let nav = Nav::new(state, problems);
    let Nav {
        state,
        lang,
        care,
        scheme,
        ..
    } = nav;
    provide_context(nav);
    provide_context(FirstRender { whole });

    // Write the link back canonically (the reader's bad values are reported, not kept); a link
    // that is canonical already is left alone, which spares a history call at start-up.
    Effect::new(move |_| {
        let query = browser::current_query();
        let canonical = state.with_untracked(ViewState::write);
        if query.strip_prefix('?').unwrap_or(&query) != canonical {
            browser::set_query(&canonical, false);
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let (s, p) = ViewState::parse(&browser::current_query());
        nav.arrive(s, p);
    });

    // The page is live: drawn or hydrated, its controls answer (tests and styles may wait for it).
    Effect::new(move |_| browser::set_document_flag("data-live", Some("1")));
    Effect::new(move |_| browser::set_document_lang(lang.get()));
    let accent = Memo::new(move |_| state.with(|s| s.accent.clone()));
    Effect::new(move |_| browser::set_accent(accent.get().as_deref()));
    // Embedded in a portal's iframe: report the content height on every change, and the view,
    // so the portal can size the frame and keep a deep link (see public/embed.js).
    if state.with_untracked(|s| s.embed.is_some()) {
        Effect::new(move |_| request_animation_frame(browser::report_height_to_parent));
        Effect::new(move |_| state.with(|s| browser::post_view(&s.write())));
    }
    Effect::new(move |_| browser::set_document_flag("data-care", care.get().then_some("1")));
    Effect::new(move |_| browser::set_document_flag("data-scheme", scheme.get().map(|s| s.code())));

    // The report: the one given, until the link asks for another (a report link, Back) or the
    // reader retries after an error; then it is fetched. A newer request wins over an older one.
    let data = RwSignal::new(loaded);
    let retry = RwSignal::new(0u32);
    let wanted = Memo::new(move |_| state.with(|s| s.report.clone()));
    // How far a large report has loaded, in per cent; `None` until there is something to say.
    let progress = RwSignal::new(None::<u8>);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let id = wanted.get();
        retry.track();
        let have = data.with_untracked(|d| match d {
            Some(Ok(ds)) => {
                let first = ds.index.reports.first().map(|e| e.id.as_str());
                id.as_deref().or(first) == Some(ds.entry.id.as_str())
            }
            _ => false,
        });
        if have {
            return;
        }
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        data.set(None);
        progress.set(None);
        // A large report's first page, shown while the rest is read, if it is this view.
        let first_page = state
            .with_untracked(ViewState::shows_first_page)
            .then_some(move |ds| {
                if generation.get_value() == this {
                    data.set(Some(Ok(ds)));
                }
            });
        leptos::task::spawn_local(async move {
            let result = api::load(
                id,
                move |p| progress.set(Some((p * 100.0).round() as u8)),
                false,
                first_page,
            )
            .await;
            if generation.get_value() == this {
                data.set(Some(result));
            }
        });
    });

    let after_first_page = StoredValue::new(false);
    let progress_bar = move || {
        progress.get().map(|p| {
            view! {
                <progress max="100" value=p.to_string() aria-label=ui(lang.get()).loading>
                    {format!("{p}%")}
                </progress>
            }
        })
    };
    view! {
        <a class="skip-link" href="#main">{tr(lang, |t| t.skip_to_content)}</a>
        {move || match data.get() {
            None => EitherOf3::A(view! {
                <main id="main" class="loading" aria-busy="true">
                    <p class="spinner" role="status">{ui(lang.get()).loading}</p>
                    {progress_bar}
                </main>
            }),
            Some(Err(e)) => EitherOf3::B(view! {
                <main id="main">
                    <ErrorPanel error=e retry=move || retry.update(|n| *n += 1) />
                </main>
            }),
            Some(Ok(ds)) => {
                // The whole report in place of its first page: drawn in one go, so what the
                // reader sees is not taken away and drawn again in parts.
                let whole = after_first_page.get_value();
                after_first_page.set_value(ds.partial);
                let reading = ds.partial.then(|| view! { <ReadingRest progress=progress /> });
                EitherOf3::C(view! { <Page ds=ds whole=whole /> {reading} })
            }
        }}
    }
}

/// Beside a large report's first page, until the whole is read: how far, and what waits for it.
/// Fixed at the foot of the screen, so nothing on the page moves when it goes. Its words change
/// once, so a screen reader hears them once; the bar (its own, not the loading view's, which
/// costs 2.5 KB of wasm to share) is only to see.
#[component]
fn ReadingRest(progress: RwSignal<Option<u8>>) -> impl IntoView {
    let lang = expect_context::<Nav>().lang;
    view! {
        <div class="reading-rest" role="status">
            <p><strong>{tr(lang, |t| t.reading_rest)}</strong></p>
            <p class="note">{tr(lang, |t| t.first_page_note)}</p>
            {move || progress.get().map(|p| view! {
                <progress max="100" value=p.to_string() aria-hidden="true"></progress>
            })}
        </div>
    }
}

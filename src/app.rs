//! The root component: the URL-held view state, the dataset resource, and which of loading, error
//! or page to show.

use leptos::prelude::*;

use crate::api;
use crate::browser;
use crate::components::error_panel::ErrorPanel;
use crate::components::page::Page;
use crate::i18n::ui;
use crate::model::Lang;
use crate::query::{QueryProblem, Scheme, ViewState};

/// What the whole app shares: the view state (mirrored in the URL) and how to change it.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: ReadSignal<ViewState>,
    set_state: WriteSignal<ViewState>,
    pub problems: ReadSignal<Vec<QueryProblem>>,
    set_problems: WriteSignal<Vec<QueryProblem>>,
    /// The language alone, so that what depends only on it is not redrawn on every change.
    pub lang: Memo<Lang>,
    /// 关怀模式 on or off.
    pub care: Memo<bool>,
    pub scheme: Memo<Option<Scheme>>,
}

impl Nav {
    /// Move to a new view: written to the URL as a new history entry, so Back returns here.
    pub fn go(&self, next: ViewState) {
        if next != self.state.get_untracked() {
            browser::set_query(&next.write(), true);
            self.set_state.set(next);
        }
    }

    /// Replace the current view with a corrected one and say what was corrected.
    pub fn correct(&self, next: ViewState, problems: Vec<QueryProblem>) {
        self.set_problems.update(|p| p.extend(problems));
        self.replace(next);
    }

    /// Change the view without a history entry (typing in the search box).
    pub fn replace(&self, next: ViewState) {
        if next != self.state.get_untracked() {
            browser::set_query(&next.write(), false);
            self.set_state.set(next);
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let query = browser::current_query();
    let (initial, initial_problems) = ViewState::parse(&query);
    // Write the link back canonically (the reader's bad values are reported, not kept); a link
    // that is canonical already is left alone, which spares a history call at start-up.
    let canonical = initial.write();
    if query.strip_prefix('?').unwrap_or(&query) != canonical {
        browser::set_query(&canonical, false);
    }
    let (state, set_state) = signal(initial);
    let (problems, set_problems) = signal(initial_problems);
    let lang = Memo::new(move |_| state.with(|s| s.lang));
    let care = Memo::new(move |_| state.with(|s| s.care));
    let scheme = Memo::new(move |_| state.with(|s| s.scheme));
    let nav = Nav {
        state,
        set_state,
        problems,
        set_problems,
        lang,
        care,
        scheme,
    };
    provide_context(nav);

    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let (s, p) = ViewState::parse(&browser::current_query());
        set_state.set(s);
        set_problems.set(p);
    });

    Effect::new(move |_| browser::set_document_lang(lang.get()));
    let accent = Memo::new(move |_| state.with(|s| s.accent.clone()));
    Effect::new(move |_| browser::set_accent(accent.get().as_deref()));
    // Embedded in a portal's iframe: report the content height on every change, and the view,
    // so the portal can size the frame and keep a deep link (see public/embed.js).
    if state.with_untracked(|s| s.embed.is_some()) {
        request_animation_frame(browser::report_height_to_parent);
        Effect::new(move |_| state.with(|s| browser::post_view(&s.write())));
    }
    Effect::new(move |_| browser::set_document_flag("data-care", care.get().then_some("1")));
    Effect::new(move |_| browser::set_document_flag("data-scheme", scheme.get().map(|s| s.code())));

    let report_id = Memo::new(move |_| state.with(|s| s.report.clone()));
    // How far a large report has loaded, in per cent; `None` until there is something to say.
    let progress = RwSignal::new(None::<u8>);
    let data = LocalResource::new(move || {
        progress.set(None);
        api::load(report_id.get(), move |p| {
            progress.set(Some((p * 100.0).round() as u8))
        })
    });

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
        <a class="skip-link" href="#main">{move || ui(lang.get()).skip_to_content}</a>
        {move || {
            let loaded = data.get();
            // Here, not in an effect: the first paint must go in the same frame the page comes,
            // or both show for a frame and the layout jumps.
            if loaded.is_some() {
                browser::remove_first_paint();
            }
            match loaded {
            // The first paint (headline, key figures, its own status line) is still shown: add
            // only the progress of a large file. Without one, say that the data is loading.
            None if browser::has_first_paint() => view! {
                <div class="loading">{progress_bar}</div>
            }
            .into_any(),
            None => view! {
                <main id="main" class="loading" aria-busy="true">
                    <p class="spinner" role="status">{ui(lang.get()).loading}</p>
                    {progress_bar}
                </main>
            }
            .into_any(),
            Some(Err(e)) => view! {
                <main id="main">
                    <ErrorPanel error=e retry=move || data.refetch() />
                </main>
            }
            .into_any(),
            Some(Ok(ds)) => view! { <Page ds=ds /> }.into_any(),
            }
        }}
    }
}

//! What every component shares: the view state, mirrored in the URL, and how to change it. A
//! module of its own so that components and the app root both use it and neither imports the
//! other.

use leptos::prelude::*;

use crate::core::i18n::{ui, Ui};
use crate::core::model::Lang;
use crate::core::query::{QueryProblem, Scheme, ViewState};
use crate::glue::browser;

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
    /// The view a page starts with, and what of its link could not be used.
    pub fn new(state: ViewState, problems: Vec<QueryProblem>) -> Nav {
        let (state, set_state) = signal(state);
        let (problems, set_problems) = signal(problems);
        Nav {
            state,
            set_state,
            problems,
            set_problems,
            lang: Memo::new(move |_| state.with(|s| s.lang)),
            care: Memo::new(move |_| state.with(|s| s.care)),
            scheme: Memo::new(move |_| state.with(|s| s.scheme)),
        }
    }

    /// Take the view a link names (Back, Forward), with what of it could not be used.
    pub fn arrive(&self, state: ViewState, problems: Vec<QueryProblem>) {
        self.set_state.set(state);
        self.set_problems.set(problems);
    }

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

/// An interface string that follows the page's language: `tr(lang, |t| t.retry)`. Every such
/// string is this one closure type (the function pointer picks the string), so the view compiles
/// the drawing, updating and hydrating of it once, not once per string.
pub fn tr(
    lang: Memo<Lang>,
    pick: fn(&'static Ui) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || pick(ui(lang.get()))
}

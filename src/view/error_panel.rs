use leptos::prelude::*;

use crate::glue::api::FetchError;
use crate::view::nav::{tr, Nav};

/// A failed fetch or an unreadable file: what went wrong, in words, and a way to try again.
#[component]
pub fn ErrorPanel(error: FetchError, retry: impl Fn() + 'static) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = move || nav.lang.get();
    let message = {
        let error = error.clone();
        move || error.describe(lang())
    };
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{tr(nav.lang, |t| t.load_failed)}</h1>
            <p class="error-message">{message}</p>
            <button type="button" class="primary" on:click=move |_| retry()>
                {tr(nav.lang, |t| t.retry)}
            </button>
        </section>
    }
}

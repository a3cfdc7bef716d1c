use leptos::prelude::*;

use crate::core::i18n::ui;
use crate::core::model::{Highlight, Lang};
use crate::core::speech;
use crate::glue::speak::speak;

/// 朗读: reads a highlight's title, figures and summary aloud, or says why it cannot.
#[component]
pub fn ReadAloud(highlight: Highlight, lang: Lang) -> impl IntoView {
    let t = ui(lang);
    let (note, set_note) = signal(None::<&'static str>);
    let label = format!("{}：{}", t.read_aloud, highlight.title.get(lang));
    // The words are put together when the reader asks, not for every card as the page is drawn.
    let read = move |_| {
        let text = speech::text(&highlight, lang);
        set_note.set((!speak(&text, lang)).then_some(t.no_voice));
    };
    view! {
        <span class="read-aloud">
            <button type="button" class="speak" aria-label=label on:click=read>
                {t.read_aloud}
            </button>
            <span class="speak-note" role="status">{move || note.get()}</span>
        </span>
    }
}

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
    let text = speech::text(&highlight, lang);
    let label = format!("{}：{}", t.read_aloud, highlight.title.get(lang));
    view! {
        <span class="read-aloud">
            <button type="button" class="speak" aria-label=label
                on:click=move |_| set_note.set((!speak(&text, lang)).then_some(t.no_voice))>
                {t.read_aloud}
            </button>
            <span class="speak-note" role="status">{move || note.get()}</span>
        </span>
    }
}

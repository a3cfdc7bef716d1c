use leptos::prelude::*;

use crate::i18n::ui;
use crate::model::{Highlight, Lang};
use crate::speech;

/// Speak `text` with the browser's own speech synthesis in `lang`. `Err` says why not: no
/// speech synthesis at all, or no voice for the language.
fn speak(text: &str, lang: Lang) -> Result<(), ()> {
    let synth = window().speech_synthesis().map_err(|_| ())?;
    let prefix = if lang == Lang::Zh { "zh" } else { "en" };
    let voices = synth.get_voices();
    let voice = voices
        .iter()
        .filter_map(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::SpeechSynthesisVoice>(v).ok())
        .find(|v| v.lang().to_lowercase().starts_with(prefix));
    let Some(voice) = voice else { return Err(()) };
    let u = web_sys::SpeechSynthesisUtterance::new_with_text(text).map_err(|_| ())?;
    u.set_lang(lang.html_lang());
    u.set_voice(Some(&voice));
    synth.cancel();
    synth.speak(&u);
    Ok(())
}

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
                on:click=move |_| set_note.set(speak(&text, lang).err().map(|_| t.no_voice))>
                {t.read_aloud}
            </button>
            <span class="speak-note" role="status">{move || note.get()}</span>
        </span>
    }
}

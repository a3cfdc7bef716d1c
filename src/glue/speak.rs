//! 朗读 with the browser's own speech synthesis.

use leptos::prelude::window;

use crate::core::model::Lang;

/// Speak `text` with the browser's own speech synthesis in `lang`; `false` when it cannot: no
/// speech synthesis at all, or no voice for the language.
pub fn speak(text: &str, lang: Lang) -> bool {
    try_speak(text, lang).is_some()
}

fn try_speak(text: &str, lang: Lang) -> Option<()> {
    let synth = window().speech_synthesis().ok()?;
    let prefix = if lang == Lang::Zh { "zh" } else { "en" };
    let voices = synth.get_voices();
    let voice = voices
        .iter()
        .filter_map(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::SpeechSynthesisVoice>(v).ok())
        .find(|v| v.lang().to_lowercase().starts_with(prefix));
    let voice = voice?;
    let u = web_sys::SpeechSynthesisUtterance::new_with_text(text).ok()?;
    u.set_lang(lang.html_lang());
    u.set_voice(Some(&voice));
    synth.cancel();
    synth.speak(&u);
    Some(())
}

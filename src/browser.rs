//! Thin glue to the browser's location and history. The URL is the single source of truth: the
//! app reads its state from here and writes every change back as a history entry.

use crate::model::Lang;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current query string, with its `?`.
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Make `query` (canonical, without `?`) the page's URL; `push` adds a history entry so Back
/// returns to the previous view, otherwise the current entry is replaced.
pub fn set_query(query: &str, push: bool) {
    let Some(w) = window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = w.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Keep `<html lang>` (and so screen readers and fonts) in step with the page's language.
pub fn set_document_lang(lang: Lang) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.html_lang());
    }
}

/// Set or remove an attribute of `<html>`; the stylesheet keys 关怀模式 and the colour scheme on
/// these, so the whole page (and its first paint) follows.
pub fn set_document_flag(name: &str, value: Option<&str>) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// Whether the reader's system asks for dark colours.
pub fn system_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Whether the page is showing dark colours now: its own setting, else the system's.
pub fn is_dark() -> bool {
    let Some(w) = window() else { return false };
    let doc_scheme = w
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-scheme"));
    match doc_scheme.as_deref() {
        Some("dark") => true,
        Some(_) => false,
        None => w
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Shown when Rust panics: the reactive view may be gone, so this writes plain DOM, with text
/// set as text (never as HTML).
pub fn show_fatal(message: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_class_name("fatal");
    let _ = panel.set_attribute("role", "alert");
    let lines = [
        (
            "strong",
            "页面出现内部错误。The page hit an internal error.",
        ),
        ("p", message),
    ];
    for (tag, text) in lines {
        if let Ok(el) = doc.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", "");
        a.set_text_content(Some("重新载入页面 · Reload the page"));
        let _ = panel.append_child(&a);
    }
    let _ = body.prepend_with_node_1(&panel);
}

use leptos::prelude::*;

use crate::components::link::ViewLink;
use crate::components::read_aloud::ReadAloud;
use crate::format;
use crate::i18n::ui;
use crate::model::{Highlight, Lang, Theme};
use crate::query::ViewState;

/// One highlight: theme tag (symbol and words, never colour alone), title, figures, summary, and
/// the source sentence on demand.
#[component]
pub fn Card(
    highlight: Highlight,
    theme: Option<Theme>,
    lang: Lang,
    /// The view that opens this highlight's detail.
    open: ViewState,
) -> impl IntoView {
    let t = ui(lang);
    let h = highlight;
    let speak = h.clone();
    let title_id = format!("t-{}", h.id);
    let labelled_by = title_id.clone();
    let (icon, theme_label, theme_id) = match &theme {
        Some(th) => (
            th.icon.clone(),
            th.label.get(lang).to_string(),
            th.id.clone(),
        ),
        None => (String::new(), h.theme.clone(), h.theme.clone()),
    };
    let figures = h
        .metrics
        .iter()
        .map(|m| {
            let f = format::figure(m, lang);
            let class = if f.rank { "figure rank" } else { "figure" };
            let note = m.derived.as_ref().map(|d| d.explanation.get(lang).to_string());
            view! {
                <li class=class>
                    <span class="value">{f.text}</span>
                    " "
                    <span class="label">{m.label.get(lang).to_string()}</span>
                    {f.derived.then(|| view! { <span class="derived-mark" title=note.clone()>{t.derived}</span> })}
                    {note.map(|n| view! { <span class="derived-note">{n}</span> })}
                </li>
            }
        })
        .collect_view();
    let status = h
        .status
        .map(|s| view! { <p class="status">{t.status}": "{s.label().get(lang).to_string()}</p> });
    let quotes = h
        .quotes
        .iter()
        .map(|q| view! { <blockquote lang="zh-CN">{q.text.clone()}</blockquote> })
        .collect_view();
    view! {
        <article class="card" id=format!("h-{}", h.id) aria-labelledby=labelled_by data-theme=theme_id>
            <p class="tag"><span class="tag-icon" aria-hidden="true">{icon}</span>{theme_label}</p>
            <h3 id=title_id>
                <ViewLink to=open id=format!("open-{}", h.id)>{h.title.get(lang).to_string()}</ViewLink>
            </h3>
            {(!h.metrics.is_empty()).then(|| view! { <ul class="figures">{figures}</ul> })}
            {status}
            <p class="summary">{h.summary.get(lang).to_string()}</p>
            <ReadAloud highlight=speak lang=lang />
            <details class="source">
                <summary>{t.show_source}</summary>
                {quotes}
            </details>
        </article>
    }
}

use leptos::either::Either;
use leptos::prelude::*;

use crate::core::format;
use crate::core::i18n::ui;
use crate::core::model::{Highlight, Lang, Status, Theme};
use crate::core::query::ViewState;
use crate::view::figure::big_figure;
use crate::view::link::ViewLink;
use crate::view::poster::PosterButton;
use crate::view::read_aloud::ReadAloud;

/// How large a card is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Size {
    /// A chapter's leading figure: the number very large.
    Lead,
    #[default]
    Normal,
    /// The report's opening: symbol and title only, the rest one tap away in the detail.
    Compact,
}

/// One highlight, leading with its figure: the theme (symbol and words, never colour alone), the
/// figure large, the title, one sentence. The source sentence, 朗读 and the share picture are one
/// tap away in a fold, not repeated at full size on every card. A card without a figure is drawn
/// lighter, so the eye finds the numbers.
#[component]
pub fn Card(
    highlight: Highlight,
    theme: Option<Theme>,
    /// The theme's place in the report's taxonomy: its colour.
    #[prop(optional)]
    theme_index: usize,
    lang: Lang,
    /// The view that opens this highlight's detail.
    open: ViewState,
    #[prop(optional)] size: Size,
) -> impl IntoView {
    let t = ui(lang);
    let h = highlight;
    let title_id = format!("t-{}", h.id);
    let labelled_by = title_id.clone();
    let (icon, theme_label) = match &theme {
        Some(th) => (th.icon.clone(), th.label.get(lang).to_string()),
        None => (String::new(), h.theme.clone()),
    };
    let has_figure = !h.metrics.is_empty();
    let class = format!(
        "card theme-{} {} {}",
        theme_index % 10,
        if has_figure { "with-figure" } else { "light" },
        match size {
            Size::Lead => "lead",
            Size::Normal => "",
            Size::Compact => "compact",
        }
    );
    let title_text = h.title.get(lang).to_string();
    let quotes = h
        .quotes
        .iter()
        .map(|q| view! { <blockquote lang="zh-CN">{q.text.clone()}</blockquote> })
        .collect_view();
    if size == Size::Compact {
        // The title is the fold's summary: one tap shows the source sentence and the link to
        // the detail; folded, the card is no taller than its title.
        return Either::Left(view! {
            <article class=class id=format!("h-{}", h.id) aria-labelledby=labelled_by data-theme=h.theme.clone()>
                <details class="source compact-fold">
                    <summary id=format!("open-{}", h.id)>
                        <span class="tag-icon" aria-hidden="true">{icon}</span>
                        <span class="visually-hidden">{theme_label}</span>
                        <h3 id=title_id>{title_text}</h3>
                    </summary>
                    {quotes}
                    <ViewLink to=open class="compact-more">{t.details}" ›"</ViewLink>
                </details>
            </article>
        });
    }
    // The first figure large; any others beside it, smaller.
    let mut metrics = h.metrics.iter();
    let first = metrics.next().map(|m| {
        let f = format::figure(m, lang);
        let derived = f.derived;
        view! {
            <p class="figure main">
                {big_figure(f, lang)}
                <span class="label">{m.label.get(lang).to_string()}</span>
                {derived.then(|| view! { <span class="derived-mark">{t.derived}</span> })}
            </p>
        }
    });
    let others = metrics
        .map(|m| {
            let f = format::figure(m, lang);
            let note = m.derived.as_ref().map(|d| d.explanation.get(lang).to_string());
            let class = if f.rank { "figure rank" } else { "figure" };
            view! {
                <li class=class>
                    <span class="value-small">{f.text}</span>
                    " "
                    <span class="label">{m.label.get(lang).to_string()}</span>
                    {note.map(|n| view! { <span class="derived-mark">{t.derived}</span><span class="derived-note">{n}</span> })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let others = (!others.is_empty()).then(|| view! { <ul class="figures">{others}</ul> });
    let status = h.status.map(|s| status_steps(s, lang));
    let h_for_actions = h.clone();
    // 朗读 and the share picture are made the first time the fold opens: a page of cards (and
    // its hydration) does not build them for every card up front.
    let opened = RwSignal::new(false);
    let actions = move || {
        opened.get().then(|| {
            let speak = h_for_actions.clone();
            let poster = h_for_actions.clone();
            view! {
                <div class="card-actions">
                    <ReadAloud highlight=speak lang=lang />
                    <PosterButton highlight=poster />
                </div>
            }
        })
    };
    Either::Right(view! {
        <article class=class id=format!("h-{}", h.id) aria-labelledby=labelled_by data-theme=h.theme.clone()>
            <p class="tag"><span class="tag-icon" aria-hidden="true">{icon}</span>{theme_label}</p>
            {first}
            <h3 id=title_id>
                <ViewLink to=open id=format!("open-{}", h.id)>{title_text}</ViewLink>
            </h3>
            {others}
            {status}
            <p class="summary">{h.summary.get(lang).to_string()}</p>
            <details class="source" on:toggle=move |_| opened.set(true)>
                <summary>{t.card_more}</summary>
                {quotes}
                {actions}
            </details>
        </article>
    })
}

/// Where a project stands on its steps (完成设计 → 已开工 → 已完工), in words; the steps behind it
/// ticked.
pub fn status_steps(status: Status, lang: Lang) -> impl IntoView {
    let steps = [
        Status::DesignFinished,
        Status::UnderConstruction,
        Status::Completed,
    ];
    let reached = steps.iter().position(|s| *s == status).unwrap_or(0);
    let items = steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let class = if i <= reached { "step done" } else { "step" };
            let current = (i == reached).then_some("step");
            view! { <li class=class aria-current=current>{s.label().get(lang).to_string()}</li> }
        })
        .collect_view();
    view! {
        <ol class="status-steps" aria-label=ui(lang).status>{items}</ol>
    }
}

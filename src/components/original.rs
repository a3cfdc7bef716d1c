use std::sync::Arc;

use leptos::prelude::*;

use crate::app::Nav;
use crate::components::link::ViewLink;
use crate::dataset::Dataset;
use crate::model::{BlockKind, Lang};
use crate::original;
use crate::query::ViewState;

/// 「原文」: the whole reflowed report, every quoted stretch marked and linked to its highlight.
#[component]
pub fn Original(ds: Arc<Dataset>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let s = nav.state.get_untracked();
    let lang = s.lang;
    let r = &ds.report;
    let cov = original::coverage(r);
    let summary = match lang {
        Lang::Zh => format!(
            "本页 {} 项要点引自原文 {} 个段落中的 {} 个，覆盖约 {}% 的正文文字。标记的文字可点开对应要点。",
            r.highlights.len(),
            cov.paragraphs,
            cov.paragraphs_quoted,
            cov.percent()
        ),
        Lang::En => format!(
            "The {} highlights quote {} of the report's {} paragraphs, about {}% of its text. Marked text opens its highlight.",
            r.highlights.len(),
            cov.paragraphs_quoted,
            cov.paragraphs,
            cov.percent()
        ),
    };
    // The highlight opens over 原文 (view stays `text`), so closing it returns to the reading.
    let open = |hi: usize| ViewState {
        selected: Some(r.highlights[hi].id.clone()),
        ..s.clone()
    };
    let blocks = r
        .source
        .blocks
        .iter()
        .enumerate()
        .map(|(bi, b)| match b.kind {
            BlockKind::Kicker => view! { <p class="o-kicker">{b.text.clone()}</p> }.into_any(),
            BlockKind::Headline => {
                view! { <h2 class="o-headline">{b.text.clone()}</h2> }.into_any()
            }
            BlockKind::Byline => view! { <p class="o-byline">{b.text.clone()}</p> }.into_any(),
            BlockKind::Heading => view! { <h3 class="o-heading">{b.text.clone()}</h3> }.into_any(),
            BlockKind::Paragraph => {
                let runs = original::runs(r, bi)
                    .into_iter()
                    .map(|run| match run.highlights.first() {
                        Some(&hi) => {
                            let title = r.highlights[hi].title.get(lang).to_string();
                            view! {
                                <ViewLink to=open(hi) class="quote">
                                    <mark title=title>{run.text}</mark>
                                </ViewLink>
                            }
                            .into_any()
                        }
                        None => view! { <span>{run.text}</span> }.into_any(),
                    })
                    .collect_view();
                view! { <p class="o-paragraph">{runs}</p> }.into_any()
            }
        })
        .collect_view();
    view! {
        <section class="original" aria-labelledby="original-title">
            <h2 id="original-title" class="visually-hidden">{crate::i18n::ui(lang).view_text}</h2>
            <p class="coverage" role="note">{summary}</p>
            <div class="original-text" lang="zh-CN">{blocks}</div>
        </section>
    }
}

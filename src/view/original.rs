use std::sync::Arc;

use leptos::either::{Either, EitherOf5};
use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::model::{BlockKind, Lang};
use crate::core::original;
use crate::core::query::ViewState;
use crate::view::link::ViewLink;
use crate::view::nav::Nav;

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
            BlockKind::Kicker => EitherOf5::A(view! { <p class="o-kicker">{b.text.clone()}</p> }),
            BlockKind::Headline => {
                EitherOf5::B(view! { <h2 class="o-headline">{b.text.clone()}</h2> })
            }
            BlockKind::Byline => EitherOf5::C(view! { <p class="o-byline">{b.text.clone()}</p> }),
            BlockKind::Heading => {
                EitherOf5::D(view! { <h3 class="o-heading">{b.text.clone()}</h3> })
            }
            BlockKind::Paragraph => {
                let runs = original::runs(r, bi)
                    .into_iter()
                    .map(|run| match run.highlights.first() {
                        Some(&hi) => {
                            let title = r.highlights[hi].title.get(lang).to_string();
                            Either::Left(view! {
                                <ViewLink to=open(hi) class="quote">
                                    <mark title=title>{run.text}</mark>
                                </ViewLink>
                            })
                        }
                        None => Either::Right(view! { <span>{run.text}</span> }),
                    })
                    .collect_view();
                EitherOf5::E(view! { <p class="o-paragraph">{runs}</p> })
            }
        })
        .collect_view();
    view! {
        <section class="original" aria-labelledby="original-title">
            <h2 id="original-title" class="visually-hidden">{crate::core::i18n::ui(lang).view_text}</h2>
            <p class="coverage" role="note">{summary}</p>
            <div class="original-text" lang="zh-CN">{blocks}</div>
        </section>
    }
}

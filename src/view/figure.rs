use leptos::either::Either;
use leptos::prelude::*;

use crate::core::format::{self, Figure};
use crate::core::i18n::ui;
use crate::core::model::{Change, Lang};

/// A figure as a 图解 prints it: the number large, what stands before and after it (「超」,
/// 「余场」) small beside it; a rank as a badge; a change signed with ▲ or ▼ and the word, never
/// told by colour alone.
pub fn big_figure(f: Figure, lang: Lang) -> impl IntoView {
    if f.rank {
        return Either::Left(view! { <span class="value rank-badge">{f.text}</span> });
    }
    let p = format::parts(&f.text);
    let sign = f.change.map(|c| {
        let (mark, word, class) = match c {
            Change::Up => ("▲", ui(lang).up, "change up"),
            Change::Down => ("▼", ui(lang).down, "change down"),
        };
        view! { <span class=class><span aria-hidden="true">{mark}</span>{word}" "</span> }
    });
    Either::Right(view! {
        <span class="value">
            {sign}
            {(!p.before.is_empty()).then(|| view! { <span class="unit">{p.before}</span> })}
            <span class="num">{p.number}</span>
            {(!p.after.is_empty()).then(|| view! { <span class="unit">{p.after}</span> })}
        </span>
    })
}

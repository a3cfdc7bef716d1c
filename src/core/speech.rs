//! 朗读: the words a highlight is read aloud with — its title, each figure with its label, and its
//! summary — in the page's language. Figures are spoken as the card writes them, with "+" and
//! "≈" put into words so a listener hears what a reader sees.

use crate::core::format;
use crate::core::model::{Highlight, Lang};

pub fn text(h: &Highlight, lang: Lang) -> String {
    let mut parts = vec![h.title.get(lang).to_string()];
    for m in &h.metrics {
        let f = format::figure(m, lang);
        let value = spoken(&f.text, lang);
        parts.push(match lang {
            Lang::Zh => format!("{}：{}", m.label.zh, value),
            Lang::En => format!("{}: {}", m.label.en, value),
        });
    }
    parts.push(h.summary.get(lang).to_string());
    let sep = if lang == Lang::Zh { "。" } else { ". " };
    parts
        .iter()
        .map(|p| p.trim_end_matches(['。', '.']))
        .collect::<Vec<_>>()
        .join(sep)
        + if lang == Lang::Zh { "。" } else { "." }
}

/// Chinese figures are already words (「3000余场」); a rounded computed value 「≈12.11亿元」 is read
/// 「约12.11亿元」. In English "3,000+" is read "more than 3,000".
fn spoken(figure: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => figure.replace('+', "多").replace('≈', "约"),
        Lang::En => {
            let approx = figure.starts_with('≈');
            let s = figure.trim_start_matches('≈');
            let s = match s.split_once('+') {
                Some((n, rest)) => format!("more than {n}{rest}"),
                None => s.to_string(),
            };
            if approx {
                format!("about {s}")
            } else {
                s
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_and_computed_are_spoken_as_words() {
        assert_eq!(spoken("3000余场", Lang::Zh), "3000余场");
        assert_eq!(spoken("≈12.11亿元", Lang::Zh), "约12.11亿元");
        assert_eq!(spoken("3,000+", Lang::En), "more than 3,000");
        assert_eq!(spoken("66,000+ yuan", Lang::En), "more than 66,000 yuan");
        assert_eq!(
            spoken("≈1.211 billion yuan", Lang::En),
            "about 1.211 billion yuan"
        );
    }
}

//! A first draft of a report file from a report's plain text (`datatool draft`), for an author
//! to finish: any town's report can become a page without writing the file by hand.
//!
//! The text is taken as copied from a PDF or a newspaper page: lines broken where the columns
//! broke, full-width punctuation, headings wherever the extraction put them. The draft holds:
//! - the blocks, re-joined from the raw lines with `reflow` (so `datatool check` finds them equal
//!   to the source), paragraphs told from headings, kicker, headline and by-line by how their
//!   lines look ([`blocks`]);
//! - every figure the text prints, with its unit, scale and qualifier ([`numbers`]), in one
//!   highlight per sentence that holds figures or a named achievement ([`highlights`]), each
//!   metric labelled with the words around its number ([`labels`]);
//! - the numbers that are not figures (years, dates, titles, names) in `source.non_figures`.
//!
//! What an author must decide is marked `todo` (see `validate::fidelity::TODO`): one placeholder
//! theme and chapter `todo`, and English texts that start with "todo: …" (naming the words a
//! qualifier of the report needs, e.g. “cumulative” for 累计). `datatool check` reports each as a
//! warning; a draft has no errors. What the data cannot state (a unit the table lacks, 逾, a
//! range) is not drafted but listed in [`Draft::misses`].
//!
//! `source.raw_href` is the source file's name: the draft is meant to be written next to it,
//! where `datatool check` and `fill` look for it.

mod blocks;
mod highlights;
mod labels;
mod numbers;

use crate::core::load::{self, LoadError};
use crate::core::model::{BlockKind, Meta, Report, Source, Text, Theme};
use crate::core::validate::fidelity::TODO;

/// A draft report and what it leaves out.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub report: Report,
    /// Numbers of the text that may be figures but are not in the draft, with why.
    pub misses: Vec<Miss>,
}

/// A number of the text not drafted as a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    /// The raw line it stands on (1-based).
    pub line: u32,
    /// The number as written and what follows it.
    pub text: String,
    pub why: String,
}

/// A Text an author must finish: the Chinese the draft found (or a placeholder), and "todo: …"
/// saying what the English needs.
pub(crate) fn todo_text(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.to_owned(),
        en: format!("{TODO}: {en}"),
    }
}

/// Draft a report from the bytes of a text file, read as the app reads a data file: UTF-8, a
/// byte-order mark dropped; another encoding is refused, saying which.
pub fn draft_bytes(bytes: Vec<u8>, raw_href: &str) -> Result<Draft, LoadError> {
    Ok(draft(&load::utf8(bytes)?, raw_href))
}

/// Draft a report from its plain text. `raw_href` is the text file's name, relative to where the
/// draft is written.
pub fn draft(raw: &str, raw_href: &str) -> Draft {
    // `datatool check` reads the source without its byte-order mark; so does the draft.
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let seg = blocks::segment(raw);
    let town = town(&seg.blocks);
    let found = highlights::draft(raw, &seg.blocks, town.as_deref().unwrap_or(""));
    let meta = meta(&seg.blocks, town, found.years.first().copied());
    let report = Report {
        schema_version: crate::SCHEMA_VERSION,
        id: report_id(raw_href),
        meta,
        chapters: seg.chapters,
        themes: vec![Theme {
            id: TODO.into(),
            label: todo_text("待定主题", "choose a theme for each highlight"),
            icon: "？".into(),
            description: todo_text(
                "草稿的占位主题：为每条亮点选定本报告的主题后删去",
                "define the report's themes, then remove this placeholder",
            ),
            aliases: Vec::new(),
        }],
        key_figures: Vec::new(),
        charts: Vec::new(),
        highlights: found.highlights,
        source: Source {
            raw_href: raw_href.to_owned(),
            blocks: seg.blocks,
            non_figures: found.non_figures,
            unhighlighted: Vec::new(),
        },
    };
    Draft {
        report,
        misses: found.misses,
    }
}

/// The report's id: the source file's name up to its first dot, as a slug.
fn report_id(raw_href: &str) -> String {
    let name = raw_href.rsplit(['/', '\\']).next().unwrap_or(raw_href);
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    let slug: Vec<&str> = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect();
    let slug: String = slug.join("-").chars().take(64).collect();
    match slug.trim_end_matches('-') {
        "" => "draft".into(),
        s => s.into(),
    }
}

/// The town the report is about: the name of a 镇, 乡 or 街道 it names most (「西溪镇」, not 该镇).
fn town(blocks: &[crate::core::model::Block]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for b in blocks {
        let chars: Vec<char> = b.text.chars().collect();
        for i in 2..chars.len() {
            let suffix = match chars[i] {
                '镇' | '乡' => 1,
                '街' if chars.get(i + 1) == Some(&'道') => 2,
                _ => continue,
            };
            let name = &chars[i - 2..i];
            let han = |c: &char| ('\u{4e00}'..='\u{9fff}').contains(c);
            if !name.iter().all(han) || name.iter().any(|c| "该全本每各城乡村市小集和".contains(*c))
            {
                continue;
            }
            let name: String = chars[i - 2..i + suffix].iter().collect();
            match counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, n)) => *n += 1,
                None => counts.push((name, 1)),
            }
        }
    }
    // The most named; of equals, the first named.
    let most = counts.iter().map(|c| c.1).max()?;
    counts.into_iter().find(|c| c.1 == most).map(|c| c.0)
}

fn meta(blocks: &[crate::core::model::Block], town: Option<String>, year: Option<u16>) -> Meta {
    let titled = |kind, what: &str| match blocks::text_of(blocks, kind) {
        Some(t) => todo_text(t, &format!("translate 「{t}」")),
        None => todo_text("", what),
    };
    let byline = blocks::text_of(blocks, BlockKind::Byline).unwrap_or("");
    Meta {
        town: match &town {
            Some(t) => todo_text(
                t,
                &format!("the town's name in English (pinyin), for 「{t}」"),
            ),
            None => todo_text("待定", "the town the report is about"),
        },
        city: todo_text("待定", "the city the town belongs to"),
        province: todo_text("待定", "the province"),
        year: year.unwrap_or(0),
        kicker: titled(
            BlockKind::Kicker,
            "the kicker (引题) printed above the headline, if any",
        ),
        headline: titled(BlockKind::Headline, "the headline"),
        byline: byline.to_owned(),
        author: todo_text(
            if byline.is_empty() { "待定" } else { byline },
            "the author, for readers (name in pinyin with the Chinese)",
        ),
        context_note: todo_text(
            "待定：说明正文没有写明的信息（如所属的市、省）从何而来。",
            "say where the facts the text does not print come from (the city and province)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_file_names() {
        assert_eq!(report_id("xixi-2023.source.txt"), "xixi-2023");
        assert_eq!(report_id("dir/Fixture Town_2024.txt"), "fixture-town-2024");
        assert_eq!(report_id("西溪.txt"), "draft");
        assert_eq!(report_id(""), "draft");
    }

    #[test]
    fn the_town_is_the_one_named_most() {
        let d = draft("该镇和西溪镇，西溪镇全镇。桐塘镇。", "x.txt");
        assert_eq!(d.report.meta.town.zh, "西溪镇");
    }
}

//! Checks of faithfulness to the report that `datatool check` and the tests run on a whole file
//! (the app does not run them: they judge wording, not whether a record can be shown):
//! - the report's qualifiers (累计, 培育, 排摸, 截至目前, 基本完成 …) stay in both languages;
//! - a title or summary states no number its quotes do not;
//! - every stretch of the report is quoted by a highlight or listed, with a reason, in
//!   `source.unhighlighted`;
//! - and, as warnings, every decision a draft (`datatool draft`) left to an author: see [`TODO`].

use crate::core::model::{BlockKind, Highlight, Report, Text};
use crate::core::validate::{record_name, Problem, ProblemKind};

/// How a draft marks a decision left to an author: the theme or chapter id `todo` (the draft
/// defines one placeholder theme and chapter with that id, so the file loads), and any English
/// text that starts with "todo" (the translation still to be written; the Chinese beside it is
/// the draft's). Each is a warning of `datatool check`, never an error, so a draft can be loaded
/// and looked at in the app while it is finished.
pub const TODO: &str = "todo";

/// Whether an English text is a draft's placeholder ("todo: …").
pub fn is_todo(en: &str) -> bool {
    en.trim_start()
        .get(..TODO.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(TODO))
}

/// How much a finding matters: an error fails `datatool check`, a warning is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub problem: Problem,
}

/// A qualifier of the report, the words that keep it in each language, and where they must be.
struct Kept {
    /// As the source writes it.
    source: &'static str,
    /// What the Chinese must say.
    zh: &'static str,
    /// One of these (lower case) the English must say.
    en: &'static [&'static str],
}

/// Qualifiers of a count: the label of the figure they qualify keeps them.
const LABEL_WORDS: &[Kept] = &[
    Kept {
        source: "累计",
        zh: "累计",
        en: &["cumulative", "in total", "to date", "so far"],
    },
    Kept {
        source: "培育",
        zh: "培育",
        en: &["cultivat"],
    },
    Kept {
        source: "排摸",
        zh: "排摸",
        en: &["identif"],
    },
];

/// Qualifiers of a statement: the summary of a highlight that quotes them keeps them.
const SUMMARY_WORDS: &[Kept] = &[
    Kept {
        source: "截至目前",
        zh: "截至目前",
        en: &["so far", "to date"],
    },
    Kept {
        source: "基本完成",
        zh: "基本完成",
        en: &["largely", "mostly"],
    },
    Kept {
        source: "逐渐铺开",
        zh: "逐渐",
        en: &["gradually"],
    },
    Kept {
        source: "全部完成整改",
        zh: "全部完成整改",
        en: &["rectified"],
    },
    Kept {
        source: "创建点",
        zh: "创建点",
        en: &["candidate"],
    },
];

/// Every finding of the checks, errors first.
pub fn lint(r: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, h) in r.highlights.iter().enumerate() {
        qualifiers_kept(i, h, &mut out);
        numbers_quoted(i, h, &mut out);
    }
    coverage(r, &mut out);
    todos(r, &mut out);
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// The report's qualifiers of a count that stand in `clause` (the clause of a printed value), as
/// (what the Chinese label must say, an English word that keeps it).
pub fn label_words(clause: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    LABEL_WORDS
        .iter()
        .filter(move |k| clause.contains(k.source))
        .map(|k| (k.zh, k.en[0]))
}

/// The report's qualifiers of a statement that `quote` holds, as (what the Chinese summary must
/// say, an English word that keeps it).
pub fn summary_words(quote: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    SUMMARY_WORDS
        .iter()
        .filter(move |k| quote.contains(k.source))
        .map(|k| (k.zh, k.en[0]))
}

fn push(
    out: &mut Vec<Finding>,
    (severity, kind): (Severity, ProblemKind),
    record: String,
    field: String,
    message: String,
) {
    out.push(Finding {
        severity,
        problem: Problem {
            record,
            field,
            message,
            kind,
        },
    });
}

const QUALIFIER: (Severity, ProblemKind) = (Severity::Error, ProblemKind::QualifierDropped);

fn says(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// The clause of `text` around byte `at`: between the commas, semicolons or stops on each side.
pub(crate) fn clause_at(text: &str, at: usize) -> &str {
    let stops = ['，', '。', '；', '：', '！', '？'];
    let start = text[..at].rfind(stops).map_or(0, |i| i + '，'.len_utf8());
    let end = text[at..].find(stops).map_or(text.len(), |i| at + i);
    &text[start..end]
}

fn qualifiers_kept(i: usize, h: &Highlight, out: &mut Vec<Finding>) {
    let rec = || record_name(i, Some(&h.id));
    for (mi, m) in h.metrics.iter().enumerate() {
        let Some(p) = &m.printed else { continue };
        let clauses: Vec<&str> = h
            .quotes
            .iter()
            .filter_map(|q| q.text.find(p.as_str()).map(|at| clause_at(&q.text, at)))
            .collect();
        for k in LABEL_WORDS {
            if !clauses.iter().any(|c| c.contains(k.source)) {
                continue;
            }
            if !m.label.zh.contains(k.zh) {
                push(
                    out,
                    QUALIFIER,
                    rec(),
                    format!("metrics[{mi}].label.zh"),
                    format!(
                        "the report says 「{}」 of `{p}`; the label 「{}」 must keep it",
                        k.source, m.label.zh
                    ),
                );
            }
            if !says(&m.label.en, k.en) {
                push(out, QUALIFIER, rec(), format!("metrics[{mi}].label.en"),
                    format!("the report says 「{}」 of `{p}`; the label \"{}\" must say so (e.g. \"{}\")", k.source, m.label.en, k.en[0]));
            }
        }
    }
    for k in SUMMARY_WORDS {
        if !h.quotes.iter().any(|q| q.text.contains(k.source)) {
            continue;
        }
        if !h.summary.zh.contains(k.zh) {
            push(
                out,
                QUALIFIER,
                rec(),
                "summary.zh".into(),
                format!(
                    "a quote says 「{}」; the summary must keep 「{}」",
                    k.source, k.zh
                ),
            );
        }
        if !says(&h.summary.en, k.en) {
            push(
                out,
                QUALIFIER,
                rec(),
                "summary.en".into(),
                format!(
                    "a quote says 「{}」; the summary must say so (e.g. \"{}\")",
                    k.source, k.en[0]
                ),
            );
        }
    }
}

/// Runs of ASCII digits (with a decimal point inside) in a text.
pub(crate) fn numbers(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_ascii_digit() || (c == '.' && start.is_some());
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(text[s..i].trim_end_matches('.'));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(text[s..].trim_end_matches('.'));
    }
    out
}

fn numbers_quoted(i: usize, h: &Highlight, out: &mut Vec<Finding>) {
    for (field, text) in [("title.zh", &h.title.zh), ("summary.zh", &h.summary.zh)] {
        for n in numbers(text) {
            if !h.quotes.iter().any(|q| numbers(&q.text).contains(&n)) {
                push(
                    out,
                    (Severity::Error, ProblemKind::NumberNotQuoted),
                    record_name(i, Some(&h.id)),
                    field.into(),
                    format!("states `{n}`, which none of its quotes does"),
                );
            }
        }
    }
}

/// Characters that carry no claim: punctuation, quotation marks, spaces.
pub(crate) fn is_mark(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || "，。；：！？、“”‘’《》〈〉（）⋯…—·「」『』<>".contains(c)
}

fn coverage(r: &Report, out: &mut Vec<Finding>) {
    let blocks = &r.source.blocks;
    let mut covered: Vec<Vec<bool>> = blocks
        .iter()
        .map(|b| vec![false; b.text.chars().count()])
        .collect();
    for h in &r.highlights {
        for q in &h.quotes {
            if let Some(c) = covered.get_mut(q.block) {
                let end = (q.offset + q.text.chars().count()).min(c.len());
                c[q.offset.min(end)..end].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    for (ui, u) in r.source.unhighlighted.iter().enumerate() {
        let rec = format!("source.unhighlighted[{ui}]");
        let mut found = false;
        for (bi, b) in blocks.iter().enumerate() {
            if let Some(byte) = b.text.find(&u.text) {
                found = true;
                let at = b.text[..byte].chars().count();
                let len = u.text.chars().count();
                covered[bi][at..at + len].iter_mut().for_each(|x| *x = true);
            }
        }
        if u.text.trim().is_empty() || !found {
            push(
                out,
                (Severity::Error, ProblemKind::UnhighlightedNotFound),
                rec.clone(),
                "text".into(),
                format!(
                    "「{}」 is not in the report (it must be copied verbatim from one paragraph)",
                    u.text
                ),
            );
        }
        for id in &u.see {
            if !r.highlights.iter().any(|h| &h.id == id) {
                push(
                    out,
                    (Severity::Error, ProblemKind::UnknownHighlight),
                    rec.clone(),
                    "see".into(),
                    format!("unknown highlight `{id}`"),
                );
            }
        }
        if u.reason.zh.trim().is_empty() || u.reason.en.trim().is_empty() {
            push(
                out,
                (Severity::Error, ProblemKind::NoReason),
                rec.clone(),
                "reason".into(),
                "says why in both languages".into(),
            );
        }
    }
    for (bi, b) in blocks.iter().enumerate() {
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let chars: Vec<char> = b.text.chars().collect();
        let mut run = String::new();
        let mut flush = |run: &mut String| {
            if run.chars().filter(|c| !is_mark(*c)).count() >= 2 {
                push(out, (Severity::Warning, ProblemKind::Uncovered), format!("source.blocks[{bi}]"), "text".into(),
                    format!("「{}」 is neither quoted by a highlight nor listed in source.unhighlighted with a reason", run.trim_matches(is_mark)));
            }
            run.clear();
        };
        for (ci, &c) in chars.iter().enumerate() {
            if covered[bi][ci] {
                flush(&mut run);
            } else {
                run.push(c);
            }
        }
        flush(&mut run);
    }
}

/// A warning for every decision a draft left to an author (see [`TODO`]).
fn todos(r: &Report, out: &mut Vec<Finding>) {
    const WARN: (Severity, ProblemKind) = (Severity::Warning, ProblemKind::Todo);
    let mut text = |record: &str, field: &str, t: &Text| {
        if is_todo(&t.en) {
            push(
                out,
                WARN,
                record.to_owned(),
                format!("{field}.en"),
                format!("still to be written in English: {}", t.en.trim()),
            );
        }
    };
    let m = &r.meta;
    for (field, t) in [
        ("meta.town", &m.town),
        ("meta.city", &m.city),
        ("meta.province", &m.province),
        ("meta.kicker", &m.kicker),
        ("meta.headline", &m.headline),
        ("meta.author", &m.author),
        ("meta.context_note", &m.context_note),
    ] {
        text("report", field, t);
    }
    for (i, c) in r.chapters.iter().enumerate() {
        text(&format!("chapters[{i}]"), "title", &c.title);
    }
    for (i, t) in r.themes.iter().enumerate() {
        text(&format!("themes[{i}]"), "label", &t.label);
        text(&format!("themes[{i}]"), "description", &t.description);
    }
    for (i, c) in r.charts.iter().enumerate() {
        let rec = format!("charts[{i}] ({})", c.id);
        text(&rec, "title", &c.title);
        if let Some(note) = &c.note {
            text(&rec, "note", note);
        }
    }
    for (i, h) in r.highlights.iter().enumerate() {
        let rec = record_name(i, Some(&h.id));
        text(&rec, "title", &h.title);
        text(&rec, "summary", &h.summary);
        for (mi, m) in h.metrics.iter().enumerate() {
            text(&rec, &format!("metrics[{mi}].label"), &m.label);
            if let Some(scope) = &m.scope {
                text(&rec, &format!("metrics[{mi}].scope"), scope);
            }
            if let Some(d) = &m.derived {
                text(
                    &rec,
                    &format!("metrics[{mi}].derived.explanation"),
                    &d.explanation,
                );
            }
        }
    }
    for (i, n) in r.source.non_figures.iter().enumerate() {
        text(&format!("source.non_figures[{i}]"), "reason", &n.reason);
    }
    for (i, u) in r.source.unhighlighted.iter().enumerate() {
        text(&format!("source.unhighlighted[{i}]"), "reason", &u.reason);
    }
    for (i, h) in r.highlights.iter().enumerate() {
        for (field, id, what) in [
            ("theme", &h.theme, "a theme"),
            ("chapter", &h.chapter, "a chapter"),
        ] {
            if id == TODO {
                push(
                    out,
                    WARN,
                    record_name(i, Some(&h.id)),
                    field.into(),
                    format!("is `{TODO}`: choose {what} of the report"),
                );
            }
        }
    }
    for (i, b) in r.source.blocks.iter().enumerate() {
        if b.chapter.as_deref() == Some(TODO) {
            push(
                out,
                WARN,
                format!("source.blocks[{i}]"),
                "chapter".into(),
                format!("is `{TODO}`: say which chapter this paragraph belongs to"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_whole() {
        assert_eq!(
            numbers("2023年，规上工业总产值12.34亿元。"),
            vec!["2023", "12.34"]
        );
        assert_eq!(numbers("共1200个."), vec!["1200"]);
    }

    #[test]
    fn todo_markers() {
        assert!(is_todo("todo: translate 「新增床位」"));
        assert!(is_todo("  TODO"));
        assert!(!is_todo("Today's figures"));
        assert!(!is_todo("to do"));
        assert!(!is_todo(""));
    }

    #[test]
    fn a_clause_ends_at_its_commas() {
        let t = "该镇累计排查涉违建钢棚企业76家，涉及面积3.5万多平方米，已全部完成整改";
        assert_eq!(
            clause_at(t, t.find("76家").unwrap()),
            "该镇累计排查涉违建钢棚企业76家"
        );
        assert_eq!(
            clause_at(t, t.find("3.5").unwrap()),
            "涉及面积3.5万多平方米"
        );
    }
}

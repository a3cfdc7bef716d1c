//! One draft highlight per sentence that holds figures or a named achievement (a 《title》, a
//! “name”, a 省级/国家级/市级 recognition, a rank). A long sentence, or one that prints the same
//! figure twice, is split at its commas into several, so that every quote is short and every
//! printed value is found first where its own figure stands (validation and the fidelity checks
//! read a printed value where it first occurs in its quote).

use std::collections::HashSet;
use std::ops::Range;

use super::labels;
use super::numbers::{enclosures, scan, Figure, Found, NotFigure};
use super::{todo_text, Miss};
use crate::core::model::{
    units, Block, BlockKind, Change, Highlight, Kind, Metric, NonFigure, Quote, Status, Text,
};
use crate::core::reflow;
use crate::core::validate::{self, fidelity};

/// A quote longer than this is cut at a comma: a card quotes a sentence, not a page.
const LONGEST_QUOTE: usize = 200;

/// What the paragraphs gave.
#[derive(Default)]
pub(super) struct Drafted {
    pub highlights: Vec<Highlight>,
    pub non_figures: Vec<NonFigure>,
    pub misses: Vec<Miss>,
    /// The years the text names (2023年), most named first.
    pub years: Vec<u16>,
}

const SENTENCE_ENDS: &str = "。！？；!?;";
const CLOSERS: &str = "”’」』）)》";
const COMMAS: &str = "，、：；,:;";

fn text(chars: &[char]) -> String {
    chars.iter().collect()
}

/// Sentences of a paragraph as char ranges, each with its closing quotation marks.
fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut s, mut i) = (0, 0);
    while i < chars.len() {
        if SENTENCE_ENDS.contains(chars[i]) {
            let mut e = i + 1;
            while e < chars.len() && CLOSERS.contains(chars[e]) {
                e += 1;
            }
            out.push((s, e));
            s = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if s < chars.len() {
        out.push((s, chars.len()));
    }
    out
}

/// Where a sentence names an achievement: a title, a name, a recognition of a level of
/// government, a project that stands somewhere.
fn achievement(
    chars: &[char],
    encl: &[Option<NotFigure>],
    (s, e): (usize, usize),
) -> Option<usize> {
    let named = (s..e)
        .find(|&i| encl[i].is_some())
        .map(|i| i.saturating_sub(1).max(s));
    const WORDS: &[&str] = &[
        "省级",
        "国家级",
        "市级",
        "县级",
        "已完工",
        "已开工",
        "开工建设",
        "投入使用",
        "完成图纸设计",
    ];
    let level = WORDS.iter().find_map(|w| {
        let w: Vec<char> = w.chars().collect();
        (s..e.saturating_sub(w.len() - 1)).find(|&i| chars[i..].starts_with(&w))
    });
    named.into_iter().chain(level).min()
}

/// The first place at or after `from` where `f`'s printed text stands.
fn first_at(chars: &[char], from: usize, f: &Figure) -> usize {
    let printed = &chars[f.start..f.end];
    (from..=f.start)
        .find(|&i| chars[i..].starts_with(printed))
        .unwrap_or(f.start)
}

/// The sentence `s..e` cut into quotes, each with the range of `figs` it holds: at most
/// [`LONGEST_QUOTE`] long where commas allow, and none holding a printed value before its own
/// figure.
fn pieces(
    chars: &[char],
    (s, e): (usize, usize),
    figs: &[&Figure],
) -> Vec<(usize, usize, Range<usize>)> {
    let commas: Vec<usize> = (s + 1..e)
        .filter(|&p| COMMAS.contains(chars[p - 1]))
        .collect();
    // The last comma cut in `lo..=hi`.
    let cut_in = |lo: usize, hi: usize| {
        let after = commas.partition_point(|&c| c <= hi);
        commas[..after].last().copied().filter(|&c| c >= lo)
    };
    let mut out = Vec::new();
    let (mut start, mut first) = (s, 0);
    for (k, &f) in figs.iter().enumerate() {
        let clash = first_at(chars, start, f) != f.start;
        let long = f.end - start > LONGEST_QUOTE;
        if k > first {
            if clash || long {
                let mut cut = cut_in(figs[k - 1].end, f.start).unwrap_or(f.start);
                if first_at(chars, cut, f) != f.start {
                    cut = f.start;
                }
                out.push((start, cut, first..k));
                (start, first) = (cut, k);
            }
        } else if clash || long {
            // Words before the first figure: keep the clause it stands in, if that fits.
            start = cut_in(start, f.start)
                .filter(|&c| f.end - c <= LONGEST_QUOTE && first_at(chars, c, f) == f.start)
                .unwrap_or(f.start);
        }
    }
    let last = figs.last().map_or(s, |f| f.end).max(start);
    let end = if e - start <= LONGEST_QUOTE {
        e
    } else {
        // Up to the comma after the last figure, or a quote's length of words.
        let room = (start + LONGEST_QUOTE).max(last);
        commas
            .iter()
            .copied()
            .find(|&c| c >= last && c > start)
            .filter(|&c| c <= room)
            .unwrap_or(room)
            .min(e)
    };
    out.push((start, end, first..figs.len()));
    out
}

fn kind_and_status(quote: &str, figs: &[&Figure]) -> (Kind, Option<Status>) {
    let has = |words: &[&str]| words.iter().any(|w| quote.contains(w));
    if figs.iter().any(|f| f.scope.is_some()) {
        return (Kind::Recognition, None);
    }
    if !figs.is_empty() {
        return (Kind::Figure, None);
    }
    let level = has(&["省级", "国家级", "市级", "县级", "全国", "国家", "省"]);
    let honoured = has(&[
        "创建", "获评", "评为", "入选", "命名", "授予", "荣获", "认定", "推荐", "表彰",
    ]);
    let published = quote.contains('《') && has(&["刊登", "报道", "发布", "刊发", "播出", "转载"]);
    if (level && honoured) || published {
        return (Kind::Recognition, None);
    }
    if has(&["项目", "工程", "中心", "厂房"]) {
        let status = if has(&["完成图纸设计", "完成设计"]) {
            Some(Status::DesignFinished)
        } else if has(&["已开工", "开工建设"]) {
            Some(Status::UnderConstruction)
        } else if has(&["已完工", "竣工", "投入使用"]) {
            Some(Status::Completed)
        } else {
            None
        };
        if status.is_some() {
            return (Kind::Project, status);
        }
    }
    (Kind::Initiative, None)
}

/// A slug for a metric: what its base unit counts, numbered if the highlight has several.
fn metric_id(unit: &str, change: bool, taken: &mut HashSet<String>) -> String {
    let stem = match units::lookup(unit).map(|(_, b)| b) {
        _ if change => "change",
        Some(units::BaseUnit::Yuan) => "amount",
        Some(units::BaseUnit::Person) => "people",
        Some(units::BaseUnit::SquareMetre) => "area",
        Some(units::BaseUnit::Percent) => "percent",
        Some(units::BaseUnit::Rank) => "rank",
        Some(units::BaseUnit::Year) => "years",
        Some(units::BaseUnit::Item) | None => "count",
    };
    let mut id = stem.to_owned();
    let mut n = 1;
    while !taken.insert(id.clone()) {
        n += 1;
        id = format!("{stem}-{n}");
    }
    id
}

/// "todo: translate 「…」", with the English words the report's qualifiers need, so that the
/// fidelity check finds them kept while the English is written.
fn todo_en(what: &str, zh: &str, keep: &[&str]) -> String {
    let mut en = format!("{what} 「{zh}」");
    if !keep.is_empty() {
        en.push_str(&format!("; say “{}”", keep.join("”, “")));
    }
    en
}

/// Where a rank is ranked, in both languages; a field the text names is the author's to put in
/// English.
fn scope(zh: &str) -> Text {
    let en = match zh {
        "全市" => "citywide",
        "全县" => "countywide",
        "全省" => "province-wide",
        "全国" => "nationwide",
        "全区" => "district-wide",
        _ => return todo_text(zh, &format!("translate 「{zh}」 (where the rank is)")),
    };
    Text::new(zh, en)
}

fn metric(
    f: &Figure,
    label: &str,
    quote: &str,
    printed: &str,
    taken: &mut HashSet<String>,
) -> Option<Metric> {
    let (base_value, base_unit) = units::to_base(f.value, f.unit)?;
    // What validation will check, read the same way: the clause where the printed value first
    // stands (its own, by how quotes are cut).
    let at = quote.find(printed)?;
    let clause = fidelity::clause_at(quote, at);
    let mut label = label.to_owned();
    let mut keep = Vec::new();
    for (zh, en) in fidelity::label_words(clause) {
        if !label.contains(zh) {
            label.insert_str(0, zh);
        }
        keep.push(en);
    }
    let change = (f.unit == "%")
        .then(|| {
            [Change::Up, Change::Down]
                .into_iter()
                .find(|&c| validate::states_change(quote, printed, c))
        })
        .flatten();
    Some(Metric {
        id: metric_id(f.unit, change.is_some(), taken),
        label: todo_text(&label, &todo_en("translate", &label, &keep)),
        printed: Some(printed.to_owned()),
        value: f.value,
        unit: f.unit.to_owned(),
        base_value,
        base_unit,
        qualifier: f.qualifier,
        scope: f.scope.as_deref().map(scope),
        derived: None,
        counts: None,
        part_of: None,
        change,
    })
}

/// A verbatim stretch around a number, within its sentence, for `source.non_figures`.
fn context(chars: &[char], (s, e): (usize, usize), start: usize, end: usize) -> String {
    text(&chars[start.saturating_sub(8).max(s)..(end + 8).min(e)])
}

fn reason(why: NotFigure) -> Text {
    match why {
        NotFigure::Year => Text::new("年份", "A year"),
        NotFigure::Date => Text::new("日期", "A date"),
        NotFigure::Ordinal => Text::new("序数（第…）", "An ordinal (第…)"),
        NotFigure::Title => Text::new("标题中的数字", "A number in the title of a work"),
        NotFigure::Name => Text::new("名称的一部分，不是数量", "Part of a name, not a quantity"),
    }
}

/// Highlights, non-figures and misses of every paragraph of the report.
pub(super) fn draft(raw: &str, blocks: &[Block], town: &str) -> Drafted {
    let mut d = Drafted::default();
    let mut seen_non_figures = HashSet::new();
    let mut years: Vec<(u16, usize)> = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let chars: Vec<char> = b.text.chars().collect();
        let owners = reflow::char_lines(raw, b.lines);
        let encl = enclosures(&chars);
        let found = scan(&chars);
        let spans = sentences(&chars);
        let sentence_of = |at: usize| {
            let after = spans.partition_point(|&(s, _)| s <= at);
            spans[..after].last().copied().unwrap_or((0, chars.len()))
        };
        let line = |at: usize| owners.get(at).copied().unwrap_or(b.lines[0]);
        let mut figures: Vec<&Figure> = Vec::new();
        for f in &found {
            match f {
                Found::Figure(f) if b.kind == BlockKind::Paragraph => figures.push(f),
                Found::Figure(f) => d.misses.push(Miss {
                    line: line(f.start),
                    text: text(&chars[f.start..f.end]),
                    why: "a figure in a heading: draft it from the text, if the text has it".into(),
                }),
                &Found::Not { start, end, why } => {
                    let number = text(&chars[start..end]);
                    if why == NotFigure::Year {
                        if let Ok(y) = number.parse::<u16>() {
                            match years.iter_mut().find(|(x, _)| *x == y) {
                                Some((_, n)) => *n += 1,
                                None => years.push((y, 1)),
                            }
                        }
                    }
                    let context = context(&chars, sentence_of(start), start, end);
                    if seen_non_figures.insert((number.clone(), context.clone())) {
                        d.non_figures.push(NonFigure {
                            number,
                            context,
                            reason: reason(why),
                        });
                    }
                }
                Found::Miss { start, end, why } => d.misses.push(Miss {
                    line: line(*start),
                    text: text(&chars[*start..(*end + 2).min(chars.len())]),
                    why: why.clone(),
                }),
            }
        }
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let mut next = 0;
        for &(s, e) in &spans {
            // Figures and sentences are both in order: take this sentence's.
            let from = next + figures[next..].iter().take_while(|f| f.start < s).count();
            next = from + figures[from..].iter().take_while(|f| f.end <= e).count();
            let figs = &figures[from..next];
            let anchor = achievement(&chars, &encl, (s, e));
            if figs.is_empty() && anchor.is_none() {
                continue;
            }
            let labels = labels::labels(&chars, (s, e), figs, town);
            for (ps, pe, range) in pieces(&chars, (s, e), figs) {
                let h = highlight(
                    &chars,
                    (bi, b, &owners),
                    (ps, pe),
                    &figs[range.clone()],
                    &labels[range],
                    anchor.unwrap_or(ps).clamp(ps, pe.saturating_sub(1)),
                    town,
                    d.highlights.len() + 1,
                );
                d.highlights.extend(h);
            }
        }
    }
    years.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    d.years = years.into_iter().map(|(y, _)| y).collect();
    d
}

#[allow(clippy::too_many_arguments)]
fn highlight(
    chars: &[char],
    (bi, b, owners): (usize, &Block, &[u32]),
    (ps, pe): (usize, usize),
    piece: &[&Figure],
    labels: &[String],
    anchor: usize,
    town: &str,
    n: usize,
) -> Option<Highlight> {
    let quote = text(&chars[ps..pe]);
    if quote.chars().all(fidelity::is_mark) {
        return None;
    }
    let lines = reflow::span_lines(owners, ps, pe - ps).unwrap_or(b.lines);
    let mut taken = HashSet::new();
    let metrics: Vec<Metric> = piece
        .iter()
        .zip(labels)
        .filter_map(|(f, label)| {
            let printed = text(&chars[f.start..f.end]);
            metric(f, label, &quote, &printed, &mut taken)
        })
        .collect();
    let title = labels::title(chars, (ps, pe), piece, anchor, town);
    let (kind, status) = kind_and_status(&quote, piece);
    let keep: Vec<&str> = fidelity::summary_words(&quote).map(|(_, en)| en).collect();
    Some(Highlight {
        id: format!("draft-{n}"),
        aliases: Vec::new(),
        chapter: b.chapter.clone().unwrap_or_else(|| fidelity::TODO.into()),
        theme: fidelity::TODO.into(),
        kind,
        title: todo_text(&title, &todo_en("translate", &title, &[])),
        summary: todo_text(&quote, &todo_en("translate the summary", &quote, &keep)),
        places: Vec::new(),
        status,
        quotes: vec![Quote {
            text: quote.clone(),
            block: bi,
            offset: ps,
            lines,
        }],
        metrics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures_of(chars: &[char]) -> Vec<Figure> {
        scan(chars)
            .into_iter()
            .filter_map(|f| match f {
                Found::Figure(f) => Some(f),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn sentences_keep_their_closing_marks() {
        let chars: Vec<char> = "他说：“真好。”然后走了；最后".chars().collect();
        let got: Vec<String> = sentences(&chars)
            .into_iter()
            .map(|(s, e)| text(&chars[s..e]))
            .collect();
        assert_eq!(got, ["他说：“真好。”", "然后走了；", "最后"]);
    }

    #[test]
    fn a_figure_printed_twice_in_a_sentence_gets_its_own_quote() {
        let t = "工业年度升规重点企业培育2家，限额以上零售企业培育1家，新增战略性新兴产业企业2家，JMRH入库企业1家；";
        let chars: Vec<char> = t.chars().collect();
        let figs = figures_of(&chars);
        let refs: Vec<&Figure> = figs.iter().collect();
        let got: Vec<String> = pieces(&chars, (0, chars.len()), &refs)
            .into_iter()
            .map(|(s, e, f)| format!("{}|{}", text(&chars[s..e]), f.len()))
            .collect();
        assert_eq!(
            got,
            [
                "工业年度升规重点企业培育2家，限额以上零售企业培育1家，|2",
                "新增战略性新兴产业企业2家，JMRH入库企业1家；|2",
            ]
        );
    }

    #[test]
    fn a_long_sentence_is_cut_at_commas() {
        let t: String = (1..=40).map(|i| format!("新建公园{i}个，")).collect();
        let chars: Vec<char> = t.chars().collect();
        let figs = figures_of(&chars);
        let refs: Vec<&Figure> = figs.iter().collect();
        let ps = pieces(&chars, (0, chars.len()), &refs);
        assert!(ps.len() > 1);
        assert!(ps.iter().all(|(s, e, _)| e - s <= LONGEST_QUOTE));
        assert_eq!(ps.iter().map(|p| p.2.len()).sum::<usize>(), 40);
        // Together they quote the whole sentence, in order.
        assert_eq!(ps[0].0, 0);
        assert!(ps.windows(2).all(|w| w[0].1 == w[1].0));
    }
}

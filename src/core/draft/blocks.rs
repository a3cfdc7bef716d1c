//! Paragraphs and headings of a report's raw text. The text breaks lines where the printed
//! columns broke, so a paragraph is found by how its lines look: it ends with a full stop, and
//! the next line is indented (a little shorter than the column) or its own last line is short.
//! A heading is a short line without sentence punctuation that stands alone (blank lines around
//! it); the by-line names a reporter; the headline and kicker stand next to it or open the file.
//! Tuned on the shipped report, whose headings stand detached at the end of the file.

use crate::core::model::{Block, BlockKind, Chapter};
use crate::core::numerals::is_digit;
use crate::core::reflow;
use crate::core::validate::fidelity::TODO;

/// One non-empty line of the raw text.
struct Line<'a> {
    /// 1-based line number in the raw text.
    n: u32,
    text: &'a str,
    /// Printed width: a Chinese character is two, ASCII one.
    width: usize,
    /// The next raw line is blank, or there is none.
    blank_after: bool,
    /// The line ends a sentence (。！？, maybe with a closing quotation mark after).
    ends: bool,
}

/// The blocks of a draft, in the order the model keeps them: kicker, headline and by-line first,
/// then the rest as the file has them.
pub(super) struct Segmented {
    pub blocks: Vec<Block>,
    pub chapters: Vec<Chapter>,
}

const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》'];

fn ends_sentence(t: &str) -> bool {
    t.trim_end_matches(CLOSERS)
        .ends_with(['。', '！', '？', '!', '?'])
}

fn width(t: &str) -> usize {
    t.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A short line with no sentence in it: a heading, if it also stands alone.
fn heading_shaped(t: &str) -> bool {
    t.chars().count() <= 30
        && !t.contains(['。', '；', '！', '？', ';', '!', '?'])
        && !t.ends_with(['，', '、', '：', ',', ':', '（', '(', '“', '‘', '《', '「'])
        && !t.chars().any(is_digit)
}

/// The width a column of lines fills: the upper quartile, since lines with ASCII or squeezed
/// punctuation run narrower or wider than the rest.
fn column(widths: impl Iterator<Item = usize>) -> Option<usize> {
    let mut w: Vec<usize> = widths.collect();
    w.sort_unstable();
    w.get(w.len() * 3 / 4).copied()
}

fn lines(raw: &str) -> Vec<Line<'_>> {
    let all: Vec<&str> = raw.lines().map(str::trim).collect();
    all.iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, &text)| Line {
            n: i as u32 + 1,
            text,
            width: width(text),
            blank_after: all.get(i + 1).is_none_or(|t| t.is_empty()),
            ends: ends_sentence(text),
        })
        .collect()
}

/// Whether line `k` opens a paragraph: indented by about two characters against the lines that
/// follow it.
fn opens_paragraph(ls: &[Line], k: usize) -> bool {
    match column(ls[k + 1..ls.len().min(k + 6)].iter().map(|l| l.width)) {
        None => true,
        Some(col) => ls[k].width + 3 <= col && ls[k].width + 8 >= col,
    }
}

/// Which lines are headings.
fn headings(ls: &[Line]) -> Vec<bool> {
    let mut head = vec![false; ls.len()];
    let mut k = 0;
    while k < ls.len() {
        if !(heading_shaped(ls[k].text) && (k == 0 || ls[k - 1].ends || head[k - 1])) {
            k += 1;
            continue;
        }
        // A run of headings, each standing alone (the shipped report's end: four chapter
        // headings, the by-line, the kicker and the headline).
        let mut b = k;
        while b + 1 < ls.len()
            && heading_shaped(ls[b + 1].text)
            && ls[b].blank_after
            && ls[b + 1].blank_after
        {
            b += 1;
        }
        let at_end = b + 1 == ls.len();
        let opens_file = k == 0 && b == 0 && ls[0].blank_after;
        // Before a paragraph, a heading is clearly shorter than the paragraph's indented line.
        let before_paragraph = b + 1 < ls.len() && opens_paragraph(ls, b + 1) && {
            let col = column(ls[b + 1..ls.len().min(b + 7)].iter().map(|l| l.width)).unwrap_or(0);
            ls[k..=b].iter().all(|l| l.width + 8 < col)
        };
        if at_end || opens_file || before_paragraph {
            head[k..=b].iter_mut().for_each(|h| *h = true);
        }
        k = b + 1;
    }
    head
}

/// Whether a paragraph ends after line `k`.
fn ends_paragraph(ls: &[Line], head: &[bool], k: usize, blanks_are_breaks: bool) -> bool {
    if !ls[k].ends {
        return false;
    }
    if k + 1 == ls.len() || head[k + 1] || opens_paragraph(ls, k + 1) {
        return true;
    }
    // The last line of a paragraph is often short.
    let short = column(ls[k.saturating_sub(5)..k].iter().map(|l| l.width))
        .is_some_and(|col| ls[k].width + 2 <= col);
    short || (blanks_are_breaks && ls[k].blank_after)
}

/// 「一、」, 「（二）」, 「第三章」: a numbered heading heads a chapter, never the report.
fn numbered(t: &str) -> bool {
    let t = t.trim_start_matches(['（', '(']);
    let t = t.strip_prefix('第').unwrap_or(t);
    let n = t
        .chars()
        .take_while(|&c| crate::core::numerals::is_chinese_numeral(c))
        .count();
    n > 0
        && t.chars()
            .nth(n)
            .is_some_and(|c| "、）)章部节篇．.".contains(c))
}

fn is_byline(t: &str) -> bool {
    ["记者", "通讯员", "撰稿", "作者", "编辑"]
        .iter()
        .any(|w| t.contains(w))
        || ["文/", "文／", "文："].iter().any(|w| t.starts_with(w))
}

/// The report's raw text in blocks, with a chapter for each heading.
pub(super) fn segment(raw: &str) -> Segmented {
    let ls = lines(raw);
    let head = headings(&ls);
    // In a text whose lines are mostly single-spaced, a blank line between sentences is a break.
    let blanks_are_breaks = ls.iter().filter(|l| l.blank_after).count() * 2 < ls.len();

    // (first, last, is a heading), in file order.
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    let mut open: Option<usize> = None;
    for k in 0..ls.len() {
        if head[k] {
            spans.extend(open.take().map(|s| (s, k - 1, false)));
            spans.push((k, k, true));
            continue;
        }
        let s = *open.get_or_insert(k);
        if ends_paragraph(&ls, &head, k, blanks_are_breaks) {
            spans.push((s, k, false));
            open = None;
        }
    }
    spans.extend(open.map(|s| (s, ls.len() - 1, false)));

    let kinds = heading_kinds(&ls, &spans);
    let block = |&(s, e, _): &(usize, usize, bool), kind, chapter| {
        let lines = [ls[s].n, ls[e].n];
        Block {
            kind,
            chapter,
            lines,
            text: reflow::join_lines(raw, lines),
        }
    };
    let mut blocks = Vec::new();
    for kind in [BlockKind::Kicker, BlockKind::Headline, BlockKind::Byline] {
        if let Some(i) = kinds.iter().position(|k| *k == Some(kind)) {
            blocks.push(block(&spans[i], kind, None));
        }
    }
    // A heading heads the paragraphs after it; paragraphs before any (or under headings that
    // stand detached, as in the shipped report) are left to the author: chapter `todo`.
    let mut chapters = Vec::new();
    let mut current: Option<String> = None;
    for (i, span) in spans.iter().enumerate() {
        match kinds[i] {
            Some(BlockKind::Heading) => {
                let id = format!("chapter-{}", chapters.len() + 1);
                let b = block(span, BlockKind::Heading, Some(id.clone()));
                chapters.push(Chapter {
                    id: id.clone(),
                    title: super::todo_text(&b.text, &format!("translate 「{}」", b.text)),
                });
                current = Some(id);
                blocks.push(b);
            }
            Some(_) => {}
            None => {
                let chapter = current.clone().unwrap_or_else(|| TODO.to_owned());
                blocks.push(block(span, BlockKind::Paragraph, Some(chapter)));
            }
        }
    }
    if blocks.iter().any(|b| b.chapter.as_deref() == Some(TODO)) {
        chapters.insert(
            0,
            Chapter {
                id: TODO.into(),
                title: super::todo_text(
                    "待定章节",
                    "assign these paragraphs and highlights to the report's chapters",
                ),
            },
        );
    }
    Segmented { blocks, chapters }
}

/// What each span is: `None` for a paragraph, else the kind of heading. The by-line names a
/// reporter; the headline is the last heading after it in its run (the kicker just before), or
/// else the heading that opens the file (the kicker, if two open it, first).
fn heading_kinds(ls: &[Line], spans: &[(usize, usize, bool)]) -> Vec<Option<BlockKind>> {
    let mut kinds: Vec<Option<BlockKind>> = spans
        .iter()
        .map(|s| s.2.then_some(BlockKind::Heading))
        .collect();
    // Runs of consecutive heading spans.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, _) in spans.iter().enumerate().filter(|(_, s)| s.2) {
        match runs.last_mut() {
            Some(r) if r.1 + 1 == i => r.1 = i,
            _ => runs.push((i, i)),
        }
    }
    let byline = spans.iter().position(|s| s.2 && is_byline(ls[s.0].text));
    let mut titles: Vec<usize> = Vec::new();
    if let Some(by) = byline {
        kinds[by] = Some(BlockKind::Byline);
        if let Some(&(_, end)) = runs.iter().find(|r| r.0 <= by && by <= r.1) {
            titles = (by + 1..=end).collect();
        }
    }
    if titles.is_empty() {
        if let Some(&(0, end)) = runs.first() {
            titles = (0..=end.min(1)).filter(|&i| Some(i) != byline).collect();
        }
    }
    titles.retain(|&i| !numbered(ls[spans[i].0].text));
    if let Some((&headline, rest)) = titles.split_last() {
        kinds[headline] = Some(BlockKind::Headline);
        if let Some(&kicker) = rest.last() {
            kinds[kicker] = Some(BlockKind::Kicker);
        }
    }
    kinds
}

/// The text of the block of a kind, if the draft found one.
pub(super) fn text_of(blocks: &[Block], kind: BlockKind) -> Option<&str> {
    blocks
        .iter()
        .find(|b| b.kind == kind)
        .map(|b| b.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(raw: &str) -> Vec<(BlockKind, [u32; 2])> {
        segment(raw)
            .blocks
            .iter()
            .map(|b| (b.kind, b.lines))
            .collect()
    }

    #[test]
    fn a_headline_opens_and_a_byline_closes() {
        let raw = "某镇一年记\n\n本文是测试用的报道，所有内容\n均为编造。新建公园2个。\n\n第二段在这里，写满一整行的\n字。\n\n记者 某某\n";
        assert_eq!(
            shape(raw),
            [
                (BlockKind::Headline, [1, 1]),
                (BlockKind::Byline, [9, 9]),
                (BlockKind::Paragraph, [3, 4]),
                (BlockKind::Paragraph, [6, 7]),
            ]
        );
    }

    #[test]
    fn headings_head_the_paragraphs_after_them() {
        let raw = "某镇二〇二四年工作回顾\n\n一、经济发展\n\n全镇工业总产值稳步增长，新增企业\n多家，发展势头良好，稳中有进，全年实\n现了各项目标，群众生活水平不断提高，\n社会和谐稳定。\n\n二、民生保障\n\n新建口袋公园和文化礼堂，群众满意\n度明显提升，生活更加幸福，日子越过越\n好，各项事业全面进步，成效十分显著，\n值得肯定。\n";
        let s = segment(raw);
        let got: Vec<_> = s
            .blocks
            .iter()
            .map(|b| (b.kind, b.lines, b.chapter.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (BlockKind::Headline, [1, 1], None),
                (BlockKind::Heading, [3, 3], Some("chapter-1")),
                (BlockKind::Paragraph, [5, 8], Some("chapter-1")),
                (BlockKind::Heading, [10, 10], Some("chapter-2")),
                (BlockKind::Paragraph, [12, 15], Some("chapter-2")),
            ]
        );
        assert_eq!(s.chapters.len(), 2);
        assert!(numbered("一、经济发展") && numbered("（二）民生") && !numbered("一村一品"));
    }

    #[test]
    fn odd_text_gives_blocks_that_are_their_lines() {
        for raw in [
            "",
            "\n\n",
            "。。。，，，\n！？",
            "\u{3000}\r\n数字123\r\n",
            "a",
        ] {
            for b in segment(raw).blocks {
                assert_eq!(b.text, reflow::join_lines(raw, b.lines));
                assert!(!b.text.is_empty());
            }
        }
    }
}

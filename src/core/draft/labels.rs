//! Words for a figure and a highlight, drafted from the words around the number: 「新增国家高新企业
//! 2家」 gives the label 「新增国家高新企业」; 「同比增长1.92%」 after 「规上工业总产值12.34亿元」 gives
//! 「规上工业总产值同比增长」. Drafts for an author to read, never facts of their own: every word
//! comes from the sentence.

use super::numbers::Figure;
use crate::core::validate::fidelity::numbers;

/// Characters that end a clause (「、」 ends only an item of a list of figures).
const CLAUSE_ENDS: &str = "，。；：！？,;:!?";

/// Words that open a clause without saying what is counted: the subject, time, connectives.
const LEAD: &[&str] = &[
    "其中", "同时", "此外", "另外", "全年", "今年", "去年", "当年", "该镇", "全镇", "本镇", "该村",
    "位列", "位居", "共为", "共", "现有", "并", "还", "已", "有", "为", "对", "的", "将", "也",
];

/// Words that end a clause before the number without saying what is counted.
const TRAIL: &[&str] = &[
    "达到", "共计", "合计", "有", "为", "达", "共", "是", "了", "的",
];

/// Verbs that, alone, say what was done but not to what: the noun follows the number
/// (「完成4户善居工程改造」).
const VERBS: &[&str] = &[
    "完成", "吸纳", "新建", "建成", "建设", "组建", "举办", "开展", "发放", "解决", "帮助", "推动",
    "救助", "涉及", "提供", "打造", "培训", "服务", "改造", "实现",
];

/// Verbs that head a list of figures and carry over to each item of it (「新增国家高新企业2家、
/// 省创新型中小企业3家」: both are 新增).
const LIST_VERBS: &[&str] = &[
    "新增", "新建", "培育", "累计", "完成", "建成", "创建", "认定",
];

/// The words of a change (「同比增长」), which say what changed only with the figure before them.
const CHANGES: &[&str] = &[
    "同比", "增长", "下降", "增加", "减少", "提高", "降低", "上升", "增幅", "降幅",
];

fn text(chars: &[char]) -> String {
    chars.iter().collect()
}

/// `s` without the punctuation at its ends, keeping quotation marks and brackets that pair up
/// (「“影视有约”工坊」 keeps its “).
fn trim_marks(s: &str) -> &str {
    const OPEN: &str = "“‘「『《（(<〈";
    const CLOSE: &str = "”’」』》）)>〉";
    let mut s =
        s.trim_matches(|c: char| c.is_whitespace() || "，。；：！？、,.;:!?⋯…—·".contains(c));
    loop {
        let before = s;
        s = s.trim_start_matches(|c| CLOSE.contains(c));
        s = s.trim_end_matches(|c| OPEN.contains(c));
        // A mark whose partner is not in the text: 「西溪发布”公众号」.
        for (open, close) in OPEN.chars().zip(CLOSE.chars()) {
            let (opens, closes) = (s.matches(open).count(), s.matches(close).count());
            if opens > closes {
                s = s.strip_prefix(open).unwrap_or(s);
            }
            if closes > opens {
                s = s.strip_suffix(close).unwrap_or(s);
            }
        }
        if s == before {
            return s;
        }
    }
}

/// `s` without the lead and trail words around what is counted (and the town's own name).
fn strip<'a>(mut s: &'a str, town: &str) -> &'a str {
    loop {
        let before = s;
        s = trim_marks(s);
        let town = (!town.is_empty()).then_some(town);
        for w in LEAD.iter().copied().chain(town) {
            s = s.strip_prefix(w).unwrap_or(s);
        }
        for w in TRAIL.iter().copied().chain(town) {
            s = s.strip_suffix(w).unwrap_or(s);
        }
        if s == before {
            return s;
        }
    }
}

/// Where the words of figure `k` begin: after the clause's start, or after the figure before it
/// in the same clause (and the 「、」 after that).
fn words_start(chars: &[char], s: usize, figs: &[&Figure], k: usize) -> (usize, bool) {
    let f = figs[k];
    let prev = k
        .checked_sub(1)
        .map(|p| figs[p].end)
        .filter(|&p| p >= s && p <= f.start);
    // Looked for only back to the figure before: a long sentence is read once.
    let last = |marks: &str| {
        (prev.unwrap_or(s)..f.start)
            .rev()
            .find(|&i| marks.contains(chars[i]))
    };
    match (last(CLAUSE_ENDS), prev) {
        (Some(i), _) => (i + 1, false),
        // 「对66家燃气餐饮用户、7家使用燃气企业」: an item of a list of figures.
        (None, Some(p)) => last("、").map_or((p, false), |i| (i + 1, true)),
        (None, None) => (s, false),
    }
}

/// The last `n` characters of `s`: the words nearest the number.
fn last_chars(s: &str, n: usize) -> &str {
    let skip = s.chars().count().saturating_sub(n);
    s.char_indices().nth(skip).map_or(s, |(i, _)| &s[i..])
}

/// The most characters of the sentence a label takes from either side of its number.
const WORDS: usize = 20;

/// Labels of the figures of one sentence (`s..e` of the paragraph), in order.
pub(super) fn labels(
    chars: &[char],
    (s, e): (usize, usize),
    figs: &[&Figure],
    town: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (k, f) in figs.iter().enumerate() {
        let (start, listed) = words_start(chars, s, figs, k);
        let before_text = text(&chars[start.max(f.start.saturating_sub(4 * WORDS))..f.start]);
        let before = last_chars(strip(&before_text, town), WORDS);
        // What follows the figure, up to the next clause, item or figure.
        let stop = figs
            .get(k + 1)
            .map_or(e, |n| n.start)
            .min(e)
            .min(f.end + WORDS);
        let stop = (f.end..stop)
            .find(|&i| CLAUSE_ENDS.contains(chars[i]) || chars[i] == '、')
            .unwrap_or(stop);
        let after_text = text(&chars[f.end..stop.max(f.end)]);
        let after = strip(&after_text, town);
        let prev = out.last().map(String::as_str).unwrap_or("");
        let mut label = if f.scope.is_some() {
            // A rank ranks what the sentence has just counted.
            let what = if before.is_empty() { prev } else { before };
            if what.ends_with("排名") {
                what.to_owned()
            } else {
                format!("{what}排名")
            }
        } else if f.unit == "%" && !before.is_empty() && strip_changes(before).is_empty() {
            format!("{prev}{before}")
        } else if before.chars().count() < 2 || VERBS.contains(&before) {
            format!("{before}{after}")
        } else {
            before.to_owned()
        };
        if listed {
            if let Some(v) = LIST_VERBS.iter().find(|v| prev.starts_with(**v)) {
                if !LIST_VERBS.iter().any(|w| label.starts_with(w)) {
                    label.insert_str(0, v);
                }
            }
        }
        out.push(label);
    }
    out
}

fn strip_changes(mut s: &str) -> &str {
    loop {
        let before = s;
        for w in CHANGES {
            s = s.strip_prefix(w).unwrap_or(s);
        }
        if s == before {
            return s;
        }
    }
}

/// Whether every number `title` states is one `quote` states (the fidelity check of titles).
fn numbers_quoted(title: &str, quote: &str) -> bool {
    let quoted = numbers(quote);
    numbers(title).iter().all(|n| quoted.contains(n))
}

/// A title drafted from a highlight's quote (`ps..pe` of the paragraph): the clause that holds
/// its first figure (or, with none, its first named achievement at `anchor`), made short.
pub(super) fn title(
    chars: &[char],
    (ps, pe): (usize, usize),
    figs: &[&Figure],
    anchor: usize,
    town: &str,
) -> String {
    const LONGEST: usize = 30;
    let quote = text(&chars[ps..pe]);
    let (a0, a1) = figs
        .first()
        .map_or((anchor, anchor + 1), |f| (f.start, f.end));
    let from = (ps..a0)
        .rev()
        .find(|&i| CLAUSE_ENDS.contains(chars[i]))
        .map_or(ps, |i| i + 1);
    let to = (a1.min(pe)..pe)
        .find(|&i| CLAUSE_ENDS.contains(chars[i]))
        .unwrap_or(pe);
    let clause_text = text(&chars[from..to]);
    let clause = strip(&clause_text, town);
    // Shorter: the item of a list that holds the figure, or the words from the achievement on.
    let short_text = if figs.is_empty() {
        text(&chars[a0..to.min(a0 + LONGEST)])
    } else {
        let item_from = (from..a0)
            .rev()
            .find(|&i| chars[i] == '、')
            .map_or(from, |i| i + 1);
        text(&chars[item_from..a1.min(pe)])
    };
    let candidates = [clause, strip(&short_text, town)];
    let title = candidates
        .into_iter()
        .map(trim_marks)
        .find(|c| !c.is_empty() && c.chars().count() <= LONGEST && numbers_quoted(c, &quote))
        .map(str::to_owned)
        .or_else(|| figs.first().map(|f| text(&chars[f.start..f.end])))
        .unwrap_or_else(|| {
            let head: String = clause.chars().take(LONGEST).collect();
            let head = trim_marks(&head);
            if !head.is_empty() && numbers_quoted(head, &quote) {
                head.to_owned()
            } else {
                "（待定标题）".to_owned()
            }
        });
    title
}

#[cfg(test)]
mod tests {
    use super::super::numbers::{scan, Found};
    use super::*;

    fn drafted(sentence: &str, town: &str) -> (Vec<String>, String) {
        let chars: Vec<char> = sentence.chars().collect();
        let found = scan(&chars);
        let figs: Vec<&Figure> = found
            .iter()
            .filter_map(|f| match f {
                Found::Figure(f) => Some(f),
                _ => None,
            })
            .collect();
        (
            labels(&chars, (0, chars.len()), &figs, town),
            title(&chars, (0, chars.len()), &figs, 0, town),
        )
    }

    #[test]
    fn labels_are_the_words_around_the_number() {
        let (l, t) = drafted(
            "新增国家高新企业2家、省创新型中小企业3家、国家科技型中小企业11家，通过省级新产品评审1家。",
            "",
        );
        assert_eq!(
            l,
            [
                "新增国家高新企业",
                "新增省创新型中小企业",
                "新增国家科技型中小企业",
                "通过省级新产品评审"
            ]
        );
        assert_eq!(t, "新增国家高新企业2家");
        let (l, t) = drafted("2023年，规上工业总产值12.34亿元，同比增长1.92%；", "");
        assert_eq!(l, ["规上工业总产值", "规上工业总产值同比增长"]);
        assert_eq!(t, "规上工业总产值12.34亿元");
        let (l, _) = drafted("同时完成4户善居工程改造，对66家燃气餐饮用户开展检查。", "");
        assert_eq!(l, ["完成善居工程改造", "燃气餐饮用户开展检查"]);
        let (l, _) = drafted("全年政务服务帮办代办件数量全市排名第一。", "");
        assert_eq!(l, ["政务服务帮办代办件数量排名"]);
        let (l, _) = drafted(
            "经营性收入100万元以上的行政村有4个，位列全市第一。",
            "西溪镇",
        );
        assert_eq!(l, ["经营性收入", "行政村", "行政村排名"]);
        let (l, _) = drafted("西溪镇现有常住人口3.2万人", "西溪镇");
        assert_eq!(l, ["常住人口"]);
    }

    #[test]
    fn a_title_states_no_number_its_quote_does_not() {
        let chars: Vec<char> = "西溪镇探索建立农村“1357”共富工坊建设路径，拓宽就业渠道。"
            .chars()
            .collect();
        let t = title(&chars, (0, chars.len()), &[], 9, "西溪镇");
        assert_eq!(t, "探索建立农村“1357”共富工坊建设路径");
        let long: String = std::iter::repeat_n("很长的句子", 20).collect();
        let chars: Vec<char> = long.chars().collect();
        let t = title(&chars, (0, chars.len()), &[], 0, "");
        assert_eq!(t.chars().count(), 30);
    }
}

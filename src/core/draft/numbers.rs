//! Finding the figures of a paragraph: the number (ASCII, full-width or Chinese numerals), its
//! scale (万/亿/千), unit, the qualifier the text gives (余/多/超, 以上, 约/近/左右) and ranks
//! (全市第一); and the numbers that are not figures (years, dates, ordinals, numbers in titles
//! and names). What the model cannot state faithfully (an unknown unit, 逾, 不足, a range) is a
//! miss, never a figure that would say something else.

use crate::core::decimal;
use crate::core::model::{units, BaseUnit, Qualifier};
use crate::core::numerals::{chinese_value, half_width, is_chinese_numeral, is_digit};
use crate::core::validate::fidelity::is_mark;

/// A figure as the text prints it; `start..end` (chars of the paragraph) is its `printed`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Figure {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// A unit of the units table.
    pub unit: &'static str,
    pub qualifier: Qualifier,
    /// For a rank: where it is ranked (全市, 金华市).
    pub scope: Option<String>,
}

/// Why a number is not a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NotFigure {
    Year,
    Date,
    Ordinal,
    /// In 《…》 or <…>: the title of a work.
    Title,
    /// In “…”: the name of an initiative or brand (「1357」, 「1+5+10」).
    Name,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Found {
    Figure(Figure),
    /// `start..end` is the number as written.
    Not {
        start: usize,
        end: usize,
        why: NotFigure,
    },
    /// A number that may be a figure but is not drafted; `start..end` is what was read.
    Miss {
        start: usize,
        end: usize,
        why: String,
    },
}

/// Where each character of a paragraph stands: inside a title (《…》) or a name (“…”), or not.
pub(super) fn enclosures(chars: &[char]) -> Vec<Option<NotFigure>> {
    // (open, close, longest content, what it encloses); a mark without its pair nearby is not
    // an enclosure, so that one stray quotation mark cannot hide the rest of a paragraph.
    const PAIRS: &[(char, char, usize, NotFigure)] = &[
        ('《', '》', 80, NotFigure::Title),
        ('<', '>', 40, NotFigure::Title),
        ('〈', '〉', 40, NotFigure::Title),
        ('“', '”', 24, NotFigure::Name),
        ('‘', '’', 24, NotFigure::Name),
        ('「', '」', 24, NotFigure::Name),
        ('『', '』', 24, NotFigure::Name),
    ];
    let mut out = vec![None; chars.len()];
    for (i, &c) in chars.iter().enumerate() {
        let Some(&(_, close, max, what)) = PAIRS.iter().find(|p| p.0 == c) else {
            continue;
        };
        let window = &chars[i + 1..chars.len().min(i + 2 + max)];
        let Some(len) = window.iter().position(|&x| x == close) else {
            continue;
        };
        // Words spoken (“真好，…。”) are not a name.
        if what == NotFigure::Name && window[..len].iter().any(|c| "，。！？；".contains(*c)) {
            continue;
        }
        for slot in &mut out[i + 1..i + 1 + len] {
            if *slot != Some(NotFigure::Title) {
                *slot = Some(what);
            }
        }
    }
    out
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    let mut i = at;
    for w in word.chars() {
        match chars.get(i) {
            // Full-width ％ is the table's %.
            Some(&c) if c == w || (w == '%' && c == '％') => i += 1,
            _ => return false,
        }
    }
    true
}

fn ends_with(chars: &[char], at: usize, word: &str) -> bool {
    let n = word.chars().count();
    at >= n && starts_with(chars, at - n, word)
}

/// The longest unit of the table at `at`, after a scale (万, 亿) that the table's unit begins
/// with: (the table's unit, characters read).
fn unit_at(chars: &[char], at: usize, scale: Option<char>) -> Option<(&'static str, usize)> {
    units::known_units()
        .filter_map(|u| {
            let rest = match scale {
                Some(s) => u.strip_prefix(s)?,
                None => u,
            };
            starts_with(chars, at, rest).then(|| (u, rest.chars().count()))
        })
        .max_by_key(|&(_, n)| n)
}

/// Words after a unit that make it another unit (人次 is not 人; 个月 is not 个).
const COMPOUNDS: &[(&str, &[&str])] = &[
    ("人", &["次"]),
    ("户", &["次"]),
    ("场", &["次"]),
    ("家", &["次"]),
    ("个", &["月", "百分点", "小时", "工作日", "季度", "点"]),
    ("年", &["级", "期"]),
];

/// Why the unit read at `at` must not be drafted, if it must not.
fn refused_unit(chars: &[char], unit: &str, at: usize) -> Option<String> {
    if unit == "位" {
        return Some("「位」 counts people here; the units table has 位 only for ranks".into());
    }
    // 「3个多月」: the qualifier may stand inside the compound.
    let after = if matches!(chars.get(at), Some('余' | '多')) {
        at + 1
    } else {
        at
    };
    COMPOUNDS
        .iter()
        .filter(|(u, _)| *u == unit)
        .flat_map(|(_, tails)| tails.iter())
        .find(|t| starts_with(chars, after, t))
        .map(|t| format!("unit 「{unit}{t}」 is not in the units table"))
}

/// A qualifier written before the number: (characters, qualifier), or why it cannot be drafted.
fn prefix(chars: &[char], at: usize) -> Result<(usize, Option<Qualifier>), String> {
    for (word, q) in [
        ("超过", Qualifier::MoreThan),
        ("超", Qualifier::MoreThan),
        ("近", Qualifier::Approx),
        ("约", Qualifier::Approx),
    ] {
        let n = word.chars().count();
        // 最近, 附近, 节约, 公约 … are words of their own.
        let word_before = at > n && "最附节公合签预制".contains(chars[at - n - 1]);
        if ends_with(chars, at, word) && !word_before {
            return Ok((n, Some(q)));
        }
    }
    for word in ["不足", "不到", "低于", "少于", "逾"] {
        if ends_with(chars, at, word) {
            return Err(format!(
                "「{word}」 has no qualifier in the data (only 余/多/超, 以上, 约/近/左右)"
            ));
        }
    }
    Ok((0, None))
}

/// The strongest qualifier the words give: 余/多/超 over 以上 over 约/近/左右.
fn strongest(qs: &[Option<Qualifier>]) -> Qualifier {
    for q in [Qualifier::MoreThan, Qualifier::AtLeast, Qualifier::Approx] {
        if qs.contains(&Some(q)) {
            return q;
        }
    }
    Qualifier::Exact
}

const SCOPES: &[&str] = &["全市", "全县", "全省", "全国", "全区"];

/// A rank at `at`: 全市第一, 全市排名第一, 全县第3; or, after 位列 or 位居, in a field the text
/// names (位列金华市第一).
fn rank_at(chars: &[char], at: usize) -> Option<Figure> {
    let (scope, mut j) = match SCOPES.iter().find(|s| starts_with(chars, at, s)) {
        Some(s) => (s.to_string(), at + 2),
        None if ends_with(chars, at, "位列") || ends_with(chars, at, "位居") => {
            let han = |c: &char| ('\u{4e00}'..='\u{9fff}').contains(c) && !is_chinese_numeral(*c);
            let field = chars[at..]
                .iter()
                .take(8)
                .take_while(|c| han(c) && **c != '第')
                .count();
            let field = if ends_with(chars, at + field, "排名") {
                field - 2
            } else {
                field
            };
            if field == 0 {
                return None;
            }
            (chars[at..at + field].iter().collect(), at + field)
        }
        None => return None,
    };
    for word in ["排名", "排行"] {
        if starts_with(chars, j, word) {
            j += 2;
        }
    }
    if chars.get(j) != Some(&'第') {
        return None;
    }
    let from = j + 1;
    let arabic = chars.get(from).is_some_and(|&c| is_digit(c));
    let end = from
        + chars[from.min(chars.len())..]
            .iter()
            .take_while(|&&c| {
                if arabic {
                    is_digit(c)
                } else {
                    is_chinese_numeral(c)
                }
            })
            .count();
    let run: String = chars[from..end].iter().collect();
    let value = if arabic {
        decimal::parse(&run.chars().map(half_width).collect::<String>())?
    } else {
        chinese_value(&run)? as f64
    };
    // A place in a ranking is a small whole number; a run of digits after 第 is something else.
    (value >= 1.0 && end - from <= 4).then_some(Figure {
        start: at,
        end,
        value,
        unit: "位",
        qualifier: Qualifier::Rank,
        scope: Some(scope),
    })
}

/// The end of a run of digits with an optional decimal part, from `at`.
fn digits_end(chars: &[char], at: usize) -> usize {
    let mut j = at;
    while chars.get(j).is_some_and(|&c| is_digit(c)) {
        j += 1;
    }
    if matches!(chars.get(j), Some('.' | '．')) && chars.get(j + 1).is_some_and(|&c| is_digit(c)) {
        j += 1;
        while chars.get(j).is_some_and(|&c| is_digit(c)) {
            j += 1;
        }
    }
    j
}

/// What follows a number: [余/多] [万/亿/千] [余/多] unit [以上/左右]. `Ok` with the end of the
/// printed figure, its unit and the qualifiers; `Err` with why it is not drafted.
fn after_number(
    chars: &[char],
    at: usize,
    chinese: bool,
) -> Result<(usize, &'static str, Vec<Option<Qualifier>>), String> {
    let mut j = at;
    let mut qs = Vec::new();
    let more = |j: &mut usize, qs: &mut Vec<_>| {
        if matches!(chars.get(*j), Some('余' | '多')) {
            qs.push(Some(Qualifier::MoreThan));
            *j += 1;
        }
    };
    more(&mut j, &mut qs);
    let scale = chars.get(j).copied().filter(|c| "万亿千".contains(*c));
    if scale.is_some() {
        j += 1;
        more(&mut j, &mut qs);
    }
    let Some((unit, n)) = unit_at(chars, j, scale) else {
        let next: String = chars[j.min(chars.len())..]
            .iter()
            .take_while(|c| !is_digit(**c) && !is_mark(**c))
            .take(2)
            .collect();
        let read: String = scale.into_iter().chain(next.chars()).collect();
        return Err(if read.is_empty() {
            "no unit".into()
        } else {
            format!("unit 「{read}」 is not in the units table")
        });
    };
    // 「十年」 after a Chinese numeral is rhetoric more often than a span of years.
    if chinese && units::lookup(unit).is_some_and(|(_, b)| b == BaseUnit::Year) {
        return Err(format!("「{unit}」 after a Chinese numeral is not a count"));
    }
    if let Some(why) = refused_unit(chars, unit, j + n) {
        return Err(why);
    }
    j += n;
    if starts_with(chars, j, "以上") {
        qs.push(Some(Qualifier::AtLeast));
        j += 2;
    } else if starts_with(chars, j, "左右") {
        qs.push(Some(Qualifier::Approx));
        j += 2;
    } else if starts_with(chars, j, "以下") || starts_with(chars, j, "以内") {
        return Err("「以下/以内」 (at most) has no qualifier in the data".into());
    }
    Ok((j, unit, qs))
}

/// Every number of a paragraph, in order, as a figure, a non-figure or a miss.
pub(super) fn scan(chars: &[char]) -> Vec<Found> {
    let encl = enclosures(chars);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(f) = rank_at(chars, i) {
            i = f.end;
            out.push(Found::Figure(f));
            continue;
        }
        let c = chars[i];
        let fresh = i == 0 || !(is_digit(chars[i - 1]) || is_chinese_numeral(chars[i - 1]));
        let next = if is_digit(c) {
            arabic(chars, &encl, i)
        } else if is_chinese_numeral(c) && fresh {
            chinese(chars, &encl, i)
        } else {
            None
        };
        match next {
            Some(found) => {
                i = match &found {
                    Found::Figure(f) => f.end,
                    Found::Not { end, .. } | Found::Miss { end, .. } => *end,
                }
                .max(i + 1);
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

fn arabic(chars: &[char], encl: &[Option<NotFigure>], at: usize) -> Option<Found> {
    let end = digits_end(chars, at);
    let not = |start, end, why| Some(Found::Not { start, end, why });
    let miss = |start, end, why: String| Some(Found::Miss { start, end, why });
    if let Some(why) = encl[at] {
        // A name like 「1+5+10」 is one non-figure, not three numbers.
        let part = |c: char| is_digit(c) || "+-×/.．~～".contains(c);
        let mut s = at;
        while s > 0 && encl[s - 1] == Some(why) && part(chars[s - 1]) {
            s -= 1;
        }
        let mut e = end;
        while e < chars.len() && encl[e] == Some(why) && part(chars[e]) {
            e += 1;
        }
        return not(s, e, why);
    }
    let before = at.checked_sub(1).map(|b| chars[b]);
    let after = chars.get(end).copied();
    if before == Some('第') {
        return not(at, end, NotFigure::Ordinal);
    }
    if before.is_some_and(|c| c.is_ascii_alphabetic())
        || after.is_some_and(|c| c.is_ascii_alphabetic())
    {
        return not(at, end, NotFigure::Name);
    }
    let number: String = chars[at..end].iter().map(|&c| half_width(c)).collect();
    // More digits than a float holds is no figure of a report (and would not read back).
    if number.len() > 15 {
        return miss(at, end, "a number too long to be a figure".into());
    }
    let is_range = |c: Option<char>| c.is_some_and(|c| "-~～—至到".contains(c));
    let year = number.len() == 4 && (1900..=2099).contains(&number.parse::<u32>().unwrap_or(0));
    if year
        && (after == Some('年')
            || (is_range(after) && chars.get(end + 1).is_some_and(|&c| is_digit(c))))
    {
        return not(at, end, NotFigure::Year);
    }
    if after.is_some_and(|c| "月日号时".contains(c)) {
        return not(at, end, NotFigure::Date);
    }
    if is_range(after) && chars.get(end + 1).is_some_and(|&c| is_digit(c)) {
        let e = digits_end(chars, end + 1);
        return miss(at, e, "a range of two numbers".into());
    }
    if matches!(after, Some(',' | '，'))
        && chars
            .get(end + 1..end + 4)
            .is_some_and(|g| g.iter().all(|&c| is_digit(c)))
        && !chars.get(end + 4).is_some_and(|&c| is_digit(c))
    {
        return miss(at, end + 4, "a number with a thousands separator".into());
    }
    let (pre, pre_q) = match prefix(chars, at) {
        Ok(p) => p,
        Err(why) => return miss(at, end, why),
    };
    match after_number(chars, end, false) {
        Ok((e, unit, mut qs)) => {
            qs.push(pre_q);
            Some(Found::Figure(Figure {
                start: at - pre,
                end: e,
                value: decimal::parse(&number)?,
                unit,
                qualifier: strongest(&qs),
                scope: None,
            }))
        }
        Err(why) => miss(at, end, why),
    }
}

fn chinese(chars: &[char], encl: &[Option<NotFigure>], at: usize) -> Option<Found> {
    let end = at
        + chars[at..]
            .iter()
            .take_while(|&&c| is_chinese_numeral(c))
            .count();
    let run: String = chars[at..end].iter().collect();
    // 「一」 alone is the article (一名优秀的), digits alone a year or a guess (七八个); a name,
    // a title, an ordinal or a word like 这两家 is no count.
    let digits_only = run.chars().all(|c| !"十百千".contains(c));
    let before = at.checked_sub(1).map(|b| chars[b]);
    if run == "一"
        || (digits_only && run.chars().count() > 1)
        || encl[at].is_some()
        || before.is_some_and(|c| "第这那每各前后头之唯统万同".contains(c))
    {
        return None;
    }
    let value = chinese_value(&run)? as f64;
    let (pre, pre_q) = prefix(chars, at).ok()?;
    match after_number(chars, end, true) {
        // 一个个, 一项项: a word, not a count.
        Ok((e, unit, _)) if chars.get(e).is_some_and(|&c| unit.ends_with(c)) => None,
        Ok((e, unit, mut qs)) => {
            qs.push(pre_q);
            Some(Found::Figure(Figure {
                start: at - pre,
                end: e,
                value,
                unit,
                qualifier: strongest(&qs),
                scope: None,
            }))
        }
        // 三万辆: a Chinese numeral with a scale and an unknown unit, said so.
        Err(_) if matches!(chars.get(end), Some('万' | '亿')) => Some(Found::Miss {
            start: at,
            end: end + 1,
            why: "a Chinese numeral with 万/亿: enter it by hand".into(),
        }),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(String, f64, &'static str, Qualifier)> {
        let chars: Vec<char> = text.chars().collect();
        scan(&chars)
            .into_iter()
            .filter_map(|f| match f {
                Found::Figure(f) => Some((
                    chars[f.start..f.end].iter().collect(),
                    f.value,
                    f.unit,
                    f.qualifier,
                )),
                _ => None,
            })
            .collect()
    }

    fn others(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        scan(&chars)
            .into_iter()
            .filter_map(|f| match f {
                Found::Not { start, end, why } => Some(format!(
                    "{why:?} {}",
                    chars[start..end].iter().collect::<String>()
                )),
                Found::Miss { start, end, .. } => Some(format!(
                    "miss {}",
                    chars[start..end].iter().collect::<String>()
                )),
                Found::Figure(_) => None,
            })
            .collect()
    }

    #[test]
    fn figures_with_scale_unit_and_qualifier() {
        use Qualifier::*;
        let f = figures(
            "规上工业总产值12.34亿元，同比增长1.92%；发放救助金6.6万余元，涉及面积3.5万多平方米，\
             收入超50万元，100万元以上的有4个，吸纳540余名，共为600多名，约30家，近20户，50人左右",
        );
        let want = [
            ("12.34亿元", 12.34, "亿元", Exact),
            ("1.92%", 1.92, "%", Exact),
            ("6.6万余元", 6.6, "万元", MoreThan),
            ("3.5万多平方米", 3.5, "万平方米", MoreThan),
            ("超50万元", 50.0, "万元", MoreThan),
            ("100万元以上", 100.0, "万元", AtLeast),
            ("4个", 4.0, "个", Exact),
            ("540余名", 540.0, "名", MoreThan),
            ("600多名", 600.0, "名", MoreThan),
            ("约30家", 30.0, "家", Approx),
            ("近20户", 20.0, "户", Approx),
            ("50人左右", 50.0, "人", Approx),
        ];
        let got: Vec<_> = f
            .iter()
            .map(|(p, v, u, q)| (p.as_str(), *v, *u, *q))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn ranks_and_chinese_numerals() {
        use Qualifier::*;
        let f = figures(
            "位列全市第一，全市排名第一，全县第3，位列金华市第二，新增两家、二十个、三项，十大领域",
        );
        let got: Vec<_> = f
            .iter()
            .map(|(p, v, u, q)| (p.as_str(), *v, *u, *q))
            .collect();
        assert_eq!(
            got,
            [
                ("全市第一", 1.0, "位", Rank),
                ("全市排名第一", 1.0, "位", Rank),
                ("全县第3", 3.0, "位", Rank),
                ("金华市第二", 2.0, "位", Rank),
                ("两家", 2.0, "家", Exact),
                ("二十个", 20.0, "个", Exact),
                ("三项", 3.0, "项", Exact),
                ("十大", 10.0, "大", Exact),
            ]
        );
        // Words, not counts.
        assert!(figures(
            "一名优秀的“新西溪人”，一个个项目，这一项项，七八个人，唯一，位列第一方阵"
        )
        .is_empty());
    }

    #[test]
    fn full_width_digits_are_figures() {
        let f = figures("新建公园１２个，举办活动1２0余场");
        assert_eq!(f[0].0, "１２个");
        assert_eq!(f[0].1, 12.0);
        assert_eq!(f[1].1, 120.0);
    }

    #[test]
    fn numbers_that_are_not_figures() {
        assert_eq!(
            others(
                "2023年，农村“1357”共富工坊，“1+5+10”指挥体系，《话剧<南湖·1921>下乡演出》，\
                 第19届，12月5日，5G基站"
            ),
            [
                "Year 2023",
                "Name 1357",
                "Name 1+5+10",
                "Title 1921",
                "Ordinal 19",
                "Date 12",
                "Date 5",
                "Name 5",
            ]
        );
    }

    #[test]
    fn what_the_data_cannot_say_is_a_miss() {
        assert_eq!(
            others("新增车辆50辆，服务1000人次，3-5家，逾30家，不足20人，10个百分点，1,200个，3位专家，编号12，三万辆"),
            [
                "miss 50",
                "miss 1000",
                "miss 3-5",
                "miss 30",
                "miss 20",
                "miss 10",
                "miss 1,200",
                "miss 3",
                "miss 12",
                "miss 三万",
            ]
        );
    }

    #[test]
    fn a_stray_quotation_mark_hides_nothing() {
        let f = figures("“影视有约工坊依托资源，新增就业岗位1200个");
        assert_eq!(f.len(), 1);
    }
}

//! Problems in words a portal editor understands, for `datatool check`: where each one is (the
//! JSON path and the line of the file), what is wrong and how to fix it, in Chinese or English.
//! The problems themselves come only from `validate` and `fidelity` ([`Problem`]); this layer
//! adds the words, chosen by the problem's [`ProblemKind`], and reads the file to fill them in.

use serde_json::Value;

use super::{printed_number, Problem, ProblemKind};
use crate::core::model::{units, Lang};

/// One problem explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// e.g. `$.highlights[12].metrics[0].value`
    pub path: String,
    /// 1-based line of the file where that value starts (or the nearest enclosing one found).
    pub line: Option<usize>,
    pub what: String,
    pub fix: String,
}

/// A report file as text and as JSON: what problems are located and explained in.
pub struct Doc<'a> {
    text: &'a str,
    json: Option<Value>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc {
            text,
            json: serde_json::from_str(text).ok(),
        }
    }

    fn at(&self, path: &[Seg]) -> Option<&Value> {
        path.iter()
            .try_fold(self.json.as_ref()?, |v, seg| match seg {
                Seg::Key(k) => v.get(k.as_str()),
                Seg::Index(i) => v.get(*i),
            })
    }

    /// The ids of a list of records (`themes`, `chapters`), for "use one of …".
    fn ids(&self, list: &str) -> String {
        let ids: Vec<&str> = self
            .json
            .as_ref()
            .and_then(|j| j.get(list))
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|r| r.get("id")?.as_str()).collect())
            .unwrap_or_default();
        if ids.is_empty() {
            "—".into()
        } else {
            ids.join(", ")
        }
    }

    /// The position of the record with this id in a list, if the file has one.
    fn index_of(&self, list: &str, id: &str) -> Option<usize> {
        self.json
            .as_ref()?
            .get(list)?
            .as_array()?
            .iter()
            .position(|r| r.get("id").and_then(Value::as_str) == Some(id))
    }
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// `source.blocks[3]`, `metrics[0].label.zh` → steps; `-` (the whole record) → none.
fn segments(dotted: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    for part in dotted.split('.').filter(|p| !p.is_empty() && *p != "-") {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Seg::Key(key.to_owned()));
        }
        out.extend(
            pieces
                .filter_map(|p| p.strip_suffix(']')?.parse().ok())
                .map(Seg::Index),
        );
    }
    out
}

/// The path of a problem in the file. A record is named `highlights[12] (id)`: its id wins over
/// its position, since the fidelity checks count only the records that loaded.
fn path_of(p: &Problem, doc: &Doc) -> Vec<Seg> {
    let (name, id) = match p.record.split_once(" (") {
        Some((name, rest)) => (name, rest.strip_suffix(')')),
        None => (p.record.as_str(), None),
    };
    let mut path = match name {
        "report" | "charts" | "index" | "" => Vec::new(),
        _ => segments(name),
    };
    if let (Some(id), [Seg::Key(list), Seg::Index(i)]) = (id, path.as_mut_slice()) {
        if let Some(found) = doc.index_of(list, id) {
            *i = found;
        }
    }
    path.extend(segments(&p.field));
    path
}

fn render(path: &[Seg]) -> String {
    let mut s = String::from("$");
    for seg in path {
        match seg {
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// A reader of JSON text that keeps count of lines: enough to walk a path in a file that parses.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
        }
        self.i += 1;
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.bump();
        }
    }

    /// Past a string; its raw text (escapes left as written).
    fn string(&mut self) -> Option<&[u8]> {
        if self.peek()? != b'"' {
            return None;
        }
        self.bump();
        let start = self.i;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                _ => self.bump(),
            }
        }
        let s = &self.b[start..self.i];
        self.bump();
        Some(s)
    }

    /// Past one value of any kind.
    fn skip(&mut self) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.bump();
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.bump();
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
                ) {
                    self.bump();
                }
                Some(())
            }
        }
    }

    /// Into the value one step of the path names; `None` if there is none.
    fn step(&mut self, seg: &Seg) -> Option<()> {
        self.ws();
        match seg {
            Seg::Key(key) => {
                if self.peek()? != b'{' {
                    return None;
                }
                self.bump();
                loop {
                    self.ws();
                    let k = self.string()?;
                    let hit = k == key.as_bytes();
                    self.ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.bump();
                    self.ws();
                    if hit {
                        return Some(());
                    }
                    self.skip()?;
                    self.ws();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.bump();
                }
            }
            Seg::Index(n) => {
                if self.peek()? != b'[' {
                    return None;
                }
                self.bump();
                for _ in 0..*n {
                    self.skip()?;
                    self.ws();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.bump();
                }
                self.ws();
                (self.peek()? != b']').then_some(())
            }
        }
    }
}

/// The line of the file where the value at `path` starts, or where the deepest part of the path
/// that exists starts (a field that is missing is reported at its record).
fn line_of(text: &str, path: &[Seg]) -> Option<usize> {
    let mut scan = Scan {
        b: text.as_bytes(),
        i: 0,
        line: 1,
    };
    scan.ws();
    scan.peek()?;
    let mut line = scan.line;
    for seg in path {
        if scan.step(seg).is_none() {
            break;
        }
        line = scan.line;
    }
    Some(line)
}

/// Where the problem is, what is wrong and how to fix it, in `lang`.
pub fn explain(p: &Problem, doc: &Doc, lang: Lang) -> Explanation {
    let path = path_of(p, doc);
    let mut line = line_of(doc.text, &path);
    // A record that does not parse: the parser counts lines from the record's start, which is a
    // verbatim slice of the file, so its line is the record's line and as many more.
    let mut plain;
    let mut p = p;
    if let Some((message, at)) = record_position(p) {
        line = line.map(|l| l + at - 1);
        plain = p.clone();
        plain.message = message;
        p = &plain;
    }
    let ctx = Ctx {
        p,
        doc,
        here: doc.at(&path),
    };
    let [en_what, en_fix, zh_what, zh_fix] = words(&ctx);
    let (what, fix) = match lang {
        Lang::En => (en_what, en_fix),
        Lang::Zh => (zh_what, zh_fix),
    };
    Explanation {
        path: render(&path),
        line,
        what,
        fix,
    }
}

/// A parser's message without its position (" at line 4 column 15"), and the line it names.
fn record_position(p: &Problem) -> Option<(String, usize)> {
    if p.kind != ProblemKind::Unparsable {
        return None;
    }
    let (message, at) = p.message.rsplit_once(" at line ")?;
    let line = at.split_once(" column ")?.0.parse().ok()?;
    Some((message.to_owned(), line))
}

/// What an explanation is made from: the problem, the file, and the value the path names.
struct Ctx<'a> {
    p: &'a Problem,
    doc: &'a Doc<'a>,
    here: Option<&'a Value>,
}

impl Ctx<'_> {
    /// The `n`-th value the message names between backticks (messages name values that way).
    fn tick(&self, n: usize) -> String {
        self.p
            .message
            .split('`')
            .skip(1)
            .step_by(2)
            .nth(n)
            .unwrap_or("")
            .to_owned()
    }

    /// The value at the path, as an editor would type it.
    fn here(&self) -> String {
        match self.here {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => "—".into(),
        }
    }

    fn msg(&self) -> &str {
        &self.p.message
    }

    /// The `n`-th word a message quotes in 「…」.
    fn quoted(&self, n: usize) -> &str {
        self.msg()
            .split('「')
            .skip(1)
            .filter_map(|s| s.split_once('」').map(|(q, _)| q))
            .nth(n)
            .unwrap_or("")
    }

    /// The stretch of the report a message quotes in 「…」.
    fn stretch(&self) -> &str {
        let m = self.msg();
        m.split_once('「')
            .and_then(|(_, rest)| rest.rsplit_once('」'))
            .map_or(m, |(s, _)| s)
    }

    fn field_is(&self, last: &str) -> bool {
        self.p.field == last || self.p.field.ends_with(&format!(".{last}"))
    }
}

/// [English what, English fix, Chinese what, Chinese fix].
fn words(c: &Ctx) -> [String; 4] {
    use ProblemKind as K;
    let (m, here, t0) = (c.msg(), c.here(), c.tick(0));
    let s = |a: &str, b: &str, x: &str, y: &str| [a.into(), b.into(), x.into(), y.into()];
    match c.p.kind {
        K::Unparsable => [
            format!("This record is not in the shape the app reads: {m}."),
            "Compare it with a record that loads: field names spelled as in \
             public/data/schema.json, text in quotes, numbers without quotes, no field missing \
             or added."
                .into(),
            format!("这条记录的格式不对，程序读不了（{m}）。"),
            "对照一条能正常显示的记录修改：字段名与 public/data/schema.json 一致，文字加引号，\
             数字不加引号，字段不多也不少。"
                .into(),
        ],
        K::SchemaVersion => [
            format!("The file says it is format version {here}; this app reads version 1."),
            "Set \"schema_version\" to 1 once the file follows the current format.".into(),
            format!("文件标明的格式版本是 {here}，本程序读取的是第 1 版。"),
            "确认文件符合当前格式后，把 \"schema_version\" 改为 1。".into(),
        ],
        K::NotSlug => [
            format!(
                "The id `{t0}` may only hold lower-case letters a–z, digits and hyphens: it goes \
                 into links."
            ),
            "Rewrite it like `village-income-rank`: lower case, hyphens for spaces, no Chinese."
                .into(),
            format!("编号“{t0}”只能用小写英文字母、数字和连字符（它会出现在链接里）。"),
            "改成类似 `village-income-rank` 的写法：小写字母，用连字符代替空格，不用汉字。".into(),
        ],
        K::DuplicateId => [
            format!("Two records use the same id `{here}`."),
            "Give one of them a new id. A highlight that is renamed keeps its old id in \
             \"aliases\", so links shared before still open it."
                .into(),
            format!("编号“{here}”重复，另一条记录已经在用。"),
            "给其中一条换一个新编号；改过编号的亮点把旧编号写进 \"aliases\"，\
             以前分享的链接仍能打开。"
                .into(),
        ],
        K::UnknownChapter | K::UnknownTheme => {
            let (list, en, zh) = if c.p.kind == K::UnknownTheme {
                ("themes", "theme", "主题")
            } else {
                ("chapters", "chapter", "章节")
            };
            let ids = c.doc.ids(list);
            [
                format!("The {en} `{t0}` is not one of the report's {list} ({ids})."),
                format!("Use one of: {ids}; or add a {en} with the id `{t0}` to \"{list}\"."),
                format!("{zh}“{t0}”不在本报告的{zh}列表（{list}）里，现有：{ids}。"),
                format!("改用已有的{zh}之一：{ids}；或在 \"{list}\" 里添加编号为“{t0}”的{zh}。"),
            ]
        }
        K::EmptyText => s(
            "This text is empty.",
            "Write it: the Chinese as the report says it, the English a translation of it.",
            "这段文字是空的。",
            "补上文字：中文依据报道原文，英文为对应的翻译。",
        ),
        K::BadLines => [
            format!(
                "The line range {here} is not a range of lines of the source text (the first \
                 line is 1 or more and not after the last)."
            ),
            "Set \"lines\" to the first and last line of the paragraph in the source text, then \
             run `datatool fill` to recompute its text."
                .into(),
            format!("行号范围 {here} 不是原文文件中的有效行号（首行从 1 开始，且不能大于末行）。"),
            "把 \"lines\" 改为这一段在原文文件中的首行和末行，再运行 `datatool fill` \
             重新生成文字。"
                .into(),
        ],
        K::StaleBlock => s(
            "The paragraph's text is not what its lines of the source text give: the source \
             text or the line numbers changed since the file was filled.",
            "Run `datatool fill FILE`: it recomputes every paragraph's text from the source.",
            "这一段的文字与原文文件中对应各行的内容不一致（原文或行号改过之后没有重新生成）。",
            "运行 `datatool fill 文件`，按原文重新生成各段文字。",
        ),
        K::NonFigureNumber => [
            format!("The number `{t0}` is not in the text given as its context."),
            "Copy the number exactly as it stands in \"context\".".into(),
            format!("数字“{t0}”不在它的上下文（context）里。"),
            "按 \"context\" 中的写法原样填写数字。".into(),
        ],
        K::NonFigureContext | K::UnhighlightedNotFound => [
            format!(
                "This text is not found in the report: 「{}」.",
                if t0.is_empty() { c.stretch() } else { &t0 }
            ),
            "Copy a stretch of the report verbatim, from one paragraph: the same characters and \
             full-width punctuation as printed."
                .into(),
            format!(
                "在报道中找不到这段文字：「{}」。",
                if t0.is_empty() { c.stretch() } else { &t0 }
            ),
            "从报道的同一段中原样复制：字符和全角标点都与原文一致。".into(),
        ],
        K::Status => s(
            "A project needs a status (where it stands), and only a project has one.",
            "For a project set \"status\" to `completed`, `under_construction` or \
             `design_finished` as the report says; for any other kind remove \"status\".",
            "项目类亮点必须写明进度（status），其他类型不能有进度。",
            "项目类按报道填写 \"status\"：completed（已完工）、under_construction（已开工）\
             或 design_finished（已完成设计）；其他类型删去 \"status\"。",
        ),
        K::NoQuote => s(
            "The highlight has no source sentence.",
            "Copy the sentence it comes from, verbatim, into \"quotes\" and run `datatool fill` \
             to fill its position.",
            "这条亮点没有引用原文。",
            "把出处的原句原样复制到 \"quotes\"，再运行 `datatool fill` 自动填写位置。",
        ),
        K::QuoteBlock | K::QuoteNotVerbatim | K::QuoteLines => [
            format!(
                "The quote is not found word for word where it says it is in the report ({m})."
            ),
            "Copy the sentence again from the report (the same characters, full-width \
             punctuation as printed) and run `datatool fill`: it fills \"block\", \"offset\" \
             and \"lines\"."
                .into(),
            format!("引文与报道原文对不上，或标注的位置不对（{m}）。"),
            "从报道中原样复制这句话（字符、全角标点与原文一致），再运行 `datatool fill` \
             自动填写 \"block\"、\"offset\" 和 \"lines\"。"
                .into(),
        ],
        K::MetricId => [
            format!("The figure id `{t0}` is used twice in this highlight, or is not a lower-case slug."),
            "Give each figure of a highlight its own id, e.g. `firms`, `amount`.".into(),
            format!("数据编号“{t0}”在这条亮点里重复，或不是小写字母、数字、连字符的写法。"),
            "同一条亮点里的每个数据用不同的编号，如 `firms`、`amount`。".into(),
        ],
        K::NotFinite => s(
            "The value is not a usable number.",
            "Write a plain number, e.g. 12.34.",
            "数值不是有效的数字。",
            "填写普通数字，如 12.34。",
        ),
        K::UnknownUnit => {
            let known: Vec<&str> = units::known_units().collect();
            let known = known.join(" ");
            [
                format!("The unit `{t0}` is not one the app knows ({known})."),
                "Use a known unit as the report prints it (万元 for 「6.6万余元」); a new unit is \
                 added to src/model/units.rs and public/data/schema.json first."
                    .into(),
                format!("单位“{t0}”程序不认识（可用：{known}）。"),
                "按报道的写法改用已有单位（如「6.6万余元」用 万元）；需要新单位时，\
                 先在 src/model/units.rs 和 public/data/schema.json 中添加。"
                    .into(),
            ]
        }
        K::BaseUnit | K::BaseValue => [
            format!("The value in the base unit does not agree with the value and unit ({m})."),
            "Run `datatool fill`: it computes \"base_value\" and \"base_unit\" from \"value\" \
             and \"unit\"."
                .into(),
            format!("换算后的数值或单位与 value、unit 不一致（{m}）。"),
            "运行 `datatool fill`，它会根据 \"value\" 和 \"unit\" 算出 \"base_value\" 和 \
             \"base_unit\"。"
                .into(),
        ],
        K::PrintedAndDerived => s(
            "A figure is either printed in the report or computed from others, not both.",
            "Remove \"derived\" if the report prints the figure, or \"printed\" if it is computed.",
            "一个数据要么是报道印出的，要么是推算的，不能两者都有。",
            "报道印了这个数就删去 \"derived\"；是推算的就删去 \"printed\"。",
        ),
        K::NoValueSource => s(
            "The figure has neither \"printed\" (as the report prints it) nor \"derived\" (how it \
             is computed).",
            "Add \"printed\" with the figure exactly as the report prints it, e.g. 「3000余场」.",
            "这个数据既没有 \"printed\"（报道原文的写法），也没有 \"derived\"（推算方法）。",
            "补上 \"printed\"，按报道原样填写，如「3000余场」。",
        ),
        K::Scope => s(
            "A rank needs a scope (ranked where, e.g. 全市), and only a rank has one.",
            "For a rank (qualifier `rank`) add \"scope\", e.g. {\"zh\": \"全市\", \"en\": \
             \"citywide\"}; otherwise remove \"scope\".",
            "排名必须写明范围（如“全市”），不是排名就不能有范围。",
            "排名（qualifier 为 rank）补上 \"scope\"，如 {\"zh\": \"全市\", \"en\": \"citywide\"}；\
             不是排名就删去 \"scope\"。",
        ),
        K::Counts => s(
            "\"counts\" names what is counted as a lower-case slug.",
            "Write it like `care-centres`.",
            "\"counts\" 要用小写字母、数字和连字符写明统计的对象。",
            "写成类似 `care-centres` 的形式。",
        ),
        K::PrintedNotQuoted => [
            format!("The printed figure `{t0}` is not in the highlight's quotes."),
            "Copy \"printed\" exactly as it stands in a quote (with its 余/多/以上), or quote the \
             sentence that prints it."
                .into(),
            format!("数据的原文写法“{t0}”不在这条亮点的引文里。"),
            "按引文原样填写 \"printed\"（连同“余”“多”“以上”等字），或把印有这个数的原句加进引文。"
                .into(),
        ],
        K::ValueDisagrees => {
            let says = printed_number(&t0).map_or("—".into(), |v| v.to_string());
            [
                format!(
                    "The number does not match the figure the report prints: 「{t0}」 is {says}, \
                     the file has {here}."
                ),
                format!(
                    "Set \"value\" to {says}, or correct \"printed\" if the report prints \
                     another figure."
                ),
                format!("数值与报道印出的数字不一致：「{t0}」是 {says}，文件里写的是 {here}。"),
                format!("把 \"value\" 改为 {says}；如果报道印的是别的数，就改正 \"printed\"。"),
            ]
        }
        K::NoNumber => [
            format!("The printed figure `{t0}` holds no number."),
            "Copy the figure with its number, e.g. 「12.34亿元」 or 「全市第一」.".into(),
            format!("原文写法“{t0}”里没有数字。"),
            "连同数字一起复制，如「12.34亿元」或「全市第一」。".into(),
        ],
        K::Qualifier => [
            format!("The qualifier `{here}` does not match how 「{t0}」 is printed."),
            "Use `exact` for a plain figure, `more_than` for 余/多/超, `at_least` for 以上, \
             `approx` for 约/近/左右, `rank` for 第…."
                .into(),
            format!("限定词 `{here}` 与「{t0}」的写法不符。"),
            "没有限定字用 exact；“余、多、超”用 more_than；“以上”用 at_least；\
             “约、近、左右”用 approx；“第…”用 rank。"
                .into(),
        ],
        K::Change => [
            format!(
                "The figure is marked as a change `{here}`, but no quote says so right before \
                 「{t0}」 ({m})."
            ),
            "Remove \"change\", or quote the words the report prints before the figure \
             (「同比增长」, 「下降」)."
                .into(),
            format!("这个数据标为变化 `{here}`，但引文中「{t0}」前面没有相应的字样（{m}）。"),
            "删去 \"change\"，或把报道中数字前的“同比增长”“下降”等字一并引用。".into(),
        ],
        K::Formula | K::DerivedValue | K::DerivedQualifier => [
            format!("The computed figure does not check out: {m}."),
            "Check the formula's references (`{highlight-id/metric-id}`) and run `datatool \
             fill`, which recomputes the value; use `approx` when the result was rounded, \
             `exact` when it was not."
                .into(),
            format!("推算值核对不上（{m}）。"),
            "检查公式中引用的编号（`{亮点编号/数据编号}`），再运行 `datatool fill` 重新计算；\
             结果经过四舍五入的用 approx，没有的用 exact。"
                .into(),
        ],
        K::NotParts => [
            format!(
                "The formula combines figures the report does not state as parts of one whole \
                 ({m})."
            ),
            "Combine only a whole and the parts the report states with 「其中」 (each part names \
             its whole in \"part_of\"), or remove the computed figure."
                .into(),
            format!("公式把报道并未说明属于同一整体的数据放在一起计算（{m}）。"),
            "只能用整体和报道用“其中”说明的部分来推算（部分在 \"part_of\" 中写明整体），\
             否则删去这个推算值。"
                .into(),
        ],
        K::UnknownMetric => [
            format!("There is no figure `{t0}` (written highlight-id/metric-id)."),
            "Check the spelling against the highlight's \"id\" and the figure's \"id\".".into(),
            format!("找不到数据“{t0}”（写法为 亮点编号/数据编号）。"),
            "对照亮点的 \"id\" 和数据的 \"id\" 检查拼写。".into(),
        ],
        K::PartKind | K::PartTooBig | K::PartNoQizhong => [
            format!("This figure is marked as part of another, but {m}."),
            "Check the figures against the report; keep \"part_of\" only where the report says \
             「其中」 and both count the same thing in the same unit, otherwise remove it."
                .into(),
            format!("这个数据标为另一个数据的一部分，但不成立（{m}）。"),
            "对照报道核对：只有报道写明“其中”、且两者统计对象和单位相同时才保留 \
             \"part_of\"，否则删去。"
                .into(),
        ],
        K::DerivedKeyFigure => s(
            "A key figure must be a figure the report prints, not a computed one.",
            "Choose a printed figure for \"key_figures\".",
            "页首的关键数据必须是报道印出的数，不能是推算值。",
            "在 \"key_figures\" 中改选报道印出的数据。",
        ),
        K::ChartMixes | K::ChartNotPart => [
            format!("The chart would mislead: {m}."),
            "Keep in one chart only figures with the same \"counts\" and base unit, and draw as \
             a part only a figure whose \"part_of\" names the whole."
                .into(),
            format!("这张图会误导读者（{m}）。"),
            "一张图只放统计对象（counts）和单位都相同的数据；作为“部分”画出的数据，\
             其 \"part_of\" 必须指向整体。"
                .into(),
        ],
        K::Index => [
            format!("The list of reports is not usable: {m}."),
            "List at least one report, each with a relative \"href\" inside the site.".into(),
            format!("报告目录不可用（{m}）。"),
            "至少列出一份报告，\"href\" 用站内的相对路径。".into(),
        ],
        K::QualifierDropped => {
            let word = c.quoted(0);
            let of = if t0.is_empty() {
                String::new()
            } else {
                format!(" of 「{t0}」")
            };
            let zh_of = if t0.is_empty() {
                "这句话".to_owned()
            } else {
                format!("「{t0}」")
            };
            [
                format!(
                    "The report says 「{word}」{of}, and this text drops it: a reader would take \
                     the figure or statement for more than the report claims."
                ),
                format!(
                    "Keep 「{word}」 in the Chinese and say it in the English (e.g. \
                     \"cumulative\" for 累计, \"so far\" for 截至目前)."
                ),
                format!(
                    "报道对{zh_of}用了「{word}」，这里的文字把它丢掉了，读者会以为说的比报道更多。"
                ),
                format!(
                    "中文保留「{word}」，英文也要译出来（如“累计”译 cumulative，\
                     “截至目前”译 so far）。"
                ),
            ]
        }
        K::NumberNotQuoted => [
            format!("The text states {t0}, which none of the highlight's quotes does."),
            "Remove the number, or quote the sentence of the report that states it.".into(),
            format!("这段文字写了 {t0}，但这条亮点的引文里都没有这个数。"),
            "删去这个数，或把报道中写有这个数的句子加进引文。".into(),
        ],
        K::UnknownHighlight => [
            format!("`{t0}` is not the id of a highlight."),
            "Use the id of an existing highlight.".into(),
            format!("“{t0}”不是任何一条亮点的编号。"),
            "改用已有亮点的编号。".into(),
        ],
        K::NoReason => s(
            "The reason why this stretch is left out is missing in one language.",
            "Say why in both \"zh\" and \"en\".",
            "没有用两种语言写明这段文字为何不做成亮点。",
            "在 \"zh\" 和 \"en\" 中都写上原因。",
        ),
        K::Uncovered => [
            format!(
                "This stretch of the report is neither quoted by a highlight nor listed as left \
                 out: 「{}」.",
                c.stretch()
            ),
            "Quote it in a highlight, or add it to \"source.unhighlighted\" with the reason it \
             is left out (rhetoric, a lead-in, an overview whose facts other cards carry)."
                .into(),
            format!(
                "报道中的这段文字既没有被亮点引用，也没有列为不做亮点：「{}」。",
                c.stretch()
            ),
            "把它引用到某条亮点里，或加进 \"source.unhighlighted\" 并写明原因\
             （修辞、过渡语、概述等）。"
                .into(),
        ],
        K::Todo if c.field_is("theme") || c.field_is("chapter") => {
            let (list, en, zh) = if c.field_is("theme") {
                ("themes", "theme", "主题")
            } else {
                ("chapters", "chapter", "章节")
            };
            let ids = c.doc.ids(list);
            [
                format!("The draft left the {en} to an author (`todo`)."),
                format!(
                    "Set \"{en}\" to one of the report's {list} ({ids}); define the report's own \
                     {list} in \"{list}\", and remove the placeholder `todo` once nothing uses it."
                ),
                format!("草稿没有确定{zh}（`todo`），需要编辑决定。"),
                format!(
                    "把 \"{en}\" 改为本报告的{zh}之一（{ids}）；在 \"{list}\" 中定义本报告自己的\
                     {zh}，没有记录再用 `todo` 时删去这个占位项。"
                ),
            ]
        }
        K::Todo => [
            format!("The English is still to be written (a draft's placeholder): {here}"),
            "Replace the \"todo: …\" text with the English for the Chinese beside it, and keep \
             any word the placeholder names."
                .into(),
            format!("英文尚未填写（草稿占位）：{here}"),
            "把 \"todo: …\" 换成旁边中文的英文译文；占位文字点名要保留的词要译出来。".into(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "{\n  \"id\": \"x\",\n  \"themes\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\"}\n  ],\n  \"highlights\": [\n    {\n      \"id\": \"h0\",\n      \"theme\": \"a\"\n    },\n    {\n      \"id\": \"h1\",\n      \"metrics\": [\n        {\"value\": 1,\n         \"printed\": \"2家\"}\n      ],\n      \"theme\": \"zz\"\n    }\n  ]\n}\n";

    /// A problem explained against `text`.
    fn explained(
        text: &str,
        kind: ProblemKind,
        at: [&str; 2],
        message: &str,
        lang: Lang,
    ) -> Explanation {
        let p = Problem {
            record: at[0].into(),
            field: at[1].into(),
            message: message.into(),
            kind,
        };
        explain(&p, &Doc::new(text), lang)
    }

    #[test]
    fn paths_walk_to_their_line() {
        let p = |s| line_of(FILE, &segments(s));
        assert_eq!(p(""), Some(1));
        assert_eq!(p("themes[1].id"), Some(5));
        assert_eq!(p("highlights[1].theme"), Some(18));
        assert_eq!(p("highlights[1].metrics[0].printed"), Some(16));
        // A field that is not there is reported at its record.
        assert_eq!(p("highlights[0].status"), Some(8));
        assert_eq!(p("highlights[5].theme"), Some(7));
    }

    #[test]
    fn a_record_is_found_by_its_id_and_explained_in_either_language() {
        // Named as the fidelity checks name it: by its place among the records that loaded.
        let at = ["highlights[0] (h1)", "theme"];
        let message = "unknown theme `zz`";
        let en = explained(FILE, ProblemKind::UnknownTheme, at, message, Lang::En);
        assert_eq!(
            (en.path.as_str(), en.line),
            ("$.highlights[1].theme", Some(18))
        );
        assert!(
            en.what.contains("`zz`") && en.fix.contains("a, b"),
            "{en:?}"
        );
        let zh = explained(FILE, ProblemKind::UnknownTheme, at, message, Lang::Zh);
        assert_eq!(zh.path, en.path);
        assert!(
            zh.what.contains("主题“zz”") && zh.fix.contains("a, b"),
            "{zh:?}"
        );
    }

    #[test]
    fn a_wrong_value_names_the_printed_number() {
        let at = ["highlights[1] (h1)", "metrics[0].value"];
        let e = explained(
            FILE,
            ProblemKind::ValueDisagrees,
            at,
            "1 but `2家` says 2",
            Lang::Zh,
        );
        assert_eq!(
            (e.path.as_str(), e.line),
            ("$.highlights[1].metrics[0].value", Some(15))
        );
        assert!(
            e.what.contains("「2家」是 2") && e.what.contains("写的是 1"),
            "{e:?}"
        );
    }

    #[test]
    fn a_record_that_does_not_parse_is_placed_at_the_parsers_line() {
        let at = ["highlights[1] (h1)", "-"];
        let message = "invalid type: string \"x\", expected f64 at line 4 column 19";
        let e = explained(FILE, ProblemKind::Unparsable, at, message, Lang::En);
        // The record opens on line 12; its fourth line is the file's fifteenth.
        assert_eq!((e.path.as_str(), e.line), ("$.highlights[1]", Some(15)));
        assert!(
            e.what.contains("expected f64") && !e.what.contains("column"),
            "{e:?}"
        );
    }

    #[test]
    fn text_that_is_not_json_still_gets_a_path() {
        let at = ["source.blocks[2]", "text"];
        let e = explained("not json", ProblemKind::EmptyText, at, "is empty", Lang::En);
        assert_eq!(e.path, "$.source.blocks[2].text");
        assert_eq!(e.line, Some(1));
    }
}

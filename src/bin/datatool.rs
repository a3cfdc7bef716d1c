//! Dataset tool: fills a report file's computed fields and validates it.
//!
//! ```text
//! cargo run --bin datatool -- fill  public/data/xixi-2023.json
//! cargo run --bin datatool -- check public/data/xixi-2023.json
//! cargo run --bin datatool -- check --lang zh public/data/xixi-2023.json
//! cargo run --bin datatool -- draft report.txt report.json
//! cargo run --bin datatool -- synth 10000 public/data/xixi-2023.json /tmp/synthetic-10000.json
//! ```
//!
//! `synth` writes a synthetic report of that many highlights (`xixi_highlights::core::synth`) for the
//! benchmark and the scale tests; it is written next to nothing the app ships.
//!
//! `fill` reads the report and its raw source text (`source.raw_href`, relative to the report
//! file) and rewrites the report with every computed field filled in:
//! - each block's `text`: the block's raw lines re-joined (`reflow::join_lines`);
//! - each quote's `block`, `offset` and `lines`, found by searching its text in the blocks;
//! - each metric's `base_value` and `base_unit`, from its value and unit;
//! - each derived metric's `value`, recomputed from its formula.
//!
//! Both subcommands then load the file as the app does and print every problem, each with where
//! it is (JSON path and line of the file), what is wrong and how to fix it
//! (`validate::explain`; in Chinese with `--lang zh`); the exit code is non-zero if there is any
//! problem. Warnings (a stretch of the report nobody quotes, a draft's `todo`) are printed too
//! but do not fail.
//!
//! `draft` writes a first draft of a report file from a report's plain text
//! (`xixi_highlights::core::draft`) for an author to finish; it refuses to overwrite a file. Its
//! `source.raw_href` is the text file's name, so write the draft next to the text (where `check`
//! and `fill` look for it). It prints the figures it could not draft, and why.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Deserialize;
use serde_json::Value;
use xixi_highlights::core::model::{units, Lang, Report, Source};
use xixi_highlights::core::validate::explain::{self, Doc};
use xixi_highlights::core::validate::fidelity::{self, Severity};
use xixi_highlights::core::validate::{Problem, ProblemKind};
use xixi_highlights::core::{draft, expr, load, reflow, synth, validate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [cmd, path] if cmd == "fill" => fill(Path::new(path)),
        [cmd, path] if cmd == "check" => check(Path::new(path), Lang::En),
        [cmd, flag, lang, path] if cmd == "check" && flag == "--lang" => {
            match Lang::from_code(lang) {
                Some(lang) => check(Path::new(path), lang),
                None => Err(format!("--lang {lang}: say zh or en")),
            }
        }
        [cmd, src, out] if cmd == "draft" => draft(Path::new(src), Path::new(out)),
        [cmd, n, real, out] if cmd == "synth" => synth(n, Path::new(real), Path::new(out)),
        [cmd, path] if cmd == "time" => time_load(Path::new(path)),
        _ => Err(
            "usage: datatool fill|time <report.json> | check [--lang zh|en] <report.json> | \
             draft <report.txt> <out.json> | \
             synth <count> <report.json> <out.json>"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("datatool: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A text file read as the app reads one: UTF-8, a byte-order mark dropped, another encoding
/// refused saying which.
fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    load::utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn raw_path(report_path: &Path, raw_href: &str) -> PathBuf {
    report_path
        .parent()
        .unwrap_or(Path::new("."))
        .join(raw_href)
}

fn fill(path: &Path) -> Result<(), String> {
    let json = read(path)?;
    let mut report: Report =
        serde_json::from_str(&json).map_err(|e| format!("{}: {e}", path.display()))?;
    let raw = read(&raw_path(path, &report.source.raw_href))?;

    for b in &mut report.source.blocks {
        b.text = reflow::join_lines(&raw, b.lines);
    }
    let mut errors = Vec::new();
    for (hi, h) in report.highlights.iter_mut().enumerate() {
        let rec = validate::record_name(hi, Some(&h.id));
        for (qi, q) in h.quotes.iter_mut().enumerate() {
            match reflow::locate(&report.source.blocks, &q.text, q.block, q.offset) {
                Ok((block, offset)) => {
                    let b = &report.source.blocks[block];
                    let owners = reflow::char_lines(&raw, b.lines);
                    q.block = block;
                    q.offset = offset;
                    // Found in the block, so its characters all have a line.
                    q.lines = reflow::span_lines(&owners, offset, q.text.chars().count())
                        .unwrap_or(b.lines);
                }
                Err(e) => errors.push(format!("{rec} · quotes[{qi}]: {e}")),
            }
        }
        for (mi, m) in h.metrics.iter_mut().enumerate() {
            match units::to_base(m.value, &m.unit) {
                Some((value, base)) => {
                    m.base_value = value;
                    m.base_unit = base;
                }
                None => errors.push(format!(
                    "{rec} · metrics[{mi}].unit: unknown unit `{}`",
                    m.unit
                )),
            }
        }
    }
    // Derived values may refer to other derived values: recompute until nothing changes.
    for _ in 0..4 {
        let mut changed = false;
        let snapshot = report.clone();
        let lookup = |name: &str| validate::metric_value(&snapshot, name);
        for h in &mut report.highlights {
            for m in &mut h.metrics {
                let Some(d) = &m.derived else { continue };
                if let Ok(v) = expr::eval(&d.formula, &lookup) {
                    let scale = 10f64.powi(d.decimals as i32);
                    let v = (v * scale).round() / scale;
                    if v != m.value {
                        changed = true;
                    }
                    m.value = v;
                    m.base_value = units::to_base(v, &m.unit).map_or(v, |(b, _)| b);
                }
            }
        }
        if !changed {
            break;
        }
    }
    if !errors.is_empty() {
        return Err(format!("not written:\n  {}", errors.join("\n  ")));
    }

    let out = to_pretty(&report)?;
    std::fs::write(path, &out).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    report_problems(&out, Vec::new(), Lang::En)
}

/// Just the source of a report file: enough to compare its blocks with the raw text even when a
/// record elsewhere is malformed (the loader reports that record).
#[derive(Deserialize)]
struct SourceOnly {
    source: Source,
}

fn check(path: &Path, lang: Lang) -> Result<(), String> {
    let json = read(path)?;
    let mut stale = Vec::new();
    if let Ok(SourceOnly { source }) = serde_json::from_str(&json) {
        let raw = read(&raw_path(path, &source.raw_href))?;
        for (i, b) in source.blocks.iter().enumerate() {
            if b.text != reflow::join_lines(&raw, b.lines) {
                stale.push(Problem {
                    record: format!("source.blocks[{i}]"),
                    field: "text".into(),
                    message: "differs from its raw lines; run `fill`".into(),
                    kind: ProblemKind::StaleBlock,
                });
            }
        }
    }
    report_problems(&json, stale, lang)
}

/// `draft SOURCE OUT`: only reading and writing here; the drafting is `xixi_highlights::core::draft`.
fn draft(src: &Path, out: &Path) -> Result<(), String> {
    if out.exists() {
        return Err(format!(
            "{} exists; the draft is not written over a file",
            out.display()
        ));
    }
    let bytes = std::fs::read(src).map_err(|e| format!("{}: {e}", src.display()))?;
    let href = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{}: not a file", src.display()))?;
    let d = draft::draft_bytes(bytes, &href).map_err(|e| format!("{}: {e}", src.display()))?;
    let json = to_pretty(&d.report)?;
    std::fs::write(out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
    let r = &d.report;
    println!(
        "wrote {}: {} blocks, {} chapters, {} highlights, {} metrics, {} non-figures",
        out.display(),
        r.source.blocks.len(),
        r.chapters.len(),
        r.highlights.len(),
        r.highlights.iter().map(|h| h.metrics.len()).sum::<usize>(),
        r.source.non_figures.len()
    );
    let dir = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
        std::fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()
    };
    if dir(src) != dir(out) {
        println!(
            "  note: source.raw_href is `{href}`, relative to the draft: copy {} next to {} \
             before `check` or `fill`",
            src.display(),
            out.display()
        );
    }
    for m in &d.misses {
        println!("  not drafted, line {}: 「{}」: {}", m.line, m.text, m.why);
    }
    println!(
        "  {} number(s) not drafted; every `todo` is a decision left to you: \
         `datatool check {}` lists them",
        d.misses.len(),
        out.display()
    );
    Ok(())
}

/// How long the app's loader takes to parse and check `path`, natively: the median of 5 runs.
/// A quick figure for changes to the loader (the browser benchmark is `bash .ci/bench`).
fn time_load(path: &Path) -> Result<(), String> {
    let json = read(path)?;
    let mut runs: Vec<f64> = (0..5)
        .map(|_| {
            let start = std::time::Instant::now();
            let loaded = load::load_report(&json);
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            std::hint::black_box(loaded)
                .map(|_| ms)
                .map_err(|e| e.to_string())
        })
        .collect::<Result<_, _>>()?;
    runs.sort_by(f64::total_cmp);
    println!(
        "{}: {:.1} MB parsed and checked in {:.0} ms (median of 5; {:.0}–{:.0} ms)",
        path.display(),
        json.len() as f64 / 1e6,
        runs[2],
        runs[0],
        runs[4]
    );
    Ok(())
}

/// Print one problem or warning with where it is, what is wrong and how to fix it.
fn print_problem(p: &Problem, error: bool, doc: &Doc, lang: Lang) {
    let e = explain::explain(p, doc, lang);
    let line = e.line.map(|l| l.to_string()).unwrap_or_else(|| "?".into());
    match lang {
        Lang::En => {
            let word = if error { "problem" } else { "warning" };
            println!("  {word}: {p}");
            println!("    at {} (line {line})", e.path);
            println!("    what: {}", e.what);
            println!("    fix:  {}", e.fix);
        }
        Lang::Zh => {
            let word = if error { "问题" } else { "提示" };
            println!("  {word}：{}（第 {line} 行）", e.path);
            println!("    说明：{}", e.what);
            println!("    改法：{}", e.fix);
            println!("    （技术信息：{p}）");
        }
    }
}

/// Load as the app does; print a summary and every problem (those found before loading, such as
/// stale blocks, first).
fn report_problems(json: &str, before: Vec<Problem>, lang: Lang) -> Result<(), String> {
    let doc = Doc::new(json);
    let zh = lang == Lang::Zh;
    let loaded = match load::load_report(json) {
        Ok(loaded) => loaded,
        Err(load::LoadError::Invalid(problems)) => {
            for p in before.iter().chain(&problems) {
                print_problem(p, true, &doc, lang);
            }
            return Err(if zh {
                "文件无法使用，见上面列出的问题".into()
            } else {
                "refused: the report as a whole is not usable (see above)".into()
            });
        }
        Err(load::LoadError::Malformed {
            message,
            line,
            column,
        }) if zh => {
            return Err(format!(
                "文件在第 {line} 行第 {column} 列读不下去，不是可用的 JSON 报告（{message}）：\
                 请在该处改正写法或字段名"
            ))
        }
        Err(e @ load::LoadError::Malformed { .. }) => return Err(format!("refused: {e}")),
    };
    let r = &loaded.report;
    let metrics: Vec<_> = r.highlights.iter().flat_map(|h| &h.metrics).collect();
    let derived = metrics.iter().filter(|m| m.derived.is_some()).count();
    let (id, h, m, k) = (
        &r.id,
        r.highlights.len(),
        metrics.len(),
        r.key_figures.len(),
    );
    let (n, s) = (r.source.non_figures.len(), loaded.skipped.len());
    println!(
        "{}",
        if zh {
            format!("{id}：{h} 条亮点，{m} 个数据（其中推算 {derived} 个），{k} 个关键数据，{n} 个非数据数字，跳过 {s} 条")
        } else {
            format!("{id}: {h} highlights, {m} metrics ({derived} derived), {k} key figures, {n} non-figures, {s} skipped")
        }
    );
    for p in before
        .iter()
        .chain(loaded.skipped.iter().flat_map(|s| &s.problems))
    {
        print_problem(p, true, &doc, lang);
    }
    // Faithfulness to the report: qualifiers kept, numbers quoted, every claim accounted for,
    // every `todo` of a draft.
    let findings = fidelity::lint(r);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    for f in &findings {
        print_problem(&f.problem, f.severity == Severity::Error, &doc, lang);
    }
    let warnings = findings.len() - errors;
    match (before.len() + loaded.skipped.len(), errors) {
        (0, 0) => {
            if warnings > 0 {
                println!(
                    "{}",
                    if zh {
                        format!("没有问题，{warnings} 条提示")
                    } else {
                        format!("no problems, {warnings} warning(s)")
                    }
                );
            }
            Ok(())
        }
        (records, errors) => Err(if zh {
            format!("{records} 条记录有问题，{errors} 处与原文不符")
        } else {
            format!("{records} record(s) with problems, {errors} problem(s) of faithfulness")
        }),
    }
}

/// Pretty JSON, 2-space indent, Chinese unescaped, whole numbers without `.0`, trailing newline.
/// The typed report passes through a `serde_json::Value` only here, on the way out: its maps
/// sort the keys, which keeps the file's diffs stable, and its numbers can be made whole.
fn to_pretty(report: &Report) -> Result<String, String> {
    let mut v = serde_json::to_value(report).map_err(|e| e.to_string())?;
    integral(&mut v);
    let mut s = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

fn integral(v: &mut Value) {
    match v {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                if f.fract() == 0.0 && f.abs() < 9.0e15 {
                    *v = Value::from(f as i64);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(integral),
        Value::Object(o) => o.values_mut().for_each(integral),
        _ => {}
    }
}

fn synth(count: &str, real: &Path, out: &Path) -> Result<(), String> {
    let n: usize = count
        .parse()
        .map_err(|_| format!("`{count}` is not a count"))?;
    let loaded = load::load_report(&read(real)?).map_err(|e| format!("{}: {e}", real.display()))?;
    let json =
        serde_json::to_string(&synth::synthetic(&loaded.report, n)).map_err(|e| e.to_string())?;
    std::fs::write(out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "wrote {} ({} highlights, {} bytes)",
        out.display(),
        n,
        json.len()
    );
    Ok(())
}

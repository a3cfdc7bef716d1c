//! Dataset tool: fills a report file's computed fields and validates it.
//!
//! ```text
//! cargo run --bin datatool -- fill  public/data/xixi-2023.json
//! cargo run --bin datatool -- check public/data/xixi-2023.json
//! cargo run --bin datatool -- prerender dist/index.html public/reports.json
//! cargo run --bin datatool -- synth 10000 public/data/xixi-2023.json /tmp/synthetic-10000.json
//! ```
//!
//! `synth` writes a synthetic report of that many highlights (`xixi_highlights::synth`) for the
//! benchmark and the scale tests; it is written next to nothing the app ships.
//!
//! `prerender` writes the first report's headline and key figures into a built `index.html`
//! (Trunk's post-build hook runs it), so the page says something before the wasm loads.
//!
//! `fill` reads the report and its raw source text (`source.raw_href`, relative to the report
//! file) and rewrites the report with every computed field filled in:
//! - each block's `text`: the block's raw lines re-joined (`reflow::join_lines`);
//! - each quote's `block`, `offset` and `lines`, found by searching its text in the blocks;
//! - each metric's `base_value` and `base_unit`, from its value and unit;
//! - each derived metric's `value`, recomputed from its formula.
//!
//! Both subcommands then load the file as the app does and print every problem; the exit code is
//! non-zero if there is any.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;
use xixi_highlights::model::{units, Block, Report};
use xixi_highlights::{api, expr, load, reflow, synth, validate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [cmd, path] if cmd == "fill" => fill(Path::new(path)),
        [cmd, path] if cmd == "check" => check(Path::new(path)),
        [cmd, html, index] if cmd == "prerender" => prerender(Path::new(html), Path::new(index)),
        [cmd, n, real, out] if cmd == "synth" => synth(n, Path::new(real), Path::new(out)),
        [cmd, path] if cmd == "time" => time_load(Path::new(path)),
        _ => Err(
            "usage: datatool fill|check|time <report.json> | prerender <index.html> \
             <reports.json> | synth <count> <report.json> <out.json>"
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

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
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
            match locate(&report.source.blocks, &q.text, q.block, q.offset) {
                Ok((block, offset)) => {
                    let b = &report.source.blocks[block];
                    let owners = reflow::char_lines(&raw, b.lines);
                    let len = q.text.chars().count();
                    q.block = block;
                    q.offset = offset;
                    q.lines = [owners[offset], owners[offset + len - 1]];
                }
                Err(e) => errors.push(format!("{rec} · quotes[{qi}]: {e}")),
            }
        }
        for (mi, m) in h.metrics.iter_mut().enumerate() {
            match units::lookup(&m.unit) {
                Some((mult, base)) => {
                    m.base_value = tidy(m.value * mult);
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
                    let mult = units::lookup(&m.unit).map_or(1.0, |(mult, _)| mult);
                    if v != m.value {
                        changed = true;
                    }
                    m.value = v;
                    m.base_value = tidy(v * mult);
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
    report_problems(&out)
}

fn check(path: &Path) -> Result<(), String> {
    let json = read(path)?;
    let report: Report =
        serde_json::from_str(&json).map_err(|e| format!("{}: {e}", path.display()))?;
    let raw = read(&raw_path(path, &report.source.raw_href))?;
    for (i, b) in report.source.blocks.iter().enumerate() {
        if b.text != reflow::join_lines(&raw, b.lines) {
            return Err(format!(
                "source.blocks[{i}].text differs from its raw lines; run `fill`"
            ));
        }
    }
    report_problems(&json)
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

/// Load as the app does; print a summary and every problem.
fn report_problems(json: &str) -> Result<(), String> {
    let loaded = load::load_report(json).map_err(|e| format!("refused: {e}"))?;
    let r = &loaded.report;
    let metrics: Vec<_> = r.highlights.iter().flat_map(|h| &h.metrics).collect();
    let derived = metrics.iter().filter(|m| m.derived.is_some()).count();
    println!(
        "{}: {} highlights, {} metrics ({} derived), {} key figures, {} non-figures, {} skipped",
        r.id,
        r.highlights.len(),
        metrics.len(),
        derived,
        r.key_figures.len(),
        r.source.non_figures.len(),
        loaded.skipped.len()
    );
    for s in &loaded.skipped {
        for p in &s.problems {
            println!("  problem: {p}");
        }
    }
    if loaded.skipped.is_empty() {
        Ok(())
    } else {
        Err(format!("{} record(s) with problems", loaded.skipped.len()))
    }
}

/// Where a quote is: `(block, char offset)`. A quote found once in the whole report is placed
/// there; one found several times must be found once in the block it names (or at the offset it
/// names within that block).
fn locate(
    blocks: &[Block],
    text: &str,
    block: usize,
    offset: usize,
) -> Result<(usize, usize), String> {
    if text.is_empty() {
        return Err("empty quote".into());
    }
    let hits: Vec<(usize, usize)> = blocks
        .iter()
        .enumerate()
        .flat_map(|(bi, b)| {
            char_offsets(&b.text, text)
                .into_iter()
                .map(move |o| (bi, o))
        })
        .collect();
    match hits.as_slice() {
        [] => Err(format!("`{text}` is not in the report")),
        [one] => Ok(*one),
        _ => {
            let in_block: Vec<_> = hits.iter().filter(|(b, _)| *b == block).collect();
            match in_block.as_slice() {
                [one] => Ok(**one),
                [] => Err(format!(
                    "`{text}` is ambiguous: found at {hits:?} (block, offset); name the block"
                )),
                _ => in_block
                    .iter()
                    .find(|(_, o)| *o == offset)
                    .map(|h| **h)
                    .ok_or_else(|| {
                        format!("`{text}` is found several times in block {block}; name the offset")
                    }),
            }
        }
    }
}

/// Character offsets of every occurrence of `needle` in `hay` (overlaps included).
fn char_offsets(hay: &str, needle: &str) -> Vec<usize> {
    hay.char_indices()
        .filter(|(i, _)| hay[*i..].starts_with(needle))
        .map(|(i, _)| hay[..i].chars().count())
        .collect()
}

/// Undo binary floating-point noise: 12.34 × 1e8 is 1234000000, not 1234000000.0000002.
fn tidy(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() <= 1e-6 * x.abs().max(1.0) {
        return r;
    }
    format!("{x:.9e}").parse().unwrap_or(x)
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

/// Write the first listed report's first paint into a built index.html.
fn prerender(html_path: &Path, index_path: &Path) -> Result<(), String> {
    let index = load::load_index(&read(index_path)?).map_err(|e| e.to_string())?;
    let entry = index.reports.first().ok_or("the index lists no report")?;
    let report_path = index_path
        .parent()
        .unwrap_or(Path::new("."))
        .join(&entry.href);
    let loaded = load::load_report(&read(&report_path)?)
        .map_err(|e| format!("{}: {e}", report_path.display()))?;
    let html = read(html_path)?;
    let out = xixi_highlights::prerender::inject(
        &html,
        &xixi_highlights::prerender::first_paint(&loaded.report),
    )?;
    let data_url = xixi_highlights::dataset::resolve(api::INDEX_URL, &entry.href);
    let out = xixi_highlights::prerender::preload(&out, api::INDEX_URL, &data_url)?;
    std::fs::write(html_path, out).map_err(|e| format!("{}: {e}", html_path.display()))?;
    println!(
        "prerender: {} written into {}",
        entry.id,
        html_path.display()
    );
    Ok(())
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

//! The figures the articles cite, drawn as SVG bar charts: one chart per poll (pollster and date)
//! and one per article for other figures. Every bar carries its value as written and what it
//! measures; every chart says its source and date, or that the text does not state them.

use leptos::prelude::*;
use parallax_engine::view::{document_label, figure_source, stated, unit_name, value_text};
use parallax_engine::{Figure, FigureKind, Trend};

use super::{Nav, Shared};

const WIDTH: f64 = 320.0;
const LINE: f64 = 16.0;
const BAR: f64 = 14.0;
const WRAP: usize = 42;
/// Width of one character of a bar's value, in the chart's units, to leave room for it.
const CHAR: f64 = 8.6;

/// Splits a label into lines of at most `WRAP` characters.
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= WRAP => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// One chart: figures of one unit, from one outlet (and one poll's source and date), so a bar's
/// length only ever compares like with like.
struct Chart {
    title: String,
    source: String,
    date: String,
    unit: Option<String>,
    poll: bool,
    figures: Vec<Figure>,
}

fn charts(data: &Shared) -> Vec<Chart> {
    let c = &data.corpus;
    let mut out: Vec<Chart> = Vec::new();
    for f in &c.figures {
        let doc = c.document(&f.document);
        let outlet = doc.map(document_label).unwrap_or_default();
        let poll = f.kind == FigureKind::Poll;
        let title = if poll {
            format!("Poll reported by {outlet}")
        } else {
            format!("Figures cited by {outlet}")
        };
        let (source, date) = (figure_source(f), stated(f.date.as_deref()));
        match out.iter_mut().find(|ch| {
            ch.title == title && ch.source == source && ch.date == date && ch.unit == f.unit
        }) {
            Some(ch) => ch.figures.push(f.clone()),
            None => out.push(Chart {
                title,
                source,
                date,
                unit: f.unit.clone(),
                poll,
                figures: vec![f.clone()],
            }),
        }
    }
    out
}

/// A figure's value as drawn: a fall the text states is drawn below zero.
fn signed(f: &Figure) -> f64 {
    match f.trend {
        Some(Trend::Fall) => -f.value.abs(),
        _ => f.value,
    }
}

fn chart_view(chart: Chart, nav: Nav) -> impl IntoView {
    // One unit per chart. Percentages use the whole 0–100 scale (−100–100 with a fall), other
    // units run from zero (or their lowest fall) to their largest value.
    let values: Vec<f64> = chart.figures.iter().map(signed).collect();
    let percent = chart.unit.as_deref() == Some("%");
    let falls = values.iter().any(|v| *v < 0.0);
    let largest = values.iter().copied().fold(0.0_f64, f64::max);
    let (lo, hi) = if percent {
        // A share above 100% ("up 150%") widens the scale rather than being cut to 100.
        (if falls { -100.0 } else { 0.0 }, largest.max(100.0))
    } else {
        (
            values.iter().copied().fold(0.0_f64, f64::min),
            values.iter().copied().fold(0.0_f64, f64::max),
        )
    };
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    // Room after the bars for the longest value as written, so no value is cut off.
    let longest = chart
        .figures
        .iter()
        .map(|f| value_text(f).chars().count())
        .max()
        .unwrap_or(0) as f64;
    let room = (WIDTH - longest * CHAR - 10.0).max(60.0);
    let x = |v: f64| ((v - lo) / span).clamp(0.0, 1.0) * room;
    let zero = x(0.0);
    let mut y = 0.0;
    let mut rows = Vec::new();
    for (f, v) in chart.figures.iter().zip(&values) {
        let lines = wrap(&f.label);
        let label_y = y;
        y += LINE * lines.len() as f64 + 4.0;
        let bar_y = y;
        let (from, to) = (zero.min(x(*v)), zero.max(x(*v)));
        y += BAR + 14.0;
        rows.push((f.clone(), lines, label_y, bar_y, from, (to - from).max(1.0)));
    }
    let height = y.max(1.0);
    let summary = chart
        .figures
        .iter()
        .map(|f| format!("{}: {}", f.label, value_text(f)))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = rows
        .into_iter()
        .map(|(f, lines, label_y, bar_y, from, width)| {
            let label = lines
                .into_iter()
                .enumerate()
                .map(|(k, l)| view! { <tspan x="0" y=label_y + LINE * (k as f64 + 1.0)>{l}</tspan> })
                .collect_view();
            let class = format!("bar f-{:?}", f.kind).to_lowercase();
            let class = if f.trend == Some(Trend::Fall) { format!("{class} fall") } else { class };
            // Where zero is, beside each bar, when a bar can fall below it (not over the labels).
            let axis = (lo < 0.0).then(|| {
                view! { <line class="zero" x1=zero x2=zero y1=bar_y - 3.0 y2=bar_y + BAR + 3.0></line> }
            });
            view! {
                <g class="figure">
                    <text class="bar-label">{label}</text>
                    {axis}
                    <rect class=class x=from y=bar_y width=width height=BAR rx="2"></rect>
                    <text class="bar-value" x=(from + width).max(zero) + 6.0 y=bar_y + BAR - 3.0>{value_text(&f)}</text>
                </g>
            }
        })
        .collect_view();
    let sources = chart
        .figures
        .iter()
        .map(|f| {
            let claim = f.claim.to_string();
            let text = f.text.to_string();
            view! {
                <li>
                    <button class="link" on:click=move |_| {
                        let claim = claim.clone();
                        nav.open_claim(claim)
                    }>{format!("The sentence behind {text}")}</button>
                </li>
            }
        })
        .collect_view();
    let sample = chart.figures.iter().find_map(|f| f.sample_size);
    // Only a poll has a sample, and only a poll without one is missing it.
    let caveat = (chart.poll && sample.is_none())
        .then_some("The article gives no sample size or method for this poll.");
    let unit = unit_name(chart.unit.as_deref());
    view! {
        <figure class="chart">
            <figcaption>
                <strong>{chart.title}</strong>
                <span>{format!(" · {unit}")}</span>
                <span>" · source: " {chart.source}</span>
                <span>" · date: " {chart.date}</span>
                {sample.map(|n| view! { <span>{format!(" · sample: {n}")}</span> })}
            </figcaption>
            <svg class="bars" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary>
                {bars}
            </svg>
            {caveat.map(|c| view! { <p class="caveat">{c}</p> })}
            <ul class="sources">{sources}</ul>
        </figure>
    }
}

#[component]
pub fn FiguresView() -> impl IntoView {
    let data = expect_context::<Shared>();
    let nav = expect_context::<Nav>();
    let all = charts(&data);
    let empty = all.is_empty();
    view! {
        <section aria-labelledby="fig-h">
            <h2 id="fig-h">"Figures"</h2>
            <p class="hint">"Numbers the articles cite, with who measured them and when, as the text states it."</p>
            {empty.then(|| view! { <p class="empty">"No article in this corpus cites a figure."</p> })}
            <div class="charts">{all.into_iter().map(|ch| chart_view(ch, nav)).collect_view()}</div>
        </section>
    }
}

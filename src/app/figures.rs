//! The figures the articles cite, drawn as SVG bar charts: one chart per poll (pollster and date)
//! and one per article for other figures. Every bar carries its value as written and what it
//! measures; every chart says its source and date, or that the text does not state them.

use leptos::prelude::*;
use parallax_engine::view::{document_label, figure_source, stated};
use parallax_engine::{Figure, FigureKind};

use super::{Nav, Shared};

const WIDTH: f64 = 320.0;
const LINE: f64 = 14.0;
const BAR: f64 = 14.0;
const WRAP: usize = 46;

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

struct Chart {
    title: String,
    source: String,
    date: String,
    caveat: Option<String>,
    figures: Vec<Figure>,
}

fn charts(data: &Shared) -> Vec<Chart> {
    let c = &data.corpus;
    let mut out: Vec<Chart> = Vec::new();
    for f in &c.figures {
        let doc = c.document(&f.document);
        let outlet = doc.map(document_label).unwrap_or_default();
        let title = if f.kind == FigureKind::Poll {
            format!("Poll reported by {outlet}")
        } else {
            format!("Figures cited by {outlet}")
        };
        let key = (title.clone(), figure_source(f), stated(f.date.as_deref()));
        match out
            .iter_mut()
            .find(|ch| (ch.title.clone(), ch.source.clone(), ch.date.clone()) == key)
        {
            Some(ch) => ch.figures.push(f.clone()),
            None => {
                let caveat = (f.sample_size.is_none()).then(|| {
                    "The article gives no sample size or method for these figures.".to_string()
                });
                out.push(Chart {
                    title,
                    source: key.1,
                    date: key.2,
                    caveat,
                    figures: vec![f.clone()],
                })
            }
        }
    }
    out
}

fn chart_view(chart: Chart, nav: Nav) -> impl IntoView {
    // Percentages share a 0–100 scale; other units are scaled to the largest of their unit.
    let max_of = |unit: &Option<String>| {
        chart
            .figures
            .iter()
            .filter(|f| &f.unit == unit)
            .map(|f| f.value)
            .fold(0.0_f64, f64::max)
    };
    let mut y = 0.0;
    let mut rows = Vec::new();
    for f in &chart.figures {
        let scale = if f.unit.as_deref() == Some("%") {
            100.0
        } else {
            max_of(&f.unit).max(f64::MIN_POSITIVE)
        };
        let lines = wrap(&f.label);
        let label_y = y;
        y += LINE * lines.len() as f64 + 4.0;
        let bar_y = y;
        // Leave room after the longest bar for its value as written.
        let room = WIDTH - (f.text.chars().count() as f64 * 6.8 + 10.0);
        let width = ((f.value / scale).clamp(0.0, 1.0) * room.max(40.0)).max(1.0);
        y += BAR + 14.0;
        rows.push((f.clone(), lines, label_y, bar_y, width));
    }
    let height = y.max(1.0);
    let summary = chart
        .figures
        .iter()
        .map(|f| format!("{}: {}", f.label, f.text))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = rows
        .into_iter()
        .map(|(f, lines, label_y, bar_y, width)| {
            let label = lines
                .into_iter()
                .enumerate()
                .map(|(k, l)| view! { <tspan x="0" y=label_y + LINE * (k as f64 + 1.0)>{l}</tspan> })
                .collect_view();
            view! {
                <g class="figure">
                    <text class="bar-label">{label}</text>
                    <rect class=format!("bar f-{:?}", f.kind).to_lowercase() x="0" y=bar_y width=width height=BAR rx="2"></rect>
                    <text class="bar-value" x=width + 6.0 y=bar_y + BAR - 3.0>{f.text.to_string()}</text>
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
    view! {
        <figure class="chart">
            <figcaption>
                <strong>{chart.title}</strong>
                <span>" · source: " {chart.source}</span>
                <span>" · date: " {chart.date}</span>
                {sample.map(|n| view! { <span>{format!(" · sample: {n}")}</span> })}
            </figcaption>
            <svg class="bars" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary>
                {bars}
            </svg>
            {chart.caveat.map(|c| view! { <p class="caveat">{c}</p> })}
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

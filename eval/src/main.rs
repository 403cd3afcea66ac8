//! `make eval`: how well the engine reads real articles nobody here wrote, against gold labels
//! written by reading them (`eval/gold/`, schemas in the READMEs there).
//!
//! The articles live outside the project (`../shared/devset/`, see its README); the gold holds
//! only labels and short verbatim anchors that locate a sentence. Without the devset this skips
//! and says so. It prints measures and asserts nothing: targets are the issues', and a number
//! that misses one is a finding, not a failure.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use parallax_engine::model::{Corpus, Relation};
use parallax_engine::Input;
use serde::Deserialize;

mod pages;

#[derive(Deserialize)]
struct AttributionGold {
    path: String,
    #[serde(default)]
    quotes: Vec<Quote>,
    #[serde(default)]
    figures: Vec<FigureGold>,
    #[serde(default)]
    people: Vec<Person>,
}

#[derive(Deserialize)]
struct Quote {
    anchor: String,
    speaker: Option<String>,
}

#[derive(Deserialize)]
struct FigureGold {
    anchor: String,
    context: String,
    value: Option<f64>,
    source: Option<String>,
    date: Option<String>,
}

#[derive(Deserialize)]
struct Person {
    name: String,
    kind: String,
    #[serde(default)]
    mentions: Vec<String>,
}

#[derive(Deserialize)]
struct MattersGold {
    story: String,
    files: BTreeMap<String, String>,
    matters: Vec<Matter>,
}

#[derive(Deserialize)]
struct Matter {
    #[serde(default)]
    label: String,
    disagreement: bool,
    claims: Vec<MatterClaim>,
}

#[derive(Deserialize)]
struct MatterClaim {
    outlet: String,
    anchor: String,
    /// asserts | rejects | hedges | reports
    stance: String,
}

#[derive(Deserialize)]
struct Mixed {
    mixed_basil: Vec<String>,
    /// BBC files that, read, turn out to report one event (the devset calls all 40 unrelated).
    #[serde(default)]
    bbc_same_story: Vec<SameStory>,
}

#[derive(Deserialize)]
struct SameStory {
    files: Vec<String>,
}

/// A share as "n/d (p%)".
fn share(n: usize, d: usize) -> String {
    if d == 0 {
        return "0/0".into();
    }
    format!("{n}/{d} ({:.0}%)", 100.0 * n as f64 / d as f64)
}

/// A name compared without case, honorifics, articles or punctuation: "Mr. Blair" ~ "Blair",
/// "A spokeswoman" ~ "spokeswoman".
fn name_words(s: &str) -> Vec<String> {
    const HONORIFICS: [&str; 12] = [
        "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "sir", "a", "an", "the",
    ];
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(parallax_engine::text::lower)
        .filter(|w| !w.is_empty() && !HONORIFICS.contains(&w.as_str()))
        .collect()
}

/// The same speaker: equal names, or one the surname form of the other ("Blair", "Tony Blair").
fn same_speaker(engine: Option<&str>, gold: Option<&str>) -> bool {
    match (engine, gold) {
        (None, None) => true,
        (Some(e), Some(g)) => {
            // A note in parentheses is the labeller's ("Paying the Price (Oxfam report)").
            let g = g.split(" (").next().unwrap_or(g);
            let (e, g) = (name_words(e), name_words(g));
            !e.is_empty() && (e == g || e.len() == 1 && g.last() == e.last())
        }
        _ => false,
    }
}

/// Reads the files of the devset named by `paths` (relative to the devset) into one corpus,
/// each input named by its path.
fn corpus_of(devset: &Path, paths: &[String]) -> Corpus {
    let inputs: Vec<Input> = paths
        .iter()
        .filter_map(|p| {
            Some(Input {
                file: p.clone(),
                bytes: std::fs::read(devset.join(p)).ok()?,
            })
        })
        .collect();
    parallax_engine::build(inputs, Vec::new())
}

fn gold_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
}

/// `verbose` lists every quote whose speaker the engine gets wrong.
fn attribution(devset: &Path, gold_dir: &Path, verbose: bool) {
    let mut by_set: BTreeMap<String, Vec<AttributionGold>> = BTreeMap::new();
    for f in gold_files(gold_dir) {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        match serde_json::from_str::<AttributionGold>(&text) {
            Ok(g) => {
                let set = g.path.split('/').next().unwrap_or("").to_string();
                by_set.entry(set).or_default().push(g)
            }
            Err(e) => eprintln!("{}: not read: {e}", f.display()),
        }
    }
    println!("## Who says it, and where numbers come from (issue 14)");
    println!();
    println!("| set | articles | speakers on quotes | quote is no claim | figures found | value | source | date | people found | kind right |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    // Over every set, for the targets: (right, of).
    let (mut speakers, mut sources, mut people) = ((0, 0), (0, 0), (0, 0));
    // Why the rest miss their target, counted over every set (see the printout).
    let mut speaker_misses: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut source_misses: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut people_misses: BTreeMap<String, usize> = BTreeMap::new();
    for (set, golds) in &by_set {
        let paths: Vec<String> = golds.iter().map(|g| g.path.clone()).collect();
        let corpus = corpus_of(devset, &paths);
        let (mut q_right, mut q_all, mut q_lost) = (0, 0, 0);
        let (mut f_all, mut f_found, mut f_value, mut f_source, mut f_date) = (0, 0, 0, 0, 0);
        let (mut p_all, mut p_found, mut p_kind) = (0, 0, 0);
        for g in golds {
            let Ok(text) = std::fs::read_to_string(devset.join(&g.path)) else {
                continue;
            };
            let Some(doc) = corpus.documents.iter().find(|d| d.file == g.path) else {
                continue;
            };
            let claims: Vec<_> = corpus
                .claims
                .iter()
                .filter(|c| c.document == doc.id)
                .collect();
            for q in &g.quotes {
                q_all += 1;
                let Some(at) = text.find(&q.anchor) else {
                    continue;
                };
                let end = at + q.anchor.len();
                let claim = claims.iter().find(|c| c.start <= at && end <= c.end);
                let right =
                    claim.is_some_and(|c| same_speaker(c.speaker.as_deref(), q.speaker.as_deref()));
                q_right += usize::from(right);
                q_lost += usize::from(claim.is_none());
                if !right {
                    let engine = claim.and_then(|c| c.speaker.as_deref());
                    // A described source ("a senior official") is written in lower case.
                    let described = q
                        .speaker
                        .as_deref()
                        .is_some_and(|s| s.starts_with(|c: char| c.is_lowercase()));
                    let why = match (claim, engine, q.speaker.as_deref()) {
                        (None, ..) => "the quote is cut across claims",
                        (_, None, Some(_)) if described => "no speaker; the text describes one",
                        (_, None, Some(_)) => "no speaker; the text names one",
                        (_, Some(_), None) => "a speaker where the text gives none",
                        _ if described => "another speaker than the one described",
                        _ => "another speaker than the one named",
                    };
                    *speaker_misses.entry(why).or_default() += 1;
                }
                if verbose && !right {
                    println!(
                        "  speaker: {} “{}”: gold {:?}, engine {:?}",
                        g.path,
                        q.anchor,
                        q.speaker,
                        claim.map(|c| c.speaker.clone())
                    );
                }
            }
            for fg in &g.figures {
                f_all += 1;
                let Some(ctx) = text.find(&fg.context) else {
                    continue;
                };
                let Some(inner) = fg.context.find(&fg.anchor) else {
                    continue;
                };
                let (a, b) = (ctx + inner, ctx + inner + fg.anchor.len());
                let found = corpus
                    .figures
                    .iter()
                    .find(|f| f.document == doc.id && f.start < b && a < f.end);
                let Some(f) = found else {
                    *source_misses.entry("the figure is not found").or_default() += 1;
                    if verbose {
                        eprintln!(
                            "  figure missed: {} “{}” in “{}”",
                            g.path, fg.anchor, fg.context
                        );
                    }
                    continue;
                };
                f_found += 1;
                if fg
                    .value
                    .is_some_and(|v| (v - f.value).abs() <= 1e-6 * v.abs().max(1.0))
                {
                    f_value += 1;
                }
                let gold_source = fg.source.as_deref().filter(|s| *s != "author");
                if same_speaker(f.source.as_deref(), gold_source) {
                    f_source += 1;
                } else {
                    let why = match (f.source.as_deref(), gold_source) {
                        (None, Some(_)) => "found, no source; the text gives one",
                        (Some(_), None) => "found, a source where the outlet speaks",
                        _ => "found, another source",
                    };
                    *source_misses.entry(why).or_default() += 1;
                }
                if verbose && !same_speaker(f.source.as_deref(), gold_source) {
                    eprintln!(
                        "  figure source: {} “{}”: gold {gold_source:?}, engine {:?}",
                        g.path, fg.anchor, f.source
                    );
                }
                if f.date
                    .as_deref()
                    .map(|d| d.starts_with(fg.date.as_deref().unwrap_or("~")))
                    .unwrap_or(fg.date.is_none())
                {
                    f_date += 1;
                }
            }
            for p in &g.people {
                p_all += 1;
                let forms: Vec<Vec<String>> = std::iter::once(&p.name)
                    .chain(&p.mentions)
                    .map(|n| name_words(n))
                    .collect();
                let entity = corpus.entities.iter().find(|e| {
                    e.mentions
                        .iter()
                        .any(|m| m.document == doc.id && forms.contains(&name_words(&m.text)))
                        || e.documents.contains(&doc.id) && forms.contains(&name_words(&e.name))
                });
                if entity.is_none() {
                    let words = if p.name.split_whitespace().count() == 1 {
                        "one word"
                    } else {
                        "several words"
                    };
                    *people_misses
                        .entry(format!("{}, {words}", p.kind))
                        .or_default() += 1;
                }
                if entity.is_none() && verbose {
                    eprintln!("  person missed: {} {} ({})", g.path, p.name, p.kind);
                }
                if let Some(e) = entity {
                    p_found += 1;
                    let kind = format!("{:?}", e.kind);
                    if parallax_engine::text::lower(&kind) == p.kind {
                        p_kind += 1;
                    }
                }
            }
        }
        speakers = (speakers.0 + q_right, speakers.1 + q_all);
        sources = (sources.0 + f_source, sources.1 + f_all);
        people = (people.0 + p_found, people.1 + p_all);
        println!(
            "| {set} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            golds.len(),
            share(q_right, q_all),
            share(q_lost, q_all),
            share(f_found, f_all),
            share(f_value, f_found),
            share(f_source, f_found),
            share(f_date, f_found),
            share(p_found, p_all),
            share(p_kind, p_found),
        );
    }
    println!();
    println!("Speakers: right when the engine's speaker is the gold one (honorifics and the labeller's notes in parentheses aside; a surname alone");
    println!(
        "counts for the full name), or both say none; a quote inside no claim counts as wrong."
    );
    println!("Figures: found when an engine figure overlaps the gold number; value, source (the outlet's");
    println!(
        "own voice is no source) and date are shares of those found. People: found when an entity"
    );
    println!("of that document has one of the gold forms; kind right is a share of those found.");
    println!();
    let target = |what: &str, (n, d): (usize, usize)| {
        let met = d > 0 && n * 10 >= d * 9;
        println!(
            "- {what} >= 90%: {}, {}",
            share(n, d),
            if met { "met" } else { "NOT met" }
        );
    };
    println!("Targets (issue 14):");
    target("speakers right on quotations", speakers);
    target(
        "figures found with the right source (of all labelled figures)",
        sources,
    );
    target("people, organisations and places found", people);
    println!();
    println!("Why the rest miss (counted over both sets; `EVAL_VERBOSE=1` lists each):");
    let list = |what: &str, misses: Vec<(String, usize)>| {
        let mut misses = misses;
        misses.sort_by_key(|(k, n)| (std::cmp::Reverse(*n), k.clone()));
        println!(
            "- {what}: {}",
            misses
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join("; ")
        );
    };
    let owned = |m: BTreeMap<&'static str, usize>| -> Vec<(String, usize)> {
        m.into_iter().map(|(k, n)| (k.to_string(), n)).collect()
    };
    list("speakers", owned(speaker_misses));
    list("figure sources", owned(source_misses));
    list(
        "people not found, by kind",
        people_misses.into_iter().collect(),
    );
    println!();
}

/// Claim indices of `corpus` whose span holds `anchor` in the document read from `root/path`.
fn claims_at(corpus: &Corpus, root: &Path, path: &str, anchor: &str) -> Vec<usize> {
    let Ok(text) = std::fs::read_to_string(root.join(path)) else {
        return Vec::new();
    };
    let Some(doc) = corpus.documents.iter().find(|d| d.file == path) else {
        return Vec::new();
    };
    let Some(at) = text.find(anchor) else {
        return Vec::new();
    };
    let end = at + anchor.len();
    corpus
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.document == doc.id && c.start < end && at < c.end)
        .map(|(i, _)| i)
        .collect()
}

/// Why a labelled matter whose claims were `located` is not a row of the map, as far as the
/// engine's output tells: the closest its outlets' claims came to one row.
fn why_not_a_row(
    corpus: &Corpus,
    located: &[(String, Vec<usize>)],
    ids: &std::collections::HashMap<&str, usize>,
    same_row: &impl Fn(usize, usize, bool) -> bool,
    disagreement: bool,
) -> &'static str {
    let pairs = || {
        located.iter().enumerate().flat_map(move |(i, (oa, ca))| {
            located
                .iter()
                .skip(i + 1)
                .filter(move |(ob, _)| ob != oa)
                .flat_map(move |(_, cb)| {
                    ca.iter()
                        .flat_map(move |&a| cb.iter().map(move |&b| (a, b)))
                })
        })
    };
    if located.iter().filter(|(_, c)| !c.is_empty()).count() < 2 {
        return "its anchors are in no claim of two outlets";
    }
    if disagreement && pairs().any(|(a, b)| same_row(a, b, false)) {
        return "a row, not marked as a disagreement";
    }
    let linked = |a: usize, b: usize| {
        corpus.claims[a]
            .related
            .iter()
            .any(|l| ids.get(l.claim.as_str()) == Some(&b))
    };
    if pairs().any(|(a, b)| linked(a, b)) {
        let in_rows = |c: usize| {
            corpus
                .clusters
                .iter()
                .any(|m| m.claims.iter().any(|k| k.index() == c))
        };
        return if pairs().any(|(a, b)| linked(a, b) && in_rows(a) && in_rows(b)) {
            "linked, but each claim is in another matter's row"
        } else {
            "linked too weakly to make a row"
        };
    }
    // Not linked: do the claims share two content words at all (by stem)?
    let content = |c: usize| -> std::collections::BTreeSet<String> {
        corpus.claims[c]
            .text
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(|w| parallax_engine::links::stem(&w.to_lowercase()))
            .collect()
    };
    if pairs().any(|(a, b)| content(a).intersection(&content(b)).count() >= 3) {
        "not linked: words in common but no shared phrase"
    } else {
        "not linked: said in other words"
    }
}

fn matters(devset: &Path, gold_dir: &Path) {
    println!("## Where outlets agree and disagree (issue 13)");
    println!();
    println!("| story | matters | agreements linked | disagreements as disputes | links between labelled claims in one matter | agreements as map rows | disagreements as disagreement rows | row pairs of labelled claims in one matter |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let (mut ta, mut tan, mut td, mut tdn, mut tp, mut tpn) = (0, 0, 0, 0, 0, 0);
    // Map rows: (agreements found, disagreements found, row pairs in one matter, row pairs).
    let mut rows_total = (0, 0, 0, 0);
    // Agreements whose map row is marked as a disagreement (a false disagreement).
    let mut marked_total = 0;
    // Stance of each labelled claim: gold stance → (right, labelled), and what the engine said.
    let mut stances: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    // Why labelled matters are not rows (see `why_not_a_row`), counted.
    let mut missed: BTreeMap<&'static str, usize> = BTreeMap::new();
    for f in gold_files(gold_dir) {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(g) = serde_json::from_str::<MattersGold>(&text) else {
            continue;
        };
        let paths: Vec<String> = g.files.values().cloned().collect();
        // The seeds are the project's own (`seeds/…`); the rest are the devset's.
        let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let root = if g.story == "seeds" {
            project.as_path()
        } else {
            devset
        };
        let corpus = corpus_of(root, &paths);
        let root_of = |outlet: &str| g.files.get(outlet).cloned().unwrap_or_default();
        let ids: std::collections::HashMap<&str, usize> = corpus
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        // For the seeds the claim's file is the seed's file name; for BASIL its devset path.
        let located = |m: &Matter| -> Vec<(String, Vec<usize>)> {
            m.claims
                .iter()
                .map(|c| {
                    let path = root_of(&c.outlet);
                    let found = claims_at(&corpus, root, &path, &c.anchor);
                    (c.outlet.clone(), found)
                })
                .collect()
        };
        let linked = |a: usize, b: usize, want: Option<Relation>| {
            corpus.claims[a].related.iter().any(|l| {
                ids.get(l.claim.as_str()) == Some(&b) && want.is_none_or(|w| l.relation == w)
            })
        };
        // The map's rows: each claim's row, and which rows are disagreements.
        let map = parallax_engine::view::agreement_map(&corpus, usize::MAX);
        // A claim may speak to several matters, so it may be in several rows.
        let mut row_of: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        let mut row_disagrees = Vec::new();
        for (r, row) in map.rows.iter().enumerate() {
            if let Some(m) = corpus.clusters.iter().find(|m| m.id == row.matter) {
                for c in &m.claims {
                    row_of.entry(c.index()).or_default().push(r);
                }
            }
            row_disagrees.push(row.disagreement.is_some());
        }
        let same_row =
            |a: usize, b: usize, disagreement: bool| match (row_of.get(&a), row_of.get(&b)) {
                (Some(x), Some(y)) => x
                    .iter()
                    .any(|r| y.contains(r) && (!disagreement || row_disagrees[*r])),
                _ => false,
            };
        let (mut agree_rows, mut dis_rows, mut agree_marked) = (0, 0, 0);
        let (mut agree, mut agree_found, mut dis, mut dis_found) = (0, 0, 0, 0);
        let mut matter_of: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        for m in &g.matters {
            for c in &m.claims {
                let found = claims_at(&corpus, root, &root_of(&c.outlet), &c.anchor);
                let Some(&first) = found.first() else {
                    continue;
                };
                let right = found
                    .iter()
                    .any(|&k| corpus.claims[k].stance.word() == c.stance);
                let e = stances.entry(c.stance.clone()).or_default();
                e.0 += usize::from(right);
                e.1 += 1;
                if !right && std::env::var_os("EVAL_VERBOSE").is_some() {
                    let k = &corpus.claims[first];
                    eprintln!(
                        "{} -> {} [{}] {}",
                        c.stance,
                        k.stance.word(),
                        k.stance_cue.as_deref().unwrap_or(""),
                        k.text.chars().take(160).collect::<String>()
                    );
                }
                if !right {
                    *confusion
                        .entry((
                            c.stance.clone(),
                            corpus.claims[first].stance.word().to_string(),
                        ))
                        .or_default() += 1;
                }
            }
        }
        for (k, m) in g.matters.iter().enumerate() {
            let loc = located(m);
            for (_, cs) in &loc {
                for c in cs {
                    matter_of.entry(*c).or_default().push(k);
                }
            }
            let want = if m.disagreement {
                Some(Relation::Disputes)
            } else {
                None
            };
            let hit = loc.iter().enumerate().any(|(i, (oa, ca))| {
                loc.iter().skip(i + 1).any(|(ob, cb)| {
                    oa != ob && ca.iter().any(|&a| cb.iter().any(|&b| linked(a, b, want)))
                })
            });
            let in_row = loc.iter().enumerate().any(|(i, (oa, ca))| {
                loc.iter().skip(i + 1).any(|(ob, cb)| {
                    oa != ob
                        && ca
                            .iter()
                            .any(|&a| cb.iter().any(|&b| same_row(a, b, m.disagreement)))
                })
            });
            if !in_row {
                let why = why_not_a_row(&corpus, &loc, &ids, &same_row, m.disagreement);
                if std::env::var_os("EVAL_VERBOSE").is_some() {
                    eprintln!("not a row ({why}) [{}] {}", g.story, m.label);
                }
                *missed.entry(why).or_default() += 1;
            }
            if m.disagreement {
                dis += 1;
                dis_found += usize::from(hit);
                dis_rows += usize::from(in_row);
            } else {
                agree += 1;
                agree_found += usize::from(hit);
                agree_rows += usize::from(in_row);
                // An agreement whose row says the outlets disagree.
                let marked = loc.iter().enumerate().any(|(i, (oa, ca))| {
                    loc.iter().skip(i + 1).any(|(ob, cb)| {
                        oa != ob && ca.iter().any(|&a| cb.iter().any(|&b| same_row(a, b, true)))
                    })
                });
                agree_marked += usize::from(marked);
            }
        }
        // Precision, as far as the gold can tell: links whose two claims are both labelled.
        let (mut between, mut same) = (0, 0);
        for (&a, ma) in &matter_of {
            for l in &corpus.claims[a].related {
                let Some(&b) = ids.get(l.claim.as_str()) else {
                    continue;
                };
                if b <= a {
                    continue;
                }
                if let Some(mb) = matter_of.get(&b) {
                    between += 1;
                    same += usize::from(ma.iter().any(|m| mb.contains(m)));
                }
            }
        }
        // Row precision: pairs of labelled claims of different documents in one row.
        let (mut row_same, mut row_pairs) = (0, 0);
        let labelled: Vec<(&usize, &Vec<usize>)> = matter_of.iter().collect();
        for (i, (a, ma)) in labelled.iter().enumerate() {
            for (b, mb) in &labelled[i + 1..] {
                let (a, b) = (**a, **b);
                if corpus.claims[a].document == corpus.claims[b].document || !same_row(a, b, false)
                {
                    continue;
                }
                row_pairs += 1;
                row_same += usize::from(ma.iter().any(|m| mb.contains(m)));
            }
        }
        marked_total += agree_marked;
        rows_total = (
            rows_total.0 + agree_rows,
            rows_total.1 + dis_rows,
            rows_total.2 + row_same,
            rows_total.3 + row_pairs,
        );
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            g.story,
            g.matters.len(),
            share(agree_found, agree),
            share(dis_found, dis),
            share(same, between),
            share(agree_rows, agree),
            share(dis_rows, dis),
            share(row_same, row_pairs)
        );
        (ta, tan, td, tdn, tp, tpn) = (
            ta + agree_found,
            tan + agree,
            td + dis_found,
            tdn + dis,
            tp + same,
            tpn + between,
        );
    }
    println!(
        "| **all** | | {} | {} | {} | {} | {} | {} |",
        share(ta, tan),
        share(td, tdn),
        share(tp, tpn),
        share(rows_total.0, tan),
        share(rows_total.1, tdn),
        share(rows_total.2, rows_total.3)
    );
    println!();
    println!("An agreement is linked when a link (any relation) joins claims of two outlets that hold the");
    println!("matter's anchors; a disagreement when that link is `disputes`. A map row is a matter of the");
    println!(
        "agreement map (view::agreement_map, every row): an agreement is a row when claims of two"
    );
    println!("outlets that hold its anchors are in one row, a disagreement when that row is marked as one.");
    println!(
        "Row precision counts pairs of labelled claims of different articles that share a row."
    );
    println!();
    println!(
        "Agreements whose row is marked as a disagreement (false disagreements): {} of the {} agreement rows.",
        marked_total, rows_total.0
    );
    println!();
    println!(
        "Why the other labelled matters are not rows ({} of {}; `EVAL_VERBOSE=1` lists them):",
        missed.values().sum::<usize>(),
        tan + tdn
    );
    for (why, n) in &missed {
        println!("- {why}: {n}");
    }
    println!();
    let (right, all) = stances
        .values()
        .fold((0, 0), |(r, a), (x, y)| (r + x, a + y));
    let mut confused: Vec<(&(String, String), &usize)> = confusion.iter().collect();
    confused.sort_by_key(|(k, n)| (std::cmp::Reverse(**n), (*k).clone()));
    println!(
        "Stance of labelled claims (asserts / reports / hedges / rejects, `Claim::stance`): {} right; by gold stance: {}. Most frequent confusions (gold → engine): {}.",
        share(right, all),
        stances
            .iter()
            .map(|(k, (r, a))| format!("{k} {}", share(*r, *a)))
            .collect::<Vec<_>>()
            .join(", "),
        confused
            .iter()
            .take(4)
            .map(|((g, e), n)| format!("{g} → {e} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!();

    // Stories told apart: links that join different stories.
    let (mut mixed_across, mut bbc_links) = (None, None);
    let mixed_file = gold_dir.join("mixed.json");
    let mixed = std::fs::read_to_string(&mixed_file)
        .ok()
        .and_then(|t| serde_json::from_str::<Mixed>(&t).ok());
    if let Some(mixed) = &mixed {
        let mut paths = Vec::new();
        for story in &mixed.mixed_basil {
            let (inputs, _) = parallax_engine::load::read_folder(&devset.join("basil").join(story));
            paths.extend(inputs.iter().map(|i| format!("basil/{story}/{}", i.file)));
        }
        let corpus = corpus_of(devset, &paths);
        let story_of = |doc: &str| {
            corpus
                .documents
                .iter()
                .find(|d| d.id == doc)
                .map(|d| d.file.split('/').nth(1).unwrap_or("").to_string())
        };
        let doc_of: std::collections::HashMap<&str, &str> = corpus
            .claims
            .iter()
            .map(|c| (c.id.as_str(), c.document.as_str()))
            .collect();
        let (mut all, mut across) = (0, 0);
        for c in &corpus.claims {
            for l in &c.related {
                if c.id >= l.claim {
                    continue;
                }
                all += 1;
                let other = doc_of.get(l.claim.as_str()).copied().unwrap_or("");
                if story_of(&c.document) != story_of(other) {
                    across += 1;
                }
            }
        }
        println!("Stories told apart: {} BASIL stories in one folder: {all} links, {across} of them join different stories.", mixed.mixed_basil.len());
        mixed_across = Some(across);
        let (split, joined) = story_errors(&corpus, |d| d.file.split('/').nth(1).unwrap_or(""));
        println!("  The engine read them as {} stories: {split} pairs of one story's articles apart, {joined} pairs of different stories' articles together.", story_count(&corpus));
    }
    // Every BASIL story read alone must stay one story (split, its outlets are never compared),
    // and all of them read together must come apart.
    let basil = devset.join("basil");
    if let Ok(list) = std::fs::read_dir(&basil) {
        let mut folders: Vec<String> = list
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        folders.sort();
        let mut all_paths = Vec::new();
        let mut alone_split = Vec::new();
        for story in &folders {
            let (inputs, _) = parallax_engine::load::read_folder(&basil.join(story));
            let paths: Vec<String> = inputs
                .iter()
                .map(|i| format!("basil/{story}/{}", i.file))
                .collect();
            let corpus = corpus_of(devset, &paths);
            if story_count(&corpus) > 1 {
                alone_split.push(story.clone());
            }
            all_paths.extend(paths);
        }
        println!(
            "{} BASIL stories, each read alone: {} read as more than one story{}.",
            folders.len(),
            alone_split.len(),
            if alone_split.is_empty() {
                String::new()
            } else {
                format!(" ({})", alone_split.join(", "))
            }
        );
        let corpus = corpus_of(devset, &all_paths);
        let (split, joined) = story_errors(&corpus, |d| d.file.split('/').nth(1).unwrap_or(""));
        let links = corpus.claims.iter().map(|c| c.related.len()).sum::<usize>() / 2;
        println!(
            "All {} read together: {} stories found; {split} pairs of one story's articles apart, {joined} pairs of different stories' articles together; {links} links.",
            folders.len(),
            story_count(&corpus)
        );
    }
    let bbc = devset.join("bbc-politics");
    if bbc.is_dir() {
        let corpus = parallax_engine::build_from_folder(&bbc);
        // A file's story: its group in the gold when it has one, else itself.
        let same_story = mixed.as_ref().map_or(&[][..], |m| &m.bbc_same_story[..]);
        let story_of = |doc: &str| -> String {
            let file = corpus
                .documents
                .iter()
                .find(|d| d.id == doc)
                .map_or("", |d| d.file.as_str());
            same_story
                .iter()
                .find(|g| g.files.iter().any(|f| f == file))
                .and_then(|g| g.files.first())
                .map_or(file, |f| f.as_str())
                .to_string()
        };
        let doc_of: std::collections::HashMap<&str, &str> = corpus
            .claims
            .iter()
            .map(|c| (c.id.as_str(), c.document.as_str()))
            .collect();
        let (mut links, mut across, mut across_agrees) = (0, 0, 0);
        for c in &corpus.claims {
            for l in c.related.iter().filter(|l| c.id < l.claim) {
                links += 1;
                let other = doc_of.get(l.claim.as_str()).copied().unwrap_or("");
                if story_of(&c.document) != story_of(other) {
                    across += 1;
                    across_agrees += usize::from(l.relation != Relation::Related);
                }
            }
        }
        // Matters (the map's rows) whose claims come from different stories.
        let rows_across = corpus
            .clusters
            .iter()
            .filter(|m| {
                let stories: std::collections::HashSet<String> =
                    m.documents.iter().map(|d| story_of(d)).collect();
                stories.len() > 1
            })
            .count();
        if std::env::var_os("EVAL_VERBOSE").is_some() {
            let mut by_story: std::collections::BTreeMap<usize, Vec<&str>> = Default::default();
            for d in &corpus.documents {
                by_story.entry(d.story).or_default().push(d.file.as_str());
            }
            for files in by_story.values().filter(|f| f.len() > 1) {
                println!("  BBC read as one story: {}", files.join(", "));
            }
            for m in &corpus.clusters {
                let stories: std::collections::HashSet<String> =
                    m.documents.iter().map(|d| story_of(d)).collect();
                if stories.len() > 1 {
                    println!(
                        "  BBC row across stories: \"{}\" ({} claims)",
                        m.label,
                        m.claims.len()
                    );
                }
            }
        }
        println!(
            "40 BBC stories in one folder ({} groups of them, by reading, report one event): read as {} stories; {links} links, {across} of them join different stories ({across_agrees} agrees/disputes); {} map rows, {rows_across} of them join different stories.",
            same_story.len(),
            story_count(&corpus),
            corpus.clusters.len()
        );
        bbc_links = Some(across);
    }
    println!();

    // The targets, each said met or not.
    let pct = |n: usize, d: usize| {
        if d == 0 {
            0.0
        } else {
            100.0 * n as f64 / d as f64
        }
    };
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    println!("Targets (issue 13):");
    let agree_pct = pct(rows_total.0, tan);
    println!(
        "- labelled agreements on the map (as rows) >= 80%: {agree_pct:.0}%, {}",
        verdict(agree_pct >= 80.0)
    );
    let dis_pct = pct(rows_total.1, tdn);
    println!(
        "- labelled disagreements on the map (as disagreement rows) >= 70%: {dis_pct:.0}%, {}",
        verdict(dis_pct >= 70.0)
    );
    let (link_p, row_p) = (pct(tp, tpn), pct(rows_total.2, rows_total.3));
    println!(
        "- precision >= 90%: links {link_p:.0}%, map rows {row_p:.0}%, {}",
        verdict(link_p >= 90.0 && row_p >= 90.0)
    );
    let none_across = mixed_across == Some(0) && bbc_links == Some(0);
    println!(
        "- nothing joined across stories: mixed BASIL {} links across, BBC {} links across, {}",
        mixed_across.map_or("-".to_string(), |n| n.to_string()),
        bbc_links.map_or("-".to_string(), |n| n.to_string()),
        verdict(none_across)
    );
    println!();
}

/// How many stories the engine told apart in `corpus`.
fn story_count(corpus: &Corpus) -> usize {
    corpus
        .documents
        .iter()
        .map(|d| d.story)
        .collect::<std::collections::HashSet<_>>()
        .len()
}

/// Pairs of documents of one true story (`truth`) the engine put in different stories, and pairs
/// of different true stories it put in one.
fn story_errors<'c>(
    corpus: &'c Corpus,
    truth: impl Fn(&'c parallax_engine::Document) -> &'c str,
) -> (usize, usize) {
    let (mut split, mut joined) = (0, 0);
    for (i, a) in corpus.documents.iter().enumerate() {
        for b in &corpus.documents[i + 1..] {
            match (truth(a) == truth(b), a.story == b.story) {
                (true, false) => split += 1,
                (false, true) => joined += 1,
                _ => {}
            }
        }
    }
    (split, joined)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let devset = root.join("../../shared/devset");
    if !devset.is_dir() {
        println!("make eval: skipped: ../shared/devset is not here (it holds the real articles the gold labels).");
        return;
    }
    println!("# Parallax engine against gold labels (eval/gold), on ../shared/devset");
    println!();
    // EVAL_VERBOSE=1 also lists what the engine got wrong, to read.
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    // EVAL_ONLY=attribution, matters or pages prints one part.
    let only = std::env::var("EVAL_ONLY").unwrap_or_default();
    if only.is_empty() || only == "attribution" {
        attribution(&devset, &root.join("gold/attribution"), verbose);
    }
    if only.is_empty() || only == "matters" {
        matters(&devset, &root.join("gold/matters"));
    }
    if only.is_empty() || only == "pages" {
        pages::pages(&devset, verbose);
    }
}

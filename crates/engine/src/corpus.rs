//! The pipeline: inputs in, one [`Corpus`] out.
//!
//! Each stage is a plain function in its own module; this one runs them in order, carries the
//! per-document context (who spoke last, which poll is being reported) from sentence to sentence,
//! and does the two corpus-wide passes: entities found in one article are looked for in all of
//! them, and claims are linked across articles.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use crate::claims::{attribute, kind_of, split_clauses, Context, Speaker};
use crate::dates::{find_dates_in, DateExpr, DateMention, Ymd};
use crate::entities::{discover, skeleton, Matcher};
use crate::figures::{describe, find_quantities, sample_size};
use crate::load::{decode, warning, Input};
use crate::model::*;
use crate::text::{find_phrase, lower_keep_offsets, name_key, upper, word_count, words, Folded};
use crate::vocab::{vocab, UnitKind};

/// Lines whose names count as entity mentions.
fn names_entities(kind: LineKind) -> bool {
    matches!(
        kind,
        LineKind::Title
            | LineKind::Dek
            | LineKind::Heading
            | LineKind::Paragraph
            | LineKind::ListItem
            | LineKind::Caption
            | LineKind::PullQuote
    )
}

pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// One hash for the whole corpus: the files' names and contents, in name order. Two readers
/// comparing a shared link can check they saw the same articles.
pub fn corpus_fingerprint(corpus: &Corpus) -> String {
    let mut docs: Vec<(&str, &str)> = corpus
        .documents
        .iter()
        .map(|d| (d.file.as_str(), d.fingerprint.as_str()))
        .collect();
    docs.sort_unstable();
    let mut joined = Vec::new();
    for (file, print) in docs {
        joined.extend_from_slice(file.as_bytes());
        joined.push(0);
        joined.extend_from_slice(print.as_bytes());
        joined.push(b'\n');
    }
    fingerprint(&joined)
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().filter_map(crate::text::fold_char) {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "x".to_string()
    } else {
        out
    }
}

fn unique(base: String, used: &mut std::collections::HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

struct PollContext {
    speaker: Option<Speaker>,
    commissioned_by: Option<String>,
    date: Option<String>,
    population: Option<String>,
    sample: Option<u64>,
}

/// "a YouGov poll for The Times", "a survey commissioned by the BBC": who the poll a clause
/// names was made for.
fn poll_commissioner(clause: &str) -> Option<String> {
    let v = vocab();
    let lower = lower_keep_offsets(clause);
    v.poll_nouns.iter().find_map(|noun| {
        find_phrase(&lower, noun).into_iter().find_map(|pos| {
            let tail = &clause[pos + noun.len()..];
            let folded = Folded::new(tail);
            let after = folded
                .prefix_end(" for ")
                .or_else(|| folded.prefix_end(" commissioned by "))?;
            name_at(tail, after)
        })
    })
}

/// The capitalised name that starts at byte `at` of `tail`, without a leading "the" ("the
/// Arab Barometer" is Arab Barometer).
fn name_at(tail: &str, at: usize) -> Option<String> {
    let name: Vec<_> = words(tail.get(at..)?, at)
        .into_iter()
        .take_while(|w| w.is_capitalised() || w.text == "the")
        .collect();
    let first = name.iter().position(|w| w.text != "the")?;
    let (a, b) = (name.get(first)?, name.last()?);
    Some(tail[a.start..b.end].to_string())
}

/// "a Gallup poll", "a survey conducted by the Arab Barometer": the pollster a clause names.
fn pollster(clause: &str) -> Option<String> {
    let v = vocab();
    let lower = lower_keep_offsets(clause);
    for noun in &v.poll_nouns {
        for pos in find_phrase(&lower, noun) {
            let tail = &clause[pos + noun.len()..];
            let folded = Folded::new(tail);
            // "commissioned by X" names who paid for it, not who ran it.
            if folded.prefix_end(" commissioned by ").is_none() {
                for by in [" conducted by ", " published by ", " released by ", " by "] {
                    if let Some(name) = folded.prefix_end(by).and_then(|at| name_at(tail, at)) {
                        return Some(name);
                    }
                }
            }
            let before: Vec<_> = words(&clause[..pos], 0)
                .into_iter()
                .rev()
                .take_while(|w| w.is_capitalised())
                .collect();
            if let (Some(first), Some(last)) = (before.last(), before.first()) {
                let name = &clause[first.start..last.end];
                if !matches!(name, "A" | "The" | "An" | "This") {
                    return Some(
                        name.trim_start_matches("A ")
                            .trim_start_matches("The ")
                            .to_string(),
                    );
                }
            }
        }
    }
    None
}

struct EntityBuilder {
    name: String,
    kind: EntityKind,
    known: bool,
    /// Typed by the gazetteer, a title, a suffix or an acronym, not only found as a plain
    /// capitalised name. A typed name's words count once, as the name, when claims are linked.
    typed: bool,
    surfaces: BTreeSet<String>,
    mentions: Vec<(usize, usize, usize)>, // (document index, start, end)
}

#[derive(Default)]
struct Registry {
    entities: Vec<EntityBuilder>,
    by_gazetteer: HashMap<usize, usize>,
    by_key: HashMap<String, usize>,
    by_skeleton: HashMap<String, usize>,
}

impl Registry {
    fn known(&mut self, g: usize) -> usize {
        if let Some(&e) = self.by_gazetteer.get(&g) {
            return e;
        }
        let entry = &vocab().gazetteer[g];
        let e = self.entities.len();
        self.entities.push(EntityBuilder {
            name: entry.name.clone(),
            kind: entry.kind,
            known: true,
            typed: true,
            surfaces: BTreeSet::new(),
            mentions: Vec::new(),
        });
        self.by_gazetteer.insert(g, e);
        self.by_key.insert(name_key(&entry.name), e);
        e
    }

    fn discovered(&mut self, name: &str, kind: EntityKind, typed: bool) -> usize {
        let key = name_key(name);
        if let Some(&e) = self.by_key.get(&key) {
            self.entities[e].typed |= typed;
            return e;
        }
        let sk = skeleton(name);
        if kind == EntityKind::Person && name.split(' ').count() >= 2 {
            if let Some(&e) = self.by_skeleton.get(&sk) {
                self.by_key.insert(key, e);
                self.entities[e].typed |= typed;
                return e;
            }
        }
        let e = self.entities.len();
        self.entities.push(EntityBuilder {
            name: name.to_string(),
            kind,
            known: false,
            typed,
            surfaces: BTreeSet::new(),
            mentions: Vec::new(),
        });
        self.by_key.insert(key, e);
        if kind == EntityKind::Person {
            self.by_skeleton.insert(sk, e);
        }
        e
    }

    fn mention(&mut self, e: usize, doc: usize, start: usize, end: usize, surface: &str) {
        let b = &mut self.entities[e];
        b.surfaces.insert(surface.to_string());
        b.mentions.push((doc, start, end));
    }
}

/// A document on its way through the pipeline.
struct Parsed {
    doc: Document,
    text: Arc<str>,
    date: Option<Ymd>,
    claims: Vec<Claim>,
    /// The spans of the document's words (its token stream), for the corpus-wide name pass.
    word_spans: Vec<(usize, usize)>,
    /// What each claim's link terms are read from, in claim order, and the stems they name.
    claim_words: Vec<crate::links::ClaimWords>,
    stems: Vec<String>,
    figures: Vec<Figure>,
    events: Vec<Event>,
    /// Covered entity spans (for the second pass).
    covered: Vec<(usize, usize)>,
    /// Entity mentions found, registered in document order once every document is parsed.
    observations: Vec<Observation>,
    warning: Option<Diagnostic>,
}

/// An entity mention seen while parsing one document.
enum Observation {
    Known {
        gazetteer: usize,
        start: usize,
        end: usize,
    },
    Found {
        found: crate::entities::Discovered,
    },
}

/// The first date in `dates` (found in `clause`, which starts at `base`) that is not the start
/// or end of a period, resolved.
fn first_absolute(
    clause: &str,
    base: usize,
    dates: &[DateMention],
    doc_date: Option<Ymd>,
) -> Option<String> {
    dates.iter().find_map(|d| {
        let before = Folded::new(clause[..d.start - base].trim_end());
        if before.ends_with("since") || before.ends_with("until") || before.ends_with("before") {
            return None;
        }
        match d.expr {
            DateExpr::Absolute(_) | DateExpr::NoYear { .. } => {
                d.resolve(doc_date).map(|(y, _)| y.iso())
            }
            _ => None,
        }
    })
}

/// Gives `claim` a speaker found from the sentences around it: a quotation it continues is a
/// statement (or still a statistic).
fn carry_speaker(claim: &mut Claim, name: Option<String>, kind: Option<SpeakerKind>) {
    claim.speaker = name;
    claim.speaker_kind = kind;
    claim.speaker_carried = true;
    claim.speaker_role = None;
    if claim.kind != ClaimKind::Statistic {
        claim.kind = ClaimKind::Statement;
    }
}

fn parse_one(file: &str, text: &str, id: String) -> Parsed {
    let v = vocab();
    // The one copy of the source that every span of this document points into.
    let document_source: Arc<str> = Arc::from(text);
    let text = &*document_source;
    let stream = crate::tokens::TokenStream::new(text);
    let lines = crate::lines::classify(&document_source, &stream);
    let meta = crate::meta::extract(&lines);
    // Numbered 0 here; `link_corpus` gives documents and claims their places in the corpus.
    let doc_ref = Ref::new(0, &Arc::from(id.as_str()));
    let doc = Document {
        id: doc_ref.clone(),
        story: 0,
        file: file.to_string(),
        title: meta.title,
        dek: meta.dek,
        outlet: meta.outlet,
        author: meta.author,
        date: meta.date.map(|d| d.iso()),
        provenance: meta.provenance,
        lines,
        bytes: text.len(),
        fingerprint: fingerprint(text.as_bytes()),
        // A page's article text is ours, not the file's: the export carries it so every span
        // can be checked against it.
        text: crate::load::is_page(file).then(|| Verbatim::span(&document_source, 0, text.len())),
    };

    // Entities: gazetteer first, then names found from context.
    let mut covered = Vec::new();
    let mut observations = Vec::new();
    for line in doc.lines.iter().filter(|l| names_entities(l.kind)) {
        let ws = stream.words_in(line.start, line.end);
        let known = v.gazetteer_matcher.scan(&line.text, line.start, ws, &[]);
        let mut line_covered = Vec::new();
        for (i, n, g) in known {
            let (s, e) = (ws[i].start, ws[i + n - 1].end);
            observations.push(Observation::Known {
                gazetteer: g,
                start: s,
                end: e,
            });
            line_covered.push((s, e));
        }
        for d in discover(
            &line.text,
            line.start,
            ws,
            &line_covered,
            line.kind == LineKind::Paragraph,
        ) {
            line_covered.push((d.start, d.end));
            if let Some((s, e, _)) = &d.acronym {
                line_covered.push((*s, *e));
            }
            observations.push(Observation::Found { found: d });
        }
        covered.extend(line_covered);
    }

    // Claims, figures and events, read in order with the document's context.
    let mut ctx = Context::default();
    for o in &observations {
        if let Observation::Found { found } = o {
            if let Some(title) = &found.title {
                ctx.named_with_title(title, &found.name);
            }
        }
    }
    // The person each claim's sentence opens with, when it has no speaker.
    let mut subjects: Vec<Option<String>> = Vec::new();
    let mut poll: Option<PollContext> = None;
    let mut claims: Vec<Claim> = Vec::new();
    let mut figures: Vec<Figure> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut first_paragraph = true;
    for line in doc.lines.iter().filter(|l| l.kind == LineKind::Paragraph) {
        let mut skip = 0;
        if first_paragraph {
            if let Some((len, _)) = crate::meta::dateline(&line.text) {
                skip = len;
            }
            first_paragraph = false;
        }
        let paragraph_first_claim = claims.len();
        let mut quotes = crate::claims::QuoteBalance::default();
        let mut read_to = line.start;
        let paragraph_first_figure = figures.len();
        for (sa, sb) in crate::sentences::split(&line.text[skip..], line.start + skip) {
            for (a, b) in split_clauses(text, sa, sb) {
                let clause = &text[a..b];
                if word_count(clause) < 3 || !clause.chars().any(|c| c.is_alphabetic()) {
                    continue;
                }
                let tokens = stream.tokens_in(a, b);
                let dates = find_dates_in(clause, a, stream.words_in(a, b));
                quotes.read(text.get(read_to..a).unwrap_or_default());
                read_to = read_to.max(a);
                ctx.inside_quote = quotes.open();
                let mut speaker = attribute(clause, &tokens, &mut ctx);
                // A quotation inside a sentence about a person ("Mr Brown warned of the dangers
                // of being “distracted or diverted”") is that person's words.
                let quotes_inside = clause.contains(['“', '"']);
                if speaker.is_none() && quotes_inside && !ctx.inside_quote {
                    speaker = ctx.subject_here.clone().map(|name| Speaker {
                        name,
                        kind: SpeakerKind::Person,
                        attribution: String::new(),
                        carried: true,
                    });
                }
                subjects.push(ctx.subject_here.take());
                let quantities = find_quantities(clause, a);
                let has_percent = quantities
                    .iter()
                    .any(|q| q.unit_kind == Some(UnitKind::Percent));
                let poll_cue = tokens.has(&v.poll_set);
                let speaker_is_poll = speaker
                    .as_ref()
                    .is_some_and(|s| s.kind == SpeakerKind::Poll);
                if has_percent && (poll_cue || speaker_is_poll) {
                    let sp = if speaker_is_poll {
                        speaker.clone()
                    } else {
                        pollster(clause).map(|name| Speaker {
                            name,
                            kind: SpeakerKind::Poll,
                            attribution: clause.to_string(),
                            carried: false,
                        })
                    };
                    if speaker.is_none() {
                        speaker = sp.clone();
                    }
                    poll = Some(PollContext {
                        speaker: sp,
                        commissioned_by: poll_commissioner(clause),
                        date: first_absolute(clause, a, &dates, meta.date),
                        population: None,
                        sample: sample_size(clause),
                    });
                } else if has_percent && speaker.is_none() && poll.is_some() {
                    speaker = poll
                        .as_ref()
                        .and_then(|p| p.speaker.clone())
                        .map(|s| Speaker { carried: true, ..s });
                } else if !has_percent {
                    poll = None;
                }
                // A quotation continuing from the previous sentence keeps its speaker.
                if speaker.is_none() && ctx.inside_quote {
                    if let Some(prev) = claims[paragraph_first_claim..]
                        .last()
                        .and_then(|c: &Claim| c.speaker.clone().zip(c.speaker_kind))
                    {
                        speaker = Some(Speaker {
                            name: prev.0,
                            kind: prev.1,
                            attribution: String::new(),
                            carried: true,
                        });
                    }
                }
                let claim_id = Ref::new(
                    claims.len(),
                    &Arc::from(format!("{id}-c{}", claims.len() + 1)),
                );
                let spans: Vec<(usize, usize)> = quantities
                    .iter()
                    .map(|q| (q.start - a, q.end - a))
                    .collect();
                let sample = if poll_cue { sample_size(clause) } else { None };
                for q in &quantities {
                    // A poll's sample size is its method, not one of its findings.
                    if sample.is_some_and(|n| n as f64 == q.value)
                        && q.unit_kind != Some(UnitKind::Percent)
                    {
                        continue;
                    }
                    let d = describe(clause, q.start - a, q.end - a, &spans);
                    let in_poll = poll.is_some() && q.unit_kind == Some(UnitKind::Percent);
                    let population = d
                        .population
                        .filter(|_| in_poll)
                        .map(|(s, e)| clause[s..e].to_string());
                    if let (Some(p), Some(pop)) = (poll.as_mut(), &population) {
                        if in_poll && p.population.is_none() {
                            p.population = Some(pop.clone());
                        }
                    }
                    let economic = q.unit_kind == Some(UnitKind::Currency)
                        || matches!(
                            q.unit.as_deref(),
                            Some("MW" | "GW" | "kW" | "MWh" | "barrels" | "bcm")
                        )
                        || tokens
                            .folded()
                            .iter()
                            .any(|w| v.economic_cues.contains(w.as_ref()));
                    let kind = if in_poll {
                        FigureKind::Poll
                    } else if economic {
                        FigureKind::Economic
                    } else {
                        FigureKind::Other
                    };
                    let (source, date, population, sample) = if in_poll {
                        let p = poll.as_ref();
                        (
                            p.and_then(|p| p.speaker.as_ref().map(|s| s.name.clone())),
                            p.and_then(|p| p.date.clone()),
                            population.or_else(|| p.and_then(|p| p.population.clone())),
                            p.and_then(|p| p.sample),
                        )
                    } else {
                        (
                            speaker.as_ref().map(|s| s.name.clone()),
                            first_absolute(clause, a, &dates, meta.date),
                            population,
                            None,
                        )
                    };
                    let commissioned_by = poll
                        .as_ref()
                        .filter(|_| in_poll)
                        .and_then(|p| p.commissioned_by.clone());
                    figures.push(Figure {
                        commissioned_by,
                        id: format!("{id}-f{}", figures.len() + 1),
                        document: doc_ref.clone(),
                        claim: claim_id.clone(),
                        value: q.value,
                        unit: q.unit.clone(),
                        text: Verbatim::span(&document_source, q.start, q.end),
                        start: q.start,
                        end: q.end,
                        label: clause[d.label.0..d.label.1].to_string(),
                        // A poll's share is an opinion ("35% expect prices to fall"), not
                        // a change of the figure itself.
                        trend: (kind != FigureKind::Poll && population.is_none())
                            .then(|| crate::figures::trend(clause, d.label, q.start - a))
                            .flatten(),
                        population,
                        sample_size: sample,
                        source,
                        date,
                        kind,
                    });
                }
                for d in dates {
                    // "since 2011" starts a period; it is not when something happened.
                    if Folded::new(clause[..d.start - a].trim_end()).ends_with("since") {
                        continue;
                    }
                    if let Some((when, inferred)) = d.resolve(meta.date) {
                        events.push(Event {
                            date: when.iso(),
                            inferred,
                            text: Verbatim::span(&document_source, a, b),
                            document: doc_ref.clone(),
                            claim: claim_id.clone(),
                            when: Verbatim::span(&document_source, d.start, d.end),
                            start: d.start,
                            end: d.end,
                        });
                    }
                }
                // A statistic states a number in figures ("4,300 stores", "$2bn", "14%"); a
                // count in words ("across four areas") is a figure but not the claim's point.
                let in_figures = quantities.iter().any(|q| {
                    text[q.start..q.end]
                        .starts_with(|c: char| c.is_ascii_digit() || !c.is_alphabetic())
                });
                let kind = kind_of(&tokens, speaker.as_ref(), in_figures);
                let (stance, cue) = crate::stance::stance_of(&tokens, clause, speaker.is_some());
                claims.push(Claim {
                    stance,
                    stance_cue: cue.map(|(s, e)| Verbatim::span(&document_source, a + s, a + e)),
                    id: claim_id,
                    document: doc_ref.clone(),
                    text: Verbatim::span(&document_source, a, b),
                    start: a,
                    end: b,
                    line: line.number,
                    kind,
                    speaker_kind: speaker.as_ref().map(|s| s.kind),
                    attribution: speaker
                        .as_ref()
                        .map(|s| s.attribution.clone())
                        .filter(|a| !a.is_empty()),
                    speaker_carried: speaker.as_ref().is_some_and(|s| s.carried),
                    speaker_role: ctx
                        .role_here
                        .take()
                        .filter(|_| speaker.as_ref().is_some_and(|s| !s.carried)),
                    speaker: speaker.map(|s| s.name),
                    entities: Vec::new(),
                    related: Vec::new(),
                });
            }
        }
        // A quotation whose attribution comes at its end: "“…. …,” she said."
        for k in (paragraph_first_claim..claims.len()).rev() {
            if claims[k].speaker.is_some() || k + 1 >= claims.len() {
                continue;
            }
            let next = &claims[k + 1];
            let opens = claims[k].text.starts_with(['“', '"'])
                && crate::claims::quote_open(&claims[k].text);
            if opens
                && next.speaker.is_some()
                && !crate::claims::quote_open(&text[line.start..next.end])
            {
                let (name, kind) = (next.speaker.clone(), next.speaker_kind);
                carry_speaker(&mut claims[k], name, kind);
            }
        }
        // A quotation that opens a sentence with no attribution of its own continues the
        // speaker of the sentence before ("“…,” he said. “…”"), and of the paragraph before
        // when this paragraph names no speaker of its own (a paragraph of quotation).
        let names_own = claims[paragraph_first_claim..]
            .iter()
            .any(|c| c.speaker.is_some() && !c.speaker_carried);
        for k in paragraph_first_claim.max(1)..claims.len() {
            let opens_quote = claims[k].text.starts_with(['“', '"']);
            if claims[k].speaker.is_some() || !opens_quote {
                continue;
            }
            if k == paragraph_first_claim && names_own {
                continue;
            }
            let prev = &claims[k - 1];
            let person_or_body = matches!(
                prev.speaker_kind,
                Some(SpeakerKind::Person | SpeakerKind::Organisation | SpeakerKind::Unnamed)
            );
            // "Mr Blair went on to list his achievements. “So now we have a choice …”"
            let opened_by = subjects
                .get(k - 1)
                .cloned()
                .flatten()
                .filter(|_| k > paragraph_first_claim && prev.speaker.is_none());
            if let Some(name) = opened_by {
                carry_speaker(&mut claims[k], Some(name), Some(SpeakerKind::Person));
            } else if prev.speaker.is_some() && person_or_body {
                let (name, kind) = (prev.speaker.clone(), prev.speaker_kind);
                carry_speaker(&mut claims[k], name, kind);
            }
        }
        // A figure in a claim whose speaker was found from the sentences around it is that
        // speaker's, named or described.
        for f in &mut figures[paragraph_first_figure..] {
            let Some(c) = claims.get(f.claim.index()) else {
                continue;
            };
            if f.source.is_none() && f.kind != FigureKind::Poll && c.speaker_kind.is_some() {
                f.source = c.speaker.clone();
            }
        }
    }
    let warning = claims.is_empty().then(|| {
        warning(
            file,
            "no sentences found: the file has no body paragraphs to read claims from",
        )
    });
    let mut stems = crate::links::Stems::default();
    let claim_words = claims
        .iter()
        .map(|c| {
            let (ws, folded) = stream.words_and_folded_in(c.start, c.end);
            crate::links::claim_words(&c.text, c.start, ws, folded, &mut stems)
        })
        .collect();
    Parsed {
        doc,
        text: Arc::clone(&document_source),
        date: meta.date,
        claims,
        word_spans: stream.spans(),
        claim_words,
        stems: stems.into_list(),
        figures,
        events,
        covered,
        observations,
        warning,
    }
}

/// Parses documents independently: on every core natively, in turn on wasm.
fn parse_all(jobs: Vec<(&str, &str, String)>) -> Vec<Parsed> {
    crate::parallel::chunks(&jobs, |_, part| {
        part.iter()
            .map(|(f, t, id)| parse_one(f, t, id.clone()))
            .collect()
    })
}

/// Builds the corpus from `inputs`; `diagnostics` carries problems found before (e.g. by
/// [`crate::load::read_folder`]).
pub fn build(inputs: Vec<Input>, diagnostics: Vec<Diagnostic>) -> Corpus {
    Builder::new(inputs, diagnostics).finish()
}

/// A corpus built in steps. Documents are parsed independently, so a page can parse a few at a
/// time between frames and show progress; the corpus-wide passes (entities across articles,
/// links) run in [`Builder::finish`].
pub struct Builder {
    inputs: Vec<Input>,
    /// Inputs that decoded, as (input index, document id), in input order.
    jobs: Vec<(usize, String)>,
    parsed: Vec<Parsed>,
    diagnostics: Vec<Diagnostic>,
}

impl Builder {
    /// Decodes and names every input (documents keep the inputs' order); undecodable ones become
    /// diagnostics at once.
    pub fn new(inputs: Vec<Input>, mut diagnostics: Vec<Diagnostic>) -> Builder {
        let mut used_ids = std::collections::HashSet::new();
        let mut jobs = Vec::new();
        for (i, input) in inputs.iter().enumerate() {
            if let Err(d) = decode(&input.file, &input.bytes) {
                diagnostics.push(d);
                continue;
            }
            let stem = input.file.rsplit('/').next().unwrap_or(&input.file);
            let stem = stem.rsplit_once('.').map(|(s, _)| s).unwrap_or(stem);
            jobs.push((i, unique(slug(stem), &mut used_ids)));
        }
        Builder {
            inputs,
            jobs,
            parsed: Vec::new(),
            diagnostics,
        }
    }

    /// Documents to parse in all.
    pub fn total(&self) -> usize {
        self.jobs.len()
    }

    /// Documents parsed so far.
    pub fn done(&self) -> usize {
        self.parsed.len()
    }

    /// Bytes of text still to parse (for estimating the remaining work).
    pub fn bytes_left(&self) -> usize {
        self.jobs[self.parsed.len()..]
            .iter()
            .map(|(i, _)| self.inputs[*i].bytes.len())
            .sum()
    }

    /// Parses up to `count` more documents, in turn.
    pub fn parse_next(&mut self, count: usize) {
        let from = self.parsed.len();
        let to = (from + count).min(self.jobs.len());
        for (i, id) in &self.jobs[from..to] {
            let input = &self.inputs[*i];
            // Decoded once already in `new`; this cannot fail, but must not panic either.
            if let Ok(text) = decode(&input.file, &input.bytes) {
                self.parsed.push(parse_one(&input.file, text, id.clone()));
            }
        }
    }

    /// Parses what is left (on every core natively) and runs the corpus-wide passes.
    pub fn finish(mut self) -> Corpus {
        let from = self.parsed.len();
        let jobs: Vec<(&str, &str, String)> = self.jobs[from..]
            .iter()
            .filter_map(|(i, id)| {
                let input = &self.inputs[*i];
                let text = decode(&input.file, &input.bytes).ok()?;
                Some((input.file.as_str(), text, id.clone()))
            })
            .collect();
        let rest = parse_all(jobs);
        self.parsed.extend(rest);
        link_corpus(self.parsed, self.diagnostics)
    }
}

/// The corpus-wide passes over parsed documents.
fn link_corpus(mut parsed: Vec<Parsed>, mut diagnostics: Vec<Diagnostic>) -> Corpus {
    // Documents were numbered alone; here they, their claims and what refers to both get their
    // places in the corpus.
    let mut first_claim = 0;
    for (d, p) in parsed.iter_mut().enumerate() {
        let doc = p.doc.id.at(d);
        for c in &mut p.claims {
            c.id = c.id.shifted(first_claim);
            c.document = doc.clone();
        }
        for f in &mut p.figures {
            f.claim = f.claim.shifted(first_claim);
            f.document = doc.clone();
        }
        for e in &mut p.events {
            e.claim = e.claim.shifted(first_claim);
            e.document = doc.clone();
        }
        p.doc.id = doc;
        first_claim += p.claims.len();
    }
    let mut registry = Registry::default();
    // A lone acronym ("the JFM") is the entity it abbreviates when any article defines it, so it
    // is placed once every definition is known.
    let mut lone_acronyms = Vec::new();
    for (d, p) in parsed.iter_mut().enumerate() {
        for o in std::mem::take(&mut p.observations) {
            match o {
                Observation::Found { found }
                    if found.plain
                        && found.acronym.is_none()
                        && found.name.chars().all(|c| c.is_ascii_uppercase()) =>
                {
                    lone_acronyms.push((d, found));
                }
                Observation::Known {
                    gazetteer,
                    start,
                    end,
                } => {
                    let e = registry.known(gazetteer);
                    registry.mention(e, d, start, end, &p.text[start..end]);
                }
                Observation::Found { found } => {
                    let e = registry.discovered(&found.name, found.kind, !found.plain);
                    registry.mention(
                        e,
                        d,
                        found.start,
                        found.end,
                        &p.text[found.start..found.end],
                    );
                    if let Some((s, t, acronym)) = found.acronym {
                        registry.by_key.entry(name_key(&acronym)).or_insert(e);
                        registry.mention(e, d, s, t, &acronym);
                    }
                }
            }
        }
        diagnostics.extend(p.warning.take());
    }
    for (d, found) in lone_acronyms {
        let e = match registry.by_key.get(&name_key(&found.name)) {
            Some(&e) => e,
            // Typed: the acronym counts once when claims are linked, as the entity.
            None => registry.discovered(&found.name, found.kind, true),
        };
        let text = &parsed[d].text[found.start..found.end];
        registry.mention(e, d, found.start, found.end, text);
    }

    // People named only as speakers ("said Karim Saleh") are people too.
    for p in &parsed {
        for c in &p.claims {
            if let (Some(name), Some(SpeakerKind::Person), false) =
                (&c.speaker, c.speaker_kind, c.speaker_carried)
            {
                if !vocab().alias_index.contains_key(&name_key(name))
                    && (2..=4).contains(&name.split(' ').count())
                {
                    registry.discovered(name, EntityKind::Person, true);
                }
            }
        }
    }

    // Second pass: names found in one article, looked for in all of them.
    let mut dynamic = Matcher::default();
    let gazetteer_keys = &vocab().alias_index;
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    for (e, b) in registry.entities.iter().enumerate() {
        if b.known {
            continue;
        }
        dynamic.add(&b.name, e);
        if b.kind == EntityKind::Person {
            if let Some(last) = b
                .name
                .split(' ')
                .next_back()
                .filter(|l| l.chars().count() >= 4)
            {
                surnames.entry(last.to_string()).or_default().push(e);
            }
        }
    }
    for (key, &e) in &registry.by_key {
        if !registry.entities[e].known
            && key.chars().all(|c| c.is_ascii_alphabetic())
            && key.len() <= 6
            && !key.contains(' ')
        {
            // an acronym key: add in capitals
            dynamic.add(&upper(key), e);
        }
    }
    for (last, es) in &surnames {
        if es.len() == 1 && !gazetteer_keys.contains_key(&name_key(last)) {
            dynamic.add(last, es[0]);
        }
    }
    if !dynamic.is_empty() {
        for (d, p) in parsed.iter_mut().enumerate() {
            for line in p.doc.lines.iter().filter(|l| names_entities(l.kind)) {
                let from = p.word_spans.partition_point(|w| w.0 < line.start);
                let ws: Vec<crate::text::Word> = p.word_spans[from..]
                    .iter()
                    .take_while(|w| w.1 <= line.end)
                    .map(|&(start, end)| crate::text::Word {
                        text: &p.text[start..end],
                        start,
                        end,
                    })
                    .collect();
                for (i, n, e) in dynamic.scan(&line.text, line.start, &ws, &p.covered) {
                    let (s, t) = (ws[i].start, ws[i + n - 1].end);
                    registry.mention(e, d, s, t, &p.text[s..t]);
                }
            }
        }
    }

    // Entities out, with stable ids; claims learn which entities they mention.
    let mut used = std::collections::HashSet::new();
    let mut order: Vec<usize> = (0..registry.entities.len())
        .filter(|e| !registry.entities[*e].mentions.is_empty())
        .collect();
    order.sort_by_key(|e| {
        (
            std::cmp::Reverse(registry.entities[*e].mentions.len()),
            registry.entities[*e].name.clone(),
        )
    });
    let unnamed = Ref::new(0, &Arc::from(""));
    let mut entity_ids = vec![unnamed; registry.entities.len()];
    for (at, &e) in order.iter().enumerate() {
        let id = unique(slug(&registry.entities[e].name), &mut used);
        entity_ids[e] = Ref::new(at, &Arc::from(id));
    }
    let mut per_doc: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); parsed.len()];
    let mut entities = Vec::new();
    for &e in &order {
        let b = &mut registry.entities[e];
        b.mentions.sort_unstable();
        b.mentions.dedup();
        let mut docs: Vec<usize> = b.mentions.iter().map(|m| m.0).collect();
        docs.dedup();
        for &(d, s, t) in &b.mentions {
            per_doc[d].push((s, t, e));
        }
        let name_k = name_key(&b.name);
        entities.push(Entity {
            id: entity_ids[e].clone(),
            name: b.name.clone(),
            kind: b.kind,
            aliases: b
                .surfaces
                .iter()
                .filter(|s| name_key(s) != name_k)
                .cloned()
                .collect(),
            documents: docs.iter().map(|d| parsed[*d].doc.id.clone()).collect(),
            mentions: b
                .mentions
                .iter()
                .map(|&(d, s, t)| Mention {
                    document: parsed[d].doc.id.clone(),
                    start: s,
                    end: t,
                    text: Verbatim::span(&parsed[d].text, s, t),
                })
                .collect(),
            known: b.known,
        });
    }
    let typed: Vec<bool> = registry.entities.iter().map(|b| b.typed).collect();
    let mut name_spans: Vec<Vec<(usize, usize)>> = Vec::new();
    for (d, p) in parsed.iter_mut().enumerate() {
        per_doc[d].sort_unstable();
        for c in &mut p.claims {
            let from = per_doc[d].partition_point(|m| m.0 < c.start);
            let inside: Vec<&(usize, usize, usize)> = per_doc[d][from..]
                .iter()
                .take_while(|m| m.0 < c.end)
                .filter(|m| m.1 <= c.end)
                .collect();
            let mut ids: Vec<Ref> = inside.iter().map(|m| entity_ids[m.2].clone()).collect();
            ids.sort();
            ids.dedup();
            c.entities = ids;
            name_spans.push(
                inside
                    .iter()
                    .filter(|m| typed[m.2])
                    .map(|m| (m.0, m.1))
                    .collect(),
            );
        }
    }

    // Sized exactly: a corpus is kept for as long as the page is open, and a vector grown by
    // doubling holds up to twice what it needs.
    let mut documents = Vec::with_capacity(parsed.len());
    let mut claims = Vec::with_capacity(parsed.iter().map(|p| p.claims.len()).sum());
    let mut figures = Vec::with_capacity(parsed.iter().map(|p| p.figures.len()).sum());
    let mut events = Vec::with_capacity(parsed.iter().map(|p| p.events.len()).sum());
    let mut document_of = Vec::with_capacity(claims.capacity());
    let mut claim_words = Vec::with_capacity(claims.capacity());
    let mut stems = Vec::with_capacity(parsed.len());
    for (d, p) in parsed.into_iter().enumerate() {
        let _ = p.date;
        document_of.extend(std::iter::repeat_n(d, p.claims.len()));
        claims.extend(p.claims);
        claim_words.extend(p.claim_words);
        stems.push(p.stems);
        figures.extend(p.figures);
        events.extend(p.events);
        documents.push(p.doc);
    }
    let document_ids: Vec<Ref> = documents.iter().map(|d| d.id.clone()).collect();
    let quotes: Vec<Vec<crate::quotes::Quote>> = documents
        .iter()
        .map(|d| crate::quotes::quotations(&d.lines))
        .collect();
    let (clusters, story_of) = crate::links::link(
        &mut claims,
        &claim_words,
        &stems,
        &name_spans,
        crate::links::Documents {
            document_of: &document_of,
            ids: &document_ids,
            quotes: &quotes,
            figures: &figures,
        },
    );
    drop((claim_words, stems));
    for (d, story) in documents.iter_mut().zip(story_of) {
        d.story = story;
    }
    events.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.document.cmp(&b.document))
            .then(a.start.cmp(&b.start))
    });
    Corpus {
        documents,
        claims,
        figures,
        entities,
        events,
        clusters,
        diagnostics,
    }
}

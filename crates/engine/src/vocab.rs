//! The engine's vocabularies, parsed once from the data files in `data/`.
//!
//! Word lists are data, not code: a reporter adapting Parallax to another story edits a TSV file
//! and rebuilds, without touching the logic. Files are embedded with `include_str!` so the wasm
//! page carries them with no fetch, and parsed lazily on first use.

use std::sync::OnceLock;

use crate::model::EntityKind;
use crate::text::{fold, lower, name_key, FastMap, FastSet, PhraseSet};

pub struct GazetteerEntry {
    pub kind: EntityKind,
    pub name: String,
    /// Every spelling that names this entry, the canonical name included.
    pub aliases: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoilerplateRule {
    Exact,
    Prefix,
    Suffix,
    Contains,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Percent,
    Currency,
    Measure,
}

/// How a number's stated value bounds the true one (`data/number_qualifiers.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The number or more: "more than", "at least".
    AtLeast,
    /// The number or less: "fewer than", "under".
    AtMost,
    /// Within a few per cent: "about", "some".
    About,
}

pub struct Unit {
    pub canonical: String,
    pub kind: UnitKind,
}

pub struct Vocab {
    pub gazetteer: Vec<GazetteerEntry>,
    /// name key of an alias (see [`name_key`]) → (gazetteer index, alias must match in capitals).
    pub alias_index: FastMap<String, (usize, bool)>,
    /// The gazetteer as a matcher over words.
    pub gazetteer_matcher: crate::entities::Matcher,
    pub titles: Vec<String>,
    pub org_suffixes: Vec<String>,
    pub speech_verbs: Vec<String>,
    pub speech_participles: Vec<String>,
    pub source_phrases: Vec<String>,
    pub document_nouns: Vec<String>,
    pub poll_nouns: Vec<String>,
    pub unnamed_sources: Vec<String>,
    /// Words before a subject that are no part of it, and adverbs after it ([`crate::claims`]).
    pub subject_leads: FastSet<String>,
    /// Words that follow a person who opens a sentence by surname alone ("Grant is …").
    pub subject_next: FastSet<String>,
    /// Words that make a capitalised name a place or a building ([`crate::entities`]).
    pub place_words: FastSet<String>,
    /// All-caps abbreviations that are no organisation's acronym ("GDP", "CEO").
    pub not_organisations: FastSet<String>,
    /// Given names, case-sensitive: a plain capitalised name that starts with one is a person.
    pub given_names: FastSet<String>,
    pub subject_trails: FastSet<String>,
    /// (kind, phrase); kind is "recommendation", "prediction" or "assessment".
    pub kind_cues: Vec<(String, String)>,
    /// (kind, veto phrase).
    pub kind_vetoes: Vec<(String, String)>,
    pub negations: Vec<String>,
    /// Negations whose reach is the rest of their clause (`clause` in `data/negations.txt`).
    pub clause_negation_set: FastSet<String>,
    pub stopwords: FastSet<String>,
    /// surface (lowercase) → unit, longest surfaces first.
    pub units: Vec<(String, Unit)>,
    pub number_words: FastMap<String, f64>,
    /// Cue phrases of a claim that denies, that rejects and that hedges (`data/stance_cues.tsv`).
    pub denial_cues: PhraseSet,
    pub reject_cues: PhraseSet,
    pub hedge_cues: PhraseSet,
    /// Plural nouns without -s ("women", "people"), folded.
    pub irregular_plurals: FastSet<String>,
    /// (how the stated value bounds the true one, the folded words right before the number).
    pub number_qualifiers: Vec<(Bound, Vec<String>)>,
    pub scale_words: FastMap<String, f64>,
    pub economic_cues: FastSet<String>,
    /// Words that make a figure a fall or a rise (`data/trend_words.txt`).
    pub fall_words: FastSet<String>,
    pub rise_words: FastSet<String>,
    pub boilerplate: Vec<(BoilerplateRule, String)>,
    pub agencies: Vec<String>,
    pub credit_prefixes: Vec<String>,
    pub caption_cues: Vec<String>,
    pub abbreviations: FastSet<String>,
    pub outlet_cues: Vec<String>,
    /// Phrase sets for the cue lists matched against every clause.
    pub speech_verb_set: PhraseSet,
    /// Verbs that give something a name in the speaker's words: "X called it “a disgrace”".
    pub naming_verb_set: PhraseSet,
    pub participle_set: PhraseSet,
    pub source_set: PhraseSet,
    pub document_set: PhraseSet,
    pub poll_set: PhraseSet,
    pub unnamed_set: PhraseSet,
    /// All kind cues; `kind_cues[i].0` is the kind of phrase `i`.
    pub kind_cue_set: PhraseSet,
    pub kind_veto_set: PhraseSet,
    pub negation_set: FastSet<String>,
    /// Last words of titles, lowercase, without a final stop.
    pub title_words: FastSet<String>,
    /// Agencies as word lists, for credit lines.
    pub agency_words: Vec<Vec<String>>,
    pub caption_cue_set: PhraseSet,
    pub bio_set: PhraseSet,
    pub bio_nouns: Vec<String>,
}

/// Units of measure (`data/units.tsv`): canonical, kind, surface forms.
const UNITS: &str = include_str!("../data/units.tsv");

/// The canonical names of the units of measure, read from `data/units.tsv` alone: the page's view
/// names a chart's unit with them and must not carry the parser's other vocabularies.
pub fn unit_names() -> &'static FastSet<String> {
    static NAMES: std::sync::OnceLock<FastSet<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        entries(UNITS)
            .filter_map(|line| line.split('\t').next())
            .map(str::to_string)
            .collect()
    })
}

fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn words_list(src: &str) -> Vec<String> {
    entries(src).map(|l| l.trim().to_string()).collect()
}

/// Lines of the form "tag rest" split into the rests of one tag.
fn tagged(src: &str, tag: &str) -> Vec<String> {
    entries(src)
        .filter_map(|l| l.strip_prefix(tag).and_then(|r| r.strip_prefix(' ')))
        .map(|r| r.to_string())
        .collect()
}

fn parse_kind(s: &str) -> EntityKind {
    match s {
        "person" => EntityKind::Person,
        "organisation" => EntityKind::Organisation,
        "place" => EntityKind::Place,
        "group" => EntityKind::Group,
        _ => EntityKind::Other,
    }
}

fn build() -> Vocab {
    let mut gazetteer = Vec::new();
    let mut alias_index = FastMap::default();
    let mut gazetteer_matcher = crate::entities::Matcher::default();
    let given_names: FastSet<String> = words_list(include_str!("../data/given_names.txt"))
        .into_iter()
        .collect();
    for line in entries(include_str!("../data/gazetteer.tsv")) {
        let mut cols = line.split('\t');
        let (Some(kind), Some(name)) = (cols.next(), cols.next()) else {
            continue;
        };
        let mut aliases = vec![name.trim().to_string()];
        if let Some(rest) = cols.next() {
            aliases.extend(
                rest.split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string),
            );
        }
        let idx = gazetteer.len();
        for alias in &aliases {
            let caps = alias
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
            let key = name_key(alias);
            gazetteer_matcher.add(alias, idx);
            if kind.trim() == "place" && given_names.contains(alias.as_str()) {
                gazetteer_matcher.also_first_name(alias);
            }
            alias_index.entry(key).or_insert((idx, caps));
        }
        gazetteer.push(GazetteerEntry {
            kind: parse_kind(kind.trim()),
            name: name.trim().to_string(),
            aliases,
        });
    }

    let speech = include_str!("../data/speech_verbs.txt");
    let attribution = include_str!("../data/attribution.txt");
    let mut kind_cues = Vec::new();
    let mut kind_vetoes = Vec::new();
    for line in entries(include_str!("../data/kind_cues.tsv")) {
        if let Some((kind, phrase)) = line.split_once('\t') {
            let phrase = lower(phrase.trim());
            match kind.strip_prefix("not-") {
                Some(k) => kind_vetoes.push((k.to_string(), phrase)),
                None => kind_cues.push((kind.to_string(), phrase)),
            }
        }
    }

    let mut units = Vec::new();
    for line in entries(UNITS) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let kind = match cols[1] {
            "percent" => UnitKind::Percent,
            "currency" => UnitKind::Currency,
            _ => UnitKind::Measure,
        };
        for surface in cols[2].split('|') {
            units.push((
                surface.trim().to_string(),
                Unit {
                    canonical: cols[0].to_string(),
                    kind,
                },
            ));
        }
    }
    units.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));

    let mut number_words = FastMap::default();
    let mut scale_words = FastMap::default();
    for line in entries(include_str!("../data/numbers.txt")) {
        if let Some((word, value)) = line.split_once('\t') {
            if let Some(v) = value.strip_prefix("scale ") {
                if let Ok(v) = v.trim().parse() {
                    scale_words.insert(word.to_string(), v);
                }
            } else if let Ok(v) = value.trim().parse() {
                number_words.insert(word.to_string(), v);
            }
        }
    }

    let stance_cues = |kind: &str| {
        PhraseSet::new(
            entries(include_str!("../data/stance_cues.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .filter(|(k, _)| *k == kind)
                .map(|(_, phrase)| phrase.trim().to_string())
                .collect::<Vec<String>>(),
        )
    };
    let (denial_cues, reject_cues, hedge_cues) = (
        stance_cues("denies"),
        stance_cues("rejects"),
        stance_cues("hedges"),
    );
    let irregular_plurals = words_list(include_str!("../data/irregular_plurals.txt"))
        .iter()
        .map(|w| fold(w))
        .collect();
    let number_qualifiers = entries(include_str!("../data/number_qualifiers.tsv"))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(kind, phrase)| {
            let bound = match kind {
                "at-least" => Bound::AtLeast,
                "at-most" => Bound::AtMost,
                "about" => Bound::About,
                _ => return None,
            };
            Some((bound, phrase.split_whitespace().map(fold).collect()))
        })
        .collect();

    let mut boilerplate = Vec::new();
    for line in entries(include_str!("../data/boilerplate.tsv")) {
        if let Some((how, phrase)) = line.split_once('\t') {
            let rule = match how {
                "exact" => BoilerplateRule::Exact,
                "prefix" => BoilerplateRule::Prefix,
                "suffix" => BoilerplateRule::Suffix,
                _ => BoilerplateRule::Contains,
            };
            boilerplate.push((rule, lower(phrase)));
        }
    }

    let captions = include_str!("../data/captions.txt");
    let speech_verbs: Vec<String> = entries(speech)
        .filter(|l| !l.starts_with("participle ") && !l.starts_with("naming "))
        .map(|l| l.trim().to_string())
        .collect();
    let titles = words_list(include_str!("../data/titles.txt"));
    let caption_cues: Vec<String> = tagged(captions, "cue")
        .into_iter()
        .map(|c| lower(&c))
        .collect();
    let negation_src = include_str!("../data/negations.txt");
    let negations: Vec<String> = entries(negation_src)
        .map(|l| l.strip_prefix("clause ").unwrap_or(l).trim().to_string())
        .collect();
    Vocab {
        speech_verb_set: PhraseSet::new(&speech_verbs),
        participle_set: PhraseSet::new(tagged(speech, "participle")),
        naming_verb_set: PhraseSet::new(tagged(speech, "naming")),
        source_set: PhraseSet::new(tagged(attribution, "source")),
        document_set: PhraseSet::new(tagged(attribution, "document")),
        poll_set: PhraseSet::new(tagged(attribution, "poll")),
        unnamed_set: PhraseSet::new(tagged(attribution, "unnamed")),
        kind_cue_set: PhraseSet::new(kind_cues.iter().map(|(_, p)| p)),
        kind_veto_set: PhraseSet::new(kind_vetoes.iter().map(|(_, p)| p)),
        negation_set: negations.iter().map(|n| fold(n)).collect(),
        clause_negation_set: tagged(negation_src, "clause")
            .iter()
            .map(|n| fold(n))
            .collect(),
        title_words: titles
            .iter()
            .filter_map(|t| t.split_whitespace().last())
            .map(|w| lower(w).trim_end_matches('.').to_string())
            .collect(),
        agency_words: tagged(captions, "agency")
            .iter()
            .map(|a| {
                crate::text::words(a, 0)
                    .iter()
                    .map(|w| w.text.to_string())
                    .collect()
            })
            .collect(),
        caption_cue_set: PhraseSet::new(caption_cues.iter().filter(|c| !c.starts_with('('))),
        bio_set: PhraseSet::new(tagged(captions, "bio")),
        gazetteer,
        alias_index,
        gazetteer_matcher,
        titles,
        org_suffixes: words_list(include_str!("../data/org_suffixes.txt")),
        speech_verbs,
        speech_participles: tagged(speech, "participle"),
        source_phrases: tagged(attribution, "source"),
        document_nouns: tagged(attribution, "document"),
        poll_nouns: tagged(attribution, "poll"),
        unnamed_sources: tagged(attribution, "unnamed"),
        subject_leads: tagged(attribution, "lead").into_iter().collect(),
        subject_next: tagged(attribution, "next").into_iter().collect(),
        not_organisations: entries(include_str!("../data/not_organisations.txt"))
            .map(|l| l.trim().to_string())
            .collect(),
        place_words: words_list(include_str!("../data/place_words.txt"))
            .into_iter()
            .collect(),
        given_names,
        subject_trails: tagged(attribution, "trail").into_iter().collect(),
        kind_cues,
        kind_vetoes,
        negations,
        stopwords: words_list(include_str!("../data/stopwords.txt"))
            .into_iter()
            .map(|w| fold(&w))
            .collect(),
        units,
        number_words,
        irregular_plurals,
        number_qualifiers,
        denial_cues,
        reject_cues,
        hedge_cues,
        scale_words,
        fall_words: tagged(include_str!("../data/trend_words.txt"), "fall")
            .into_iter()
            .collect(),
        rise_words: tagged(include_str!("../data/trend_words.txt"), "rise")
            .into_iter()
            .collect(),
        economic_cues: words_list(include_str!("../data/economic_cues.txt"))
            .into_iter()
            .collect(),
        boilerplate,
        agencies: tagged(captions, "agency"),
        credit_prefixes: tagged(captions, "credit"),
        caption_cues,
        abbreviations: words_list(include_str!("../data/abbreviations.txt"))
            .into_iter()
            .collect(),
        bio_nouns: tagged(captions, "bio"),
        outlet_cues: entries(include_str!("../data/outlet_cues.txt"))
            .map(|l| lower(l.trim_start()))
            .collect(),
    }
}

/// The vocabularies, parsed on first use.
pub fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_into_non_empty_vocabularies() {
        let v = vocab();
        assert!(v.gazetteer.len() > 50);
        assert!(v.speech_verbs.iter().any(|s| s == "said"));
        assert!(v.speech_participles.iter().any(|s| s == "announcing"));
        assert!(v
            .units
            .iter()
            .any(|(s, u)| s == "per cent" && u.canonical == "%"));
        assert_eq!(v.number_words.get("forty"), Some(&40.0));
        assert_eq!(v.scale_words.get("billion"), Some(&1e9));
        assert!(v.abbreviations.contains("Dr."));
        let (idx, caps) = v.alias_index[&name_key("al-Shara'a")];
        assert_eq!(v.gazetteer[idx].name, "Ahmed al-Sharaa");
        assert!(!caps);
        assert!(v.alias_index[&name_key("IDF")].1);
    }
}

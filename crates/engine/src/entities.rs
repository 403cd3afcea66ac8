//! Stage 6: people, organisations, places and groups, with their spellings merged.
//!
//! The gazetteer (data) comes first because it knows that "Ahmad al-Sharaa", "al-Shara’a" and
//! "Sharaa" are one man and that "Syrians" are Syria's. Capitalisation comes second, but only
//! where context says what kind of thing a name is (a title before it, an organisation word at its
//! end, an acronym defined in brackets); an unexplained capitalised word is not an entity.

use crate::model::EntityKind;
use crate::text::{fold, is_closing_punct, is_dash, is_space, name_key, words, Word};
use crate::vocab::vocab;

/// One spelling to look for, as folded words.
#[derive(Clone, Debug)]
struct Pattern {
    rest: Vec<String>,
    target: usize,
    /// Written in capitals: matches only in capitals ("US", not "us").
    caps: bool,
    /// Written starting lowercase ("al-Sharaa", "jihadists"): may match uncapitalised.
    lower_ok: bool,
}

/// Finds known spellings in text, indexed by their first folded word so that most words of a
/// text cost one hash look-up.
#[derive(Clone, Debug, Default)]
pub struct Matcher {
    by_first: crate::text::FastMap<String, Vec<Pattern>>,
    /// Folded one-word spellings that are also given names ("Israel", "Jordan"): before a
    /// capitalised word the matcher does not start, they begin a person's name instead.
    first_names: crate::text::FastSet<String>,
}

impl Matcher {
    /// Marks the one-word spelling `alias` as also a given name.
    pub fn also_first_name(&mut self, alias: &str) {
        self.first_names.insert(fold(alias));
    }

    pub fn add(&mut self, alias: &str, target: usize) {
        let ws = words(alias, 0);
        let Some(first) = ws.first() else { return };
        let caps = alias
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
        let lower_ok = first.text.chars().next().is_some_and(|c| c.is_lowercase());
        let rest = ws[1..].iter().map(|w| fold(w.text)).collect();
        let list = self.by_first.entry(fold(first.text)).or_default();
        let pattern = Pattern {
            rest,
            target,
            caps,
            lower_ok,
        };
        if !list
            .iter()
            .any(|p| p.rest == pattern.rest && p.target == target)
        {
            list.push(pattern);
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Matches in `ws` (words of `text`, spans offset by `base`), longest first, skipping words
    /// inside `covered` spans. Returns (first word, word count, target).
    pub fn scan(
        &self,
        text: &str,
        base: usize,
        ws: &[Word],
        covered: &[(usize, usize)],
    ) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < ws.len() {
            let w = &ws[i];
            if covered.iter().any(|&(a, b)| w.start < b && w.end > a) {
                i += 1;
                continue;
            }
            key.clear();
            key.extend(w.text.chars().filter_map(crate::text::fold_char));
            let mut matched = None;
            if let Some(list) = self.by_first.get(&key) {
                for p in list {
                    if i + p.rest.len() >= ws.len() {
                        continue;
                    }
                    let ok_rest = p.rest.iter().enumerate().all(|(k, r)| {
                        let prev = &ws[i + k];
                        let next = &ws[i + k + 1];
                        let gap = &text[prev.end - base..next.start - base];
                        let gap = gap
                            .strip_prefix("’s")
                            .or_else(|| gap.strip_prefix("'s"))
                            .unwrap_or(gap);
                        let gap_ok = gap.chars().all(|c| c == ' ' || c == '\u{a0}' || is_dash(c))
                            && gap.chars().count() <= 2;
                        gap_ok && fold(next.text) == *r
                    });
                    if !ok_rest {
                        continue;
                    }
                    let span_words = &ws[i..=i + p.rest.len()];
                    let case_ok = if p.caps {
                        span_words.iter().all(|x| {
                            x.text
                                .chars()
                                .filter(|c| c.is_alphabetic())
                                .all(|c| c.is_uppercase())
                        })
                    } else {
                        w.is_capitalised() || p.lower_ok
                    };
                    if case_ok {
                        matched = Some((i, p.rest.len() + 1, p.target));
                        break;
                    }
                }
            }
            // "Israel Katz", "Jordan Peterson": a place that is also a given name, followed by
            // a capitalised word the gazetteer does not start, is a person's first name; not
            // when that word is a place word, a month or day, or a common word ("Israel
            // Monday"), nor in a run of capitals such as a headline ("Israel Strikes Syria").
            let first_name = matched.is_some_and(|(at, len, _)| {
                let next = ws.get(at + 1);
                let after = ws.get(at + 2);
                let v = crate::vocab::vocab();
                len == 1
                    && self.first_names.contains(&key)
                    && next.is_some_and(|n| {
                        &text[w.end - base..n.start - base] == " "
                            && n.is_capitalised()
                            && !n.is_all_caps()
                            && !self.by_first.contains_key(&fold(n.text))
                            && !v.place_words.contains(n.text)
                            && !v.stopwords.contains(&fold(n.text))
                            && !after.is_some_and(|a| {
                                a.is_capitalised() && &text[n.end - base..a.start - base] == " "
                            })
                    })
            });
            match matched {
                Some(m) if !first_name => {
                    out.push(m);
                    i += m.1;
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// An entity found from context rather than the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Discovered {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: EntityKind,
    /// An acronym defined right after the name: "(JFM)".
    pub acronym: Option<(usize, usize, String)>,
    /// Found only as capitalised words in prose, with no title, suffix or acronym to type it.
    pub plain: bool,
    /// The title it was named after ("general" in "Attorney General Richard Blumenthal"),
    /// lowercase, for a later "the attorney general said".
    pub title: Option<String>,
}

pub fn is_title_word(w: &str) -> bool {
    let titles = &vocab().title_words;
    let bare = w.trim_end_matches('.');
    if bare.chars().all(|c| c.is_lowercase()) {
        titles.contains(bare)
    } else {
        titles.contains(&crate::text::lower(bare))
    }
}

fn is_org_suffix(w: &str) -> bool {
    vocab().org_suffixes.iter().any(|s| s == w)
}

const PARTICLES: [&str; 8] = ["al", "bin", "ibn", "de", "van", "von", "der", "el"];
const DETERMINERS: [&str; 6] = ["The", "A", "An", "This", "That", "Its"];

/// Runs of capitalised words (allowing particles like "al-") outside `covered`.
fn capitalised_runs<'a>(
    text: &str,
    base: usize,
    ws: &'a [Word<'a>],
    covered: &[(usize, usize)],
) -> Vec<&'a [Word<'a>]> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let inside = |w: &Word| covered.iter().any(|&(a, b)| w.start < b && w.end > a);
        if !ws[i].is_capitalised() || inside(&ws[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && !inside(&ws[j]) {
            let gap = &text[ws[j - 1].end - base..ws[j].start - base];
            // "Christopher J. Dodd": an initial's stop stays inside the name.
            let initial = gap == ". " && ws[j - 1].text.chars().count() == 1;
            if !(gap == " "
                || gap == "\u{a0}"
                || initial
                || (gap.chars().count() == 1 && gap.chars().all(is_dash)))
            {
                break;
            }
            let w = &ws[j];
            let particle =
                PARTICLES.contains(&w.text) && ws.get(j + 1).is_some_and(|n| n.is_capitalised());
            if !(w.is_capitalised() || particle) || w.text.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            j += 1;
        }
        runs.push(&ws[i..j]);
        i = j;
    }
    runs
}

fn span_text<'t>(text: &'t str, base: usize, ws: &[Word]) -> &'t str {
    match (ws.first(), ws.last()) {
        (Some(a), Some(b)) => &text[a.start - base..b.end - base],
        _ => "",
    }
}

/// Finds names in `text` that the gazetteer does not know, where context tells their kind.
/// A word of three to five capital letters alone in prose: an organisation's acronym ("the
/// DNC", "GOP leaders"), unless `data/not_organisations.txt` lists it ("GDP") or it is a roman
/// numeral or a shouted common word ("NOT").
fn acronym_alone(run: &[Word]) -> Option<Discovered> {
    let v = vocab();
    let [w] = run else { return None };
    let letters = w.text.chars().count();
    let acronym = (3..=5).contains(&letters)
        && w.text.chars().all(|c| c.is_ascii_uppercase())
        && !w.text.chars().all(|c| "IVXLCDM".contains(c))
        && !v.not_organisations.contains(w.text)
        && !v.stopwords.contains(&crate::text::lower(w.text));
    acronym.then(|| Discovered {
        start: w.start,
        end: w.end,
        name: w.text.to_string(),
        kind: EntityKind::Organisation,
        acronym: None,
        plain: true,
        title: None,
    })
}

/// A name in running prose with no title or suffix to type it: two to four capitalised words
/// ("Glenn Beck", "Parris Island"), without the sentence's opening word when that is a common
/// word ("But Glenn Beck"), not all capitals, not a title. It is a person when it starts with a
/// given name (`data/given_names.txt`) and no word of it names a place or a body
/// (`data/place_words.txt`, `data/org_suffixes.txt`); otherwise its kind is left open.
fn plain_name(text: &str, base: usize, run: &[Word]) -> Option<Discovered> {
    let v = vocab();
    let mut run = run;
    while run
        .first()
        .is_some_and(|w| v.stopwords.contains(&crate::text::lower(w.text)))
    {
        run = &run[1..];
    }
    if !(2..=4).contains(&run.len()) {
        return None;
    }
    // Every word is a name word: "Glenn", "O'Neill", "J" (an initial), not "NATO" or "2010".
    let name_word = |w: &Word| {
        let mut rest = w.text.chars().skip(1).peekable();
        rest.peek().is_none() || rest.any(char::is_lowercase)
    };
    // A title is not a name ("Foreign Minister"); a titled name was read before this.
    if !run.iter().all(name_word) || run.iter().any(|w| is_title_word(w.text)) {
        return None;
    }
    let place_or_body = run
        .iter()
        .any(|w| v.place_words.contains(w.text) || v.org_suffixes.iter().any(|s| s == w.text));
    let (first, last) = (run.first()?, run.last()?);
    let name = span_text(text, base, run);
    if crate::claims::is_affiliation(name) {
        return None;
    }
    let kind = if !place_or_body && v.given_names.contains(first.text) {
        EntityKind::Person
    } else {
        EntityKind::Other
    };
    Some(Discovered {
        start: first.start,
        end: last.end,
        name: name.to_string(),
        kind,
        acronym: None,
        plain: true,
        title: None,
    })
}

pub fn discover(
    text: &str,
    base: usize,
    ws: &[Word],
    covered: &[(usize, usize)],
    plain_names: bool,
) -> Vec<Discovered> {
    let mut out = Vec::new();
    let sentence_starts: Vec<usize> = crate::sentences::split(text, base)
        .iter()
        .map(|s| s.0)
        .collect();
    for run in capitalised_runs(text, base, ws, covered) {
        let mut run = run;
        while run.first().is_some_and(|w| DETERMINERS.contains(&w.text)) {
            run = &run[1..];
        }
        if run.is_empty() {
            continue;
        }
        // A title inside the run: "Foreign Minister Hakan Fidan".
        if let Some(t) = run.iter().rposition(|w| is_title_word(w.text)) {
            let name = &run[t + 1..];
            if (2..=4).contains(&name.len())
                && name
                    .iter()
                    .all(|w| !is_title_word(w.text) && !is_org_suffix(w.text))
            {
                let s = span_text(text, base, name);
                out.push(Discovered {
                    start: name[0].start,
                    end: name[name.len() - 1].end,
                    name: s.to_string(),
                    kind: EntityKind::Person,
                    acronym: None,
                    plain: false,
                    title: Some(crate::text::lower(run[t].text.trim_end_matches('.'))),
                });
                continue;
            }
        }
        let first = run[0];
        // A lowercase title just before: "the ambassador, Jane Doe".
        let at = ws.partition_point(|w| w.start < first.start);
        let prev_word = at.checked_sub(1).map(|k| ws[k].text.to_string());
        let titled = prev_word.as_deref().is_some_and(|p| {
            is_title_word(p) && p.chars().next().is_some_and(|c| c.is_lowercase())
        });
        if titled && (2..=4).contains(&run.len()) && !is_org_suffix(run[run.len() - 1].text) {
            let s = span_text(text, base, run);
            out.push(Discovered {
                start: first.start,
                end: run[run.len() - 1].end,
                name: s.to_string(),
                kind: EntityKind::Person,
                acronym: None,
                plain: false,
                title: prev_word.clone(),
            });
            continue;
        }
        // An organisation word at the end: "National Security Council".
        let last = run[run.len() - 1];
        // "Jordanian Customs Department": a known name just before belongs to the organisation.
        let mut first = first;
        if is_org_suffix(last.text) {
            let before = covered
                .iter()
                .filter(|c| c.1 <= first.start)
                .max_by_key(|c| c.1);
            if let Some(w) = before.and_then(|c| {
                ws.iter()
                    .find(|w| w.start == c.0 && &text[c.1 - base..first.start - base] == " ")
            }) {
                if w.is_capitalised() {
                    first = *w;
                }
            }
        }
        if (run.len() >= 2 || first.start < run[0].start) && is_org_suffix(last.text) {
            let s = &text[first.start - base..last.end - base];
            let acronym = acronym_after(text, base, last.end, run);
            out.push(Discovered {
                start: first.start,
                end: last.end,
                name: s.to_string(),
                kind: EntityKind::Organisation,
                acronym,
                plain: false,
                title: None,
            });
            continue;
        }
        // A defined acronym: "Syrian Democratic Forces (SDF)".
        if run.len() >= 2 && !sentence_starts.contains(&first.start) {
            if let Some(acronym) = acronym_after(text, base, last.end, run) {
                let s = span_text(text, base, run);
                out.push(Discovered {
                    start: first.start,
                    end: last.end,
                    name: s.to_string(),
                    kind: EntityKind::Organisation,
                    acronym: Some(acronym),
                    plain: false,
                    title: None,
                });
                continue;
            }
        }
        if plain_names {
            if let Some(d) = plain_name(text, base, run).or_else(|| acronym_alone(run)) {
                out.push(d);
            }
        }
    }
    // Lowercase terms with a defined acronym: the ‘joint fusion mechanism’ (JFM).
    for (k, w) in ws.iter().enumerate() {
        let open = w.start - base;
        if open == 0
            || !text[..open].ends_with('(')
            || !w.is_all_caps()
            || !text[w.end - base..].starts_with(')')
        {
            continue;
        }
        let n = w.text.chars().count();
        if k < n || !(2..=6).contains(&n) {
            continue;
        }
        let name = &ws[k - n..k];
        if name.iter().any(|x| x.is_capitalised())
            || covered.iter().any(|&(a, b)| name[0].start < b && w.end > a)
        {
            continue;
        }
        if let Some(acronym) = acronym_after(text, base, name[n - 1].end, name) {
            out.push(Discovered {
                start: name[0].start,
                end: name[n - 1].end,
                name: span_text(text, base, name).to_string(),
                kind: EntityKind::Other,
                acronym: Some(acronym),
                plain: false,
                title: None,
            });
        }
    }
    out
}

/// "(ABC)" after the name, possibly after a closing quote, whose letters are the name's initials.
fn acronym_after(
    text: &str,
    base: usize,
    name_end: usize,
    name: &[Word],
) -> Option<(usize, usize, String)> {
    let rest = &text[name_end - base..];
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                is_closing_punct(c) && c != ')' || c == ',' || is_space(c)
            })
            .len();
    let rest = &rest[skip..];
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    let acr = &inner[..close];
    if acr.len() < 2 || acr.len() > 6 || !acr.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let initials: String = name
        .iter()
        .filter(|w| !PARTICLES.contains(&w.text) && !matches!(w.text, "of" | "the" | "and" | "for"))
        .filter_map(|w| w.text.chars().next())
        .collect::<String>();
    let initials = crate::text::upper(&initials);
    let start = name_end + skip + 1;
    (initials == acr).then(|| (start, start + acr.len(), acr.to_string()))
}

/// A consonant skeleton that makes transliterations of one name compare equal
/// ("Mohammed bin Salman" and "Muhammad bin Salman").
pub fn skeleton(name: &str) -> String {
    let key = name_key(name);
    let mut out = String::new();
    for token in key.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut prev = None;
        for (i, c) in token.chars().enumerate() {
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | 'h');
            if (i == 0 || !vowel) && prev != Some(c) {
                out.push(c);
            }
            prev = Some(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let ws = words(text, 0);
        discover(text, 0, &ws, &[], false)
            .into_iter()
            .map(|d| (d.name, d.kind))
            .collect()
    }

    #[test]
    fn plain_names_in_prose_are_people_only_with_a_given_name() {
        let text = "But Glenn Beck spoke at the Veterans War Memorial Building while Foreign \
                    Minister staff and Christopher J. Dodd listened, with NATO and R-Texas aides \
                    from Parris Island.";
        let ws = words(text, 0);
        let found: Vec<(String, EntityKind)> = discover(text, 0, &ws, &[], true)
            .into_iter()
            .map(|d| (d.name, d.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("Glenn Beck".to_string(), EntityKind::Person),
                (
                    "Veterans War Memorial Building".to_string(),
                    EntityKind::Other
                ),
                ("Christopher J. Dodd".to_string(), EntityKind::Person),
                // An acronym alone in prose is an organisation's.
                ("NATO".to_string(), EntityKind::Organisation),
                ("Parris Island".to_string(), EntityKind::Other),
            ]
        );
        let alone = |t: &str| {
            let ws = words(t, 0);
            discover(t, 0, &ws, &[], true)
                .into_iter()
                .map(|d| d.name)
                .collect::<Vec<_>>()
        };
        // Not a measure, a numeral or a shouted word.
        assert!(alone("GDP rose in year XIV, and it was NOT enough.").is_empty());
        assert_eq!(alone("The DNC said so."), ["DNC"]);
        // Headlines and titles are not prose: their capitals say nothing.
        assert!(discover(text, 0, &ws, &[], false).is_empty());
    }

    #[test]
    fn gazetteer_matches_variants_longest_first() {
        let v = vocab();
        let text = "Syria’s Ahmad al-Shara’a met Defense Minister Israel Katz and the US, not us.";
        let ws = words(text, 0);
        let found: Vec<String> = v
            .gazetteer_matcher
            .scan(text, 0, &ws, &[])
            .iter()
            .map(|&(i, n, t)| {
                format!(
                    "{}={}",
                    span_text(text, 0, &ws[i..i + n]),
                    v.gazetteer[t].name
                )
            })
            .collect();
        // "Israel" before a surname is a first name, left to the names found in the text.
        assert_eq!(
            found,
            [
                "Syria=Syria",
                "Ahmad al-Shara’a=Ahmed al-Sharaa",
                "US=United States"
            ]
        );
        // Not before a day, nor in a run of capitals; a capital that is a common phrase is none.
        let places = |text: &str| -> Vec<String> {
            let ws = words(text, 0);
            v.gazetteer_matcher
                .scan(text, 0, &ws, &[])
                .iter()
                .map(|&(_, _, t)| v.gazetteer[t].name.clone())
                .collect()
        };
        assert_eq!(places("Missiles hit Israel Monday."), ["Israel"]);
        assert_eq!(
            places("Israel Strikes Syria After Talks"),
            ["Israel", "Syria"]
        );
        assert!(places("The valley was flooded.").is_empty());
        // Legislatures and broadcasters, longest name first; a chamber's short name only in
        // capitals ("the Commons", not "the commons"); a bare "Senate" is any country's.
        assert_eq!(
            places("The House of Commons and BBC News cited the US Senate, not the commons."),
            ["House of Commons", "BBC", "US Senate"]
        );
        assert!(places("The Senate met.").is_empty());
    }

    #[test]
    fn discovers_titled_people_organisations_and_acronyms() {
        assert_eq!(
            names("Later, Foreign Minister Jane Okafor spoke."),
            [("Jane Okafor".to_string(), EntityKind::Person)]
        );
        assert_eq!(
            names("He met the ambassador, Yehiel Leitner, twice."),
            [("Yehiel Leitner".to_string(), EntityKind::Person)]
        );
        assert_eq!(
            names("Funds went to the Baltic Energy Agency last year."),
            [("Baltic Energy Agency".to_string(), EntityKind::Organisation)]
        );
        let d = {
            let t = "They formed a ‘joint fusion mechanism’ (JFM) in Paris.";
            let ws = words(t, 0);
            discover(t, 0, &ws, &[], false)
        };
        assert_eq!(d[0].name, "joint fusion mechanism");
        assert_eq!(d[0].acronym.as_ref().map(|a| a.2.as_str()), Some("JFM"));
        assert!(names("Reporters met Paris officials.").is_empty());
    }

    #[test]
    fn skeletons_merge_transliterations() {
        assert_eq!(
            skeleton("Mohammed bin Salman"),
            skeleton("Muhammad bin Salman")
        );
        assert_ne!(skeleton("Hakan Fidan"), skeleton("Hakan Fidel"));
    }
}

//! Stage 7: the quantities a reader would want charted.
//!
//! A figure is only worth showing with what it measures, so the label and population are cut
//! verbatim from the clause around the number (never paraphrased), and a bare number with no unit
//! or counted noun (a resolution number, a year, a day of the month) is not a figure at all.

use crate::text::{fold, is_space, words, Word};
use crate::vocab::{vocab, UnitKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: Option<String>,
    pub unit_kind: Option<UnitKind>,
}

/// Words that end a poll's population: "14% of Syrians | said …".
const POPULATION_STOPS: [&str; 52] = [
    "back",
    "backs",
    "opposes",
    "favours",
    "favors",
    "prefer",
    "prefers",
    "expect",
    "expects",
    "trusts",
    "wants",
    "consider",
    "said",
    "say",
    "says",
    "answered",
    "support",
    "supports",
    "supported",
    "believe",
    "believed",
    "think",
    "thought",
    "were",
    "are",
    "was",
    "is",
    "had",
    "have",
    "also",
    "who",
    "that",
    "oppose",
    "opposed",
    "view",
    "viewed",
    "favor",
    "favour",
    "agreed",
    "backed",
    "want",
    "wanted",
    "would",
    "could",
    "reported",
    "expressed",
    "rejected",
    "approve",
    "approved",
    "trust",
    "felt",
    "voted",
];

fn is_month(w: &str) -> bool {
    matches!(
        crate::text::lower(w.trim_end_matches('.')).as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Reads a number written in words at the start of `s` ("Forty-three", "two million").
/// Returns (value, byte length).
fn word_number(s: &str) -> Option<(f64, usize)> {
    let v = vocab();
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut any = false;
    let mut pos = 0;
    loop {
        let rest = &s[pos..];
        let lead = rest.len() - rest.trim_start_matches([' ', '-', '\u{a0}']).len();
        let wlen = rest[lead..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len() - lead);
        if wlen == 0 || (any && lead == 0) || (!any && lead > 0) {
            break;
        }
        let word = crate::text::fold_cow(&rest[lead..lead + wlen]);
        let word: &str = word.as_ref();
        if let Some(n) = v.number_words.get(word) {
            current += n;
        } else if let Some(scale) = v.scale_words.get(word).filter(|_| any && word.len() > 2) {
            if *scale == 100.0 {
                current *= scale;
            } else {
                total += current * scale;
                current = 0.0;
            }
        } else if word == "and" && any {
            // "one hundred and five"
        } else {
            break;
        }
        any = true;
        pos += lead + wlen;
        used = pos;
    }
    any.then_some((total + current, used))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Quantities in `text` (spans offset by `base`).
/// Capitalised words (names, demonyms) that may stand between a number and the noun it counts.
const MAX_QUALIFIERS: usize = 6;

pub fn find_quantities(text: &str, base: usize) -> Vec<Quantity> {
    let v = vocab();
    let lower = crate::text::lower_keep_offsets(text);
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let prev = text[..i].chars().next_back();
        let at_word_start =
            !prev.is_some_and(|p| p.is_alphanumeric() || p == '-' || p == '.' || p == ',');
        let (value, mut end, from_words) = if c.is_ascii_digit() && at_word_start {
            let mut j = i;
            while j < text.len()
                && (bytes[j].is_ascii_digit()
                    || (bytes[j] == b','
                        && bytes.get(j + 1).is_some_and(|b| b.is_ascii_digit())
                        && bytes.get(j + 3).is_some_and(|b| b.is_ascii_digit())))
            {
                j += 1;
            }
            if bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(|b| b.is_ascii_digit()) {
                j += 1;
                while j < text.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
            }
            let value: f64 = text[i..j].replace(',', "").parse().unwrap_or(f64::NAN);
            (value, j, false)
        } else if c.is_alphabetic() && at_word_start {
            match word_number(&text[i..]) {
                Some((value, len)) => (value, i + len, true),
                None => {
                    i += c.len_utf8();
                    continue;
                }
            }
        } else {
            i += c.len_utf8();
            continue;
        };
        if !value.is_finite() {
            i = end;
            continue;
        }
        let mut start = i;
        let mut value = value;
        // Currency before the number.
        let mut unit: Option<(String, UnitKind)> = None;
        for (sym, code) in [("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP")] {
            if text[..i].ends_with(sym) {
                start = i - sym.len();
                unit = Some((code.to_string(), UnitKind::Currency));
                break;
            }
        }
        // Scale words: "5bn", "$5 billion".
        let after = &text[end..];
        let gap = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
        let after_word: String = after[gap..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if let Some(scale) = v.scale_words.get(&crate::text::lower(&after_word)) {
            let short = after_word.len() <= 2;
            if (short && gap == 0 && (unit.is_some() || after_word == "bn"))
                || (!short && !from_words)
            {
                value *= scale;
                end += gap + after_word.len();
            }
        }
        // Unit after the number.
        let after = &lower[end..];
        let gap = after.len() - after.trim_start_matches([' ', '\u{a0}', '-']).len();
        if unit.is_none() || unit.as_ref().is_some_and(|u| u.1 == UnitKind::Currency) {
            for (surface, u) in &v.units {
                let s = crate::text::lower(surface);
                if after[gap..].starts_with(&s) {
                    let tail = after[gap + s.len()..].chars().next();
                    let word_end = !tail.is_some_and(|t| t.is_alphanumeric());
                    let glued_ok = gap > 0 || s == "%" || s.len() <= 3;
                    if word_end && glued_ok && !(unit.is_some() && u.kind != UnitKind::Currency) {
                        unit = Some((u.canonical.clone(), u.kind));
                        end += gap + s.len();
                        break;
                    }
                }
            }
        }
        // Only the word on either side matters: look at a short window, not the whole clause.
        let window_start = floor_boundary(text, start.saturating_sub(24));
        let window_end = floor_boundary(text, (end + 40).min(text.len()));
        let before_words = words(&text[window_start..start], window_start);
        let prev_word = before_words.last().map(|w| w.text);
        let next_word = words(&text[end..window_end], end).into_iter().next();
        let is_year =
            !from_words && unit.is_none() && (1800.0..=2199.0).contains(&value) && end - start == 4;
        let is_day = prev_word.is_some_and(is_month)
            && prev_word
                .map(|p| text[..start].trim_end().ends_with(p))
                .unwrap_or(false)
            || next_word.is_some_and(|w| is_month(w.text) && text[end..].starts_with(' '));
        let ordinal = text[end..].starts_with(|c: char| c.is_alphabetic()) && unit.is_none();
        if is_year || is_day || ordinal {
            i = end;
            continue;
        }
        // A counted noun: "2,000 troops", also after names that qualify it ("2,000 Israeli
        // troops", "4,300 Wal-Mart and Sam's Club stores"). A number written in words counts
        // from three ("five military deferments").
        // "the three parties", "among three parties": a reference back or the parties to
        // something, not a count; nor, in words, is a pair ("two countries", "two sides").
        let definite = prev_word.is_some_and(|p| {
            matches!(
                fold(p).as_str(),
                "the"
                    | "these"
                    | "those"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "all"
                    | "between"
                    | "among"
            )
        });
        let counted = if from_words {
            value >= 3.0 && !definite
        } else {
            value >= 10.0
        };
        if unit.is_none() && counted {
            let ahead = words(&text[end..window_end], end);
            let qualifier =
                |w: &Word| w.text.starts_with(char::is_uppercase) || matches!(w.text, "and" | "&");
            let mut at = 0;
            while at < ahead.len().min(MAX_QUALIFIERS) && qualifier(&ahead[at]) {
                at += 1;
            }
            // The noun right after the number, else after its qualifiers, else after one
            // lowercase word that describes it ("100 military families", "30,000 more troops").
            let described = ahead.get(1).filter(|_| {
                ahead.first().is_some_and(|w| {
                    let word = fold(w.text);
                    w.text.chars().all(|c| c.is_lowercase())
                        && (!v.stopwords.contains(&word)
                            || matches!(word.as_str(), "more" | "fewer" | "new" | "other"))
                })
            });
            for w in [ahead.first(), ahead.get(at), described]
                .into_iter()
                .flatten()
            {
                let noun = fold(w.text);
                let plural = (noun.ends_with('s') && noun.len() > 3
                    || v.irregular_plurals.contains(&noun))
                    && !v.stopwords.contains(&noun)
                    && w.text.chars().all(|c| c.is_lowercase());
                // Words, spaces and the apostrophes and hyphens of names only: no clause break.
                let gap_ok = text[end..w.start]
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’' | '&'));
                if gap_ok && plural {
                    unit = Some((w.text.to_string(), UnitKind::Measure));
                    end = w.end;
                    break;
                }
            }
        }
        if let Some((u, kind)) = unit {
            out.push(Quantity {
                start: base + start,
                end: base + end,
                value,
                unit: Some(u),
                unit_kind: Some(kind),
            });
        }
        i = end.max(i + 1);
        while !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// The clause around `[start, end)` inside `text`: bounded by , ; : ( ) and dashes.
pub(crate) fn clause_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    // A comma between digits groups a number ("1,200"); it ends no clause.
    let bytes = text.as_bytes();
    let digit = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
    let is_bound = |(p, c): &(usize, char)| {
        matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–')
            && !(*c == ',' && digit(p.checked_sub(1)) && digit(Some(p + 1)))
    };
    let left = text[..start]
        .char_indices()
        .rev()
        .find(is_bound)
        .map(|(p, c)| p + c.len_utf8())
        .unwrap_or(0);
    let right = text[end..]
        .char_indices()
        .map(|(p, c)| (end + p, c))
        .find(is_bound)
        .map(|(p, _)| p)
        .unwrap_or(text.len());
    (left, right)
}

fn trim_clause(text: &str, a: usize, b: usize) -> (usize, usize) {
    let part = &text[a..b];
    let s = part.len()
        - part
            .trim_start_matches(|c: char| {
                is_space(c) || c == '.' || crate::text::is_opening_punct(c)
            })
            .len();
    let e = part
        .trim_end_matches(|c: char| {
            is_space(c) || matches!(c, '.' | '!' | '?') || crate::text::is_closing_punct(c)
        })
        .len();
    if e <= s {
        (a, a)
    } else {
        (a + s, a + e)
    }
}

/// Whether the figure at `[start, end)` of `text`, labelled by `label` (a span of `text`), is a
/// fall or a rise: the words of its label and the word right before it ("down 20 points"), from
/// `data/trend_words.txt`. Words of both kinds ("fell, then rose") say no trend.
pub fn trend(text: &str, label: (usize, usize), start: usize) -> Option<crate::model::Trend> {
    let v = vocab();
    let before = words(&text[..start], 0);
    let said: Vec<String> = words(&text[label.0..label.1], label.0)
        .iter()
        .chain(before.last())
        .map(|w| crate::text::lower(w.text))
        .collect();
    let fall = said.iter().any(|w| v.fall_words.contains(w));
    let rise = said.iter().any(|w| v.rise_words.contains(w));
    match (fall, rise) {
        (true, false) => Some(crate::model::Trend::Fall),
        (false, true) => Some(crate::model::Trend::Rise),
        _ => None,
    }
}

/// Spans (relative to `text`) of the label and population for the quantity at `[start, end)`.
pub struct Described {
    pub label: (usize, usize),
    pub population: Option<(usize, usize)>,
}

const MAX_LABEL_WORDS: usize = 16;
const MAX_POPULATION_WORDS: usize = 6;

pub fn describe(text: &str, start: usize, end: usize, others: &[(usize, usize)]) -> Described {
    let (ca, cb) = clause_bounds(text, start, end);
    let after = &text[end..cb];
    let after_words = words(after, end);
    let first_after = after_words.first().map(|w| crate::text::lower(w.text));
    let mut population = None;
    // "61% of 1,200 Syrians surveyed said …": the people asked are the population (their
    // number is the sample, [`sample_size`]), and what they said is what is measured.
    let asked_after = |k: usize| {
        after_words.get(k).is_some_and(|w| {
            matches!(
                crate::text::lower(w.text).as_str(),
                "surveyed" | "polled" | "interviewed" | "questioned" | "asked"
            )
        })
    };
    // The number's words ("1,200" is read as "1" and "200"), then who they are.
    let who = 1 + after_words
        .iter()
        .skip(1)
        .take_while(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    let counted = first_after.as_deref() == Some("of")
        && who > 1
        && who < after_words.len()
        && asked_after(who + 1);
    let label = match first_after.as_deref() {
        Some("of") if counted => {
            population = Some((after_words[who].start, after_words[who].end));
            after_words
                .get(who + 2)
                .map(|w| (w.start, limit(text, w.start, cb)))
        }
        Some("of") => {
            let rest = &after_words[1..];
            let stop = rest
                .iter()
                .position(|w| POPULATION_STOPS.contains(&crate::text::lower(w.text).as_str()))
                .unwrap_or(rest.len())
                .min(MAX_POPULATION_WORDS);
            if stop > 0 {
                population = Some((rest[0].start, rest[stop - 1].end));
            }
            rest.first().map(|w| (w.start, limit(text, w.start, cb)))
        }
        // "$1.2bn in trade": what follows "in" is what is measured, unless it is a date.
        Some("in")
            if after_words
                .get(1)
                .is_some_and(|w| w.text.chars().all(|c| c.is_lowercase()) && w.text != "the") =>
        {
            after_words
                .get(1)
                .map(|w| (w.start, limit(text, w.start, cb)))
        }
        Some("by" | "to" | "from" | "in" | "on" | "at" | "since" | "and" | "or" | "than")
        | None => None,
        Some(_) => after_words
            .first()
            .map(|w| (w.start, limit(text, w.start, cb))),
    };
    let label = label.unwrap_or_else(|| {
        // What was before the number: "boost GDP by 20 percent" gives "boost GDP".
        let left_stop = others
            .iter()
            .filter(|o| o.1 <= start)
            .map(|o| o.1)
            .max()
            .unwrap_or(0)
            .max(ca);
        let before = &text[left_stop..start];
        let ws = words(before, left_stop);
        let mut cut = ws.len();
        while cut > 0
            && matches!(
                crate::text::lower(ws[cut - 1].text).as_str(),
                "by" | "to"
                    | "of"
                    | "a"
                    | "an"
                    | "the"
                    | "only"
                    | "some"
                    | "about"
                    | "around"
                    | "nearly"
                    | "almost"
                    | "estimated"
                    | "whopping"
                    | "just"
                    | "over"
                    | "under"
                    | "than"
                    | "more"
                    | "less"
                    | "at"
            )
        {
            cut -= 1;
        }
        let from = ws[..cut]
            .iter()
            .rposition(|w| {
                matches!(
                    crate::text::lower(w.text).as_str(),
                    "to" | "and" | "including" | "that" | "with" | "while"
                )
            })
            .map(|p| p + 1)
            .unwrap_or(0);
        let from = from.max(cut.saturating_sub(MAX_LABEL_WORDS));
        if cut > from {
            (ws[from].start, ws[cut - 1].end)
        } else {
            (start, end)
        }
    });
    let label = trim_clause(text, label.0, label.1);
    Described { label, population }
}

fn limit(text: &str, from: usize, to: usize) -> usize {
    let ws = words(&text[from..to], from);
    ws.get(MAX_LABEL_WORDS - 1).map(|w| w.end).unwrap_or(to)
}

/// A sample size stated in the text: "a sample of 1,200", "1,200 respondents", "surveyed 900".
pub fn sample_size(text: &str) -> Option<u64> {
    let lower = crate::text::lower(text);
    let ws = words(&lower, 0);
    for (k, w) in ws.iter().enumerate() {
        let n: Option<u64> = w.text.replace(',', "").parse().ok();
        let Some(n) = n else { continue };
        let prev = k.checked_sub(1).map(|p| ws[p].text);
        let prev2 = k.checked_sub(2).map(|p| ws[p].text);
        let next = ws.get(k + 1).map(|x| x.text);
        let asked = |w: Option<&str>| {
            matches!(
                w,
                Some("surveyed" | "polled" | "interviewed" | "questioned")
            )
        };
        let about_a_poll = ["survey", "poll", "respondents"]
            .iter()
            .any(|p| lower.contains(p));
        // A year is no sample ("in 2019 officials interviewed 40 people").
        let year = !w.text.contains(',') && (1800..2200).contains(&n);
        // "a sample of 1,200", "surveyed 900", "1,200 Syrians surveyed" (in a poll's text).
        let after_sample = prev == Some("of") && prev2 == Some("sample")
            || asked(prev) && !year
            || about_a_poll && !year && asked(ws.get(k + 2).map(|x| x.text));
        let before_people = about_a_poll
            && matches!(
                next,
                Some(
                    "respondents"
                        | "adults"
                        | "people"
                        | "voters"
                        | "residents"
                        | "participants"
                        | "citizens"
                )
            );
        if (after_sample || before_people) && n >= 10 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<(String, f64, Option<String>)> {
        find_quantities(text, 0)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.value, q.unit))
            .collect()
    }

    #[test]
    fn percentages_in_digits_and_words() {
        assert_eq!(
            q("only 14% of Syrians"),
            [("14%".into(), 14.0, Some("%".into()))]
        );
        assert_eq!(
            q("boost GDP by 20 percent."),
            [("20 percent".into(), 20.0, Some("%".into()))]
        );
        assert_eq!(
            q("Forty-three per cent agreed"),
            [("Forty-three per cent".into(), 43.0, Some("%".into()))]
        );
        assert_eq!(q("a 2.5% rise"), [("2.5%".into(), 2.5, Some("%".into()))]);
    }

    #[test]
    fn units_currency_and_counts() {
        assert_eq!(
            q("by 800 megawatts and"),
            [("800 megawatts".into(), 800.0, Some("MW".into()))]
        );
        assert_eq!(q("a $5bn fund"), [("$5bn".into(), 5e9, Some("USD".into()))]);
        assert_eq!(
            q("some 2,000 troops moved"),
            [("2,000 troops".into(), 2000.0, Some("troops".into()))]
        );
        assert_eq!(
            q("$3.2 billion in aid"),
            [("$3.2 billion".into(), 3.2e9, Some("USD".into()))]
        );
        // After the names that qualify it, but not across a clause.
        assert_eq!(
            q("some 2,000 Israeli troops moved"),
            [("2,000 Israeli troops".into(), 2000.0, Some("troops".into()))]
        );
        assert_eq!(
            q("the 4,300 Wal-Mart and Sam's Club stores across"),
            [(
                "4,300 Wal-Mart and Sam's Club stores".into(),
                4300.0,
                Some("stores".into())
            )]
        );
        assert_eq!(q("in 2,500 Gaza, Beirut and others"), []);
        // A plural without -s is counted too.
        assert_eq!(
            q("covers 1.5 million women who"),
            [("1.5 million women".into(), 1.5e6, Some("women".into()))]
        );
        // After one word that describes it.
        assert_eq!(
            q("about 100 military families gathered"),
            [(
                "100 military families".into(),
                100.0,
                Some("families".into())
            )]
        );
        assert_eq!(
            q("to send 30,000 more troops"),
            [("30,000 more troops".into(), 30000.0, Some("troops".into()))]
        );
        // In words from three, unless it refers back or names the parties to something.
        assert_eq!(
            q("at least five military deferments"),
            [(
                "five military deferments".into(),
                5.0,
                Some("deferments".into())
            )]
        );
        assert_eq!(q("talks between two countries"), []);
        assert_eq!(q("the three parties agreed"), []);
        assert_eq!(q("among three parties"), []);
    }

    #[test]
    fn years_days_and_bare_numbers_are_not_figures() {
        assert!(q("the 1974 Disengagement Agreement").is_empty());
        assert!(q("On January 6, 2026, three US service members").is_empty());
        assert!(q("Resolution 2254 and the 7th round and 6 January").is_empty());
    }

    #[test]
    fn labels_and_populations_are_cut_from_the_clause() {
        let t = "According to polling data, only 14% of Syrians said that they support the deal.";
        let qs = find_quantities(t, 0);
        let d = describe(t, qs[0].start, qs[0].end, &[]);
        assert_eq!(
            &t[d.label.0..d.label.1],
            "Syrians said that they support the deal"
        );
        assert_eq!(d.population.map(|(a, b)| &t[a..b]), Some("Syrians"));
        let t = "a plan to expand power capacity by 800 megawatts and potentially boost GDP by 20 percent, are";
        let qs = find_quantities(t, 0);
        let spans: Vec<_> = qs.iter().map(|q| (q.start, q.end)).collect();
        let d0 = describe(t, qs[0].start, qs[0].end, &spans);
        let d1 = describe(t, qs[1].start, qs[1].end, &spans);
        assert_eq!(&t[d0.label.0..d0.label.1], "expand power capacity");
        assert_eq!(&t[d1.label.0..d1.label.1], "potentially boost GDP");
        let t = "an estimated 87 percent GDP collapse since 2011, Sharaa";
        let qs = find_quantities(t, 0);
        let d = describe(t, qs[0].start, qs[0].end, &[]);
        assert_eq!(&t[d.label.0..d.label.1], "GDP collapse since 2011");
    }

    #[test]
    fn the_people_asked_are_the_population_and_their_number_the_sample() {
        let t = "The poll found that 61% of 1,200 Syrians surveyed said they backed the talks.";
        let qs = find_quantities(t, 0);
        let d = describe(t, qs[0].start, qs[0].end, &[]);
        assert_eq!(&t[d.label.0..d.label.1], "said they backed the talks");
        assert_eq!(d.population.map(|(a, b)| &t[a..b]), Some("Syrians"));
        assert_eq!(sample_size(t), Some(1200));
    }

    #[test]
    fn a_change_is_a_fall_or_a_rise_as_its_words_say() {
        let trend_of = |t: &str| {
            let qs = find_quantities(t, 0);
            let d = describe(t, qs[0].start, qs[0].end, &[]);
            trend(t, d.label, qs[0].start)
        };
        use crate::model::Trend;
        assert_eq!(
            trend_of("Ferry traffic fell 12 percent last winter."),
            Some(Trend::Fall)
        );
        assert_eq!(
            trend_of("a 40 percent slump in harbour fees"),
            Some(Trend::Fall)
        );
        assert_eq!(
            trend_of("Exports rose 7 percent in March."),
            Some(Trend::Rise)
        );
        // No change, a phrasal verb, or both ways: no trend.
        assert_eq!(trend_of("The council has 41 members."), None);
        assert_eq!(trend_of("The party picked up 12 seats."), None);
        assert_eq!(
            trend_of("Its 5 percent rises and falls cancelled out."),
            None
        );
    }

    #[test]
    fn sample_sizes() {
        assert_eq!(
            sample_size("The survey, with a sample of 1,200 adults, found"),
            Some(1200)
        );
        assert_eq!(
            sample_size("Pollsters surveyed 900 people by phone"),
            Some(900)
        );
        assert_eq!(sample_size("Some 900 people were hurt"), None);
    }
}

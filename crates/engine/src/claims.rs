//! Stage 5: claims, their kind, and who asserts them.
//!
//! A claim is a verbatim span of a body paragraph: a sentence, or a clause when a semicolon joins
//! two independent assertions. Attribution reads the reporting frames of news prose ("X said",
//! "according to X", "X issued a statement saying", "…, X added") and carries a source over to the
//! sentences that continue it ("The statement added that …", a poll's later figures). When nothing
//! attributes a claim, its speaker is `None`: the article's own voice.

use crate::entities::is_title_word;
use crate::model::{ClaimKind, EntityKind, SpeakerKind};
use crate::text::{
    find_phrase, is_closing_punct, is_opening_punct, is_space, lower, lower_keep_offsets,
    starts_with_lower, word_count, words, Folded, PhraseSet, Tokens,
};

/// Matches of a cue set in a clause as (byte position, byte length), in the list's order.
fn cue_positions(tokens: &Tokens, set: &PhraseSet) -> Vec<(usize, usize)> {
    let mut found = tokens.find(set);
    found.sort_by_key(|m| (m.index, m.start));
    found
        .into_iter()
        .map(|m| (m.start, m.end - m.start))
        .collect()
}
use crate::vocab::vocab;

#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    pub name: String,
    pub kind: SpeakerKind,
    /// The attributing words as written.
    pub attribution: String,
    pub carried: bool,
}

/// What a document's earlier sentences established about sources.
#[derive(Default)]
pub struct Context {
    /// The owner of the last statement introduced ("the State Department issued a statement").
    statement_owner: Option<(String, SpeakerKind)>,
    last_speaker: Option<Speaker>,
    /// Every speaker named so far, oldest first.
    speakers: Vec<Speaker>,
    /// Set while consecutive claims report a poll's figures.
    pub poll: Option<Speaker>,
    /// The person the last clause that named one was about: its speaker, or the person its
    /// sentence opens with ("Mr Blair went on to list …"). "He said" refers to them.
    last_person: Option<String>,
    /// Every person named so far as a speaker or as what a sentence opens with, with their
    /// surname (a name of two words or more), for a later surname alone.
    people: Vec<(String, String)>,
    /// People named after their title ("Attorney General Richard Blumenthal"), as (the title's
    /// last word, "former" in it, the name), for a later "the attorney general said".
    titled: Vec<(String, bool, String)>,
    /// The person the clause just read opens with, when nobody is its speaker.
    pub subject_here: Option<String>,
    /// Set when the clause to read starts inside a quotation, whose words are not the
    /// article's own.
    pub inside_quote: bool,
    /// The role and affiliation the clause just read gives its speaker, as written
    /// ("shadow attorney general", "Rep., R-Calif.").
    pub role_here: Option<String>,
}

/// Words that cannot stand right before a reporting verb: auxiliaries and negations ("did not
/// say"), conjunctions of a reduced clause ("when asked"), and determiners that make the word a noun ("such claims", "the reports").
const NOT_BEFORE_SPEECH_VERB: [&str; 39] = [
    "to", "not", "did", "would", "could", "might", "will", "what", "has", "have", "had", "be",
    "been", "is", "was", "were", "the", "such", "any", "these", "those", "its", "his", "her",
    "their", "our", "of", "some", "many", "no", "all", "other", "for", "with", "by", "as", "when",
    "if", "once",
];

/// Clause spans within the sentence `[a, b)` of `text`.
pub fn split_clauses(text: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    let s = &text[a..b];
    if starts_with_lower(s, "either") || starts_with_lower(s, "whether") {
        return vec![(a, b)];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for (i, _) in s.match_indices("; ") {
        let left = &s[from..i];
        let right = &s[i + 2..];
        let first_right = lower(
            right
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or(""),
        );
        let conj = [
            "or", "and", "but", "nor", "in", "on", "at", "for", "with", "by", "from", "as", "to",
            "of",
        ]
        .contains(&first_right.as_str());
        let list = s[..i].contains(':');
        // the right side must not run into another semicolon list item that is a fragment
        let right_end = right.find("; ").unwrap_or(right.len());
        if !conj
            && !list
            && word_count(left) >= 6
            && word_count(&right[..right_end]) >= 6
            && !quote_open(&s[..i])
        {
            out.push((a + from, a + i + 1));
            from = i + 2;
        }
    }
    out.push((a + from, b));
    out
}

/// Is a quotation open at the end of `s`?
pub fn quote_open(s: &str) -> bool {
    let mut balance = QuoteBalance::default();
    balance.read(s);
    balance.open()
}

/// Quotation marks read so far, so that a paragraph's text is counted once as it is read rather
/// than again from its start for every sentence.
#[derive(Default)]
pub struct QuoteBalance {
    opens: usize,
    closes: usize,
    straight: usize,
}

impl QuoteBalance {
    pub fn read(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '“' => self.opens += 1,
                '”' => self.closes += 1,
                '"' => self.straight += 1,
                _ => {}
            }
        }
    }

    /// Is a quotation open after what was read?
    pub fn open(&self) -> bool {
        self.opens > self.closes || self.straight % 2 == 1
    }
}

fn strip_determiners(s: &str) -> &str {
    let mut s = s.trim_matches(|c: char| {
        is_space(c) || c == ',' || is_opening_punct(c) || is_closing_punct(c)
    });
    for d in ["the ", "The ", "a ", "A ", "an ", "An ", "its ", "Its "] {
        if let Some(r) = s.strip_prefix(d) {
            s = r;
            break;
        }
    }
    s
}

/// The speaker named in a subject phrase: without a word that opens the sentence ("But"), an
/// adverb after it ("both"), an owner before a possessive ("Oxfam's Barbara Stocking") or the
/// role before a name ("shadow attorney general Mr Grieve", "Senior Labour backbencher Martin
/// O'Neill"). A phrase that is all one name ("head of the Central Bank") is kept whole.
fn name_of_subject(phrase: &str) -> &str {
    let v = vocab();
    let ws = words(phrase, 0);
    let (mut a, mut b) = (0, ws.len());
    while a + 1 < b && v.subject_leads.contains(&lower(ws[a].text)) {
        a += 1;
    }
    // "On Wednesday Tony Blair": a time or place before the name.
    let preposition = ["on", "in", "at", "during", "after", "before", "since"];
    if b >= a + 4 && preposition.contains(&lower(ws[a].text).as_str()) && ws[a + 1].is_capitalised()
    {
        a += 2;
    }
    // "Mr. Obama on Thursday", "Blumenthal clearly": the name, not when or how.
    if let Some(t) = (a + 1..b).find(|&i| {
        ws[i - 1].is_capitalised()
            && [
                "on",
                "in",
                "at",
                "last",
                "this",
                "earlier",
                "yesterday",
                "today",
            ]
            .contains(&ws[i].text)
    }) {
        b = t;
    }
    while b > a + 1 && v.subject_trails.contains(&lower(ws[b - 1].text)) {
        b -= 1;
    }
    let ws = &ws[a..b];
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return phrase;
    };
    let mut start = first.start;
    // The name is the capitalised run at the end, when a role word (not "of", "the") stands
    // right before it and the run is a name: two words or more, or an honorific and one.
    let run = ws
        .iter()
        .rposition(|w| !w.is_capitalised())
        .map_or(0, |p| p + 1);
    let is_name = |r: &[crate::text::Word]| (2..=4).contains(&r.len());
    // "Oxfam's Barbara Stocking", "the Harbour Trust's Owen Marsh": the person after the owner.
    let owners = ws.get(run..ws.len().saturating_sub(2)).unwrap_or_default();
    let owner = owners.iter().rposition(|w| {
        let after = &phrase[w.end..];
        after.starts_with("'s ") || after.starts_with("’s ")
    });
    if let Some(p) = owner.map(|p| run + p + 1).filter(|&p| is_name(&ws[p..])) {
        start = ws[p].start;
    } else if run > 0 && is_name(&ws[run..]) {
        let before = lower(ws[run - 1].text);
        if !["of", "the", "for", "and", "&", "de", "on", "at", "in"].contains(&before.as_str()) {
            start = ws[run].start;
        }
    }
    &phrase[start..last.end]
}

/// Maps a source phrase to a speaker: a known entity's name when one is named, else the phrase.
fn canonical(phrase: &str, poll: bool) -> Option<(String, SpeakerKind)> {
    let v = vocab();
    let phrase = strip_determiners(phrase);
    if phrase.is_empty() {
        return None;
    }
    let ws_all = words(phrase, 0);
    let whole = v.gazetteer_matcher.scan(phrase, 0, &ws_all, &[]);
    let covers_all = whole.len() == 1 && whole[0].0 == 0 && whole[0].1 == ws_all.len();
    // "Energy Minister Rania Haddad" is Rania Haddad.
    let titled = ws_all
        .iter()
        .rposition(|w| is_title_word(w.text))
        .filter(|&t| {
            let name = &ws_all[t + 1..];
            (2..=4).contains(&name.len())
                && name.iter().all(|w| w.is_capitalised())
                && !name
                    .iter()
                    .any(|w| v.org_suffixes.iter().any(|s| s == w.text))
        });
    let phrase = match titled {
        Some(t) if !covers_all => &phrase[ws_all[t + 1].start..],
        _ => phrase,
    };
    let ws = words(phrase, 0);
    // "the Jordanian Customs Department" is the department, not Jordan.
    // ... nor is "the Bureau of Kabul" Afghanistan: a name with an organisation word in it, its
    // other words capitalised or "of", "for", "and", "the".
    let connector = |w: &crate::text::Word| matches!(w.text, "of" | "for" | "and" | "the");
    let organisation_name = !covers_all
        && ws.len() >= 2
        && ws.first().is_some_and(|w| w.is_capitalised())
        && ws.iter().all(|w| w.is_capitalised() || connector(w))
        && ws
            .iter()
            .any(|w| v.org_suffixes.iter().any(|s| s == w.text));
    let found = if organisation_name {
        Vec::new()
    } else {
        v.gazetteer_matcher.scan(phrase, 0, &ws, &[])
    };
    let rank = |k: EntityKind| match k {
        EntityKind::Person => 0,
        EntityKind::Organisation => 1,
        EntityKind::Place => 2,
        _ => 3,
    };
    if let Some(&(_, _, t)) = found
        .iter()
        .min_by_key(|(_, _, t)| rank(v.gazetteer[*t].kind))
    {
        let e = &v.gazetteer[t];
        let kind = if poll {
            SpeakerKind::Poll
        } else {
            match e.kind {
                EntityKind::Person => SpeakerKind::Person,
                EntityKind::Group => SpeakerKind::Unnamed,
                _ => SpeakerKind::Organisation,
            }
        };
        return Some((e.name.clone(), kind));
    }
    let folded = Folded::new(phrase);
    let has = |list: &[String]| list.iter().any(|n| !folded.find_phrase(n).is_empty());
    let unnamed = v.unnamed_sources.iter().any(|n| folded.is(n))
        || has(&v.unnamed_sources) && !ws.iter().all(|w| w.is_capitalised());
    let kind = if unnamed {
        SpeakerKind::Unnamed
    } else if poll || has(&v.poll_nouns) {
        SpeakerKind::Poll
    } else if has(&v.document_nouns) {
        SpeakerKind::Document
    } else if ws.iter().all(|w| w.is_capitalised())
        && (2..=4).contains(&ws.len())
        && !ws
            .iter()
            .any(|w| v.org_suffixes.contains(&w.text.to_string()))
    {
        SpeakerKind::Person
    } else if ws.first().is_some_and(|w| w.is_capitalised()) {
        SpeakerKind::Organisation
    } else {
        SpeakerKind::Unnamed
    };
    // "the Foreign Policy political journal", "Slate magazine": the name, without what it is.
    let name = match ws.iter().position(|w| !w.is_capitalised()) {
        Some(p)
            if p > 0
                && kind != SpeakerKind::Unnamed
                && ws[p..]
                    .iter()
                    .all(|w| !v.stopwords.contains(&lower(w.text))) =>
        {
            &phrase[..ws[p - 1].end]
        }
        _ => phrase,
    };
    Some((name.to_string(), kind))
}

fn is_document_anaphor(phrase: &str) -> bool {
    let p = lower(phrase.trim());
    vocab()
        .document_nouns
        .iter()
        .any(|n| p == format!("the {n}") || p == format!("this {n}") || p == format!("that {n}"))
}

/// Cuts a source phrase at the first comma, clause end, or date/place tail.
fn cut_phrase(s: &str) -> &str {
    // A stop ends the phrase unless it ends an abbreviation ("Rep. Darrell Issa") or an initial
    // ("U.S.", "Robert F. Bauer").
    let keeps_stop = |dot: usize| {
        let word_start = s[..dot]
            .rfind(|c: char| is_space(c) || is_opening_punct(c))
            .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
        s[..dot].ends_with(|c: char| c.is_uppercase())
            || vocab().abbreviations.contains(&s[word_start..=dot])
    };
    let mut from = 0;
    let end = loop {
        match s[from..].find([',', ';', '.', ':', '(', '—', '–']) {
            Some(p) if s[from + p..].starts_with('.') && keeps_stop(from + p) => from += p + 1,
            Some(p) => break from + p,
            None => break s.len(),
        }
    };
    let s = &s[..end];
    let folded = Folded::new(s);
    let mut cut = s.len();
    for tail in [
        " on ", " in ", " last ", " this ", " that ", " which ", " who ", " earlier", " late ",
    ] {
        if let Some((p, _)) = folded.find(tail) {
            cut = cut.min(p);
        }
    }
    s[..cut].trim_end_matches(|c: char| is_space(c) || is_closing_punct(c))
}

/// The owner of "X issued a statement" / "a statement was published by X" in `s`.
fn statement_intro(s: &str, lower: &str, tokens: &Tokens) -> Option<(usize, String, usize)> {
    let v = vocab();
    {
        for (pos, noun_len) in cue_positions(tokens, &v.document_set) {
            let before = &lower[..pos];
            let after_pos = pos + noun_len;
            // active: "<X> issued a [joint] statement"
            for verb in ["issued", "published", "released", "put out"] {
                if let Some(vp) = before.rfind(&format!(" {verb} ")) {
                    let between = &before[vp + verb.len() + 2..];
                    if word_count(between) <= 2 {
                        let clause_start =
                            s[..vp].rfind([',', ';', ':']).map(|p| p + 1).unwrap_or(0);
                        return Some((vp, s[clause_start..vp].to_string(), after_pos));
                    }
                }
            }
            // passive: "a statement was published by <X>"
            let rest = &lower[after_pos..];
            for verb in [
                " was issued by ",
                " was published by ",
                " was released by ",
                " issued by ",
                " published by ",
            ] {
                if rest.starts_with(verb) {
                    let from = after_pos + verb.len();
                    let owner = cut_phrase(&s[from..]);
                    return Some((from, owner.to_string(), from + owner.len()));
                }
            }
        }
    }
    None
}

/// "the department added": the last speaker whose name has that word.
fn organisation_anaphor(subject: &str, ctx: &Context) -> Option<Speaker> {
    let noun = subject.strip_prefix("the ")?;
    if noun.contains(' ')
        || !vocab()
            .org_suffixes
            .iter()
            .any(|s| s.eq_ignore_ascii_case(noun))
    {
        return None;
    }
    ctx.speakers
        .iter()
        .rev()
        .find(|s| lower(&s.name).split(' ').any(|w| w == noun))
        .map(|s| Speaker {
            carried: true,
            ..s.clone()
        })
}

/// "Blumenthal", "Mr. Blumenthal": the person named in full earlier ("Richard Blumenthal").
fn earlier_full_name(name: &str, ctx: &Context) -> Option<(String, SpeakerKind)> {
    let ws = words(name, 0);
    let surname = match ws.as_slice() {
        [only] => only.text,
        [title, only] if is_title_word(title.text) => only.text,
        _ => return None,
    };
    ctx.people
        .iter()
        .rev()
        .find(|(full, last)| last == surname && full != name)
        .map(|(full, _)| (full.clone(), SpeakerKind::Person))
}

impl Context {
    /// Remembers a person named in full, for a later surname alone.
    fn named_person(&mut self, name: &str) {
        let ws = words(name, 0);
        if let (true, Some(last)) = (ws.len() >= 2, ws.last()) {
            self.people.push((name.to_string(), last.text.to_string()));
        }
    }
}

/// The person a sentence opens with: "Mr Blair went on …", "Writing in the Guardian, Mr
/// Brown outlined …" — a name of two to four capitalised words (or a title and a surname)
/// followed by a lowercase word.
fn opening_person(s: &str, ctx: &Context) -> Option<String> {
    let ws = words(s, 0);
    let after_comma = ws
        .iter()
        .position(|w| s[w.end..].starts_with(','))
        .filter(|&p| p < 8)
        .map(|p| p + 1);
    [Some(0), after_comma]
        .into_iter()
        .flatten()
        .find_map(|from| {
            let rest = ws.get(from..)?;
            // The first run of capitalised words, within the first few words ("Harbour master Ruth
            // Okonjo went"), ending right before a lowercase word.
            // A first run that names no person may be the person's employer or role ("Fox News
            // host Glenn Beck, armed with …"): the next run is tried.
            let run_at = |i: usize| rest[i..].iter().take_while(|w| w.is_capitalised()).count();
            let mut from_run = 0;
            let mut start = (0..rest.len().min(6)).find(|&i| run_at(i) >= 2)?;
            loop {
                let end = start + run_at(start);
                let next_lower = rest
                    .get(end)
                    .is_some_and(|w| w.text.starts_with(char::is_lowercase));
                if !next_lower || end - start > 4 {
                    return None;
                }
                let phrase = name_of_subject(&s[rest[from_run].start..rest[end - 1].end]);
                if word_count(phrase) >= 2 {
                    if let Some((name, kind)) = canonical(phrase, false) {
                        let (name, kind) = earlier_full_name(&name, ctx).unwrap_or((name, kind));
                        if kind == SpeakerKind::Person {
                            return Some(name);
                        }
                    }
                }
                // Only a role word or two may stand between the runs.
                let next = (end + 1..rest.len().min(end + 3)).find(|&i| run_at(i) >= 2)?;
                if rest[end..next]
                    .iter()
                    .any(|w| !w.text.starts_with(char::is_lowercase))
                {
                    return None;
                }
                (from_run, start) = (next, next);
            }
        })
}

/// The person a sentence opens with by surname alone, when the document named them in full
/// before: "Etheridge, a Democrat, is seen …", "Beck rejected the notion …". A capitalised
/// word that opens a sentence is often no name at all, so only a known surname counts.
fn opening_surname(s: &str, ctx: &Context) -> Option<String> {
    let first = s.split(|c: char| !c.is_alphanumeric() && c != '-').next()?;
    let rest = &s[first.len()..];
    // A surname that is also a common word opens many sentences as that word ("Price rises hit
    // families"), so the next word must show a person acting: an apposition's comma, a past
    // tense, a reporting verb, or a word listed as following a subject (`data/attribution.txt`).
    let v = vocab();
    let next = rest
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    let acts = next.starts_with(char::is_lowercase)
        && (next.ends_with("ed")
            || v.speech_verbs.iter().any(|verb| verb == next)
            || v.subject_next.contains(next));
    if !(rest.starts_with(',') || acts) || !first.starts_with(char::is_uppercase) {
        return None;
    }
    earlier_full_name(first, ctx).map(|(name, _)| name)
}

/// Two capitalised words in a row among a clause's first words: without them no sentence opens
/// with a person, and [`opening_person`] need not read it.
fn names_early(tokens: &Tokens) -> bool {
    let first = &tokens.words()[..tokens.words().len().min(14)];
    first
        .iter()
        .zip(first.iter().skip(1))
        .any(|(a, b)| a.is_capitalised() && b.is_capitalised())
}

/// The role the person a sentence opens with is named with ("Attorney General Richard
/// Blumenthal went …"), if any (see [`title_before`]).
fn opening_role(s: &str) -> Option<(String, bool)> {
    let ws = words(s, 0);
    let end = ws
        .iter()
        .skip(1)
        .position(|w| w.text.starts_with(char::is_lowercase))?;
    title_before(&s[..ws[end].end])
}

impl Context {
    /// Tells the context that `name` is named after `title` in the text ("Attorney General
    /// Richard Blumenthal"), so a later "the attorney general said" is theirs.
    pub fn named_with_title(&mut self, title: &str, name: &str) {
        if !HONORIFICS.contains(&title) {
            self.titled
                .push((title.to_string(), false, name.to_string()));
        }
    }
}

/// The role before `name` in `s` and the party tag after it, as written: "shadow attorney
/// general" (from "But shadow attorney general Mr Grieve said"), "Rep., R-Calif." (from "said
/// Rep. Darrell Issa, R-Calif., who …"). Honorifics are part of how a name is written, not a
/// role.
fn role_of(s: &str, name: &str) -> Option<String> {
    let v = vocab();
    let at = s.find(name)?;
    let segment_start = s[..at]
        .rfind([',', ';', ':', '“', '”', '"', '(', '—'])
        .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
    let before = words(&s[segment_start..at], segment_start);
    // Up to five words right before the name, back to a function word, an opening word or a
    // reporting verb; a role when one of them is a title ("shadow attorney general", "Rep.")
    // and not only an honorific, or an owner ("Oxfam's").
    let mut from = before.len();
    while from > 0 && before.len() - from < 5 {
        let folded = lower(before[from - 1].text.trim_end_matches('.'));
        if v.stopwords.contains(&folded)
            || v.subject_leads.contains(&folded)
            || v.speech_verbs.contains(&folded)
        {
            break;
        }
        from -= 1;
    }
    let described = before.get(from..).unwrap_or_default();
    let titled = described.iter().any(|w| {
        is_title_word(w.text) && !HONORIFICS.contains(&lower(w.text.trim_end_matches('.')).as_str())
    });
    let owner = s[..at].trim_end().ends_with("'s") || s[..at].trim_end().ends_with("’s");
    let role = match (described.first(), described.last()) {
        (Some(first), Some(last)) if titled || owner => {
            // An abbreviated title keeps its stop ("Rep.").
            let end = last.end + usize::from(!owner && s[last.end..].starts_with('.'));
            Some(
                s[first.start..end]
                    .trim_end_matches("'s")
                    .trim_end_matches("’s"),
            )
        }
        _ => None,
    };
    let after = s[at + name.len()..].strip_prefix(", ");
    let next_segment = after.and_then(|rest| rest.split([',', ';', '—']).next());
    let tag = next_segment.filter(|seg| is_affiliation(seg));
    // "said Karim Saleh, the central bank's governor": a role after the name.
    let appositive = next_segment
        .and_then(|seg| {
            ["the ", "a ", "an "]
                .iter()
                .find_map(|d| seg.strip_prefix(d))
        })
        .map(|seg| seg.trim_end_matches(['.', '”', '"']))
        .filter(|seg| word_count(seg) <= 6 && words(seg, 0).iter().any(|w| is_title_word(w.text)));
    let role = role.or(appositive);
    match (role, tag) {
        (Some(r), Some(t)) => Some(format!("{r}, {t}")),
        (Some(r), None) => Some(r.to_string()),
        (None, Some(t)) => Some(t.to_string()),
        (None, None) => None,
    }
}

/// Honorifics are titles of address, not roles a person is later called by.
const HONORIFICS: [&str; 5] = ["mr", "mrs", "ms", "dr", "miss"];

/// The role before the name that ends `subject` ("Attorney General Richard Blumenthal", "the
/// former president Bill Clinton"): its last title word and whether it says "former".
fn title_before(subject: &str) -> Option<(String, bool)> {
    let ws = words(subject, 0);
    let at = ws.iter().rposition(|w| {
        let bare = lower(w.text.trim_end_matches('.'));
        is_title_word(w.text) && !HONORIFICS.contains(&bare.as_str())
    })?;
    let name = &ws[at + 1..];
    let names_a_person = (1..=4).contains(&name.len()) && name.iter().all(|w| w.is_capitalised());
    let former = ws[..at].iter().any(|w| lower(w.text) == "former");
    names_a_person.then(|| (lower(ws[at].text.trim_end_matches('.')), former))
}

/// "the attorney general", "the former president": the person last named with that title.
fn titled_person(subject: &str, ctx: &Context) -> Option<Speaker> {
    let role = subject.strip_prefix("the ")?;
    let title = role.rsplit(' ').next()?;
    if !is_title_word(title) || role.split(' ').count() > 3 {
        return None;
    }
    let former = role.split(' ').any(|w| w == "former");
    ctx.titled
        .iter()
        .rev()
        .find(|(t, f, _)| t == title && *f == former)
        .map(|(_, _, name)| Speaker {
            name: name.clone(),
            kind: SpeakerKind::Person,
            attribution: String::new(),
            carried: true,
        })
}

fn pronoun_speaker(word: &str, ctx: &Context) -> Option<Speaker> {
    if matches!(word, "he" | "she") {
        if let Some(name) = &ctx.last_person {
            return Some(Speaker {
                name: name.clone(),
                kind: SpeakerKind::Person,
                attribution: String::new(),
                carried: true,
            });
        }
    }
    let last = ctx.last_speaker.as_ref()?;
    let fits = match word {
        "he" | "she" => last.kind == SpeakerKind::Person,
        "it" => matches!(
            last.kind,
            SpeakerKind::Organisation | SpeakerKind::Document | SpeakerKind::Poll
        ),
        "they" | "we" => true,
        _ => false,
    };
    fits.then(|| Speaker {
        carried: true,
        ..last.clone()
    })
}

/// The subject of a speech verb at `verb_at`: the phrase before it in its clause.
fn subject_before(s: &str, verb_at: usize) -> Option<&str> {
    let region = &s[..verb_at];
    let segments: Vec<&str> = region.split([',', ';', ':', '—']).collect();
    let mut idx = segments.len();
    while idx > 0 {
        idx -= 1;
        let seg = segments[idx]
            .trim_matches(|c: char| is_space(c) || is_closing_punct(c) || is_opening_punct(c));
        if seg.is_empty() {
            continue;
        }
        let folded = Folded::new(seg);
        let appositive = ["a ", "an ", "the "].iter().any(|d| folded.starts_with(d))
            && idx > 0
            && {
                // The segment before ends with a name ("though Beck, an outspoken critic of
                // the president, said"), its lead words aside.
                let prev = name_of_subject(segments[idx - 1].trim());
                let ws = words(prev, 0);
                !ws.is_empty() && ws.len() <= 4 && ws.iter().all(|w| w.is_capitalised())
            }
            && seg != segments[segments.len() - 1].trim();
        // "Sen. John Cornyn, R-Texas, who heads the committee, said": the name, not its
        // affiliation, age or relative clause.
        // So is a participle phrase ("advocating for troops") or an adverb ("clearly").
        let first = words(seg, 0).first().map_or("", |w| w.text);
        let participle_or_adverb = first.starts_with(char::is_lowercase)
            && (first.ends_with("ing") || (first.ends_with("ly") && word_count(seg) == 1));
        let aside = idx > 0
            && (["who ", "which ", "whose ", "by "]
                .iter()
                .any(|r| folded.starts_with(r))
                || is_affiliation(seg)
                || participle_or_adverb
                || seg.chars().all(|c| c.is_ascii_digit()));
        if appositive || aside {
            continue;
        }
        return Some(seg);
    }
    None
}

/// `phrase` without the words that open a clause before its subject ("though", "but").
fn without_leads(phrase: &str) -> &str {
    let v = vocab();
    let ws = words(phrase, 0);
    let lead = ws
        .iter()
        .take_while(|w| v.subject_leads.contains(&lower(w.text)))
        .count();
    ws.get(lead)
        .filter(|_| lead > 0)
        .map_or(phrase, |w| &phrase[w.start..])
}

/// The subject of a relative clause: "They built what the engineers" (before "called") is "the
/// engineers".
fn after_relative(subject: &str) -> &str {
    // Most subjects hold no relative word: no need to split them into words again.
    if !["what", "which", "that", "whom"]
        .iter()
        .any(|r| subject.contains(r))
    {
        return subject;
    }
    let ws = words(subject, 0);
    ws.iter()
        .enumerate()
        .rev()
        .find(|(k, w)| *k > 0 && matches!(w.text, "what" | "which" | "that" | "whom"))
        .and_then(|(k, _)| ws.get(k + 1))
        .map_or(subject, |w| &subject[w.start..])
}

/// A party-and-state tag ("R-Texas", "D-N.Y.", "R-TX"): an affiliation, never a name.
pub fn is_affiliation(seg: &str) -> bool {
    let seg = seg.trim_matches(|c: char| c == '(' || c == ')' || is_space(c));
    let mut chars = seg.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && matches!(chars.next(), Some('-' | '–'))
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && !seg.contains(' ')
        && seg.len() <= 16
}

fn valid_subject(seg: &str) -> bool {
    let ws = words(seg, 0);
    if ws.is_empty() || ws.len() > 8 || seg.contains(|c: char| c.is_ascii_digit() || c == '%') {
        return false;
    }
    let first = lower(ws[0].text);
    if [
        "that",
        "which",
        "who",
        "what",
        "this",
        "there",
        "it",
        "he",
        "she",
        "they",
        "we",
        "some",
        "many",
        "anyone",
        "reasonable",
    ]
    .contains(&first.as_str())
        && ws.len() > 1
    {
        return false;
    }
    if ["that", "which", "who", "what", "there", "i", "you"].contains(&first.as_str()) {
        return false;
    }
    ws[0].is_capitalised()
        || [
            "the", "a", "an", "its", "his", "her", "their", "it", "he", "she", "they", "we",
        ]
        .contains(&first.as_str())
}

/// Finds who asserts the sentence `s` (a claim's text), updating the document context.
/// `tokens` are the words of `s` (see [`Tokens::new`]).
pub fn attribute(s: &str, tokens: &Tokens, ctx: &mut Context) -> Option<Speaker> {
    let v = vocab();
    let same_len_lower = lower_keep_offsets(s);
    let mut found: Option<Speaker> = None;

    // 1. A statement introduced here: remember its owner; "…statement saying that" attributes.
    if let Some((_, owner, after)) = statement_intro(s, &same_len_lower, tokens) {
        if let Some((name, kind)) = canonical(&owner, false) {
            ctx.statement_owner = Some((name.clone(), kind));
            let tail = &same_len_lower[after..];
            let next_word = words(tail, 0)
                .into_iter()
                .find(|w| !matches!(w.text, "in" | "the"));
            let participle = v
                .speech_participles
                .iter()
                .any(|p| !find_phrase(tail, p).is_empty());
            if participle || next_word.is_some_and(|w| w.text == "that") {
                found = Some(Speaker {
                    name,
                    kind,
                    attribution: s[..after.min(s.len())].trim().to_string(),
                    carried: false,
                });
            }
        }
    }

    // 2. "according to X".
    if found.is_none() {
        {
            if let Some(&(pos, phrase_len)) = cue_positions(tokens, &v.source_set).first() {
                let from = pos + phrase_len;
                let raw = cut_phrase(s[from..].trim_start());
                let raw_folded = Folded::new(raw);
                let poll = v
                    .poll_nouns
                    .iter()
                    .any(|n| !raw_folded.find_phrase(n).is_empty());
                let owner = match raw_folded.rfind(" by ") {
                    Some((_, after_by)) => &raw[after_by..],
                    None => raw,
                };
                let attribution = s
                    [pos..from + (s[from..].len() - s[from..].trim_start().len()) + raw.len()]
                    .to_string();
                if is_document_anaphor(raw) {
                    if let Some((name, kind)) = ctx.statement_owner.clone() {
                        found = Some(Speaker {
                            name,
                            kind,
                            attribution,
                            carried: true,
                        });
                    }
                } else if let Some((name, kind)) = canonical(owner, poll) {
                    if raw_folded.contains("statement") {
                        ctx.statement_owner = Some((name.clone(), kind));
                    }
                    found = Some(Speaker {
                        name,
                        kind,
                        attribution,
                        carried: false,
                    });
                }
            }
        }
    }

    // 3. "X said …", "…, X added", "“…,” said X".
    if found.is_none() {
        // A naming verb reports words only when a quotation opens after it in its clause.
        // Searched only once no speech verb gave a speaker (the chain is lazy).
        let naming = std::iter::once(())
            .flat_map(|()| cue_positions(tokens, &v.naming_verb_set))
            .filter(|&(pos, len)| {
                let rest = &s[pos + len..];
                let clause = &rest[..rest.find([';', '.', '!', '?']).unwrap_or(rest.len())];
                clause.contains(['“', '"'])
            })
            .map(|(pos, len)| (pos, len, true));
        'verbs: {
            for (pos, verb_len, names) in cue_positions(tokens, &v.speech_verb_set)
                .into_iter()
                .map(|(pos, len)| (pos, len, false))
                .chain(naming)
            {
                // A verb is lowercase mid-sentence: "United States" is not "states".
                if s[pos..].starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                let mut before = same_len_lower[..pos].trim_end();
                let last_word = |text: &str| {
                    words(text, 0)
                        .last()
                        .map(|w| (w.text.to_string(), w.start, w.end))
                        .unwrap_or_default()
                };
                let (mut prev, prev_start, prev_end) = last_word(before);
                // "Michael Howard has said": the subject stands before the auxiliary, when the
                // auxiliary is the very word before the verb.
                let mut subject_end = pos;
                if matches!(prev.as_str(), "has" | "have" | "had") && prev_end == before.len() {
                    subject_end = prev_start;
                    before = same_len_lower[..subject_end].trim_end();
                    prev = last_word(before).0;
                }
                // inverted: "“…,” said Jane Doe"
                let quoted_before = before.ends_with(",”")
                    || before.ends_with("”,")
                    || before.ends_with(",\"")
                    || before.ends_with("\",");
                // The last word of a quotation is not the verb's subject ("“… should be,” said X").
                if !quoted_before
                    && (NOT_BEFORE_SPEECH_VERB.contains(&prev.as_str()) || before.ends_with("n't"))
                {
                    continue;
                }
                if quoted_before {
                    let after = &s[pos + verb_len..];
                    let name = cut_phrase(after.trim_start());
                    if words(name, 0).first().is_some_and(|w| w.is_capitalised()) {
                        if let Some((n, k)) = canonical(name, false) {
                            let (n, k) = earlier_full_name(&n, ctx).unwrap_or((n, k));
                            found = Some(Speaker {
                                name: n,
                                kind: k,
                                attribution: s[pos..pos
                                    + verb_len
                                    + (after.len() - after.trim_start().len())
                                    + name.len()]
                                    .to_string(),
                                carried: false,
                            });
                            break 'verbs;
                        }
                    }
                }
                // A pronoun right before the verb is its subject, whatever stands before it ("a
                // military fight he called “…”").
                let pronoun = matches!(prev.as_str(), "he" | "she" | "they" | "we")
                    && subject_end == pos
                    && prev_end == before.len();
                // A naming verb's subject stands in its own segment ("Critics of the plan,
                // which Smith called “a disgrace”," is Smith's word, not the critics').
                let own_segment = || {
                    let head = &s[..subject_end];
                    let from = head.rfind([',', ';', ':', '—']).map_or(0, |p| {
                        p + head[p..].chars().next().map_or(1, char::len_utf8)
                    });
                    Some(head[from..].trim()).filter(|seg| !seg.is_empty())
                };
                let Some(subject) = (if pronoun {
                    Some(&s[prev_start..prev_end])
                } else if names {
                    own_segment().map(after_relative)
                } else {
                    subject_before(s, subject_end).map(after_relative)
                }) else {
                    continue;
                };
                // ", local officials said." closes a sentence: its subject may be lowercase.
                let rest = s[pos + verb_len..].trim_start();
                let closing = rest.starts_with("in a statement")
                    || rest
                        .trim_matches(|c: char| {
                            is_space(c) || matches!(c, '.' | '!' | '?') || is_closing_punct(c)
                        })
                        .is_empty();
                let head = s[..subject_end].trim_end();
                let trailing = closing
                    && head.ends_with(subject)
                    && head[..head.len() - subject.len()].trim_end().ends_with(',')
                    && words(subject, 0).len() <= 4;
                // Words that open the clause ("though Grant said") are no part of the subject.
                if !(valid_subject(subject) || valid_subject(without_leads(subject)) || trailing) {
                    continue;
                }
                let written = subject;
                let subject = name_of_subject(subject);
                let sub_lower = lower(subject);
                let attribution = format!("{subject} {}", s[subject_end..pos + verb_len].trim());
                if let Some(sp) = titled_person(&sub_lower, ctx) {
                    found = Some(Speaker { attribution, ..sp });
                    break 'verbs;
                }
                if let Some(sp) = pronoun_speaker(&sub_lower, ctx) {
                    found = Some(Speaker { attribution, ..sp });
                    break 'verbs;
                }
                if matches!(
                    sub_lower.as_str(),
                    "he" | "she" | "it" | "they" | "we" | "i"
                ) {
                    continue;
                }
                if let Some(sp) = organisation_anaphor(&sub_lower, ctx) {
                    found = Some(Speaker { attribution, ..sp });
                    break 'verbs;
                }
                if is_document_anaphor(subject) {
                    if let Some((name, kind)) = ctx.statement_owner.clone() {
                        found = Some(Speaker {
                            name,
                            kind,
                            attribution,
                            carried: true,
                        });
                        break 'verbs;
                    }
                }
                if let Some((name, kind)) = canonical(subject, false) {
                    let (name, kind) = earlier_full_name(&name, ctx).unwrap_or((name, kind));
                    if kind == SpeakerKind::Person {
                        if let Some((title, former)) = title_before(written) {
                            ctx.titled.push((title, former, name.clone()));
                        }
                    }
                    found = Some(Speaker {
                        name,
                        kind,
                        attribution,
                        carried: false,
                    });
                    break 'verbs;
                }
            }
        }
    }

    // 4. "the Prime Minister’s Office statement noting that …".
    if found.is_none() {
        {
            for (pos, noun_len) in cue_positions(tokens, &v.document_set) {
                let tail = same_len_lower[pos + noun_len..].trim_start();
                let reporting = v
                    .speech_participles
                    .iter()
                    .any(|p| tail.starts_with(p.as_str()))
                    || tail.starts_with("which said");
                if !reporting {
                    continue;
                }
                let before = s[..pos].trim_end();
                let ws = words(before, 0);
                let caps: Vec<_> = ws
                    .iter()
                    .rev()
                    .take_while(|w| {
                        w.is_capitalised() && !["The", "A", "An", "This", "Its"].contains(&w.text)
                    })
                    .collect();
                if let (Some(first), Some(last)) = (caps.last(), caps.first()) {
                    let owner = &before[first.start..last.end];
                    if let Some((name, kind)) = canonical(owner, false) {
                        found = Some(Speaker {
                            name,
                            kind,
                            attribution: s[first.start..pos + noun_len].to_string(),
                            carried: false,
                        });
                    }
                }
            }
        }
    }

    // "Oxfam says in a report, Paying the Price": a later "the report said" is that report,
    // named by its title when the text gives one, else by whoever the report is from.
    if let Some(sp) = found.as_ref().filter(|sp| !sp.carried) {
        for (pos, noun_len) in cue_positions(tokens, &v.document_set) {
            let before = same_len_lower[..pos].trim_end();
            if !(before.ends_with(" a") || before.ends_with(" an") || before.ends_with(" its")) {
                continue;
            }
            let title = s[pos + noun_len..].strip_prefix(", ").and_then(|rest| {
                let ws = words(rest, 0);
                let run = ws
                    .iter()
                    .take_while(|w| w.is_capitalised() || matches!(w.text, "the" | "of" | "and"))
                    .count();
                let last = ws[..run].iter().rposition(|w| w.is_capitalised())?;
                // A title in apposition ends its clause ("…, Paying the Price."), unlike a
                // subject ("In a statement, the State Department said").
                let ends_clause = rest[ws[last].end..]
                    .trim_start_matches(['”', '"', '’', '\''])
                    .starts_with(['.', ',', ';', ':'])
                    || rest[ws[last].end..].trim().is_empty();
                (last >= 1 && ws[0].is_capitalised() && ends_clause)
                    .then(|| rest[..ws[last].end].to_string())
            });
            ctx.statement_owner = Some(match title {
                Some(t) => (t, SpeakerKind::Document),
                None => (sp.name.clone(), sp.kind),
            });
            break;
        }
    }
    ctx.subject_here = None;
    ctx.role_here = found
        .as_ref()
        .filter(|sp| !sp.carried && sp.kind == SpeakerKind::Person)
        .and_then(|sp| role_of(s, &sp.name));
    if let Some(sp) = &found {
        ctx.last_speaker = Some(sp.clone());
        if !sp.carried {
            ctx.speakers.push(sp.clone());
        }
        if sp.kind == SpeakerKind::Person {
            ctx.last_person = Some(sp.name.clone());
            if !sp.carried {
                ctx.named_person(&sp.name);
            }
        }
    } else if let Some(name) = (!ctx.inside_quote && !s.starts_with(['“', '"', '‘', '\'']))
        .then(|| {
            names_early(tokens)
                .then(|| opening_person(s, ctx))
                .flatten()
                .or_else(|| opening_surname(s, ctx))
        })
        .flatten()
    {
        ctx.last_person = Some(name.clone());
        ctx.named_person(&name);
        if let Some((title, former)) = opening_role(s) {
            ctx.titled.push((title, former, name.clone()));
        }
        ctx.subject_here = Some(name);
    }
    found
}

/// The kind of a claim from its cues, its speaker and whether it carries a figure.
pub fn kind_of(tokens: &Tokens, speaker: Option<&Speaker>, has_figure: bool) -> ClaimKind {
    if has_figure {
        return ClaimKind::Statistic;
    }
    if speaker.is_some() {
        return ClaimKind::Statement;
    }
    let v = vocab();
    let vetoes = tokens.find(&v.kind_veto_set);
    let cues = tokens.find(&v.kind_cue_set);
    let hits = |kind: &str| -> bool {
        cues.iter().any(|c| {
            v.kind_cues[c.index].0 == kind
                && !vetoes.iter().any(|veto| {
                    v.kind_vetoes[veto.index].0 == kind
                        && veto.start <= c.start
                        && c.end <= veto.end
                })
        })
    };
    if hits("recommendation") {
        ClaimKind::Recommendation
    } else if hits("prediction") {
        ClaimKind::Prediction
    } else if hits("assessment") {
        ClaimKind::Assessment
    } else {
        ClaimKind::Report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(sentences: &[&str]) -> Vec<Option<(String, SpeakerKind)>> {
        let mut ctx = Context::default();
        sentences
            .iter()
            .map(|s| attribute(s, &Tokens::new(s), &mut ctx).map(|sp| (sp.name, sp.kind)))
            .collect()
    }

    fn some(name: &str, kind: SpeakerKind) -> Option<(String, SpeakerKind)> {
        Some((name.to_string(), kind))
    }

    #[test]
    fn a_surname_that_is_a_common_word_opens_no_person() {
        let person = SpeakerKind::Person;
        // "Price rises" is no Tom Price: the "he" after it is the chief named before.
        assert_eq!(
            who(&[
                "“We are ready,” said Tom Price.",
                "Chief Ali Hassan arrived at the port.",
                "Price rises hit families hard.",
                "“It is bad,” he said.",
            ])[3],
            some("Ali Hassan", person)
        );
        // "Price, a former docker, …" is Tom Price.
        assert_eq!(
            who(&[
                "“We are ready,” said Tom Price.",
                "Chief Ali Hassan arrived at the port.",
                "Price, a former docker, walked the quay.",
                "“It is bad,” he said.",
            ])[3],
            some("Tom Price", person)
        );
    }

    #[test]
    fn adverbs_before_the_verb_and_naming_verbs_own_segment() {
        // An adverb between the name and the verb is no part of the name; which words are
        // adverbs is data (`trail` in data/attribution.txt), not any word ending in -ly.
        assert_eq!(
            who(&["Richard Blumenthal clearly said he served."]),
            [some("Richard Blumenthal", SpeakerKind::Person)]
        );
        // A noun that merely ends in -ly stays in the subject.
        assert_eq!(name_of_subject("the Kennedy family"), "the Kennedy family");
        assert_eq!(name_of_subject("A Netanyahu ally"), "A Netanyahu ally");
        // A naming verb's subject is in its own segment.
        assert_eq!(
            who(&["Critics of the plan, which Smith called “a disgrace”, were loud."]),
            [None]
        );
    }

    #[test]
    fn reporting_frames() {
        assert_eq!(
            who(&["“We will not retreat,” Defense Minister Israel Katz said on Tuesday."]),
            [some("Israel Katz", SpeakerKind::Person)]
        );
        assert_eq!(
            who(&["In its statement, the State Department said the talks were useful."]),
            [some("US State Department", SpeakerKind::Organisation)]
        );
        assert_eq!(
            who(&["Prices rose sharply, according to the Central Statistics Bureau."]),
            [some("Central Statistics Bureau", SpeakerKind::Organisation)]
        );
        assert_eq!(
            who(&["“It is over,” said Maria Lopez, a local teacher."]),
            [some("Maria Lopez", SpeakerKind::Person)]
        );
        assert_eq!(
            who(&[
                "Jane Okafor, a spokeswoman for the ministry, told reporters the road was shut."
            ]),
            [some("Jane Okafor", SpeakerKind::Person)]
        );
        assert_eq!(who(&["The road was shut on Monday."]), [None]);
        assert_eq!(
            who(&["The statement notably did not say Israel would refrain."]),
            [None]
        );
    }

    #[test]
    fn the_name_in_a_subject_without_its_role_affiliation_or_asides() {
        let person = SpeakerKind::Person;
        assert_eq!(
            who(&[
                "“This is how it should be,” said Cynthia Burgiss, 22, a student in Ohio.",
                "“It is a felony,” said Rep. Darrell Issa, R-Calif., who leads the inquiry.",
                "Sen. John Cornyn, R-Texas, who heads the committee, said Tuesday, “It is big.”",
                "But shadow attorney general Mr Grieve said it was wrong.",
                "Senior Labour backbencher Martin O'Neill said it was wrong.",
                "“It is wrong,” Oxfam's Barbara Stocking said.",
                "Leaving a Brussels summit Mr Blair said it was wrong.",
                "Richard Blumenthal said he was proud.",
                "Blumenthal, advocating for veterans, clearly says, “We owe them.”",
                "I can assure you, Mr. Obama on Thursday said, that it is so.",
                "“I served,” said Mr. Blumenthal.",
                "On Wednesday Tony Blair said he was sure.",
            ]),
            [
                some("Cynthia Burgiss", person),
                some("Darrell Issa", person),
                some("John Cornyn", person),
                some("Mr Grieve", person),
                some("Martin O'Neill", person),
                some("Barbara Stocking", person),
                some("Mr Blair", person),
                some("Richard Blumenthal", person),
                some("Richard Blumenthal", person),
                some("Mr. Obama", person),
                some("Richard Blumenthal", person),
                some("Tony Blair", person),
            ]
        );
        // A name that is all one body keeps its words; a bare pronoun after "But" is the last
        // speaker.
        assert_eq!(
            who(&[
                "The head of the Central Bank said rates would rise.",
                "“We will see,” said Jane Okafor.",
                "But she said it was too early.",
            ]),
            [
                Some(("head of the Central Bank".to_string(), SpeakerKind::Unnamed)),
                some("Jane Okafor", person),
                some("Jane Okafor", person),
            ]
        );
    }

    #[test]
    fn statements_and_their_carry_over() {
        assert_eq!(
            who(&[
                "On January 6, the United States Department of State issued a joint statement announcing that the two had agreed.",
                "According to the statement, the mechanism is a platform.",
                "The statement added that “this mechanism will serve as a platform.”",
                "It was a bold move.",
            ]),
            [
                some("US State Department", SpeakerKind::Organisation),
                some("US State Department", SpeakerKind::Organisation),
                some("US State Department", SpeakerKind::Organisation),
                None
            ]
        );
    }

    #[test]
    fn polls_and_unnamed_sources() {
        assert_eq!(
            who(&["According to polling data published by the Foreign Policy political journal on December 6, 2025, only 14% of Syrians agreed."]),
            [some("Foreign Policy", SpeakerKind::Poll)]
        );
        assert_eq!(
            who(&["According to reports, Israel agreed."]),
            [some("reports", SpeakerKind::Unnamed)]
        );
    }

    #[test]
    fn kinds_from_cues() {
        assert_eq!(
            kind_of(
                &Tokens::new("Israel should preserve its freedom of action."),
                None,
                false
            ),
            ClaimKind::Recommendation
        );
        assert_eq!(
            kind_of(
                &Tokens::new("It should be noted that the regime acted."),
                None,
                false
            ),
            ClaimKind::Report
        );
        assert_eq!(
            kind_of(&Tokens::new("Damascus will agree to this."), None, false),
            ClaimKind::Prediction
        );
        assert_eq!(
            kind_of(
                &Tokens::new("Israel can attack Syria at will."),
                None,
                false
            ),
            ClaimKind::Report
        );
        assert_eq!(
            kind_of(
                &Tokens::new("This is simply a case of mass self-deception."),
                None,
                false
            ),
            ClaimKind::Assessment
        );
        assert_eq!(
            kind_of(&Tokens::new("Turnout was 43 percent."), None, true),
            ClaimKind::Statistic
        );
    }

    #[test]
    fn semicolons_split_independent_clauses_only() {
        let s = "It is clear that the civil war is far from over; the only difference is that the army no longer exists.";
        assert_eq!(split_clauses(s, 0, s.len()).len(), 2);
        let s = "Either Syria fails to implement its side of the bargain; or, Syria succeeds and becomes stable.";
        assert_eq!(split_clauses(s, 0, s.len()).len(), 1);
        let s = "The regime faces challenges: tensions among minority groups; demands for autonomy by various communities.";
        assert_eq!(split_clauses(s, 0, s.len()).len(), 1);
    }
}

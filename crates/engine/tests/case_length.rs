//! No character can move an offset: every character whose lowercase or uppercase has another
//! UTF-8 length than itself ("K", the Kelvin sign, 3 bytes that lowercase to 1; "İ", 2 bytes that
//! lowercase to 3), placed before, inside and after every word of sentences that exercise each
//! stage's cues (attribution, speech verbs, polls, numbers and units, dates, names, acronyms,
//! bylines), goes through the whole pipeline with every span verbatim.
//!
//! A second test takes the phrases from the engine's own vocabularies (speech verbs, sources,
//! polls, documents, units, number words, titles, kind cues, captions, credits, boilerplate), so
//! a cue added to the data is covered without editing this file.
//!
//! `exercise::whole_pipeline` is what the fuzzer runs: it builds, links, searches and exports the
//! corpus and panics on any broken promise (a span that is not its source's bytes).

/// Lines that each reach a stage's cue phrases; none comes from a real article.
const TEMPLATES: &[&str] = &[
    "Prices rose sharply, according to the Bureau of Kabul’ on Monday, officials said.",
    "“We will not accept this,” said Foreign Minister Anna Berg, adding that talks would continue.",
    "The agency said on Tuesday that exports fell 12.5 percent to $4.2 billion in March 2025.",
    "A poll conducted by the Arab Barometer found that 61% of 1,200 adults surveyed support the plan.",
    "Defense Secretary John Smith told reporters on January 6, 2026 that the plan was “far from over.”",
    "In a statement, the ministry said it rejected the proposal; the statement added that it would appeal.",
    "The company, which employs 3,000 people, reported revenue of €2 million last year, up from 1.5 million in 2024.",
    "Officials of the United Nations (UN) met in Geneva since 2011 until last week, the report said.",
    "Forty-three per cent of voters said they would back the measure, a survey by Example Research showed.",
    "She warned that the army could strike within 48 hours, a senior official familiar with the talks said.",
    "Mr. Adler, who leads the council, accused the mayor of violating the 1974 agreement.",
    "Temperatures reached 45 degrees Celsius and 300 megawatts were lost, the Energy Ministry said Thursday.",
];

/// Every character whose case mapping changes its UTF-8 length.
fn length_changing_chars() -> Vec<char> {
    (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| {
            let lower: String = c.to_lowercase().collect();
            let upper: String = c.to_uppercase().collect();
            lower.len() != c.len_utf8() || upper.len() != c.len_utf8()
        })
        .collect()
}

/// The template with `c` put before (0), inside (1) or after (2) its word number `at`.
fn place(template: &str, at: usize, how: usize, c: char) -> String {
    let words: Vec<&str> = template.split(' ').collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if i != at {
            out.push(w.to_string());
            continue;
        }
        let split = w.char_indices().nth(1).map_or(w.len(), |(j, _)| j);
        out.push(match how {
            0 => format!("{c}{w}"),
            1 => format!("{}{c}{}", &w[..split], &w[split..]),
            _ => format!("{w}{c}"),
        });
    }
    out.join(" ")
}

#[test]
fn the_kelvin_sign_line_exports_with_verbatim_spans() {
    let line =
        "Prices rose sharply, according to the Bureau of \u{212A}abul’ on Monday, officials said.";
    let article = format!("A report on prices\n\nBy Dana Reyes, Example Times\n\n{line}\n");
    let claims = parallax_engine::exercise::whole_pipeline(article.as_bytes());
    assert_eq!(claims, 1);
    let corpus = parallax_engine::build(
        vec![parallax_engine::Input {
            file: "kelvin.txt".into(),
            bytes: article.clone().into_bytes(),
        }],
        Vec::new(),
    );
    assert_eq!(corpus.claims[0].text, line);
    let speaker = corpus.claims[0].speaker.as_deref();
    assert_eq!(speaker, Some("Bureau of \u{212A}abul"));
}

#[test]
fn no_length_changing_character_breaks_a_span() {
    let chars = length_changing_chars();
    assert!(chars.len() > 100, "{} characters", chars.len());
    assert!(chars.contains(&'\u{212A}') && chars.contains(&'İ'));
    for (n, c) in chars.iter().enumerate() {
        // One article per template, each paragraph the template with `c` at one place; the
        // articles of one character go through the pipeline together, so linking and the
        // corpus-wide passes see them side by side.
        let mut data = Vec::new();
        for (t, template) in TEMPLATES.iter().enumerate() {
            let words = template.split(' ').count();
            if t > 0 {
                data.push(0xFF);
            }
            data.extend_from_slice(format!("Title {c} number {t}\n\n").as_bytes());
            // Three places per word, spread over the characters so that each character meets
            // every word of every template in one of the three places.
            for at in 0..words {
                let how = (n + at) % 3;
                data.extend_from_slice(place(template, at, how, *c).as_bytes());
                data.extend_from_slice(b"\n\n");
            }
        }
        parallax_engine::exercise::whole_pipeline(&data);
    }
}

/// Every phrase a stage looks for, from the vocabularies themselves.
fn vocabulary_phrases() -> Vec<String> {
    let v = parallax_engine::vocab::vocab();
    let mut out: Vec<String> = Vec::new();
    out.extend(v.speech_verbs.iter().cloned());
    out.extend(v.speech_participles.iter().cloned());
    out.extend(v.source_phrases.iter().cloned());
    out.extend(v.document_nouns.iter().cloned());
    out.extend(v.poll_nouns.iter().cloned());
    out.extend(v.unnamed_sources.iter().cloned());
    out.extend(v.titles.iter().cloned());
    out.extend(v.kind_cues.iter().map(|(_, p)| p.clone()));
    out.extend(v.kind_vetoes.iter().map(|(_, p)| p.clone()));
    out.extend(v.negations.iter().cloned());
    out.extend(v.units.iter().map(|(surface, _)| surface.clone()));
    out.extend(v.number_words.keys().cloned());
    out.extend(v.scale_words.keys().cloned());
    out.extend(v.credit_prefixes.iter().cloned());
    out.extend(v.caption_cues.iter().cloned());
    out.extend(v.boilerplate.iter().map(|(_, p)| p.clone()));
    out.extend(v.outlet_cues.iter().cloned());
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_length_changing_character_breaks_a_span_around_any_cue() {
    let chars = length_changing_chars();
    let phrases = vocabulary_phrases();
    assert!(phrases.len() > 300, "{} phrases", phrases.len());
    // Each phrase in a sentence that also carries a number, a unit, a date and a name, twelve
    // times, each time with another of the characters put before, inside or after another word;
    // over all the phrases every character is used many times, in every place.
    let per_article = 40;
    for (k, batch) in phrases.chunks(per_article).enumerate() {
        let mut data = Vec::new();
        data.extend_from_slice(format!("Cue batch {k}\n\n").as_bytes());
        for (i, phrase) in batch.iter().enumerate() {
            let n = k * per_article + i;
            let template = format!(
                "On March 3, 2025 Minister Dana Reyes said {phrase} 61 percent of $4.2 billion, according to Acme Research in Kabul on Monday, officials said."
            );
            let words = template.split(' ').count();
            for round in 0..12 {
                let c = chars[(n * 12 + round) % chars.len()];
                let line = place(&template, (n + round * 5) % words, (n + round) % 3, c);
                data.extend_from_slice(line.as_bytes());
                data.extend_from_slice(b"\n\n");
            }
        }
        parallax_engine::exercise::whole_pipeline(&data);
    }
}

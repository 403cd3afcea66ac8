//! The five seed articles: every capability pinned with the values a careful reader finds.

mod common;

use common::{claim, doc, repo_root, seeds};
use parallax_engine::{ClaimKind, EntityKind, FigureKind, LineKind, Relation, SpeakerKind};

#[test]
fn seed_copies_match_the_originals() {
    let shared = repo_root().join("../shared/seeds");
    if !shared.is_dir() {
        return; // the originals are only beside a checkout, not inside it
    }
    for d in &seeds().documents {
        let ours = std::fs::read(repo_root().join("seeds").join(&d.file)).unwrap();
        let theirs = std::fs::read(shared.join(&d.file)).unwrap();
        assert!(ours == theirs, "seeds/{} differs from the original", d.file);
    }
}

#[test]
fn every_span_is_verbatim() {
    common::assert_spans_exact(seeds(), &repo_root().join("seeds"));
}

#[test]
fn metadata_is_read_from_the_text_or_left_unstated() {
    let c = seeds();
    assert_eq!(c.documents.len(), 5);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);

    let d = doc(c, "000_");
    assert_eq!(
        d.title.as_deref(),
        Some("Syria is Normalizing Ties With Israel, Here’s Why – Analysis")
    );
    assert_eq!(d.dek, None);
    assert_eq!(d.outlet.as_deref(), Some("The Palestine Chronicle"));
    assert_eq!(d.author.as_deref(), Some("Robert Inlakesh"));
    assert_eq!(d.date.as_deref(), Some("2026-01-07"));
    assert_eq!(d.provenance.outlet.as_ref().map(|e| e.line), Some(2));

    // No title, byline, outlet, author or date anywhere in the text: nothing is guessed.
    let d = doc(c, "001_");
    assert_eq!(
        (&d.title, &d.dek, &d.outlet, &d.author, &d.date),
        (&None, &None, &None, &None, &None)
    );

    let d = doc(c, "002_");
    assert_eq!(
        d.title.as_deref(),
        Some("Israel and Syria Open U.S.-Supervised Intelligence Mechanism")
    );
    assert!(d
        .dek
        .as_deref()
        .unwrap()
        .starts_with("The U.S. State Department announced that a “joint communication mechanism”"));
    assert_eq!(d.outlet.as_deref(), Some("Clash Report"));
    assert_eq!(d.author, None);
    assert_eq!(d.date.as_deref(), Some("2026-01-07"));
    assert_eq!(
        d.provenance
            .date
            .as_ref()
            .map(|e| (e.line, e.line_text.as_str())),
        Some((7, "January 07, 2026Clash Report"))
    );

    let d = doc(c, "003_");
    assert_eq!(
        d.title.as_deref(),
        Some("The Paris summit: assessing the Israel-Syria ‘joint fusion mechanism’")
    );
    assert!(d
        .dek
        .as_deref()
        .unwrap()
        .starts_with("Analysis:\u{a0}Behind the Paris summit lies a tactical"));
    assert_eq!(d.outlet.as_deref(), Some("Ynet News"));
    assert_eq!(d.provenance.outlet.as_ref().map(|e| e.line), Some(30));
    assert_eq!(d.author.as_deref(), Some("Amine Ayoub"));
    assert_eq!(d.provenance.author.as_ref().map(|e| e.line), Some(22));
    assert_eq!(d.date, None);

    let d = doc(c, "004_");
    assert_eq!(
        d.title.as_deref(),
        Some("Israel-Syria security talks make headway in Paris")
    );
    assert!(d
        .dek
        .as_deref()
        .unwrap()
        .starts_with("The US has made it clear that securing a deal"));
    assert_eq!((&d.outlet, &d.author, &d.date), (&None, &None, &None));
}

#[test]
fn every_line_is_classified() {
    use LineKind::*;
    let c = seeds();
    let kind = |prefix: &str, number: usize| {
        doc(c, prefix)
            .lines
            .iter()
            .find(|l| l.number == number)
            .map(|l| l.kind)
            .unwrap_or_else(|| panic!("{prefix} line {number}"))
    };
    let expect = [
        ("000_", 1, Title),
        ("000_", 2, Byline),
        ("000_", 3, Paragraph),
        ("000_", 7, ListItem),
        ("000_", 10, ListItem),
        ("000_", 22, Heading),
        ("000_", 37, Bio),
        ("000_", 38, Boilerplate),
        ("000_", 41, Boilerplate),
        ("001_", 1, Paragraph),
        ("001_", 14, Paragraph),
        ("002_", 1, Boilerplate),
        ("002_", 3, Title),
        ("002_", 5, Dek),
        ("002_", 7, Byline),
        ("002_", 9, Boilerplate),
        ("002_", 11, Paragraph),
        ("002_", 13, Heading),
        ("002_", 19, Heading),
        ("003_", 1, Title),
        ("003_", 3, Dek),
        ("003_", 7, Boilerplate),
        ("003_", 8, Caption),
        ("003_", 9, Caption),
        ("003_", 10, Caption),
        ("003_", 11, Credit),
        ("003_", 19, Heading),
        ("003_", 22, Byline),
        ("003_", 28, Bio),
        ("003_", 29, Boilerplate),
        ("003_", 30, Boilerplate),
        ("003_", 31, Boilerplate),
        ("004_", 1, Title),
        ("004_", 3, Dek),
        ("004_", 5, Caption),
        ("004_", 6, Credit),
        ("004_", 7, Caption),
        ("004_", 9, Boilerplate),
        ("004_", 11, Paragraph),
        ("004_", 19, Credit),
        ("004_", 20, Caption),
        ("004_", 22, Heading),
        ("004_", 34, PullQuote),
        ("004_", 38, Heading),
        ("004_", 44, Credit),
        ("004_", 45, Caption),
        ("004_", 51, Heading),
        ("004_", 57, Boilerplate),
        ("004_", 59, Boilerplate),
    ];
    for (prefix, number, want) in expect {
        assert_eq!(kind(prefix, number), want, "{prefix} line {number}");
    }
}

#[test]
fn only_body_paragraphs_feed_claims() {
    let c = seeds();
    let counts: Vec<usize> = c
        .documents
        .iter()
        .map(|d| c.claims.iter().filter(|cl| cl.document == d.id).count())
        .collect();
    assert_eq!(counts, [59, 30, 24, 28, 38]);
    for cl in &c.claims {
        let d = c.documents.iter().find(|d| d.id == cl.document).unwrap();
        let line = d
            .lines
            .iter()
            .find(|l| l.start <= cl.start && cl.end <= l.end)
            .expect("claim inside one line");
        assert_eq!(
            line.kind,
            LineKind::Paragraph,
            "{} comes from a {:?}",
            cl.id,
            line.kind
        );
    }
    // The pull quote repeats a body sentence: the body sentence is the claim, once.
    let hotline: Vec<_> = c
        .claims
        .iter()
        .filter(|cl| cl.text.contains("American-Israeli-Syrian hotline"))
        .collect();
    assert_eq!(hotline.len(), 1);
    assert_eq!(hotline[0].text, "Second, the parties agreed to set up an American-Israeli-Syrian hotline to prevent escalation.");
    // Captions are not claims.
    assert!(!c
        .claims
        .iter()
        .any(|cl| cl.text.contains("deliver remarks upon the signing")));
}

#[test]
fn sentences_and_clauses_are_split_where_a_reader_would() {
    let c = seeds();
    // "U.S." inside a sentence does not end it.
    let cl = claim(
        c,
        "002_",
        "By concentrating contacts into one mechanism under U.S. supervision",
    );
    assert!(cl.text.ends_with("gatekeeper of the process."));
    // A semicolon joining two assertions gives two claims; one before a fragment does not.
    assert_eq!(
        claim(c, "000_", "It is clear that Syria’s civil war").text,
        "It is clear that Syria’s civil war is far from over;"
    );
    assert!(claim(c, "000_", "The best the Syrian authorities")
        .text
        .ends_with("three US service members late last year."));
    assert!(claim(c, "000_", "Either Syria fails")
        .text
        .ends_with("enemies in Lebanon and Iran."));
}

#[test]
fn speakers_are_who_the_text_says() {
    let c = seeds();
    let who = |d: &str, p: &str| {
        let cl = claim(c, d, p);
        (
            cl.speaker.clone(),
            cl.speaker_kind,
            cl.speaker_carried,
            cl.kind,
        )
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        who("000_", "On January 6, 2026, a joint statement"),
        (
            some("US State Department"),
            Some(SpeakerKind::Organisation),
            false,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        who("000_", "According to polling data"),
        (
            some("Foreign Policy"),
            Some(SpeakerKind::Poll),
            false,
            ClaimKind::Statistic
        )
    );
    assert_eq!(
        who("000_", "92% of Syrians"),
        (
            some("Foreign Policy"),
            Some(SpeakerKind::Poll),
            true,
            ClaimKind::Statistic
        )
    );
    assert_eq!(
        who("000_", "Another telling statistic"),
        (
            some("Foreign Policy"),
            Some(SpeakerKind::Poll),
            true,
            ClaimKind::Statistic
        )
    );
    assert_eq!(
        who("001_", "On January 6, the United States"),
        (
            some("US State Department"),
            Some(SpeakerKind::Organisation),
            false,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        who("001_", "According to the statement"),
        (
            some("US State Department"),
            Some(SpeakerKind::Organisation),
            true,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        who("001_", "According to reports"),
        (
            some("reports"),
            Some(SpeakerKind::Unnamed),
            false,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        who("001_", "It should be noted that on January 9"),
        (
            some("Israel Katz"),
            Some(SpeakerKind::Person),
            false,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        who("002_", "Syria’s new government and Israel agreed"),
        (
            some("US State Department"),
            Some(SpeakerKind::Organisation),
            false,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        who("002_", "In its statement, the State Department said"),
        (
            some("US State Department"),
            Some(SpeakerKind::Organisation),
            false,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        who("002_", "The statement added that"),
        (
            some("US State Department"),
            Some(SpeakerKind::Organisation),
            true,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        who("004_", "For its part, Israel will likely settle"),
        (
            some("Prime Minister’s Office"),
            Some(SpeakerKind::Organisation),
            false,
            ClaimKind::Statement
        )
    );
    // The article's own voice, including sentences that merely mention a statement.
    assert_eq!(
        who("000_", "It is a fact that the US runs the show.").0,
        None
    );
    assert_eq!(
        who("000_", "Today’s joint statement thoroughly debunks").0,
        None
    );
    assert_eq!(
        who(
            "000_",
            "In fact, Damascus is being bullied by the United States"
        )
        .0,
        None
    );
    assert_eq!(who("002_", "Israel has continued military strikes").0, None);
    // A term the statement coined is the statement's words: "what the statement called “…”".
    assert_eq!(
        who(
            "002_",
            "Both sides agreed to form what the statement called"
        ),
        (
            some("US State Department"),
            Some(SpeakerKind::Organisation),
            true,
            ClaimKind::Statement
        )
    );
    assert_eq!(
        c.claims.iter().filter(|cl| cl.speaker.is_some()).count(),
        13
    );
}

#[test]
fn kinds_follow_the_grammar_of_the_claim() {
    let c = seeds();
    let kind = |d: &str, p: &str| claim(c, d, p).kind;
    assert_eq!(
        kind("003_", "Given Sharaa’s background"),
        ClaimKind::Recommendation
    );
    assert_eq!(
        kind("001_", "Accordingly, Israel should"),
        ClaimKind::Recommendation
    );
    assert_eq!(
        kind("000_", "Damascus will agree to this"),
        ClaimKind::Prediction
    );
    assert_eq!(
        kind("004_", "At the same time,\u{a0}Israel will need to show"),
        ClaimKind::Prediction
    );
    assert_eq!(
        kind("000_", "This is simply a case of mass self-deception"),
        ClaimKind::Assessment
    );
    assert_eq!(
        kind("004_", "Second, the parties agreed"),
        ClaimKind::Report
    );
    assert_eq!(
        kind(
            "004_",
            "For its part, Israel\u{a0}currently has a free hand to attack Syria at will"
        ),
        ClaimKind::Report
    );
    assert_eq!(
        kind("001_", "It should be borne in mind"),
        ClaimKind::Report
    );
    assert_eq!(
        kind("003_", "The economic incentives discussed in Paris"),
        ClaimKind::Statistic
    );
}

#[test]
fn figures_carry_value_unit_label_and_provenance() {
    let c = seeds();
    let got: Vec<_> = c
        .figures
        .iter()
        .map(|f| {
            (
                f.document[..3].to_string(),
                f.value,
                f.unit.clone().unwrap_or_default(),
                f.label.clone(),
                f.population.clone(),
                f.source.clone(),
                f.date.clone(),
                f.kind,
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    let o = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            (s("000"), 14.0, s("%"), s("Syrians said that they support the normalization of ties with Israel"), o("Syrians"), o("Foreign Policy"), o("2025-12-06"), FigureKind::Poll),
            (s("000"), 92.0, s("%"), s("Syrians also answered that Israel’s illegal occupation of territory in the region was a critical threat"), o("Syrians"), o("Foreign Policy"), o("2025-12-06"), FigureKind::Poll),
            (s("000"), 66.0, s("%"), s("said they had favorable views of the United States"), o("Syrians"), o("Foreign Policy"), o("2025-12-06"), FigureKind::Poll),
            // A count written in words: "coordination across four areas named explicitly".
            (s("002"), 4.0, s("areas"), s("named explicitly"), None, None, None, FigureKind::Other),
            (s("003"), 800.0, s("MW"), s("expand Syria’s power capacity"), None, None, None, FigureKind::Economic),
            (s("003"), 20.0, s("%"), s("potentially boost GDP"), None, None, None, FigureKind::Economic),
            (s("003"), 87.0, s("%"), s("GDP collapse since 2011"), None, None, None, FigureKind::Economic),
        ]
    );
    // Each figure points at the claim that states it, a statistic when the number is written
    // in figures.
    for f in &c.figures {
        let cl = c.claims.iter().find(|cl| cl.id == f.claim).unwrap();
        assert!(cl.start <= f.start && f.end <= cl.end);
        let in_figures = f.text.starts_with(|ch: char| ch.is_ascii_digit());
        assert_eq!(cl.kind == ClaimKind::Statistic, in_figures, "{}", f.text);
    }
}

#[test]
fn entities_merge_spellings_and_know_their_documents() {
    let c = seeds();
    let e = |name: &str| {
        c.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
    };
    let docs = |name: &str| {
        e(name)
            .documents
            .iter()
            .map(|d| d[..3].to_string())
            .collect::<Vec<_>>()
    };

    let sharaa = e("Ahmed al-Sharaa");
    assert_eq!(sharaa.kind, EntityKind::Person);
    for alias in ["Ahmad al-Sharaa", "al-Shara’a", "Sharaa", "Al-Sharaa"] {
        assert!(
            sharaa.aliases.iter().any(|a| a == alias),
            "{alias} in {:?}",
            sharaa.aliases
        );
    }
    assert_eq!(docs("Ahmed al-Sharaa"), ["000", "003", "004"]);

    // People the gazetteer does not list are found from the text: by a title before the name
    // ("Defense Minister Israel Katz": "Israel" before a surname is a first name) or by a given
    // name in prose; a place with no word to type it is still found, its kind left open.
    for person in [
        "Israel Katz",
        "Hakan Fidan",
        "Steve Witkoff",
        "Jared Kushner",
        "Ron Dermer",
    ] {
        assert_eq!(e(person).kind, EntityKind::Person, "{person}");
        assert!(!e(person).known, "{person} is found from the text");
    }
    assert_eq!(e("Mount Hermon").kind, EntityKind::Other);

    // A term defined with an acronym in one article is found in the others.
    let jfm = e("joint fusion mechanism");
    assert_eq!(jfm.aliases, ["JFM"]);
    assert_eq!(docs("joint fusion mechanism"), ["000", "002", "003"]);

    let state = e("US State Department");
    assert_eq!(state.kind, EntityKind::Organisation);
    assert!(state
        .aliases
        .contains(&"United States Department of State".to_string()));
    assert_eq!(docs("US State Department"), ["000", "001", "002"]);
    assert_eq!(e("Hayat Tahrir al-Sham").aliases, ["HTS"]);
    assert_eq!(e("Syrian Democratic Forces").aliases, ["SDF"]);
    assert!(e("Türkiye").aliases.contains(&"Turkish".to_string()));
    assert_eq!(e("Druze").kind, EntityKind::Group);
    // Found from context, not the gazetteer: a title before the name.
    let reich = e("Gil Reich");
    assert!(!reich.known);
    assert_eq!(reich.kind, EntityKind::Person);
    // Bylines and credits are not mentions.
    assert!(!c
        .entities
        .iter()
        .any(|e| e.name.contains("Inlakesh") || e.name.contains("Kolomoisky")));
    // Claims list the entities they mention.
    assert_eq!(
        claim(c, "004_", "Second, the parties agreed").entities,
        ["israel", "syria", "united-states"]
    );
    assert_eq!(
        claim(c, "000_", "At this current moment").entities,
        ["ahmed-al-sharaa", "israel"]
    );
}

#[test]
fn events_resolve_relative_dates_only_against_the_documents_own_date() {
    let c = seeds();
    let got: Vec<(String, String, bool, String)> = c
        .events
        .iter()
        .map(|e| {
            (
                e.document[..3].to_string(),
                e.date.clone(),
                e.inferred,
                e.when.to_string(),
            )
        })
        .collect();
    let e = |d: &str, date: &str, inferred: bool, when: &str| {
        (d.to_string(), date.to_string(), inferred, when.to_string())
    };
    assert_eq!(
        got,
        vec![
            e("000", "2024-12", false, "December of 2024"),
            e("000", "2025", true, "late last year"),
            e("000", "2025", true, "late last year"),
            e("003", "2025", false, "2025"),
            e("000", "2025-12-06", false, "December 6, 2025"),
            e("003", "2026-01", false, "January 2026"),
            e("000", "2026-01-04", true, "last Sunday"),
            e("000", "2026-01-06", false, "January 6, 2026"),
            e("002", "2026-01-06", true, "Tuesday"),
            e("000", "2026-01-07", true, "Today"),
        ]
    );
    // 001 and 004 state no date: "On January 6" and "this week" stay unresolved.
    assert!(!c
        .events
        .iter()
        .any(|e| e.document.starts_with("001") || e.document.starts_with("004")));
}

/// Precision of the links against hand judgments of every link the engine makes on the seeds.
#[test]
fn links_are_precise_against_hand_judgments() {
    let c = seeds();
    let judgments: Vec<(String, String, String, String, String)> =
        include_str!("data/seed_link_judgments.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (
                    f[0].to_string(),
                    f[1].to_string(),
                    f[2].to_string(),
                    f[3].to_string(),
                    f[4].to_string(),
                )
            })
            .collect();
    let judged = |a: &parallax_engine::Claim, b: &parallax_engine::Claim| -> Option<String> {
        let key = |cl: &parallax_engine::Claim| {
            (
                cl.document.to_string(),
                cl.text.chars().take(60).collect::<String>(),
            )
        };
        let (ka, kb) = (key(a), key(b));
        judgments
            .iter()
            .find(|j| {
                ((j.0.clone(), j.1.clone()) == ka && (j.2.clone(), j.3.clone()) == kb)
                    || ((j.0.clone(), j.1.clone()) == kb && (j.2.clone(), j.3.clone()) == ka)
            })
            .map(|j| j.4.clone())
    };
    let mut right = std::collections::HashMap::new();
    let mut wrong = std::collections::HashMap::new();
    let mut unjudged = Vec::new();
    for a in &c.claims {
        for l in &a.related {
            let b = c
                .claims
                .iter()
                .find(|x| x.id == l.claim)
                .expect("link target exists");
            assert_ne!(a.document, b.document, "links join different documents");
            assert!(
                b.related
                    .iter()
                    .any(|back| back.claim == a.id && back.relation == l.relation),
                "links are symmetric"
            );
            if a.id > b.id {
                continue;
            }
            let Some(j) = judged(a, b) else {
                unjudged.push(format!("{:?} {} | {}", l.relation, a.text, b.text));
                continue;
            };
            let ok = match l.relation {
                Relation::Agrees => j == "agrees",
                Relation::Disputes => j == "disputes",
                Relation::Related => j != "unrelated",
            };
            *if ok {
                right.entry(l.relation).or_insert(0)
            } else {
                wrong.entry(l.relation).or_insert(0)
            } += 1;
        }
    }
    assert!(
        unjudged.is_empty(),
        "judge these links in tests/data/seed_link_judgments.tsv:\n{}",
        unjudged.join("\n")
    );
    let get = |m: &std::collections::HashMap<Relation, usize>, r| *m.get(&r).unwrap_or(&0);
    // Agreement is what readers act on: every "agrees" must be right.
    assert_eq!(get(&wrong, Relation::Agrees), 0);
    assert!(get(&right, Relation::Agrees) >= 8);
    assert_eq!(get(&wrong, Relation::Disputes), 0);
    let total_right: usize = right.values().sum();
    let total: usize = total_right + wrong.values().sum::<usize>();
    assert!(total >= 30, "too few links to be useful: {total}");
    assert!(
        total_right as f64 / total as f64 >= 0.80,
        "precision {total_right}/{total}"
    );
}

#[test]
fn the_matters_outlets_share_form_clusters() {
    let c = seeds();
    let m = c
        .clusters
        .iter()
        .find(|m| m.label == "joint fusion mechanism")
        .expect("the fusion cell cluster");
    assert_eq!(
        m.documents.iter().map(|d| &d[..3]).collect::<Vec<_>>(),
        ["000", "002", "003"]
    );
    let freedom = c
        .claims
        .iter()
        .find(|cl| {
            cl.text
                .starts_with("Accordingly, Israel should, for the time being, preserve its freedom")
        })
        .unwrap();
    let other = freedom
        .related
        .iter()
        .find(|l| l.relation == Relation::Agrees)
        .expect("freedom of action agreement");
    assert!(other.claim.starts_with("004_"));
    assert!(other.shared.iter().any(|s| s == "military action"));
}

#[test]
fn the_export_keeps_its_contract() {
    let v = serde_json::to_value(seeds()).unwrap();
    for key in ["documents", "claims", "figures", "entities", "events"] {
        assert!(v[key].is_array(), "{key}");
    }
    let d = &v["documents"][1];
    for key in ["id", "file", "title", "outlet", "author", "date"] {
        assert!(d.get(key).is_some(), "document.{key}");
    }
    assert!(d["outlet"].is_null());
    let cl = &v["claims"][0];
    for key in [
        "id", "document", "text", "start", "end", "kind", "speaker", "related",
    ] {
        assert!(cl.get(key).is_some(), "claim.{key}");
    }
    let f = &v["figures"][0];
    for key in [
        "document", "claim", "value", "unit", "label", "source", "date", "kind",
    ] {
        assert!(f.get(key).is_some(), "figure.{key}");
    }
    assert_eq!(f["unit"], "%");
    let e = &v["entities"][0];
    for key in ["name", "kind", "aliases", "documents"] {
        assert!(e.get(key).is_some(), "entity.{key}");
    }
    for ev in v["events"].as_array().unwrap() {
        let date = ev["date"].as_str().unwrap();
        let ok = matches!(date.len(), 4 | 7 | 10)
            && date.chars().enumerate().all(|(i, ch)| {
                if i == 4 || i == 7 {
                    ch == '-'
                } else {
                    ch.is_ascii_digit()
                }
            });
        assert!(ok, "ISO date {date}");
        for key in ["text", "document", "claim"] {
            assert!(ev.get(key).is_some(), "event.{key}");
        }
    }
    let related = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["related"].as_array().unwrap().clone())
        .next()
        .unwrap();
    assert!(["agrees", "disputes", "related"].contains(&related["relation"].as_str().unwrap()));
}

#[test]
fn building_in_steps_gives_the_same_corpus() {
    let (inputs, diagnostics) = parallax_engine::load::read_folder(&repo_root().join("seeds"));
    let mut builder = parallax_engine::Builder::new(inputs, diagnostics);
    assert_eq!((builder.done(), builder.total()), (0, 5));
    builder.parse_next(2);
    assert_eq!(builder.done(), 2);
    builder.parse_next(10);
    assert_eq!((builder.done(), builder.bytes_left()), (5, 0));
    assert!(builder.finish() == *seeds());
}

//! Articles written for these tests in layouts the seeds do not have: "By X, Outlet" bylines,
//! agency datelines, CRLF with a byte-order mark, Markdown, polls with pollster, sample size and
//! fieldwork dates, and a title with no body.

mod common;

use common::{articles, claim, doc};
use parallax_engine::{ClaimKind, FigureKind, Relation, Severity, SpeakerKind};
use std::path::Path;

fn layouts() -> parallax_engine::Corpus {
    articles("layouts")
}

#[test]
fn spans_stay_exact_with_crlf_and_a_byte_order_mark() {
    let c = layouts();
    common::assert_spans_exact(
        &c,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/layouts"),
    );
    let d = doc(&c, "crlf_bom");
    assert_eq!(d.title.as_deref(), Some("Ceasefire holds in the north"));
    assert_eq!(d.outlet.as_deref(), Some("Levant Observer"));
    assert_eq!(d.author.as_deref(), Some("Omar Demir"));
    assert_eq!(d.date.as_deref(), Some("2025-05-12"));
    assert!(!claim(&c, "crlf_bom", "Aid convoys").text.ends_with('\r'));
}

#[test]
fn by_name_comma_outlet_bylines() {
    let c = layouts();
    let d = doc(&c, "byline_comma");
    assert_eq!(
        d.title.as_deref(),
        Some("Jordan and Syria agree to reopen the Nasib crossing to freight")
    );
    assert_eq!(d.author.as_deref(), Some("Jane Okafor"));
    assert_eq!(d.outlet.as_deref(), Some("Harbor Times"));
    assert_eq!(d.date.as_deref(), Some("2025-03-03"));
    assert_eq!(d.dek, None);
}

#[test]
fn reporting_frames_and_carried_sources() {
    let c = layouts();
    let who = |p: &str| {
        let cl = claim(&c, "byline_comma", p);
        (
            cl.speaker.clone().unwrap_or_default(),
            cl.speaker_kind,
            cl.speaker_carried,
        )
    };
    assert_eq!(
        who("“Trade is the first bridge,”"),
        ("Rania Haddad".into(), Some(SpeakerKind::Person), false)
    );
    assert_eq!(
        who("She said"),
        ("Rania Haddad".into(), Some(SpeakerKind::Person), true)
    );
    assert_eq!(
        who("According to the Jordanian Customs Department"),
        (
            "Jordanian Customs Department".into(),
            Some(SpeakerKind::Organisation),
            false
        )
    );
    assert_eq!(
        who("The department added"),
        (
            "Jordanian Customs Department".into(),
            Some(SpeakerKind::Organisation),
            true
        )
    );
    assert_eq!(
        who("Critics say"),
        ("Critics".into(), Some(SpeakerKind::Unnamed), false)
    );
    assert_eq!(
        claim(&c, "byline_comma", "Amman should link").kind,
        ClaimKind::Recommendation
    );
    assert_eq!(claim(&c, "byline_comma", "Amman should link").speaker, None);
    let local = claim(&c, "crlf_bom", "The ceasefire in the north");
    assert_eq!(
        (local.speaker.as_deref(), local.speaker_kind),
        (Some("local officials"), Some(SpeakerKind::Unnamed))
    );
    assert_eq!(
        claim(&c, "crlf_bom", "Aid convoys").speaker.as_deref(),
        Some("United Nations")
    );
}

#[test]
fn speakers_in_straight_quotes_without_their_ages_roles_and_asides() {
    let c = layouts();
    let who = |p: &str| {
        let cl = claim(&c, "straight_quotes", p);
        (cl.speaker.clone().unwrap_or_default(), cl.speaker_carried)
    };
    // An age, a relative clause and a party-and-place tag are not the name.
    assert_eq!(who("\"This is how a town"), ("Nadia Perrin".into(), false));
    // A new quotation after an attributed one, with no attribution of its own, continues it.
    assert_eq!(
        who("\"People of every trade"),
        ("Nadia Perrin".into(), true)
    );
    assert_eq!(who("\"None of this"), ("Nadia Perrin".into(), true));
    assert_eq!(who("Councillor Mark Ellery"), ("Mark Ellery".into(), false));
    // The surname alone is the person named in full before.
    assert_eq!(who("\"We owe the engineers"), ("Mark Ellery".into(), false));
    assert_eq!(who("\"They caught it"), ("Mark Ellery".into(), true));
    // A role before the name and a word that opens the sentence are not the name.
    assert_eq!(who("But opposition leader"), ("Carla Voss".into(), false));
    assert_eq!(who("Meanwhile the Harbour"), ("Owen Marsh".into(), false));
    // A quotation right after a sentence about a person is theirs; so is a later "he added"
    // (the last person the article spoke of), and "replied" reports speech.
    assert_eq!(who("Harbour master Ruth"), (String::new(), false));
    assert_eq!(
        who("\"They worked until dawn"),
        ("Ruth Okonjo".into(), true)
    );
    assert_eq!(who("The bridge has carried"), ("Ruth Okonjo".into(), true));
    assert_eq!(who("\"Nobody was ever"), ("Ruth Okonjo".into(), false));
    // "has said": the subject stands before the auxiliary; a figure is its speaker's, also
    // when the speaker comes from the sentence before.
    assert_eq!(who("Port director Sam Reid"), ("Sam Reid".into(), false));
    let source = |text: &str| {
        c.figures
            .iter()
            .find(|f| f.text.as_str() == text)
            .and_then(|f| f.source.clone())
    };
    assert_eq!(source("4,000 lorries").as_deref(), Some("Sam Reid"));
    assert_eq!(source("600 jobs").as_deref(), Some("Sam Reid"));
    // A naming verb followed by a quotation reports words: "X described the cracks as “…”".
    assert_eq!(
        who("Chief engineer Lena Frost"),
        ("Lena Frost".into(), false)
    );
    // "the mayor said": the person named after that title before.
    assert_eq!(who("After the vote"), ("Ines Duarte".into(), true));
    // The speaker's role and party tag are kept apart from the name, as written.
    let role = |p: &str| claim(&c, "straight_quotes", p).speaker_role.clone();
    assert_eq!(
        role("But opposition leader").as_deref(),
        Some("opposition leader")
    );
    assert_eq!(
        role("Councillor Mark Ellery").as_deref(),
        Some("Councillor, D-Harbourside")
    );
    assert_eq!(role("\"It is a scandal").as_deref(), Some("Rep., R-Calif."));
    assert_eq!(role("\"This is how a town").as_deref(), None);
    // "the report said": the report named before, by its title.
    assert_eq!(
        who("The report said"),
        ("Crossings Under Strain".into(), true)
    );
    // A sentence may open with the person's employer and role before the name ("Harbour
    // Trust diver Paul Grant"), or with the surname alone once the article named them in full;
    // the next "he said" is theirs, not the mayor's named in between.
    assert_eq!(who("Harbour Trust diver"), (String::new(), false));
    assert_eq!(who("\"It will hold for years"), ("Paul Grant".into(), true));
    // An apposition after the name is not the speaker ("though Grant, a former navy diver,
    // said").
    assert_eq!(who("The council had hoped"), ("Paul Grant".into(), false));
    // The article's own voice has no speaker.
    assert_eq!(who("The town council voted"), (String::new(), false));
}

#[test]
fn agency_datelines_name_the_outlet_and_stay_out_of_claims() {
    let c = layouts();
    let d = doc(&c, "dateline_agency");
    assert_eq!(d.outlet.as_deref(), Some("Reuters"));
    assert_eq!(d.date, None);
    let first = c.claims.iter().find(|cl| cl.document == d.id).unwrap();
    assert!(
        first.text.starts_with("Lebanon's cabinet on Thursday"),
        "{}",
        first.text
    );
    assert_eq!(first.kind, ClaimKind::Report);
    let quote = claim(&c, "dateline_agency", "“We will restore confidence");
    assert_eq!(
        (quote.speaker.as_deref(), quote.kind),
        (Some("Karim Saleh"), ClaimKind::Statement)
    );
    // Named only in a quotation frame, and still a person.
    assert!(c
        .entities
        .iter()
        .any(|e| e.name == "Karim Saleh" && e.mentions.len() == 2));
    // No document date: "on Thursday" and "later this year" are not guessed.
    assert!(!c.events.iter().any(|e| e.document == d.id));
}

#[test]
fn polls_with_pollster_sample_and_words_for_numbers() {
    let c = layouts();
    let d = doc(&c, "poll");
    assert_eq!(
        d.title.as_deref(),
        Some("Most Jordanians back the crossing deal, survey finds")
    );
    assert_eq!(
        d.dek.as_deref(),
        Some("A new poll shows support, but deep doubts about security")
    );
    assert_eq!(d.date.as_deref(), Some("2025-04-20"));
    let figures: Vec<_> = c.figures.iter().filter(|f| f.document == d.id).collect();
    let got: Vec<_> = figures
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.value,
                f.label.as_str(),
                f.population.as_deref(),
                f.sample_size,
                f.source.as_deref(),
                f.kind,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Forty-three per cent",
                43.0,
                "Jordanians back the reopening of the crossing",
                Some("Jordanians"),
                Some(1200),
                Some("Arab Barometer"),
                FigureKind::Poll
            ),
            (
                "31%",
                31.0,
                "said they opposed it",
                Some("Jordanians"),
                Some(1200),
                Some("Arab Barometer"),
                FigureKind::Poll
            ),
            (
                "12%",
                12.0,
                "expect trade to recover within a year",
                Some("Jordanians"),
                Some(1200),
                Some("Arab Barometer"),
                FigureKind::Poll
            ),
        ]
    );
    assert!(figures
        .iter()
        .all(|f| f.date.as_deref() == Some("2025-03-03")));
    assert!(c
        .claims
        .iter()
        .filter(|cl| cl.document == d.id && cl.kind == ClaimKind::Statistic)
        .all(|cl| cl.speaker.as_deref() == Some("Arab Barometer")));
}

#[test]
fn a_poll_names_its_pollster_and_who_it_was_made_for() {
    let c = layouts();
    let poll = doc(&c, "poll_for").id.clone();
    let got: Vec<(f64, Option<&str>, Option<&str>)> = c
        .figures
        .iter()
        .filter(|f| f.document == poll)
        .map(|f| (f.value, f.source.as_deref(), f.commissioned_by.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (58.0, Some("YouGov"), Some("Coast Herald")),
            (27.0, Some("YouGov"), Some("Coast Herald")),
            // Commissioned, but the text does not say who ran it.
            (61.0, None, Some("Harbour Trust")),
        ]
    );
    // A chart names both.
    let sources: Vec<String> = c
        .figures
        .iter()
        .filter(|f| f.document == poll)
        .map(parallax_engine::view::figure_source)
        .collect();
    assert_eq!(
        sources,
        [
            "YouGov for Coast Herald",
            "YouGov for Coast Herald",
            "made for Harbour Trust; who ran it not stated"
        ]
    );
}

#[test]
fn economic_figures_and_counts() {
    let c = layouts();
    let f = |text: &str| {
        c.figures
            .iter()
            .find(|f| f.text == text)
            .unwrap_or_else(|| panic!("figure {text}"))
    };
    let trucks = f("2,400 trucks");
    assert_eq!(
        (
            trucks.value,
            trucks.unit.as_deref(),
            trucks.source.as_deref()
        ),
        (2400.0, Some("trucks"), Some("Jordanian Customs Department"))
    );
    let trade = f("$1.2bn");
    assert_eq!(
        (
            trade.value,
            trade.unit.as_deref(),
            trade.label.as_str(),
            trade.kind
        ),
        (1.2e9, Some("USD"), "trade this year", FigureKind::Economic)
    );
    let lost = f("98%");
    assert_eq!(
        (
            lost.source.as_deref(),
            lost.population.as_deref(),
            lost.kind
        ),
        (Some("World Bank"), None, FigureKind::Economic)
    );
}

#[test]
fn relative_dates_resolve_against_the_byline_date() {
    let c = layouts();
    let when = |doc_prefix: &str, words: &str| {
        let d = doc(&c, doc_prefix);
        c.events
            .iter()
            .find(|e| e.document == d.id && e.when == words)
            .map(|e| (e.date.clone(), e.inferred))
    };
    // 2025-03-03 is a Monday: "on Sunday" in past tense is the day before.
    assert_eq!(
        when("byline_comma", "Sunday"),
        Some(("2025-03-02".into(), true))
    );
    assert_eq!(
        when("byline_comma", "next month"),
        Some(("2025-04".into(), true))
    );
    assert_eq!(
        when("crlf_bom", "Monday"),
        Some(("2025-05-12".into(), true))
    );
}

#[test]
fn a_title_alone_is_a_document_with_a_warning() {
    let c = layouts();
    let d = doc(&c, "title_only");
    assert_eq!(d.title.as_deref(), Some("Water talks stall again"));
    assert!(!c.claims.iter().any(|cl| cl.document == d.id));
    let w = c
        .diagnostics
        .iter()
        .find(|x| x.file == "title_only.txt")
        .expect("a diagnostic");
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.message.contains("no sentences"));
}

#[test]
fn a_plain_contradiction_is_a_dispute() {
    let c = articles("disputes");
    let a = claim(&c, "a.txt", "The Nasib border crossing is open");
    assert_eq!(a.related.len(), 1);
    assert_eq!(a.related[0].relation, Relation::Disputes);
    assert!(a.related[0].claim.starts_with("b-"));
}

#[test]
fn a_refused_demand_disputes_its_assertion_but_not_a_hypothesis_or_a_mention() {
    let c = articles("refusals");
    let relation = |from: &str, prefix: &str, to: &str| {
        claim(&c, from, prefix)
            .related
            .iter()
            .find(|l| l.claim.starts_with(to))
            .map(|l| l.relation)
    };
    // "rejecting …" reaches its whole object, five words on.
    assert_eq!(
        relation("b.txt", "The fisheries ministry is rejecting", "a-"),
        Some(Relation::Disputes)
    );
    // Each pair below is linked (the claims share the limits), and not as a dispute:
    let linked_not_disputed = |from: &str, prefix: &str, to: &str| {
        matches!(
            relation(from, prefix, to),
            Some(Relation::Agrees | Relation::Related)
        )
    };
    // "In the event of a return …" asserts nothing the ministry could reject;
    assert!(linked_not_disputed(
        "b.txt",
        "The fisheries ministry is rejecting",
        "c-"
    ));
    // words the minister refused to say are not what he refused;
    assert!(linked_not_disputed(
        "d.txt",
        "The fisheries minister refused",
        "a-"
    ));
    // a refusal refused is none;
    assert!(linked_not_disputed(
        "e.txt",
        "The fisheries ministry did not reject",
        "a-"
    ));
    // and a refusal's object ends where another verb begins.
    let scope = articles("refusal-scope");
    let restored = claim(&scope, "b.txt", "The fisheries ministry rejected the union")
        .related
        .iter()
        .find(|l| l.claim.starts_with("a-"))
        .map(|l| l.relation);
    assert!(
        matches!(restored, Some(Relation::Agrees | Relation::Related)),
        "{restored:?}"
    );
}

#[test]
fn two_stories_in_one_folder_are_told_apart_and_never_linked() {
    // Two outlets on a dam, two on a stadium; the same former minister speaks in both stories,
    // in words ("Former interior minister Karim Haddad said") that alone would make an `agrees`.
    let c = articles("two-stories");
    let story = |prefix: &str| doc(&c, prefix).story;
    assert_eq!(story("dam-herald"), story("dam-courier"));
    assert_eq!(story("stadium-herald"), story("stadium-courier"));
    assert_ne!(story("dam-herald"), story("stadium-herald"));
    // The file name's first word is the true story.
    let story_of_claim = |id: &parallax_engine::Ref| {
        c.claim(id)
            .and_then(|cl| c.document(&cl.document))
            .map(|d| d.file[..3].to_string())
    };
    for cl in &c.claims {
        for l in &cl.related {
            assert_eq!(
                story_of_claim(&cl.id),
                story_of_claim(&l.claim),
                "{} is linked to {} across stories",
                cl.id.as_str(),
                l.claim.as_str()
            );
        }
    }
    // Within each story the outlets still meet: the cancellation, the vote.
    let dam = claim(&c, "dam-herald", "The government cancelled");
    assert!(dam
        .related
        .iter()
        .any(|l| l.claim.starts_with("dam-courier-")));
    let vote = claim(&c, "stadium-courier", "By nine votes to four");
    assert!(vote
        .related
        .iter()
        .any(|l| l.claim.starts_with("stadium-herald-")));
}

#[test]
fn a_quote_worded_otherwise_is_a_dispute_and_a_trimmed_one_is_not() {
    let c = articles("quote-drift");
    // "within ten years" against "within twenty years": the same sentence, one word changed.
    let ten = claim(&c, "ledger", "\"The harbour will pay");
    let drift = ten
        .related
        .iter()
        .find(|l| l.claim.starts_with("tribune-"))
        .expect("linked to the other outlet's quote");
    assert_eq!(drift.relation, Relation::Disputes);
    assert_eq!(drift.basis, parallax_engine::Basis::Quote);
    assert_eq!(drift.differs, ["ten"]);
    assert_eq!(
        drift.shared,
        ["years, and every family in this city will see it"]
    );
    let twenty = c.claim(&drift.claim).expect("the other claim");
    let back = twenty
        .related
        .iter()
        .find(|l| l.claim == ten.id)
        .expect("both sides");
    assert_eq!(back.differs, ["twenty"]);
    assert_eq!(
        parallax_engine::view::differing_words(&c, ten, drift).as_deref(),
        Some("here “ten”, there “twenty”")
    );
    let map = parallax_engine::view::agreement_map(&c, 50);
    assert_eq!(map.rows[0].disagreement, Some("quoted otherwise"));
    // "… from our schools this year" against "… from our schools": an excerpt, not drift.
    let trimmed = claim(&c, "ledger", "\"We are not going to cut");
    assert!(trimmed
        .related
        .iter()
        .all(|l| l.relation != Relation::Disputes));
}

#[test]
fn one_quantity_given_two_values_is_a_dispute_unless_the_words_allow_both() {
    let c = articles("numbers");
    // 12,000 against 15,000 people displaced by the same flood.
    let displaced = claim(&c, "gazette", "The river flood displaced");
    let link = displaced
        .related
        .iter()
        .find(|l| l.claim.starts_with("post-"))
        .expect("linked to the other outlet");
    assert_eq!(link.relation, Relation::Disputes);
    assert_eq!(link.basis, parallax_engine::Basis::Number);
    assert_eq!(link.differs, ["12,000 people"]);
    assert_eq!(
        parallax_engine::view::differing_words(&c, displaced, link).as_deref(),
        Some("here “12,000 people”, there “15,000 people”")
    );
    // Read side by side: one column per outlet, each with its claim, stance and its own figure.
    let first = &parallax_engine::view::agreement_map(&c, 50).rows[0];
    let side = parallax_engine::view::side_by_side(&c, &first.matter).expect("the matter");
    assert_eq!(side.disagreement, Some("numbers differ"));
    let columns: Vec<(&str, Vec<Option<&str>>)> = side
        .columns
        .iter()
        .map(|col| {
            (
                col.document.as_str(),
                col.claims.iter().map(|c| c.3.as_deref()).collect(),
            )
        })
        .collect();
    assert_eq!(
        columns,
        [
            (
                "gazette",
                vec![Some("here “12,000 people”, there “15,000 people”")]
            ),
            (
                "post",
                vec![Some("here “15,000 people”, there “12,000 people”")]
            ),
        ]
    );
    assert!(side.columns[0].claims[0]
        .1
        .starts_with("The river flood displaced 12,000"));
    assert!(parallax_engine::view::side_by_side(&c, "no such matter").is_none());
    // "more than $2 million" allows "$2.4 million": the outlets agree.
    let cost = claim(&c, "gazette", "Repairs to the flood barrier");
    assert!(!cost.related.is_empty());
    assert!(cost.related.iter().all(|l| l.relation == Relation::Agrees));
    // On the map, the disagreement is the first row, named as such; the agreements follow.
    let map = parallax_engine::view::agreement_map(&c, 50);
    let named: Vec<Option<&str>> = map.rows.iter().map(|r| r.disagreement).collect();
    assert_eq!(named, [Some("numbers differ"), None, None]);
    // Each cell says how its outlet stands, in words and a glyph: the cost row has one outlet
    // citing the water board and one stating it in its own voice.
    let cost_row = map
        .rows
        .iter()
        .find(|r| {
            r.cells
                .iter()
                .any(|c| c.claims.contains(&cost.id.to_string()))
        })
        .expect("the repairs row");
    let mut cells: Vec<&str> = cost_row.cells.iter().map(|c| c.label.as_str()).collect();
    cells.sort_unstable();
    assert_eq!(cells, ["✓ asserts (1)", "❝ reports (1)"]);
    assert_eq!(
        map.rows[0]
            .cells
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>(),
        ["≠ disputes (1)", "≠ disputes (1)"]
    );
}

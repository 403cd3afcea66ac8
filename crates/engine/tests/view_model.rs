#![allow(clippy::disallowed_methods)] // test oracles lowercase whole strings, never slice with the result
//! The page's questions answered on the seeds: filter combinations, facet counts that follow the
//! other filters, search, the agreement map, citations.

mod common;

use common::seeds;
use parallax_engine::view::{
    agreement_map, citation, facet_counts, filter, SearchIndex, Stance, ViewState, OWN_VOICE,
};
use parallax_engine::ClaimKind;

fn ids(state: &ViewState) -> Vec<String> {
    let c = seeds();
    filter(c, &SearchIndex::new(c), state)
        .into_iter()
        .map(|i| c.claims[i].id.to_string())
        .collect()
}

fn doc_id(prefix: &str) -> String {
    seeds()
        .documents
        .iter()
        .find(|d| d.id.starts_with(prefix))
        .unwrap()
        .id
        .to_string()
}

#[test]
fn outlet_and_kind_filters_combine() {
    let state = ViewState {
        documents: vec![doc_id("000")],
        kinds: vec![ClaimKind::Statistic],
        ..Default::default()
    };
    let found = ids(&state);
    assert_eq!(
        found,
        [
            "000_1b83a7cde25d4666-c14",
            "000_1b83a7cde25d4666-c15",
            "000_1b83a7cde25d4666-c16"
        ]
    );
    // Two outlets are an OR; two kinds are an OR; the groups AND together.
    let state = ViewState {
        documents: vec![doc_id("000"), doc_id("003")],
        kinds: vec![ClaimKind::Statistic, ClaimKind::Statement],
        ..Default::default()
    };
    assert_eq!(ids(&state).len(), 3 + 2 + 1);
}

#[test]
fn facet_counts_follow_the_other_filters_but_not_their_own() {
    let c = seeds();
    let index = SearchIndex::new(c);
    let state = ViewState {
        kinds: vec![ClaimKind::Statistic],
        ..Default::default()
    };
    let f = facet_counts(c, &index, &state);
    let docs: Vec<usize> = f.documents.iter().map(|v| v.count).collect();
    assert_eq!(docs, [3, 0, 0, 2, 0]);
    // The kind facet ignores the kind filter itself: it shows what choosing another kind gives.
    let kinds: Vec<(String, usize, bool)> = f
        .kinds
        .iter()
        .map(|v| (v.key.clone(), v.count, v.selected))
        .collect();
    assert_eq!(kinds[0], ("report".to_string(), 69, false));
    assert_eq!(kinds[2], ("statistic".to_string(), 5, true));
    assert_eq!(
        f.kinds.iter().map(|v| v.count).sum::<usize>(),
        c.claims.len()
    );
    // With an outlet chosen, kinds count within it.
    let state = ViewState {
        documents: vec![doc_id("002")],
        ..Default::default()
    };
    let f = facet_counts(c, &index, &state);
    assert_eq!(f.kinds.iter().map(|v| v.count).sum::<usize>(), 24);
    assert_eq!(f.speakers[0].key, OWN_VOICE);
    assert_eq!(f.speakers[0].count, 20);
    assert_eq!(
        (f.speakers[1].key.as_str(), f.speakers[1].count),
        ("US State Department", 4)
    );
}

#[test]
fn search_matches_words_in_any_order_ignoring_case_and_accents() {
    let state = ViewState {
        query: "FREEDOM action".into(),
        ..Default::default()
    };
    let found = ids(&state);
    assert_eq!(found.len(), 4);
    assert!(found.iter().all(|id| {
        let t = &seeds()
            .claims
            .iter()
            .find(|c| &c.id == id)
            .unwrap()
            .text
            .to_lowercase();
        t.contains("freedom") && t.contains("action")
    }));
    assert_eq!(
        ids(&ViewState {
            query: "turkiye".into(),
            ..Default::default()
        })
        .len(),
        2
    );
    // A name spelt in another house style finds the same claims: with or without the Arabic
    // article, an apostrophe or a doubled letter.
    let spelt = |query: &str| {
        ids(&ViewState {
            query: query.into(),
            ..Default::default()
        })
    };
    let shara = spelt("Shara");
    assert_eq!(shara.len(), 20);
    assert_eq!(spelt("Sharaa"), shara);
    assert_eq!(spelt("al-Shara’a"), shara);
    assert_eq!(spelt("Al-Sharaa's"), shara);
    // Speakers and outlets are searchable too.
    assert_eq!(
        ids(&ViewState {
            query: "foreign policy".into(),
            ..Default::default()
        })
        .len(),
        3
    );
    assert!(ids(&ViewState {
        query: "no such words anywhere".into(),
        ..Default::default()
    })
    .is_empty());
}

#[test]
fn entity_speaker_and_matter_filters() {
    let jfm = ids(&ViewState {
        entities: vec!["joint-fusion-mechanism".into()],
        ..Default::default()
    });
    assert_eq!(jfm.len(), 7); // six name it, one says "under the cover of the JFM"
    let own = ids(&ViewState {
        speakers: vec![OWN_VOICE.into()],
        ..Default::default()
    });
    assert_eq!(own.len(), seeds().claims.len() - 13);
    let matter = ids(&ViewState {
        matter: Some("m1".into()),
        ..Default::default()
    });
    assert_eq!(
        matter,
        [
            "000_1b83a7cde25d4666-c5",
            "002_7846cf1592b80a6b-c8",
            "003_c669463cf1b12eb2-c4"
        ]
    );
    let mut state = ViewState {
        matter: Some("m1".into()),
        query: "x".into(),
        ..Default::default()
    };
    assert!(state.has_filters());
    state.clear_filters();
    assert!(!state.has_filters());
}

#[test]
fn the_agreement_map_shows_who_asserts_and_who_is_silent() {
    let map = agreement_map(seeds(), usize::MAX);
    assert_eq!(map.rows.len(), seeds().clusters.len());
    // Every outlet of a small corpus, by its name; an article that states neither outlet nor
    // title by its opening words, never by its file name.
    assert_eq!(
        map.columns
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>(),
        [
            "The Palestine Chronicle",
            "“On January 6, the United States…”",
            "Clash Report",
            "Ynet News",
            "Israel-Syria security talks make headway in Paris"
        ]
    );
    // The seeds' one disagreement comes first: Ynet News rejects the return to the 1974 lines
    // that the last article asserts, so each disputes the other.
    let first = &map.rows[0];
    assert_eq!(first.label, "Disengagement Agreement");
    assert_eq!(first.disagreement, Some("disputed"));
    assert_eq!(
        first.cells.iter().map(|c| c.stance).collect::<Vec<_>>(),
        [
            Stance::Silent,
            Stance::Silent,
            Stance::Silent,
            Stance::Disputes,
            Stance::Disputes
        ]
    );
    assert!(map.rows[1..].iter().all(|r| r.disagreement.is_none()));
    let row = &map.rows[1];
    assert_eq!(row.label, "joint fusion mechanism");
    let stances: Vec<Stance> = row.cells.iter().map(|c| c.stance).collect();
    assert_eq!(
        stances,
        [
            Stance::Asserts,
            Stance::Silent,
            Stance::Asserts,
            Stance::Asserts,
            Stance::Silent
        ]
    );
    assert_eq!(row.cells[2].claims, ["002_7846cf1592b80a6b-c8"]);
    // In words and a glyph, never colour alone; a silent outlet says nothing on the matter.
    assert_eq!(row.cells[1].label, "– silent");
    for cell in row.cells.iter().filter(|c| c.stance == Stance::Asserts) {
        let claim = seeds()
            .claims
            .iter()
            .find(|c| c.id == cell.claims[0])
            .expect("the cell's claim");
        assert!(
            cell.label
                .starts_with(&parallax_engine::view::stance_label(claim.stance)),
            "{}",
            cell.label
        );
    }
    let two = agreement_map(seeds(), 2);
    assert_eq!(two.rows.len(), 2);
    assert_eq!(two.more_rows, seeds().clusters.len() - 2);
    let spread: Vec<usize> = map.rows[1..]
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .filter(|c| c.stance != Stance::Silent)
                .count()
        })
        .collect();
    assert!(
        spread.windows(2).all(|w| w[0] >= w[1]),
        "after the disagreements, widest matters first: {spread:?}"
    );
}

#[test]
fn citations_say_what_is_and_is_not_stated() {
    let c = seeds();
    let claim = c
        .claims
        .iter()
        .find(|x| x.id == "001_650089dbfd7d6cb8-c3")
        .unwrap();
    let cite = citation(c, claim);
    assert!(
        cite.starts_with("“According to reports, Israel allegedly also agreed"),
        "{cite}"
    );
    assert!(cite.contains("(according to reports)"));
    assert!(cite.contains("outlet: not stated; author: not stated; date: not stated."));
    assert!(cite.contains(&format!("bytes {}–{}", claim.start, claim.end)));
}

#[test]
fn a_large_corpus_maps_only_the_documents_that_speak() {
    let corpus =
        parallax_engine::build(parallax_engine::synthetic::inputs(60, 2500, 11), Vec::new());
    assert!(corpus.clusters.len() > 10, "{}", corpus.clusters.len());
    let map = agreement_map(&corpus, 10);
    assert_eq!(map.rows.len(), 10);
    // A matter is a row when at least two outlets speak to it.
    let outlet_of = |id: &str| {
        corpus
            .documents
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.outlet.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let two_outlets = corpus
        .clusters
        .iter()
        .filter(|m| {
            let mut outlets: Vec<String> = m.documents.iter().map(|d| outlet_of(d)).collect();
            outlets.sort();
            outlets.dedup();
            outlets.len() >= 2
        })
        .count();
    assert!(
        two_outlets < corpus.clusters.len(),
        "some matters have one outlet"
    );
    assert_eq!(map.more_rows, two_outlets - 10);
    assert_eq!(
        map.columns.len(),
        parallax_engine::view::MAP_ALL_COLUMNS,
        "a large corpus gets the columns that speak the most"
    );
    // No outlet left out speaks to more shown matters than a column does.
    let speaks = |docs: &[String]| {
        corpus
            .clusters
            .iter()
            .filter(|m| map.rows.iter().any(|r| r.matter == m.id))
            .filter(|m| m.documents.iter().any(|d| docs.iter().any(|x| x == d)))
            .count()
    };
    let least_shown = map
        .columns
        .iter()
        .map(|c| speaks(&c.documents))
        .min()
        .unwrap();
    for (label, docs) in parallax_engine::view::outlet_columns(&corpus) {
        if !map.columns.iter().any(|c| c.label == label) {
            let ids: Vec<String> = docs
                .iter()
                .map(|&d| corpus.documents[d].id.to_string())
                .collect();
            assert!(speaks(&ids) <= least_shown, "{label} left out");
        }
    }
    for (k, c) in map.columns.iter().enumerate() {
        assert!(
            map.rows.iter().any(|r| r.cells[k].stance != Stance::Silent),
            "{} is a column but speaks to no shown matter",
            c.label
        );
    }
}

#[test]
fn several_articles_of_one_outlet_share_its_column() {
    // The seeds twice over: each outlet has two articles, in one column of the map.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (mut inputs, _) = parallax_engine::load::read_folder(&dir);
    let copies: Vec<parallax_engine::Input> = inputs
        .iter()
        .map(|i| parallax_engine::Input {
            file: format!("again-{}", i.file),
            bytes: i.bytes.clone(),
        })
        .collect();
    inputs.extend(copies);
    let corpus = parallax_engine::build(inputs, Vec::new());
    let map = agreement_map(&corpus, usize::MAX);
    // The three seeds that state their outlet share a column with their copy; the two that do
    // not are each a column of their own, even with the same words: two unnamed articles are
    // never one source.
    let sizes: Vec<(&str, usize)> = map
        .columns
        .iter()
        .map(|c| (c.label.as_str(), c.documents.len()))
        .collect();
    assert_eq!(
        sizes,
        [
            ("The Palestine Chronicle", 2),
            ("“On January 6, the United States…”", 1),
            ("Clash Report", 2),
            ("Ynet News", 2),
            ("Israel-Syria security talks make headway in Paris", 1),
            ("“On January 6, the United States…”", 1),
            ("Israel-Syria security talks make headway in Paris", 1),
        ]
    );
    // A cell holds the claims of both articles of its outlet, and names them.
    let row = &map.rows[0];
    for (column, cell) in map.columns.iter().zip(&row.cells) {
        let of_outlet: Vec<String> = corpus
            .documents
            .iter()
            .filter(|d| match &d.outlet {
                Some(o) => *o == column.label,
                None => column.documents.iter().any(|x| *x == d.id),
            })
            .map(|d| d.id.to_string())
            .collect();
        assert_eq!(cell.documents, of_outlet);
        for id in &cell.claims {
            let claim = corpus.claims.iter().find(|c| c.id == *id).expect("a claim");
            assert!(column.documents.iter().any(|d| *d == claim.document));
        }
    }
}

#[test]
fn the_token_index_finds_exactly_what_a_text_scan_finds() {
    let corpus =
        parallax_engine::build(parallax_engine::synthetic::inputs(40, 2500, 5), Vec::new());
    let index = SearchIndex::new(&corpus);
    let folded = |s: &str| s.to_lowercase();
    for query in [
        "m",
        "min",
        "minister said",
        "er s",
        "per cent",
        "talks",
        "zzz",
        "a-b",
    ] {
        let state = ViewState {
            query: query.into(),
            ..ViewState::default()
        };
        let scan: Vec<usize> = corpus
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let doc = corpus
                    .documents
                    .iter()
                    .find(|d| d.id == c.document)
                    .unwrap();
                let hay = folded(&format!(
                    "{}\n{}\n{}\n{}",
                    c.text,
                    c.speaker.as_deref().unwrap_or(""),
                    doc.outlet.as_deref().unwrap_or(""),
                    doc.author.as_deref().unwrap_or("")
                ));
                query.split_whitespace().all(|w| hay.contains(&folded(w)))
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(filter(&corpus, &index, &state), scan, "query {query:?}");
    }
}

#[test]
fn long_facets_are_shortlisted_by_count_keeping_the_selection() {
    let value = |key: &str, count: usize, selected: bool| parallax_engine::view::FacetValue {
        key: key.into(),
        label: key.into(),
        count,
        selected,
    };
    let values = vec![
        value("a", 1, false),
        value("b", 9, false),
        value("c", 0, true),
        value("d", 5, false),
        value("e", 7, false),
    ];
    let (kept, hidden) = parallax_engine::view::shortlist(&values, 2);
    let keys: Vec<&str> = kept.iter().map(|v| v.key.as_str()).collect();
    assert_eq!(keys, ["b", "c", "e"]);
    assert_eq!(hidden, 2);
    assert_eq!(parallax_engine::view::shortlist(&values, 5).1, 0);
}

#[test]
fn claims_are_counted_by_document_and_kind() {
    let counts = parallax_engine::view::claims_by_kind(seeds());
    assert_eq!(counts.len(), 5);
    // ClaimKind::ALL order: report, statement, statistic, assessment, prediction, recommendation.
    assert_eq!(counts[0], [18, 1, 3, 23, 13, 1]);
    assert_eq!(counts[2], [7, 4, 0, 13, 0, 0]);
    assert_eq!(counts.iter().flatten().sum::<usize>(), seeds().claims.len());
}

#[test]
fn headings_are_shown_without_their_markdown_marker() {
    use parallax_engine::view::heading_text;
    assert_eq!(
        heading_text("# Harbour bridge reopens"),
        "Harbour bridge reopens"
    );
    assert_eq!(heading_text("## What next"), "What next");
    assert_eq!(heading_text("#hashtag politics"), "#hashtag politics");
    assert_eq!(heading_text("Plain title"), "Plain title");
}

#[test]
fn the_tab_title_says_what_is_on_screen() {
    use parallax_engine::view::{page_title, Tab, SITE_TITLE};
    let c = seeds();
    let title = |state: ViewState| page_title(c, &state);
    assert_eq!(
        title(ViewState::default()),
        format!("Overview · {SITE_TITLE}")
    );
    assert_eq!(
        title(ViewState {
            tab: Tab::Claims,
            query: "  fusion mechanism ".into(),
            ..Default::default()
        }),
        format!("Search “fusion mechanism” · Claims · {SITE_TITLE}")
    );
    // A selected claim: its opening words and its outlet.
    assert_eq!(
        title(ViewState {
            tab: Tab::Claims,
            claim: Some(c.claims[0].id.to_string()),
            ..Default::default()
        }),
        format!(
            "“On January 6, 2026, a joint statement was…” (The Palestine Chronicle) · {SITE_TITLE}"
        )
    );
    // The article being read, by its title.
    assert_eq!(
        title(ViewState {
            tab: Tab::Reader,
            read: Some(c.documents[2].id.to_string()),
            ..Default::default()
        }),
        format!(
            "Israel and Syria Open U.S.-Supervised Intelligence Mechanism · Reader · {SITE_TITLE}"
        )
    );
}

#[test]
fn names_match_across_spellings_but_common_words_do_not() {
    let corpus = parallax_engine::build(
        vec![parallax_engine::Input {
            file: "a.txt".into(),
            bytes: "Talks resume\n\nThe latter plan failed after weeks of talks in the capital.\n\nAl-Sharaa met the envoys on Monday to discuss the border crossings.\n"
                .as_bytes()
                .to_vec(),
        }],
        Vec::new(),
    );
    let index = SearchIndex::new(&corpus);
    let found = |q: &str| {
        filter(
            &corpus,
            &index,
            &ViewState {
                query: q.into(),
                ..Default::default()
            },
        )
        .len()
    };
    assert_eq!(found("Sharaa"), 1);
    assert_eq!(found("al-Shara’a"), 1);
    assert_eq!(found("latter"), 1);
    assert_eq!(
        found("later"),
        0,
        "a common word is not a name spelt otherwise"
    );
}

#[test]
fn the_story_up_front_names_what_most_outlets_report_and_where_they_differ() {
    use parallax_engine::view::{reported_by, story_lines, STORY_LINES};
    let c = seeds();
    let map = agreement_map(c, 30);
    let story = story_lines(c, &map);
    assert_eq!(story.outlets, 5);
    assert!(!story.reported.is_empty() && story.reported.len() <= STORY_LINES);
    // Most outlets first, each count what the map's row shows.
    assert!(story.reported.windows(2).all(|w| w[0].2 >= w[1].2));
    for (matter, label, n) in &story.reported {
        let row = map
            .rows
            .iter()
            .find(|r| r.matter == *matter)
            .expect("its row");
        assert_eq!(row.label, *label);
        assert!(row.disagreement.is_none());
        assert_eq!(
            row.cells
                .iter()
                .filter(|c| c.stance != Stance::Silent)
                .count(),
            *n
        );
    }
    // Where they differ: the map's disagreement rows, in its order.
    let differ: Vec<&str> = map
        .rows
        .iter()
        .filter(|r| r.disagreement.is_some())
        .map(|r| r.matter.as_str())
        .take(STORY_LINES)
        .collect();
    assert_eq!(
        story
            .differ
            .iter()
            .map(|d| d.0.as_str())
            .collect::<Vec<_>>(),
        differ
    );
    assert_eq!(reported_by(5, 5), "all 5 outlets report");
    assert_eq!(reported_by(3, 5), "3 of 5 outlets report");
}

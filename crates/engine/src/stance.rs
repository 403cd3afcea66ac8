//! How a claim stands toward what it says: it asserts it in the outlet's voice, reports someone
//! else's position, hedges ("could", "allegedly", "if"), or rejects it ("not", "denied", "far
//! from"), with the words that carry the stance so a card can show why.
//!
//! Read from cue words (`data/stance_cues.tsv`), the first that applies: a denial verb rejects;
//! an attributed, quoted or reported claim reports; a negation rejects; a hedge hedges; else the
//! claim asserts. This is the claim's own stance, not its stance toward a matter: "lawmakers did
//! not read the 18th Amendment" rejects here, while toward "was the amendment skipped?" it asserts.

use crate::model::StanceKind;
use crate::text::Tokens;
use crate::vocab::vocab;

/// The stance of a claim whose words are `tokens` (offsets from the claim's start) and whose
/// `text` is the claim, attributed to a speaker or not, and the span of the words that carry it
/// (none for a plain assertion or report).
pub fn stance_of(
    tokens: &Tokens,
    text: &str,
    attributed: bool,
) -> (StanceKind, Option<(usize, usize)>) {
    let v = vocab();
    // A cue capitalised inside a sentence is a name, not the word ([`crate::text::cue_is_name`]).
    let first = |set| {
        tokens
            .find(set)
            .into_iter()
            .filter(|m| !crate::text::cue_is_name(text, m.start))
            .min_by_key(|m| m.start)
    };
    // A denial is the claim's stance whoever speaks: "Weiner denied sending the photo".
    if let Some(m) = first(&v.denial_cues) {
        return (StanceKind::Rejects, Some((m.start, m.end)));
    }
    // Someone else's words: attributed, quoted, or introduced by a reporting verb.
    let quoted = text.trim_start().starts_with(['“', '"', '‘']);
    if attributed || quoted {
        return (StanceKind::Reports, None);
    }
    for (kind, set) in [
        (StanceKind::Rejects, &v.reject_cues),
        (StanceKind::Hedges, &v.hedge_cues),
    ] {
        if let Some(m) = first(set) {
            return (kind, Some((m.start, m.end)));
        }
    }
    (StanceKind::Asserts, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stance(text: &str, attributed: bool) -> (StanceKind, Option<&str>) {
        let (kind, cue) = stance_of(&Tokens::new(text), text, attributed);
        (kind, cue.map(|(s, e)| &text[s..e]))
    }

    #[test]
    fn denial_then_attribution_then_negation_then_hedge() {
        use StanceKind::*;
        assert_eq!(
            stance("Weiner denied sending the photo on Wednesday.", true),
            (Rejects, Some("denied"))
        );
        assert_eq!(
            stance("The mechanism could not be a path to peace, he said.", true),
            (Reports, None)
        );
        assert_eq!(
            stance("“It was a prank,” the congressman told reporters.", false),
            (Reports, None)
        );
        assert_eq!(
            stance("It is not a pathway to normalization.", false),
            (Rejects, Some("not"))
        );
        assert_eq!(
            stance("The deal didn’t include any Syrian commitment.", false),
            (Rejects, Some("didn’t"))
        );
        assert_eq!(
            stance("The strikes allegedly killed four people.", false),
            (Hedges, Some("allegedly"))
        );
        assert_eq!(
            stance(
                "Israel and Syria agreed to set up a joint mechanism.",
                false
            ),
            (Asserts, None)
        );
    }

    #[test]
    fn a_cue_capitalised_inside_the_claim_is_a_name() {
        use StanceKind::*;
        assert_eq!(
            stance("The union has been on strike since May.", false),
            (Asserts, None)
        );
        assert_eq!(
            stance("May the talks resume, the union asked.", false),
            (Hedges, Some("May"))
        );
        assert_eq!(
            stance("“May the talks resume,” the union wrote.", false),
            (Reports, None)
        );
        assert_eq!(
            stance("The answer was plain: No talks before the vote.", false),
            (Rejects, Some("No"))
        );
        assert_eq!(
            stance("The union, Never Again, held a vote.", false),
            (Asserts, None)
        );
    }
}

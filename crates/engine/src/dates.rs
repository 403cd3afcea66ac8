//! Dates in article text: absolute ("January 7, 2026", "6 January 2026", "December of 2024"),
//! partial ("in 2025", "the October elections") and relative ("last Sunday", "later this year").
//!
//! A date is only ever resolved against the document's own stated date; when the document states
//! none, a year-less or relative date stays unresolved rather than guessed.

use crate::text::{is_space, words, Word};

const MONTHS: [(&str, u32); 23] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
];
const DEC: (&str, u32) = ("dec", 12);
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A calendar date with optional month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Ymd {
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
    pub fn parse_iso(s: &str) -> Option<Ymd> {
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().and_then(|m| m.parse().ok());
        let day = parts.next().and_then(|d| d.parse().ok());
        Some(Ymd { year, month, day })
    }
}

/// What a date phrase says before it is resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateExpr {
    /// Year known; month and day if stated.
    Absolute(Ymd),
    /// Month (and day) without a year.
    NoYear { month: u32, day: Option<u32> },
    /// "last Sunday" (strict = true), "Tuesday" (strict = false): a weekday relative to the date.
    Weekday {
        weekday: u32,
        strict: bool,
        forward: bool,
    },
    /// Whole years from the document's year: "this year" 0, "last year" -1.
    YearOffset(i32),
    /// Whole months from the document's month.
    MonthOffset(i32),
    /// Days from the document date: "yesterday" -1.
    DayOffset(i32),
    /// Weeks from the document's week: "this week" 0, "last week" -1.
    WeekOffset(i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
}

impl DateMention {
    /// A full date: year, month and day all stated.
    fn day(start: usize, end: usize, year: i32, month: u32, day: u32) -> DateMention {
        DateMention {
            start,
            end,
            expr: DateExpr::Absolute(Ymd {
                year,
                month: Some(month),
                day: Some(day),
            }),
        }
    }

    /// Resolves against the document date; returns the date and whether it was inferred.
    pub fn resolve(&self, doc: Option<Ymd>) -> Option<(Ymd, bool)> {
        if let DateExpr::Absolute(d) = self.expr {
            return Some((d, false));
        }
        let doc = doc?;
        let resolved = match self.expr {
            DateExpr::Absolute(_) => unreachable_absolute(doc),
            DateExpr::NoYear { month, day } => Ymd {
                year: doc.year,
                month: Some(month),
                day,
            },
            DateExpr::YearOffset(n) => Ymd {
                year: doc.year + n,
                month: None,
                day: None,
            },
            DateExpr::MonthOffset(n) => {
                let m = doc.month? as i32 - 1 + n;
                Ymd {
                    year: doc.year + m.div_euclid(12),
                    month: Some(m.rem_euclid(12) as u32 + 1),
                    day: None,
                }
            }
            DateExpr::DayOffset(n) => from_days(to_days(full(doc)?) + n as i64),
            DateExpr::WeekOffset(n) => {
                let days = to_days(full(doc)?);
                // A week is only as precise as the month (or year) it lies in.
                let monday = from_days(days - weekday_of(days) as i64 + 7 * n as i64);
                let sunday = from_days(days - weekday_of(days) as i64 + 7 * n as i64 + 6);
                if monday.year != sunday.year {
                    return None;
                }
                let month = (monday.month == sunday.month)
                    .then_some(monday.month)
                    .flatten();
                Ymd {
                    year: monday.year,
                    month,
                    day: None,
                }
            }
            DateExpr::Weekday {
                weekday,
                strict,
                forward,
            } => {
                let days = to_days(full(doc)?);
                let today = weekday_of(days) as i64;
                let target = weekday as i64;
                let delta = if forward {
                    let mut d = (target - today).rem_euclid(7);
                    if d == 0 && strict {
                        d = 7;
                    }
                    d
                } else {
                    let mut d = -(today - target).rem_euclid(7);
                    if d == 0 && strict {
                        d = -7;
                    }
                    d
                };
                from_days(days + delta)
            }
        };
        Some((resolved, true))
    }
}

fn unreachable_absolute(doc: Ymd) -> Ymd {
    doc
}

fn full(d: Ymd) -> Option<(i32, u32, u32)> {
    Some((d.year, d.month?, d.day?))
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn to_days((y, m, d): (i32, u32, u32)) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The calendar date of a day counted from 1970-01-01 (for build dates).
pub fn date_from_unix_days(days: i64) -> Ymd {
    from_days(days)
}

fn from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Ymd {
        year: (if m <= 2 { y + 1 } else { y }) as i32,
        month: Some(m),
        day: Some(d),
    }
}

/// 0 = Monday.
fn weekday_of(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

fn month_of(word: &str) -> Option<u32> {
    let w = crate::text::lower(word.trim_end_matches('.'));
    MONTHS
        .iter()
        .chain(std::iter::once(&DEC))
        .find(|(n, _)| *n == w)
        .map(|(_, m)| *m)
}

fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = word.parse().ok()?;
    (1800..=2199).contains(&y).then_some(y)
}

fn valid_day(y: i32, m: u32, d: u32) -> bool {
    let dim = match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d >= 1 && d <= dim
}

/// Words that may stand before a bare month or year to make it a date ("in 2025", "the October
/// elections").
const DATE_PREPS: [&str; 14] = [
    "in", "since", "by", "until", "till", "early", "late", "mid", "the", "last", "next", "this",
    "of", "from",
];

/// Lowercase words that can open a relative date.
const DATE_STARTS: [&str; 7] = [
    "yesterday",
    "today",
    "tomorrow",
    "this",
    "last",
    "next",
    "past",
];

fn lower_word(w: &Word) -> String {
    crate::text::lower(w.text)
}

/// Finds date phrases in `s`; spans are offset by `base`.
pub fn find_dates(s: &str, base: usize) -> Vec<DateMention> {
    find_dates_in(s, base, &words(s, base))
}

/// [`find_dates`] given the words of `s` already read (spans offset by `base`).
pub fn find_dates_in(s: &str, base: usize, ws: &[Word]) -> Vec<DateMention> {
    let forward = {
        let l = crate::text::Folded::new(s);
        l.contains(" will ") || l.contains("upcoming")
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        // Most words are neither numbers nor date words: skip them before any allocation.
        let first = w.text.chars().next().unwrap_or(' ');
        if !(first.is_ascii_digit() || first.is_uppercase() || DATE_STARTS.contains(&w.text)) {
            i += 1;
            continue;
        }
        let lw = lower_word(w);
        let next = ws.get(i + 1);
        let next2 = ws.get(i + 2);
        let prev = if i > 0 {
            Some(lower_word(&ws[i - 1]))
        } else {
            None
        };
        // ISO 2026-01-07 (words split at dashes)
        if let (Some(y), Some(m), Some(d)) = (year_of(w.text), next, next2) {
            let gap1 = &s[w.end - base..m.start - base];
            let gap2 = &s[m.end - base..d.start - base];
            if gap1 == "-" && gap2 == "-" && m.text.len() == 2 && d.text.len() == 2 {
                if let (Ok(mm), Ok(dd)) = (m.text.parse::<u32>(), d.text.parse::<u32>()) {
                    if (1..=12).contains(&mm) && valid_day(y, mm, dd) {
                        out.push(DateMention {
                            start: w.start,
                            end: d.end,
                            expr: DateExpr::Absolute(Ymd {
                                year: y,
                                month: Some(mm),
                                day: Some(dd),
                            }),
                        });
                        i += 3;
                        continue;
                    }
                }
            }
        }
        if let Some(m) = month_of(w.text).filter(|_| w.is_capitalised()) {
            let is_abbrev =
                w.text.len() <= 4 && !matches!(lower_word(w).as_str(), "may" | "june" | "july");
            // Month Day[,] Year | Month Day | Month [of] Year
            if let Some(d) = next.and_then(|n| day_of(n.text)) {
                if let Some(y) = next2.and_then(|n| year_of(n.text)) {
                    if valid_day(y, m, d) {
                        out.push(DateMention::day(w.start, ws[i + 2].end, y, m, d));
                        i += 3;
                        continue;
                    }
                }
                if !is_abbrev || s[w.end - base..].starts_with('.') {
                    out.push(DateMention {
                        start: w.start,
                        end: ws[i + 1].end,
                        expr: DateExpr::NoYear {
                            month: m,
                            day: Some(d),
                        },
                    });
                    i += 2;
                    continue;
                }
            }
            let (year_word, used) = match (next, next2) {
                (Some(n), Some(n2)) if n.text == "of" => (year_of(n2.text), 3),
                (Some(n), _) => (year_of(n.text), 2),
                _ => (None, 0),
            };
            if let Some(y) = year_word {
                out.push(DateMention {
                    start: w.start,
                    end: ws[i + used - 1].end,
                    expr: DateExpr::Absolute(Ymd {
                        year: y,
                        month: Some(m),
                        day: None,
                    }),
                });
                i += used;
                continue;
            }
            let modal = lw == "may" || lw == "march";
            if !is_abbrev
                && prev.as_deref().is_some_and(|p| DATE_PREPS.contains(&p))
                && !(modal && prev.as_deref() != Some("in"))
            {
                out.push(DateMention {
                    start: w.start,
                    end: w.end,
                    expr: DateExpr::NoYear {
                        month: m,
                        day: None,
                    },
                });
            }
            i += 1;
            continue;
        }
        // Day Month [Year]
        if let (Some(d), Some(n)) = (day_of(w.text), next) {
            if let Some(m) = month_of(n.text).filter(|_| n.is_capitalised()) {
                if let Some(y) = next2.and_then(|n2| year_of(n2.text)) {
                    if valid_day(y, m, d) {
                        out.push(DateMention::day(w.start, ws[i + 2].end, y, m, d));
                        i += 3;
                        continue;
                    }
                }
                out.push(DateMention {
                    start: w.start,
                    end: n.end,
                    expr: DateExpr::NoYear {
                        month: m,
                        day: Some(d),
                    },
                });
                i += 2;
                continue;
            }
        }
        // bare year after a preposition
        if let Some(y) = year_of(w.text) {
            let after_word = s[w.end - base..].chars().next();
            let is_prep = prev
                .as_deref()
                .is_some_and(|p| DATE_PREPS.contains(&p) && p != "the");
            if is_prep && !after_word.is_some_and(|c| c == '-' || c.is_alphanumeric()) {
                out.push(DateMention {
                    start: w.start,
                    end: w.end,
                    expr: DateExpr::Absolute(Ymd {
                        year: y,
                        month: None,
                        day: None,
                    }),
                });
            }
            i += 1;
            continue;
        }
        // weekdays
        if let Some(wd) = WEEKDAYS
            .iter()
            .position(|d| *d == lw)
            .filter(|_| w.is_capitalised())
        {
            let (start, strict, fwd) = match prev.as_deref() {
                Some("last") => (ws[i - 1].start, true, false),
                Some("next") => (ws[i - 1].start, true, true),
                Some("this") => (ws[i - 1].start, false, forward),
                _ => (w.start, false, forward),
            };
            out.push(DateMention {
                start,
                end: w.end,
                expr: DateExpr::Weekday {
                    weekday: wd as u32,
                    strict,
                    forward: fwd,
                },
            });
            i += 1;
            continue;
        }
        // relative words
        let two = next.map(|n| format!("{lw} {}", lower_word(n)));
        let rel = match lw.as_str() {
            "yesterday" => Some((DateExpr::DayOffset(-1), w.end)),
            "today" => Some((DateExpr::DayOffset(0), w.end)),
            "tomorrow" => Some((DateExpr::DayOffset(1), w.end)),
            _ => match two.as_deref() {
                Some("this year") => Some((DateExpr::YearOffset(0), ws[i + 1].end)),
                Some("last year") => Some((DateExpr::YearOffset(-1), ws[i + 1].end)),
                Some("next year") => Some((DateExpr::YearOffset(1), ws[i + 1].end)),
                Some("this month") => Some((DateExpr::MonthOffset(0), ws[i + 1].end)),
                Some("last month") => Some((DateExpr::MonthOffset(-1), ws[i + 1].end)),
                Some("next month") => Some((DateExpr::MonthOffset(1), ws[i + 1].end)),
                Some("this week") => Some((DateExpr::WeekOffset(0), ws[i + 1].end)),
                Some("last week") | Some("past week") => {
                    Some((DateExpr::WeekOffset(-1), ws[i + 1].end))
                }
                Some("next week") => Some((DateExpr::WeekOffset(1), ws[i + 1].end)),
                _ => None,
            },
        };
        if let Some((expr, end)) = rel {
            // include a leading "later"/"earlier"/"late"/"early" in the span
            let start = match prev.as_deref() {
                Some("later" | "earlier" | "late" | "early" | "the") if i > 0 => ws[i - 1].start,
                _ => w.start,
            };
            out.push(DateMention { start, end, expr });
            i += if end == w.end { 1 } else { 2 };
            continue;
        }
        i += 1;
    }
    out
}

/// Parses a date that opens `s` (after leading space), e.g. a byline "January 07, 2026Clash
/// Report". Returns the date and the byte length it used.
pub fn date_at_start(s: &str) -> Option<(Ymd, usize)> {
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let ws = words(s, 0);
    let first = ws.first()?;
    if first.start != lead {
        return None;
    }
    // words() glues "2026Clash" together; split a glued year off.
    let glued_year = |w: &Word| -> Option<(i32, usize)> {
        let digits: String = w.text.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.len() == 4 {
            year_of(&digits).map(|y| (y, w.start + 4))
        } else {
            None
        }
    };
    // "January 07, 2026Clash Report" or "7 January 2026…": month and day in either order.
    let second = ws.get(1).map(|w| w.text);
    let month_day = match (month_of(first.text), second.and_then(day_of)) {
        (Some(m), Some(d)) => Some((m, d)),
        _ => day_of(first.text)
            .zip(second.and_then(month_of))
            .map(|(d, m)| (m, d)),
    };
    if let Some((m, d)) = month_day {
        if let Some((y, end)) = ws.get(2).and_then(glued_year) {
            return valid_day(y, m, d).then_some((
                Ymd {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                },
                end,
            ));
        }
    }
    let found = find_dates(s, 0);
    let d = found.first().filter(|d| d.start == lead)?;
    match d.expr {
        DateExpr::Absolute(y) => Some((y, d.end)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str, doc: Option<&str>) -> Vec<String> {
        let doc = doc.and_then(Ymd::parse_iso);
        find_dates(s, 0)
            .iter()
            .filter_map(|d| d.resolve(doc))
            .map(|(d, inferred)| format!("{}{}", d.iso(), if inferred { "~" } else { "" }))
            .collect()
    }

    #[test]
    fn absolute_dates_in_several_layouts() {
        assert_eq!(iso("On January 6, 2026, a statement", None), ["2026-01-06"]);
        assert_eq!(iso("in Paris on 6 January 2026.", None), ["2026-01-06"]);
        assert_eq!(iso("tore up in December of 2024.", None), ["2024-12"]);
        assert_eq!(
            iso("adopted in 2025 and since 2011", None),
            ["2025", "2011"]
        );
        assert_eq!(
            iso("the 1974 Disengagement Agreement", None),
            Vec::<String>::new()
        );
        assert_eq!(iso("published 2026-01-07 at noon", None), ["2026-01-07"]);
        assert_eq!(
            iso("The second week of January 2026 saw", None),
            ["2026-01"]
        );
    }

    #[test]
    fn relative_dates_resolve_only_against_a_document_date() {
        // 2026-01-07 is a Wednesday.
        let doc = Some("2026-01-07");
        assert_eq!(iso("talks announced last Sunday", doc), ["2026-01-04~"]);
        assert_eq!(iso("a statement issued Tuesday", doc), ["2026-01-06~"]);
        assert_eq!(iso("elections later this year", doc), ["2026~"]);
        assert_eq!(iso("parades late last year", doc), ["2025~"]);
        assert_eq!(
            iso("On January 6, the State Department", doc),
            ["2026-01-06~"]
        );
        assert_eq!(iso("ahead of the October elections", doc), ["2026-10~"]);
        assert_eq!(
            iso("On January 6, the State Department", None),
            Vec::<String>::new()
        );
        assert_eq!(iso("It may rain in May", doc), ["2026-05~"]);
        // The week of 2025-12-29 spans two years: no date rather than a wrong one.
        assert_eq!(iso("in the past week", doc), Vec::<String>::new());
        assert_eq!(iso("talks this week", Some("2026-01-14")), ["2026-01~"]);
    }

    #[test]
    fn dates_open_bylines_even_when_glued() {
        let (d, used) = date_at_start("January 07, 2026Clash Report").unwrap();
        assert_eq!(d.iso(), "2026-01-07");
        assert_eq!(used, "January 07, 2026".len());
        assert_eq!(date_at_start("7 March 2025").unwrap().0.iso(), "2025-03-07");
        assert!(date_at_start("Clash Report").is_none());
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2026, 1, 7), (2024, 12, 31)] {
            let back = from_days(to_days((y, m, d)));
            assert_eq!((back.year, back.month, back.day), (y, Some(m), Some(d)));
        }
        assert_eq!(weekday_of(to_days((2026, 1, 7))), 2); // Wednesday
    }
}

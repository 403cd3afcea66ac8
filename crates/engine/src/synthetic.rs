//! A deterministic generator of realistic-looking articles, for benchmarks and scale tests.
//!
//! Copies of one article would make linking look cheaper than it is (every term shared by every
//! document), so the generator draws names, places, topics and sentence frames from pools and
//! varies the layout (bylines, datelines, headings, captions, polls, quotes) from article to
//! article. Nothing here is used when parsing real input.

/// A small xorshift generator: reproducible without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: [&str; 24] = [
    "Amira", "Daniel", "Leila", "Omar", "Sofia", "Yusuf", "Hannah", "Karim", "Maya", "Tariq",
    "Elena", "Samir", "Noa", "Rami", "Irene", "Walid", "Dana", "Faisal", "Lina", "Marco", "Nadia",
    "Ozan", "Rana", "Tomas",
];
const LAST: [&str; 24] = [
    "Haddad", "Cohen", "Mansour", "Levi", "Demir", "Khalil", "Weiss", "Aziz", "Novak", "Saleh",
    "Friedman", "Nasser", "Kaya", "Barakat", "Stein", "Hamdan", "Rossi", "Yilmaz", "Darwish",
    "Adler", "Qasim", "Moreau", "Sabbagh", "Ortiz",
];
const TITLES: [&str; 8] = [
    "Foreign Minister",
    "Defense Minister",
    "Energy Minister",
    "Special Envoy",
    "Prime Minister",
    "Finance Minister",
    "spokeswoman",
    "ambassador",
];
const PLACES: [&str; 20] = [
    "Syria",
    "Israel",
    "Lebanon",
    "Jordan",
    "Egypt",
    "Iraq",
    "Türkiye",
    "Iran",
    "Qatar",
    "Saudi Arabia",
    "Paris",
    "Damascus",
    "Amman",
    "Cairo",
    "Beirut",
    "Ankara",
    "Aleppo",
    "Golan Heights",
    "Gaza",
    "Europe",
];
const ORGS: [&str; 12] = [
    "Regional Water Authority",
    "Levant Energy Council",
    "Northern Border Commission",
    "Coastal Trade Forum",
    "National Grid Agency",
    "Eastern Relief Fund",
    "Harbor Development Bank",
    "Civil Defense Service",
    "Border Monitoring Office",
    "Desert Rail Company",
    "Public Health Institute",
    "Joint Customs Committee",
];
const OUTLETS: [&str; 10] = [
    "The Daily Ledger",
    "Levant Observer",
    "Harbor Times",
    "The Evening Courier",
    "Crescent News",
    "Northern Gazette",
    "The Meridian Post",
    "Desert Herald",
    "Atlas Review",
    "The Coastal Journal",
];
const TOPICS: [&str; 16] = [
    "water sharing",
    "border crossings",
    "power exports",
    "grain shipments",
    "refugee returns",
    "ceasefire monitoring",
    "port access",
    "rail links",
    "gas pipelines",
    "customs rules",
    "airspace coordination",
    "reconstruction funding",
    "prisoner exchanges",
    "fishing rights",
    "aid corridors",
    "electricity prices",
];
const VERBS: [&str; 10] = [
    "agreed to expand",
    "refused to discuss",
    "proposed a review of",
    "signed a memorandum on",
    "postponed talks on",
    "announced new limits on",
    "called for an inquiry into",
    "pledged funding for",
    "rejected a plan for",
    "welcomed progress on",
];
const ADJ: [&str; 10] = [
    "fragile",
    "ambitious",
    "overdue",
    "modest",
    "controversial",
    "tentative",
    "sweeping",
    "narrow",
    "symbolic",
    "pragmatic",
];
const POLLSTERS: [&str; 6] = [
    "Arab Barometer",
    "Gallup",
    "YouGov",
    "Ipsos",
    "Zogby Research",
    "Pew Research Center",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const NUMBER_WORDS: [&str; 6] = [
    "Forty-three",
    "Sixty-one",
    "Twenty-eight",
    "Fifty-five",
    "Thirty-seven",
    "Seventy-two",
];

fn person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(&FIRST), r.pick(&LAST))
}

fn sentence(r: &mut Rng) -> String {
    let place = r.pick(&PLACES);
    let other = r.pick(&PLACES);
    let topic = r.pick(&TOPICS);
    match r.below(12) {
        0 => format!("{} {} {} with {} after months of pressure.", place, r.pick(&VERBS), topic, other),
        1 => format!("“We will not accept {} on these terms,” {} {} said on {}.", topic, r.pick(&TITLES), person(r), ["Monday", "Tuesday", "Friday", "Sunday"][r.below(4)]),
        2 => format!("According to the {}, {} rose by {} percent in {} {}.", r.pick(&ORGS), topic, 2 + r.below(40), r.pick(&MONTHS), 2019 + r.below(7)),
        3 => format!("The deal on {} is {} and could collapse if {} withdraws.", topic, r.pick(&ADJ), other),
        4 => format!("{} should tie any agreement on {} to verifiable steps by {}.", place, topic, other),
        5 => format!("Officials expect the {} to publish a plan for {} later this year.", r.pick(&ORGS), topic),
        6 => format!("The project would add {} megawatts of capacity and cost ${}bn over {} years.", 100 + r.below(900), 1 + r.below(9), 3 + r.below(8)),
        7 => format!("{} {} told reporters that {} was not a priority for {}.", r.pick(&TITLES), person(r), topic, place),
        8 => format!("Critics say the talks on {} are {} rather than a real breakthrough.", topic, r.pick(&ADJ)),
        9 => format!("Some {} people crossed from {} to {} last week, the {} said.", 1000 + r.below(9000), place, other, r.pick(&ORGS)),
        10 => format!("{} has no intention of normalizing relations with {}; its officials insist the {} talks are technical.", place, other, topic),
        _ => format!("Negotiators from {} and {} met in {} to discuss {} and {}.", place, other, r.pick(&PLACES), topic, r.pick(&TOPICS)),
    }
}

/// One article of roughly `target` bytes.
pub fn article(seed: u64, target: usize) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(target + 512);
    let topic = r.pick(&TOPICS);
    out.push_str(&format!(
        "{} and {} trade blame over {}\n",
        r.pick(&PLACES),
        r.pick(&PLACES),
        topic
    ));
    if r.below(2) == 0 {
        out.push_str(&format!(
            "A {} step that leaves the hardest questions open\n",
            r.pick(&ADJ)
        ));
    }
    let date = format!(
        "{} {}, {}",
        r.pick(&MONTHS),
        1 + r.below(28),
        2020 + r.below(6)
    );
    match r.below(3) {
        0 => out.push_str(&format!(
            "By {} | {} | {}\n\n",
            person(&mut r),
            r.pick(&OUTLETS),
            date
        )),
        1 => out.push_str(&format!(
            "By {}, {}\n{}\n\n",
            person(&mut r),
            r.pick(&OUTLETS),
            date
        )),
        _ => out.push_str(&format!("{}\n\n", date)),
    }
    let dateline = r.below(3) == 0;
    let mut first = true;
    while out.len() < target {
        let mut para = String::new();
        if first && dateline {
            para.push_str(&format!(
                "{} (Reuters) — ",
                crate::text::upper(r.pick(&PLACES))
            ));
        }
        first = false;
        for _ in 0..2 + r.below(3) {
            para.push_str(&sentence(&mut r));
            para.push(' ');
        }
        out.push_str(para.trim_end());
        out.push_str("\n\n");
        match r.below(10) {
            0 => out.push_str(&format!("{} of the talks\n\n", ["Scope", "Background", "What comes next", "Timing"][r.below(4)])),
            1 => out.push_str(&format!("{} {} arrives for talks in {} on {} {}.\nREUTERS/{}\n\n", r.pick(&TITLES), person(&mut r), r.pick(&PLACES), 1 + r.below(28), r.pick(&MONTHS), person(&mut r))),
            2 => out.push_str(&format!(
                "A poll by {} published on {} {}, {} found that {} per cent of respondents in {} supported the talks, with a sample of {} adults. Another {}% said they opposed them.\n\n",
                r.pick(&POLLSTERS), r.pick(&MONTHS), 1 + r.below(28), 2021 + r.below(5), crate::text::lower(r.pick(&NUMBER_WORDS)), r.pick(&PLACES), 800 + r.below(1500), 5 + r.below(30)
            )),
            _ => {}
        }
    }
    out.push_str("Advertisement\nShare this article\n");
    out
}

/// `count` articles of about `bytes_each` bytes, as (file name, text).
pub fn corpus(count: usize, bytes_each: usize, seed: u64) -> Vec<(String, String)> {
    (0..count)
        .map(|i| {
            (
                format!("gen_{i:05}.txt"),
                article(seed.wrapping_add(i as u64 * 7919), bytes_each),
            )
        })
        .collect()
}

/// The same articles as engine inputs.
pub fn inputs(count: usize, bytes_each: usize, seed: u64) -> Vec<crate::Input> {
    corpus(count, bytes_each, seed)
        .into_iter()
        .map(|(file, text)| crate::Input {
            file,
            bytes: text.into_bytes(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_sized() {
        let a = corpus(3, 2000, 1);
        let b = corpus(3, 2000, 1);
        assert_eq!(a, b);
        assert!(a.iter().all(|(_, t)| t.len() >= 2000 && t.len() < 4000));
        assert_ne!(a[0].1, a[1].1);
    }
}

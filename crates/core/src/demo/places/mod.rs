//! People and places of the demo world: countries (English-speaking ones and
//! China) with cities, phone formats and email domains, and the names their
//! customers carry.
//!
//! The countries and their streets are here; the name tables are in `names`,
//! the companies, owners and lead sources in `business`.

mod business;
mod names;

pub use business::{CN_COMPANIES, EN_COMPANIES, OWNERS, SOURCES};
pub use names::{ascii_slug, CN_FAMILY, CN_GIVEN, EN_FAMILY, EN_GIVEN};

use rand::Rng;

use super::sample::{digits, pick};

/// A city with its region and a postal-code maker.
#[derive(Debug, Clone, Copy)]
pub struct City {
    /// City name.
    pub name: &'static str,
    /// State, province or county.
    pub region: &'static str,
    /// Postal code prefix; the rest is random digits (see `Country::postal`).
    pub postal: &'static str,
}

/// A country of the demo world.
#[derive(Debug, Clone, Copy)]
pub struct Country {
    /// Country name (English).
    pub name: &'static str,
    /// Share of customers.
    pub weight: f64,
    /// International dialling prefix with `+`.
    pub dial: &'static str,
    /// National mobile number: fixed start and how many random digits follow.
    pub mobile: (&'static str, usize),
    /// Cities.
    pub cities: &'static [City],
    /// Free-mail domains used there.
    pub domains: &'static [&'static str],
    /// Whether customers there get Chinese names and (often) Chinese text.
    pub chinese: bool,
    /// How many random characters complete a postal code.
    pub postal_tail: usize,
}

const fn c(name: &'static str, region: &'static str, postal: &'static str) -> City {
    City {
        name,
        region,
        postal,
    }
}

/// The countries, with their share of customers.
pub const COUNTRIES: [Country; 7] = [
    Country {
        name: "United States",
        weight: 0.28,
        dial: "+1",
        mobile: ("", 10),
        cities: &[
            c("New York", "NY", "100"),
            c("San Francisco", "CA", "941"),
            c("Austin", "TX", "787"),
            c("Chicago", "IL", "606"),
            c("Seattle", "WA", "981"),
            c("Boston", "MA", "021"),
        ],
        domains: &["gmail.com", "yahoo.com", "outlook.com", "icloud.com"],
        chinese: false,
        postal_tail: 2,
    },
    Country {
        name: "United Kingdom",
        weight: 0.17,
        dial: "+44",
        mobile: ("7", 9),
        cities: &[
            c("London", "Greater London", "EC1A "),
            c("Manchester", "Greater Manchester", "M1 "),
            c("Edinburgh", "Scotland", "EH1 "),
            c("Bristol", "Somerset", "BS1 "),
            c("Leeds", "West Yorkshire", "LS1 "),
        ],
        domains: &["gmail.com", "btinternet.com", "outlook.com", "yahoo.co.uk"],
        chinese: false,
        postal_tail: 1,
    },
    Country {
        name: "Canada",
        weight: 0.10,
        dial: "+1",
        mobile: ("", 10),
        cities: &[
            c("Toronto", "ON", "M5V "),
            c("Vancouver", "BC", "V6B "),
            c("Montreal", "QC", "H2X "),
            c("Calgary", "AB", "T2P "),
        ],
        domains: &["gmail.com", "outlook.com", "rogers.com"],
        chinese: false,
        postal_tail: 1,
    },
    Country {
        name: "Australia",
        weight: 0.10,
        dial: "+61",
        mobile: ("4", 8),
        cities: &[
            c("Sydney", "NSW", "20"),
            c("Melbourne", "VIC", "30"),
            c("Brisbane", "QLD", "40"),
            c("Perth", "WA", "60"),
        ],
        domains: &["gmail.com", "bigpond.com", "outlook.com"],
        chinese: false,
        postal_tail: 2,
    },
    Country {
        name: "Ireland",
        weight: 0.04,
        dial: "+353",
        mobile: ("8", 8),
        cities: &[
            c("Dublin", "Leinster", "D02 "),
            c("Cork", "Munster", "T12 "),
            c("Galway", "Connacht", "H91 "),
        ],
        domains: &["gmail.com", "eircom.net", "outlook.com"],
        chinese: false,
        postal_tail: 2,
    },
    Country {
        name: "New Zealand",
        weight: 0.04,
        dial: "+64",
        mobile: ("2", 8),
        cities: &[
            c("Auckland", "Auckland", "10"),
            c("Wellington", "Wellington", "60"),
            c("Christchurch", "Canterbury", "80"),
        ],
        domains: &["gmail.com", "xtra.co.nz"],
        chinese: false,
        postal_tail: 2,
    },
    Country {
        name: "China",
        weight: 0.27,
        dial: "+86",
        mobile: ("13", 9),
        cities: &[
            c("Beijing", "Beijing", "1000"),
            c("Shanghai", "Shanghai", "2000"),
            c("Guangzhou", "Guangdong", "5100"),
            c("Shenzhen", "Guangdong", "5180"),
            c("Hangzhou", "Zhejiang", "3100"),
            c("Chengdu", "Sichuan", "6100"),
        ],
        domains: &["qq.com", "163.com", "126.com", "sina.com"],
        chinese: true,
        postal_tail: 2,
    },
];

impl Country {
    /// A postal code for `city`.
    pub fn postal(&self, rng: &mut impl Rng, city: &City) -> String {
        format!("{}{}", city.postal, digits(rng, self.postal_tail))
    }

    /// A normalised (E.164) mobile number.
    pub fn phone(&self, rng: &mut impl Rng) -> String {
        let (start, n) = self.mobile;
        if self.dial == "+1" {
            // North American numbers: area code not starting with 0/1, 555 exchange.
            let area = rng.gen_range(201..990);
            return format!("+1{area}555{}", digits(rng, 4));
        }
        format!("{}{}{}", self.dial, start, digits(rng, n))
    }

    /// A street address.
    pub fn street(&self, rng: &mut impl Rng) -> String {
        let names = if self.chinese { CN_STREETS } else { EN_STREETS };
        format!("{} {}", rng.gen_range(1..400), pick(rng, names))
    }
}

const EN_STREETS: &[&str] = &[
    "High Street",
    "Main Street",
    "Station Road",
    "Park Avenue",
    "Church Lane",
    "Maple Drive",
    "King Street",
    "Queen Street",
    "Oak Avenue",
    "Victoria Road",
    "Elm Street",
    "George Street",
];
const CN_STREETS: &[&str] = &[
    "Jianguo Road",
    "Nanjing Road",
    "Zhongshan Road",
    "Renmin Avenue",
    "Huaihai Road",
    "Tianfu Avenue",
    "Wensan Road",
    "Shennan Boulevard",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_phone;
    use rand::SeedableRng;

    #[test]
    fn generated_phones_are_already_normalised() {
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(3);
        for country in &COUNTRIES {
            let p = country.phone(&mut rng);
            assert_eq!(parse_phone(&p).as_deref(), Ok(p.as_str()));
        }
    }

    #[test]
    fn country_weights_sum_to_one() {
        let total: f64 = COUNTRIES.iter().map(|c| c.weight).sum();
        assert!((total - 1.0).abs() < 1e-9);
    }
}

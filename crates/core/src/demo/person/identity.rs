//! Who a demo customer is: their name, links to earlier customers (referrals,
//! family, colleagues), company and job, contact details, address and
//! demographics.

use rand::Rng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::{round2, Person};
use crate::demo::catalogue::Segment;
use crate::demo::places::{self, ascii_slug};
use crate::demo::sample::{chance, lognormal, pick, weighted};
use crate::demo::{DemoBatch, DemoGenerator};
use crate::model::customer::years_between;
use crate::model::{
    date_of, new_id, Address, Customer, Education, Relationship, RelationshipKind, DAY_MS,
};

impl DemoGenerator {
    /// Fills in who the customer is and records their links to earlier
    /// customers; returns where they came from.
    pub(super) fn identity(
        &mut self,
        p: &Person,
        c: &mut Customer,
        out: &mut DemoBatch,
    ) -> &'static str {
        let slug = name(&mut self.rng, p, c);
        let source = self.links(p, c, out);
        contact(&mut self.rng, p, c, &slug);
        demographics(&mut self.rng, p, c);
        source
    }

    /// Links to earlier customers (a referrer, family, a colleague) and the
    /// company and job title; returns where the customer came from.
    fn links(&mut self, p: &Person, c: &mut Customer, out: &mut DemoBatch) -> &'static str {
        let Person {
            index,
            segment,
            prof,
            country_ix,
            chinese,
            created,
            ..
        } = *p;
        let rng = &mut self.rng;
        let mut source = places::SOURCES[weighted(rng, &places::SOURCES.map(|s| s.1))].0;
        if index > 0 && chance(rng, 0.10) {
            let same = segment.index();
            let other = rng.gen_range(0..5);
            let pool = if chance(rng, 0.7) || self.by_segment[other].is_empty() {
                &self.by_segment[same]
            } else {
                &self.by_segment[other]
            };
            let referrer = if pool.is_empty() {
                c.meta.id
            } else {
                *pick(rng, pool)
            };
            if referrer != c.meta.id {
                source = "Referral";
                let strength = rng.gen_range(0.4..1.0);
                out.relationships.push(Relationship::new(
                    new_id(rng),
                    created,
                    referrer,
                    c.meta.id,
                    RelationshipKind::Referred,
                    round2(strength),
                ));
            }
        }
        if segment == Segment::Family && !self.families.is_empty() && chance(rng, 0.08) {
            let (other, other_country, family) = *pick(rng, &self.families);
            if other_country == country_ix {
                if !chinese || places::CN_FAMILY.iter().any(|(f, _)| *f == family) {
                    c.family_name = family.into();
                }
                out.relationships.push(Relationship::new(
                    new_id(rng),
                    created,
                    other,
                    c.meta.id,
                    RelationshipKind::Family,
                    0.9,
                ));
            }
        }
        if chance(rng, prof.company_chance) {
            let (list, offset) = if chinese {
                (places::CN_COMPANIES, places::EN_COMPANIES.len())
            } else {
                (places::EN_COMPANIES, 0)
            };
            let k = rng.gen_range(0..list.len());
            c.company = list[k].into();
            c.job_title = (*pick(rng, prof.titles)).into();
            if let Some(colleague) = self.by_company[offset + k] {
                if chance(rng, 0.12) {
                    let strength = round2(rng.gen_range(0.2..0.8));
                    out.relationships.push(Relationship::new(
                        new_id(rng),
                        created,
                        colleague,
                        c.meta.id,
                        RelationshipKind::Colleague,
                        strength,
                    ));
                }
            }
            self.by_company[offset + k] = Some(c.meta.id);
        } else if segment == Segment::Student || segment == Segment::Retiree {
            c.job_title = (*pick(rng, prof.titles)).into();
        }
        source
    }
}

/// Names, and the email local part built from them.
fn name(rng: &mut Xoshiro256PlusPlus, p: &Person, c: &mut Customer) -> String {
    if p.chinese {
        let (g, gp) = *pick(rng, places::CN_GIVEN);
        let (f, fp) = *pick(rng, places::CN_FAMILY);
        c.given_name = g.into();
        c.family_name = f.into();
        format!("{fp}{gp}")
    } else {
        c.given_name = (*pick(rng, places::EN_GIVEN)).into();
        c.family_name = (*pick(rng, places::EN_FAMILY)).into();
        format!(
            "{}.{}",
            ascii_slug(&c.given_name),
            ascii_slug(&c.family_name)
        )
    }
}

/// Contact details and address.
fn contact(rng: &mut Xoshiro256PlusPlus, p: &Person, c: &mut Customer, slug: &str) {
    let Person { index, country, .. } = *p;
    if chance(rng, 0.85) {
        c.emails
            .push(format!("{slug}{index}@{}", pick(rng, country.domains)));
    }
    if chance(rng, 0.7) {
        c.phones.push(country.phone(rng));
    }
    let city = pick(rng, country.cities);
    c.address = Address {
        street: if chance(rng, 0.6) {
            country.street(rng)
        } else {
            String::new()
        },
        city: city.name.into(),
        region: city.region.into(),
        postal_code: country.postal(rng, city),
        country: country.name.into(),
    };
}

/// Demographics: age or birthday, income, education.
fn demographics(rng: &mut Xoshiro256PlusPlus, p: &Person, c: &mut Customer) {
    let Person {
        now, today, prof, ..
    } = *p;
    let age = rng.gen_range(prof.age.0..=prof.age.1);
    if chance(rng, 0.55) {
        let days = (age as f64 * 365.2425) as i64 + rng.gen_range(0..365);
        let birthday = date_of(now - days * DAY_MS);
        c.birthday = Some(birthday);
        c.age = Some(years_between(birthday, today));
    } else if chance(rng, 0.8) {
        c.age = Some(age);
    }
    let income = lognormal(rng, prof.income_median, prof.income_sigma);
    if chance(rng, 0.9) {
        c.annual_income = Some((income / 100.0).round() * 100.0);
    }
    let education = Education::ALL[weighted(rng, &prof.education)];
    if chance(rng, 0.8) {
        c.education = Some(education);
    }
}

//! The fixed ingredients of the demo world: the latent customer segments and
//! their behaviour, and the product catalogue they buy from.

/// The latent segments that drive demographics and behaviour. The segment
/// name is also written to `Customer::segment` so a clustering result can be
/// compared with the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    /// Young, modest income, price-sensitive, small baskets.
    YoungBudget,
    /// Well-paid, highly educated, large baskets, rarely price-sensitive.
    AffluentProfessional,
    /// Middle income, frequent orders, large baskets of home and kids' items.
    Family,
    /// Low income, very price-sensitive, rare small orders.
    Student,
    /// Older, steady, loyal and satisfied.
    Retiree,
}

/// How a segment looks and behaves.
#[derive(Debug, Clone, Copy)]
pub struct Profile {
    /// Label written to `Customer::segment`.
    pub label: &'static str,
    /// Share of customers.
    pub weight: f64,
    /// Age range (inclusive).
    pub age: (u8, u8),
    /// Median annual income (USD).
    pub income_median: f64,
    /// Log-scale spread of income.
    pub income_sigma: f64,
    /// Weights over `Education::ALL` (none, secondary, vocational,
    /// bachelor, master, doctorate).
    pub education: [f64; 6],
    /// Orders per active year for an average customer.
    pub orders_per_year: f64,
    /// Mean number of line items per order (1..=4).
    pub basket: f64,
    /// Exponent of the price penalty when choosing products.
    pub price_sensitivity: f64,
    /// Mean latent satisfaction (1..5 scale).
    pub satisfaction: f64,
    /// Support tickets per year as a customer.
    pub tickets_per_year: f64,
    /// Chance of buying at all.
    pub buy_chance: f64,
    /// Chance of having a company.
    pub company_chance: f64,
    /// Median deal value.
    pub deal_value: f64,
    /// Weights over [`Category`] (same order as `Category::ALL`).
    pub categories: [f64; 7],
    /// Job titles to draw from.
    pub titles: &'static [&'static str],
}

impl Segment {
    /// Every segment.
    pub const ALL: [Segment; 5] = [
        Segment::YoungBudget,
        Segment::AffluentProfessional,
        Segment::Family,
        Segment::Student,
        Segment::Retiree,
    ];

    /// Position in [`Segment::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The segment's parameters.
    pub fn profile(self) -> &'static Profile {
        &PROFILES[self.index()]
    }

    /// The segment's label.
    pub fn label(self) -> &'static str {
        self.profile().label
    }
}

/// Product groups, which segments favour differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Everyday consumables.
    Basics,
    /// Gadgets.
    Tech,
    /// Office furniture and supplies.
    Office,
    /// Home and garden.
    Home,
    /// Kids and family.
    Kids,
    /// Comfort and health.
    Comfort,
    /// Subscriptions, warranties, gift cards.
    Service,
}

/// A product with its list price (USD).
#[derive(Debug, Clone, Copy)]
pub struct Product {
    /// Name shown on line items.
    pub name: &'static str,
    /// Group.
    pub category: Category,
    /// List price.
    pub price: f64,
}

const fn p(name: &'static str, category: Category, price: f64) -> Product {
    Product {
        name,
        category,
        price,
    }
}

/// The catalogue.
pub const PRODUCTS: [Product; 21] = [
    p("Starter Kit", Category::Basics, 29.0),
    p("Refill Pack", Category::Basics, 9.5),
    p("Coffee Beans 1kg", Category::Basics, 24.0),
    p("Travel Mug", Category::Basics, 14.0),
    p("Wireless Earbuds", Category::Tech, 79.0),
    p("Smart Speaker", Category::Tech, 129.0),
    p("Noise-cancelling Headphones", Category::Tech, 299.0),
    p("Laptop Sleeve", Category::Office, 35.0),
    p("Notebook Set", Category::Office, 12.0),
    p("Ergonomic Chair", Category::Office, 349.0),
    p("Standing Desk", Category::Office, 599.0),
    p("Desk Lamp", Category::Home, 45.0),
    p("Espresso Machine", Category::Home, 449.0),
    p("Garden Tool Set", Category::Home, 89.0),
    p("Kids' Art Set", Category::Kids, 22.0),
    p("Family Board Game", Category::Kids, 39.0),
    p("Backpack", Category::Kids, 69.0),
    p("Reading Glasses", Category::Comfort, 19.0),
    p("Heated Blanket", Category::Comfort, 59.0),
    p("Premium Subscription (1 yr)", Category::Service, 199.0),
    p("Extended Warranty", Category::Service, 49.0),
];

/// The business currency of every demo order.
pub const CURRENCY: &str = "USD";

static PROFILES: [Profile; 5] = [
    Profile {
        label: "Young budget shoppers",
        weight: 0.22,
        age: (22, 34),
        income_median: 34_000.0,
        income_sigma: 0.3,
        education: [0.02, 0.35, 0.30, 0.28, 0.05, 0.0],
        orders_per_year: 3.0,
        basket: 1.4,
        price_sensitivity: 1.2,
        satisfaction: 3.6,
        tickets_per_year: 0.35,
        buy_chance: 0.7,
        company_chance: 0.6,
        deal_value: 1_500.0,
        categories: [3.0, 2.0, 0.6, 0.8, 0.3, 0.3, 0.6],
        titles: &[
            "Sales Associate",
            "Barista",
            "Junior Designer",
            "Warehouse Operative",
            "Customer Service Rep",
            "Junior Developer",
        ],
    },
    Profile {
        label: "Affluent professionals",
        weight: 0.18,
        age: (35, 58),
        income_median: 145_000.0,
        income_sigma: 0.35,
        education: [0.0, 0.03, 0.05, 0.37, 0.40, 0.15],
        orders_per_year: 4.0,
        basket: 2.6,
        price_sensitivity: 0.1,
        satisfaction: 3.9,
        tickets_per_year: 0.5,
        buy_chance: 0.8,
        company_chance: 0.85,
        deal_value: 12_000.0,
        categories: [0.6, 2.5, 3.0, 1.5, 0.3, 0.4, 1.8],
        titles: &[
            "Director of Operations",
            "Partner",
            "Head of Marketing",
            "CFO",
            "Principal Engineer",
            "Consultant",
            "VP Sales",
        ],
    },
    Profile {
        label: "Families",
        weight: 0.25,
        age: (30, 50),
        income_median: 82_000.0,
        income_sigma: 0.3,
        education: [0.02, 0.25, 0.25, 0.33, 0.13, 0.02],
        orders_per_year: 5.0,
        basket: 2.8,
        price_sensitivity: 0.6,
        satisfaction: 3.7,
        tickets_per_year: 0.6,
        buy_chance: 0.75,
        company_chance: 0.7,
        deal_value: 4_000.0,
        categories: [2.0, 1.0, 0.5, 2.5, 3.0, 0.6, 0.8],
        titles: &[
            "Teacher",
            "Nurse",
            "Project Manager",
            "Accountant",
            "Electrician",
            "Office Manager",
            "Pharmacist",
        ],
    },
    Profile {
        label: "Students",
        weight: 0.15,
        age: (18, 25),
        income_median: 11_000.0,
        income_sigma: 0.5,
        education: [0.0, 0.55, 0.15, 0.28, 0.02, 0.0],
        orders_per_year: 2.0,
        basket: 1.3,
        price_sensitivity: 1.6,
        satisfaction: 3.5,
        tickets_per_year: 0.25,
        buy_chance: 0.55,
        company_chance: 0.1,
        deal_value: 600.0,
        categories: [3.0, 1.5, 1.5, 0.2, 0.6, 0.1, 0.3],
        titles: &["Student", "Research Assistant", "Intern", "Tutor"],
    },
    Profile {
        label: "Retirees",
        weight: 0.20,
        age: (63, 85),
        income_median: 42_000.0,
        income_sigma: 0.35,
        education: [0.08, 0.42, 0.25, 0.15, 0.07, 0.03],
        orders_per_year: 2.5,
        basket: 1.8,
        price_sensitivity: 0.7,
        satisfaction: 4.0,
        tickets_per_year: 0.4,
        buy_chance: 0.7,
        company_chance: 0.05,
        deal_value: 2_500.0,
        categories: [1.5, 0.4, 0.2, 2.5, 0.8, 3.0, 1.0],
        titles: &[
            "Retired",
            "Retired Teacher",
            "Volunteer",
            "Retired Engineer",
        ],
    },
];

/// Per segment, the weights of each product (category
/// preference × price penalty), in `PRODUCTS` order.
pub fn product_weights(segment: Segment) -> [f64; PRODUCTS.len()] {
    let profile = segment.profile();
    let mut w = [0.0; PRODUCTS.len()];
    for (i, product) in PRODUCTS.iter().enumerate() {
        let cat = profile.categories[product.category as usize];
        w[i] = cat * (product.price / 50.0).powf(-profile.price_sensitivity);
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Education;

    #[test]
    fn profiles_match_the_enums_they_index() {
        assert_eq!(Education::ALL.len(), PROFILES[0].education.len());
        let total: f64 = Segment::ALL.iter().map(|s| s.profile().weight).sum();
        assert!((total - 1.0).abs() < 1e-9);
    }

    #[test]
    fn price_sensitive_segments_favour_cheap_products() {
        let cheap = |s: Segment| {
            let w = product_weights(s);
            let total: f64 = w.iter().sum();
            let cheap: f64 = PRODUCTS
                .iter()
                .zip(w)
                .filter(|(p, _)| p.price < 40.0)
                .map(|(_, w)| w)
                .sum();
            cheap / total
        };
        assert!(cheap(Segment::Student) > cheap(Segment::AffluentProfessional) + 0.3);
    }
}

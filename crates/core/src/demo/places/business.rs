//! The business around the demo customers: the companies they work for, the
//! team members who own them and the sources they came from.

/// Companies customers work for (shared, so colleagues exist).
pub const EN_COMPANIES: &[&str] = &[
    "Acme Corp",
    "Northwind Traders",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Stark Logistics",
    "Wayne Foods",
    "Blue Harbour Bank",
    "Greenleaf Energy",
    "Pinnacle Consulting",
    "Riverside Clinic",
    "Summit Outdoor",
    "Brightside Media",
    "Oakridge Schools",
    "Harbour & Co",
    "Maple Leaf Insurance",
];

/// Chinese companies.
pub const CN_COMPANIES: &[&str] = &[
    "华为",
    "腾讯",
    "阿里巴巴",
    "比亚迪",
    "小米",
    "京东",
    "美团",
    "海尔",
];

/// Team members who own customers.
pub const OWNERS: &[&str] = &[
    "Alex Morgan",
    "Priya Shah",
    "Sam Taylor",
    "陈静",
    "Jordan Lee",
];

/// Where customers came from, with weights.
pub const SOURCES: [(&str, f64); 6] = [
    ("Website", 0.3),
    ("Organic search", 0.2),
    ("Paid search", 0.15),
    ("Social", 0.15),
    ("Event", 0.08),
    ("Import", 0.12),
];

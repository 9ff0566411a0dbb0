//! Item-based recommendations from order lines: "customers who bought X
//! also bought" and each customer's recommended products with the reason.
//!
//! The data is the binary product × customer matrix: a product counts as
//! bought by a customer if it is on any line of any of their purchases
//! (see [`super::is_purchase`]), whatever the quantity — how many of a thing
//! someone buys says little about what else they like, and quantities would
//! let one bulk buyer dominate. Products are identified by their name,
//! trimmed (the model has no product catalogue); empty names are skipped.
//!
//! The similarity of two products is the cosine of their customer columns:
//! customers who bought both / √(buyers of one × buyers of the other).
//! Nothing is precomputed pairwise: [`Recommender::new`] builds the two
//! sparse incidence lists (one sort), and each query walks the buyers of
//! the products it needs, so the cost follows the data actually touched.
//!
//! Ties in score are broken by product name, so results are deterministic.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::is_purchase;
use crate::model::{Id, Order};

/// How many bought products [`Recommendation::because`] names at most.
pub const REASONS: usize = 3;

/// A product bought by the same customers as another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlsoBought {
    /// The product.
    pub product: String,
    /// Cosine similarity, 0–1.
    pub score: f64,
    /// Customers who bought both.
    pub together: usize,
}

/// A product recommended to a customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The product (one the customer has not bought).
    pub product: String,
    /// Summed similarity to the customer's products.
    pub score: f64,
    /// The customer's products that contributed most, with their
    /// similarity to this one, largest first (at most [`REASONS`]).
    pub because: Vec<(String, f64)>,
}

/// Sparse 0/1 incidence: for each row, the sorted column indices.
#[derive(Debug, Clone, Default)]
struct Incidence {
    offsets: Vec<usize>,
    columns: Vec<u32>,
}

impl Incidence {
    /// From sorted, deduplicated (row, column) pairs.
    fn from_sorted(rows: usize, pairs: impl Iterator<Item = (u32, u32)>) -> Self {
        let mut offsets = vec![0usize; rows + 1];
        let mut columns = Vec::new();
        for (row, column) in pairs {
            offsets[row as usize + 1] += 1;
            columns.push(column);
        }
        for i in 0..rows {
            offsets[i + 1] += offsets[i];
        }
        Incidence { offsets, columns }
    }

    fn row(&self, i: usize) -> &[u32] {
        &self.columns[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Who bought what, ready for recommendation queries.
#[derive(Debug, Clone, Default)]
pub struct Recommender {
    products: Vec<String>,
    customers: Vec<Id>,
    by_product: Incidence,
    by_customer: Incidence,
}

impl Recommender {
    /// Indexes the purchases' order lines (see the module docs).
    pub fn new(orders: &[Order]) -> Recommender {
        let mut product_index: HashMap<&str, u32> = HashMap::new();
        let mut customer_index: HashMap<Id, u32> = HashMap::new();
        let mut pairs: Vec<u64> = Vec::new();
        for order in orders.iter().filter(|o| is_purchase(o)) {
            let next = customer_index.len() as u32;
            let c = *customer_index.entry(order.customer_id).or_insert(next);
            for line in &order.line_items {
                let name = line.product.trim();
                if name.is_empty() {
                    continue;
                }
                let next = product_index.len() as u32;
                let p = *product_index.entry(name).or_insert(next);
                pairs.push(u64::from(c) << 32 | u64::from(p));
            }
        }
        // Renumber products by name and customers by id, so that results
        // never depend on the input's order.
        let mut products: Vec<(&str, u32)> = product_index.into_iter().collect();
        products.sort_unstable();
        let mut product_rank = vec![0u32; products.len()];
        for (rank, (_, old)) in products.iter().enumerate() {
            product_rank[*old as usize] = rank as u32;
        }
        let mut customers: Vec<(Id, u32)> = customer_index.into_iter().collect();
        customers.sort_unstable();
        let mut customer_rank = vec![0u32; customers.len()];
        for (rank, (_, old)) in customers.iter().enumerate() {
            customer_rank[*old as usize] = rank as u32;
        }
        let renumber = |pair: u64| {
            let c = customer_rank[(pair >> 32) as usize];
            let p = product_rank[(pair & 0xffff_ffff) as usize];
            (c, p)
        };
        let mut by_c: Vec<(u32, u32)> = pairs.into_iter().map(renumber).collect();
        by_c.sort_unstable();
        by_c.dedup();
        let by_customer = Incidence::from_sorted(customers.len(), by_c.iter().copied());
        let mut by_p: Vec<(u32, u32)> = by_c.into_iter().map(|(c, p)| (p, c)).collect();
        by_p.sort_unstable();
        let by_product = Incidence::from_sorted(products.len(), by_p.into_iter());
        Recommender {
            products: products.into_iter().map(|(n, _)| n.to_string()).collect(),
            customers: customers.into_iter().map(|(id, _)| id).collect(),
            by_product,
            by_customer,
        }
    }

    /// Every product, sorted by name.
    pub fn products(&self) -> &[String] {
        &self.products
    }

    fn product(&self, name: &str) -> Option<usize> {
        self.products
            .binary_search_by(|p| p.as_str().cmp(name.trim()))
            .ok()
    }

    /// How many customers bought `product` (0 if unknown).
    pub fn buyers(&self, product: &str) -> usize {
        self.product(product)
            .map_or(0, |i| self.by_product.row(i).len())
    }

    /// The products customers of product `i` also bought: (j, together),
    /// j ≠ i, in product order. `counts` is scratch of length P, all zero
    /// on entry and on exit.
    fn co_bought(&self, i: usize, counts: &mut [u32]) -> Vec<(u32, u32)> {
        let mut touched = Vec::new();
        for &c in self.by_product.row(i) {
            for &j in self.by_customer.row(c as usize) {
                if counts[j as usize] == 0 {
                    touched.push(j);
                }
                counts[j as usize] += 1;
            }
        }
        touched.sort_unstable();
        touched
            .into_iter()
            .filter_map(|j| {
                let n = std::mem::take(&mut counts[j as usize]);
                (j as usize != i).then_some((j, n))
            })
            .collect()
    }

    /// Cosine of products `i` and `j` given how many bought both.
    fn cosine(&self, i: usize, j: usize, together: u32) -> f64 {
        let ni = self.by_product.row(i).len() as f64;
        let nj = self.by_product.row(j).len() as f64;
        f64::from(together) / (ni.sqrt() * nj.sqrt())
    }

    /// The cosine similarity of two products (`None` if either is unknown;
    /// 0 for the same product, as it is never its own recommendation).
    pub fn similarity(&self, a: &str, b: &str) -> Option<f64> {
        let (i, j) = (self.product(a)?, self.product(b)?);
        let mut counts = vec![0; self.products.len()];
        let together = self
            .co_bought(i, &mut counts)
            .into_iter()
            .find(|&(k, _)| k as usize == j)
            .map_or(0, |(_, n)| n);
        Some(self.cosine(i, j, together))
    }

    /// "Customers who bought `product` also bought": the `k` most similar
    /// other products, best first (empty for an unknown product).
    pub fn also_bought(&self, product: &str, k: usize) -> Vec<AlsoBought> {
        let Some(i) = self.product(product) else {
            return Vec::new();
        };
        let mut counts = vec![0; self.products.len()];
        let mut out: Vec<AlsoBought> = self
            .co_bought(i, &mut counts)
            .into_iter()
            .map(|(j, n)| AlsoBought {
                product: self.products[j as usize].clone(),
                score: self.cosine(i, j as usize, n),
                together: n as usize,
            })
            .collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.product.cmp(&b.product))
        });
        out.truncate(k);
        out
    }

    /// The `k` best products `customer` has not bought, scored by summed
    /// similarity to the products they have, with the reason (empty for a
    /// customer without purchases). Products no buyer of theirs ever bought
    /// (score 0) are never recommended, so the list may be shorter than `k`.
    pub fn recommend_for(&self, customer: Id, k: usize) -> Vec<Recommendation> {
        let Ok(c) = self.customers.binary_search(&customer) else {
            return Vec::new();
        };
        let bought = self.by_customer.row(c);
        let p = self.products.len();
        let (mut counts, mut scores) = (vec![0u32; p], vec![0.0f64; p]);
        // Per bought product, its similarities (sorted by product), for the reasons.
        let mut rows: Vec<(u32, Vec<(u32, f64)>)> = Vec::with_capacity(bought.len());
        for &i in bought {
            let row: Vec<(u32, f64)> = self
                .co_bought(i as usize, &mut counts)
                .into_iter()
                .map(|(j, n)| (j, self.cosine(i as usize, j as usize, n)))
                .collect();
            for &(j, s) in &row {
                scores[j as usize] += s;
            }
            rows.push((i, row));
        }
        let mut candidates: Vec<usize> = (0..p)
            .filter(|&j| scores[j] > 0.0 && bought.binary_search(&(j as u32)).is_err())
            .collect();
        candidates.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        candidates.truncate(k);
        candidates
            .into_iter()
            .map(|j| {
                let mut because: Vec<(String, f64)> = rows
                    .iter()
                    .filter_map(|(i, row)| {
                        let at = row.binary_search_by_key(&(j as u32), |e| e.0).ok()?;
                        Some((self.products[*i as usize].clone(), row[at].1))
                    })
                    .collect();
                because.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                because.truncate(REASONS);
                Recommendation {
                    product: self.products[j].clone(),
                    score: scores[j],
                    because,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineItem, OrderStatus, Uuid};
    use time::macros::date;

    fn order(who: u128, products: &[&str], status: OrderStatus) -> Order {
        let lines = products
            .iter()
            .map(|p| LineItem::new(*p, 3.0, 1.0))
            .collect();
        Order::new_v4(
            0,
            Uuid::from_u128(who),
            date!(2024 - 01 - 01),
            status,
            lines,
            "EUR",
        )
    }

    fn shop() -> Recommender {
        let o = OrderStatus::Order;
        Recommender::new(&[
            order(1, &["Tea", "Mug"], o),
            order(2, &["Tea", " Mug ", "Kettle"], o),
            order(3, &["Tea"], o),
            order(3, &["Tea", ""], o),
            order(4, &["Kettle", "Biscuits"], o),
            order(5, &["Biscuits", "Tea"], OrderStatus::Quote),
        ])
    }

    #[test]
    fn cosine_counts_each_customer_once_whatever_the_quantity() {
        let r = shop();
        assert_eq!(r.products(), ["Biscuits", "Kettle", "Mug", "Tea"]);
        // Tea: customers 1, 2, 3; Mug: 1, 2 (the quote does not count).
        let want = 2.0 / (3f64.sqrt() * 2f64.sqrt());
        assert_eq!(r.similarity("Tea", "Mug"), Some(want));
        assert_eq!(r.similarity("Tea", "Biscuits"), Some(0.0));
        assert_eq!(r.similarity("Tea", "Coffee"), None);
        assert_eq!(r.buyers("Tea"), 3);
    }

    #[test]
    fn also_bought_ranks_by_cosine_and_counts_the_customers_in_common() {
        let top = shop().also_bought("Mug", 5);
        let names: Vec<&str> = top.iter().map(|a| a.product.as_str()).collect();
        assert_eq!(names, ["Tea", "Kettle"]);
        assert_eq!(top[0].together, 2);
        assert!(shop().also_bought("Nothing", 3).is_empty());
    }

    #[test]
    fn recommendations_leave_out_what_was_bought_and_give_the_reason() {
        let recs = shop().recommend_for(Uuid::from_u128(3), 5);
        let names: Vec<&str> = recs.iter().map(|r| r.product.as_str()).collect();
        assert_eq!(names, ["Mug", "Kettle"]);
        assert_eq!(recs[0].because[0].0, "Tea");
        assert!(shop().recommend_for(Uuid::from_u128(99), 5).is_empty());
    }
}

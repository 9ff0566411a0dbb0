//! A fitted tree as sentences, one per leaf: the conditions on the path
//! (the tightest bound per feature and side), the class, how many training
//! customers end there and which share of them has that class.

use ndarray::ArrayView2;
use serde::{Deserialize, Serialize};

use super::features::Feature;
use super::tree::Tree;
use linfa_trees::TreeNode;

/// One leaf of the tree, readable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// "if total spent ≤ 1,234.5 and tickets > 2 → Churned (87 customers, 91 %)".
    pub text: String,
    /// The predicted class.
    pub class: String,
    /// Training customers in the leaf.
    pub customers: usize,
    /// Share of them that has the predicted class.
    pub share: f64,
}

/// One bound on a feature: `feature ≤ value` or `feature > value`.
#[derive(Clone, Copy)]
struct Bound {
    feature: usize,
    at_most: bool,
    value: f64,
}

/// A rule per leaf (leaves no training row reaches are left out), largest
/// first; `features[j]` names column `j`, `names[c]` class `c`.
pub fn leaf_rules(
    tree: &Tree,
    features: &[Feature],
    names: &[String],
    x: ArrayView2<f64>,
    y: &[usize],
) -> Vec<Rule> {
    let mut leaves = Vec::new();
    walk(tree.root(), &mut Vec::new(), &mut leaves);
    // Route the training rows to leaves by their path bounds.
    let mut rules: Vec<Rule> = leaves
        .into_iter()
        .filter_map(|(path, class)| {
            let inside = |r: usize| {
                path.iter().all(|b| {
                    let v = x[(r, b.feature)];
                    if b.at_most {
                        v <= b.value
                    } else {
                        v > b.value
                    }
                })
            };
            let rows: Vec<usize> = (0..x.nrows()).filter(|&r| inside(r)).collect();
            if rows.is_empty() {
                return None;
            }
            let hits = rows.iter().filter(|&&r| y[r] == class).count();
            let share = hits as f64 / rows.len() as f64;
            let name = names.get(class).cloned().unwrap_or_default();
            let conditions = describe(&path, features);
            let text = format!(
                "{}{name} ({} customers, {:.0} %)",
                if conditions.is_empty() {
                    "everyone → ".to_string()
                } else {
                    format!("if {conditions} → ")
                },
                group_thousands(&rows.len().to_string()),
                share * 100.0
            );
            Some(Rule {
                text,
                class: name,
                customers: rows.len(),
                share,
            })
        })
        .collect();
    rules.sort_by_key(|r| std::cmp::Reverse(r.customers));
    rules
}

fn walk(node: &TreeNode<f64, usize>, path: &mut Vec<Bound>, out: &mut Vec<(Vec<Bound>, usize)>) {
    if let Some(class) = node.prediction() {
        out.push((path.clone(), class));
        return;
    }
    let (feature, value, _) = node.split();
    for (side, child) in node.children().into_iter().enumerate() {
        if let Some(child) = child {
            path.push(Bound {
                feature,
                at_most: side == 0,
                value,
            });
            walk(child, path, out);
            path.pop();
        }
    }
}

/// "age ≤ 40 and total spent > 1,234.5", keeping only the tightest bound
/// per feature and side, in the order features first appear on the path.
fn describe(path: &[Bound], features: &[Feature]) -> String {
    let mut tight: Vec<Bound> = Vec::new();
    for b in path {
        match tight
            .iter_mut()
            .find(|t| t.feature == b.feature && t.at_most == b.at_most)
        {
            Some(t) if b.at_most => t.value = t.value.min(b.value),
            Some(t) => t.value = t.value.max(b.value),
            None => tight.push(*b),
        }
    }
    tight
        .iter()
        .map(|b| {
            let name = features.get(b.feature).map_or("?", |f| f.label());
            let op = if b.at_most { "≤" } else { ">" };
            format!("{name} {op} {}", format_number(b.value))
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A threshold for people: 1 decimal from 100 up, 2 below, trailing zeros
/// dropped, thousands grouped with commas ("1,234.5", "2.75", "40").
pub fn format_number(v: f64) -> String {
    let decimals = if v.abs() >= 100.0 { 1 } else { 2 };
    let s = format!("{v:.decimals$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (sign, s) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = format!("{sign}{}", group_thousands(int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if out == "-0" {
        out = "0".into();
    }
    out
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(format_number(1234.5), "1,234.5");
        assert_eq!(format_number(1_234_567.04), "1,234,567");
        assert_eq!(format_number(2.75), "2.75");
        assert_eq!(format_number(40.0), "40");
        assert_eq!(format_number(-1500.25), "-1,500.2");
    }
}

//! The column mapping of an orders file: [`OrderTarget`] per column, found
//! from header names or, for a file without a header, by position as in
//! the CDNOW purchase log; and the [`OrderOptions`] the import needs.

use super::mapping::compact;

/// Where a column of an orders file goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderTarget {
    /// The customer's id in the source system (required).
    CustomerKey,
    /// The order date, `YYYYMMDD` or `YYYY-MM-DD` (required).
    Date,
    /// Number of items (1 when not mapped).
    Quantity,
    /// The row's total amount (this or the unit price is required).
    Amount,
    /// The price of one item.
    UnitPrice,
    /// Product name.
    Product,
    /// Order / invoice number: rows sharing one form one order.
    OrderId,
    /// Not imported.
    Ignore,
}

impl OrderTarget {
    /// Every target, for a `<select>`.
    pub const ALL: &'static [OrderTarget] = &[
        OrderTarget::CustomerKey,
        OrderTarget::Date,
        OrderTarget::Quantity,
        OrderTarget::Amount,
        OrderTarget::UnitPrice,
        OrderTarget::Product,
        OrderTarget::OrderId,
        OrderTarget::Ignore,
    ];

    /// What a user reads in the `<select>` (in the current language).
    pub fn label(self) -> &'static str {
        use crate::i18n::import_fields as fields;
        match self {
            OrderTarget::CustomerKey => fields::customer_id(),
            OrderTarget::Date => fields::date(),
            OrderTarget::Quantity => fields::quantity(),
            OrderTarget::Amount => fields::amount(),
            OrderTarget::UnitPrice => fields::unit_price(),
            OrderTarget::Product => fields::product(),
            OrderTarget::OrderId => fields::order_number(),
            OrderTarget::Ignore => fields::ignore(),
        }
    }
}

/// One target per column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrderMapping {
    /// `targets[i]` is where column `i` goes.
    pub targets: Vec<OrderTarget>,
}

impl OrderMapping {
    /// The first column mapped to `t`.
    pub fn column(&self, t: OrderTarget) -> Option<usize> {
        self.targets.iter().position(|&x| x == t)
    }
}

/// Maps an orders file: by header names when it has a header, else by
/// position as in the CDNOW log (customer, date, quantity, amount; with
/// three columns customer, date, amount; a fifth is the product).
pub fn auto_map_orders(header: Option<&[String]>, columns: usize) -> OrderMapping {
    use OrderTarget::*;
    let targets = match header {
        Some(names) => names.iter().map(|n| header_target(&compact(n))).collect(),
        None => {
            let lead: &[OrderTarget] = match columns {
                3 => &[CustomerKey, Date, Amount],
                _ => &[CustomerKey, Date, Quantity, Amount, Product],
            };
            (0..columns)
                .map(|i| lead.get(i).copied().unwrap_or(Ignore))
                .collect()
        }
    };
    OrderMapping { targets }
}

/// The target of a header name reduced by `compact`. A quantity is
/// `quantity`, `qty`, `items`, `units`, `count`, `pieces` or any `number
/// of …` (`number_of_items`, "Number of units"), also with a suffix such
/// as `quantity_ordered` or `qty_shipped`.
fn header_target(key: &str) -> OrderTarget {
    use OrderTarget::*;
    match key {
        "customerid" | "customer" | "customerkey" | "customernumber" | "clientid" | "contactid"
        | "externalid" | "userid" | "accountid" => CustomerKey,
        "date" | "orderdate" | "transactiondate" | "purchasedate" | "invoicedate" | "day" => Date,
        "items" | "units" | "count" | "pieces" | "nitems" | "numitems" | "itemcount"
        | "noofitems" => Quantity,
        k if k.starts_with("quantity") || k.starts_with("qty") || k.starts_with("numberof") => {
            Quantity
        }
        "amount" | "total" | "dollarvalue" | "value" | "revenue" | "sales" | "linetotal"
        | "ordertotal" => Amount,
        "unitprice" | "price" | "itemprice" => UnitPrice,
        "product" | "productname" | "item" | "description" => Product,
        "orderid" | "ordernumber" | "invoice" | "invoiceno" | "invoicenumber" | "transactionid" => {
            OrderId
        }
        _ => Ignore,
    }
}

/// Settings of an orders import. `Default`: currency "USD", product name
/// "Purchase" for rows without one.
#[derive(Debug, Clone)]
pub struct OrderOptions {
    /// ISO 4217 code of the amounts.
    pub currency: String,
    /// The product name of rows that give none.
    pub default_product: String,
}

impl Default for OrderOptions {
    fn default() -> Self {
        OrderOptions {
            currency: "USD".into(),
            default_product: "Purchase".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(names: &[&str]) -> Vec<OrderTarget> {
        let header: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        auto_map_orders(Some(&header), header.len()).targets
    }

    #[test]
    fn quantity_synonyms_map_to_quantity() {
        let names = [
            "quantity",
            "Qty",
            "items",
            "number_of_items",
            "Number of units",
            "number-of-bottles",
            "quantity_ordered",
            "QTY shipped",
            "Item count",
        ];
        assert!(
            targets(&names).iter().all(|t| *t == OrderTarget::Quantity),
            "{:?}",
            targets(&names)
        );
    }

    #[test]
    fn the_purchase_log_header_maps_every_column() {
        assert_eq!(
            targets(&["customer_id", "date", "number_of_items", "amount"]),
            [
                OrderTarget::CustomerKey,
                OrderTarget::Date,
                OrderTarget::Quantity,
                OrderTarget::Amount
            ]
        );
        assert_eq!(
            targets(&["Notes", "Number"]),
            [OrderTarget::Ignore, OrderTarget::Ignore]
        );
    }
}

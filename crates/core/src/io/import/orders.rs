//! [`OrdersImport`]: a transactions file (customer key, date, quantity,
//! amount, optionally product and order number) as [`Order`]s, linked to
//! customers by their external id (the custom field
//! [`EXTERNAL_ID_FIELD`]); a key no customer has yet gets a new customer
//! "Customer <key>". Reads delimited files with a header (e.g. the UCI
//! Online Retail layout `InvoiceNo, StockCode, Description, Quantity,
//! InvoiceDate, UnitPrice, CustomerID`) and whitespace-separated files
//! without one, like the CDNOW purchase log `00001 19970101 1 11.77`
//! (`customer_id YYYYMMDD number_of_items dollar_value`). Rows with the same
//! order number become line items of one order. Given the stored orders
//! ([`OrdersImport::with_stored_orders`]), orders already stored (same
//! customer, date, amount and order number) are counted as duplicates and
//! skipped, with [`OrdersImport::duplicate_warning`] to say so.

use crate::i18n::import_report as rt;
use std::collections::HashMap;

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::known_orders::{already_stored_warning, KnownOrders, OrderKey};
use super::order_mapping::{OrderMapping, OrderOptions, OrderTarget};
use super::patch::sentence;
use super::{ImportError, RowIssue, SourceRow, EXTERNAL_ID_FIELD};
use crate::model::parse::{parse_amount, parse_date, ParseError};
use crate::model::{
    new_id, CustomValue, Customer, Id, ImportBatch, ImportCounts, ImportKind, LifecycleStage,
    LineItem, Order, OrderStatus, Record, RecordRef, Timestamp,
};
use crate::store::ChangeSet;

/// The orders import in progress; see the module docs.
pub struct OrdersImport {
    header: Vec<String>,
    mapping: OrderMapping,
    options: OrderOptions,
    now: Timestamp,
    rng: Xoshiro256PlusPlus,
    /// External id → customer id (stored customers, then new ones).
    customers: HashMap<String, Id>,
    new_customers: Vec<Customer>,
    orders: Vec<Order>,
    /// The stored orders not yet matched by an order of the file.
    known: KnownOrders,
    /// For each order, the key of the stored order it repeats (it is then
    /// skipped).
    stored_as: Vec<Option<OrderKey>>,
    by_order_id: HashMap<String, usize>,
    issues: Vec<RowIssue>,
    counts: ImportCounts,
}

impl OrdersImport {
    /// Starts an import with this mapping (`header`: the file's header, if
    /// it has one, for naming columns in the report) against the stored
    /// customers. Refused when the customer, date or amount (or unit
    /// price) has no column.
    pub fn new(
        header: Option<Vec<String>>,
        mapping: OrderMapping,
        existing: &[Customer],
        options: OrderOptions,
        now: Timestamp,
    ) -> Result<OrdersImport, ImportError> {
        for (t, what) in [
            (OrderTarget::CustomerKey, OrderTarget::CustomerKey.label()),
            (OrderTarget::Date, OrderTarget::Date.label()),
        ] {
            if mapping.column(t).is_none() {
                return Err(ImportError::MissingColumn { what });
            }
        }
        if mapping.column(OrderTarget::Amount).is_none()
            && mapping.column(OrderTarget::UnitPrice).is_none()
        {
            return Err(ImportError::MissingColumn {
                what: OrderTarget::Amount.label(),
            });
        }
        let header =
            header.unwrap_or_else(|| (1..=mapping.targets.len()).map(rt::column_n).collect());
        let mut customers = HashMap::new();
        for c in existing.iter().filter(|c| !c.is_deleted()) {
            let key = match c.custom_fields.get(EXTERNAL_ID_FIELD) {
                Some(CustomValue::Text(s) | CustomValue::Choice(s)) => s.trim().to_string(),
                Some(CustomValue::Number(n)) => n.to_string(),
                _ => continue,
            };
            customers.entry(key).or_insert(c.id());
        }
        let seed = u64::from_le_bytes(
            uuid::Uuid::new_v4().as_bytes()[..8]
                .try_into()
                .unwrap_or_default(),
        );
        Ok(OrdersImport {
            header,
            mapping,
            options,
            now,
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
            customers,
            new_customers: Vec::new(),
            orders: Vec::new(),
            known: KnownOrders::default(),
            stored_as: Vec::new(),
            by_order_id: HashMap::new(),
            issues: Vec::new(),
            counts: ImportCounts::default(),
        })
    }

    /// Draws new ids from a seeded generator instead (tests, benches).
    pub fn with_seed(mut self, seed: u64) -> OrdersImport {
        self.rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        self
    }

    /// Skips the orders of the file that are already among `stored` (same
    /// customer, date, amount to the cent and order number; trashed ones do
    /// not count). Call before adding rows.
    pub fn with_stored_orders(mut self, stored: &[Order]) -> OrdersImport {
        self.known = KnownOrders::new(stored);
        self
    }

    /// Reads more rows; call once per slice of the file.
    pub fn add_rows(&mut self, rows: Vec<SourceRow>) {
        for row in rows {
            self.counts.rows += 1;
            if let Err(issue) = self.add_row(&row) {
                self.counts.invalid += 1;
                self.issues.push(issue);
            }
        }
    }

    fn add_row(&mut self, row: &SourceRow) -> Result<(), RowIssue> {
        let line = row.line;
        if let Some(issue) = RowIssue::damaged(row, &self.header) {
            return Err(issue);
        }
        if row.cells.len() != self.mapping.targets.len() {
            return Err(RowIssue::skip(
                line,
                "",
                rt::order_row_width(row.cells.len(), self.mapping.targets.len()),
            ));
        }
        let cell = |t| {
            self.mapping
                .column(t)
                .map(|i| (self.header[i].as_str(), row.cells[i].trim()))
        };
        let Some((_, key)) = cell(OrderTarget::CustomerKey).filter(|(_, k)| !k.is_empty()) else {
            let column = cell(OrderTarget::CustomerKey).map_or("", |(c, _)| c);
            return Err(RowIssue::skip(line, column, rt::customer_id_missing()));
        };
        let (date_column, date_text) = cell(OrderTarget::Date).unwrap_or(("", ""));
        let date = parse_date(date_text).map_err(|e| {
            let message = match e {
                ParseError::Empty => rt::date_missing().to_string(),
                e => sentence(&e.to_string()),
            };
            RowIssue::skip(line, date_column, message)
        })?;
        let number = |t: OrderTarget| -> Result<Option<f64>, RowIssue> {
            match cell(t) {
                None | Some((_, "")) => Ok(None),
                Some((column, text)) => parse_amount(text)
                    .map(Some)
                    .map_err(|e| RowIssue::skip(line, column, sentence(&e.to_string()))),
            }
        };
        let quantity = number(OrderTarget::Quantity)?.unwrap_or(1.0);
        if quantity <= 0.0 {
            let column = cell(OrderTarget::Quantity).map_or("", |(c, _)| c);
            return Err(RowIssue::skip(line, column, rt::not_a_purchase(quantity)));
        }
        let unit_price = match (
            number(OrderTarget::UnitPrice)?,
            number(OrderTarget::Amount)?,
        ) {
            (Some(p), _) => p,
            (None, Some(a)) if quantity != 0.0 => a / quantity,
            (None, Some(_)) => 0.0,
            (None, None) => {
                let column = cell(OrderTarget::Amount)
                    .or(cell(OrderTarget::UnitPrice))
                    .map_or("", |(c, _)| c);
                return Err(RowIssue::skip(line, column, rt::amount_missing()));
            }
        };
        let product = cell(OrderTarget::Product)
            .map(|(_, p)| p)
            .filter(|p| !p.is_empty())
            .unwrap_or(&self.options.default_product)
            .to_string();
        let item = LineItem::new(product, quantity, unit_price);
        let order_id = cell(OrderTarget::OrderId)
            .map(|(_, o)| o.to_string())
            .filter(|o| !o.is_empty());
        let known = self.customers.get(key).copied();
        let existing = order_id
            .as_ref()
            .and_then(|o| self.by_order_id.get(o).copied());
        let mut order = match existing {
            Some(i) if Some(self.orders[i].customer_id) != known => {
                return Err(RowIssue::skip(line, "", rt::order_number_reused()))
            }
            Some(i) => {
                let mut o = self.orders[i].clone();
                o.line_items.push(item);
                o.recompute_total();
                o
            }
            None => {
                // The customer is filled in once the row is known to be valid,
                // so a bad row does not create one.
                let mut o = Order::new(
                    new_id(&mut self.rng),
                    self.now,
                    known.unwrap_or(Id::nil()),
                    date,
                    OrderStatus::Order,
                    vec![item],
                    self.options.currency.clone(),
                );
                o.external_id.clone_from(&order_id);
                o
            }
        };
        if let Some(e) = order.validate().err().and_then(|e| e.0.into_iter().next()) {
            let column = match e.field {
                "line_items" => cell(OrderTarget::Quantity).or(cell(OrderTarget::Amount)),
                "total" => cell(OrderTarget::Amount),
                _ => None,
            }
            .map_or("", |(c, _)| c);
            return Err(RowIssue::skip(line, column, sentence(&e.kind.to_string())));
        }
        let i = match existing {
            Some(i) => {
                self.orders[i] = order;
                i
            }
            None => {
                order.customer_id = self.customer_for(key);
                if let Some(o) = order_id {
                    self.by_order_id.insert(o, self.orders.len());
                }
                self.orders.push(order);
                self.stored_as.push(None);
                self.orders.len() - 1
            }
        };
        self.match_stored(i);
        Ok(())
    }

    /// Whether order `i` (as it is now) repeats a stored order; an order
    /// that changed gives back the match it had.
    fn match_stored(&mut self, i: usize) {
        if self.known.is_empty() && self.stored_as[i].is_none() {
            return;
        }
        if let Some(old) = self.stored_as[i].take() {
            self.known.release(old);
        }
        let key = OrderKey::of(&self.orders[i]);
        if self.known.claim(&key) {
            self.stored_as[i] = Some(key);
        }
    }

    /// The orders that will be stored (not already stored).
    fn new_orders(&self) -> impl Iterator<Item = &Order> + '_ {
        self.orders
            .iter()
            .zip(&self.stored_as)
            .filter(|(_, stored)| stored.is_none())
            .map(|(o, _)| o)
    }

    /// How many orders of the file are already stored (and skipped).
    fn already_stored(&self) -> usize {
        self.stored_as.iter().filter(|s| s.is_some()).count()
    }

    /// The warning line when some orders of the file are already stored:
    /// "3 orders are already in Rapport (same customer, date, amount and
    /// order number) and will be skipped. Was this file imported before?"
    pub fn duplicate_warning(&self) -> Option<String> {
        already_stored_warning(self.already_stored())
    }

    /// The customer with this external id, planning a new one if needed.
    fn customer_for(&mut self, key: &str) -> Id {
        if let Some(&id) = self.customers.get(key) {
            return id;
        }
        let mut c = Customer::new(new_id(&mut self.rng), self.now);
        c.given_name = format!("Customer {key}");
        c.lifecycle = LifecycleStage::Customer;
        c.source = "Import".into();
        c.custom_fields
            .insert(EXTERNAL_ID_FIELD.into(), CustomValue::Text(key.to_string()));
        let id = c.id();
        self.customers.insert(key.to_string(), id);
        self.new_customers.push(c);
        id
    }

    /// The first `n` orders as they will be stored (orders already stored
    /// are left out).
    pub fn preview(&self, n: usize) -> Vec<&Order> {
        self.new_orders().take(n).collect()
    }

    /// The customers that will be created for keys no customer has.
    pub fn new_customers(&self) -> &[Customer] {
        &self.new_customers
    }

    /// Every problem found so far, in file order.
    pub fn issues(&self) -> &[RowIssue] {
        &self.issues
    }

    /// How the rows read so far will be used (`created`: new orders;
    /// `duplicates`: orders already stored, skipped).
    pub fn summary(&self) -> ImportCounts {
        let duplicates = self.already_stored();
        ImportCounts {
            created: self.orders.len() - duplicates,
            customers_created: self.new_customers.len(),
            duplicates,
            ..self.counts
        }
    }

    /// One change set with the new customers, the orders and the
    /// [`ImportBatch`] that records them.
    pub fn into_change_set(
        mut self,
        label: &str,
        file_name: &str,
    ) -> Result<(ChangeSet, ImportBatch), ImportError> {
        let counts = self.summary();
        if counts.rows == 0 {
            return Err(ImportError::NoRows);
        }
        if counts.created == 0 {
            return Err(ImportError::NothingToImport {
                rows: counts.rows,
                invalid: counts.invalid,
                duplicates: counts.duplicates,
            });
        }
        let mut batch =
            ImportBatch::new(new_id(&mut self.rng), self.now, ImportKind::Orders, label);
        batch.file_name = file_name.to_string();
        batch.counts = counts;
        let mut changes = ChangeSet::new(label);
        changes
            .ops
            .reserve(self.new_customers.len() + counts.created + 1);
        for c in &self.new_customers {
            changes.insert(c)?;
            batch.created.push(RecordRef {
                collection: Customer::COLLECTION.into(),
                id: c.id(),
            });
        }
        for o in self.new_orders() {
            changes.insert(o)?;
            batch.created.push(RecordRef {
                collection: Order::COLLECTION.into(),
                id: o.id(),
            });
        }
        changes.insert(&batch)?;
        Ok((changes, batch))
    }
}

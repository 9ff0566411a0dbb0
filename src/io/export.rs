//! CSV export of customers, orders, interactions and tickets, with cells
//! that a spreadsheet would run as a formula neutralised.

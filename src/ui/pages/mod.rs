//! One file per route. Each page renders a real `<h1>` through
//! [`PageHeader`](crate::ui::components::PageHeader).

mod analytics;
mod campaign;
mod campaigns;
mod customer;
mod customers;
mod dashboard;
mod dashboard_charts;
mod import_export;
mod new_deal;
mod new_order;
mod new_ticket;
mod not_found;
mod order_lines;
mod orders;
mod pipeline;
mod pipeline_card;
mod settings;
mod storage_card;
mod tasks;
mod ticket;
mod tickets;
mod trash;

pub use analytics::AnalyticsPage;
pub use campaign::CampaignPage;
pub use campaigns::CampaignsPage;
pub use customer::{CustomerPage, NewCustomerPage};
pub use customers::CustomersPage;
pub use dashboard::DashboardPage;
pub use import_export::ImportExportPage;
pub use new_deal::NewDealPage;
pub use new_order::NewOrderPage;
pub use new_ticket::NewTicketPage;
pub use not_found::NotFoundPage;
pub use orders::OrdersPage;
pub use pipeline::PipelinePage;
pub use settings::SettingsPage;
pub use tasks::TasksPage;
pub use ticket::TicketPage;
pub use tickets::TicketsPage;
pub use trash::TrashPage;

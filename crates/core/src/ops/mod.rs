//! The application layer: one function per user action that changes data.

//! The versioned JSON backup of every collection and the settings, and
//! restoring it (replace or merge).

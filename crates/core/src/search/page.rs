//! Paging a list: which rows page `n` shows, how many pages there are, and
//! the "Showing 51–100 of 1,234" line. The Orders and Tickets lists and a
//! campaign's responses page the same way through this.

use crate::format::thousands;

/// The rows one page of a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageWindow {
    /// How many pages there are (at least 1, even for an empty list).
    pub pages: usize,
    /// The page shown, from 0 (the one asked for, or the last one).
    pub current: usize,
    /// The first row shown (index into the list).
    pub start: usize,
    /// One past the last row shown.
    pub end: usize,
    /// How many rows the list has.
    pub len: usize,
}

impl PageWindow {
    /// Page `requested` of a list of `len` rows, `size` rows a page; a page
    /// past the end shows the last one (the list shrank under a filter).
    pub fn of(len: usize, requested: usize, size: usize) -> PageWindow {
        let size = size.max(1);
        let pages = len.div_ceil(size).max(1);
        let current = requested.min(pages - 1);
        let start = (current * size).min(len);
        PageWindow {
            pages,
            current,
            start,
            end: (start + size).min(len),
            len,
        }
    }

    /// "Showing 51–100 of 1,234" (or "No rows" for an empty list).
    pub fn summary(&self) -> String {
        if self.len == 0 {
            return crate::i18n::labels::no_rows().into();
        }
        crate::i18n::labels::showing(
            thousands(self.start + 1),
            thousands(self.end),
            thousands(self.len),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_row_once_and_clamp_past_the_end() {
        let w = PageWindow::of(120, 0, 50);
        assert_eq!((w.pages, w.current, w.start, w.end), (3, 0, 0, 50));
        let last = PageWindow::of(120, 2, 50);
        assert_eq!((last.start, last.end), (100, 120));
        let past = PageWindow::of(120, 9, 50);
        assert_eq!((past.current, past.start, past.end), (2, 100, 120));
        assert_eq!(last.summary(), "Showing 101–120 of 120");
        assert_eq!(
            PageWindow::of(1_234, 1, 50).summary(),
            "Showing 51–100 of 1,234"
        );
    }

    #[test]
    fn an_empty_list_has_one_empty_page() {
        let w = PageWindow::of(0, 3, 50);
        assert_eq!((w.pages, w.current, w.start, w.end), (1, 0, 0, 0));
        assert_eq!(w.summary(), "No rows");
    }
}

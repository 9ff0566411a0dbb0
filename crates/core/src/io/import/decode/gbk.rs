//! The GBK (GB18030) decoder of the WHATWG Encoding Standard, byte by
//! byte: one or two bytes from the two-byte index, four from the ranges;
//! after an invalid sequence the bytes the standard says to read again
//! ("prepend to the stream") are read again.

use super::tables;

/// The bytes of a character begun (0 for none), as the standard names them.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct GbkState {
    first: u8,
    second: u8,
    third: u8,
}

/// What one byte did.
enum Step {
    /// Part of a character begun.
    More,
    /// A character.
    Char(char),
    /// An invalid sequence; these bytes are read again.
    Error { again: [u8; 3], count: usize },
}

impl GbkState {
    /// Reads `byte` (and whatever an error sends back to be read again).
    pub(super) fn feed(&mut self, byte: u8, out: &mut String, bad: &mut dyn FnMut(&mut String)) {
        // At most three bytes come back, and a byte read again never
        // sends more back than it was part of: a small stack is enough.
        let mut stack = [0u8; 4];
        let mut depth = 1;
        stack[0] = byte;
        while depth > 0 {
            depth -= 1;
            let b = stack[depth];
            match self.step(b) {
                Step::More => {}
                Step::Char(c) => out.push(c),
                Step::Error { again, count } => {
                    bad(out);
                    // Pushed last first, so the first comes off first.
                    for &a in again[..count].iter().rev() {
                        if depth < stack.len() {
                            stack[depth] = a;
                            depth += 1;
                        }
                    }
                }
            }
        }
    }

    /// The end of the stream: a character left unfinished is an error.
    pub(super) fn finish(&mut self, out: &mut String, bad: &mut dyn FnMut(&mut String)) {
        if (self.first, self.second, self.third) != (0, 0, 0) {
            *self = GbkState::default();
            bad(out);
        }
    }

    fn step(&mut self, byte: u8) -> Step {
        if self.third != 0 {
            let (first, second, third) = (self.first, self.second, self.third);
            *self = GbkState::default();
            if !(0x30..=0x39).contains(&byte) {
                return Step::Error {
                    again: [second, third, byte],
                    count: 3,
                };
            }
            let pointer = (u32::from(first) - 0x81) * (10 * 126 * 10)
                + (u32::from(second) - 0x30) * (10 * 126)
                + (u32::from(third) - 0x81) * 10
                + u32::from(byte)
                - 0x30;
            return match tables::ranges(pointer) {
                Some(c) => Step::Char(c),
                None => Step::Error {
                    again: [0; 3],
                    count: 0,
                },
            };
        }
        if self.second != 0 {
            if (0x81..=0xFE).contains(&byte) {
                self.third = byte;
                return Step::More;
            }
            let second = self.second;
            *self = GbkState::default();
            return Step::Error {
                again: [second, byte, 0],
                count: 2,
            };
        }
        if self.first != 0 {
            if (0x30..=0x39).contains(&byte) {
                self.second = byte;
                return Step::More;
            }
            let lead = self.first;
            self.first = 0;
            let offset = if byte < 0x7F { 0x40 } else { 0x41 };
            let pointer = matches!(byte, 0x40..=0x7E | 0x80..=0xFE)
                .then(|| usize::from(lead - 0x81) * 190 + usize::from(byte - offset));
            if let Some(c) = pointer.and_then(tables::index) {
                return Step::Char(c);
            }
            return Step::Error {
                again: [byte, 0, 0],
                count: usize::from(byte.is_ascii()),
            };
        }
        match byte {
            0x00..=0x7F => Step::Char(char::from(byte)),
            0x80 => Step::Char('\u{20AC}'),
            0x81..=0xFE => {
                self.first = byte;
                Step::More
            }
            0xFF => Step::Error {
                again: [0; 3],
                count: 0,
            },
        }
    }
}

//! Auto-lock: the idle delays a user can choose in Settings, how the choice
//! is kept as a setting, and when an encrypted, unlocked app should lock.

/// An auto-lock delay in minutes; `0` is never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutoLock(pub u32);

impl AutoLock {
    /// The delays offered, with their labels, in the order shown.
    pub const CHOICES: [(AutoLock, &'static str); 6] = [
        (AutoLock(0), "Never"),
        (AutoLock(1), "After 1 minute"),
        (AutoLock(5), "After 5 minutes"),
        (AutoLock(15), "After 15 minutes"),
        (AutoLock(30), "After 30 minutes"),
        (AutoLock(60), "After 1 hour"),
    ];

    /// The delay a stored setting (or an option's value) names; anything
    /// else — missing, edited by hand, from another version — is never.
    pub fn from_setting(text: Option<&str>) -> AutoLock {
        text.and_then(|t| t.trim().parse::<u32>().ok())
            .map(AutoLock)
            .filter(|a| AutoLock::CHOICES.iter().any(|(c, _)| c == a))
            .unwrap_or(AutoLock(0))
    }

    /// The value stored for it (`None`: remove the setting, as for never).
    pub fn to_setting(self) -> Option<String> {
        (self.0 > 0).then(|| self.0.to_string())
    }

    /// Whether an app idle for `idle_ms` should lock now: a delay is set,
    /// it has passed, and no encryption rewrite is running (locking then
    /// would cut it off; it resumes, but needlessly).
    pub fn is_due(self, idle_ms: i64, rewriting: bool) -> bool {
        self.0 > 0 && !rewriting && idle_ms >= i64::from(self.0) * 60_000
    }
}

#[cfg(test)]
mod tests {
    use super::AutoLock;

    #[test]
    fn a_stored_choice_reads_back_and_anything_else_is_never() {
        for (choice, _) in AutoLock::CHOICES {
            let stored = choice.to_setting();
            assert_eq!(AutoLock::from_setting(stored.as_deref()), choice);
        }
        assert_eq!(AutoLock(0).to_setting(), None);
        for odd in [
            None,
            Some(""),
            Some("abc"),
            Some("-5"),
            Some("7"),
            Some("1e3"),
        ] {
            assert_eq!(AutoLock::from_setting(odd), AutoLock(0), "{odd:?}");
        }
        assert_eq!(AutoLock::from_setting(Some(" 15 ")), AutoLock(15));
    }

    #[test]
    fn it_locks_once_the_delay_has_passed_unless_never_or_rewriting() {
        let five = AutoLock(5);
        assert!(!five.is_due(5 * 60_000 - 1, false));
        assert!(five.is_due(5 * 60_000, false));
        assert!(!five.is_due(60 * 60_000, true), "not during a rewrite");
        assert!(!AutoLock(0).is_due(i64::MAX, false), "never");
    }
}

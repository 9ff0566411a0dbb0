//! The rules of [`Refresh`]: what the page says after each sequence of
//! changes, results and failures.

use super::*;

#[test]
fn the_first_run_is_computing_until_it_delivers() {
    let mut r = Refresh::new();
    assert_eq!(r.status(), RefreshStatus::Current);
    let run = r.start();
    assert!(r.pending());
    assert_eq!(r.status(), RefreshStatus::Computing);
    r.succeeded(run);
    assert!(!r.pending());
    assert_eq!(r.status(), RefreshStatus::Current);
}

#[test]
fn a_failed_run_clears_the_pending_flag_and_says_why() {
    let mut r = Refresh::new();
    let first = r.start();
    r.succeeded(first);
    let second = r.start();
    assert_eq!(r.status(), RefreshStatus::Updating);
    r.failed(second, "The worker stopped.");
    assert!(!r.pending(), "a failure must not leave “Updating…” on");
    assert_eq!(
        r.status(),
        RefreshStatus::Failed {
            error: "The worker stopped.",
            stale: true
        }
    );
    assert_eq!(
        r.failure_sentence("the customers' purchase figures").as_deref(),
        Some("The customers' purchase figures could not be updated with the latest changes: The worker stopped. What is shown is from before them.")
    );
}

#[test]
fn a_failed_first_run_says_nothing_could_be_computed() {
    let mut r = Refresh::new();
    let run = r.start();
    r.failed(run, "Reading the data failed.");
    assert!(!r.pending());
    assert_eq!(
        r.status(),
        RefreshStatus::Failed {
            error: "Reading the data failed.",
            stale: false
        }
    );
    assert_eq!(
        r.failure_sentence("the sentiment overview").as_deref(),
        Some("The sentiment overview could not be computed: Reading the data failed.")
    );
}

#[test]
fn retry_starts_a_new_run_and_forgets_the_failure() {
    let mut r = Refresh::new();
    let run = r.start();
    r.failed(run, "The worker stopped.");
    let retry = r.start();
    assert!(r.pending());
    assert_eq!(r.status(), RefreshStatus::Computing);
    assert_eq!(r.failure_sentence("x"), None);
    r.succeeded(retry);
    assert_eq!(r.status(), RefreshStatus::Current);
}

#[test]
fn an_older_runs_failure_is_ignored_while_a_newer_run_is_on_its_way() {
    let mut r = Refresh::new();
    let old = r.start();
    let new = r.start();
    r.failed(old, "cancelled by the newer run");
    assert!(r.pending());
    assert_eq!(r.status(), RefreshStatus::Computing);
    r.succeeded(new);
    assert_eq!(r.status(), RefreshStatus::Current);
}

#[test]
fn an_older_runs_result_is_shown_but_the_page_still_waits_for_the_latest() {
    let mut r = Refresh::new();
    let old = r.start();
    let new = r.start();
    r.succeeded(old);
    assert!(r.pending());
    assert_eq!(r.status(), RefreshStatus::Updating);
    r.failed(new, "The worker stopped.");
    assert_eq!(
        r.status(),
        RefreshStatus::Failed {
            error: "The worker stopped.",
            stale: true
        }
    );
}

#[test]
fn a_later_success_clears_a_failure() {
    let mut r = Refresh::new();
    let run = r.start();
    r.failed(run, "The worker stopped.");
    let next = r.start();
    r.succeeded(next);
    assert_eq!(r.failure_sentence("x"), None);
    assert!(!r.pending());
}

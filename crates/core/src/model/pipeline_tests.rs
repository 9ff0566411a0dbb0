//! Tests of the pipeline and its editing.

use super::*;
use uuid::Uuid;

fn deal(n: u128, stage: &str, probability: f64) -> Deal {
    Deal::new(
        Uuid::from_u128(n),
        0,
        Uuid::from_u128(99),
        format!("Deal {n}"),
        stage,
        100.0,
        probability,
    )
}

fn names(p: &Pipeline) -> Vec<&str> {
    p.stages.iter().map(String::as_str).collect()
}

#[test]
fn default_pipeline_has_six_stages_ending_won_lost() {
    let p = Pipeline::default();
    assert_eq!(p.stages.len(), 6);
    assert_eq!(p.open_stages().count(), 4);
    assert!(p.validate().is_ok());
    let dup = Pipeline {
        stages: vec!["A".into(), "a".into()],
    };
    assert!(dup.validate().is_err());
}

#[test]
fn unchanged_drafts_give_the_same_pipeline_and_move_nothing() {
    let p = Pipeline::default();
    let edit = p.edit(&p.drafts(), None, &|_| true).unwrap();
    assert!(edit.changes_nothing(&p));
    assert!(edit.renamed.is_empty() && edit.removed.is_empty());
    assert!(edit.restage(&[deal(1, "Proposal", 0.6)], 5).is_empty());
}

#[test]
fn a_renamed_stage_takes_its_deals_along_and_keeps_their_probability() {
    let p = Pipeline::default();
    let mut rows = p.drafts();
    rows[2].name = " Offer sent ".into();
    rows.push(StageDraft::added("Contract review"));
    let edit = p.edit(&rows, None, &|_| true).unwrap();
    assert_eq!(
        names(&edit.pipeline),
        [
            "Qualification",
            "Needs analysis",
            "Offer sent",
            "Negotiation",
            "Contract review",
            "Won",
            "Lost"
        ]
    );
    let moved = edit.restage(&[deal(1, "proposal", 0.33), deal(2, "Negotiation", 0.8)], 7);
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].stage.as_str(), moved[0].probability),
        ("Offer sent", 0.33)
    );
    assert_eq!(moved[0].meta.updated_at, 7);
}

#[test]
fn swapping_two_names_moves_each_deal_once() {
    let p = Pipeline::default();
    let mut rows = p.drafts();
    rows[0].name = "Needs analysis".into();
    rows[1].name = "Qualification".into();
    let edit = p.edit(&rows, None, &|_| true).unwrap();
    let moved = edit.restage(
        &[
            deal(1, "Qualification", 0.2),
            deal(2, "Needs analysis", 0.4),
        ],
        1,
    );
    let stages: Vec<&str> = moved.iter().map(|d| d.stage.as_str()).collect();
    assert_eq!(stages, ["Needs analysis", "Qualification"]);
}

#[test]
fn deals_of_a_removed_stage_go_to_the_chosen_stage() {
    let p = Pipeline::default();
    let rows: Vec<StageDraft> = p
        .drafts()
        .into_iter()
        .filter(|r| r.name != "Needs analysis")
        .collect();
    let occupied = |s: &str| s == "Needs analysis";
    assert_eq!(
        p.edit(&rows, None, &occupied).unwrap_err(),
        vec![StageError::NoDestination]
    );
    assert_eq!(
        p.edit(&rows, Some("Nowhere"), &occupied).unwrap_err(),
        vec![StageError::NoDestination]
    );
    // An empty stage can go without a destination.
    assert!(p.edit(&rows, None, &|_| false).is_ok());

    let edit = p.edit(&rows, Some("proposal"), &occupied).unwrap();
    assert_eq!(edit.removed, ["Needs analysis"]);
    let moved = edit.restage(&[deal(1, "Needs analysis", 0.4), deal(2, "Won", 1.0)], 3);
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].stage.as_str(), moved[0].probability),
        ("Proposal", 0.4),
        "moved, probability kept (only Won and Lost force one)"
    );
    assert_eq!(
        edit.pipeline.stages.len(),
        5,
        "three open stages, Won and Lost"
    );
}

#[test]
fn removing_a_stage_and_adding_one_of_the_same_name_moves_nothing() {
    let p = Pipeline::default();
    let mut rows: Vec<StageDraft> = p
        .drafts()
        .into_iter()
        .filter(|r| r.name != "Proposal")
        .collect();
    rows.push(StageDraft::added("proposal"));
    let edit = p.edit(&rows, None, &|_| true).unwrap();
    assert!(edit.removed.is_empty());
    assert!(edit.restage(&[deal(1, "Proposal", 0.6)], 2).is_empty());
}

#[test]
fn every_problem_is_reported_with_its_row() {
    let p = Pipeline::default();
    let rows = vec![
        StageDraft::existing("Qualification"),
        StageDraft::added("  "),
        StageDraft::added("qualification"),
        StageDraft::added("won"),
    ];
    let errors = p.edit(&rows, None, &|_| false).unwrap_err();
    assert_eq!(
        errors,
        vec![
            StageError::Blank(2),
            StageError::Duplicate {
                row: 3,
                first: 1,
                name: "qualification".into()
            },
            StageError::Reserved {
                row: 4,
                name: "won".into()
            },
        ]
    );
    assert_eq!(errors[1].to_string(), "“qualification” is already stage 1");
    assert_eq!(errors[1].row(), Some(3));
    assert_eq!(
        p.edit(&[], None, &|_| false).unwrap_err(),
        vec![StageError::NoOpenStage]
    );
}

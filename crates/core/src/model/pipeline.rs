//! The sales pipeline: the ordered stages deals move through, and the
//! editing of those stages from Settings — renaming, reordering, adding and
//! removing open stages — with the deal moves an edit implies (deals follow
//! a renamed stage; deals in a removed stage go where the user says).
//!
//! "Won" and "Lost" always end the pipeline: they close a deal, and the
//! analytics (win rates, pipeline value) rely on them.

use crate::i18n::errors as t;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{require, Deal, FieldErrorKind, Timestamp, ValidationErrors};

/// The ordered stages deals move through; the last two close a deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pipeline {
    /// Stage names, in order.
    pub stages: Vec<String>,
}

impl Default for Pipeline {
    /// Qualification, Needs analysis, Proposal, Negotiation, Won, Lost.
    fn default() -> Self {
        Pipeline {
            stages: Pipeline::DEFAULT_STAGES
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

impl Pipeline {
    /// The default stages.
    pub const DEFAULT_STAGES: [&'static str; 6] = [
        "Qualification",
        "Needs analysis",
        "Proposal",
        "Negotiation",
        "Won",
        "Lost",
    ];
    /// The stage name that marks a won deal.
    pub const WON: &'static str = "Won";
    /// The stage name that marks a lost deal.
    pub const LOST: &'static str = "Lost";

    /// The position of `stage` (case-insensitive).
    pub fn index_of(&self, stage: &str) -> Option<usize> {
        let stage = stage.trim();
        self.stages
            .iter()
            .position(|s| s.eq_ignore_ascii_case(stage))
    }

    /// Whether `stage` is one of the stages.
    pub fn contains(&self, stage: &str) -> bool {
        self.index_of(stage).is_some()
    }

    /// The probability a deal in `stage` gets by default: open stages spread
    /// evenly between 0 and 1 in pipeline order (4 open stages: 20 %, 40 %,
    /// 60 %, 80 %); Won 1, Lost 0; `None` for a stage not in the pipeline.
    pub fn default_probability(&self, stage: &str) -> Option<f64> {
        if stage.eq_ignore_ascii_case(Pipeline::WON) {
            return Some(1.0);
        }
        if stage.eq_ignore_ascii_case(Pipeline::LOST) {
            return Some(0.0);
        }
        let open: Vec<&str> = self.open_stages().collect();
        let i = open
            .iter()
            .position(|s| s.eq_ignore_ascii_case(stage.trim()))?;
        Some((i + 1) as f64 / (open.len() + 1) as f64)
    }

    /// Whether `stage` closes a deal ("Won" or "Lost").
    pub fn is_closed(stage: &str) -> bool {
        let s = stage.trim();
        s.eq_ignore_ascii_case(Self::WON) || s.eq_ignore_ascii_case(Self::LOST)
    }

    /// The stages a deal can still be in (all but Won and Lost).
    pub fn open_stages(&self) -> impl Iterator<Item = &str> {
        self.stages
            .iter()
            .map(String::as_str)
            .filter(|s| !Pipeline::is_closed(s))
    }

    /// At least one stage, none blank, no duplicates.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.stages.is_empty() {
            errors.push("stages", FieldErrorKind::Required);
        }
        for (i, s) in self.stages.iter().enumerate() {
            require(&mut errors, "stages", s);
            if self.stages[..i]
                .iter()
                .any(|t| t.trim().eq_ignore_ascii_case(s.trim()))
            {
                errors.push("stages", FieldErrorKind::Duplicate(s.clone()));
            }
        }
        errors.into_result()
    }
}

/// One row of the stage editor: the stage's name when editing began (`None`
/// for a stage added in this edit) and its name now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageDraft {
    /// The stored name this row started from.
    pub was: Option<String>,
    /// The name typed now.
    pub name: String,
}

impl StageDraft {
    /// A row for an existing stage.
    pub fn existing(name: &str) -> Self {
        StageDraft {
            was: Some(name.to_string()),
            name: name.to_string(),
        }
    }

    /// A row for a new stage.
    pub fn added(name: &str) -> Self {
        StageDraft {
            was: None,
            name: name.to_string(),
        }
    }
}

/// Why an edited pipeline cannot be saved. Rows count from 1, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StageError {
    /// A row with no name.
    #[error("{}", t::stage_blank(.0))]
    Blank(usize),
    /// Two rows with the same name (ignoring case).
    #[error("{}", t::stage_duplicate(.name, .first))]
    Duplicate {
        /// The later row.
        row: usize,
        /// The earlier row with that name.
        first: usize,
        /// The name.
        name: String,
    },
    /// A row named like a closing stage.
    #[error("{}", t::stage_reserved(.name))]
    Reserved {
        /// The row.
        row: usize,
        /// The name.
        name: String,
    },
    /// No open stage left.
    #[error("{}", t::stage_no_open())]
    NoOpenStage,
    /// Deals sit in removed stages and the place to move them to is not a stage.
    #[error("{}", t::stage_no_destination())]
    NoDestination,
}

impl StageError {
    /// The editor row the problem belongs to, if one.
    pub fn row(&self) -> Option<usize> {
        match self {
            StageError::Blank(row)
            | StageError::Duplicate { row, .. }
            | StageError::Reserved { row, .. } => Some(*row),
            StageError::NoOpenStage | StageError::NoDestination => None,
        }
    }
}

/// A checked edit: the new pipeline and, per old stage name, the stage its
/// deals now belong to.
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineEdit {
    /// The pipeline to keep.
    pub pipeline: Pipeline,
    /// (old stage, new stage) for renamed stages.
    pub renamed: Vec<(String, String)>,
    /// Stages that are gone; their deals move to `destination`.
    pub removed: Vec<String>,
    /// Where the deals of removed stages go (a stage of `pipeline`).
    pub destination: Option<String>,
}

impl Pipeline {
    /// The editor rows for this pipeline's open stages.
    pub fn drafts(&self) -> Vec<StageDraft> {
        self.open_stages().map(StageDraft::existing).collect()
    }

    /// Checks the edited open stages `rows` (Won and Lost are appended) and
    /// works out what happens to deals. `destination` is where deals of
    /// removed stages go; it is required only when `occupied` (the stages
    /// that hold deals) includes a removed stage. Every problem is
    /// returned, so the editor can mark each row at once.
    pub fn edit(
        &self,
        rows: &[StageDraft],
        destination: Option<&str>,
        occupied: &dyn Fn(&str) -> bool,
    ) -> Result<PipelineEdit, Vec<StageError>> {
        let mut problems = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let name = row.name.trim();
            if name.is_empty() {
                problems.push(StageError::Blank(i + 1));
            } else if Pipeline::is_closed(name) {
                problems.push(StageError::Reserved {
                    row: i + 1,
                    name: name.to_string(),
                });
            } else if let Some(first) = rows[..i]
                .iter()
                .position(|r| r.name.trim().eq_ignore_ascii_case(name))
            {
                problems.push(StageError::Duplicate {
                    row: i + 1,
                    first: first + 1,
                    name: name.to_string(),
                });
            }
        }
        if rows.is_empty() {
            problems.push(StageError::NoOpenStage);
        }
        let mut stages: Vec<String> = rows.iter().map(|r| r.name.trim().to_string()).collect();
        stages.extend([Pipeline::WON.to_string(), Pipeline::LOST.to_string()]);
        let pipeline = Pipeline { stages };

        let renamed: Vec<(String, String)> = rows
            .iter()
            .filter_map(|r| {
                let was = r.was.as_deref()?;
                (was != r.name.trim()).then(|| (was.to_string(), r.name.trim().to_string()))
            })
            .collect();
        let kept = |stage: &str| rows.iter().any(|r| r.was.as_deref() == Some(stage));
        let removed: Vec<String> = self
            .open_stages()
            .filter(|s| !kept(s) && !pipeline.contains(s))
            .map(str::to_string)
            .collect();
        let destination = destination
            .and_then(|d| pipeline.index_of(d))
            .map(|i| pipeline.stages[i].clone());
        if destination.is_none() && removed.iter().any(|s| occupied(s)) {
            problems.push(StageError::NoDestination);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(PipelineEdit {
            pipeline,
            renamed,
            removed,
            destination,
        })
    }
}

impl PipelineEdit {
    /// Whether the edit changes nothing.
    pub fn changes_nothing(&self, before: &Pipeline) -> bool {
        self.pipeline == *before
    }

    /// The deals this edit moves, already moved (touched at `now`): deals
    /// of a renamed stage keep their probability; deals of a removed stage
    /// move to the destination as if moved on the board.
    pub fn restage(&self, deals: &[Deal], now: Timestamp) -> Vec<Deal> {
        let mut moved = Vec::new();
        for deal in deals {
            let stage = deal.stage.trim();
            if let Some((_, to)) = self
                .renamed
                .iter()
                .find(|(from, _)| from.eq_ignore_ascii_case(stage))
            {
                let mut d = deal.clone();
                d.stage = to.clone();
                d.meta.touch(now);
                moved.push(d);
            } else if self.removed.iter().any(|r| r.eq_ignore_ascii_case(stage)) {
                if let Some(to) = &self.destination {
                    let mut d = deal.clone();
                    if d.move_to(to, &self.pipeline, now).is_ok() {
                        moved.push(d);
                    }
                }
            }
        }
        moved
    }
}

#[cfg(test)]
#[path = "pipeline_tests.rs"]
mod tests;

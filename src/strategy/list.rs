//! A whole list at once (MODEL §4.8): the distributions, ABC classes and profile built once,
//! then a suggestion per row that uses them, and the list's notices.

use super::estimate::ListDistributions;
use super::notices::{list_notices, ListProfile};
use super::suggest::{suggest_with_context, RowContext, SuggestOptions, Suggestion};
use super::StrategyError;
use crate::grades::abc::{abc_classes_for_rows, AbcClass, AbcOptions, DEFAULT_ABC_FIELD};
use crate::row::AccountRow;
use crate::texts::Label;

/// What a list tells each of its rows' suggestions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListContext {
    pub distributions: ListDistributions,
    /// Each row's ABC class by annual purchase (§3.2, top 10 % / next 20 % / rest); `None` for a
    /// row without a purchase.
    pub abc: Vec<Option<AbcClass>>,
    pub profile: ListProfile,
}

impl ListContext {
    /// Builds everything once for the list; O(n log n).
    pub fn from_rows(rows: &[AccountRow]) -> ListContext {
        let abc = abc_classes_for_rows(rows, DEFAULT_ABC_FIELD, &AbcOptions::default())
            .map(|r| r.classes)
            .unwrap_or_else(|_| vec![None; rows.len()]);
        ListContext {
            distributions: ListDistributions::from_rows(rows),
            abc,
            profile: ListProfile::from_rows(rows),
        }
    }

    /// What the list lacks, said once (see [`list_notices`]).
    pub fn notices(&self) -> Vec<Label> {
        list_notices(&self.profile)
    }

    /// The context of row `index`. What the options give explicitly (`list`, `abc`,
    /// `listHasContacts`, `listHasLevels`) wins over what the list says.
    pub fn row<'a>(
        &'a self,
        index: usize,
        options: &'a SuggestOptions,
    ) -> Result<RowContext<'a>, StrategyError> {
        Ok(RowContext {
            list: options.list.as_ref().or(Some(&self.distributions)),
            abc: match options.abc_class()? {
                Some(c) => Some(c),
                None => self.abc.get(index).copied().flatten(),
            },
            has_contacts: options
                .list_has_contacts
                .unwrap_or(self.profile.has_contacts()),
            has_levels: options.list_has_levels.unwrap_or(self.profile.has_levels()),
        })
    }

    /// The suggestion for row `index` of `rows` (the rows this context was built from).
    pub fn suggest(
        &self,
        rows: &[AccountRow],
        index: usize,
        options: &SuggestOptions,
    ) -> Result<Option<Suggestion>, StrategyError> {
        let Some(row) = rows.get(index) else {
            return Ok(None);
        };
        suggest_with_context(row, options, self.row(index, options)?).map(Some)
    }
}

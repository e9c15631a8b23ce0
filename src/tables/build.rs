//! A declared table filled from the plan: columns expanded, values evaluated, groups and totals added.

use std::collections::HashMap;
use std::rc::Rc;

use minijinja::value::Value;
use minijinja::{Environment, UndefinedBehavior};

use super::declaration::{ColumnDeclaration, Declaration, Source};
use super::number::NumberFormat;
use crate::data::plan::Plan;
use crate::document::{Align, Column, HeaderCell, Row, RowCell, RowKind, Table};
use crate::nd30;
use crate::template::views;

/// A problem in a declaration: the key (`columns[3].value`) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclarationError {
    /// The key in the declaration file.
    pub key: String,
    /// What is wrong.
    pub message: String,
}

/// One column after `each_year` expansion.
struct Expanded<'a> {
    declaration: &'a ColumnDeclaration,
    /// Index of the declaration in the file, for messages.
    index: usize,
    header: String,
    /// (year, index of the year) for `each_year` columns.
    year: Option<(u16, usize)>,
}

fn expand<'a>(
    declaration: &'a Declaration,
    plan: &Plan,
) -> Result<Vec<Expanded<'a>>, DeclarationError> {
    let mut columns = Vec::new();
    for (index, column) in declaration.columns.iter().enumerate() {
        if column.each_year {
            for (i, year) in plan.period.years().enumerate() {
                columns.push(Expanded {
                    declaration: column,
                    index,
                    header: year.to_string(),
                    year: Some((year, i)),
                });
            }
        } else {
            let header = column.header.clone().ok_or_else(|| DeclarationError {
                key: format!("columns[{index}].header"),
                message: "a column needs a header (or `each_year = true`)".into(),
            })?;
            columns.push(Expanded {
                declaration: column,
                index,
                header,
                year: None,
            });
        }
    }
    Ok(columns)
}

/// Header rows: groups over their columns in the first row, the rest spanning both rows.
fn header(columns: &[Expanded]) -> Vec<Vec<HeaderCell>> {
    let grouped = columns.iter().any(|c| c.declaration.group.is_some());
    if !grouped {
        let row = columns
            .iter()
            .enumerate()
            .map(|(i, c)| HeaderCell {
                text: c.header.clone(),
                column: i,
                colspan: 1,
                rowspan: 1,
            })
            .collect();
        return vec![row];
    }
    let (mut top, mut bottom) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < columns.len() {
        match &columns[i].declaration.group {
            None => {
                top.push(HeaderCell {
                    text: columns[i].header.clone(),
                    column: i,
                    colspan: 1,
                    rowspan: 2,
                });
                i += 1;
            }
            Some(group) => {
                let span = columns[i..]
                    .iter()
                    .take_while(|c| c.declaration.group.as_ref() == Some(group))
                    .count();
                top.push(HeaderCell {
                    text: group.clone(),
                    column: i,
                    colspan: span,
                    rowspan: 1,
                });
                for (k, c) in columns[i..i + span].iter().enumerate() {
                    bottom.push(HeaderCell {
                        text: c.header.clone(),
                        column: i + k,
                        colspan: 1,
                        rowspan: 1,
                    });
                }
                i += span;
            }
        }
    }
    vec![top, bottom]
}

/// A value as cell text, and its number when it is one.
fn cell_value(value: &Value, format: NumberFormat) -> (String, Option<f64>) {
    if value.is_undefined() || value.is_none() {
        return (String::new(), None);
    }
    match f64::try_from(value.clone()) {
        Ok(number) if value.is_number() => (format.write(number), Some(number)),
        _ => (value.to_string(), None),
    }
}

/// The rows of the plan that `source` names, as template values.
fn source_rows(source: Source, plan: &Plan) -> Vec<Value> {
    match source {
        Source::Communes => views::commune_views(plan)
            .iter()
            .map(Value::from_serialize)
            .collect(),
        Source::Products => plan.products.iter().map(Value::from_serialize).collect(),
    }
}

fn compile<'env, 'source>(
    env: &'env Environment<'static>,
    key: String,
    text: &'source str,
) -> Result<minijinja::Expression<'env, 'source>, DeclarationError> {
    env.compile_expression(text).map_err(|e| DeclarationError {
        key,
        message: e.to_string(),
    })
}

/// The table `declaration` describes, filled from `plan`.
pub fn build(declaration: &Declaration, plan: &Plan) -> Result<Table, DeclarationError> {
    let columns = expand(declaration, plan)?;
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Columns a year range makes share their declaration's expression: each text is compiled once.
    let mut compiled: HashMap<&str, Rc<minijinja::Expression>> = HashMap::new();
    let mut expressions = Vec::with_capacity(columns.len());
    for c in &columns {
        let text = c.declaration.value.as_str();
        let expression = match compiled.get(text) {
            Some(expression) => expression.clone(),
            None => {
                let key = format!("columns[{}].value", c.index);
                let expression = Rc::new(compile(&env, key, text)?);
                compiled.insert(text, expression.clone());
                expression
            }
        };
        expressions.push(expression);
    }
    let group_by = declaration
        .group_by
        .as_deref()
        .map(|g| compile(&env, "group_by".into(), g))
        .transpose()?;

    let mut rows = Vec::new();
    let mut sums = vec![0.0; columns.len()];
    let mut group: Option<String> = None;
    let mut groups = 0;
    for (n, row) in source_rows(declaration.rows, plan).into_iter().enumerate() {
        let base =
            minijinja::context! { row => row.clone(), index => n + 1, period => plan.period };
        if let Some(expression) = &group_by {
            let label = expression
                .eval(base.clone())
                .map_err(|e| DeclarationError {
                    key: "group_by".into(),
                    message: e.to_string(),
                })?
                .to_string();
            if group.as_ref() != Some(&label) {
                groups += 1;
                rows.push(Row {
                    split: false,
                    kind: RowKind::Group,
                    cells: vec![
                        RowCell {
                            text: nd30::roman(groups),
                            colspan: 1,
                            align: Align::Center,
                        },
                        RowCell {
                            text: label.clone(),
                            colspan: columns.len().saturating_sub(1).max(1),
                            align: Align::Left,
                        },
                    ],
                });
                group = Some(label);
            }
        }
        let mut cells = Vec::with_capacity(columns.len());
        for (k, (column, expression)) in columns.iter().zip(&expressions).enumerate() {
            let context = match column.year {
                Some((year, i)) => minijinja::context! { year => year, i => i, ..base.clone() },
                None => base.clone(),
            };
            let key = || format!("columns[{}].value", column.index);
            let value = expression.eval(context).map_err(|e| DeclarationError {
                key: key(),
                message: format!("{} (row {})", e, n + 1),
            })?;
            if value.is_undefined() {
                return Err(DeclarationError {
                    key: key(),
                    message: format!(
                        "{:?} names nothing in row {}",
                        column.declaration.value,
                        n + 1
                    ),
                });
            }
            let (text, number) = cell_value(&value, column.declaration.number);
            if let (true, Some(number)) = (column.declaration.total, number) {
                sums[k] += number;
            }
            cells.push(RowCell {
                text,
                colspan: 1,
                align: column.declaration.align,
            });
        }
        rows.push(Row {
            split: false,
            kind: RowKind::Body,
            cells,
        });
    }
    if declaration.totals {
        rows.push(totals_row(&columns, &sums));
    }
    Ok(Table {
        columns: columns
            .iter()
            .map(|c| Column {
                width_mm: c.declaration.width,
                align: c.declaration.align,
            })
            .collect(),
        header: header(&columns),
        rows,
    })
}

/// `Tổng cộng` over the columns before the first summed one, then the sums.
fn totals_row(columns: &[Expanded], sums: &[f64]) -> Row {
    let label_span = columns
        .iter()
        .position(|c| c.declaration.total)
        .unwrap_or(columns.len())
        .max(1);
    let mut cells = vec![RowCell {
        text: nd30::TOTALS_LABEL.to_string(),
        colspan: label_span,
        align: Align::Center,
    }];
    for (k, column) in columns.iter().enumerate().skip(label_span) {
        let text = if column.declaration.total {
            column.declaration.number.write(sums[k])
        } else {
            String::new()
        };
        cells.push(RowCell {
            text,
            colspan: 1,
            align: column.declaration.align,
        });
    }
    Row {
        split: false,
        kind: RowKind::Totals,
        cells,
    }
}

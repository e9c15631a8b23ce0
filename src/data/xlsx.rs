//! Workbooks written for the office: the consolidated plan, and one fill-in form per commune, both in
//! the layout of the letter's annexes (merged group headers over a row of years, running totals as
//! formulas), so that what comes back reads cleanly.

use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Formula, RowNum, Workbook, Worksheet, XlsxError,
};

use super::plan::{running, Commune, Period, Plan, Product};

/// Title of the communes' table.
pub const COMMUNES_TITLE: &str = "DỰ KIẾN Ý TƯỞNG SẢN PHẨM THAM GIA CHƯƠNG TRÌNH OCOP";
/// Title of the product list.
pub const PRODUCTS_TITLE: &str = "DỰ KIẾN MỘT SỐ Ý TƯỞNG SẢN PHẨM THAM GIA CHƯƠNG TRÌNH OCOP";
/// Group headers over the years, in column order.
pub const GROUPS: [&str; 4] = [
    "Số ý tưởng tham gia",
    "Lũy kế ý tưởng tham gia",
    "Số sản phẩm đạt sao",
    "Lũy kế sản phẩm đạt sao",
];
/// Headers of the product list, before the two rating groups.
const PRODUCT_HEADERS: [&str; 6] = [
    "TT",
    "Tên sản phẩm",
    "Tên cơ sở sản xuất",
    "Địa chỉ cơ sở sản xuất",
    "Hiện trạng sản phẩm (đã có chưa, quy mô, sản lượng hiện tại…)",
    "Năm tham gia",
];
const RATING_GROUPS: [&str; 2] = [
    "Hạng sao và thời gian đạt sao",
    "Hạng sao và thời gian nâng hạng sao",
];
/// Empty rows offered in a commune's product list.
pub const FORM_PRODUCT_ROWS: u32 = 30;

const HEADER_ROW: RowNum = 3;
const YEAR_ROW: RowNum = 4;
const FIRST_ROW: RowNum = 5;

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    number: Format,
    input_text: Format,
    input_number: Format,
    total: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_font_name(crate::nd30::FONT)
            .set_font_size(12)
            .set_border(FormatBorder::Thin);
        let header = cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        Formats {
            title: Format::new()
                .set_font_name(crate::nd30::FONT)
                .set_font_size(13)
                .set_bold()
                .set_align(FormatAlign::Center),
            number: cell.clone().set_align(FormatAlign::Center),
            input_text: cell.clone().set_text_wrap().set_unlocked(),
            input_number: cell.clone().set_align(FormatAlign::Center).set_unlocked(),
            total: cell.clone().set_bold().set_align(FormatAlign::Center),
            text: cell.set_text_wrap(),
            header,
        }
    }
}

fn column(index: usize) -> ColNum {
    index as ColNum
}

fn cell_name(row: RowNum, col: ColNum) -> String {
    super::diagnostic::a1(row, u32::from(col))
}

/// First column of group `g` (0–3).
fn group_column(g: usize, years: usize) -> ColNum {
    column(2 + g * years)
}

/// Writes the communes' table: title, headers, one row per commune (`None` for an empty row to fill),
/// running totals as formulas, and a totals row when `totals` is set.
fn communes_sheet(
    sheet: &mut Worksheet,
    communes: &[(String, Option<&Commune>)],
    period: Period,
    totals: bool,
    fill_in: bool,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let years = period.len();
    let last = group_column(3, years) + column(years) - 1;
    sheet.set_name("Phụ lục 1")?;
    sheet.merge_range(
        0,
        0,
        0,
        last,
        &format!(
            "{COMMUNES_TITLE} GIAI ĐOẠN {}-{}",
            period.first, period.last
        ),
        &f.title,
    )?;
    sheet.merge_range(HEADER_ROW, 0, YEAR_ROW, 0, "TT", &f.header)?;
    sheet.merge_range(HEADER_ROW, 1, YEAR_ROW, 1, "Tên xã", &f.header)?;
    sheet.set_column_width(0, 5)?;
    sheet.set_column_width(1, 22)?;
    for (g, group) in GROUPS.iter().enumerate() {
        let first = group_column(g, years);
        sheet.merge_range(
            HEADER_ROW,
            first,
            HEADER_ROW,
            first + column(years) - 1,
            group,
            &f.header,
        )?;
        for (i, year) in period.years().enumerate() {
            sheet.write_number_with_format(
                YEAR_ROW,
                first + column(i),
                f64::from(year),
                &f.header,
            )?;
            sheet.set_column_width(first + column(i), 7)?;
        }
    }
    sheet.set_row_height(HEADER_ROW, 45)?;
    for (n, (name, commune)) in communes.iter().enumerate() {
        let row = FIRST_ROW + n as RowNum;
        sheet.write_number_with_format(row, 0, (n + 1) as f64, &f.number)?;
        sheet.write_string_with_format(row, 1, name, &f.text)?;
        for (g, yearly) in [
            (0, commune.map(|c| c.ideas.clone())),
            (2, commune.map(|c| c.star_products.clone())),
        ] {
            let yearly = yearly.unwrap_or_else(|| vec![0; years]);
            let first = group_column(g, years);
            let running_first = group_column(g + 1, years);
            let sums = running(&yearly);
            for i in 0..years {
                let input = if fill_in { &f.input_number } else { &f.number };
                if commune.is_some() {
                    sheet.write_number_with_format(
                        row,
                        first + column(i),
                        f64::from(yearly[i]),
                        input,
                    )?;
                } else {
                    sheet.write_blank(row, first + column(i), input)?;
                }
                let this = cell_name(row, first + column(i));
                let formula = match i {
                    0 => format!("={this}"),
                    _ => format!("={}+{this}", cell_name(row, running_first + column(i) - 1)),
                };
                let formula = Formula::new(formula).set_result(sums[i].to_string());
                sheet.write_formula_with_format(
                    row,
                    running_first + column(i),
                    formula,
                    &f.number,
                )?;
            }
        }
    }
    if totals && !communes.is_empty() {
        let row = FIRST_ROW + communes.len() as RowNum;
        sheet.merge_range(row, 0, row, 1, crate::nd30::TOTALS_LABEL, &f.total)?;
        let plan_totals = Plan {
            period,
            communes: communes
                .iter()
                .filter_map(|(_, c)| c.map(|c| (*c).clone()))
                .collect(),
            products: Vec::new(),
        }
        .totals();
        let sums = [
            &plan_totals.ideas,
            &plan_totals.ideas_running,
            &plan_totals.star_products,
            &plan_totals.star_products_running,
        ];
        for (g, values) in sums.iter().enumerate() {
            for i in 0..years {
                let col = group_column(g, years) + column(i);
                let range = format!("{}:{}", cell_name(FIRST_ROW, col), cell_name(row - 1, col));
                let formula =
                    Formula::new(format!("=SUM({range})")).set_result(values[i].to_string());
                sheet.write_formula_with_format(row, col, formula, &f.total)?;
            }
        }
    }
    if fill_in && !communes.is_empty() {
        let last_row = FIRST_ROW + communes.len() as RowNum - 1;
        let whole = DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_title("Số không hợp lệ")?
            .set_error_message("Nhập một số nguyên không âm.")?;
        for g in [0, 2] {
            let first = group_column(g, years);
            sheet.add_data_validation(
                FIRST_ROW,
                first,
                last_row,
                first + column(years) - 1,
                &whole,
            )?;
        }
        sheet.protect();
    }
    sheet.set_freeze_panes(FIRST_ROW, 2)?;
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Writes the product list; `empty_rows` more rows are left open for filling in.
fn products_sheet(
    sheet: &mut Worksheet,
    products: &[Product],
    period: Period,
    empty_rows: u32,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let last: ColNum = 9;
    sheet.set_name("Phụ lục 2")?;
    sheet.merge_range(
        0,
        0,
        0,
        last,
        &format!(
            "{PRODUCTS_TITLE} GIAI ĐOẠN {}-{}",
            period.first, period.last
        ),
        &f.title,
    )?;
    let with_commune = products.iter().any(|p| !p.commune.is_empty());
    for (c, head) in PRODUCT_HEADERS.iter().enumerate() {
        sheet.merge_range(
            HEADER_ROW - 1,
            column(c),
            YEAR_ROW - 1,
            column(c),
            head,
            &f.header,
        )?;
    }
    for (g, head) in RATING_GROUPS.iter().enumerate() {
        let first = column(6 + 2 * g);
        sheet.merge_range(
            HEADER_ROW - 1,
            first,
            HEADER_ROW - 1,
            first + 1,
            head,
            &f.header,
        )?;
        sheet.write_string_with_format(YEAR_ROW - 1, first, "Hạng sao", &f.header)?;
        sheet.write_string_with_format(YEAR_ROW - 1, first + 1, "Năm", &f.header)?;
    }
    for (c, width) in [5.0, 28.0, 24.0, 24.0, 28.0, 9.0, 8.0, 8.0, 8.0, 8.0]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(column(c), width)?;
    }
    sheet.set_row_height(HEADER_ROW - 1, 45)?;
    let mut row = YEAR_ROW;
    let mut group = None;
    let mut n = 0;
    for product in products {
        if with_commune && group != Some(&product.commune) {
            group = Some(&product.commune);
            let title = if super::fold::fold(&product.commune).starts_with("thi tran") {
                product.commune.clone()
            } else {
                format!("Xã {}", product.commune)
            };
            sheet.merge_range(row, 0, row, last, &title, &f.header)?;
            row += 1;
        }
        n += 1;
        sheet.write_number_with_format(row, 0, f64::from(n), &f.number)?;
        for (c, text) in [
            &product.name,
            &product.producer,
            &product.address,
            &product.state,
        ]
        .into_iter()
        .enumerate()
        {
            sheet.write_string_with_format(row, column(c + 1), text, &f.text)?;
        }
        let numbers = [
            product.year.map(f64::from),
            product.rating.map(|r| f64::from(r.stars)),
            product.rating.and_then(|r| r.year).map(f64::from),
            product.upgrade.map(|r| f64::from(r.stars)),
            product.upgrade.and_then(|r| r.year).map(f64::from),
        ];
        for (c, value) in numbers.into_iter().enumerate() {
            match value {
                Some(v) => sheet.write_number_with_format(row, column(5 + c), v, &f.number)?,
                None => sheet.write_blank(row, column(5 + c), &f.number)?,
            };
        }
        row += 1;
    }
    if empty_rows > 0 {
        let last_row = row + empty_rows - 1;
        for r in row..=last_row {
            sheet.write_number_with_format(r, 0, f64::from(r - row + 1 + n), &f.number)?;
            for c in 1..5 {
                sheet.write_blank(r, c, &f.input_text)?;
            }
            for c in 5..=last {
                sheet.write_blank(r, c, &f.input_number)?;
            }
        }
        let years = DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(
                i32::from(period.first),
                i32::from(period.last),
            ))
            .set_error_message(format!(
                "Nhập một năm từ {} đến {}.",
                period.first, period.last
            ))?;
        let stars = DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(3, 5))
            .set_error_message("Hạng sao là 3, 4 hoặc 5.")?;
        for c in [5, 7, 9] {
            sheet.add_data_validation(row, c, last_row, c, &years)?;
        }
        for c in [6, 8] {
            sheet.add_data_validation(row, c, last_row, c, &stars)?;
        }
        sheet.protect();
    }
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    Ok(())
}

fn workbook(period: Period) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(period.first, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    Ok(book)
}

/// The consolidated plan as a workbook: the communes' table with totals, and the product list.
pub fn plan(plan: &Plan) -> Result<Vec<u8>, XlsxError> {
    let mut book = workbook(plan.period)?;
    let communes: Vec<(String, Option<&Commune>)> = plan
        .communes
        .iter()
        .map(|c| (c.name.clone(), Some(c)))
        .collect();
    communes_sheet(book.add_worksheet(), &communes, plan.period, true, false)?;
    products_sheet(book.add_worksheet(), &plan.products, plan.period, 0)?;
    book.save_to_buffer()
}

/// One fill-in workbook per commune of `names`, each with its file name (`cam-binh.xlsx`); an error
/// when there is no name, or when two names would share a file.
pub fn forms(names: &[String], period: Period) -> crate::Result<Vec<(String, Vec<u8>)>> {
    if names.is_empty() {
        return Err(crate::Error::Input("no commune named".into()));
    }
    let mut seen = std::collections::HashMap::new();
    let mut forms = Vec::new();
    for name in names {
        let file = format!("{}.xlsx", super::fold::fold(name).replace(' ', "-"));
        if let Some(other) = seen.insert(file.clone(), name) {
            return Err(crate::Error::Input(format!(
                "{other:?} and {name:?} would both be written as {file}"
            )));
        }
        let bytes = form(name, period).map_err(|e| crate::Error::Input(format!("{name}: {e}")))?;
        forms.push((file, bytes));
    }
    Ok(forms)
}

/// A commune's fill-in form: its row in the communes' table (figures unlocked, whole numbers ≥ 0)
/// and an empty product list (years inside the period, stars 3–5); everything else locked.
pub fn form(commune: &str, period: Period) -> Result<Vec<u8>, XlsxError> {
    let mut book = workbook(period)?;
    communes_sheet(
        book.add_worksheet(),
        &[(commune.to_string(), None)],
        period,
        false,
        true,
    )?;
    products_sheet(book.add_worksheet(), &[], period, FORM_PRODUCT_ROWS)?;
    book.save_to_buffer()
}

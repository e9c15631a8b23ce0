//! The plan model: communes with their yearly numbers, and the product list.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// The programme's years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First year.
    pub first: u16,
    /// Last year.
    pub last: u16,
}

impl Default for Period {
    fn default() -> Period {
        Period {
            first: 2021,
            last: 2025,
        }
    }
}

impl Period {
    /// The years, in order.
    pub fn years(self) -> impl Iterator<Item = u16> {
        self.first..=self.last
    }

    /// Number of years.
    pub fn len(self) -> usize {
        usize::from(self.last.saturating_sub(self.first)) + 1
    }

    /// Whether the period is empty (never, for a valid period).
    pub fn is_empty(self) -> bool {
        self.last < self.first
    }

    /// Whether `year` is inside.
    pub fn contains(self, year: u16) -> bool {
        (self.first..=self.last).contains(&year)
    }

    /// Index of `year` in [`Period::years`].
    pub fn index(self, year: u16) -> Option<usize> {
        self.contains(year).then(|| usize::from(year - self.first))
    }

    /// Reads `2021-2025`.
    pub fn parse(text: &str) -> Option<Period> {
        let (first, last) = text.split_once(['-', '–'])?;
        let period = Period {
            first: first.trim().parse().ok()?,
            last: last.trim().parse().ok()?,
        };
        (period.first <= period.last && period.len() <= 50).then_some(period)
    }
}

/// One commune's figures, one entry per year of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commune {
    /// Name as written (`Cẩm Bình`, `Thị trấn Thiên Cầm`).
    pub name: String,
    /// New product ideas entering the programme each year.
    pub ideas: Vec<u32>,
    /// Products newly rated with stars each year.
    pub star_products: Vec<u32>,
}

/// Running totals of `yearly`.
pub fn running(yearly: &[u32]) -> Vec<u32> {
    yearly
        .iter()
        .scan(0u32, |sum, n| {
            *sum = sum.saturating_add(*n);
            Some(*sum)
        })
        .collect()
}

impl Commune {
    /// Ideas so far, year by year.
    pub fn ideas_running(&self) -> Vec<u32> {
        running(&self.ideas)
    }

    /// Star-rated products so far, year by year.
    pub fn star_products_running(&self) -> Vec<u32> {
        running(&self.star_products)
    }
}

/// A star rating and the year it was (or is to be) reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// 3, 4 or 5 stars.
    pub stars: u8,
    /// Year.
    pub year: Option<u16>,
}

/// A product idea of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// The commune it belongs to.
    pub commune: String,
    /// Tên sản phẩm.
    pub name: String,
    /// Tên cơ sở sản xuất.
    pub producer: String,
    /// Địa chỉ cơ sở sản xuất.
    pub address: String,
    /// Hiện trạng sản phẩm.
    pub state: String,
    /// Năm tham gia.
    pub year: Option<u16>,
    /// Hạng sao và thời gian đạt sao.
    pub rating: Option<Rating>,
    /// Hạng sao và thời gian nâng hạng sao.
    pub upgrade: Option<Rating>,
}

/// The consolidated plan of a district.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Plan {
    /// The programme's years.
    pub period: Period,
    /// Communes in the order read.
    pub communes: Vec<Commune>,
    /// Products in the order read.
    pub products: Vec<Product>,
}

/// Sums per year over all communes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// New ideas per year.
    pub ideas: Vec<u32>,
    /// Ideas so far per year.
    pub ideas_running: Vec<u32>,
    /// Newly star-rated products per year.
    pub star_products: Vec<u32>,
    /// Star-rated products so far per year.
    pub star_products_running: Vec<u32>,
}

impl Plan {
    /// One plan per commune, in the communes' order: its row and its products. Each name is folded
    /// once, so that splitting a plan of thousands of communes costs no more than reading it.
    pub fn per_commune(&self) -> Vec<Plan> {
        let mut plans: Vec<Plan> = self
            .communes
            .iter()
            .map(|c| Plan {
                period: self.period,
                communes: vec![c.clone()],
                products: Vec::new(),
            })
            .collect();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in self.communes.iter().enumerate() {
            by_key
                .entry(super::fold::commune_key(&c.name))
                .or_default()
                .push(i);
        }
        for product in &self.products {
            for &i in by_key
                .get(&super::fold::commune_key(&product.commune))
                .map_or(&[][..], Vec::as_slice)
            {
                plans[i].products.push(product.clone());
            }
        }
        plans
    }

    /// District totals.
    pub fn totals(&self) -> Totals {
        let sum = |pick: fn(&Commune) -> &Vec<u32>| -> Vec<u32> {
            (0..self.period.len())
                .map(|i| {
                    self.communes
                        .iter()
                        .map(|c| pick(c).get(i).copied().unwrap_or(0))
                        .sum()
                })
                .collect()
        };
        let ideas = sum(|c| &c.ideas);
        let star_products = sum(|c| &c.star_products);
        Totals {
            ideas_running: running(&ideas),
            star_products_running: running(&star_products),
            ideas,
            star_products,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_totals_and_district_totals() {
        let plan = Plan {
            period: Period::default(),
            communes: vec![
                Commune {
                    name: "A".into(),
                    ideas: vec![1, 2, 0, 3, 1],
                    star_products: vec![0, 1, 1, 0, 2],
                },
                Commune {
                    name: "B".into(),
                    ideas: vec![2, 0, 1, 1, 0],
                    star_products: vec![1, 0, 0, 1, 0],
                },
            ],
            products: vec![],
        };
        assert_eq!(plan.communes[0].ideas_running(), vec![1, 3, 3, 6, 7]);
        let totals = plan.totals();
        assert_eq!(totals.ideas, vec![3, 2, 1, 4, 1]);
        assert_eq!(totals.ideas_running, vec![3, 5, 6, 10, 11]);
        assert_eq!(totals.star_products_running, vec![1, 2, 3, 4, 6]);
    }

    #[test]
    fn each_commune_gets_its_own_products_whatever_its_title() {
        let commune = |name: &str| Commune {
            name: name.into(),
            ideas: vec![],
            star_products: vec![],
        };
        let product = |commune: &str, name: &str| Product {
            commune: commune.into(),
            name: name.into(),
            producer: String::new(),
            address: String::new(),
            state: String::new(),
            year: None,
            rating: None,
            upgrade: None,
        };
        let plan = Plan {
            period: Period::default(),
            communes: vec![commune("Xã Cẩm Bình"), commune("Thị trấn Thiên Cầm")],
            products: vec![
                product("Thiên Cầm", "Nước mắm"),
                product("CẨM BÌNH", "Bưởi"),
                product("Cẩm Hà", "Chè"),
                product("xã Cẩm Bình", "Mật ong"),
            ],
        };
        let names = |p: &Plan| {
            p.products
                .iter()
                .map(|x| x.name.clone())
                .collect::<Vec<_>>()
        };
        let own = plan.per_commune();
        assert_eq!(own.len(), 2);
        assert_eq!(own[0].communes, vec![commune("Xã Cẩm Bình")]);
        assert_eq!(names(&own[0]), ["Bưởi", "Mật ong"]);
        assert_eq!(names(&own[1]), ["Nước mắm"]);
    }

    #[test]
    fn periods_parse() {
        assert_eq!(Period::parse("2021-2025"), Some(Period::default()));
        assert_eq!(Period::parse("2026 – 2030").map(|p| p.len()), Some(5));
        assert_eq!(Period::parse("2025-2021"), None);
        assert_eq!(Period::default().index(2023), Some(2));
    }
}

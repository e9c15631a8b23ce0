//! A synthetic plan of many communes, for the batch tests and benchmarks.

/// A plan of `count` communes (`Xã Thử Nghiệm 0`, …), each with yearly figures and, when `products`,
/// one product.
pub fn plan_json(count: usize, products: bool) -> String {
    let communes: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{"name": "Xã Thử Nghiệm {i}", "ideas": [{}, 1, 0, 2, 1], "star_products": [0, {}, 0, 1, 0]}}"#,
                i % 3,
                i % 2
            )
        })
        .collect();
    let products: Vec<String> = (0..count)
        .filter(|_| products)
        .map(|i| {
            format!(
                r#"{{"commune": "Xã Thử Nghiệm {i}", "name": "Sản phẩm của xã {i}", "producer": "Hợp tác xã", "address": "Thôn 1", "state": "Đã có", "year": 2022, "rating": {{"stars": 3, "year": 2023}}, "upgrade": null}}"#
            )
        })
        .collect();
    format!(
        r#"{{"period": {{"first": 2021, "last": 2025}}, "communes": [{}], "products": [{}]}}"#,
        communes.join(","),
        products.join(",")
    )
}

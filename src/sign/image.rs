//! A signature's or a seal's image (a PNG with a transparent background) as the appearance of its
//! field: the signer's fitted into the room between the position lines and the name, the seal's at
//! its real size (from the PNG's `pHYs` resolution) centred where the organisation's field is.

use lopdf::{dictionary, Document, Object, ObjectId, Stream};

use crate::error::{Error, Result};

/// Points in a metre.
const POINTS_PER_METRE: f32 = 72.0 / 0.0254;

/// An image read from a PNG: its pixels as RGB and alpha, and its printed size when the file says it.
pub struct Picture {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
    alpha: Vec<u8>,
    /// Width and height in points, from the PNG's resolution.
    size_pt: Option<(f32, f32)>,
}

impl Picture {
    /// Reads a PNG of any colour type and depth.
    pub fn read(png_bytes: &[u8]) -> Result<Picture> {
        let bad = |e: &dyn std::fmt::Display| {
            Error::Input(format!("the image is not a readable PNG: {e}"))
        };
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        decoder.set_transformations(
            png::Transformations::normalize_to_color8() | png::Transformations::ALPHA,
        );
        let mut reader = decoder.read_info().map_err(|e| bad(&e))?;
        let size = reader
            .output_buffer_size()
            .ok_or_else(|| bad(&"too large"))?;
        let mut pixels = vec![0; size];
        let frame = reader.next_frame(&mut pixels).map_err(|e| bad(&e))?;
        let (width, height) = (frame.width, frame.height);
        let channels = match frame.color_type {
            png::ColorType::Rgba => 4,
            png::ColorType::GrayscaleAlpha => 2,
            other => return Err(bad(&format!("{other:?} pixels"))),
        };
        let mut rgb = Vec::with_capacity((width * height * 3) as usize);
        let mut alpha = Vec::with_capacity((width * height) as usize);
        for row in pixels.chunks(frame.line_size).take(height as usize) {
            for pixel in row.chunks(channels).take(width as usize) {
                if channels == 4 {
                    rgb.extend_from_slice(&pixel[..3]);
                } else {
                    rgb.extend_from_slice(&[pixel[0]; 3]);
                }
                alpha.push(pixel[channels - 1]);
            }
        }
        let size_pt = reader.info().pixel_dims.and_then(|d| {
            (d.unit == png::Unit::Meter && d.xppu > 0 && d.yppu > 0).then(|| {
                (
                    width as f32 / d.xppu as f32 * POINTS_PER_METRE,
                    height as f32 / d.yppu as f32 * POINTS_PER_METRE,
                )
            })
        });
        Ok(Picture {
            width,
            height,
            rgb,
            alpha,
            size_pt,
        })
    }

    /// The rectangle the image takes in `rect` (left, bottom, right, top): at its real size centred
    /// there when `real_size` and the PNG says its size, else as large as fits, centred.
    pub fn placed(&self, rect: [f32; 4], real_size: bool) -> [f32; 4] {
        let [x0, y0, x1, y1] = rect;
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let (w, h) = match (real_size, self.size_pt) {
            (true, Some(size)) => size,
            _ => {
                let scale = ((x1 - x0) / self.width as f32).min((y1 - y0) / self.height as f32);
                (self.width as f32 * scale, self.height as f32 * scale)
            }
        };
        [cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0]
    }

    /// The appearance (a form XObject `w` × `h` points) that draws the image over all of it, added
    /// to `document` with the image and its transparency.
    pub fn appearance(&self, document: &mut Document, w: f32, h: f32) -> Result<ObjectId> {
        let fail = |e: lopdf::Error| Error::Input(format!("the image cannot be added: {e}"));
        let mut mask = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => self.width,
                "Height" => self.height,
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8,
            },
            self.alpha.clone(),
        );
        mask.compress().map_err(fail)?;
        let mask = document.add_object(mask);
        let mut image = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => self.width,
                "Height" => self.height,
                "ColorSpace" => "DeviceRGB",
                "BitsPerComponent" => 8,
                "SMask" => mask,
            },
            self.rgb.clone(),
        );
        image.compress().map_err(fail)?;
        let image = document.add_object(image);
        let content = format!("q {w} 0 0 {h} 0 0 cm /Im Do Q").into_bytes();
        Ok(document.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), w.into(), h.into()],
                "Resources" => dictionary! { "XObject" => dictionary! { "Im" => Object::Reference(image) } },
            },
            content,
        )))
    }
}

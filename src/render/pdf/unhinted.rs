//! TrueType fonts without their hinting, for placing in PDFs.
//!
//! Hinting (the `fpgm`, `prep` and `cvt ` programs, and the instructions in each glyph) fits outlines
//! to a screen's pixel grid at small sizes. PDF viewers and printers draw the outlines alone, so in a PDF
//! it is dead weight: about 40 % of Liberation Serif's bytes, and so of every subset the PDF writer
//! embeds and compresses anew for each document. So are the glyph names of the `post` table: a PDF maps
//! its glyphs to text with a table of its own. Outlines, advance widths and every other table are kept
//! as they are.

use read_fonts::tables::glyf::Glyph as ReadGlyph;
use read_fonts::types::{GlyphId, Tag};
use read_fonts::{FontRef, TableProvider};
use write_fonts::from_obj::FromTableRef;
use write_fonts::tables::glyf::{CompositeGlyph, GlyfLocaBuilder, Glyph, SimpleGlyph};
use write_fonts::tables::head::Head;
use write_fonts::FontBuilder;

/// Tables that only serve hinting (`cvar` varies the `cvt `), and a digital signature the rewrite
/// would leave false.
const LEFT_OUT: [&[u8; 4]; 8] = [
    b"fpgm", b"prep", b"cvt ", b"cvar", b"hdmx", b"LTSH", b"VDMX", b"DSIG",
];

/// Font `index` of `data` (a TrueType file or collection) as a font file of its own, without hinting;
/// `None` when it has no outlines in `glyf`, or cannot be rewritten, so the caller keeps it as it is.
pub fn unhinted(data: &[u8], index: u32) -> Option<Vec<u8>> {
    let font = FontRef::from_index(data, index).ok()?;
    let glyf = font.glyf().ok()?;
    let loca = font.loca(None).ok()?;
    let mut builder = GlyfLocaBuilder::new();
    for id in 0..font.maxp().ok()?.num_glyphs() {
        let glyph = match loca.get_glyf(GlyphId::new(u32::from(id)), &glyf).ok()? {
            None => Glyph::Empty,
            Some(ReadGlyph::Simple(simple)) => {
                let mut simple = SimpleGlyph::from_table_ref(&simple);
                simple.instructions.clear();
                Glyph::Simple(simple)
            }
            Some(ReadGlyph::Composite(composite)) => {
                // Built again from its components, which leaves its instructions out.
                let composite = CompositeGlyph::from_table_ref(&composite);
                let bbox = composite.bbox;
                let parts = composite.components().iter().map(|c| (c.clone(), bbox));
                Glyph::Composite(CompositeGlyph::try_from_iter(parts).ok()?)
            }
        };
        builder.add_glyph(&glyph).ok()?;
    }
    let (glyf, loca, loca_format) = builder.build();
    let mut head = Head::from_table_ref(&font.head().ok()?);
    head.index_to_loc_format = loca_format as i16;

    let mut out = FontBuilder::new();
    out.add_table(&glyf).ok()?;
    out.add_table(&loca).ok()?;
    out.add_table(&head).ok()?;
    let left_out = LEFT_OUT.map(Tag::new);
    for record in font.table_directory().table_records() {
        let tag = record.tag();
        if tag == Tag::new(b"post") {
            out.add_raw(tag, nameless_post(font.data_for_tag(tag)?.as_bytes())?);
        } else if !out.contains(tag) && !left_out.contains(&tag) {
            out.add_raw(tag, font.data_for_tag(tag)?.as_bytes());
        }
    }
    Some(out.build())
}

/// The `post` table `post` as version 3: its header (italic angle, underline, fixed pitch) without
/// the glyph names, which a PDF's text does not use (it maps glyphs to text with its own table).
fn nameless_post(post: &[u8]) -> Option<Vec<u8>> {
    let mut header = post.get(..32)?.to_vec();
    header[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    Some(header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::EMBEDDED;
    use ttf_parser::{Face, OutlineBuilder};

    /// Records an outline as text, to compare two fonts' outlines of one glyph.
    #[derive(Default)]
    struct Path(String);

    impl OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0 += &format!("M{x} {y}");
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0 += &format!("L{x} {y}");
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0 += &format!("Q{x1} {y1} {x} {y}");
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0 += &format!("C{x1} {y1} {x2} {y2} {x} {y}");
        }
        fn close(&mut self) {
            self.0 += "Z";
        }
    }

    fn outline(face: &Face, c: char) -> (String, Option<u16>) {
        let id = face.glyph_index(c).expect("glyph");
        let mut path = Path::default();
        face.outline_glyph(id, &mut path);
        (path.0, face.glyph_hor_advance(id))
    }

    #[test]
    fn every_embedded_face_keeps_its_outlines_and_widths_and_loses_its_hinting() {
        for data in EMBEDDED {
            let bare = unhinted(data, 0).expect("the embedded faces are TrueType");
            assert!(
                bare.len() * 10 < data.len() * 7,
                "{} → {} bytes",
                data.len(),
                bare.len()
            );
            let (old, new) = (
                Face::parse(data, 0).expect("font"),
                Face::parse(&bare, 0).expect("unhinted font"),
            );
            assert_eq!(old.number_of_glyphs(), new.number_of_glyphs());
            // Simple glyphs, composites (precomposed letters with marks) and an empty one.
            for c in "aAgưƯờỗẫỹĐđ€ ".chars() {
                assert_eq!(outline(&old, c), outline(&new, c), "{c}");
            }
            let raw = FontRef::new(&bare).expect("font");
            for tag in LEFT_OUT {
                assert!(raw.data_for_tag(Tag::new(tag)).is_none(), "{tag:?} left in");
            }
            let glyf = raw.glyf().expect("glyf");
            let loca = raw.loca(None).expect("loca");
            for id in 0..new.number_of_glyphs() {
                match loca
                    .get_glyf(GlyphId::new(u32::from(id)), &glyf)
                    .expect("glyph")
                {
                    Some(ReadGlyph::Simple(g)) => assert!(g.instructions().is_empty()),
                    Some(ReadGlyph::Composite(g)) => assert!(g.instructions().is_none()),
                    None => {}
                }
            }
        }
    }

    #[test]
    fn what_is_not_a_truetype_font_is_left_alone() {
        assert_eq!(unhinted(b"not a font", 0), None);
    }

    /// A collection of two faces, as `.ttc` files hold them: the table directories first, then the
    /// tables, their offsets counted from the start of the file.
    fn collection(faces: [&[u8]; 2]) -> Vec<u8> {
        let mut faces_tables: Vec<Vec<(Tag, Vec<u8>)>> = Vec::new();
        let header = 12 + 4 * faces.len();
        let mut offset = header;
        let mut directories = Vec::new();
        for face in faces {
            let font = FontRef::new(face).expect("font");
            let records: Vec<(Tag, Vec<u8>)> = font
                .table_directory()
                .table_records()
                .iter()
                .map(|r| {
                    (
                        r.tag(),
                        font.data_for_tag(r.tag())
                            .expect("table")
                            .as_bytes()
                            .to_vec(),
                    )
                })
                .collect();
            directories.push(offset);
            offset += 12 + 16 * records.len();
            faces_tables.push(records);
        }
        let mut out = Vec::new();
        out.extend(b"ttcf");
        out.extend(0x0001_0000u32.to_be_bytes());
        out.extend((faces.len() as u32).to_be_bytes());
        for at in &directories {
            out.extend((*at as u32).to_be_bytes());
        }
        let mut data_at = offset;
        let mut data = Vec::new();
        for records in &faces_tables {
            out.extend(0x0001_0000u32.to_be_bytes());
            out.extend((records.len() as u16).to_be_bytes());
            out.extend([0u8; 6]);
            for (tag, bytes) in records {
                out.extend(tag.to_be_bytes());
                out.extend(0u32.to_be_bytes());
                out.extend((data_at as u32).to_be_bytes());
                out.extend((bytes.len() as u32).to_be_bytes());
                let padded = bytes.len().div_ceil(4) * 4;
                data.extend(bytes);
                data.resize(data.len() + padded - bytes.len(), 0);
                data_at += padded;
            }
        }
        out.extend(data);
        out
    }

    #[test]
    fn a_face_of_a_collection_comes_out_as_a_font_of_its_own() {
        let ttc = collection([EMBEDDED[0], EMBEDDED[1]]);
        let bold = unhinted(&ttc, 1).expect("the second face");
        let face = Face::parse(&bold, 0).expect("a font file of its own");
        let original = Face::parse(EMBEDDED[1], 0).expect("bold");
        assert_eq!(outline(&face, 'Ư'), outline(&original, 'Ư'));
        assert!(face.is_bold());
    }
}

//! The summary chart as a PNG: offices per step (a funnel) and completions
//! per week. Drawn with plotters on a bitmap. Every word on it is a `chart-*`
//! message in the reader's language, drawn with an embedded subset of Noto
//! Sans CJK JP (`assets/fonts/`, SIL OFL 1.1) through ab_glyph, so it renders
//! the same on a server without any system fonts.
//!
//! Text is rasterized here rather than by plotters' own `ab_glyph` feature:
//! plotters 0.3.7 draws each glyph at the pen position without its left side
//! bearing, which spaces text unevenly (「イ ンスト ーラ」, "1 2 weeks").

use std::sync::OnceLock;

use ab_glyph::{point, Font, FontRef, Glyph, PxScale, ScaleFont};
use plotters::prelude::*;

use crate::content::{Content, Lang};
use crate::playbook::StepId;
use crate::reply::Msg;
use crate::staff::Summary;

const W: u32 = 800;
const H: u32 = 520;
const WEEK: i64 = 7 * 86_400;
/// Weeks shown in the completions panel.
pub const WEEKS: usize = 12;

/// The chart's font: Noto Sans CJK JP Regular, subset to ASCII and the
/// characters of the `chart-*` messages by `assets/fonts/subset.sh`.
pub const FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKjp-chart.otf");

/// The parsed [`FONT`]; `None` (logged) if it does not parse, and then the
/// chart is drawn without text.
fn font() -> Option<&'static FontRef<'static>> {
    static PARSED: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            FontRef::try_from_slice(FONT)
                .map_err(|e| tracing::error!(error = %e, "the embedded chart font does not parse"))
                .ok()
        })
        .as_ref()
}

/// The message id of a step's label on the chart.
pub fn step_label_id(step: StepId) -> String {
    format!("chart-step-{}", step.as_str())
}

const INK: RGBColor = RGBColor(40, 40, 40);
const BAR: RGBColor = RGBColor(47, 111, 179);
const DONE: RGBColor = RGBColor(46, 157, 91);

/// Text sizes in pixels per em.
const TITLE_EM: f32 = 18.0;
const LABEL_EM: f32 = 14.0;
const SMALL_EM: f32 = 12.0;
/// The middle of the ideographic em box above the baseline, in ems (Noto
/// Sans CJK's typo ascender 880 and descender −120 of 1000 units); capitals
/// and digits (733 units high) centre close to it.
const MIDDLE_EM: f32 = 0.38;

type Area<'a> = DrawingArea<BitMapBackend<'a>, plotters::coord::Shift>;

/// Where text is anchored horizontally.
#[derive(Clone, Copy)]
enum Align {
    Left,
    Center,
}

/// ab_glyph scales a font to its ascent-to-descent height, not to the em.
fn scale(font: &FontRef, em: f32) -> PxScale {
    PxScale::from(em * font.height_unscaled() / font.units_per_em().unwrap_or(1000.0))
}

/// `s` laid out from x = 0 on the baseline y = 0 (advances and kerning):
/// its glyphs and its width in pixels.
fn layout(font: &FontRef<'static>, s: &str, em: f32) -> (Vec<Glyph>, f32) {
    let f = font.as_scaled(scale(font, em));
    let mut glyphs = Vec::new();
    let mut pen = 0.0;
    let mut prev = None;
    for c in s.chars() {
        let id = f.glyph_id(c);
        if let Some(p) = prev {
            pen += f.kern(p, id);
        }
        glyphs.push(id.with_scale_and_position(f.scale(), point(pen, 0.0)));
        pen += f.h_advance(id);
        prev = Some(id);
    }
    (glyphs, pen)
}

/// Width in pixels of `s` at `em` (0 without the font).
fn text_width(s: &str, em: f32) -> f32 {
    font().map_or(0.0, |font| layout(font, s, em).1)
}

/// Draws `s` with its middle at `y`, aligned on `x`, at `em` pixels per em
/// or smaller so that it fits in `max_w` pixels.
fn label(area: &Area, s: &str, (x, y): (i32, i32), em: f32, align: Align, max_w: i32) {
    let Some(font) = font() else { return };
    let (mut glyphs, mut width) = layout(font, s, em);
    let mut em = em;
    if width > max_w as f32 {
        em *= max_w as f32 / width;
        (glyphs, width) = layout(font, s, em);
    }
    let left = match align {
        Align::Left => x as f32,
        Align::Center => x as f32 - width / 2.0,
    };
    let baseline = (y as f32 + MIDDLE_EM * em).round();
    for mut glyph in glyphs {
        glyph.position = point(left + glyph.position.x, baseline);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let b = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let at = (b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32);
            let _ = area.draw_pixel(at, &INK.mix(f64::from(coverage.min(1.0))));
        });
    }
}

/// Completions per week for the `WEEKS` weeks up to `now`, oldest first.
pub fn completions_per_week(completed_at: impl Iterator<Item = i64>, now: i64) -> Vec<usize> {
    let mut weeks = vec![0; WEEKS];
    for at in completed_at {
        let ago = (now - at).div_euclid(WEEK);
        if (0..WEEKS as i64).contains(&ago) {
            weeks[WEEKS - 1 - ago as usize] += 1;
        }
    }
    weeks
}

/// Renders the summary chart as PNG bytes, labelled in `lang`.
pub fn render_png(content: &Content, lang: Lang, s: &Summary, now: i64) -> Vec<u8> {
    let text = |m: Msg| content.text(lang, &m);
    let count = |n: usize| text(Msg::new("chart-count").num("count", n as i64));
    let widest = |texts: &mut dyn Iterator<Item = &String>| {
        texts.map(|t| text_width(t, LABEL_EM)).fold(0.0, f32::max).ceil() as i32
    };
    let mut buf = vec![255u8; (W * H * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (W, H)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let full = W as i32 - 40;

        // Funnel: offices whose current step is each step, then done.
        let title = text(Msg::new("chart-title-steps").num("total", s.total as i64));
        label(&root, &title, (20, 22), TITLE_EM, Align::Left, full);
        // (label, count as text, count, colour)
        let mut rows: Vec<(String, String, usize, RGBColor)> = StepId::ALL
            .iter()
            .filter(|st| **st != StepId::ProxyApplication || s.by_step.get(st).copied().unwrap_or(0) > 0)
            .map(|st| {
                let n = s.by_step.get(st).copied().unwrap_or(0);
                (text(Msg::new(step_label_id(*st))), count(n), n, BAR)
            })
            .collect();
        rows.push((text(Msg::new("chart-step-done")), count(s.completed), s.completed, DONE));
        // Columns as wide as their longest text (a very long label shrinks).
        let label_w = widest(&mut rows.iter().map(|r| &r.0)).min(300);
        let count_w = widest(&mut rows.iter().map(|r| &r.1)).max(24);
        let bar_left = 20 + label_w + 16;
        let bar_max = W as i32 - 20 - count_w - 12 - bar_left;
        let max = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
        for (i, (name, n_text, n, color)) in rows.iter().enumerate() {
            let y = 46 + i as i32 * 30;
            label(&root, name, (20, y + 11), LABEL_EM, Align::Left, label_w);
            let w = (*n as i64 * bar_max as i64 / max as i64) as i32;
            let cx = bar_left + (bar_max - w) / 2;
            if w > 0 {
                let _ = root.draw(&Rectangle::new([(cx, y), (cx + w, y + 22)], color.filled()));
            }
            let right = bar_left + bar_max + 12;
            label(&root, n_text, (right, y + 11), LABEL_EM, Align::Left, count_w);
        }

        // Completions per week.
        let top = 300;
        let title = text(Msg::new("chart-title-weeks").num("weeks", WEEKS as i64));
        label(&root, &title, (20, top + 10), TITLE_EM, Align::Left, full);
        let completed = s.offices.iter().filter_map(|o| o.completed_at);
        let weeks = completions_per_week(completed, now);
        let wmax = weeks.iter().copied().max().unwrap_or(0).max(1);
        let base = H as i32 - 36;
        let chart_h = base - (top + 48);
        let slot = (W as i32 - 80) / WEEKS as i32;
        let bar_w = slot - 12;
        let _ = root.draw(&PathElement::new(vec![(40, base), (W as i32 - 30, base)], INK));
        for (i, n) in weeks.iter().enumerate() {
            let x = 50 + i as i32 * slot;
            let mid = x + bar_w / 2;
            let h = (*n as i64 * chart_h as i64 / wmax as i64) as i32;
            if h > 0 {
                let _ = root.draw(&Rectangle::new([(x, base - h), (x + bar_w, base)], DONE.filled()));
            }
            let above = (mid, base - h - 10);
            label(&root, &count(*n), above, SMALL_EM, Align::Center, slot - 4);
            let ago = WEEKS - 1 - i;
            let when = if ago == 0 {
                text(Msg::new("chart-this-week"))
            } else {
                text(Msg::new("chart-weeks-ago").num("weeks", ago as i64))
            };
            label(&root, &when, (mid, base + 16), SMALL_EM, Align::Center, slot - 4);
        }
        let _ = root.present();
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, W, H);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        match enc.write_header() {
            Ok(mut w) => {
                if let Err(e) = w.write_image_data(&buf) {
                    tracing::error!(error = %e, "chart encoding failed");
                }
            }
            Err(e) => tracing::error!(error = %e, "chart encoding failed"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use ab_glyph::{Font, FontRef, GlyphId};

    use super::*;
    use crate::playbook::Mode;
    use crate::staff::OfficeRow;

    #[test]
    fn weeks_bucket_completions() {
        let now = 100 * WEEK;
        let w = completions_per_week([now - 10, now - WEEK - 5, now - 20 * WEEK].into_iter(), now);
        assert_eq!(w.len(), WEEKS);
        assert_eq!(w[WEEKS - 1], 1);
        assert_eq!(w[WEEKS - 2], 1);
        assert_eq!(w.iter().sum::<usize>(), 2);
    }

    /// Every `chart-*` message in `lang`, formatted with arguments that use
    /// every digit.
    fn chart_texts(c: &Content, lang: Lang) -> Vec<(String, String)> {
        c.ids(lang)
            .iter()
            .filter(|(id, _)| id.starts_with("chart-"))
            .map(|(id, _)| {
                let m = Msg::new(id.clone())
                    .num("total", 1_234_567_890)
                    .num("count", 9_876_543_210)
                    .num("weeks", 11);
                (id.clone(), c.text(lang, &m))
            })
            .collect()
    }

    #[test]
    fn every_chart_character_has_a_glyph() {
        let font = FontRef::try_from_slice(FONT).unwrap();
        let c = Content::embedded().unwrap();
        for lang in Lang::ALL {
            let texts = chart_texts(&c, lang);
            // What render_png draws is among them.
            let mut used = vec![
                "chart-title-steps".to_string(),
                "chart-title-weeks".into(),
                "chart-step-done".into(),
                "chart-count".into(),
                "chart-weeks-ago".into(),
                "chart-this-week".into(),
            ];
            used.extend(StepId::ALL.iter().map(|st| step_label_id(*st)));
            for id in &used {
                assert!(texts.iter().any(|(i, _)| i == id), "{lang}: {id} missing");
            }
            for (id, text) in &texts {
                assert!(!text.contains('{'), "{lang}: {id} has an unformatted placeable: {text}");
                for ch in text.chars() {
                    assert_ne!(
                        font.glyph_id(ch),
                        GlyphId(0),
                        "{lang}: {id} uses {ch:?} (U+{:04X}), which the chart font lacks; \
                         run assets/fonts/subset.sh",
                        ch as u32
                    );
                }
            }
        }
    }

    fn finished(i: usize, completed_at: i64) -> OfficeRow {
        OfficeRow {
            number: Arc::from(format!("13{i:08}")),
            name: Arc::from("テスト事業所"),
            mode: Mode::Direct,
            current_step: None,
            done_steps: 6,
            total_steps: 6,
            updated_at: completed_at,
            stalled: false,
            waiting_since: None,
            step_since: completed_at,
            days_at_step: 0,
            completed_at: Some(completed_at),
            agent: None,
            current_by_agent: false,
        }
    }

    /// A summary with `by_step` offices still going and `done[w]` offices
    /// finished `w` weeks ago.
    fn sample(now: i64, by_step: &[(StepId, usize)], done: &[usize]) -> Summary {
        let offices: Vec<OfficeRow> = done
            .iter()
            .enumerate()
            .flat_map(|(w, n)| std::iter::repeat(now - w as i64 * WEEK - 3600).take(*n))
            .enumerate()
            .map(|(i, at)| finished(i, at))
            .collect();
        Summary {
            total: by_step.iter().map(|(_, n)| n).sum::<usize>() + offices.len(),
            completed: offices.len(),
            stalled: 0,
            waiting: 0,
            by_step: by_step.iter().copied().collect(),
            by_mode: BTreeMap::new(),
            offices,
            agents: Vec::new(),
        }
    }

    #[test]
    fn renders_a_labelled_png_in_both_languages() {
        let c = Content::embedded().unwrap();
        let now = 1_795_447_800;
        use StepId::*;
        let small = sample(
            now,
            &[
                (Environment, 3),
                (Notify, 12),
                (Login, 7),
                (Certificate, 5),
                (Installer, 2),
                (Software, 1),
            ],
            &[2, 1, 0, 3, 1, 0, 0, 1, 0, 0, 1, 2],
        );
        // Nationwide: every step (the proxy application one too), big numbers.
        let large = sample(
            now,
            &[
                (Environment, 61_204),
                (Notify, 53_277),
                (ProxyApplication, 9_870),
                (Login, 41_002),
                (Certificate, 22_310),
                (Installer, 8_123),
                (Software, 4_011),
            ],
            &[
                2_480, 2_310, 1_990, 2_904, 3_105, 0, 1_204, 2_222, 2_015, 1_876, 2_560, 2_700,
            ],
        );
        for (name, s) in [("", &small), ("-large", &large)] {
            for lang in Lang::ALL {
                let png = render_png(&c, lang, s, now);
                if let Some(dir) = std::env::var_os("CHART_PNG_DIR") {
                    let file = std::path::Path::new(&dir).join(format!("chart-{lang}{name}.png"));
                    std::fs::write(file, &png).unwrap();
                }
                let mut reader = png::Decoder::new(std::io::Cursor::new(png.as_slice()))
                    .read_info()
                    .unwrap();
                assert_eq!((reader.info().width, reader.info().height), (W, H), "{lang}");
                let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
                reader.next_frame(&mut pixels).unwrap();
                // The title was drawn: dark pixels in its band, left of the middle.
                let dark = (8..36)
                    .flat_map(|y| (20..400).map(move |x| ((y * W + x) * 3) as usize))
                    .filter(|&i| pixels[i] < 128 && pixels[i + 1] < 128 && pixels[i + 2] < 128)
                    .count();
                assert!(dark > 100, "{lang}{name}: only {dark} dark pixels where the title is");
            }
        }
    }
}

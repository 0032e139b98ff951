//! The summary chart as a PNG: offices per step (a funnel) and completions
//! per week. Drawn with plotters on a bitmap; labels use a built-in pixel
//! font, so it renders the same on a server without any system fonts.

use plotters::prelude::*;

use crate::playbook::StepId;
use crate::staff::Summary;

const W: u32 = 800;
const H: u32 = 520;
const WEEK: i64 = 7 * 86_400;
/// Weeks shown in the completions panel.
pub const WEEKS: usize = 12;

/// 5×7 glyphs, one string of 7 rows of 5 bits per character.
fn glyph(c: char) -> Option<[u8; 7]> {
    let g: [u8; 7] = match c {
        '0' => [14, 17, 19, 21, 25, 17, 14],
        '1' => [4, 12, 4, 4, 4, 4, 14],
        '2' => [14, 17, 1, 2, 4, 8, 31],
        '3' => [31, 2, 4, 2, 1, 17, 14],
        '4' => [2, 6, 10, 18, 31, 2, 2],
        '5' => [31, 16, 30, 1, 1, 17, 14],
        '6' => [6, 8, 16, 30, 17, 17, 14],
        '7' => [31, 1, 2, 4, 8, 8, 8],
        '8' => [14, 17, 17, 14, 17, 17, 14],
        '9' => [14, 17, 17, 15, 1, 2, 12],
        'A' => [14, 17, 17, 31, 17, 17, 17],
        'B' => [30, 17, 17, 30, 17, 17, 30],
        'C' => [14, 17, 16, 16, 16, 17, 14],
        'D' => [28, 18, 17, 17, 17, 18, 28],
        'E' => [31, 16, 16, 30, 16, 16, 31],
        'F' => [31, 16, 16, 30, 16, 16, 16],
        'G' => [14, 17, 16, 23, 17, 17, 15],
        'H' => [17, 17, 17, 31, 17, 17, 17],
        'I' => [14, 4, 4, 4, 4, 4, 14],
        'J' => [7, 2, 2, 2, 2, 18, 12],
        'K' => [17, 18, 20, 24, 20, 18, 17],
        'L' => [16, 16, 16, 16, 16, 16, 31],
        'M' => [17, 27, 21, 21, 17, 17, 17],
        'N' => [17, 17, 25, 21, 19, 17, 17],
        'O' => [14, 17, 17, 17, 17, 17, 14],
        'P' => [30, 17, 17, 30, 16, 16, 16],
        'Q' => [14, 17, 17, 17, 21, 18, 13],
        'R' => [30, 17, 17, 30, 20, 18, 17],
        'S' => [15, 16, 16, 14, 1, 1, 30],
        'T' => [31, 4, 4, 4, 4, 4, 4],
        'U' => [17, 17, 17, 17, 17, 17, 14],
        'V' => [17, 17, 17, 17, 17, 10, 4],
        'W' => [17, 17, 17, 21, 21, 21, 10],
        'X' => [17, 17, 10, 4, 10, 17, 17],
        'Y' => [17, 17, 17, 10, 4, 4, 4],
        'Z' => [31, 1, 2, 4, 8, 16, 31],
        '-' => [0, 0, 0, 31, 0, 0, 0],
        '/' => [1, 1, 2, 4, 8, 16, 16],
        ':' => [0, 12, 12, 0, 12, 12, 0],
        '%' => [24, 25, 2, 4, 8, 19, 3],
        '.' => [0, 0, 0, 0, 0, 12, 12],
        '(' => [2, 4, 8, 8, 8, 4, 2],
        ')' => [8, 4, 2, 2, 2, 4, 8],
        ' ' => [0; 7],
        _ => return None,
    };
    Some(g)
}

/// Draws text with the pixel font at `scale` pixels per dot.
fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    s: &str,
    x: i32,
    y: i32,
    scale: i32,
    color: &RGBColor,
) {
    let mut cx = x;
    for c in s.chars().flat_map(char::to_uppercase) {
        if let Some(rows) = glyph(c) {
            for (r, bits) in rows.iter().enumerate() {
                for col in 0..5 {
                    if bits & (1 << (4 - col)) != 0 {
                        let px = cx + col * scale;
                        let py = y + r as i32 * scale;
                        let _ = area.draw(&Rectangle::new([(px, py), (px + scale, py + scale)], color.filled()));
                    }
                }
            }
        }
        cx += 6 * scale;
    }
}

/// Width in pixels of `s` drawn at `scale`.
fn text_width(s: &str, scale: i32) -> i32 {
    s.chars().count() as i32 * 6 * scale
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

const INK: RGBColor = RGBColor(40, 40, 40);
const BAR: RGBColor = RGBColor(47, 111, 179);
const DONE: RGBColor = RGBColor(46, 157, 91);

/// Renders the summary chart as PNG bytes.
pub fn render_png(s: &Summary, now: i64) -> Vec<u8> {
    let mut buf = vec![255u8; (W * H * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (W, H)).into_drawing_area();
        let _ = root.fill(&WHITE);
        // Funnel: offices whose current step is each step, then done.
        text(&root, "OFFICES PER STEP", 20, 14, 2, &INK);
        let mut rows: Vec<(String, usize, RGBColor)> = StepId::ALL
            .iter()
            .filter(|st| **st != StepId::ProxyApplication || s.by_step.get(st).copied().unwrap_or(0) > 0)
            .map(|st| (st.as_str().to_string(), s.by_step.get(st).copied().unwrap_or(0), BAR))
            .collect();
        rows.push(("done".to_string(), s.completed, DONE));
        let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
        let label_w = 220;
        let bar_max = W as i32 - label_w - 100;
        for (i, (label, n, color)) in rows.iter().enumerate() {
            let y = 40 + i as i32 * 30;
            text(&root, label, 20, y + 4, 2, &INK);
            let w = (*n as i64 * bar_max as i64 / max as i64) as i32;
            let cx = label_w + (bar_max - w) / 2;
            if w > 0 {
                let _ = root.draw(&Rectangle::new([(cx, y), (cx + w, y + 22)], color.filled()));
            }
            let count = n.to_string();
            text(&root, &count, label_w + bar_max + 10, y + 4, 2, &INK);
        }
        // Completions per week.
        let top = 300;
        text(&root, "COMPLETIONS PER WEEK (12 WEEKS)", 20, top, 2, &INK);
        let completed = s.offices.iter().filter_map(|o| o.completed_at);
        let weeks = completions_per_week(completed, now);
        let wmax = weeks.iter().copied().max().unwrap_or(0).max(1);
        let base = H as i32 - 40;
        let chart_h = base - (top + 40);
        let slot = (W as i32 - 80) / WEEKS as i32;
        let _ = root.draw(&PathElement::new(vec![(40, base), (W as i32 - 30, base)], INK));
        for (i, n) in weeks.iter().enumerate() {
            let x = 50 + i as i32 * slot;
            let h = (*n as i64 * chart_h as i64 / wmax as i64) as i32;
            let _ = root.draw(&Rectangle::new([(x, base - h), (x + slot - 12, base)], DONE.filled()));
            let label = n.to_string();
            let lx = x + (slot - 12 - text_width(&label, 1)) / 2;
            text(&root, &label, lx, base - h - 10, 1, &INK);
            let wk = format!("-{}W", WEEKS - 1 - i);
            text(&root, if i == WEEKS - 1 { "NOW" } else { &wk }, x, base + 8, 1, &INK);
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
    use super::*;

    #[test]
    fn weeks_bucket_completions() {
        let now = 100 * WEEK;
        let w = completions_per_week([now - 10, now - WEEK - 5, now - 20 * WEEK].into_iter(), now);
        assert_eq!(w.len(), WEEKS);
        assert_eq!(w[WEEKS - 1], 1);
        assert_eq!(w[WEEKS - 2], 1);
        assert_eq!(w.iter().sum::<usize>(), 2);
    }

    #[test]
    fn every_label_character_has_a_glyph() {
        for st in StepId::ALL {
            assert!(st
                .as_str()
                .chars()
                .flat_map(char::to_uppercase)
                .all(|c| glyph(c).is_some()));
        }
    }
}

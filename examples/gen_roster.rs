//! Writes a roster CSV of N generated offices (valid office numbers, every
//! mode spelling, half with channels) for import and summary measurements:
//!
//! ```sh
//! cargo run --release --example gen_roster -- 250000 /tmp/roster.csv
//! ```

use std::collections::HashSet;
use std::io::{BufWriter, Write};

use seikyu_navi::office_number::check_digit;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(250_000);
    let path = args.next().unwrap_or_else(|| "roster.csv".into());
    let kinds: Vec<char> = ('0'..='9')
        .chain(('A'..='Z').filter(|c| !matches!(c, 'I' | 'O' | 'Q')))
        .collect();
    let modes = ["direct", "proxy", "vendor", "事業所請求", "代理請求", "代行"];
    let software = ["", "国保中央会介護伝送ソフト", "ソフトA", "ソフトB"];
    let mut out = BufWriter::new(std::fs::File::create(&path)?);
    write!(out, "number,name,mode,software,channel\r\n")?;
    let mut seen = HashSet::with_capacity(n);
    let mut state: u64 = 7;
    let mut next = |m: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    let mut i = 0;
    while i < n {
        let first9 = format!(
            "{:02}{}{:06}",
            1 + next(47),
            kinds[next(kinds.len() as u64) as usize],
            next(1_000_000)
        );
        if !seen.insert(first9.clone()) {
            continue;
        }
        let number = format!("{first9}{}", check_digit(&first9).expect("digits and letters"));
        let mode = modes[next(modes.len() as u64) as usize];
        let sw = software[next(software.len() as u64) as usize];
        let channel = if i % 2 == 0 {
            (100_000_000_000_000_000u64 + i as u64).to_string()
        } else {
            String::new()
        };
        write!(out, "{number},office {i},{mode},{sw},{channel}\r\n")?;
        i += 1;
    }
    out.flush()
}

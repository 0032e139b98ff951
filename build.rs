//! Tokenizes the classifier's examples (`locales/intent-examples.tsv`) once,
//! when the bot is built, with the tokenizer the bot runs (`src/text.rs`,
//! compiled into this script too): start-up then counts their tokens
//! instead of making them (`classifier::TOKENS`, one line per example,
//! tokens separated by tabs).

#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

fn main() {
    for input in [
        "src/text.rs",
        "locales/synonyms.txt",
        "locales/intent-examples.tsv",
        "build.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let examples =
        std::fs::read_to_string("locales/intent-examples.tsv").expect("locales/intent-examples.tsv is readable");
    let mut out = String::new();
    // The lines `classifier::parse` reads as examples, in order: the text
    // is the third field.
    for line in examples.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let text = line.splitn(3, '\t').nth(2).unwrap_or("");
        let tokens: Vec<String> = text::tokens(text).iter().map(|t| t.text.to_string()).collect();
        out.push_str(&tokens.join("\t"));
        out.push('\n');
    }
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&dir).join("example-tokens.txt"), out).expect("OUT_DIR is writable");
}

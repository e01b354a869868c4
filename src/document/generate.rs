//! Large documents for benchmarks: the bundled memo's header once, then its transcript
//! repeated until the text reaches the size asked for.

/// A document of at least `min_bytes` bytes built from the bundled memo.
pub fn large_document(min_bytes: usize) -> String {
    let memo = crate::BUNDLED;
    let body_at = memo
        .find("Memcon A. Harriman")
        .expect("the bundled memo has a transcript");
    let body = memo.get(body_at..).unwrap_or(memo);
    let mut text = String::with_capacity(min_bytes + memo.len());
    text.push_str(memo);
    while text.len() < min_bytes {
        text.push_str("\n\n");
        text.push_str(body);
    }
    text.push('\n');
    text
}

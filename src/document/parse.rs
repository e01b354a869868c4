//! Text → Document. (Interim: plain layout only.)
use super::*;

pub fn parse(text: &str) -> Document {
    let mut doc = Document::default();
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.contains(sanitize::PAGE_BREAK));
    doc.metadata.title = lines.next().map(|l| l.trim().to_string());
    for l in lines {
        doc.blocks.push(Block::new(BlockKind::Paragraph, l.trim()));
    }
    doc.identity.fingerprint = fingerprint(doc.blocks.iter().map(|b| b.text.as_str()));
    doc
}

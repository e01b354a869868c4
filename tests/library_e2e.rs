//! End to end: `memcon FOLDER` in a real pseudo-terminal — the library, an entity's
//! documents, reading one at its mention, `n` across into the next document, and back.

mod collection;
mod pty;

use pty::Session;

#[test]
fn open_a_folder_choose_an_entity_and_walk_into_the_next_document() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = collection::write(tmp.path());
    let cache = tmp.path().join("cache");
    let env = [("MEMCON_CACHE_DIR", cache.to_str().unwrap())];
    let mut s = Session::start(&[dir.to_str().unwrap()], &env, 100, 30);
    s.wait_text("Library: collection");
    // The entities are listed once the index is ready.
    s.wait_text("Port Arthur");
    assert!(s.contents().contains("Memorandum of Conversation, Harbor"));
    // Tab to the entities, type to filter them, Enter keeps the filter, Enter chooses.
    s.send("\t");
    s.send("Port");
    s.wait_text("filter /Port");
    s.send("\r");
    s.send("\r");
    s.wait_text("Mentioning Port Arthur · 4 documents");
    assert!(
        s.contents().contains("naval base at Port Arthur"),
        "the line of context"
    );
    // Enter reads the first document at the mention.
    s.send("\r");
    s.wait_text("mention 1 of 1 · doc 1 of 4 · Port Arthur");
    assert!(
        s.contents()
            .contains("Minister Halvard said the port of Dairen")
    );
    // Past its last mention, n goes into the next document.
    s.send("n");
    s.wait_text("mention 1 of 3 · doc 2 of 4 · Port Arthur");
    assert!(
        s.contents()
            .contains("The agreement on Port Arthur was signed today")
    );
    // Ctrl-o goes back across the boundary.
    s.send("\x0f");
    s.wait_text("doc 1 of 4");
    // q goes back to the library, q again quits.
    s.send("q");
    s.wait_text("Mentioning Port Arthur");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

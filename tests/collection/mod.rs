//! A small collection written for the tests: dated and undated memos, two with one title,
//! a translation, names that the gazetteer joins (Dairen and Dalian), a nested folder, and
//! files that are not documents (binary, empty, data, hidden, a link loop).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One memo of the collection.
pub struct Memo {
    pub file: &'static str,
    pub title: &'static str,
    /// As archives write it; `None` for an undated note without a header.
    pub date: Option<&'static str>,
    pub body: &'static str,
}

/// The documents, in no particular order (file names sort differently from dates).
pub const MEMOS: &[Memo] = &[
    Memo {
        file: "a01.txt",
        title: "Memorandum of Conversation, Harbor Dues at Dairen",
        date: Some("July 3, 1945"),
        body: "Ambassador Corwin called on Minister Halvard to discuss harbor dues at Dairen.\n\n\
               Minister Halvard said the port of Dairen would stay open to all shipping, and that \
               the naval base at Port Arthur was another matter.\n\n\
               Ambassador Corwin replied that Dairen must not become a closed port.",
    },
    Memo {
        file: "a02.txt",
        title: "Telegram from the Embassy in Moscow on Port Arthur",
        date: Some("August 14, 1945"),
        body: "Moscow, August 14, 1945—6 p.m.\n\n\
               112. The agreement on Port Arthur was signed today. Halvard asked that the text \
               on Dairen be sent at once.\n\n\
               The naval base at Port Arthur is to be used jointly. Port Arthur stays a naval \
               base for thirty years.",
    },
    Memo {
        file: "a03.txt",
        title: "Letter from Minister Halvard on the Railway",
        date: Some("September 2, 1945"),
        body: "Sir: I have the honor to report that the railway from Harbin to Dalian was \
               opened to traffic this week.\n\n\
               The traffic through Dalian grew every day; the harbor master at Dalian expects \
               more ships in the spring.",
    },
    Memo {
        file: "a04.txt",
        title: "Memorandum of Conversation",
        date: Some("March 9, 1950"),
        body: "Present: Ambassador Corwin, Mr. Brandt\n\n\
               Mr. Brandt described the grain harvest around Harbin.\n\n\
               Ambassador Corwin asked whether grain would move by rail through Harbin.",
    },
    Memo {
        file: "a05.txt",
        title: "Memorandum of Conversation",
        date: Some("April 21, 1951"),
        body: "Present: Mr. Brandt, Minister Halvard\n\n\
               Minister Halvard raised the question of fishing rights off Vladivostok.\n\n\
               Mr. Brandt said nothing could be decided before the talks in Vladivostok.",
    },
    Memo {
        file: "a06.txt",
        title: "Notes on the Shipping Season",
        date: Some("May 5, 1952"),
        body: "The shipping season opened late this year because of ice.\n\n\
               Nothing else of note was reported by the harbor office.",
    },
    Memo {
        file: "a07.txt",
        title: "Record of a Talk on Dairen Port Charges",
        date: Some("June 30, 1953"),
        body: "The port charges at Dairen were raised by a tenth.\n\n\
               Ambassador Corwin protested the charges at Dairen in a note.",
    },
    Memo {
        file: "a08.txt",
        title: "Memorandum on Railway Rolling Stock",
        date: Some("January 12, 1954"),
        body: "Mr. Brandt counted forty locomotives at Harbin and twelve at Mukden.\n\n\
               The rolling stock at Mukden was old.",
    },
    Memo {
        file: "a09.txt",
        title: "Telegram on the Withdrawal from Port Arthur",
        date: Some("May 26, 1955"),
        body: "Peking, May 26, 1955—noon.\n\n\
               40. The last troops left Port Arthur this morning.\n\n\
               Minister Halvard attended the ceremony at Port Arthur.",
    },
    Memo {
        file: "a10.txt",
        title: "Summary of the Grain Trade",
        date: Some("October 1, 1956"),
        body: "Grain shipments through Dalian rose by a third.\n\n\
               Most of the grain came by rail from Harbin.",
    },
];

/// Documents in a nested folder.
pub const NESTED: &[Memo] = &[
    Memo {
        file: "vol2/b01.txt",
        title: "Memorandum of Conversation on Fisheries",
        date: Some("February 2, 1958"),
        body: "Minister Halvard and Mr. Brandt met at Vladivostok to talk about fisheries.\n\n\
               The fisheries around Vladivostok were closed in winter.",
    },
    Memo {
        file: "vol2/annex/c01.txt",
        title: "Annex: Harbor Statistics",
        date: Some("December 31, 1958"),
        body: "Ships entering Dairen: 1,204.\n\nShips entering Port Arthur: 88.",
    },
];

/// Undated notes: plain text without an archive header.
pub const UNDATED: &[(&str, &str)] = &[
    (
        "z-note.txt",
        "Loose note on Dairen\n\nA note found in the file, without a date, about the wharves at \
         Dairen.",
    ),
    (
        "m-note.txt",
        "Loose note on shipping\n\nNo names at all, only a remark about the weather.",
    ),
];

/// A translated telegram.
pub const TRANSLATION: &str = "translated.txt";

/// The archive export's text of `memo`.
pub fn text(m: &Memo, id: usize) -> String {
    let date = m.date.unwrap_or("undated");
    format!(
        "**Wilson\nCenter**\n\nDigital Archive\nInternational History Declassified\n\n\
         digitalarchive.wilsoncenter.org\n\n{date}\n\n**{title}**\n\nCitation:\n\n\
         \"{title}\", {date}, Wilson Center Digital Archive, a collection written for tests.\n\n\
         <https://digitalarchive.wilsoncenter.org/document/{id}>\n\nSummary:\n\n\
         A document written for memcon's tests.\n\nOriginal Language:\n\nEnglish\n\n\
         Contents:\n\nTranscript - English\n\n{body}\n",
        title = m.title,
        body = m.body
    )
}

/// Write the collection under `root`; returns the folder.
pub fn write(root: &Path) -> PathBuf {
    let dir = root.join("collection");
    std::fs::create_dir_all(dir.join("vol2/annex")).unwrap();
    for (i, m) in MEMOS.iter().chain(NESTED).enumerate() {
        std::fs::write(dir.join(m.file), text(m, 910_000 + i)).unwrap();
    }
    for (file, body) in UNDATED {
        std::fs::write(dir.join(file), body).unwrap();
    }
    let translated = Memo {
        file: TRANSLATION,
        title: "Telegram from the Minister on Dalian",
        date: Some("November 11, 1957"),
        body: "Translated from the Russian.\n\nThe port of Dalian was handed over today.",
    };
    let t = text(&translated, 910_900).replace("Transcript - English", "Translation - English");
    std::fs::write(dir.join(TRANSLATION), t).unwrap();
    // Not documents.
    std::fs::write(dir.join("scan.txt"), b"%PDF-1.4\0\0\x01binary").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("manifest.json"), b"{\"files\": 17}").unwrap();
    std::fs::write(dir.join(".DS_Store"), b"x").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("vol2/loop")).unwrap();
    dir
}

/// How many documents [`write`] makes.
pub fn documents() -> usize {
    MEMOS.len() + NESTED.len() + UNDATED.len() + 1
}

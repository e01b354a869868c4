#!/usr/bin/env python3
"""Write a large bookmarks.json (schema 1) for memory and speed measurements.

    python3 benches/gen-bookmarks.py 50 /tmp/big-data/bookmarks.json [full|small]

makes a file of about 50 MB. `full` (the default): bookmarks spread over 500 documents, each
with the document's title, citation, URL and path, a quote with its context, a note and two
times, written the way memcon writes it (pretty-printed JSON). `small`: the fewest fields a
bookmark can have, compact, each in a document of its own (many small objects, many groups).
The content is deterministic.
"""

import json
import random
import sys


def words(rng, n):
    vocab = (
        "the minister said that soviet government would consider question of port arthur "
        "and dairen railway treaty soong stalin harriman ambassador conference moscow "
        "delegation memorandum conversation telegram department state agreed proposal"
    ).split()
    return " ".join(rng.choice(vocab) for _ in range(n))


def main():
    megabytes = float(sys.argv[1])
    out = sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "small":
        return small(megabytes, out)
    rng = random.Random(1945)
    docs = []
    for d in range(500):
        docs.append(
            {
                "record_id": f"document/{100000 + d}",
                "fingerprint": f"{rng.getrandbits(64):016x}",
                "path": f"/home/reader/archive/volume-{d // 50}/document-{d:04}.txt",
                "title": "Memorandum of Conversation: " + words(rng, 12).title(),
                "date": f"July {1 + d % 28}, 19{45 + d % 30}",
                "citation": words(rng, 30),
                "url": f"<https://example.org/document/{100000 + d}>",
            }
        )
    bookmarks = []
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        quote = words(rng, 25)[:160]
        b = {
            "id": f"b-{rng.getrandbits(64):016x}",
            "document": docs[i % len(docs)],
            "anchor": {
                "block": 3 + i % 40,
                "offset": 0,
                "paragraph": 1 + i % 30,
                "quote": quote,
                "before": words(rng, 8)[:48],
                "after": words(rng, 8)[:48],
            },
            "note": words(rng, 30),
            "created": "2026-11-26T15:20:00.000Z",
            "updated": "2026-11-26T15:20:00.000Z",
        }
        bookmarks.append(b)
        size += len(json.dumps(b, indent=2, ensure_ascii=False)) + 10
        i += 1
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"schema": 1, "bookmarks": bookmarks, "deleted": {}}, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{out}: {len(bookmarks)} bookmarks", file=sys.stderr)


def small(megabytes, out):
    parts = []
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        b = (
            f'{{"id":"b-{i:016x}","document":{{"fingerprint":"{i:x}"}},'
            f'"anchor":{{"block":1,"offset":0,"quote":"q"}},"created":1,"updated":1}}'
        )
        parts.append(b)
        size += len(b) + 1
        i += 1
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"schema":1,"bookmarks":[' + ",".join(parts) + "]}\n")
    print(f"{out}: {len(parts)} bookmarks", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds records.txt, the sample pages as Kafka records for deploy/compose.yaml's producer.

Each line of records.txt is one record for `kafka-console-producer.sh --property parse.key=true`:
the key (the page URL), a tab (the console producer's default key.separator), then the value, a
rawpage/v1 JSON envelope {"url", "status", "headers", "html"} on one line. The JSON is ASCII-only
(non-ASCII as \\u escapes), so it never contains a raw tab or newline.

    python3 scripts/sample-pages/make_records.py           # rewrite records.txt
    python3 scripts/sample-pages/make_records.py --check   # exit 1 if records.txt is stale
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
RECORDS = HERE / "records.txt"
URL_PREFIX = "https://samples.newsflow.example/"


def envelopes():
    """The rawpage/v1 envelopes of the *.html pages here, in file-name order."""
    for page in sorted(HERE.glob("*.html")):
        yield {
            "url": URL_PREFIX + page.stem,
            "status": 200,
            "headers": {"content-type": "text/html; charset=utf-8"},
            "html": page.read_text(encoding="utf-8"),
        }


def render():
    lines = []
    for env in envelopes():
        value = json.dumps(env, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
        lines.append(f"{env['url']}\t{value}\n")
    return "".join(lines)


def main(argv):
    text = render()
    if "--check" in argv:
        current = RECORDS.read_text(encoding="ascii") if RECORDS.exists() else None
        if current != text:
            print(f"{RECORDS} is stale: run {pathlib.Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    RECORDS.write_text(text, encoding="ascii")
    print(f"wrote {RECORDS} ({text.count(chr(10))} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

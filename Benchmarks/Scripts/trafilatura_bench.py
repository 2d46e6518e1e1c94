#!/usr/bin/env python3
"""Times trafilatura on the same page sets as newsflow-bench, in this process (one core: run it
under `taskset -c N`).

Same loader as newsflow-bench (Sources/NewsflowBench/PageSet.swift): every <id>.html.gz (gunzipped
in memory) or <id>.html of a folder, sorted by name, URL from <id>.json. Each page is passed as the
bytes as fetched, like newsflow gets them:
    trafilatura.bare_extraction(page_bytes, url=url, with_metadata=True)

Usage: trafilatura_bench.py --set NAME=DIR [--set ...] [--rounds 1] [--warmup-pages 10] [--limit N] [--json OUT]
Needs: pip install trafilatura==2.3.1 lxml_html_clean
"""
import argparse
import gzip
import json
import os
import resource
import sys
import time


def load(name, directory, limit=None):
    files = sorted(f for f in os.listdir(directory) if f.endswith(".html.gz") or f.endswith(".html"))
    if limit:
        files = files[:limit]
    pages = []
    for f in files:
        stem = f[:-8] if f.endswith(".gz") else f[:-5]
        with open(os.path.join(directory, f), "rb") as fh:
            raw = fh.read()
        body = gzip.decompress(raw) if f.endswith(".gz") else raw
        url = f"https://corpus.invalid/{name}/{stem}"
        try:
            with open(os.path.join(directory, stem + ".json")) as fh:
                url = json.load(fh).get("url") or url
        except (OSError, ValueError):
            pass
        pages.append((stem, url, body))
    return pages


def percentile(sorted_values, q):
    if not sorted_values:
        return 0.0
    i = min(len(sorted_values) - 1, max(0, -(-int(q * len(sorted_values) * 1000) // 1000) - 1))
    return sorted_values[i]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", action="append", required=True, help="NAME=DIR")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--warmup-pages", type=int, default=10)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json")
    args = ap.parse_args()

    import trafilatura  # after argument errors, so --help is fast

    results = []
    for spec in args.set:
        name, directory = spec.split("=", 1)
        pages = load(name, directory, args.limit)
        total = sum(len(b) for _, _, b in pages)
        for _, url, body in pages[: args.warmup_pages]:
            trafilatura.bare_extraction(body, url=url, with_metadata=True)
        latencies, failures = [], 0
        start = time.perf_counter()
        for _ in range(args.rounds):
            for _, url, body in pages:
                t0 = time.perf_counter()
                try:
                    doc = trafilatura.bare_extraction(body, url=url, with_metadata=True)
                    if doc is None:
                        failures += 1
                except Exception:  # count, keep timing the others
                    failures += 1
                latencies.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - start
        latencies.sort()
        n = len(latencies)
        m = {
            "engine": "trafilatura", "set": name, "pages": len(pages), "rounds": args.rounds,
            "inputBytes": total, "failures": failures, "failureCodes": {"none": failures} if failures else {},
            "seconds": elapsed, "pagesPerSecond": n / elapsed,
            "megabytesPerSecond": total * args.rounds / 1e6 / elapsed,
            "p50Milliseconds": percentile(latencies, 0.50) * 1000,
            "p99Milliseconds": percentile(latencies, 0.99) * 1000,
            "maxMilliseconds": latencies[-1] * 1000 if latencies else 0,
            # ru_maxrss is the peak of the whole process (kB on Linux), not reset between sets.
            "peakRSSBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "baselineRSSBytes": 0,
            "version": trafilatura.__version__,
        }
        results.append(m)
        print(f"{'trafilatura':18} {name:16} {len(pages):5d} pages × {args.rounds}  {m['pagesPerSecond']:8.1f} pages/s  "
              f"{m['megabytesPerSecond']:7.2f} MB/s  p50 {m['p50Milliseconds']:7.2f} ms  p99 {m['p99Milliseconds']:7.2f} ms  "
              f"peak RSS {m['peakRSSBytes'] / 1e6:6.1f} MB  failures {failures}", flush=True)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=2)


if __name__ == "__main__":
    sys.exit(main())

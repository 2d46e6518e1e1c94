#!/usr/bin/env python3
"""Prints the Performance tables (markdown) from the JSON files of one `scripts/bench` run.

Usage: report.py --machine TEXT --extract A.json [--extract B.json ...] [--e2e E.json] [--backlog B.json]
  --extract   newsflow-bench / trafilatura_bench.py output (lists of measurements)
  --e2e       /work/shared/bench/e2e_anchor.py --json output (run with --worker-cmd newsflow)
  --backlog   backlog_rss.py --json output
"""
import argparse
import json

TARGETS = {
    "newsflow / trafilatura (pages/s)": 10.0,
    "newsflow / libxml2 parse-only (pages/s)": 0.5,
    "newsflow / passthrough (msg/s)": 0.7,
    "newsflow / Python worker, whole machine (msg/s)": 8.0,
}


def verdict(name, value):
    t = TARGETS.get(name)
    if t is None or value is None:
        return "–"
    return f"{'met' if value >= t else 'NOT met'} (≥ {t:g})"


def fmt(v, digits=1):
    return "–" if v is None else f"{v:,.{digits}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--machine", default="")
    ap.add_argument("--extract", action="append", default=[])
    ap.add_argument("--e2e")
    ap.add_argument("--backlog")
    args = ap.parse_args()

    print(f"Machine: {args.machine}\n")
    ms = []
    for path in args.extract:
        with open(path) as fh:
            ms.extend(json.load(fh))
    if ms:
        print("### Extraction on one core (same pages, same process pinned with taskset)\n")
        print("| page set | engine | pages | input MB | pages/s | MB/s | p50 ms | p99 ms | peak RSS MB | failures |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for m in ms:
            print(f"| {m['set']} | {m['engine']} | {m['pages']}×{m['rounds']} | {m['inputBytes'] / 1e6:.1f} | "
                  f"{fmt(m['pagesPerSecond'])} | {fmt(m['megabytesPerSecond'], 2)} | {fmt(m['p50Milliseconds'], 2)} | "
                  f"{fmt(m['p99Milliseconds'], 2)} | {fmt(m['peakRSSBytes'] / 1e6)} | {m['failures']} |")
        print("\n| page set | ratio | value | target |")
        print("|---|---|---:|---|")
        for s in dict.fromkeys(m["set"] for m in ms):
            by = {m["engine"]: m for m in ms if m["set"] == s}
            nf = by.get("newsflow-extract")
            if not nf:
                continue
            for other, name in (("trafilatura", "newsflow / trafilatura (pages/s)"),
                                ("libxml2-parse", "newsflow / libxml2 parse-only (pages/s)")):
                if other in by:
                    r = nf["pagesPerSecond"] / by[other]["pagesPerSecond"]
                    print(f"| {s} | {name} | {r:.2f} | {verdict(name, r)} |")
            if "newsflow-parse" in by and "libxml2-parse" in by:
                r = by["newsflow-parse"]["pagesPerSecond"] / by["libxml2-parse"]["pagesPerSecond"]
                print(f"| {s} | newsflow decode + parse stages / libxml2 parse-only (pages/s) | {r:.2f} | – |")
        print()

    if args.e2e:
        with open(args.e2e) as fh:
            e = json.load(fh)
        summary = e.get("summary", {})
        corpus = e.get("corpus", {})
        print(f"### End to end through the dev broker (Tansu) — {corpus.get('messages', '?')} messages\n")
        print("| run | processes | msg/s | MB/s in | worker cores | msg per worker-core-s | broker (Tansu) cores | machine cores |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for label, v in summary.items():
            name = label.replace("cmd", "newsflow")
            print(f"| {name} | {v['procs']} | {fmt(v['msg_s'])} | {fmt(v['mb_s_in'])} | {fmt(v['workers_cores'], 2)} | "
                  f"{fmt(v['msg_s'] / v['workers_cores'] if v.get('workers_cores') else None)} | {fmt(v['broker_cores'], 2)} | {fmt(v['machine_busy_cores'], 2)} |")
        pt = next((v for v in summary.values() if v["kind"] == "passthrough"), None)
        cmd = {v["procs"]: v for v in summary.values() if v["kind"] == "cmd"}
        py = {v["procs"]: v for v in summary.values() if v["kind"] == "python"}
        cores = e.get("machine", {}).get("cores") or 2
        print("\n| ratio | value | target |")
        print("|---|---:|---|")
        if pt:
            for p, v in sorted(cmd.items()):
                name = "newsflow / passthrough (msg/s)"
                r = v["msg_s"] / pt["msg_s"]
                print(f"| newsflow ×{p} / passthrough | {r:.3g} | {verdict(name, r) if p == 1 else '–'} |")
        if 1 in cmd and py:
            whole = py.get(cores) or py[max(py)]
            name = "newsflow / Python worker, whole machine (msg/s)"
            r = cmd[1]["msg_s"] / whole["msg_s"]
            print(f"| newsflow ×1 (all cores) / Python ×{whole['procs']} | {r:.2f} | {verdict(name, r)} |")
            for p, v in sorted(cmd.items()):
                if p in py:
                    print(f"| newsflow ×{p} / Python ×{p} | {v['msg_s'] / py[p]['msg_s']:.2f} | – |")
        busy = [v.get("machine_busy_cores") for v in summary.values() if v.get("machine_busy_cores")]
        if busy:
            print(f"\nWhole machine busy during the runs: {min(busy):.2f}–{max(busy):.2f} of {cores} cores "
                  "(worker + broker + harness + anything else running on the machine).")
        print()

    if args.backlog:
        with open(args.backlog) as fh:
            b = json.load(fh)
        print("### Memory of `newsflow run` under a backlog (default settings)\n")
        print("| backlog | mean page | output | DLQ | peak RSS (VmHWM) | target |")
        print("|---|---:|---:|---:|---:|---|")
        peak = b.get("peak_rss_mb")
        ok = "met (< 250 MB)" if peak is not None and peak < 250 and b.get("output", 0) + b.get("dlq", 0) >= b["pages"] else "NOT met"
        print(f"| {b['pages']} pages, {b.get('backlog_bytes', 0) / 1e6:.0f} MB | {b.get('mean_page_bytes', 0) / 1e6:.2f} MB | "
              f"{b.get('output', '–')} | {b.get('dlq', '–')} | {fmt(peak)} MB | {ok} |")
        print()


if __name__ == "__main__":
    main()

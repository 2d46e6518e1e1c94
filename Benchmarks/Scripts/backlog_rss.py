#!/usr/bin/env python3
"""Peak RSS of a worker started against a backlog of big pages.

Creates fresh topics (6 partitions), produces --pages messages (value = page bytes, header `url`,
pages taken in turn from --pages-dir: <id>.html[.gz] + <id>.json, e.g. from
`newsflow-bench generate --min-bytes 2000000 --max-bytes 2000000`), and only then starts the
worker (--worker-cmd, shell-split, no shell) with the NEWSFLOW_* contract of
/work/shared/bench/e2e_anchor.py:
    NEWSFLOW_BROKERS NEWSFLOW_INPUT_TOPIC NEWSFLOW_OUTPUT_TOPIC NEWSFLOW_DLQ_TOPIC NEWSFLOW_GROUP_ID
Samples VmHWM/VmRSS of the worker process from /proc/<pid>/status every 0.05 s until the output and
DLQ topics hold --pages records, then sends SIGTERM and keeps sampling until it exits.
Deletes its topics at the end. Writes the figures as JSON (--json).

Usage: backlog_rss.py --bootstrap HOST:PORT --pages-dir DIR --worker-cmd "CMD" [--pages 300] [--json OUT]
Needs: pip install confluent-kafka
"""
import argparse
import gzip
import json
import os
import random
import shlex
import signal
import subprocess
import sys
import threading
import time

PARTITIONS = 6
MAX_MESSAGE_BYTES = 16 << 20


def status_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def load_pages(directory):
    files = sorted(f for f in os.listdir(directory) if f.endswith(".html") or f.endswith(".html.gz"))
    pages = []
    for f in files:
        stem = f[:-8] if f.endswith(".gz") else f[:-5]
        with open(os.path.join(directory, f), "rb") as fh:
            body = fh.read()
        if f.endswith(".gz"):
            body = gzip.decompress(body)
        with open(os.path.join(directory, stem + ".json")) as fh:
            url = json.load(fh)["url"]
        pages.append((url, body))
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", required=True)
    ap.add_argument("--pages-dir", required=True)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--worker-cmd", required=True)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--json")
    args = ap.parse_args()

    from confluent_kafka import Consumer, Producer, TopicPartition
    from confluent_kafka.admin import AdminClient, NewTopic

    prefix = f"rss{int(time.time())}{random.randint(0, 9999):04d}"
    topics = {"in": prefix + ".in", "out": prefix + ".out", "dlq": prefix + ".dlq"}
    admin = AdminClient({"bootstrap.servers": args.bootstrap})
    for f in admin.create_topics([NewTopic(t, PARTITIONS, 1) for t in topics.values()]).values():
        f.result(30)
    result = {"pages": args.pages, "worker_cmd": args.worker_cmd}
    try:
        pages = load_pages(args.pages_dir)
        producer = Producer({"bootstrap.servers": args.bootstrap, "acks": "all",
                             "message.max.bytes": MAX_MESSAGE_BYTES, "linger.ms": 5})
        errors = []
        total = 0
        for i in range(args.pages):
            url, body = pages[i % len(pages)]
            total += len(body)
            while True:
                try:
                    producer.produce(topics["in"], body, partition=i % PARTITIONS, headers=[("url", url.encode())],
                                     on_delivery=lambda err, msg: err and errors.append(err))
                    break
                except BufferError:
                    producer.poll(0.1)
            producer.poll(0)
        producer.flush(120)
        if errors:
            raise SystemExit(f"produce failed: {errors[:3]}")
        result["backlog_bytes"] = total
        result["mean_page_bytes"] = total / args.pages
        print(f"backlog: {args.pages} pages, {total / 1e6:.0f} MB in {topics['in']}", flush=True)

        env = dict(os.environ, NEWSFLOW_BROKERS=args.bootstrap, NEWSFLOW_INPUT_TOPIC=topics["in"],
                   NEWSFLOW_OUTPUT_TOPIC=topics["out"], NEWSFLOW_DLQ_TOPIC=topics["dlq"],
                   NEWSFLOW_GROUP_ID=prefix)
        log_path = f"/tmp/{prefix}-worker.log"
        log = open(log_path, "wb")
        started = time.monotonic()
        worker = subprocess.Popen(shlex.split(args.worker_cmd), env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        samples = {"hwm_kb": 0, "rss_max_kb": 0}
        stop = threading.Event()

        def sampler():
            while not stop.is_set() and worker.poll() is None:
                hwm, rss = status_kb(worker.pid, "VmHWM:"), status_kb(worker.pid, "VmRSS:")
                if hwm:
                    samples["hwm_kb"] = max(samples["hwm_kb"], hwm)
                if rss:
                    samples["rss_max_kb"] = max(samples["rss_max_kb"], rss)
                time.sleep(0.05)

        threading.Thread(target=sampler, daemon=True).start()
        counter = Consumer({"bootstrap.servers": args.bootstrap, "group.id": prefix + "-counter",
                            "auto.offset.reset": "earliest", "enable.auto.commit": False,
                            "fetch.wait.max.ms": 50})
        counter.subscribe([topics["out"], topics["dlq"]])
        counts = {topics["out"]: 0, topics["dlq"]: 0}
        first = last = None
        while sum(counts.values()) < args.pages:
            if time.monotonic() - started > args.timeout:
                result["timeout"] = True
                print(f"timeout: {counts} after {args.timeout} s", flush=True)
                break
            if worker.poll() is not None:
                result["worker_exit"] = worker.returncode
                print(f"worker exited early with {worker.returncode}; log {log_path}", flush=True)
                break
            msg = counter.poll(0.2)
            if msg is None or msg.error():
                continue
            counts[msg.topic()] += 1
            now = time.monotonic()
            first = first or now
            last = now
        counter.close()
        hwm_at_done = status_kb(worker.pid, "VmHWM:")
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()
        stop.set()
        result.update({
            "output": counts[topics["out"]], "dlq": counts[topics["dlq"]],
            "peak_rss_mb": samples["hwm_kb"] / 1024, "peak_rss_at_done_mb": (hwm_at_done or 0) / 1024,
            "max_sampled_rss_mb": samples["rss_max_kb"] / 1024,
            "seconds_first_to_last": (last - first) if first and last else None,
            "exit_code": worker.returncode, "log": log_path,
        })
        print(json.dumps(result, indent=2), flush=True)
    finally:
        for f in admin.delete_topics(list(topics.values())).values():
            try:
                f.result(30)
            except Exception:
                pass
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(result, fh, indent=2)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Loopback throughput of scripts/kafka-apiversions-proxy.py (not a test).

Usage: python3 Tests/DevBroker/bench_proxy_throughput.py [MB_PER_CONNECTION] [CONNECTIONS...]

A scripted Kafka-framed peer answers "Fetch" requests with 8 MB frames; the
client pulls MB_PER_CONNECTION (default 1024) per connection, first directly
from the peer, then through the proxy, and prints MB/s for each.
"""

from __future__ import annotations

import socket
import struct
import sys
import threading
import time

from devbroker_support import ScriptedUpstream, request, start_proxy

FRAME = 8 * 1024 * 1024


def pull(port: int, total: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        buf = bytearray(1 << 20)
        view = memoryview(buf)
        corr = 0
        while total > 0:
            corr += 1
            sock.sendall(request(1, 12, corr, struct.pack(">i", FRAME)))
            need = FRAME + 8
            while need:
                n = sock.recv_into(view, min(need, len(buf)))
                if n == 0:
                    raise ConnectionError("closed")
                need -= n
            total -= FRAME


def measure(port: int, megabytes: int, connections: int) -> float:
    per = megabytes * 1024 * 1024
    threads = [threading.Thread(target=pull, args=(port, per)) for _ in range(connections)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    return megabytes * connections / elapsed


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    counts = [int(a) for a in sys.argv[2:]] or [1, 4]
    upstream = ScriptedUpstream()
    process, proxy_port = start_proxy(upstream.port)
    try:
        for connections in counts:
            direct = measure(upstream.port, megabytes, connections)
            proxied = measure(proxy_port, megabytes, connections)
            print(
                f"{connections} connection(s) x {megabytes} MB of 8 MB fetch frames: "
                f"direct {direct:,.0f} MB/s, through proxy {proxied:,.0f} MB/s"
            )
    finally:
        process.terminate()
        process.wait()
        upstream.close()


if __name__ == "__main__":
    main()

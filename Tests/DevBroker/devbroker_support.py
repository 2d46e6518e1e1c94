"""Shared helpers for the DevBroker tests: load the proxy script as a module,
build Kafka frames by hand, and locate the scripts."""

from __future__ import annotations

import importlib.util
import os
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent.parent
SCRIPTS_DIR = REPO_ROOT / "scripts"
PROXY_SCRIPT = SCRIPTS_DIR / "kafka-apiversions-proxy.py"
DEV_BROKER_SCRIPT = SCRIPTS_DIR / "dev-broker"


def load_proxy_module():
    """Imports scripts/kafka-apiversions-proxy.py (its name has dashes)."""
    name = "kafka_apiversions_proxy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PROXY_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# MARK: - frame builders


def uvarint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def tagged_fields(fields: list[tuple[int, bytes]]) -> bytes:
    out = uvarint(len(fields))
    for tag, data in fields:
        out += uvarint(tag) + uvarint(len(data)) + data
    return out


def frame(body: bytes) -> bytes:
    return struct.pack(">i", len(body)) + body


def api_versions_v3_response(
    correlation_id: int,
    keys: list[tuple[int, int, int]],
    top_level_tags: list[tuple[int, bytes]],
    entry_tags: list[tuple[int, bytes]] | None = None,
    throttle_ms: int = 0,
) -> bytes:
    """A whole ApiVersions v3 response frame (response header v0)."""
    body = struct.pack(">ih", correlation_id, 0) + uvarint(len(keys) + 1)
    for key, low, high in keys:
        body += struct.pack(">hhh", key, low, high) + tagged_fields(entry_tags or [])
    body += struct.pack(">i", throttle_ms) + tagged_fields(top_level_tags)
    return frame(body)


def api_versions_v0_response(correlation_id: int, keys: list[tuple[int, int, int]]) -> bytes:
    """A whole ApiVersions v0 response frame (non-flexible)."""
    body = struct.pack(">ihi", correlation_id, 0, len(keys))
    for key, low, high in keys:
        body += struct.pack(">hhh", key, low, high)
    return frame(body)


def request(api_key: int, api_version: int, correlation_id: int, payload: bytes = b"") -> bytes:
    """A request frame with a v1 header (client id "t") and `payload`."""
    return frame(struct.pack(">hhih", api_key, api_version, correlation_id, 1) + b"t" + payload)


def opaque_response(correlation_id: int, payload: bytes) -> bytes:
    return frame(struct.pack(">i", correlation_id) + payload)


# The top-level tagged fields Tansu 0.6.0 actually sends (captured from its
# ApiVersions v3 answer): SupportedFeatures (empty), FinalizedFeaturesEpoch
# (-1), FinalizedFeatures (empty), ZkMigrationReady (false).
TANSU_TOP_LEVEL_TAGS = [(0, b"\x01"), (1, b"\xff" * 8), (2, b"\x01"), (3, b"\x00")]


def env_flag(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


# MARK: - a scripted Kafka-framed peer for proxy plumbing tests


def read_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:], n - got)
        if k == 0:
            raise ConnectionError(f"closed after {got} of {n} bytes")
        got += k
    return bytes(buf)


def read_frame(sock: socket.socket) -> bytes:
    (length,) = struct.unpack(">i", read_exact(sock, 4))
    return struct.pack(">i", length) + read_exact(sock, length)


class ScriptedUpstream:
    """A loopback TCP server speaking Kafka framing, standing in for the
    broker behind the proxy. Per request (header v1, client id "t"):
      api_key 18 -> ApiVersions v3 response with Tansu's top-level tags
                    (v0 layout for versions < 3);
      api_key 1  -> "Fetch": a response whose payload is int32 N from the
                    request payload, then N bytes of pattern;
      otherwise  -> the request payload echoed back.
    """

    PATTERN = bytes(range(256)) * 4096  # 1 MiB

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0), backlog=256)
        self.port = self.server.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @classmethod
    def fetch_payload(cls, n: int) -> bytes:
        reps = n // len(cls.PATTERN) + 1
        return (cls.PATTERN * reps)[:n]

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                while True:
                    req = read_frame(conn)
                    key, version, corr, client_len = struct.unpack_from(">hhih", req, 4)
                    payload = req[4 + 10 + client_len :]
                    if key == 18:
                        keys = [(0, 0, 9), (1, 0, 12), (18, 0, 3)]
                        if version >= 3:
                            out = api_versions_v3_response(corr, keys, TANSU_TOP_LEVEL_TAGS)
                        else:
                            out = api_versions_v0_response(corr, keys)
                        conn.sendall(out)
                    elif key == 1:
                        (n,) = struct.unpack(">i", payload[:4])
                        conn.sendall(struct.pack(">ii", n + 4, corr))
                        sent = 0
                        while sent < n:
                            piece = min(len(self.PATTERN), n - sent)
                            conn.sendall(memoryview(self.PATTERN)[:piece])
                            sent += piece
                    else:
                        conn.sendall(opaque_response(corr, payload))
            except (ConnectionError, OSError):
                return

    def close(self) -> None:
        self.server.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_proxy(upstream_port: int) -> tuple[subprocess.Popen, int]:
    """Runs the proxy script as a subprocess; returns (process, listen port)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(PROXY_SCRIPT), "--listen", f"127.0.0.1:{port}", "--upstream", f"127.0.0.1:{upstream_port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process, port
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"proxy exited: {process.stderr.read().decode()}")
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("proxy did not start listening within 10 s")

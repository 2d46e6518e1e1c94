#!/usr/bin/env python3
"""Loopback Kafka proxy that makes old librdkafka (< 2.2.0) work with Tansu.

librdkafka before 2.2.0 mis-skips the top-level tagged fields of an
ApiVersions v3+ response and fails with "ApiVersionRequest failed: Local:
Read underflow". Tansu 0.6.0 sends four such fields (SupportedFeatures,
FinalizedFeaturesEpoch, FinalizedFeatures, ZkMigrationReady).

This proxy sits in front of the broker and rewrites exactly one thing: the
trailing top-level tagged-field section of every ApiVersions (api_key 18)
v3+ response becomes empty (a single 0x00 byte), with the frame length
adjusted. Every other byte is copied unchanged. Frames are forwarded by
length, never parsed byte by byte, so multi-megabyte produce/fetch frames
stream straight through.

Python 3 standard library only (asyncio protocols, no extra packages).

Usage:
  kafka-apiversions-proxy.py --listen 127.0.0.1:9092 --upstream 127.0.0.1:19092
  kafka-apiversions-proxy.py --check 127.0.0.1:9092 [--timeout 10]

`--check` sends a real ApiVersions v3 request and a Metadata v1 request to
the given address, prints the advertised brokers and exits 0 when the
broker answered (and, through the proxy, the tagged fields are empty).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import struct
import sys
import time

API_VERSIONS_KEY = 18
FIRST_FLEXIBLE_API_VERSIONS = 3
_INT32 = struct.Struct(">i")
_REQUEST_PREFIX = struct.Struct(">ihhi")  # length, api_key, api_version, correlation_id
_RESPONSE_PREFIX = struct.Struct(">ii")  # length, correlation_id
# An ApiVersions response is never legitimately this large; anything bigger
# is forwarded untouched instead of being buffered.
_MAX_REWRITE_FRAME = 1 << 20


# MARK: - Wire helpers


def read_uvarint(buf: bytes | memoryview, pos: int) -> tuple[int, int]:
    """Decodes an unsigned varint at `pos`; returns (value, next position).

    Raises IndexError when the buffer ends inside the varint and ValueError
    when the varint is longer than 5 bytes (not a valid 32-bit uvarint).
    """
    value = 0
    shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7
        if shift > 28:
            raise ValueError("uvarint too long")


def skip_tagged_fields(buf: bytes | memoryview, pos: int) -> int:
    """Skips a tagged-field section (uvarint count, then tag/size/bytes)."""
    count, pos = read_uvarint(buf, pos)
    for _ in range(count):
        _, pos = read_uvarint(buf, pos)  # tag
        size, pos = read_uvarint(buf, pos)
        pos += size
        if pos > len(buf):
            raise IndexError("tagged field past end of frame")
    return pos


def rewrite_api_versions_response(frame: bytes) -> bytes:
    """Returns `frame` (a whole response frame, length prefix included) with
    the top-level tagged fields of an ApiVersions v3+ body replaced by 0x00.

    Layout: int32 length | int32 correlation_id (response header v0, always
    for ApiVersions) | int16 error_code | compact array api_keys of
    {int16 api_key, int16 min, int16 max, tagged fields} | int32
    throttle_time_ms | tagged fields.

    A frame that does not parse (truncated, or an error response in the v0
    layout the broker uses when it does not support the requested version)
    is returned unchanged.
    """
    try:
        pos = 8 + 2  # length, correlation id, error_code
        count_plus_one, pos = read_uvarint(frame, pos)
        if count_plus_one == 0:
            return frame  # null array: not a v3 layout we understand
        for _ in range(count_plus_one - 1):
            pos += 6
            pos = skip_tagged_fields(frame, pos)
        pos += 4  # throttle_time_ms
        tags_start = pos
        end = skip_tagged_fields(frame, tags_start)
    except (IndexError, ValueError):
        return frame
    if end != len(frame) or tags_start >= len(frame):
        return frame
    if frame[tags_start:end] == b"\x00":
        return frame
    body = frame[4:tags_start] + b"\x00"
    return _INT32.pack(len(body)) + body


# MARK: - Request side


class RequestTracker:
    """Watches the client-to-broker byte stream (without changing it) and
    remembers the correlation ids of ApiVersions v3+ requests."""

    def __init__(self) -> None:
        self.pending: set[int] = set()
        self._head = bytearray()  # partial 12-byte request prefix
        self._skip = 0  # bytes of the current request body still to pass
        self._broken = False

    def feed(self, data: bytes | memoryview) -> None:
        if self._broken:
            return
        view = memoryview(data)
        pos = 0
        size = len(view)
        while pos < size:
            if self._skip:
                step = min(self._skip, size - pos)
                self._skip -= step
                pos += step
                continue
            need = _REQUEST_PREFIX.size - len(self._head)
            if not self._head and size - pos >= _REQUEST_PREFIX.size:
                length, key, version, corr = _REQUEST_PREFIX.unpack_from(view, pos)
                pos += _REQUEST_PREFIX.size
            else:
                take = min(need, size - pos)
                self._head += view[pos : pos + take]
                pos += take
                if len(self._head) < _REQUEST_PREFIX.size:
                    return
                length, key, version, corr = _REQUEST_PREFIX.unpack(self._head)
                self._head.clear()
            if length < 8:
                self._broken = True  # not Kafka framing; stop interpreting
                return
            if key == API_VERSIONS_KEY and version >= FIRST_FLEXIBLE_API_VERSIONS:
                self.pending.add(corr)
            self._skip = length - 8


# MARK: - Response side


class ResponseRewriter:
    """Turns the broker-to-client byte stream into output chunks.

    Ordinary frames pass through as slices of the input, as soon as bytes
    arrive. A frame whose correlation id is in `tracker.pending` is buffered
    until complete and then rewritten with `rewrite_api_versions_response`.
    """

    def __init__(self, tracker: RequestTracker) -> None:
        self.tracker = tracker
        self._head = bytearray()  # partial 8-byte response prefix
        self._forward = 0  # bytes of the current frame still to forward
        self._frame: bytearray | None = None  # ApiVersions frame being collected
        self._frame_missing = 0
        self._broken = False
        self.rewritten = 0

    def feed(self, data: bytes) -> list[bytes | memoryview]:
        if self._broken:
            return [data]
        out: list[bytes | memoryview] = []
        size = len(data)
        # Fast path: the whole chunk belongs to the frame being forwarded.
        if self._forward >= size and self._frame is None:
            self._forward -= size
            return [data]
        view = memoryview(data)
        pos = 0
        while pos < size:
            if self._frame is not None:
                take = min(self._frame_missing, size - pos)
                self._frame += view[pos : pos + take]
                self._frame_missing -= take
                pos += take
                if self._frame_missing == 0:
                    frame = bytes(self._frame)
                    self._frame = None
                    new = rewrite_api_versions_response(frame)
                    if new is not frame:
                        self.rewritten += 1
                    out.append(new)
                continue
            if self._forward:
                take = min(self._forward, size - pos)
                out.append(view[pos : pos + take])
                self._forward -= take
                pos += take
                continue
            if not self._head and size - pos >= _RESPONSE_PREFIX.size:
                prefix = view[pos : pos + _RESPONSE_PREFIX.size]
                pos += _RESPONSE_PREFIX.size
            else:
                take = min(_RESPONSE_PREFIX.size - len(self._head), size - pos)
                self._head += view[pos : pos + take]
                pos += take
                if len(self._head) < _RESPONSE_PREFIX.size:
                    break
                prefix = bytes(self._head)
                self._head.clear()
            length, corr = _RESPONSE_PREFIX.unpack(prefix)
            if length < 4:
                # Not Kafka framing: give up interpreting, pass the rest raw.
                self._broken = True
                out.append(bytes(prefix))
                out.append(view[pos:])
                return out
            rest = length - 4
            if corr in self.tracker.pending and length <= _MAX_REWRITE_FRAME:
                self.tracker.pending.discard(corr)
                self._frame = bytearray(prefix)
                self._frame_missing = rest
                if rest == 0:
                    self._frame_missing = 0
                    frame = bytes(self._frame)
                    self._frame = None
                    out.append(rewrite_api_versions_response(frame))
            else:
                self.tracker.pending.discard(corr)
                out.append(bytes(prefix))
                self._forward = rest
        return out


# MARK: - asyncio plumbing


_HIGH_WATER = 4 << 20
_LOW_WATER = 1 << 20


class _Side(asyncio.Protocol):
    """One socket of a proxied pair; forwards what it reads to its peer."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.peer: _Side | None = None
        self.filter = None  # callable(bytes) -> list of chunks, or None
        self.observer = None  # callable(bytes) -> None, or None
        self.closed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        sock = transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        transport.set_write_buffer_limits(high=_HIGH_WATER, low=_LOW_WATER)  # type: ignore[attr-defined]

    def write(self, chunk) -> None:
        if self.transport is not None and not self.closed:
            self.transport.write(chunk)

    def data_received(self, data: bytes) -> None:
        peer = self.peer
        if peer is None:
            return
        if self.observer is not None:
            self.observer(data)
        if self.filter is None:
            peer.write(data)
        else:
            for chunk in self.filter(data):
                peer.write(chunk)

    def eof_received(self):
        # Kafka connections are not half-closed in practice: when one side
        # ends, flush what is buffered for the other side and close both.
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.close()
        return False

    def connection_lost(self, exc) -> None:
        self.closed = True
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.close()

    # Back-pressure: when our outgoing buffer is full, stop reading the peer.
    def pause_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.resume_reading()


class _ClientSide(_Side):
    def __init__(self, upstream: tuple[str, int], stats: dict) -> None:
        super().__init__()
        self.upstream = upstream
        self.stats = stats

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self.stats["connections"] += 1
        # Hold the client's bytes until the broker connection exists.
        tracker = RequestTracker()
        rewriter = ResponseRewriter(tracker)
        self.observer = tracker.feed
        upstream = _Side()
        upstream.filter = rewriter.feed
        upstream.peer = self
        self.peer = upstream
        self.rewriter = rewriter
        transport.pause_reading()
        asyncio.get_running_loop().create_task(self._connect(upstream))

    async def _connect(self, upstream: _Side) -> None:
        loop = asyncio.get_running_loop()
        try:
            await loop.create_connection(lambda: upstream, *self.upstream)
        except OSError as error:
            log(f"upstream {self.upstream[0]}:{self.upstream[1]} unreachable: {error}")
            if self.transport is not None:
                self.transport.close()
            return
        if self.closed:
            upstream.transport.close()
            return
        self.transport.resume_reading()

    def connection_lost(self, exc) -> None:
        self.stats["rewritten"] += self.rewriter.rewritten
        super().connection_lost(exc)


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} kafka-apiversions-proxy: {message}", file=sys.stderr, flush=True)


def parse_address(text: str) -> tuple[str, int]:
    text = text.removeprefix("tcp://")
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host, int(port)


async def serve(listen: tuple[str, int], upstream: tuple[str, int]) -> None:
    loop = asyncio.get_running_loop()
    stats = {"connections": 0, "rewritten": 0}
    server = await loop.create_server(
        lambda: _ClientSide(upstream, stats), listen[0], listen[1], reuse_address=True, backlog=512
    )
    log(f"listening on {listen[0]}:{listen[1]}, forwarding to {upstream[0]}:{upstream[1]}")
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    log(f"stopping after {stats['connections']} connections, {stats['rewritten']} ApiVersions responses rewritten")


# MARK: - --check: a real Kafka request


def _request(sock: socket.socket, frame_body: bytes, deadline: float) -> bytes:
    sock.sendall(_INT32.pack(len(frame_body)) + frame_body)

    def read(n: int) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            chunk = sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("connection closed by broker")
            buf += chunk
        return bytes(buf)

    (length,) = _INT32.unpack(read(4))
    return _INT32.pack(length) + read(length)


def api_versions_v3_request(correlation_id: int) -> bytes:
    """ApiVersions v3 request body (request header v2), without length."""
    client_id = b"newsflow-check"
    name, version = b"newsflow-check", b"1.0"
    return (
        struct.pack(">hhih", API_VERSIONS_KEY, 3, correlation_id, len(client_id))
        + client_id
        + b"\x00"  # header tagged fields
        + bytes([len(name) + 1]) + name
        + bytes([len(version) + 1]) + version
        + b"\x00"  # body tagged fields
    )


def metadata_v1_request(correlation_id: int) -> bytes:
    """Metadata v1 request for no topics (request header v1)."""
    client_id = b"newsflow-check"
    return struct.pack(">hhih", 3, 1, correlation_id, len(client_id)) + client_id + _INT32.pack(0)


def parse_metadata_v1_brokers(frame: bytes) -> list[tuple[int, str, int]]:
    pos = 8
    (count,) = _INT32.unpack_from(frame, pos)
    pos += 4
    brokers = []
    for _ in range(count):
        node, host_len = struct.unpack_from(">ih", frame, pos)
        pos += 6
        host = frame[pos : pos + host_len].decode()
        pos += host_len
        (port, rack_len) = struct.unpack_from(">ih", frame, pos)
        pos += 6 + max(rack_len, 0)
        brokers.append((node, host, port))
    return brokers


def check(address: tuple[str, int], timeout: float) -> int:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(address, timeout=1.0) as sock:
                frame = _request(sock, api_versions_v3_request(1), deadline)
                corr, error_code = struct.unpack_from(">ih", frame, 4)
                if corr != 1 or error_code != 0:
                    raise RuntimeError(f"ApiVersions answered correlation {corr}, error {error_code}")
                count, _ = read_uvarint(frame, 10)
                tagged_empty = frame[-1:] == b"\x00" and rewrite_api_versions_response(frame) is frame
                meta = _request(sock, metadata_v1_request(2), deadline)
                brokers = parse_metadata_v1_brokers(meta)
            listing = ", ".join(f"{node}@{host}:{port}" for node, host, port in brokers)
            print(
                f"ok: {address[0]}:{address[1]} answered ApiVersions v3 ({count - 1} api keys, "
                f"top-level tagged fields {'empty' if tagged_empty else 'present'}); "
                f"brokers: {listing}"
            )
            return 0
        except (OSError, ConnectionError, RuntimeError, struct.error, IndexError, ValueError) as error:
            last_error = error
            time.sleep(0.1)
    print(f"error: no Kafka answer from {address[0]}:{address[1]} within {timeout:g}s: {last_error}", file=sys.stderr)
    return 1


# MARK: - main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", type=parse_address, help="HOST:PORT to accept clients on")
    parser.add_argument("--upstream", type=parse_address, help="HOST:PORT of the broker (Tansu)")
    parser.add_argument("--check", type=parse_address, metavar="HOST:PORT", help="send ApiVersions + Metadata and exit")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds --check keeps retrying (default 10)")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.check, args.timeout)
    if not args.listen or not args.upstream:
        parser.error("--listen and --upstream are required (or use --check)")
    try:
        asyncio.run(serve(args.listen, args.upstream))
    except OSError as error:
        log(f"cannot listen on {args.listen[0]}:{args.listen[1]}: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

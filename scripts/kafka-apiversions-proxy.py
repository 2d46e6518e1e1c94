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
length, never parsed byte by byte: only frame headers are read into Python,
and the rest of a large frame (multi-megabyte produce/fetch frames) streams
socket to pipe to socket with splice(2), never through user space.

Python 3 standard library only (a blocking thread per direction per
connection; os.splice on Linux, plain recv/send elsewhere).

Usage:
  kafka-apiversions-proxy.py --listen 127.0.0.1:9092 --upstream 127.0.0.1:19092
  kafka-apiversions-proxy.py --check 127.0.0.1:9092 [--timeout 10]

`--check` sends a real ApiVersions v3 request and a Metadata v1 request to
the given address, prints the advertised brokers and exits 0 when the
broker answered (and, through the proxy, the tagged fields are empty).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import signal
import socket
import struct
import sys
import threading
import time

API_VERSIONS_KEY = 18
FIRST_FLEXIBLE_API_VERSIONS = 3
_INT32 = struct.Struct(">i")
_REQUEST_PREFIX = struct.Struct(">ihhi")  # length, api_key, api_version, correlation_id
_RESPONSE_PREFIX = struct.Struct(">ii")  # length, correlation_id
# An ApiVersions response is never legitimately this large; anything bigger
# is forwarded untouched instead of being buffered.
_MAX_REWRITE_FRAME = 1 << 20
_UNBOUNDED = 1 << 62


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

    def raw_remaining(self) -> int:
        """How many of the next bytes the tracker does not need to see (the
        rest of the current request body; unbounded once the stream is not
        Kafka framing). They may bypass `feed`; report them with
        `raw_consumed`."""
        return _UNBOUNDED if self._broken else self._skip

    def raw_consumed(self, count: int) -> None:
        if not self._broken:
            self._skip -= count


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

    def raw_remaining(self) -> int:
        """How many of the next bytes pass unchanged without being looked at
        (the rest of a frame being forwarded; unbounded once the stream is not
        Kafka framing). They may bypass `feed`, which must then be told with
        `raw_consumed`."""
        if self._broken:
            return _UNBOUNDED
        return self._forward if self._frame is None else 0

    def raw_consumed(self, count: int) -> None:
        if not self._broken:
            self._forward -= count


# MARK: - Forwarding


# A frame remainder at least this large moves kernel to kernel with
# splice(2) through a pipe; smaller pieces (and every frame header) are read
# into a user-space buffer of this size, several frames per read.
_BUFFER_SIZE = 64 << 10
_SPLICE_MIN = _BUFFER_SIZE
_PIPE_SIZE = 1 << 20
_MAX_PIECES = 256  # per sendmsg (the kernel takes up to 1024)
_HAVE_SPLICE = hasattr(os, "splice")


class _Splicer:
    """A pipe that moves bytes from one socket to another without copying
    them through user space (Linux splice(2))."""

    def __init__(self) -> None:
        self.read_fd, self.write_fd = os.pipe()
        try:
            fcntl.fcntl(self.write_fd, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
        except OSError:
            pass  # e.g. over the per-user pipe quota: a smaller pipe works too
        self.capacity = fcntl.fcntl(self.write_fd, fcntl.F_GETPIPE_SZ)

    def move(self, src: int, dst: int, limit: int) -> int:
        """Moves up to `limit` bytes from socket `src` to socket `dst`,
        blocking until some arrive; returns how many (0 at end of stream)."""
        moved = os.splice(src, self.write_fd, min(limit, self.capacity))
        left = moved
        while left:
            sent = os.splice(self.read_fd, dst, left)
            if sent == 0:
                raise ConnectionError("splice to socket made no progress")
            left -= sent
        return moved

    def close(self) -> None:
        os.close(self.read_fd)
        os.close(self.write_fd)


class _Connection:
    """A client connection and its broker connection. Two threads move the
    bytes, one per direction, with blocking sockets (back-pressure is the
    kernel's). Only frame headers (and ApiVersions responses) pass through
    Python; the rest of a large frame is spliced."""

    def __init__(self, client: socket.socket, upstream: tuple[str, int], stats: "_Stats") -> None:
        self.client = client
        self.upstream_address = upstream
        self.broker: socket.socket | None = None
        self.stats = stats
        self.tracker = RequestTracker()
        self.rewriter = ResponseRewriter(self.tracker)
        self._lock = threading.Lock()
        self._running = 0

    def run(self) -> None:
        """Thread body: connect to the broker, start the broker-to-client
        thread, then forward client-to-broker."""
        try:
            broker = socket.create_connection(self.upstream_address)
        except OSError as error:
            host, port = self.upstream_address
            log(f"upstream {host}:{port} unreachable: {error}")
            self.client.close()
            return
        self.broker = broker
        for sock in (self.client, broker):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        self._running = 2
        try:
            threading.Thread(
                target=self._direction, args=(broker, self.client, self._pump_responses), daemon=True
            ).start()
        except RuntimeError as error:  # can't start new thread
            log(f"dropping a connection: {error}")
            self._running = 1
            self.client.shutdown(socket.SHUT_RD)
        self._direction(self.client, broker, self._pump_requests)

    def _direction(self, src: socket.socket, dst: socket.socket, pump) -> None:
        try:
            pump(src, dst)
        except OSError:
            pass  # reset, broken pipe, or the other direction shut us down
        finally:
            self._finish(dst)

    def _finish(self, dst: socket.socket) -> None:
        # One side ended (end of stream or error): everything read from it
        # has been written, so stop reading the other side too. Its thread
        # finishes the write it is in, then sees end of stream. Kafka
        # connections are not half-closed in practice: both close together.
        try:
            dst.shutdown(socket.SHUT_RD)
        except OSError:
            pass
        with self._lock:
            self._running -= 1
            last = self._running == 0
        if last:
            self.client.close()
            if self.broker is not None:
                self.broker.close()
            self.stats.add_rewritten(self.rewriter.rewritten)

    def _pump_requests(self, src: socket.socket, dst: socket.socket) -> None:
        tracker = self.tracker

        def forward(chunk: memoryview) -> None:
            tracker.feed(chunk)
            dst.sendall(chunk)

        _pump(src, dst, tracker, forward)

    def _pump_responses(self, src: socket.socket, dst: socket.socket) -> None:
        rewriter = self.rewriter

        def forward(chunk: memoryview) -> None:
            pieces = rewriter.feed(chunk)
            if len(pieces) == 1:
                dst.sendall(pieces[0])
            elif len(pieces) > _MAX_PIECES:  # a read full of tiny frames
                dst.sendall(b"".join(pieces))
            elif pieces:
                _send_all_pieces(dst, pieces)

        _pump(src, dst, rewriter, forward)


def _send_all_pieces(sock: socket.socket, pieces: list) -> None:
    """Writes the pieces (a read's worth of frame prefixes and slices) with
    one sendmsg: one TCP segment instead of one per piece."""
    sent = sock.sendmsg(pieces)
    total = sum(len(piece) for piece in pieces)
    if sent < total:  # interrupted: write the rest piece by piece
        for piece in pieces:
            if sent >= len(piece):
                sent -= len(piece)
                continue
            sock.sendall(memoryview(piece)[sent:])
            sent = 0


def _pump(src: socket.socket, dst: socket.socket, parser, forward) -> None:
    """Moves `src`'s bytes to `dst` until end of stream. Bytes the parser
    (RequestTracker or ResponseRewriter) need not see are spliced when there
    are at least _SPLICE_MIN of them; the rest are read into a buffer and
    handed to `forward`, which feeds the parser and writes the result."""
    buf = bytearray(_BUFFER_SIZE)
    view = memoryview(buf)
    splicer = None
    src_fd, dst_fd = src.fileno(), dst.fileno()
    try:
        while True:
            remaining = parser.raw_remaining()
            if remaining >= _SPLICE_MIN and _HAVE_SPLICE:
                if splicer is None:
                    splicer = _Splicer()
                moved = splicer.move(src_fd, dst_fd, remaining)
                if moved == 0:
                    return
                parser.raw_consumed(moved)
                continue
            n = src.recv_into(buf)
            if n == 0:
                return
            forward(view[:n])
    finally:
        if splicer is not None:
            splicer.close()


class _Stats:
    def __init__(self) -> None:
        self.connections = 0
        self.rewritten = 0
        self._lock = threading.Lock()

    def add_rewritten(self, count: int) -> None:
        with self._lock:
            self.rewritten += count


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} kafka-apiversions-proxy: {message}", file=sys.stderr, flush=True)


def parse_address(text: str) -> tuple[str, int]:
    text = text.removeprefix("tcp://")
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host, int(port)


_STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


class _Stop(Exception):
    pass


def _raise_stop(signum, frame) -> None:
    raise _Stop


def serve(listen: tuple[str, int], upstream: tuple[str, int]) -> None:
    """Accepts clients until SIGTERM or SIGINT; each gets a _Connection."""
    stats = _Stats()
    listener = socket.create_server(listen, backlog=512)  # SO_REUSEADDR on POSIX
    log(f"listening on {listen[0]}:{listen[1]}, forwarding to {upstream[0]}:{upstream[1]}")
    for sig in _STOP_SIGNALS:
        signal.signal(sig, _raise_stop)
    try:
        while True:
            try:
                client, _ = listener.accept()
            except OSError as error:  # e.g. EMFILE: wait a moment, keep serving
                log(f"accept failed: {error}")
                time.sleep(0.1)
                continue
            stats.connections += 1
            connection = _Connection(client, upstream, stats)
            # The connection's threads start with SIGTERM/SIGINT blocked, so
            # that the kernel delivers them to this (the main) thread, where
            # the handler interrupts accept().
            signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
            try:
                threading.Thread(target=connection.run, daemon=True).start()
            except RuntimeError as error:  # can't start new thread
                log(f"dropping a connection: {error}")
                client.close()
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    except _Stop:
        pass
    finally:
        for sig in _STOP_SIGNALS:
            signal.signal(sig, signal.SIG_DFL)
        listener.close()
    log(f"stopping after {stats.connections} connections, {stats.rewritten} ApiVersions responses rewritten")


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
        serve(args.listen, args.upstream)
    except OSError as error:
        log(f"cannot listen on {args.listen[0]}:{args.listen[1]}: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The proxy's forwarding paths: frame headers and small pieces go through a
user-space buffer, the rest of a large frame bypasses it (os.splice), and
the two must hand over at any byte boundary.

Unit tests drive RequestTracker/ResponseRewriter the way the forwarding
threads do (feed, or raw_remaining + raw_consumed for bytes that bypass
them); socket tests run the proxy process in front of peers that write
frames in awkward pieces."""

from __future__ import annotations

import os
import signal
import socket
import struct
import threading
import time
import unittest

from devbroker_support import (
    TANSU_TOP_LEVEL_TAGS,
    ScriptedUpstream,
    api_versions_v3_response,
    free_port,
    load_proxy_module,
    opaque_response,
    read_exact,
    read_frame,
    request,
    start_proxy,
)

proxy = load_proxy_module()

KEYS = [(0, 0, 9), (1, 0, 12), (18, 0, 3)]


def pump_like_the_proxy(tracker, rewriter, requests: bytes, responses: bytes, read: int, bypass_min: int) -> bytes:
    """Mimics _Connection's pumps: while at least `bypass_min` bytes may
    bypass the parser they are copied raw (as splice would move them, in
    pieces of at most `read`); otherwise `read` bytes go through feed."""
    pos = 0
    while pos < len(requests):
        raw = tracker.raw_remaining()
        if raw >= bypass_min:
            n = min(raw, read, len(requests) - pos)
            tracker.raw_consumed(n)
        else:
            n = min(read, len(requests) - pos)
            tracker.feed(requests[pos : pos + n])
        pos += n
    out = bytearray()
    pos = 0
    while pos < len(responses):
        raw = rewriter.raw_remaining()
        if raw >= bypass_min:
            n = min(raw, read, len(responses) - pos)
            out += responses[pos : pos + n]
            rewriter.raw_consumed(n)
        else:
            n = min(read, len(responses) - pos)
            for piece in rewriter.feed(responses[pos : pos + n]):
                out += piece
        pos += n
    return bytes(out)


class BypassHandOverTests(unittest.TestCase):
    def test_raw_and_parsed_pieces_hand_over_at_any_boundary(self):
        big_produce = request(0, 9, 1, os.urandom(30_000))
        requests = request(18, 3, 0) + big_produce + request(18, 3, 2) + request(1, 12, 3) + request(18, 3, 4)
        fetch = opaque_response(3, os.urandom(25_000))
        responses = (
            api_versions_v3_response(0, KEYS, TANSU_TOP_LEVEL_TAGS)
            + opaque_response(1, b"ok")
            + api_versions_v3_response(2, KEYS, TANSU_TOP_LEVEL_TAGS)
            + fetch
            + api_versions_v3_response(4, KEYS, TANSU_TOP_LEVEL_TAGS)
        )
        expected = (
            api_versions_v3_response(0, KEYS, [])
            + opaque_response(1, b"ok")
            + api_versions_v3_response(2, KEYS, [])
            + fetch
            + api_versions_v3_response(4, KEYS, [])
        )
        for read in (1, 7, 8, 9, 100, 4096, 65536):
            for bypass_min in (1, 9, 4096, 16384):
                with self.subTest(read=read, bypass_min=bypass_min):
                    tracker = proxy.RequestTracker()
                    rewriter = proxy.ResponseRewriter(tracker)
                    out = pump_like_the_proxy(tracker, rewriter, requests, responses, read, bypass_min)
                    self.assertEqual(out, expected)
                    self.assertEqual(rewriter.rewritten, 3)
                    self.assertEqual(tracker.pending, set())

    def test_nothing_bypasses_while_an_api_versions_response_is_collected(self):
        tracker = proxy.RequestTracker()
        tracker.feed(request(18, 3, 5))
        rewriter = proxy.ResponseRewriter(tracker)
        whole = api_versions_v3_response(5, KEYS, TANSU_TOP_LEVEL_TAGS)
        self.assertEqual(rewriter.feed(whole[:12]), [])
        self.assertEqual(rewriter.raw_remaining(), 0)
        self.assertEqual(b"".join(rewriter.feed(whole[12:])), api_versions_v3_response(5, KEYS, []))

    def test_the_rest_of_a_large_frame_is_offered_for_bypass(self):
        tracker = proxy.RequestTracker()
        tracker.feed(request(0, 9, 6, b"v" * 1_000_000)[:100])
        self.assertEqual(tracker.raw_remaining(), 4 + 10 + 1 + 1_000_000 - 100)
        rewriter = proxy.ResponseRewriter(tracker)
        self.assertEqual(len(b"".join(rewriter.feed(opaque_response(6, b"r" * 1_000_000)[:50]))), 50)
        self.assertEqual(rewriter.raw_remaining(), 8 + 1_000_000 - 50)

    def test_a_stream_that_is_not_kafka_framing_bypasses_everything(self):
        tracker = proxy.RequestTracker()
        tracker.feed(struct.pack(">ihhi", 3, 0, 0, 0))
        self.assertGreater(tracker.raw_remaining(), 1 << 40)
        rewriter = proxy.ResponseRewriter(tracker)
        rewriter.feed(struct.pack(">ii", 2, 0) + b"junk")
        self.assertGreater(rewriter.raw_remaining(), 1 << 40)


class DribblingUpstream:
    """A peer that answers each request (header v1) with scripted bytes,
    written in the given piece sizes with a pause between pieces so that
    the proxy sees them in separate reads. `script(api_key, corr, payload)`
    returns (response bytes, piece sizes)."""

    def __init__(self, script) -> None:
        self.script = script
        self.server = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

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
                    key, _, corr, client_len = struct.unpack_from(">hhih", req, 4)
                    if key == 1:
                        read_frame(conn)  # the pipelined ApiVersions request: answered below
                    data, pieces = self.script(key, corr, req[14 + client_len :])
                    pos = 0
                    for size in pieces:
                        conn.sendall(data[pos : pos + size])
                        pos += size
                        time.sleep(0.02)
                    conn.sendall(data[pos:])
            except (ConnectionError, OSError):
                return

    def close(self) -> None:
        self.server.close()


FETCH_PAYLOAD = os.urandom(3 * 1024 * 1024 + 5)


def dribble_script(key: int, corr: int, payload: bytes):
    if key == 18:
        data = api_versions_v3_response(corr, KEYS, TANSU_TOP_LEVEL_TAGS)
        return data, [1, 2, 3, 4, 5, 6, 7]  # header split, then the body in pieces
    if key == 1:
        # A large fetch frame immediately followed (same write) by the
        # ApiVersions answer to the request pipelined after it (corr + 1),
        # split so that one piece holds the fetch's tail and the next
        # frame's first bytes.
        fetch = opaque_response(corr, FETCH_PAYLOAD)
        api = api_versions_v3_response(corr + 1, KEYS, TANSU_TOP_LEVEL_TAGS)
        data = fetch + api
        return data, [3, 200_000, len(fetch) - 200_003 - 10, 13, 2]
    return opaque_response(corr, payload), [len(payload) // 2]


class ProxyForwardingSocketTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.upstream = DribblingUpstream(dribble_script)
        cls.process, cls.port = start_proxy(cls.upstream.port)

    @classmethod
    def tearDownClass(cls):
        cls.process.terminate()
        cls.process.wait(timeout=10)
        cls.process.stderr.close()
        cls.upstream.close()

    def connect(self) -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self.addCleanup(sock.close)
        return sock

    def test_a_response_written_in_small_pieces_is_rewritten(self):
        sock = self.connect()
        sock.sendall(request(18, 3, 1))
        self.assertEqual(read_frame(sock), api_versions_v3_response(1, KEYS, []))

    def test_a_request_written_in_small_pieces_is_still_recognised(self):
        sock = self.connect()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        data = request(18, 3, 2)
        for i in range(len(data)):
            sock.sendall(data[i : i + 1])
            time.sleep(0.005)
        self.assertEqual(read_frame(sock), api_versions_v3_response(2, KEYS, []))

    def test_api_versions_right_after_a_large_fetch_frame_is_rewritten(self):
        sock = self.connect()
        sock.sendall(request(1, 12, 10) + request(18, 3, 11))
        fetched = read_frame(sock)
        self.assertEqual(struct.unpack(">i", fetched[4:8])[0], 10)
        self.assertEqual(fetched[8:], FETCH_PAYLOAD)
        self.assertEqual(read_frame(sock), api_versions_v3_response(11, KEYS, []))
        # The connection keeps working afterwards.
        sock.sendall(request(3, 1, 12, b"meta"))
        self.assertEqual(read_frame(sock), opaque_response(12, b"meta"))

    def test_a_large_request_written_in_pieces_is_forwarded_byte_exact(self):
        sock = self.connect()
        payload = os.urandom(2 * 1024 * 1024 + 3)
        data = request(0, 9, 20, payload) + request(18, 3, 21)
        for piece in (data[:5], data[5:70_000], data[70_000:-30], data[-30:]):
            sock.sendall(piece)
            time.sleep(0.02)
        echoed = read_frame(sock)
        self.assertEqual(echoed, opaque_response(20, payload))
        self.assertEqual(read_frame(sock), api_versions_v3_response(21, KEYS, []))


def open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


class ProxyConnectionLifecycleTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.upstream = ScriptedUpstream()
        cls.process, cls.port = start_proxy(cls.upstream.port)

    @classmethod
    def tearDownClass(cls):
        cls.process.terminate()
        cls.process.wait(timeout=10)
        cls.process.stderr.close()
        cls.upstream.close()

    def test_many_concurrent_connections_with_large_frames(self):
        errors: list[BaseException] = []
        sizes = [200_000 + 7919 * i for i in range(40)]

        def client(index: int) -> None:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=60) as sock:
                    payload = os.urandom(sizes[index])
                    sock.sendall(request(0, 9, 1, payload) + request(1, 12, 2, struct.pack(">i", sizes[index])))
                    sock.sendall(request(18, 3, 3))
                    assert read_frame(sock) == opaque_response(1, payload)
                    fetched = read_frame(sock)
                    assert fetched[8:] == ScriptedUpstream.fetch_payload(sizes[index])
                    assert read_frame(sock) == api_versions_v3_response(3, KEYS, [])
            except BaseException as error:  # collected and reported below
                errors.append(error)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(len(sizes))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        self.assertEqual(errors, [])

    def test_closed_connections_release_their_sockets_and_pipes(self):
        def settled_fds() -> int:
            deadline = time.monotonic() + 10
            last = open_fds(self.process.pid)
            while time.monotonic() < deadline:
                time.sleep(0.2)
                now = open_fds(self.process.pid)
                if now == last:
                    return now
                last = now
            return last

        before = settled_fds()
        for i in range(60):
            with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
                sock.sendall(request(1, 12, i, struct.pack(">i", 300_000)))  # spliced: opens a pipe
                self.assertEqual(len(read_frame(sock)), 8 + 300_000)
        # Mid-frame closes too.
        for i in range(20):
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
            sock.sendall(request(1, 12, i, struct.pack(">i", 4_000_000)))
            read_exact(sock, 100_000)
            sock.close()
        deadline = time.monotonic() + 10
        while open_fds(self.process.pid) > before and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertLessEqual(open_fds(self.process.pid), before)



class HangingUpUpstream:
    """Answers the first bytes of any request with the first 100,000 bytes
    of a 1,000,008-byte frame, then closes the connection."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0), backlog=16)
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                try:
                    if conn.recv(100):
                        conn.sendall(struct.pack(">ii", 1_000_004, 1) + bytes(100_000 - 8))
                except OSError:
                    pass

    def close(self) -> None:
        self.server.close()


class ProxyProcessTests(unittest.TestCase):
    def test_upstream_closing_mid_frame_closes_the_client(self):
        upstream = HangingUpUpstream()
        self.addCleanup(upstream.close)
        process, port = start_proxy(upstream.port)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.sendall(request(1, 12, 1))
                got = bytearray()
                while chunk := sock.recv(65536):
                    got += chunk
            self.assertEqual(len(got), 100_000)
        finally:
            process.terminate()
            process.wait(timeout=10)
            process.stderr.close()

    def test_unreachable_upstream_closes_the_client_and_logs_it(self):
        process, port = start_proxy(free_port())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.sendall(request(18, 3, 1))
                try:
                    self.assertEqual(sock.recv(10), b"")
                except ConnectionResetError:
                    pass  # closed with our request unread: a reset, also fine
        finally:
            process.send_signal(signal.SIGTERM)
            self.assertEqual(process.wait(timeout=10), 0)
            log = process.stderr.read().decode()
            process.stderr.close()
        self.assertIn("unreachable", log)
        self.assertRegex(log, r"stopping after \d+ connections, 0 ApiVersions responses rewritten")

    def test_sigterm_stops_promptly_with_connections_open(self):
        upstream = ScriptedUpstream()
        self.addCleanup(upstream.close)
        process, port = start_proxy(upstream.port)
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.addCleanup(sock.close)
        sock.sendall(request(18, 3, 1))
        self.assertEqual(read_frame(sock), api_versions_v3_response(1, KEYS, []))
        sock.sendall(request(1, 12, 2, struct.pack(">i", 50_000_000)))  # unread: blocks mid-frame
        time.sleep(0.3)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        self.assertEqual(process.wait(timeout=5), 0)
        self.assertLess(time.monotonic() - started, 3)
        log = process.stderr.read().decode()
        process.stderr.close()
        # (rewrites are counted when a connection ends, as before)
        self.assertRegex(log, r"stopping after \d+ connections, \d+ ApiVersions responses rewritten")


if __name__ == "__main__":
    unittest.main()

"""The proxy process over real loopback sockets, in front of a scripted
Kafka-framed peer (the real broker is exercised in test_dev_broker_e2e.py)."""

from __future__ import annotations

import os
import socket
import struct
import threading
import unittest

from devbroker_support import (
    ScriptedUpstream,
    api_versions_v0_response,
    api_versions_v3_response,
    read_frame,
    request,
    start_proxy,
)

KEYS = [(0, 0, 9), (1, 0, 12), (18, 0, 3)]


class ProxySocketTests(unittest.TestCase):
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

    def connect(self) -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self.addCleanup(sock.close)
        return sock

    def test_api_versions_v3_comes_back_without_tagged_fields_and_v0_unchanged(self):
        sock = self.connect()
        sock.sendall(request(18, 3, 1))
        self.assertEqual(read_frame(sock), api_versions_v3_response(1, KEYS, []))
        sock.sendall(request(18, 0, 2))
        self.assertEqual(read_frame(sock), api_versions_v0_response(2, KEYS))

    def test_multi_megabyte_frames_pass_byte_exact_in_both_directions(self):
        sock = self.connect()
        produce_payload = os.urandom(3 * 1024 * 1024 + 17)
        sock.sendall(request(0, 9, 5, produce_payload))
        echoed = read_frame(sock)
        self.assertEqual(struct.unpack(">i", echoed[4:8])[0], 5)
        self.assertEqual(echoed[8:], produce_payload)
        sock.sendall(request(1, 12, 6, struct.pack(">i", 5_000_000)))
        fetched = read_frame(sock)
        self.assertEqual(len(fetched), 8 + 5_000_000)
        self.assertEqual(fetched[8:], ScriptedUpstream.fetch_payload(5_000_000))

    def test_pipelined_requests_keep_their_order_and_only_api_versions_is_touched(self):
        sock = self.connect()
        sock.sendall(request(1, 12, 10, struct.pack(">i", 300_000)) + request(18, 3, 11) + request(3, 1, 12, b"meta"))
        first, second, third = read_frame(sock), read_frame(sock), read_frame(sock)
        self.assertEqual(struct.unpack(">i", first[4:8])[0], 10)
        self.assertEqual(len(first), 8 + 300_000)
        self.assertEqual(second, api_versions_v3_response(11, KEYS, []))
        self.assertEqual(third[8:], b"meta")

    def test_many_concurrent_connections(self):
        errors: list[BaseException] = []

        def client(index: int) -> None:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
                    sock.sendall(request(18, 3, index))
                    assert read_frame(sock) == api_versions_v3_response(index, KEYS, [])
                    payload = os.urandom(10_000 + index)
                    sock.sendall(request(0, 9, index + 1, payload))
                    assert read_frame(sock)[8:] == payload
            except BaseException as error:  # collected and reported below
                errors.append(error)

        threads = [threading.Thread(target=client, args=(i * 2,)) for i in range(100)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertEqual(errors, [])

    def test_closing_the_client_closes_the_upstream_side_and_the_proxy_keeps_serving(self):
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        sock.sendall(request(1, 12, 1, struct.pack(">i", 2_000_000)))
        sock.close()  # mid-response
        again = self.connect()
        again.sendall(request(18, 3, 2))
        self.assertEqual(read_frame(again), api_versions_v3_response(2, KEYS, []))


if __name__ == "__main__":
    unittest.main()

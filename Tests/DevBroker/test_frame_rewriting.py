"""Unit tests of the ApiVersions rewriting in scripts/kafka-apiversions-proxy.py.

Frames are built by hand from the Kafka protocol layout; the expected bytes
are built independently of the code under test (same builders, no tags)."""

from __future__ import annotations

import os
import struct
import unittest

from devbroker_support import (
    TANSU_TOP_LEVEL_TAGS,
    api_versions_v0_response,
    api_versions_v3_response,
    frame,
    load_proxy_module,
    opaque_response,
    request,
)

proxy = load_proxy_module()

KEYS = [(0, 0, 9), (1, 0, 12), (3, 0, 12), (18, 0, 3), (19, 0, 7)]


def run_stream(requests: bytes, responses: bytes, chunk: int | None = None) -> bytes:
    """Feeds the request bytes to a tracker and the response bytes (in
    `chunk`-sized reads, or one read) to a rewriter; returns the output."""
    tracker = proxy.RequestTracker()
    rewriter = proxy.ResponseRewriter(tracker)
    step = chunk or max(1, len(requests))
    for i in range(0, len(requests), step):
        tracker.feed(requests[i : i + step])
    out = bytearray()
    step = chunk or max(1, len(responses))
    for i in range(0, len(responses), step):
        for piece in rewriter.feed(responses[i : i + step]):
            out += piece
    return bytes(out)


class RewriteApiVersionsResponseTests(unittest.TestCase):
    def test_top_level_tagged_fields_become_a_single_zero_byte_with_corrected_length(self):
        original = api_versions_v3_response(7, KEYS, TANSU_TOP_LEVEL_TAGS)
        expected = api_versions_v3_response(7, KEYS, [])
        rewritten = proxy.rewrite_api_versions_response(original)
        self.assertEqual(rewritten, expected)
        self.assertEqual(rewritten[-1:], b"\x00")
        (length,) = struct.unpack(">i", rewritten[:4])
        self.assertEqual(length, len(rewritten) - 4)
        # 4 tags: (1+1+1) + (1+1+8) + (1+1+1) + (1+1+1) bytes + count byte - the new 0x00
        self.assertEqual(len(original) - len(rewritten), 19)

    def test_per_entry_tagged_fields_are_kept(self):
        entry_tags = [(5, b"abc")]
        original = api_versions_v3_response(1, KEYS, [(0, b"\x01")], entry_tags=entry_tags)
        expected = api_versions_v3_response(1, KEYS, [], entry_tags=entry_tags)
        self.assertEqual(proxy.rewrite_api_versions_response(original), expected)

    def test_throttle_time_and_error_code_survive(self):
        original = api_versions_v3_response(9, KEYS, TANSU_TOP_LEVEL_TAGS, throttle_ms=1234)
        rewritten = proxy.rewrite_api_versions_response(original)
        self.assertEqual(struct.unpack(">ih", rewritten[4:10]), (9, 0))
        self.assertEqual(struct.unpack(">i", rewritten[-5:-1]), (1234,))

    def test_a_response_without_tagged_fields_is_returned_as_is(self):
        original = api_versions_v3_response(2, KEYS, [])
        self.assertIs(proxy.rewrite_api_versions_response(original), original)

    def test_truncated_or_trailing_garbage_frames_are_left_alone(self):
        original = api_versions_v3_response(3, KEYS, TANSU_TOP_LEVEL_TAGS)
        truncated = frame(original[4:-3])
        self.assertIs(proxy.rewrite_api_versions_response(truncated), truncated)
        padded = frame(original[4:] + b"\x00\x00")
        self.assertIs(proxy.rewrite_api_versions_response(padded), padded)

    def test_large_api_key_counts_use_multi_byte_uvarints(self):
        keys = [(k, 0, 1) for k in range(200)]  # N+1 = 201 needs two uvarint bytes
        original = api_versions_v3_response(4, keys, TANSU_TOP_LEVEL_TAGS)
        self.assertEqual(proxy.rewrite_api_versions_response(original), api_versions_v3_response(4, keys, []))


class StreamTests(unittest.TestCase):
    def test_only_the_api_versions_v3_response_is_rewritten_in_a_mixed_stream(self):
        requests = (
            request(18, 3, 1)
            + request(3, 12, 2, b"\x01\x00")
            + request(18, 2, 3)
            + request(18, 0, 4)
            + request(1, 12, 5, b"x" * 100)
            + request(18, 4, 6)
        )
        v3_tags = api_versions_v3_response(1, KEYS, TANSU_TOP_LEVEL_TAGS)
        # A Metadata response shaped exactly like an ApiVersions v3 response:
        # it must pass unchanged because its request was not ApiVersions.
        lookalike = api_versions_v3_response(2, KEYS, TANSU_TOP_LEVEL_TAGS)
        v2 = api_versions_v0_response(3, KEYS)
        v0 = api_versions_v0_response(4, KEYS)
        fetch = opaque_response(5, os.urandom(70_000))
        v4_tags = api_versions_v3_response(6, KEYS, TANSU_TOP_LEVEL_TAGS)
        responses = v3_tags + lookalike + v2 + v0 + fetch + v4_tags
        expected = (
            api_versions_v3_response(1, KEYS, [])
            + lookalike
            + v2
            + v0
            + fetch
            + api_versions_v3_response(6, KEYS, [])
        )
        self.assertEqual(run_stream(requests, responses), expected)

    def test_frames_split_at_every_byte_boundary_give_the_same_output(self):
        requests = request(18, 3, 10) + request(0, 9, 11, b"p" * 50) + request(18, 3, 12)
        responses = (
            api_versions_v3_response(10, KEYS, TANSU_TOP_LEVEL_TAGS)
            + opaque_response(11, b"r" * 50)
            + api_versions_v3_response(12, KEYS, [(0, b"\x01")])
        )
        expected = (
            api_versions_v3_response(10, KEYS, [])
            + opaque_response(11, b"r" * 50)
            + api_versions_v3_response(12, KEYS, [])
        )
        for chunk in (1, 2, 3, 5, 7, 8, 13, 64):
            with self.subTest(chunk=chunk):
                self.assertEqual(run_stream(requests, responses, chunk), expected)

    def test_a_multi_megabyte_frame_is_forwarded_as_slices_without_rebuffering(self):
        payload = os.urandom(3 * 1024 * 1024)
        tracker = proxy.RequestTracker()
        tracker.feed(request(1, 12, 42))
        rewriter = proxy.ResponseRewriter(tracker)
        whole = opaque_response(42, payload)
        pieces = []
        for i in range(0, len(whole), 65536):
            pieces.extend(rewriter.feed(whole[i : i + 65536]))
        self.assertEqual(b"".join(bytes(p) for p in pieces), whole)
        # After the 8-byte prefix every read went out as one piece.
        self.assertLessEqual(len(pieces), len(whole) // 65536 + 3)

    def test_request_tracking_survives_split_request_headers_and_large_requests(self):
        big_produce = request(0, 9, 20, b"v" * 2_000_000)
        requests = big_produce + request(18, 3, 21)
        tracker = proxy.RequestTracker()
        for i in range(0, len(requests), 4099):
            tracker.feed(requests[i : i + 4099])
        self.assertEqual(tracker.pending, {21})

    def test_unmatched_correlation_ids_are_forgotten_after_their_response(self):
        tracker = proxy.RequestTracker()
        tracker.feed(request(18, 3, 30))
        rewriter = proxy.ResponseRewriter(tracker)
        rewriter.feed(api_versions_v3_response(30, KEYS, TANSU_TOP_LEVEL_TAGS))
        self.assertEqual(tracker.pending, set())
        self.assertEqual(rewriter.rewritten, 1)


class WireHelperTests(unittest.TestCase):
    def test_uvarint_decoding(self):
        self.assertEqual(proxy.read_uvarint(b"\x00", 0), (0, 1))
        self.assertEqual(proxy.read_uvarint(b"\x7f", 0), (127, 1))
        self.assertEqual(proxy.read_uvarint(b"\x80\x01", 0), (128, 2))
        self.assertEqual(proxy.read_uvarint(b"\xff\xff\xff\xff\x0f", 0), (0xFFFFFFFF, 5))
        with self.assertRaises(IndexError):
            proxy.read_uvarint(b"\x80", 0)
        with self.assertRaises(ValueError):
            proxy.read_uvarint(b"\xff\xff\xff\xff\xff\x01", 0)

    def test_address_parsing(self):
        self.assertEqual(proxy.parse_address("127.0.0.1:9092"), ("127.0.0.1", 9092))
        self.assertEqual(proxy.parse_address("tcp://localhost:19092"), ("localhost", 19092))


if __name__ == "__main__":
    unittest.main()

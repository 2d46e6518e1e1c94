"""End to end: scripts/dev-broker starts real Tansu behind the proxy, and
Debian's system librdkafka (2.0.2; through kcat and a small C program)
creates topics, produces and consumes through it, 3 MB messages included.

DevBrokerScriptTests always start their own broker (free port, own run
directory) to test the script and the direct-to-Tansu failure.
LibrdkafkaThroughProxyTests use the broker at NEWSFLOW_TEST_BROKERS when
set, otherwise one of their own. Brokers started here are stopped after.

Needs: kcat (apt-get install -y kcat; Debian's kcat links the system
librdkafka) and gcc + librdkafka-dev for the CreateTopics program.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import uuid

from devbroker_support import DEV_BROKER_SCRIPT, PROXY_SCRIPT, TESTS_DIR, env_flag, free_port

KCAT = shutil.which("kcat")
GCC = shutil.which("gcc")
HAVE_RDKAFKA_DEV = os.path.exists("/usr/include/librdkafka/rdkafka.h")


def run(args: list[str], timeout: float = 60, env: dict | None = None, stdin: bytes | None = None):
    return subprocess.run(args, input=stdin, capture_output=True, timeout=timeout, env=env)


class StartedBroker:
    """A broker started by scripts/dev-broker on a free port, with its own
    run directory; `stop()` stops it and checks the script says so."""

    def __init__(self, workdir: str) -> None:
        port = free_port()
        while port + 10000 > 65535:
            port = free_port()
        self.env = dict(os.environ)
        self.env["NEWSFLOW_DEV_BROKER_PORT"] = str(port)
        self.env["NEWSFLOW_DEV_BROKER_DIR"] = os.path.join(workdir, f"run-{port}")
        result = self.script("start", timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"dev-broker start failed: {result.stderr.decode()}")
        self.bootstrap = result.stdout.decode().strip()
        self.tansu = f"127.0.0.1:{port + 10000}"
        if self.bootstrap != f"127.0.0.1:{port}":
            raise RuntimeError(f"dev-broker start printed {self.bootstrap!r}")

    def script(self, command: str, timeout: float = 60):
        return run([str(DEV_BROKER_SCRIPT), command], timeout=timeout, env=self.env)

    def stop(self) -> None:
        stopped = self.script("stop")
        if stopped.stdout.decode().strip() != "stopped":
            raise RuntimeError(f"dev-broker stop: {stopped}")


def skip_without_kcat(test: unittest.TestCase) -> str:
    if KCAT is None:
        test.skipTest("kcat is not installed (apt-get install -y kcat)")
    return KCAT


class DevBrokerScriptTests(unittest.TestCase):
    """Always starts its own broker: the script's lifecycle and the proof
    that the proxy, not Tansu, is what makes librdkafka 2.0.2 work."""

    @classmethod
    def setUpClass(cls):
        cls.workdir = tempfile.TemporaryDirectory(prefix="devbroker-test-")
        cls.broker = StartedBroker(cls.workdir.name)

    @classmethod
    def tearDownClass(cls):
        try:
            cls.broker.stop()
            status = cls.broker.script("status")
            assert status.returncode == 3 and status.stdout.decode().strip() == "stopped", status
        finally:
            cls.workdir.cleanup()

    def test_start_is_a_no_op_when_running_and_status_reports_it(self):
        again = self.broker.script("start")
        self.assertEqual(again.returncode, 0, again.stderr.decode())
        self.assertEqual(again.stdout.decode().strip(), self.broker.bootstrap)
        status = self.broker.script("status")
        self.assertEqual(status.returncode, 0)
        self.assertTrue(status.stdout.decode().startswith(f"running {self.broker.bootstrap} "), status.stdout)

    def test_proxy_check_mode_sees_empty_tagged_fields_and_the_advertised_proxy_address(self):
        through = run([sys.executable, str(PROXY_SCRIPT), "--check", self.broker.bootstrap])
        self.assertEqual(through.returncode, 0, through.stderr.decode())
        self.assertIn("top-level tagged fields empty", through.stdout.decode())
        self.assertIn(f"@{self.broker.bootstrap}", through.stdout.decode())
        direct = run([sys.executable, str(PROXY_SCRIPT), "--check", self.broker.tansu])
        self.assertEqual(direct.returncode, 0, direct.stderr.decode())
        self.assertIn("top-level tagged fields present", direct.stdout.decode())

    def test_system_librdkafka_fails_directly_against_tansu_with_read_underflow(self):
        kcat = skip_without_kcat(self)
        direct = run([kcat, "-b", self.broker.tansu, "-L", "-m", "3"])
        self.assertNotEqual(direct.returncode, 0)
        self.assertIn("ApiVersionRequest failed: Local: Read underflow", direct.stderr.decode())
        proxied = run([kcat, "-b", self.broker.bootstrap, "-L", "-m", "10"])
        self.assertEqual(proxied.returncode, 0, proxied.stderr.decode())
        self.assertIn(f"at {self.broker.bootstrap}", proxied.stdout.decode())


class LibrdkafkaThroughProxyTests(unittest.TestCase):
    """Topic creation, produce and consume with the system librdkafka, on
    the broker at NEWSFLOW_TEST_BROKERS or on one started here."""

    @classmethod
    def setUpClass(cls):
        cls.workdir = tempfile.TemporaryDirectory(prefix="devbroker-test-")
        cls.broker = None
        external = env_flag("NEWSFLOW_TEST_BROKERS")
        if external:
            cls.bootstrap = external.split(",")[0]
        else:
            cls.broker = StartedBroker(cls.workdir.name)
            cls.bootstrap = cls.broker.bootstrap
        cls.create_topics = None
        if GCC and HAVE_RDKAFKA_DEV:
            exe = os.path.join(cls.workdir.name, "create_topics")
            compiled = run([GCC, "-Wall", "-o", exe, str(TESTS_DIR / "create_topics.c"), "-lrdkafka"])
            if compiled.returncode != 0:
                raise RuntimeError(compiled.stderr.decode())
            cls.create_topics = exe

    @classmethod
    def tearDownClass(cls):
        try:
            if cls.broker is not None:
                cls.broker.stop()
        finally:
            cls.workdir.cleanup()

    # MARK: helpers

    def new_topic(self, partitions: int) -> str:
        if self.create_topics is None:
            self.skipTest("needs gcc and librdkafka-dev (apt-get install -y gcc librdkafka-dev)")
        topic = f"devbroker-test-{uuid.uuid4().hex[:10]}"
        result = run([self.create_topics, self.bootstrap, topic, str(partitions)])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return topic

    def kcat(self, *args: str, stdin: bytes | None = None, timeout: float = 60):
        return run([skip_without_kcat(self), "-b", self.bootstrap, *args], stdin=stdin, timeout=timeout)

    # MARK: tests

    def test_create_topics_with_the_system_librdkafka(self):
        topic = self.new_topic(3)
        again = run([self.create_topics, self.bootstrap, topic, "3"])
        lines = again.stdout.decode().splitlines()
        self.assertEqual(again.returncode, 0, again.stderr.decode())
        self.assertTrue(lines[0].startswith("librdkafka "), lines)
        self.assertEqual(lines[1:], [f"exists {topic}", "partitions 3"])

    def test_produce_and_consume_small_and_3_mb_messages_with_kcat(self):
        topic = self.new_topic(1)
        big = base64.b64encode(os.urandom(2_250_000))  # 3,000,000 bytes, no newlines
        files = []
        for index, payload in enumerate([b"first", b"second", big, b"last"]):
            path = os.path.join(self.workdir.name, f"{topic}-{index}")
            with open(path, "wb") as f:
                f.write(payload)
            files.append(path)
        produced = self.kcat("-P", "-t", topic, "-p", "0", "-X", "message.max.bytes=10000000", *files)
        self.assertEqual(produced.returncode, 0, produced.stderr.decode())
        consumed = self.kcat("-C", "-t", topic, "-p", "0", "-o", "beginning", "-e", "-f", "%o %S %s\n")
        self.assertEqual(consumed.returncode, 0, consumed.stderr.decode())
        records = [line.split(b" ", 2) for line in consumed.stdout.splitlines()]
        self.assertEqual([r[0] for r in records], [b"0", b"1", b"2", b"3"])
        self.assertEqual([int(r[1]) for r in records], [5, 6, 3_000_000, 4])
        self.assertEqual(records[2][2], big)
        self.assertEqual([records[0][2], records[1][2], records[3][2]], [b"first", b"second", b"last"])

    def test_consumer_group_consumes_and_commits_through_the_proxy(self):
        topic = self.new_topic(1)
        group = f"group-{uuid.uuid4().hex[:8]}"
        group_args = ["-G", group, "-X", "session.timeout.ms=6000", "-X", "auto.offset.reset=earliest", "-e", "-f", "%o %s\n"]
        self.assertEqual(self.kcat("-P", "-t", topic, stdin=b"a\nb\nc\n").returncode, 0)
        first = self.kcat(*group_args, topic, timeout=90)
        self.assertEqual(first.returncode, 0, first.stderr.decode())
        self.assertEqual(first.stdout.splitlines(), [b"0 a", b"1 b", b"2 c"])
        self.assertEqual(self.kcat("-P", "-t", topic, stdin=b"d\n").returncode, 0)
        second = self.kcat(*group_args, topic, timeout=90)
        self.assertEqual(second.returncode, 0, second.stderr.decode())
        self.assertEqual(second.stdout.splitlines(), [b"3 d"])


if __name__ == "__main__":
    unittest.main()

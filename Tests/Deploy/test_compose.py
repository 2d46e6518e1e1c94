"""deploy/compose.yaml: structure that `docker compose config` would check, and the stack's own rules
(no Docker engine runs here, so the stack is not started)."""
import pathlib
import re

import pytest

import deploylib


@pytest.fixture(scope="module")
def stack() -> dict:
    return deploylib.compose()


def test_services(stack):
    assert set(stack["services"]) == {"kafka", "topics", "worker", "sample-producer"}
    for name, service in stack["services"].items():
        assert "image" in service or "build" in service, f"{name} has neither image nor build"


def test_depends_on_names_existing_services_with_valid_conditions(stack):
    conditions = {"service_started", "service_healthy", "service_completed_successfully"}
    for name, service in stack["services"].items():
        for dep, spec in service.get("depends_on", {}).items():
            assert dep in stack["services"], f"{name} depends on unknown {dep}"
            assert spec["condition"] in conditions
            if spec["condition"] == "service_healthy":
                assert "healthcheck" in stack["services"][dep], f"{dep} has no healthcheck"


def test_worker_builds_from_the_deploy_dockerfile_with_the_repo_as_context(stack):
    build = stack["services"]["worker"]["build"]
    context = (deploylib.COMPOSE.parent / build["context"]).resolve()
    assert context == deploylib.REPO
    assert (context / build["dockerfile"]).resolve() == deploylib.DOCKERFILE
    assert stack["services"]["worker"]["deploy"]["replicas"] == 2


def test_bind_mounts_exist(stack):
    for name, service in stack["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith((".", "/")):
                assert (deploylib.COMPOSE.parent / source).exists(), f"{name}: {source} does not exist"


def test_kafka_is_single_node_kraft_with_host_and_network_listeners(stack):
    env = stack["services"]["kafka"]["environment"]
    assert stack["services"]["kafka"]["image"].startswith("apache/kafka:")
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    for key in ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"):
        assert int(env[key]) == 1, key
    advertised = dict(l.split("://") for l in env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    assert any(a.startswith("localhost:") for a in advertised.values()), "no listener for the host"
    assert any(a.startswith("kafka:") for a in advertised.values()), "no listener for the network"
    published = {p.split(":")[-1] for p in stack["services"]["kafka"]["ports"]}
    assert advertised["HOST"].split(":")[1] in published
    # Every replica's CLUSTER_ID must be a base64 UUID (22 characters).
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", str(env["CLUSTER_ID"]))
    # The workers reach the broker on its in-network listener.
    assert stack["services"]["worker"]["environment"]["NEWSFLOW_BROKERS"] == advertised["INTERNAL"]


def test_topics_job_uses_replication_factor_one():
    script = "\n".join(deploylib.compose()["services"]["topics"]["command"])
    creates = [l for l in script.splitlines() if "--create" in l]
    assert len(creates) == 3
    assert all("--replication-factor 1" in l and "--if-not-exists" in l for l in creates)


def test_workers_get_longer_to_stop_than_the_drain_timeout(stack):
    worker = stack["services"]["worker"]
    grace = int(worker["stop_grace_period"].rstrip("s"))
    assert grace > int(worker["environment"]["NEWSFLOW_DRAIN_TIMEOUT"])


def test_sample_producer_publishes_the_sample_records(stack):
    producer = stack["services"]["sample-producer"]
    script = "\n".join(producer["command"])
    assert "--topic " + stack["services"]["worker"]["environment"]["NEWSFLOW_INPUT_TOPIC"] in script
    assert "parse.key=true" in script
    mount = next(v for v in producer["volumes"] if v.split(":")[1] == "/samples")
    assert (deploylib.COMPOSE.parent / mount.split(":")[0]).resolve() == deploylib.SAMPLE_PAGES
    assert "/samples/records.txt" in script and (deploylib.SAMPLE_PAGES / "records.txt").exists()

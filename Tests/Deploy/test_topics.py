"""Topic names and partition counts agree everywhere: worker defaults (`newsflow run --help`), the
compose topics job and worker environment, the k8s ConfigMap, KEDA, and the Strimzi KafkaTopics."""
import pytest

import deploylib
from deploylib import by_kind, one

TOPIC_ENV = ("NEWSFLOW_INPUT_TOPIC", "NEWSFLOW_OUTPUT_TOPIC", "NEWSFLOW_DLQ_TOPIC")


def _worker_env() -> dict:
    return deploylib.compose()["services"]["worker"]["environment"]


def _strimzi_topics(rendered) -> dict:
    return {t["spec"]["topicName"]: t for t in by_kind(rendered["topics"], "KafkaTopic")}


def test_compose_creates_the_worker_default_topics(worker_options):
    created = deploylib.compose_topics()
    defaults = [worker_options.defaults[e] for e in TOPIC_ENV]
    assert sorted(created) == sorted(defaults), f"compose creates {sorted(created)}, the worker uses {defaults}"


def test_compose_worker_and_k8s_config_name_the_default_topics(worker_options, rendered):
    for env in TOPIC_ENV:
        default = worker_options.defaults[env]
        assert _worker_env().get(env, default) == default
        for name in ("base", "overlays/production"):
            assert one(rendered[name], "ConfigMap")["data"].get(env, default) == default


def test_compose_worker_uses_the_topics_compose_creates():
    created = deploylib.compose_topics()
    for env in TOPIC_ENV:
        assert _worker_env()[env] in created


def test_kafka_topics_agree_with_compose(rendered):
    created = deploylib.compose_topics()
    strimzi = _strimzi_topics(rendered)
    assert sorted(strimzi) == sorted(created)
    for name, topic in created.items():
        assert strimzi[name]["spec"]["partitions"] == topic.partitions, f"{name}: partitions differ"
        k8s_config = strimzi[name]["spec"].get("config", {})
        assert k8s_config.get("cleanup.policy", "delete") == topic.configs.get("cleanup.policy", "delete"), name
        assert int(k8s_config["max.message.bytes"]) == int(topic.configs["max.message.bytes"]), name


def test_output_topic_is_compacted_and_the_others_are_not(rendered):
    created = deploylib.compose_topics()
    strimzi = _strimzi_topics(rendered)
    env = _worker_env()
    assert created[env["NEWSFLOW_OUTPUT_TOPIC"]].configs.get("cleanup.policy") == "compact"
    assert strimzi[env["NEWSFLOW_OUTPUT_TOPIC"]]["spec"]["config"]["cleanup.policy"] == "compact"
    for other in (env["NEWSFLOW_INPUT_TOPIC"], env["NEWSFLOW_DLQ_TOPIC"]):
        assert "compact" not in created[other].configs.get("cleanup.policy", "delete")


def test_input_topic_partitions_bound_the_replicas(rendered):
    created = deploylib.compose_topics()
    input_topic = _worker_env()["NEWSFLOW_INPUT_TOPIC"]
    partitions = created[input_topic].partitions
    assert partitions == 6
    replicas = deploylib.compose()["services"]["worker"]["deploy"]["replicas"]
    assert replicas <= partitions
    for name in ("base", "overlays/production"):
        assert one(rendered[name], "ScaledObject")["spec"]["maxReplicaCount"] <= partitions


def test_message_size_limits_fit_the_largest_page():
    """Pages up to NEWSFLOW_MAX_PAGE_BYTES pass the input topic; dead letters (page + headers) pass the DLQ,
    and the broker and the worker's producer allow them."""
    env = _worker_env()
    created = deploylib.compose_topics()
    max_page = int(env["NEWSFLOW_MAX_PAGE_BYTES"])
    input_limit = int(created[env["NEWSFLOW_INPUT_TOPIC"]].configs["max.message.bytes"])
    dlq_limit = int(created[env["NEWSFLOW_DLQ_TOPIC"]].configs["max.message.bytes"])
    broker = deploylib.compose()["services"]["kafka"]["environment"]
    assert input_limit >= max_page
    assert dlq_limit > input_limit
    assert int(broker["KAFKA_MESSAGE_MAX_BYTES"]) >= dlq_limit
    assert int(env["NEWSFLOW_KAFKA_MESSAGE_MAX_BYTES"]) >= dlq_limit


def test_max_page_bytes_default_matches_topic_limits(worker_options):
    created = deploylib.compose_topics()
    default = int(worker_options.defaults["NEWSFLOW_MAX_PAGE_BYTES"])
    assert int(created[worker_options.defaults["NEWSFLOW_INPUT_TOPIC"]].configs["max.message.bytes"]) >= default

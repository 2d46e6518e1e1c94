"""deploy/k8s: every kustomization renders; built-in resources pass kubernetes-validate; custom resources
(KEDA ScaledObject, Strimzi KafkaTopic, Prometheus Operator ServiceMonitor, whose schemas
kubernetes-validate does not have) are checked structurally; and the resources agree with each other.
"""
import pytest
import yaml

import deploylib
from deploylib import by_kind, one

import kubernetes_validate  # pip install -r Tests/Deploy/requirements.txt

# The newest Kubernetes the installed kubernetes-validate has schemas for.
K8S_VERSION = kubernetes_validate.latest_version()


def _id(r: dict) -> str:
    return f"{r['kind']}/{r['metadata']['name']}"


# MARK: - Rendering


def test_every_kustomization_is_tested():
    found = sorted(p.parent.relative_to(deploylib.K8S).as_posix() for p in deploylib.K8S.rglob("kustomization.yaml"))
    assert found == sorted(deploylib.KUSTOMIZATIONS)


def test_every_manifest_belongs_to_a_kustomization():
    used = set()
    for name in deploylib.KUSTOMIZATIONS:
        directory = deploylib.K8S / name
        k = deploylib.load_one(directory / "kustomization.yaml")
        used.add((directory / "kustomization.yaml").resolve())
        for entry in k.get("resources", []) + [p["path"] for p in k.get("patches", []) if "path" in p]:
            path = (directory / entry).resolve()
            assert path.exists(), f"{name}: {entry} does not exist"
            used.add(path)
    orphans = [p for p in deploylib.yaml_files(deploylib.K8S) if p.resolve() not in used]
    assert not orphans, f"manifests no kustomization uses: {orphans}"


@pytest.mark.parametrize("name", deploylib.KUSTOMIZATIONS)
def test_kustomization_renders_resources_with_unique_names(rendered, name):
    resources = rendered[name]
    assert resources, f"{name} rendered nothing"
    keys = [(r["apiVersion"], r["kind"], r["metadata"].get("namespace"), r["metadata"]["name"]) for r in resources]
    assert len(keys) == len(set(keys)), f"{name}: duplicate resources"


@pytest.mark.skipif(deploylib.kubectl() is None, reason="kubectl (kubectl kustomize) is not installed")
@pytest.mark.parametrize("name", deploylib.KUSTOMIZATIONS)
def test_fallback_renderer_matches_kubectl_kustomize(name):
    """render_subset, used where kubectl is missing, gives exactly what `kubectl kustomize` gives."""
    directory = deploylib.K8S / name
    key = lambda r: (r["kind"], r["metadata"].get("namespace", ""), r["metadata"]["name"])
    expected = sorted(deploylib.render_with_kubectl(directory), key=key)
    actual = sorted(deploylib.render_subset(directory), key=key)
    assert [yaml.safe_dump(r, sort_keys=True) for r in actual] == [yaml.safe_dump(r, sort_keys=True) for r in expected]


# MARK: - Schemas


def _builtin(rendered):
    for name, resources in rendered.items():
        for r in resources:
            if (r["apiVersion"], r["kind"]) not in deploylib.CUSTOM_KINDS:
                yield name, r


def test_built_in_resources_pass_kubernetes_validate(rendered):
    checked = 0
    for name, r in _builtin(rendered):
        try:
            kubernetes_validate.validate(r, K8S_VERSION, strict=True)
        except kubernetes_validate.ValidationError as e:
            pytest.fail(f"{name}: {_id(r)} is invalid for Kubernetes {K8S_VERSION}: {e.message} at {list(e.path)}")
        checked += 1
    assert checked >= 5


def test_only_known_custom_resources_are_used(rendered):
    kinds = {(r["apiVersion"], r["kind"]) for resources in rendered.values() for r in resources}
    for api_version, kind in kinds:
        if (api_version, kind) in deploylib.CUSTOM_KINDS:
            continue
        # Anything else must be a kind kubernetes-validate knows (else validate() raises SchemaNotFound).
        try:
            kubernetes_validate.validate({"apiVersion": api_version, "kind": kind, "metadata": {"name": "x"}}, K8S_VERSION)
        except kubernetes_validate.SchemaNotFoundError:
            pytest.fail(f"{api_version} {kind} is neither built in nor one of the structurally checked CRDs")
        except kubernetes_validate.ValidationError:
            pass  # the schema exists; the stub itself is incomplete


def _is_dns_subdomain(name: str) -> bool:
    import re
    return len(name) <= 253 and re.fullmatch(r"[a-z0-9]([-a-z0-9.]*[a-z0-9])?", name) is not None


def test_scaled_object_structure(rendered):
    so = one(rendered["base"], "ScaledObject")
    assert so["apiVersion"] == "keda.sh/v1alpha1"
    assert _is_dns_subdomain(so["metadata"]["name"])
    spec = so["spec"]
    assert spec["scaleTargetRef"]["name"], "scaleTargetRef.name is required"
    assert isinstance(spec["minReplicaCount"], int) and isinstance(spec["maxReplicaCount"], int)
    assert 0 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
    (trigger,) = spec["triggers"]
    assert trigger["type"] == "kafka"
    meta = trigger["metadata"]
    for required in ("bootstrapServers", "consumerGroup", "topic", "lagThreshold"):
        assert meta.get(required), f"kafka trigger needs {required}"
    # KEDA trigger metadata is map[string]string.
    assert all(isinstance(v, str) for v in meta.values()), "trigger metadata values must be strings"
    assert int(meta["lagThreshold"]) > 0


def test_kafka_topic_structure(rendered):
    topics = by_kind(rendered["topics"], "KafkaTopic")
    assert len(topics) == 3
    for t in topics:
        assert t["apiVersion"] == "kafka.strimzi.io/v1beta2"
        assert _is_dns_subdomain(t["metadata"]["name"])
        assert t["metadata"]["labels"].get("strimzi.io/cluster"), "the Topic Operator needs strimzi.io/cluster"
        assert t["metadata"].get("namespace"), "KafkaTopics belong in the Kafka cluster's namespace"
        spec = t["spec"]
        assert isinstance(spec["partitions"], int) and spec["partitions"] >= 1
        assert isinstance(spec["replicas"], int) and spec["replicas"] >= 1
        assert isinstance(spec.get("config", {}), dict)
        if "min.insync.replicas" in spec.get("config", {}):
            assert spec["config"]["min.insync.replicas"] <= spec["replicas"]


def test_service_monitor_structure_and_selection(rendered):
    resources = rendered["overlays/production"]
    sm = one(resources, "ServiceMonitor")
    assert sm["apiVersion"] == "monitoring.coreos.com/v1"
    service = one(resources, "Service")
    selector = sm["spec"]["selector"]["matchLabels"]
    assert selector.items() <= service["metadata"]["labels"].items(), "ServiceMonitor selects no Service"
    port_names = {p["name"] for p in service["spec"]["ports"]}
    for endpoint in sm["spec"]["endpoints"]:
        assert endpoint["port"] in port_names
        assert endpoint["path"] == "/metrics"
    assert sm["metadata"]["namespace"] == service["metadata"]["namespace"]


# MARK: - Consistency


@pytest.mark.parametrize("name", ["base", "overlays/production"])
def test_deployment_probes_ports_and_selectors(rendered, name):
    resources = rendered[name]
    deployment = one(resources, "Deployment")
    config = one(resources, "ConfigMap")
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert "replicas" not in deployment["spec"], "the ScaledObject owns the replica count"
    (container,) = pod["spec"]["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["port"] in ports
    assert str(ports["http"]) == config["data"]["NEWSFLOW_HTTP_PORT"]
    assert [e["configMapRef"]["name"] for e in container["envFrom"]] == [config["metadata"]["name"]]
    service, pdb = one(resources, "Service"), one(resources, "PodDisruptionBudget")
    assert service["spec"]["selector"].items() <= labels.items()
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert service["metadata"]["annotations"]["prometheus.io/scrape"] == "true"
    assert service["metadata"]["annotations"]["prometheus.io/port"] == str(ports["http"])
    assert {p["targetPort"] for p in service["spec"]["ports"]} <= set(ports) | set(ports.values())


@pytest.mark.parametrize("name", ["base", "overlays/production"])
def test_pod_is_non_root_with_read_only_root_and_limits(rendered, name):
    pod = one(rendered[name], "Deployment")["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
    resources = container["resources"]
    for kind in ("cpu", "memory"):
        assert resources["requests"][kind] and resources["limits"][kind], f"{kind} request and limit are required"


@pytest.mark.parametrize("name", ["base", "overlays/production"])
def test_grace_period_exceeds_drain_timeout(rendered, name, worker_options):
    resources = rendered[name]
    config = one(resources, "ConfigMap")["data"]
    drain = int(config.get("NEWSFLOW_DRAIN_TIMEOUT", worker_options.defaults["NEWSFLOW_DRAIN_TIMEOUT"]))
    grace = one(resources, "Deployment")["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    assert grace > drain, f"terminationGracePeriodSeconds {grace} must exceed NEWSFLOW_DRAIN_TIMEOUT {drain}"


def test_grace_period_exceeds_drain_timeout_without_a_binary(rendered):
    """The same rule when the ConfigMap sets the timeout (it does), so it holds even with no binary."""
    for name in ("base", "overlays/production"):
        resources = rendered[name]
        drain = int(one(resources, "ConfigMap")["data"]["NEWSFLOW_DRAIN_TIMEOUT"])
        grace = one(resources, "Deployment")["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
        assert grace > drain


@pytest.mark.parametrize("name", ["base", "overlays/production"])
def test_scaled_object_matches_worker_and_topics(rendered, name):
    resources = rendered[name]
    so, deployment = one(resources, "ScaledObject"), one(resources, "Deployment")
    config = one(resources, "ConfigMap")["data"]
    assert so["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    meta = so["spec"]["triggers"][0]["metadata"]
    assert meta["consumerGroup"] == config["NEWSFLOW_GROUP_ID"]
    assert meta["topic"] == config["NEWSFLOW_INPUT_TOPIC"]
    assert meta["bootstrapServers"] == config["NEWSFLOW_BROKERS"]
    topics = {t["spec"]["topicName"]: t for t in by_kind(rendered["topics"], "KafkaTopic")}
    partitions = topics[config["NEWSFLOW_INPUT_TOPIC"]]["spec"]["partitions"]
    assert so["spec"]["maxReplicaCount"] <= partitions, "replicas beyond the partition count sit idle"

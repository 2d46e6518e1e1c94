"""Helpers for the deployment tests: paths, YAML loading, Kustomize rendering, `newsflow run --help`.

Nothing here needs a cluster or a Docker engine.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import os
import pathlib
import re
import shlex
import shutil
import subprocess

import yaml

# MARK: - Paths

REPO = pathlib.Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
COMPOSE = DEPLOY / "compose.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"
SAMPLE_PAGES = REPO / "scripts" / "sample-pages"

# Kustomizations that are rendered and validated (each is applied on its own).
KUSTOMIZATIONS = ["base", "topics", "overlays/production"]

# Kinds whose schemas are not in kubernetes-validate (custom resources): checked structurally.
CUSTOM_KINDS = {
    ("keda.sh/v1alpha1", "ScaledObject"),
    ("kafka.strimzi.io/v1beta2", "KafkaTopic"),
    ("monitoring.coreos.com/v1", "ServiceMonitor"),
}


def yaml_files(root: pathlib.Path = DEPLOY) -> list[pathlib.Path]:
    """Every YAML file under `root`, dot-files included."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))


def load_all(path: pathlib.Path) -> list:
    with path.open(encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def load_one(path: pathlib.Path):
    docs = load_all(path)
    assert len(docs) == 1, f"{path}: expected one YAML document, found {len(docs)}"
    return docs[0]


def text_files(root: pathlib.Path = DEPLOY) -> list[pathlib.Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


# MARK: - Kustomize

def kubectl() -> str | None:
    """kubectl, whose `kubectl kustomize` is the reference renderer, if installed."""
    return shutil.which("kubectl")


def render_with_kubectl(directory: pathlib.Path) -> list[dict]:
    out = subprocess.run(
        [kubectl(), "kustomize", str(directory)], check=True, capture_output=True, text=True, timeout=120
    ).stdout
    return [d for d in yaml.safe_load_all(out) if d is not None]


def render(directory: pathlib.Path) -> list[dict]:
    """Renders a kustomization: with `kubectl kustomize` when kubectl is installed, else with
    ``render_subset`` (test_kubernetes.py checks that both agree whenever kubectl is there)."""
    if kubectl():
        return render_with_kubectl(directory)
    return render_subset(directory)


def render_subset(directory: pathlib.Path) -> list[dict]:
    """A small Kustomize: exactly the features the kustomizations in deploy/k8s use.

    resources (files and directories), namespace, labels (pairs, includeSelectors), images
    (name → newName/newTag), patches (strategic-merge files that name their target, and inline JSON 6902
    patches with a target). Anything else raises, so a new feature cannot be silently ignored.
    """
    k = load_one(directory / "kustomization.yaml")
    supported = {"apiVersion", "kind", "resources", "namespace", "labels", "images", "patches"}
    unknown = set(k) - supported
    if unknown:
        raise NotImplementedError(f"{directory}: kustomization fields not supported by render_subset: {unknown}")

    resources: list[dict] = []
    for entry in k.get("resources", []):
        path = (directory / entry).resolve()
        if path.is_dir():
            resources.extend(render_subset(path))
        else:
            resources.extend(load_all(path))
    resources = copy.deepcopy(resources)

    for patch in k.get("patches", []):
        _apply_patch(directory, resources, patch)

    for label in k.get("labels", []):
        pairs = label["pairs"]
        for r in resources:
            r.setdefault("metadata", {}).setdefault("labels", {}).update(pairs)
            if label.get("includeSelectors"):
                _add_selector_labels(r, pairs)

    for image in k.get("images", []):
        for r in resources:
            for c in _containers(r):
                name, tag = _split_image(c.get("image", ""))
                if name == image["name"]:
                    c["image"] = f"{image.get('newName', name)}:{image.get('newTag', tag)}"

    if "namespace" in k:
        for r in resources:
            if r["kind"] != "Namespace":
                r.setdefault("metadata", {})["namespace"] = k["namespace"]
    return resources


def _apply_patch(directory: pathlib.Path, resources: list[dict], patch: dict) -> None:
    if "path" in patch and "target" not in patch:
        body = load_one(directory / patch["path"])
        matches = [r for r in resources if r["kind"] == body["kind"] and r["metadata"]["name"] == body["metadata"]["name"]]
        assert len(matches) == 1, f"patch {patch['path']} matches {len(matches)} resources"
        _strategic_merge(matches[0], body)
    elif "target" in patch and "patch" in patch:
        t = patch["target"]
        ops = yaml.safe_load(patch["patch"])
        matches = [
            r for r in resources
            if r["kind"] == t["kind"] and r["metadata"]["name"] == t["name"]
            and r["apiVersion"] == (f"{t['group']}/{t['version']}" if t.get("group") else t["version"])
        ]
        assert len(matches) == 1, f"JSON patch target {t} matches {len(matches)} resources"
        for op in ops:
            _json_patch(matches[0], op)
    else:
        raise NotImplementedError(f"patch form not supported by render_subset: {patch}")


def _strategic_merge(target: dict, patch: dict) -> None:
    """Maps merge key by key; lists of named items (containers, env, ports, volumes) merge by name."""
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _strategic_merge(target[key], value)
        elif isinstance(value, list) and isinstance(target.get(key), list) and all(
            isinstance(v, dict) and "name" in v for v in value + target[key]
        ):
            by_name = {item["name"]: item for item in target[key]}
            for item in value:
                if item["name"] in by_name:
                    _strategic_merge(by_name[item["name"]], item)
                else:
                    target[key].append(item)
        elif value is None:
            target.pop(key, None)
        else:
            target[key] = copy.deepcopy(value)


def _json_patch(doc: dict, op: dict) -> None:
    if op["op"] not in ("replace", "add"):
        raise NotImplementedError(f"JSON patch op not supported by render_subset: {op['op']}")
    parts = [p.replace("~1", "/").replace("~0", "~") for p in op["path"].split("/")[1:]]
    node = doc
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]
    last = parts[-1]
    if isinstance(node, list):
        if op["op"] == "add":
            node.insert(len(node) if last == "-" else int(last), op["value"])
        else:
            node[int(last)] = op["value"]
    else:
        if op["op"] == "replace" and last not in node:
            raise KeyError(f"replace of missing path {op['path']}")
        node[last] = op["value"]


# Where Kustomize puts selector labels, for the built-in kinds used here.
_SELECTOR_PATHS = {
    "Deployment": [("spec", "selector", "matchLabels"), ("spec", "template", "metadata", "labels")],
    "PodDisruptionBudget": [("spec", "selector", "matchLabels")],
    "Service": [("spec", "selector")],
}


def _add_selector_labels(resource: dict, pairs: dict) -> None:
    for path in _SELECTOR_PATHS.get(resource["kind"], []):
        node = resource
        for p in path:
            node = node.setdefault(p, {})
        node.update(pairs)


def _containers(resource: dict) -> list[dict]:
    spec = resource.get("spec", {}).get("template", {}).get("spec", {})
    return spec.get("containers", []) + spec.get("initContainers", [])


def _split_image(image: str) -> tuple[str, str | None]:
    name, sep, tag = image.rpartition(":")
    if not sep or "/" in tag:
        return image, None
    return name, tag


def by_kind(resources: list[dict], kind: str) -> list[dict]:
    return [r for r in resources if r.get("kind") == kind]


def one(resources: list[dict], kind: str) -> dict:
    found = by_kind(resources, kind)
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


# MARK: - Compose

@dataclasses.dataclass(frozen=True)
class ComposeTopic:
    name: str
    partitions: int
    configs: dict


def compose() -> dict:
    return load_one(COMPOSE)


def compose_topics() -> dict[str, ComposeTopic]:
    """The topics that the compose `topics` job creates, parsed from its kafka-topics.sh --create lines."""
    script = "\n".join(compose()["services"]["topics"]["command"])
    topics = {}
    for line in script.splitlines():
        if "--create" not in line:
            continue
        args = shlex.split(line.replace("$$", "$"))
        topic = args[args.index("--topic") + 1]
        partitions = int(args[args.index("--partitions") + 1])
        configs = dict(args[i + 1].split("=", 1) for i, a in enumerate(args) if a == "--config")
        topics[topic] = ComposeTopic(topic, partitions, configs)
    return topics


# MARK: - The worker's options (`newsflow run --help`)

@dataclasses.dataclass(frozen=True)
class WorkerOptions:
    flags: frozenset[str]            # "--brokers", "-X", …
    env: frozenset[str]              # "NEWSFLOW_BROKERS", …
    env_prefixes: frozenset[str]     # "NEWSFLOW_KAFKA_" (from "NEWSFLOW_KAFKA_<KEY>" / "NEWSFLOW_KAFKA_*")
    defaults: dict[str, str]         # env name → default shown in the help ("(default: …)")

    def accepts_env(self, name: str) -> bool:
        return name in self.env or any(name.startswith(p) and len(name) > len(p) for p in self.env_prefixes)


def newsflow_binary() -> pathlib.Path | None:
    """NEWSFLOW_BIN, else .build/debug/newsflow, else .build/release/newsflow (None if none exists)."""
    if os.environ.get("NEWSFLOW_BIN"):
        return pathlib.Path(os.environ["NEWSFLOW_BIN"])
    for candidate in (REPO / ".build/debug/newsflow", REPO / ".build/release/newsflow"):
        if candidate.exists():
            return candidate
    return None


@functools.cache
def run_help(binary: str) -> str:
    result = subprocess.run(
        [binary, "run", "--help"], capture_output=True, text=True, timeout=60,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("NEWSFLOW_")}, "COLUMNS": "200"},
    )
    assert result.returncode == 0, f"`{binary} run --help` exited {result.returncode}: {result.stderr}"
    return result.stdout


_ENTRY_START = re.compile(r"^\s{1,6}(-[A-Za-z]\b|--[a-z])")
_ENV = re.compile(r"\(env:\s*(NEWSFLOW_[A-Z0-9_]*)(<[A-Z_]+>|\*)?\s*\)")
_DEFAULT = re.compile(r"\(default:\s*([^()]*?)\s*\)")


def parse_run_help(text: str) -> WorkerOptions:
    """Reads options, their env variables and defaults from ArgumentParser-style help text.

    An option entry starts with an indented `-x`/`--name` and runs until the next one (wrapped lines
    are joined). Env names come as `(env: NEWSFLOW_X)`; a name ending in `<KEY>` or `*` is a prefix.
    """
    flags, env, prefixes, defaults = set(), set(), set(), {}
    entries: list[list[str]] = []
    for line in text.splitlines():
        if _ENTRY_START.match(line):
            entries.append([line])
        elif entries and line.startswith(" ") and line.strip():
            entries[-1].append(line)
        elif entries and not line.strip():
            entries.append([])  # a blank line ends an entry
    for m in _ENV.finditer(" ".join(text.split())):
        (prefixes if m.group(2) else env).add(m.group(1))
    for entry in filter(None, entries):
        joined = " ".join(" ".join(entry).split())
        head = entry[0].strip().split("  ")[0]  # "-X, --kafka-property <kafka-property>"
        flags.update(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[A-Za-z])\b", head))
        m_env, m_default = _ENV.search(joined), _DEFAULT.search(joined)
        if m_env and m_default and not m_env.group(2):
            defaults[m_env.group(1)] = m_default.group(1)
    return WorkerOptions(frozenset(flags), frozenset(env), frozenset(prefixes), defaults)

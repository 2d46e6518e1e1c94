"""deploy/Dockerfile passes hadolint (with deploy/.hadolint.yaml), and has the shape the deployment relies
on. The image itself is not built here: no Docker engine runs on the development machines."""
import re
import shutil
import subprocess

import pytest

import deploylib

HADOLINT_CONFIG = deploylib.DEPLOY / ".hadolint.yaml"


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = deploylib.DOCKERFILE.read_text(encoding="utf-8")
    lines = [l for l in text.splitlines() if not l.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    out = []
    for line in joined.splitlines():
        if line.strip():
            instruction, _, args = line.strip().partition(" ")
            out.append((instruction.upper(), " ".join(args.split())))
    return out


def _stages() -> list[list[tuple[str, str]]]:
    stages = []
    for instruction, args in _instructions():
        if instruction == "FROM":
            stages.append([])
        if stages:
            stages[-1].append((instruction, args))
    return stages


def test_hadolint_passes():
    hadolint = shutil.which("hadolint")
    assert hadolint, "hadolint is not installed: pip install -r Tests/Deploy/requirements.txt"
    result = subprocess.run(
        [hadolint, "--no-color", "--config", str(HADOLINT_CONFIG), str(deploylib.DOCKERFILE)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_hadolint_ignore_has_a_reason():
    lines = HADOLINT_CONFIG.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if re.match(r"\s*-\s*(DL|SC)\d+", line):
            assert i > 0 and lines[i - 1].lstrip().startswith("#"), f"ignore without a reason: {line.strip()}"


def test_build_stage_uses_swift_6_bookworm_and_builds_static_release():
    args = dict(a.split("=", 1) for i, a in _instructions() if i == "ARG" and "=" in a)
    swift_image = args["SWIFT_IMAGE"]
    assert re.fullmatch(r"swift:6\.\d+(\.\d+)?-bookworm", swift_image)
    build = _stages()[0]
    runs = " ".join(a for i, a in build if i == "RUN")
    for package in ("librdkafka-dev", "libxml2-dev", "libssl-dev", "pkg-config"):
        assert package in runs
    assert "swift build -c release --static-swift-stdlib --product newsflow" in runs


def test_runtime_stage_is_slim_non_root_with_runtime_libraries_only():
    args = dict(a.split("=", 1) for i, a in _instructions() if i == "ARG" and "=" in a)
    assert args["RUNTIME_IMAGE"] == "debian:bookworm-slim"
    runtime = _stages()[-1]
    assert runtime[0] == ("FROM", "${RUNTIME_IMAGE}")
    runs = " ".join(a for i, a in runtime if i == "RUN")
    installed = set(re.search(r"apt-get install -y --no-install-recommends ([^&]+)", runs).group(1).split())
    assert {"librdkafka1", "libxml2", "libssl3", "ca-certificates", "tzdata"} <= installed
    assert not any(p.endswith("-dev") for p in installed), "no development packages at run time"
    (user,) = [a for i, a in runtime if i == "USER"]
    uid = user.split(":")[0]
    assert uid.isdigit() and int(uid) != 0, "a numeric non-root user, so runAsNonRoot can verify it"
    pod = deploylib.one(deploylib.render(deploylib.K8S / "base"), "Deployment")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsUser"] == int(uid)


def test_entrypoint_runs_the_worker_and_healthcheck_probes_liveness():
    runtime = dict((i, a) for i, a in _stages()[-1])
    assert runtime["ENTRYPOINT"] == '["newsflow"]'
    assert runtime["CMD"] == '["run"]'
    assert "/health/live" in runtime["HEALTHCHECK"]
    assert "8080" in runtime["HEALTHCHECK"] and "8080" in runtime["EXPOSE"]
    assert "curl" in runtime["HEALTHCHECK"]
    assert "curl" in " ".join(a for i, a in _stages()[-1] if i == "RUN"), "the HEALTHCHECK needs curl installed"


def test_copied_sources_exist_and_are_not_docker_ignored():
    ignored = [l.strip() for l in (deploylib.REPO / ".dockerignore").read_text().splitlines()
               if l.strip() and not l.startswith("#")]
    for entry in (".build", ".git", ".build-*"):
        assert entry in ignored
    for instruction, args in _instructions():
        if instruction == "COPY" and "--from" not in args:
            for source in args.split()[:-1]:
                assert (deploylib.REPO / source).exists(), f"COPY {source}: not in the repository"
                assert source.rstrip("/") not in ignored, f"COPY {source} is excluded by .dockerignore"


def test_resource_bundles_are_copied_next_to_the_binary():
    """Targets with `resources:` (Schemas) load them through Bundle.module, which looks next to the
    executable; without the `*.resources` bundle in /app the worker stops at the first schema lookup."""
    if "resources:" not in (deploylib.REPO / "Package.swift").read_text():
        pytest.skip("no target declares resources")
    build = " ".join(a for i, a in _stages()[0] if i == "RUN")
    assert "*.resources" in build and "/staging" in build
    runtime = [a for i, a in _stages()[-1] if i == "COPY"]
    assert any("--from=build" in a and a.split()[-2] == "/staging/" and a.split()[-1] == "/app/" for a in runtime)
    assert 'ENV PATH="/app:${PATH}"' in deploylib.DOCKERFILE.read_text()

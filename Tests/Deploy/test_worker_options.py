"""Every NEWSFLOW_* variable and every `newsflow` flag named in deploy/ is one the worker accepts, checked
against the real binary's `newsflow run --help`."""
import re

import pytest

import deploylib

# Variables of the test and build tooling, not of the worker, which deploy/README.md may mention.
TOOLING_ENV = {"NEWSFLOW_BIN", "NEWSFLOW_REQUIRE_BINARY", "NEWSFLOW_DEV_TARGETS"}

_ENV_NAME = re.compile(r"\bNEWSFLOW_[A-Z0-9_]*[A-Z0-9]\b|\bNEWSFLOW_[A-Z0-9_]*_(?=<|\*)")
_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def _deploy_text():
    for path in deploylib.text_files():
        yield path, path.read_text(encoding="utf-8")


def env_names_in_deploy() -> dict[str, list[str]]:
    """NEWSFLOW_* names in deploy/ (a name written as NEWSFLOW_KAFKA_<KEY> or NEWSFLOW_KAFKA_* counts as the
    prefix NEWSFLOW_KAFKA_), with the files naming them."""
    found: dict[str, list[str]] = {}
    for path, text in _deploy_text():
        for name in _ENV_NAME.findall(text):
            found.setdefault(name, []).append(path.relative_to(deploylib.REPO).as_posix())
    return found


def run_flags_in_deploy() -> dict[str, list[str]]:
    """Flags given to `newsflow run`: on command lines that run it (with backslash continuations), in
    container args of the newsflow image, and in the option table rows of deploy/README.md."""
    found: dict[str, list[str]] = {}

    def add(flag, path):
        found.setdefault(flag, []).append(path.relative_to(deploylib.REPO).as_posix())

    for path, text in _deploy_text():
        joined = re.sub(r"\\\n\s*", " ", text)
        for line in joined.splitlines():
            m = re.search(r"\bnewsflow run\b(.*)", line)
            if m:
                for flag in _FLAG.findall(m.group(1).split("|")[0].split(";")[0].split("`")[0]):
                    add(flag, path)
            if line.lstrip().startswith("|") and "NEWSFLOW_" in line:
                for flag in _FLAG.findall(line):
                    add(flag, path)
    for name in ("base", "overlays/production"):
        for r in deploylib.render(deploylib.K8S / name):
            if r["kind"] == "Deployment":
                for c in r["spec"]["template"]["spec"]["containers"]:
                    for arg in c.get("args", []) + c.get("command", []):
                        for flag in _FLAG.findall(str(arg)):
                            add(flag, deploylib.K8S / name)
    return found


def test_deploy_names_worker_variables_and_flags():
    """The scans below find something to check (guards against a scan that silently matches nothing)."""
    env = env_names_in_deploy()
    assert {"NEWSFLOW_BROKERS", "NEWSFLOW_DRAIN_TIMEOUT", "NEWSFLOW_INPUT_TOPIC"} <= set(env)
    assert {"--brokers", "--drain-timeout"} <= set(run_flags_in_deploy())


def test_every_env_variable_in_deploy_is_accepted_by_the_worker(worker_options):
    unknown = {
        name: files for name, files in env_names_in_deploy().items()
        if name not in TOOLING_ENV
        and not (worker_options.accepts_env(name) or (name.endswith("_") and name in worker_options.env_prefixes))
    }
    assert not unknown, f"variables `newsflow run --help` does not list: {unknown}"


def test_every_run_flag_in_deploy_is_accepted_by_the_worker(worker_options):
    unknown = {flag: files for flag, files in run_flags_in_deploy().items() if flag not in worker_options.flags}
    assert not unknown, f"flags `newsflow run --help` does not list: {unknown}"


def test_readme_configuration_table_lists_every_worker_option(worker_options):
    """deploy/README.md's table is complete: every env variable of `run --help` has a row."""
    readme = (deploylib.DEPLOY / "README.md").read_text(encoding="utf-8")
    rows = [l for l in readme.splitlines() if l.lstrip().startswith("|")]
    missing = [e for e in sorted(worker_options.env) if not any(f"`{e}`" in r or f" {e} " in r for r in rows)]
    assert not missing, f"deploy/README.md's configuration table lacks {missing}"

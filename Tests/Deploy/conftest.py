"""Shared fixtures of the deployment tests (`python3 -m pytest Tests/Deploy -q`)."""
import os

import pytest

import deploylib


@pytest.fixture(scope="session")
def worker_options() -> deploylib.WorkerOptions:
    """The options of the real worker, from `<newsflow binary> run --help`.

    Without a binary the dependent tests are skipped (they say how to build one), unless
    NEWSFLOW_REQUIRE_BINARY=1, as in CI, where a missing binary is a failure.
    """
    binary = deploylib.newsflow_binary()
    if binary is None or not binary.exists():
        message = (
            "no newsflow binary (NEWSFLOW_BIN, .build/debug/newsflow or .build/release/newsflow): "
            "build first with `swift build --product newsflow`"
        )
        if os.environ.get("NEWSFLOW_REQUIRE_BINARY") == "1":
            pytest.fail(message + " (NEWSFLOW_REQUIRE_BINARY=1)")
        pytest.skip(message)
    options = deploylib.parse_run_help(deploylib.run_help(str(binary)))
    assert options.env, f"`{binary} run --help` names no (env: NEWSFLOW_…) variable"
    return options


@pytest.fixture(scope="session")
def rendered() -> dict[str, list[dict]]:
    """Every kustomization in deploy/k8s rendered, by its path under deploy/k8s."""
    return {name: deploylib.render(deploylib.K8S / name) for name in deploylib.KUSTOMIZATIONS}

"""Every YAML file in deploy/ parses, and holds at least one document."""
import pytest
import yaml

import deploylib

FILES = deploylib.yaml_files()


def test_there_are_yaml_files_to_check():
    names = {p.relative_to(deploylib.DEPLOY).as_posix() for p in FILES}
    assert {"compose.yaml", "k8s/base/kustomization.yaml", ".hadolint.yaml"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(deploylib.DEPLOY).as_posix())
def test_yaml_file_parses(path):
    with path.open(encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f) if d is not None]
    assert docs, f"{path} has no YAML document"
    for doc in docs:
        assert isinstance(doc, dict), f"{path}: a top-level document is a {type(doc).__name__}, not a mapping"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(deploylib.DEPLOY).as_posix())
def test_yaml_file_has_no_duplicate_keys(path):
    """PyYAML keeps the last of two equal keys silently; Kubernetes and Compose reject or misread them."""

    class StrictLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader, node, deep=False):
        own = [k for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"]  # `<<:` merges may be overridden
        keys = [loader.construct_object(k, deep=deep) for k in own]
        dupes = {k for k in keys if keys.count(k) > 1}
        if dupes:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {dupes}", node.start_mark)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    with path.open(encoding="utf-8") as f:
        list(yaml.load_all(f, Loader=StrictLoader))

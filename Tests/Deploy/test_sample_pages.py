"""scripts/sample-pages: records.txt is up to date with the pages, and every record is a valid
rawpage/v1 envelope keyed by its URL."""
import importlib.util
import json

import jsonschema
import pytest

import deploylib

SCHEMA = json.loads((deploylib.REPO / "Sources/Schemas/Resources/rawpage.v1.schema.json").read_text())


def _make_records():
    spec = importlib.util.spec_from_file_location("make_records", deploylib.SAMPLE_PAGES / "make_records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lines():
    return (deploylib.SAMPLE_PAGES / "records.txt").read_text(encoding="ascii").splitlines()


def test_records_file_is_up_to_date():
    assert (deploylib.SAMPLE_PAGES / "records.txt").read_text(encoding="ascii") == _make_records().render(), \
        "run python3 scripts/sample-pages/make_records.py"


def test_there_are_sample_pages_including_one_in_bengali():
    pages = sorted(deploylib.SAMPLE_PAGES.glob("*.html"))
    assert 3 <= len(pages) <= 5
    assert any('lang="bn"' in p.read_text(encoding="utf-8") for p in pages)
    assert len(_lines()) == len(pages)


@pytest.mark.parametrize("line", _lines(), ids=lambda l: l.split("\t")[0])
def test_record_is_url_tab_valid_envelope(line):
    key, sep, value = line.partition("\t")
    assert sep and "\t" not in value, "exactly one tab: the console producer's key separator"
    envelope = json.loads(value)
    jsonschema.validate(envelope, SCHEMA)
    assert envelope["url"] == key
    assert envelope["html"].lstrip().lower().startswith("<!doctype html>")

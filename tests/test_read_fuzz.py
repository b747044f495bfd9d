"""Property tests: every reader returns Articles or InputError values on arbitrary bytes, never raises
(web archives may add one LanguageError counting the records skipped for their language)."""
from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from warta.errors import InputError, LanguageError
from warta.model import Article
from warta.read import iter_articles, read_bytes

FORMATS = ("txt", "jsonl", "json", "html", "warc")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(items):
    assert items, "a reader yields at least one value"
    for item in items:
        assert isinstance(item, (Article, InputError, LanguageError))
        if isinstance(item, Article):
            assert item.text.strip() and item.id
        else:
            assert item.name and item.reason


@FUZZ
@given(data=st.binary(max_size=2000), fmt=st.sampled_from(FORMATS))
def test_read_fuzz_bytes_never_raise(data, fmt):
    _check(list(read_bytes(f"fuzz.{fmt}", data, fmt)))


@FUZZ
@given(text=st.text(max_size=600), fmt=st.sampled_from(FORMATS))
def test_read_fuzz_text_never_raise(text, fmt):
    _check(list(read_bytes(f"fuzz.{fmt}", text.encode("utf-8", "surrogatepass"), fmt)))


@FUZZ
@given(records=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "url", "title", "published", "source", "text", "html"]),
                    st.one_of(st.none(), st.integers(), st.text(max_size=80), st.lists(st.integers(), max_size=2)),
                    max_size=6),
    st.integers(), st.text(max_size=20), st.none()), max_size=5))
def test_read_fuzz_jsonl_records(records):
    data = "\n".join(json.dumps(r) for r in records).encode()
    items = list(read_bytes("fuzz.jsonl", data, "jsonl"))
    _check(items)
    good = [r for r in records if isinstance(r, dict) and isinstance(r.get("text"), str) and r["text"].strip()]
    assert len([i for i in items if isinstance(i, Article)]) >= len(good)


@FUZZ
@given(data=st.binary(min_size=1, max_size=1500))
def test_read_fuzz_gzip_warc(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("warc") / "x.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\n" + data))
    _check(list(iter_articles([str(path)])))


@FUZZ
@given(data=st.binary(max_size=1500), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".html", ".warc"]))
def test_read_fuzz_files(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("in") / f"x{suffix}"
    path.write_bytes(data)
    _check(list(iter_articles([str(path)])))

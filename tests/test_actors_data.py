"""The actor and place data files are well formed: columns, codes, no duplicate keys."""
from __future__ import annotations

import pycountry
import pytest

from warta.lang import load_language

LANG = load_language("id")
EXTRA_CODES = {"XKX"}      # Kosovo: user-assigned, used by GDELT/ICEWS


def valid_code(code: str) -> bool:
    return code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None


@pytest.mark.parametrize("name,key,code_columns", [
    ("actor_country_alias.tsv", "alias", ("country",)),
    ("actor_org.tsv", "name", ("country",)),
    ("actor_office.tsv", "name", ("default_country",)),
    ("actor_group.tsv", "name", ()),
    ("actor_capital.tsv", "name", ("country",)),
    ("actor_pair.tsv", "name", ()),
    ("actor_pronoun.tsv", "name", ()),
    ("place_alias.tsv", "name", ("country",)),
    ("place_cue.tsv", "cue", ()),
])
def test_actors_data_table(name, key, code_columns):
    rows = LANG.table(name)
    assert rows, name
    keys = [r[key] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate keys"
    for r in rows:
        for col in code_columns:
            assert not r[col] or r[col] == "-" or valid_code(r[col]), (name, r)


def test_actors_data_person_rows():
    rows = LANG.table("actor_person.tsv")
    for r in rows:
        assert not r["country"] or valid_code(r["country"]), r
        assert r["org"] in ("", "UNO", "IGO", "EUR", "NGO"), r
        assert r["sector"], r
    assert len({r["name"] for r in rows}) >= 150


@pytest.mark.parametrize("name", ["place_alias.tsv"])
def test_actors_data_coordinates(name):
    for r in LANG.table(name):
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert r["precision"] in ("point", "admin1", "country"), r


STATE_REF_PARTS = {"head", "close", "relative", "not_between", "before", "not_before",
                   "clause_verb", "verb_prefix"}


@pytest.mark.parametrize("part", sorted(STATE_REF_PARTS))
def test_actors_data_state_ref_parts_are_the_ones_the_code_reads(part):
    rows = LANG.table("actor_state_ref.tsv")
    assert {r["part"] for r in rows} == STATE_REF_PARTS
    words = [r["word"] for r in rows if r["part"] == part]
    assert words and len(words) == len(set(words)), part
    assert all(w == w.lower() and w.strip() == w for w in words), part

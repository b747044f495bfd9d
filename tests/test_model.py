import json

import pytest

from warta.model import CodedArticle


def test_model_round_trip_of_gold_readme_example():
    record = {
        "article": {"id": "a1", "url": None, "title": "t", "published": "2022-09-20", "source": None,
                    "language": "id", "text": "Pasukan Azerbaijan menyerang.", "removed": ["x"],
                    "dateline": None},
        "events": [{
            "id": "e1", "event_type": "ASSAULT", "mode": "heavy-weapons", "context": ["military"],
            "cameo_root": "19",
            "source": {"text": "Pasukan Azerbaijan", "name": "Azerbaijan", "country": "AZE",
                       "sector": "MIL", "org": None, "role": None},
            "target": None,
            "date": {"value": "2022-09-13", "precision": "day", "derived": "relative"},
            "place": {"name": "Vardenis", "admin1": "Gegharkunik", "country": "ARM", "lat": 40.18,
                      "lon": 45.73, "precision": "point"},
            "figures": [], "status": "asserted", "attribution": None,
            "evidence": {"sentence_index": 0, "start": 0, "end": 29, "text": "Pasukan Azerbaijan menyerang."},
            "confidence": 0.82, "coder_version": "0.1.0",
        }],
        "figures": [{"kind": "killed", "low": 49, "best": None, "high": None, "group": "soldiers",
                     "country": "ARM", "claimed_by": "Laporan", "text": "49 tentara", "start": 0, "end": 10}],
    }
    assert CodedArticle.from_dict(record).to_dict() == record
    json.dumps(record)


# ----------------------------------------------------------------------------------- Document layers

def _doc(**layers):
    from warta.model import Article, Document
    return Document(Article(id="d", text="Satu. Dua."), layers=layers)


@pytest.mark.parametrize("layer", ["actors", "places", "dates", "figures"])
def test_model_document_layer_runs_its_extractor_once_on_first_read(layer):
    calls = []
    doc = _doc(**{layer: lambda d: calls.append(d) or ("x",)})
    assert calls == []
    assert getattr(doc, layer) == ("x",)
    assert getattr(doc, layer) == ("x",)
    assert calls == [doc]


@pytest.mark.parametrize("layer", ["actors", "places", "dates", "figures"])
def test_model_document_layer_given_or_missing(layer):
    assert getattr(_doc(**{layer: ("a", "b")}), layer) == ("a", "b")
    assert getattr(_doc(), layer) == ()


def test_model_document_unread_layers_never_run():
    def fail(d):
        raise AssertionError("not to be read")
    doc = _doc(actors=fail, places=fail, dates=fail, figures=lambda d: ("f",))
    assert doc.figures == ("f",)
    assert doc.text == "Satu. Dua."


def test_model_document_extractor_reads_other_layers_of_the_same_document():
    calls = []
    doc = _doc(actors=lambda d: calls.append("actors") or ("a",),
               places=lambda d: tuple(x + "-place" for x in d.actors))
    assert doc.places == ("a-place",)
    assert doc.actors == ("a",)
    assert calls == ["actors"]


def test_model_document_with_layer_replaces_and_recomputes_in_the_new_document():
    doc = _doc(actors=lambda d: ("a",), places=lambda d: tuple(x + "-place" for x in d.actors))
    assert doc.places == ("a-place",)
    new = doc.with_layer(actors=("b",))
    assert new.places == ("b-place",)
    assert doc.places == ("a-place",) and doc.actors == ("a",)


@pytest.mark.parametrize("name", ["events", "tokens", "actor"])
def test_model_document_unknown_layer_is_an_error(name):
    with pytest.raises(TypeError, match=name):
        _doc(**{name: ()})
    with pytest.raises(TypeError, match=name):
        _doc().with_layer(**{name: ()})

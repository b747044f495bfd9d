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

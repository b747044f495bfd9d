"""``warta.evaluate`` scores exactly like ``shared/gold/score.py``; the CLI prints it."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from warta.cli import app
from warta.evaluate import Score, actors_match, score, score_files, type_match
from warta.model import Article, CodedArticle
from warta.pipeline import code_article
from warta.read import iter_articles


@pytest.fixture(scope="module")
def dev_coded(tmp_path_factory):
    """The dev gold articles coded by the pipeline, as a coded JSONL file."""
    src = shared_path("gold", "dev.jsonl")
    out = tmp_path_factory.mktemp("coded") / "dev.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for article in iter_articles([str(src)]):
            assert isinstance(article, Article), article
            fh.write(json.dumps(code_article(article).to_dict(), ensure_ascii=False) + "\n")
    return out


def _score_py(coded, gold_dir, *flags) -> str:
    script = shared_path("gold", "score.py")
    return subprocess.run([sys.executable, str(script), str(coded), str(gold_dir), *flags],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.shared
def test_evaluate_matches_score_py_on_dev_gold(dev_coded):
    gold_dir = shared_path("gold", "dev")
    expected = json.loads(_score_py(dev_coded, gold_dir, "--json").strip().splitlines()[-1])
    result, problems = score_files(dev_coded, gold_dir)
    assert problems == []
    assert result.summary() == expected


@pytest.mark.shared
def test_evaluate_notes_match_score_py_verbose(dev_coded):
    gold_dir = shared_path("gold", "dev")
    lines = _score_py(dev_coded, gold_dir, "--verbose", "--json").strip().splitlines()
    result, _ = score_files(dev_coded, gold_dir)
    assert list(result.notes) == lines[:-1]


@pytest.mark.shared
def test_evaluate_cli_prints_the_same_summary(dev_coded):
    gold_dir = shared_path("gold", "dev")
    run = CliRunner().invoke(app, ["evaluate", str(dev_coded), str(gold_dir), "--json"])
    assert run.exit_code == 0, run.output
    expected = json.loads(_score_py(dev_coded, gold_dir, "--json").strip())
    assert json.loads(run.stdout.strip().splitlines()[-1]) == expected


@pytest.mark.shared
def test_evaluate_cli_table_ends_with_summary_line(dev_coded):
    run = CliRunner().invoke(app, ["evaluate", str(dev_coded), str(shared_path("gold", "dev"))])
    assert run.exit_code == 0
    assert run.stdout.strip().splitlines()[-1].startswith("event_f1=")


def test_evaluate_cli_missing_gold_dir_fails(tmp_path):
    coded = tmp_path / "c.jsonl"
    coded.write_text("", encoding="utf-8")
    run = CliRunner().invoke(app, ["evaluate", str(coded), str(tmp_path / "nope")])
    assert run.exit_code == 2


def _gold(events, **extra):
    return {"id": "a", "events": events, "figures": [], **extra}


def _event(t, src, tgt, status="asserted", text="x", start=0, end=1, date=None):
    return {"event_type": t, "source": {"country": src} if src else None,
            "target": {"country": tgt} if tgt else None, "status": status,
            "date": {"value": date} if date else None,
            "evidence": {"text": text, "start": start, "end": end}}


def _coded(events, text="x"):
    return {"a": {"article": {"id": "a", "text": text}, "events": events, "figures": []}}


def _g(t, src, tgt, **kw):
    return {"type": t, "source": src, "target": tgt, "cue": "x", **kw}


MATCH_ROWS = [
    (_g("ASSAULT", "AZE", "ARM"), _event("ASSAULT", "AZE", "ARM"), True),
    (_g("ASSAULT", "AZE", "ARM"), _event("ASSAULT", "ARM", "AZE"), False),
    (_g("ASSAULT", "AZE", "ARM", symmetric=True), _event("ASSAULT", "ARM", "AZE"), True),
    (_g("CONSULT", "USA", "KHM"), _event("CONSULT", "KHM", "USA"), True),
    (_g("AGREE", "KHM", "THA"), _event("AGREE", "THA", "KHM"), True),
    (_g("COOPERATE", "LAO", "KHM"), _event("COOPERATE", "KHM", "LAO"), True),
    (_g("REQUEST", "USA", ["ARM", "AZE"]), _event("REQUEST", "USA", "AZE"), True),
    (_g("REQUEST", "USA", ["ARM", "AZE"]), _event("REQUEST", "USA", "RUS"), False),
    (_g("ASSAULT", None, "THA"), _event("ASSAULT", "KHM", "THA"), True),
    (_g("ASSAULT", None, None), _event("ASSAULT", None, None), True),
    (_g("ASSAULT", "KHM", "THA"), _event("ASSAULT", None, "THA"), False),
    (_g("SUPPORT", "KHM", "THA", alt_types=["AGREE"]), _event("AGREE", "KHM", "THA"), True),
    (_g("SUPPORT", "KHM", "THA"), _event("AGREE", "KHM", "THA"), False),
]


@pytest.mark.parametrize("gold,event,matches", MATCH_ROWS)
def test_evaluate_matching(gold, event, matches):
    assert (type_match(gold, event) and actors_match(gold, event)) is matches


def test_evaluate_optional_events_are_credited_not_required():
    gold = _gold([_g("CONSULT", "USA", "KHM"), _g("CONSULT", "USA", "IDN", optional=True)])
    r = score(_coded([_event("CONSULT", "USA", "KHM")]), [gold])
    assert (r.event_precision, r.event_recall) == (1.0, 1.0)
    r = score(_coded([_event("CONSULT", "USA", "KHM"), _event("CONSULT", "USA", "IDN")]), [gold])
    assert (r.event_precision, r.event_recall) == (1.0, 1.0)


def test_evaluate_duplicates_and_extras():
    gold = _gold([_g("ASSAULT", "ISR", "PSE")])
    dup = [_event("ASSAULT", "ISR", "PSE", date="2025-01-01"), _event("ASSAULT", "ISR", "PSE", date="2025-01-01")]
    r = score(_coded(dup), [gold])
    assert r.event_duplicates == 1 and r.event_precision == 1.0
    extra = [_event("ASSAULT", "ISR", "PSE"), _event("ACCUSE", "IDN", "ISR")]
    r = score(_coded(extra), [gold])
    assert r.event_precision == 0.5 and any("extra ACCUSE" in n for n in r.notes)


def test_evaluate_negated_and_hypothetical_are_ignored():
    gold = _gold([])
    events = [_event("ASSAULT", "ISR", "PSE", status="negated"),
              _event("ASSAULT", "IRN", "ISR", status="hypothetical")]
    r = score(_coded(events), [gold])
    assert r.event_precision == 0.0 and not any("extra" in n for n in r.notes)


def test_evaluate_schema_errors():
    gold = _gold([])
    bad = [_event("ASSAULT", "ISR", "PSE", text="zzz", start=0, end=3), _event("ASSAULT", "ISR", "PSE", text="")]
    r = score(_coded(bad, text="abcdef"), [gold])
    assert r.schema_errors == 2


def test_evaluate_unrelated_text_and_cleaning():
    gold = _gold([], not_events=["Baca juga: Israel Serang Gaza"], keep_lines=["isi berita"],
                 drop_lines=["ADVERTISEMENT"])
    text = "isi berita\nBaca juga: Israel Serang Gaza"
    ev = _event("ASSAULT", "ISR", "PSE", text="Baca juga: Israel Serang Gaza", start=11, end=40)
    r = score(_coded([ev], text=text), [gold])
    assert r.events_from_unrelated_text == 1
    assert r.cleaning_accuracy == 1.0


def test_evaluate_missing_article_counts_as_no_events():
    r = score({}, [_gold([_g("ASSAULT", "ISR", "PSE")])])
    assert r.articles_coded == 0 and r.event_recall == 0.0


def test_evaluate_score_is_typed():
    r = score({}, [])
    assert isinstance(r, Score) and r.summary()["event_f1"] == 0.0


@pytest.mark.shared
def test_evaluate_coded_article_round_trip(dev_coded):
    line = dev_coded.read_text(encoding="utf-8").splitlines()[0]
    coded = CodedArticle.from_dict(json.loads(line))
    assert coded.to_dict()["article"]["id"] == json.loads(line)["article"]["id"]


@pytest.mark.shared
def test_evaluate_matches_score_py_on_project_gold(project_gold_input, tmp_path):
    from conftest import PROJECT_GOLD
    coded = tmp_path / "project.jsonl"
    with coded.open("w", encoding="utf-8") as fh:
        for article in iter_articles([str(project_gold_input)]):
            assert isinstance(article, Article), article
            fh.write(json.dumps(code_article(article).to_dict(), ensure_ascii=False) + "\n")
    lines = _score_py(coded, PROJECT_GOLD, "--verbose", "--json").strip().splitlines()
    result, problems = score_files(coded, PROJECT_GOLD)
    assert problems == []
    assert result.summary() == json.loads(lines[-1])
    assert list(result.notes) == lines[:-1]

"""The pipeline computes only the layers whose result can reach the coded article, with the same
output as computing every layer."""
from __future__ import annotations

import itertools
import json
from dataclasses import replace

import pytest
from conftest import shared_path

import warta.extract.figures as figures_module
from warta import pipeline
from warta.code_events import code_events
from warta.extract.actors import extract_actors
from warta.extract.dates import extract_dates
from warta.extract.places import extract_places
from warta.lang import load_language
from warta.model import Article, CodedArticle
from warta.read.jsonl import record_article
from warta.segment import segment

LANG = load_language("id")

NO_TRIGGER = "Pemerintah kota meresmikan taman baru di pusat kota pada Senin. Warga menyambutnya."
EVENT = ("Pasukan Azerbaijan menyerang Armenia pada Selasa (13/9/2022), kata Kementerian Pertahanan "
         "Armenia.")
FIGURE_ONLY = "Banjir melanda kota itu pada Senin. Sebanyak 12 warga dinyatakan hilang."
SPORT = ("Timnas menang dalam laga final di stadion. Pelatih memuji gol kedua. Pasukan Azerbaijan "
         "menyerang Armenia, kata wasit.")
TRIGGER_NO_EVENT = "Warga menyerang pencuri itu di pasar."


def article(text: str, title: str | None = None) -> Article:
    return Article(id="t", text=text, title=title, published="2022-09-14", language="id")


@pytest.mark.parametrize("text,events,reads_actors", [
    (NO_TRIGGER, False, False),
    (FIGURE_ONLY, False, False),
    (SPORT, False, False),                  # a trigger, but in a sport story
    ("", False, False),
    ("Timnas kalah. Pelatih memuji gol. Wasit menyerang pemain, kata media.", False, False),
    ("Pasukan Azerbaijan Menyerang Armenia Di Perbatasan", False, False),    # a headline-like line
    (EVENT, True, True),
    (TRIGGER_NO_EVENT, False, True),        # a trigger: its sentence's actors are read
])
def test_pipeline_code_events_reads_actors_only_after_a_trigger(text, events, reads_actors):
    doc = pipeline.build_document(pipeline.prepare_article(article(text)), LANG)
    assert bool(code_events(doc, LANG)) is events
    assert ("actors" in vars(doc)) is reads_actors          # a computed layer is cached there


PREPARE_TEXTS = [
    "Selasa, 20 September 2022, 12:34 WIB\nPHNOM PENH – Kamboja dan Thailand kembali membahas batas.",
    "Kompas.com - 24/10/2020, 11:53 WIB\n\nJakarta, KOMPAS.com - Presiden menerima tamu dari Jepang.",
    "22 April 2022\nWASHINGTON, KOMPAS.com - Amerika Serikat menjatuhkan sanksi baru kepada Iran.",
    "Warga berkumpul di alun-alun kota. Tidak ada tanggal di sini.",
    "Baca juga: Berita lain\n21 Mei 2023\nBANGKOK – Tentara Thailand bersiaga di perbatasan pada Senin.",
    "",
]


def two_full_metadata_passes(raw: Article) -> Article:
    """``prepare_article`` as it was: the date and dateline searched before cleaning (the dateline
    then dropped) and both again after."""
    from warta.clean import clean_article
    from warta.meta import find_metadata
    with_lang = replace(raw, language="id")
    dated = find_metadata(with_lang, LANG)
    return find_metadata(clean_article(replace(dated, dateline=raw.dateline), LANG), LANG)


@pytest.mark.parametrize("text", PREPARE_TEXTS)
@pytest.mark.parametrize("published,dateline", [(None, None), ("2022-09-14", None), (None, "Jakarta")])
def test_pipeline_prepare_same_as_two_full_metadata_passes(text, published, dateline):
    raw = Article(id="t", text=text, published=published, dateline=dateline, language="id")
    assert pipeline.prepare_article(raw) == two_full_metadata_passes(raw)


def counting(extract, layer: str, seen: list[str]):
    """``extract`` that notes ``layer`` in ``seen`` each time it runs."""
    def counted(*args, **kwargs):
        seen.append(layer)
        return extract(*args, **kwargs)
    return counted


@pytest.fixture
def computed(monkeypatch):
    """The layers the pipeline computes, in order."""
    seen: list[str] = []
    for name, layer in (("extract_actors", "actors"), ("extract_places", "places"),
                        ("extract_dates", "dates"), ("extract_figures", "figures")):
        monkeypatch.setattr(pipeline, name, counting(getattr(pipeline, name), layer, seen))
    return seen


@pytest.mark.parametrize("text,layers", [
    (NO_TRIGGER, {"figures"}),
    (SPORT, {"figures"}),
    (FIGURE_ONLY, {"figures", "actors", "places"}),
    (EVENT, {"figures", "actors", "places", "dates"}),
])
def test_pipeline_layers_computed_only_when_read(text, layers, computed):
    pipeline.code_article(article(text))
    assert set(computed) == layers
    assert len(computed) == len(set(computed))      # each at most once


def eager_coded(raw: Article) -> dict:
    """Every layer computed, the figures of every sentence with a count read, and the event coder
    run on every article: the pipeline before layers were computed on demand."""
    prepared = pipeline.prepare_article(raw)
    doc = segment(prepared, LANG)
    doc = doc.with_layer(actors=extract_actors(doc, LANG))
    doc = doc.with_layer(places=extract_places(doc, LANG, actors=doc.actors))
    doc = doc.with_layer(dates=extract_dates(doc, LANG), figures=figures_module.extract_figures(doc, LANG))
    return CodedArticle(article=prepared, events=code_events(doc, LANG), figures=doc.figures).to_dict()


@pytest.mark.parametrize("text", [NO_TRIGGER, EVENT, FIGURE_ONLY, SPORT, TRIGGER_NO_EVENT,
                                  EVENT + " Serangan itu menewaskan 49 tentara Armenia."])
def test_pipeline_same_output_as_every_layer(text, monkeypatch):
    fast = pipeline.code_article(article(text)).to_dict()
    data = replace(figures_module.figure_data(LANG), cues=None)
    monkeypatch.setattr(figures_module, "figure_data", lambda lang: data)
    assert eager_coded(article(text)) == fast


SAMPLE_EVERY = 40      # every 40th article of each corpus file: about 180 articles


@pytest.mark.shared
def test_pipeline_corpus_sample_same_output_as_every_layer(monkeypatch):
    raws = []
    for name in ("kompas-2025.jsonl", "detik-2026.jsonl", "indosum-2016-2018.jsonl"):
        with shared_path("corpus", name).open(encoding="utf-8") as fh:
            for line in itertools.islice(fh, 0, None, SAMPLE_EVERY):
                raws.append(record_article(name, json.loads(line), name))
    fast = [pipeline.code_article(a).to_dict() for a in raws]
    data = replace(figures_module.figure_data(LANG), cues=None)
    monkeypatch.setattr(figures_module, "figure_data", lambda lang: data)
    assert sum(bool(d["events"]) for d in fast) and sum(bool(d["figures"]) for d in fast)
    for raw, coded in zip(raws, fast):
        assert eager_coded(raw) == coded, raw.id

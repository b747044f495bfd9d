"""Role reading on hand-built documents: actor mentions are given, so these rows test the coder's
structure rules alone (voice, prepositions, genitives, pairs, coordination, attribution)."""
from __future__ import annotations

import pytest

from warta.code_events import code_events
from warta.lang import load_language
from warta.model import Actor, ActorMention, Article, Document, Span
from warta.segment import segment

LANG = load_language("id")


def doc_with(text: str, actors: dict[str, str], pairs: dict[str, tuple[str, str]] | None = None) -> Document:
    """A segmented document whose actor layer is exactly ``actors`` (surface → country) and
    ``pairs`` (plural surface → two countries)."""
    doc = segment(Article(id="r", text=text, language="id", published="2025-06-10"), LANG)
    mentions = []
    for s in doc.sentences:
        for surface, country in actors.items():
            start = s.text.find(surface)
            while start >= 0:
                a, b = s.start + start, s.start + start + len(surface)
                mentions.append(ActorMention(Span(a, b, surface), s.index, Actor(surface, surface, country), "country"))
                start = s.text.find(surface, start + len(surface))
        for surface, (c1, c2) in (pairs or {}).items():
            start = s.text.find(surface)
            if start >= 0:
                a, b = s.start + start, s.start + start + len(surface)
                for c in (c1, c2):
                    mentions.append(ActorMention(Span(a, b, surface), s.index, Actor(surface, None, c), "pair"))
    return doc.with_layer(actors=tuple(sorted(mentions, key=lambda m: m.span.start)))


def coded(doc: Document) -> set[tuple]:
    return {(e.event_type, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in code_events(doc, LANG) if e.status not in ("negated", "hypothetical")}


C = {"Israel": "ISR", "Lebanon": "LBN", "Iran": "IRN", "Rusia": "RUS", "Ukraina": "UKR", "Amerika Serikat": "USA",
     "Armenia": "ARM", "Azerbaijan": "AZE", "Thailand": "THA", "Kamboja": "KHM", "Indonesia": "IDN",
     "Mesir": "EGY", "China": "CHN", "Jepang": "JPN"}

ROLE_ROWS = [
    ("Israel menyerang Lebanon pada Senin.", {("ASSAULT", "ISR", "LBN")}),
    ("Lebanon diserang oleh Israel pada Senin.", {("ASSAULT", "ISR", "LBN")}),
    ("Lebanon diserang Israel pada Senin.", {("ASSAULT", "ISR", "LBN")}),
    ("Serangan Israel terhadap Lebanon menewaskan dua orang.", {("ASSAULT", "ISR", "LBN")}),
    ("Israel melancarkan serangan udara ke Lebanon.", {("ASSAULT", "ISR", "LBN")}),
    ("Bentrokan antara Armenia dan Azerbaijan pecah lagi.", {("ASSAULT", "ARM", "AZE")}),
    ("Thailand dan Kamboja sepakat memperpanjang gencatan senjata.", {("AGREE", "THA", "KHM")}),
    ("Amerika Serikat bertemu secara terpisah dengan Armenia dan Azerbaijan.",
     {("CONSULT", "USA", "ARM"), ("CONSULT", "USA", "AZE")}),
    ("Israel menolak usulan gencatan senjata dari Mesir.", {("REJECT", "ISR", "EGY")}),
    ("Indonesia mengecam serangan Israel terhadap Lebanon.", {("ACCUSE", "IDN", "ISR"), ("ASSAULT", "ISR", "LBN")}),
    ("Rusia menyerang Ukraina, kata Amerika Serikat.", {("ASSAULT", "RUS", "UKR")}),
    ("Iran mengancam akan menyerang Israel.", {("THREATEN", "IRN", "ISR")}),
    ("China dan Jepang saling tuding di forum itu.", set()),
    ("Israel menyerang Israel.", set()),
    ("Pertemuan itu membahas gencatan senjata antara Thailand dan Kamboja.", set()),
]


@pytest.mark.parametrize("text,expected", ROLE_ROWS, ids=[r[0][:45] for r in ROLE_ROWS])
def test_code_events_roles(text, expected):
    assert coded(doc_with(text, C)) == expected


def test_code_events_roles_pair_mention_gives_both_sides():
    doc = doc_with("Kedua negara sepakat memperpanjang gencatan senjata.", {}, {"Kedua negara": ("THA", "KHM")})
    assert coded(doc) == {("AGREE", "THA", "KHM")}


def test_code_events_roles_pair_mention_meets_a_partner_twice():
    doc = doc_with("Kedua menteri mengadakan pertemuan terpisah dengan Amerika Serikat.",
                   {"Amerika Serikat": "USA"}, {"Kedua menteri": ("ARM", "AZE")})
    assert coded(doc) == {("CONSULT", "ARM", "USA"), ("CONSULT", "AZE", "USA")}


def test_code_events_roles_attribution_is_the_speaker():
    events = code_events(doc_with("Rusia menyerang Ukraina, kata Amerika Serikat.", C), LANG)
    assert [e.attribution for e in events] == ["Amerika Serikat"]


def test_code_events_roles_evidence_fields_point_at_the_actors():
    doc = doc_with("Israel menyerang Lebanon pada Senin.", C)
    (event,) = code_events(doc, LANG)
    fields = dict(event.evidence.fields)
    assert (fields["trigger"].text, fields["source"].text, fields["target"].text) == ("menyerang", "Israel", "Lebanon")

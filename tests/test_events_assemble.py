"""Merging the sentences of an article into events: one event per happening, and happenings told
in different places or on different days kept apart. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from warta.events.assemble import merge_events, places_compatible
from warta.model import Actor, Article, Event, Evidence, Place, When
from warta.pipeline import code_article


def place(country: str | None, admin1: str | None = None, precision: str = "point",
          derived: str | None = None) -> Place:
    return Place(name="x", admin1=admin1, country=country, precision=precision, derived=derived)


@pytest.mark.parametrize("a,b,fit", [
    # different countries: two happenings
    (place("PSE", "Gaza Strip"), place("LBN", "South Governorate"), False),
    (place("IRQ", precision="country"), place("SYR", precision="country"), False),
    # same country, different first-level subdivisions: two happenings
    (place("PSE", "Gaza Strip"), place("PSE", "West Bank", "admin1"), False),
    (place("IRN", "Tehran"), place("IRN", "Isfahan"), False),
    # same subdivision, or one only at country precision, or one without a subdivision: may be one
    (place("PSE", "Gaza Strip"), place("PSE", "Gaza Strip"), True),
    (place("IRQ", "Salah Al-Din"), place("IRQ", "Salah Al-Din"), True),
    (place("IRN", "Tehran"), place("IRN", precision="country"), True),
    (place("ISR", None), place("ISR", "Tel Aviv"), True),
    # a place not stated by the sentence (dateline, target, host, article) says nothing
    (place("IDN", "Jakarta", derived="dateline"), place("FRA", "Ile-de-France"), True),
    (place("IRN", precision="country", derived="target"), place("IRQ", "Baghdad"), True),
    # no place, or a place of no country (a sea, a peninsula)
    (None, place("PSE", "Gaza Strip"), True),
    (place(None), place("KOR", "Seoul"), True),
])
def test_events_assemble_places_compatible(a, b, fit):
    assert places_compatible(a, b) is fit
    assert places_compatible(b, a) is fit


def event(sentence: int, day: str | None, derived: str = "explicit", where: Place | None = None,
          confidence: float = 0.8) -> Event:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(day or ""), "unknown")
    when = When(value=day, precision=precision, derived=derived)
    return Event(id=str(sentence), event_type="CONSULT", cameo_root="04",
                 source=Actor(text="Indonesia", country="IDN"),
                 target=Actor(text="Prancis", country="FRA"), date=when, place=where,
                 evidence=Evidence(sentence_index=sentence, start=0, end=1, text="x"),
                 confidence=confidence)


KEY = ("CONSULT", ("FRA", "IDN"))


@pytest.mark.parametrize("members,groups", [
    # the lead gives only the news day: a sentence of 23 January and one of 14 April are two visits
    ([event(0, "2025-05-28", "published"), event(5, "2025-01-23"), event(6, "2025-04-14")], 2),
    # one day stated twice joins the lead
    ([event(0, "2025-05-28", "published"), event(5, "2025-05-27"), event(6, "2025-05-27")], 1),
    # a month and a day of it fit each other
    ([event(0, "2025-05-28", "published"), event(5, "2025-05"), event(6, "2025-05-27")], 1),
    # sentences that only give the news day are one happening
    ([event(0, "2025-05-28", "published"), event(3, "2025-05-28", "published")], 1),
    # stated in two countries on the news day: two happenings
    ([event(0, "2025-05-28", "published", place("FRA", "Ile-de-France")),
      event(4, "2025-05-28", "published", place("IDN", "Jakarta"))], 2),
    # one stated place and one taken from the dateline: one happening
    ([event(0, "2025-05-28", "published", place("FRA", "Ile-de-France")),
      event(4, "2025-05-28", "published", place("IDN", "Jakarta", derived="dateline"))], 1),
])
def test_events_assemble_group_fits_every_member(members, groups):
    merged = merge_events(members, [KEY] * len(members), [False] * len(members))
    assert len(merged) == groups
    assert sum(1 + len(e.evidence.more) for e in merged) == len(members)


def test_events_assemble_ongoing_clash_is_one_happening_wherever_told():
    members = [event(0, "2025-07-24", "explicit", place("THA", "Surin")),
               event(3, "2025-07-25", "explicit", place("KHM", "Oddar Meanchey"))]
    assert len(merge_events(members, [KEY] * 2, [True, True])) == 1


def coded(text: str, event_type: str):
    return [e for e in code_article(Article(id="t", text=text, published="2025-01-10", language="id")).events
            if e.event_type == event_type]


@pytest.mark.parametrize("text,event_type,places", [
    # attacks told in their own sentences in two countries, or two subdivisions, stay apart
    ("Militer AS menyerang milisi Iran di Irak. Militer AS juga menyerang milisi Iran di Suriah.",
     "ASSAULT", {"IRQ", "SYR"}),
    ("Pasukan Israel menyerang warga Palestina di Gaza. "
     "Pasukan Israel juga menyerang warga Palestina di Tepi Barat.", "ASSAULT", {"Gaza", "West Bank"}),
    # one attack told twice, or attacks in one subdivision, stay one event
    ("Militer AS menyerang milisi Iran di Irak. Serangan AS terhadap milisi Iran itu menewaskan lima orang.",
     "ASSAULT", {"IRQ"}),
    ("Pasukan Israel menyerang warga Palestina di Khan Younis. "
     "Pasukan Israel juga menyerang warga Palestina di Rafah.", "ASSAULT", {"Khan Yunis"}),
])
def test_events_assemble_happenings_in_different_places(text, event_type, places):
    found = coded(text, event_type)
    assert len(found) == len(places)
    assert {e.place.country if e.place.precision == "country" else e.place.name for e in found} == places


def test_events_assemble_meetings_on_two_stated_days_stay_apart():
    text = ("Presiden Prabowo bertemu Presiden Macron di Paris. "
            "Prabowo pernah bertemu Macron pada 23 Januari 2025. "
            "Prabowo juga bertemu Macron pada 14 April 2025.")
    days = sorted(e.date.value for e in coded(text, "CONSULT"))
    assert days == ["2025-01-23", "2025-04-14"]

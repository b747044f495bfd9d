"""Fill the remaining fields of a coded event: mode, contexts, CAMEO root, figures, place, date,
confidence, id; and merge the sentences that tell the same happening into one event."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from warta.events.lexicon import EventLexicon
from warta.extract import dates as dates_layer
from warta.resolve import places as places_layer
from warta.events.roles import Roles
from warta.events.triggers import TriggerMatch
from warta.model import Actor, Document, Event, Evidence, Figure, Place, PlaceMention, When

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
DATELINE_TYPES = frozenset({"CONSULT", "AGREE"})
TARGET_PLACE_TYPES = frozenset({"ASSAULT", "COERCE"})
# acts done on the ground (aid delivered, troops withdrawn, protests, deployments, arrests, attacks):
# where they happened is not where someone spoke of them. Cooperation and sanctions are mostly
# announced: where they were announced is their place.
MATERIAL_TYPES = frozenset({"AID", "RETREAT", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True)
class Draft:
    """An event before merging: what one trigger in one sentence says."""
    sentence_index: int
    trigger: TriggerMatch
    roles: Roles
    event_type: str
    mode: str | None
    status: str
    attribution: str | None
    symmetric: bool
    body_start: int = 0      # where the sentence's text starts after a dateline ("Jakarta, CNN Indonesia --")
    reacts_to: str | None = None   # a reaction to a happening told before: its type, "" for any
    unknown_doer: bool = False     # an attack with no state doer, against the country where it happened
    suspect_arrest: bool = False   # a state's police arrest suspects (kept when it answers such an attack)


def mode_of(draft_type: str, trig: TriggerMatch, words: tuple[str, ...], lexicon: EventLexicon) -> str | None:
    if trig.entry.mode:
        return trig.entry.mode
    joined = " " + " ".join(words) + " "
    for cue, mode in lexicon.mode_cues.get(draft_type, ()):
        if " " + " ".join(cue) + " " in joined:
            return mode
    return None


def contexts_of(event_type: str, mode: str | None, words: tuple[str, ...], actors: tuple[Actor | None, ...],
                lexicon: EventLexicon) -> tuple[str, ...]:
    found: list[str] = list(cameo_of(event_type, mode, lexicon)[1])
    if lexicon.context_cues is not None:
        for _, contexts in lexicon.context_cues.iter(" " + " ".join(words) + " "):
            found.extend(contexts)
    if any(a is not None and a.sector == "MIL" for a in actors):
        found.append("military")
    return tuple(dict.fromkeys(found))


def cameo_of(event_type: str, mode: str | None, lexicon: EventLexicon) -> tuple[str | None, tuple[str, ...]]:
    return lexicon.cameo.get((event_type, mode or "")) or lexicon.cameo.get((event_type, ""), (None, ()))


def actor_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.org


def pair_key(event_type: str, symmetric: bool, source: Actor | None, target: Actor | None) -> tuple:
    keys = (actor_key(source), actor_key(target))
    if symmetric or event_type in SYMMETRIC_TYPES:
        return tuple(sorted(keys, key=str))
    return keys


def confidence_of(draft: Draft, n_evidence: int) -> float:
    """How sure the coder is, from the evidence: how strongly the trigger states the event, whether
    both sides resolved, how far the actors stand from the trigger (or whether they were inferred
    from the article), and the status. Events over 0.5 are the precise ones (see the report in
    bench/ and the project gold measurements)."""
    roles = draft.roles
    score = 0.75 * draft.trigger.entry.weight
    score += 0.1 * bool(actor_key(roles.source)) + 0.05 * bool(actor_key(roles.target))
    if roles.distance >= INFERRED:
        score -= 0.2
    elif roles.distance > 8:
        score -= 0.12
    elif roles.distance > 4:
        score -= 0.06
    if draft.status == "claimed":
        score -= 0.1
    elif draft.status in ("planned", "intend"):
        score -= 0.05
    score += min(0.1, 0.05 * (n_evidence - 1))
    return round(max(0.05, min(0.98, score)), 3)


INFERRED = 20     # distance the coder gives a side inferred from the article, not the sentence


def event_id(article_id: str, sentence_index: int, event_type: str, mode: str | None,
             source: Actor | None, target: Actor | None, status: str) -> str:
    raw = "|".join(str(x) for x in (article_id, sentence_index, event_type, mode, actor_key(source),
                                    source.text if source else None, actor_key(target),
                                    target.text if target else None, status))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def event_date(doc: Document, sentence_index: int, anchor: int, status: str) -> When:
    """The dates layer's date for the event."""
    return dates_layer.event_date(doc, sentence_index, anchor, status)


def event_place(doc: Document, draft: Draft, lang) -> Place | None:
    """The place named nearest the trigger in the sentence (not in its dateline, not where an
    attack, arrest or other act done on the ground is reported from: "kata pejabat di Washington",
    not a name that stands for a government: "disebut Washington", unless a locative word comes
    before it, and not
    a gazetteer town too weakly attested: in a country the article never names and with no
    locative word before it); for meetings and agreements told with a visit ("kunjungan ke X",
    "tiba di X", "di sela-sela KTT ... di X") the destination or venue, unless a place marked "di"
    stands nearer the trigger; the city "di kota ini" points back to, or the destination of the
    visit "kunjungan tersebut" points back to; for meetings and agreements the host's country when
    the sentence says who hosts ("menjamu", "tuan rumah"), else the dateline city (one at the
    newsroom's desk only for a meeting with a side of that country: ``_dateline_fits``); for an act
    done to a state's forces, people or land (an attack, an arrest, a seizure) the target's country, at
    country precision and marked ``derived: "target"``, but for an attack on its craft ("drone AS")
    the attacker's (``_attacker_place``); else no place."""
    gaz = places_layer.gazetteer(lang)
    target = draft.roles.target
    target_country = target.country if draft.event_type in TARGET_PLACE_TYPES and target is not None \
        and not draft.symmetric and not draft.roles.mutual else None
    own = _sentence_place(doc, draft, lang)
    if own is not None:
        return own
    earlier = _pointed_back(doc, draft.sentence_index, lang)
    if earlier is not None:
        return earlier
    if draft.event_type in VISIT_TYPES:
        visited = _visit_pointed_back(doc, draft.sentence_index, lang)
        if visited is not None:
            return visited
    source = draft.roles.source
    if draft.event_type in DATELINE_TYPES and source is not None and source.country \
            and places_layer.names_host(doc.sentences[draft.sentence_index].text, gaz):
        return replace(places_layer.country_place(source.country, gaz), derived="host")
    if draft.event_type in DATELINE_TYPES and draft.status == "asserted":
        place = places_layer.dateline_place(doc.article, lang)
        if place is not None and _dateline_fits(place, draft, gaz):
            return replace(place, derived="dateline")
    if target_country and draft.roles.target_span is not None and \
            places_layer.names_asset(doc.text, draft.roles.target_span.start, gaz):
        return _attacker_place(draft, gaz)
    if target_country:
        return replace(places_layer.country_place(target_country, gaz), derived="target")
    return None


def _dateline_fits(place: Place, draft: Draft, gaz) -> bool:
    """A dateline abroad is where the story happened; one at the newsroom's desk ("Jakarta, CNN
    Indonesia --") only when a side of the meeting is of that country (not for talks between two
    foreign states reported from the desk)."""
    if not places_layer.dateline_is_desk(place, gaz):
        return True
    return any(a is not None and a.country == place.country for a in (draft.roles.source, draft.roles.target))


def _attacker_place(draft: Draft, gaz) -> Place | None:
    """The place of an attack on a state's craft ("menembak jatuh drone AS"): the attacker's
    country (its air defence, its land), at country precision and marked ``derived: "source"``;
    none when the attacker has no country or is of the craft's own."""
    source, target = draft.roles.source, draft.roles.target
    if source is None or not source.country or source.country == target.country:
        return None
    return replace(places_layer.country_place(source.country, gaz), derived="source")


def _sentence_place(doc: Document, draft: Draft, lang) -> Place | None:
    """The place the event's own sentence gives: a visit's destination (meetings and agreements),
    else the usable place nearest the trigger."""
    gaz = places_layer.gazetteer(lang)
    named = _named_countries(doc, lang)
    in_body = [m for m in doc.in_sentence("places", draft.sentence_index) if m.span.start >= draft.body_start]
    own = [m for m in in_body if not _names_actor(doc, m, lang) and not _unmarked(doc, m, named, gaz)
           and not _of_other_happening(doc, m, draft, gaz) and not _where_reported(doc, m, draft, gaz)]
    anchor = draft.trigger.start
    nearest = min(own, key=lambda m: _distance(m.span.start, m.span.end, anchor)) if own else None
    if draft.event_type in VISIT_TYPES:
        found = _destinations(doc, draft.sentence_index, draft.body_start, in_body, lang)
        if found:
            slot, place = min(found, key=lambda f: abs(f[0] - anchor))
            if not _venue_nearer(doc, nearest, slot, anchor, {f[0] for f in found}, gaz):
                return place
    return _as_stated(doc, nearest, lang) if nearest is not None else None


VISIT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
VISIT_REACH = 5       # sentences back in which "kunjungan tersebut" finds the visit it means
VENUE_CHARS = 60      # how far after a slot the city of a named building may stand
ALIAS_WORDS = 4       # longest reviewed name looked up at a destination slot ("Gedung Putih")


def _of_other_happening(doc: Document, m: PlaceMention, draft: Draft, gaz) -> bool:
    """A place name right after a noun naming another happening ("dalam konteks perang Gaza",
    "kerusuhan Los Angeles"): that happening's place, unless the noun is the event's trigger or
    the place lies in the country of a side of the event ("tewas dalam perang Gaza")."""
    noun = places_layer.happening_before(doc.text, m.span.start, gaz)
    if noun is None or draft.trigger.start <= noun < draft.trigger.end:
        return False
    sides = {a.country for a in (draft.roles.source, draft.roles.target) if a is not None and a.country}
    return m.place.country not in sides


def _where_reported(doc: Document, m: PlaceMention, draft: Draft, gaz) -> bool:
    """A place in the frame that reports a material event ("kata juru bicara kepada CNN di Jammu
    bahwa ... menembaki ...", "..., kata Retno di Jakarta"): where the speaker was, not where the
    attack, arrest or aid took place. A verbal event (an accusation, an appeal) is the speaking
    itself: its frame is its place."""
    if draft.event_type not in MATERIAL_TYPES:
        return False
    sentence = doc.sentences[draft.sentence_index]
    return places_layer.in_report_frame(sentence.text, m.span.start - sentence.start,
                                        draft.trigger.start - sentence.start, gaz)


def _distance(start: int, end: int, anchor: int) -> int:
    return min(abs(start - anchor), abs(end - anchor))


def _named_countries(doc: Document, lang) -> set[str]:
    """Countries the article names: its actors' and its dateline's."""
    named = {m.actor.country for m in doc.actors if m.actor.country}
    dateline = places_layer.dateline_place(doc.article, lang)
    if dateline is not None and dateline.country:
        named.add(dateline.country)
    return named


def _as_stated(doc: Document, m: PlaceMention, lang) -> Place:
    """The mention's place, in the country the text names right after it ("Subang, Malaysia"),
    or that country itself when it holds no namesake ("di Suffolk, Inggris")."""
    gaz = places_layer.gazetteer(lang)
    country = places_layer.stated_country(doc.text, m.span.end, lang)
    closes = country is not None and places_layer.stated_country_closes(doc.text, m.span.end, lang)
    return places_layer.in_stated_country(m.span.text, m.place, country, gaz, closes)


def _unmarked(doc: Document, m: PlaceMention, named: set[str], gaz) -> bool:
    cue = places_layer.cue_before(doc.text, m.span.start, gaz.cues)
    return places_layer.unmarked_foreign(m.span.text, m.place, cue, named, gaz)


def _destinations(doc: Document, si: int, body_start: int, in_body: list[PlaceMention],
                  lang) -> list[tuple[int, Place]]:
    """(offset, place) of each visit destination or summit venue the sentence names: a place, a
    country or a reviewed name ("Gedung Putih") right at a slot of ``visit_slots``."""
    gaz = places_layer.gazetteer(lang)
    sentence = doc.sentences[si]
    out = []
    for rel in places_layer.visit_slots(sentence.text, gaz):
        slot = sentence.start + rel
        if slot < body_start:
            continue
        place = _place_at(doc, si, slot, in_body, lang)
        if place is not None:
            out.append((slot, place))
    return out


def _place_at(doc: Document, si: int, slot: int, in_body: list[PlaceMention], lang) -> Place | None:
    gaz = places_layer.gazetteer(lang)
    lead = len(doc.text[slot:slot + 2]) - len(doc.text[slot:slot + 2].lstrip("\"“'‘("))
    at = slot + lead
    for m in in_body:
        if m.span.start == at:
            return _as_stated(doc, m, lang)
    for m in in_body:        # after the name of a building: "di Istana Elysee, Paris"
        if at < m.span.start <= at + VENUE_CHARS and _venue_name(doc.text[at:m.span.start]):
            return _as_stated(doc, m, lang)
    for a in doc.in_sentence("actors", si):
        if a.span.start == at and a.kind == "country" and a.actor.country:
            return places_layer.country_place(a.actor.country, gaz)
    words = doc.text[at:at + 80].split()[:ALIAS_WORDS]
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).rstrip(",.;:!?\"”’)")
        if name in gaz.aliases:
            return gaz.aliases[name]
    return None


def _venue_name(between: str) -> bool:
    """Whether the text between a slot and a place is a capitalised name and a comma ("Istana
    Elysee, ", "Bandara Orly, "): the place is the city of that building."""
    words = between.split()
    return bool(words) and between.rstrip().endswith(",") and \
        all(w[:1].isupper() or w[:1] in "(\"“" for w in words)


def _venue_nearer(doc: Document, nearest: PlaceMention | None, slot: int, anchor: int,
                  slots: set[int], gaz) -> bool:
    """Whether the sentence's own nearest place is a venue marked "di" that stands nearer the
    trigger than the destination ("bertemu Lavrov di Jakarta, sebelum bertolak ke Tokyo")."""
    if nearest is None or nearest.span.start in slots:
        return False
    if places_layer.cue_before(doc.text, nearest.span.start, gaz.cues) != "di":
        return False
    return _distance(nearest.span.start, nearest.span.end, anchor) < abs(slot - anchor)


def _visit_pointed_back(doc: Document, si: int, lang) -> Place | None:
    """The destination of the visit "dalam kunjungan tersebut" points back to: the last
    destination named within a few sentences before, marked ``derived: "article"``."""
    gaz = places_layer.gazetteer(lang)
    if not places_layer.names_visit(doc.sentences[si].text, gaz):
        return None
    for back in range(si - 1, max(-1, si - 1 - VISIT_REACH), -1):
        in_body = list(doc.in_sentence("places", back))
        found = _destinations(doc, back, doc.sentences[back].start, in_body, lang)
        if found:
            return replace(found[-1][1], derived="article")
    return None


ANAPHORA_REACH = 5    # sentences back in which "di kota ini" finds the city it means


def _pointed_back(doc: Document, si: int, lang) -> Place | None:
    """The place "di kota ini" / "provinsi tersebut" points back to: the nearest earlier place of
    that kind within a few sentences, marked ``derived: "article"``."""
    gaz = places_layer.gazetteer(lang)
    wants = places_layer.anaphoric_precision(doc.sentences[si].text, gaz)
    if wants is None:
        return None
    for m in reversed(doc.places):
        if m.sentence_index > si or m.sentence_index < si - ANAPHORA_REACH:
            continue
        if m.place.precision == wants and not _names_actor(doc, m, lang):
            return replace(m.place, derived="article")
    return None


def _names_actor(doc: Document, place: PlaceMention, lang) -> bool:
    """A place name read as an actor (a capital or country for its government: "langkah baru
    Washington", "disebut Washington", "Teheran membalas"): the actor layer found it, and it opens
    the sentence or follows a lower-case word that is not locative. After a comma, a bracket, a
    number or a capitalised word it is part of an address or a name ("di Gedung KPK, Jakarta")."""
    span = place.span
    if not any(a.span.start == span.start and a.span.end == span.end
               for a in doc.in_sentence("actors", place.sentence_index)):
        return False
    sentence = doc.sentences[place.sentence_index]
    before = doc.text[sentence.start:span.start].rstrip()
    if not before:
        return True
    last = before.split()[-1].lstrip("(\"'“‘")
    if not last[-1:].isalpha() or last[:1].isupper() or last[:1].isdigit():
        return False
    return not places_layer.locative_before(doc.text, span.start, places_layer.gazetteer(lang))


def figures_for(doc: Document, drafts: list[Draft], lexicon: EventLexicon) -> dict[int, tuple[Figure, ...]]:
    """Figures of each sentence given to the nearest draft in it whose type reports that kind."""
    out: dict[int, list[Figure]] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, d in enumerate(drafts):
        by_sentence.setdefault(d.sentence_index, []).append(i)
    for f in doc.figures:
        si = f.sentence_index
        if si is None or si not in by_sentence:
            continue
        fit = [i for i in by_sentence[si]
               if f.kind in lexicon.figure_kinds.get(drafts[i].event_type, frozenset())]
        if fit:
            best = min(fit, key=lambda i: abs(drafts[i].trigger.start - f.start))
            out.setdefault(best, []).append(f)
    return {k: tuple(v) for k, v in out.items()}


def dates_compatible(a: When | None, b: When | None) -> bool:
    if a is None or b is None or a.value is None or b.value is None:
        return True
    if a.derived == "published" or b.derived == "published":
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


# statuses that tell the same kind of happening: a fact (as told or as claimed), a plan, a non-fact
STATUS_CLASS = {"asserted": "fact", "claimed": "fact", "planned": "plan", "intend": "plan",
                "negated": "negated", "hypothetical": "hypothetical"}


def modes_compatible(a: Event, b: Event) -> bool:
    """Same mode; or one unstated, except for violence, where kinds of attack are told apart
    (on the project gold set, merging them lost more separate attacks than it joined retellings)."""
    if a.mode == b.mode:
        return True
    if a.mode is not None and b.mode is not None:
        return False
    return a.event_type != "ASSAULT" or _same_stated_day(a.date, b.date)


def _same_stated_day(a: When | None, b: When | None) -> bool:
    """Both dates stated in the text (not the publication date) and the same day."""
    return a is not None and b is not None and a.value is not None and a.value == b.value and \
        a.precision == "day" and a.derived != "published" and b.derived != "published"


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Whether two places stated by the sentences themselves (not taken from the dateline, the
    target or the article) can be where one happening took place: the same country, and the same
    first-level subdivision when both name one ("di Gaza" and "di Lebanon", "di Teheran" and "di
    Isfahan" are two happenings; "di Tikrit" and "dekat Samarra" in Salah al-Din may be one)."""
    if a is None or b is None or a.derived or b.derived or not a.country or not b.country:
        return True
    if a.country != b.country:
        return False
    if a.precision == "country" or b.precision == "country" or not a.admin1 or not b.admin1:
        return True
    return a.admin1 == b.admin1


def _joins(members: list[Event], e: Event) -> bool:
    """Whether event ``e`` can tell the same happening as every member of a group: its date and
    place fit each member's, not only the first one's (a sentence dated 23 January and one dated
    14 April are two visits even when the lead sentence gives no date)."""
    return all(dates_compatible(m.date, e.date) and places_compatible(m.place, e.place) for m in members)


def merge_events(events: list[Event], keys: list[tuple], ongoing: list[bool]) -> list[Event]:
    """One event per happening: same type, actors, status and mode, dates and places that fit
    every member (``_joins``) → one event whose evidence lists every sentence (the most confident
    leads). Fighting between two sides (``ongoing``) is one happening in an article whatever day
    or place each sentence gives; it keeps the earliest day stated (a month or year only when no
    sentence names a day: "sejak Mei" is the background of the clash on "Kamis (24/7)", not its
    date)."""
    groups: list[list[int]] = []
    for i, e in enumerate(events):
        for g in groups:
            lead = events[g[0]]
            if keys[g[0]] != keys[i] or STATUS_CLASS[lead.status] != STATUS_CLASS[e.status] or \
                    not modes_compatible(lead, e):
                continue
            if ongoing[g[0]] != ongoing[i]:
                continue      # a clash between two sides is not the same happening as one attack
            if (ongoing[g[0]] and ongoing[i]) or _joins([events[j] for j in g], e):
                g.append(i)
                break
        else:
            groups.append([i])
    return [_merge([events[i] for i in g], all(ongoing[i] for i in g)) for g in groups]


def _merge(members: list[Event], ongoing: bool) -> Event:
    members = sorted(members, key=lambda e: (-e.confidence, e.evidence.sentence_index))
    lead = members[0]
    if len(members) == 1:
        return lead
    more = tuple(m.evidence for m in members[1:] if m.evidence.sentence_index != lead.evidence.sentence_index)
    figures = tuple(dict.fromkeys(f for m in members for f in m.figures))
    stated = [m.date for m in members if m.date and m.date.value and m.date.derived != "published"]
    if ongoing and stated:
        days = [w for w in stated if w.precision == "day"]
        date = min(days or stated, key=lambda w: w.value)
    elif lead.date and lead.date.derived != "published":
        date = lead.date
    else:
        current = [w for w in stated if _current(w, lead.date)]
        date = current[0] if current else lead.date
    place = lead.place or next((m.place for m in members if m.place), None)
    mode = lead.mode or next((m.mode for m in members if m.mode), None)
    context = tuple(dict.fromkeys(c for m in members for c in m.context))
    conf = min(0.98, lead.confidence + min(0.1, 0.05 * len(more)))
    return replace(lead, evidence=replace(lead.evidence, more=more), figures=figures, date=date,
                   place=place, mode=mode, context=context, confidence=round(conf, 3))


CURRENT_DAYS = 31     # a stated period ending within this many days of the news day may date today's happening
PAST_YEAR_DAYS = 366  # a day or month stated within this many days before it may date a happening retold


def _current(stated: When, news_day: When | None) -> bool:
    """Whether a date stated by one sentence of a merged event may date it when its lead sentence
    has only the article's date: its period reaches within a month of that day ("Senin (25/5)",
    "bulan ini"), or it names a day or month of the past year ("pada 28 Februari"); not a bare year
    or a date years before ("pertemuannya dengan Jokowi dua tahun lalu", "surat perintah yang
    dikeluarkan pada 2004": another happening told in passing)."""
    day = dates_layer.parse_iso(news_day.value) if news_day is not None and news_day.value else None
    end = dates_layer.period_end(stated.value) if stated.value else None
    if day is None or end is None:
        return True
    gap = (day - end).days
    return gap <= CURRENT_DAYS or (stated.precision in ("day", "week", "month") and gap <= PAST_YEAR_DAYS)


def evidence_of(doc: Document, draft: Draft) -> Evidence:
    s = doc.sentences[draft.sentence_index]
    t = draft.trigger
    from warta.model import Span
    fields = [("trigger", Span(t.start, t.end, doc.text[t.start:t.end]))]
    if draft.roles.source_span is not None:
        fields.append(("source", draft.roles.source_span))
    if draft.roles.target_span is not None:
        fields.append(("target", draft.roles.target_span))
    return Evidence(sentence_index=s.index, start=s.start, end=s.end, text=doc.text[s.start:s.end],
                    fields=tuple(fields))

"""Hand-made coded articles for the API and web tests: the stable base of the exact-JSON tests.

The five bundled sample articles (``warta/samples``) and one short synthetic article written for
these tests are coded here by hand with realistic events, figures, places and evidence offsets, so
the API tests do not move when the real coder changes. Offsets are computed from the text, never
typed in, and every span satisfies ``text[start:end] == span.text``.
"""
from __future__ import annotations

import hashlib
import re
from importlib import resources

from warta.model import Actor, Article, CodedArticle, Event, Evidence, Figure, Place, Span, When

CODER = "fixture-1"

# A short article written for these tests (not from any outlet): a second report of the
# 13 September 2022 assault, so that the store has one event cluster with two sources.
SYNTHETIC_TEXT = (
    "Armenia Tuding Azerbaijan Serang Wilayahnya\n"
    "YEREVAN – Pemerintah Armenia menuding pasukan Azerbaijan menyerang sejumlah kota di dekat "
    "perbatasan pada Selasa (13/9/2022) dini hari.\n"
    "Menurut Kementerian Pertahanan Armenia, pasukan Azerbaijan menembaki Jermuk dan Vardenis "
    "dengan artileri dan drone.\n"
    "Sedikitnya 49 tentara Armenia tewas dalam serangan itu.\n"
    "Azerbaijan membantah tuduhan tersebut dan menyebut pasukannya hanya membalas provokasi.\n"
)


def sample_text(article_id: str) -> str:
    return resources.files("warta.samples").joinpath(f"{article_id}.txt").read_text(encoding="utf-8")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: a line, split further after . ! ? followed by a space."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“])", line.group()):
            out.append((start, line.start() + m.start()))
            start = line.start() + m.end()
        if line.end() > start and text[start:line.end()].strip():
            out.append((start, line.end()))
    return out


class Coder:
    """Builds spans, evidence and events over one article's text by finding phrases in it."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.sents = sentences(self.text)

    def span(self, phrase: str, after: int = 0) -> Span:
        start = self.text.index(phrase, after)
        return Span(start, start + len(phrase), phrase)

    def sentence(self, phrase: str) -> tuple[int, int, int]:
        at = self.text.index(phrase)
        for i, (s, e) in enumerate(self.sents):
            if s <= at < e:
                return i, s, e
        raise ValueError(phrase)

    def evidence(self, cue: str, more: tuple[str, ...] = (), **fields: str) -> Evidence:
        index, start, end = self.sentence(cue)
        spans = tuple((name, self.span(phrase, start)) for name, phrase in fields.items())
        extra = tuple(self.evidence(m) for m in more)
        return Evidence(index, start, end, self.text[start:end], spans, extra)

    def figure(self, phrase: str, kind: str, *, low=None, best=None, high=None, group="people",
               country=None, claimed_by=None, status=None) -> Figure:
        sp = self.span(phrase)
        return Figure(kind=kind, low=low, best=best, high=high, group=group, country=country,
                      claimed_by=claimed_by, text=sp.text, start=sp.start, end=sp.end,
                      status=status, sentence_index=self.sentence(phrase)[0])

    def event(self, event_type: str, evidence: Evidence, **kw) -> Event:
        src = kw.get("source")
        tgt = kw.get("target")
        key = "|".join([self.article.id, str(evidence.sentence_index), event_type,
                        src.country or src.org or "" if src else "",
                        tgt.country or tgt.org or "" if tgt else ""])
        eid = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        return Event(id=eid, event_type=event_type, evidence=evidence, coder_version=CODER, **kw)


def _article(article_id: str, text: str, **meta) -> Article:
    return Article(id=article_id, text=text, language="id", **meta)


def article_000() -> CodedArticle:
    c = Coder(_article("000_bdfb43dcf2185d87", sample_text("000_bdfb43dcf2185d87"),
                       title="Rubio bahas gencatan senjata Kamboja–Thailand dengan Hun Manet",
                       published="2025-12-26"))
    killed96 = c.figure("sedikitnya 96 orang", "killed", low=96, claimed_by="angka resmi")
    figures = (
        killed96,
        c.figure("23 tentara", "killed", best=23, group="soldiers", country="THA",
                 claimed_by="Pihak berwenang Thailand"),
        c.figure("41 warga sipil", "killed", best=41, group="civilians", country="THA",
                 claimed_by="Pihak berwenang Thailand"),
        c.figure("31 warga sipil Kamboja", "killed", best=31, group="civilians", country="KHM",
                 claimed_by="Kementerian Dalam Negeri Kamboja"),
        c.figure("Hampir satu juta orang", "displaced", high=1_000_000),
    )
    events = (
        c.event("CONSULT", c.evidence(
            "Rubio mengangkat isu tersebut", trigger="panggilan telepon", source="Rubio",
            target="Perdana Menteri Kamboja Hun Manet", date="pada hari Kamis"),
            mode="phone", context=("diplomatic",), cameo_root="04",
            source=Actor("Rubio", "Marco Rubio", "USA", "GOV", role="foreign minister"),
            target=Actor("Perdana Menteri Kamboja Hun Manet", "Hun Manet", "KHM", "GOV",
                         role="prime minister"),
            date=When("2025-12-25", "day", "relative"), attribution="Departemen Luar Negeri AS",
            confidence=0.86),
        c.event("CONSULT", c.evidence(
            "Panggilan tersebut terjadi sehari", more=("Pertemuan berlangsung pada hari Rabu",),
            trigger="pembicaraan militer", source="Thailand", target="Kamboja"),
            context=("military",), cameo_root="04",
            source=Actor("Thailand", "Thailand", "THA", "MIL"),
            target=Actor("Kamboja", "Cambodia", "KHM", "MIL"),
            date=When("2025-12-24", "day", "relative"),
            place=Place("Chanthaburi", "Chanthaburi", "THA", 12.61, 102.10, "point"),
            confidence=0.74),
        c.event("ASSAULT", c.evidence(
            "Bentrokan dimulai kembali pada 8 Desember", more=("Sejak itu, pertempuran",),
            trigger="Bentrokan", date="8 Desember"),
            context=("military", "territory"), cameo_root="19",
            source=Actor("Thailand", "Thailand", "THA", "MIL"),
            target=Actor("Kamboja", "Cambodia", "KHM", "MIL"),
            date=When("2025-12-08", "day", "explicit"),
            place=Place("Thailand", None, "THA", 14.35, 102.87, "country", "article"),
            figures=(killed96,), confidence=0.62),
    )
    return CodedArticle(c.article, events, figures)


def article_001() -> CodedArticle:
    c = Coder(_article("001_57d7fd22d24cc541", sample_text("001_57d7fd22d24cc541"),
                       title="Kamboja dan Laos perluas kerja sama keamanan perbatasan",
                       published="2022-04-22", dateline="PHNOM PENH"))
    phnom_penh = Place("Phnom Penh", "Phnom Penh", "KHM", 11.56, 104.92, "point", "dateline")
    events = (
        c.event("CONSULT", c.evidence(
            "Komitmen tersebut muncul setelah", more=("akan membahas berbagai masalah pada 20 April",),
            trigger="bertemu", source="Menteri Dalam Negeri Sar Kheng",
            target="duta besar baru Laos"),
            mode="visit", context=("diplomatic",), cameo_root="04",
            source=Actor("Menteri Dalam Negeri Sar Kheng", "Sar Kheng", "KHM", "GOV",
                         role="interior minister"),
            target=Actor("duta besar baru Laos", "Buakeo Phumvongsay", "LAO", "GOV",
                         role="ambassador"),
            date=When("2022-04-20", "day", "explicit"), place=phnom_penh, confidence=0.8),
        c.event("COOPERATE", c.evidence(
            "Kamboja dan Laos berkomitmen", trigger="memperluas kerja sama", source="Kamboja",
            target="Laos"),
            context=("diplomatic", "territory"), cameo_root="06",
            source=Actor("Kamboja", "Cambodia", "KHM", "GOV"),
            target=Actor("Laos", "Laos", "LAO", "GOV"),
            date=When("2022-04-22", "day", "published"), place=phnom_penh, status="intend",
            confidence=0.55),
        c.event("AID", c.evidence(
            "Sebagai tanggapan, Buakeo berterima kasih", trigger="pasokan medis dan vaksin",
            source="pemerintah Kamboja", target="Laos"),
            context=("health",), cameo_root="07",
            source=Actor("pemerintah Kamboja", "Cambodia", "KHM", "GOV"),
            target=Actor("Laos", "Laos", "LAO", None),
            date=When("2022-04", "month", "published"), confidence=0.58),
    )
    return CodedArticle(c.article, events, ())


def article_002() -> CodedArticle:
    c = Coder(_article("002_37d51e5e3f58c127", sample_text("002_37d51e5e3f58c127"),
                       title="Laos dan Kamboja Perkuat Kerja Sama Pertahanan demi Stabilitas Perbatasan",
                       published="2026-02-18", dateline="PHNOM PENH"))
    events = (
        c.event("CONSULT", c.evidence(
            "Dalam kunjungan resmi yang berlangsung", trigger="kunjungan resmi",
            date="17 Februari 2026", place="Phnom Penh",
            source="Kepala Staf Umum Tentara Rakyat Laos, Jenderal Saichay Kommasith",
            target="Ketua Senat Kamboja, Hun Sen"),
            mode="visit", context=("military", "diplomatic"), cameo_root="04",
            source=Actor("Kepala Staf Umum Tentara Rakyat Laos, Jenderal Saichay Kommasith",
                         "Saichay Kommasith", "LAO", "MIL", role="chief of general staff"),
            target=Actor("Ketua Senat Kamboja, Hun Sen", "Hun Sen", "KHM", "LEG",
                         role="senate president"),
            date=When("2026-02-17", "day", "explicit"),
            place=Place("Phnom Penh", "Phnom Penh", "KHM", 11.56, 104.92, "point"),
            confidence=0.88),
        c.event("AGREE", c.evidence(
            "Sebagai bentuk konkret, kedua pihak sepakat", trigger="sepakat",
            place="Stung Treng"),
            context=("military", "territory"), cameo_root="03",
            source=Actor("kedua pihak", "Laos", "LAO", "MIL"),
            target=Actor("kedua pihak", "Cambodia", "KHM", "MIL"),
            date=When("2026-02-17", "day", "relative"),
            place=Place("Stung Treng", "Stung Treng", "KHM", 13.52, 105.97, "point"),
            confidence=0.7),
    )
    return CodedArticle(c.article, events, ())


def article_003() -> CodedArticle:
    c = Coder(_article("003_aee293dbcb363524", sample_text("003_aee293dbcb363524"),
                       title="Blinken kepada Menlu Armenia dan Azerbaijan: Sudah Waktunya Pasukan "
                             "Bubar dan Diplomat Kembali ke Meja Kerja",
                       published="2022-09-20", source="Farah.ID"))
    figures = (
        c.figure("setidaknya 49 tentara Armenia", "killed", low=49, group="soldiers",
                 country="ARM", claimed_by="Laporan"),
        c.figure("50 tentara Azerbaijan", "killed", best=50, group="soldiers", country="AZE",
                 claimed_by="Laporan"),
    )
    events = (
        c.event("ASSAULT", c.evidence(
            "Permusuhan meletus pada Selasa", more=("Laporan menyebutkan, setidaknya 49",),
            trigger="melepaskan serangan", source="pasukan Azerbaijan", date="Selasa dini hari (13/9)"),
            mode="heavy-weapons", context=("military", "territory"), cameo_root="19",
            source=Actor("pasukan Azerbaijan", "Azerbaijan", "AZE", "MIL"),
            target=Actor("Armenia", "Armenia", "ARM", None),
            date=When("2022-09-13", "day", "relative"),
            place=Place("Vardenis", "Gegharkunik", "ARM", 40.18, 45.73, "point"),
            figures=figures, confidence=0.82),
        c.event("CONSULT", c.evidence(
            "Dalam pertemuan di New York", trigger="pertemuan", place="New York",
            source="Menteri Luar Negeri AS Antony Blinken", date="Senin (19/9)"),
            mode="third-party", context=("diplomatic",), cameo_root="04",
            source=Actor("Menteri Luar Negeri AS Antony Blinken", "Antony Blinken", "USA", "GOV",
                         role="secretary of state"),
            target=Actor("Menteri Luar Negeri dari dua negara", "Armenia", "ARM", "GOV"),
            date=When("2022-09-19", "day", "relative"),
            place=Place("New York", "New York", "USA", 40.71, -74.01, "point"), confidence=0.77),
        c.event("REQUEST", c.evidence(
            "Amerika Serikat mengimbau", trigger="mengimbau", source="Amerika Serikat"),
            context=("diplomatic",), cameo_root="10",
            source=Actor("Amerika Serikat", "United States", "USA", "GOV"),
            date=When("2022-09-20", "day", "published"), confidence=0.51),
    )
    return CodedArticle(c.article, events, figures)


def article_004() -> CodedArticle:
    c = Coder(_article("004_1ed279cb64cb3699", sample_text("004_1ed279cb64cb3699"),
                       title="AS Maju Upayakan Gencatan Senjata yang Sempat Gagal dalam Konflik "
                             "Armenia-Azerbaijan",
                       published="2020-10-24", source="Kompas.com", dateline="WASHINGTON"))
    claimed = c.figure("5.000 orang", "killed", best=5000, claimed_by="Presiden Rusia Vladimir Putin",
                       status="claimed")
    events = (
        c.event("CONSULT", c.evidence(
            "Di Washington, Menteri Luar Negeri AS Mike Pompeo", trigger="bertemu secara terpisah",
            source="Menteri Luar Negeri AS Mike Pompeo",
            target="menteri luar negeri Azerbaijan", place="Washington"),
            mode="third-party", context=("diplomatic",), cameo_root="04",
            source=Actor("Menteri Luar Negeri AS Mike Pompeo", "Mike Pompeo", "USA", "GOV",
                         role="secretary of state"),
            target=Actor("menteri luar negeri Azerbaijan", None, "AZE", "GOV",
                         role="foreign minister"),
            date=When("2020-10-23", "day", "relative"),
            place=Place("Washington", "District of Columbia", "USA", 38.9, -77.04, "point"),
            confidence=0.84),
        c.event("PROTEST", c.evidence(
            "Sejumlah pengunjuk rasa dari kedua sisi", trigger="pengunjuk rasa",
            target="Departemen Luar Negeri"),
            mode="demo", cameo_root="14",
            source=Actor("Sejumlah pengunjuk rasa dari kedua sisi", None, None, "CVL"),
            target=Actor("Departemen Luar Negeri", "US Department of State", "USA", "GOV"),
            date=When("2020-10-23", "day", "relative"),
            place=Place("Washington", "District of Columbia", "USA", 38.9, -77.04, "point"),
            confidence=0.6),
    )
    return CodedArticle(c.article, events, (claimed,))


def article_synthetic() -> CodedArticle:
    c = Coder(_article("t01_armenia_tuding", SYNTHETIC_TEXT,
                       title="Armenia Tuding Azerbaijan Serang Wilayahnya", published="2022-09-14",
                       source="contoh.test", url="https://contoh.test/armenia-tuding",
                       dateline="YEREVAN"))
    killed = c.figure("Sedikitnya 49 tentara Armenia", "killed", low=49, group="soldiers",
                      country="ARM")
    events = (
        c.event("ASSAULT", c.evidence(
            "Menurut Kementerian Pertahanan Armenia", more=("Sedikitnya 49 tentara",),
            trigger="menembaki", source="pasukan Azerbaijan", target="Jermuk", place="Jermuk"),
            mode="heavy-weapons", context=("military",), cameo_root="19",
            source=Actor("pasukan Azerbaijan", "Azerbaijan", "AZE", "MIL"),
            target=Actor("Jermuk", "Armenia", "ARM", None),
            date=When("2022-09-13", "day", "explicit"),
            place=Place("Jermuk", "Vayots Dzor", "ARM", 39.84, 45.67, "point"),
            figures=(killed,), attribution="Kementerian Pertahanan Armenia", confidence=0.79),
        c.event("ACCUSE", c.evidence(
            "YEREVAN – Pemerintah Armenia menuding", trigger="menuding",
            source="Pemerintah Armenia", target="pasukan Azerbaijan"),
            mode="allege", context=("military",), cameo_root="11",
            source=Actor("Pemerintah Armenia", "Armenia", "ARM", "GOV"),
            target=Actor("pasukan Azerbaijan", "Azerbaijan", "AZE", "MIL"),
            date=When("2022-09-13", "day", "explicit"), confidence=0.72),
        c.event("REJECT", c.evidence(
            "Azerbaijan membantah tuduhan", trigger="membantah", source="Azerbaijan"),
            context=("military",), cameo_root="12",
            source=Actor("Azerbaijan", "Azerbaijan", "AZE", "GOV"),
            target=Actor("Armenia", "Armenia", "ARM", "GOV"),
            date=When("2022-09-14", "day", "published"), confidence=0.5),
    )
    return CodedArticle(c.article, events, (killed,))


def sample_coded() -> list[CodedArticle]:
    """The hand-coded sample store: five sample articles and one synthetic second report."""
    return [article_000(), article_001(), article_002(), article_003(), article_004(),
            article_synthetic()]


def build_store(path) -> str:
    """A SQLite store at ``path`` holding ``sample_coded()``; returns its path as a string."""
    from warta.store import open_store
    store = open_store(str(path))
    try:
        store.add(sample_coded())
    finally:
        store.close()
    return str(path)


def event_id(article_id: str, event_type: str) -> str:
    """The id of the first hand-coded event of ``event_type`` in ``article_id``."""
    for coded in sample_coded():
        if coded.article.id == article_id:
            for event in coded.events:
                if event.event_type == event_type:
                    return event.id
    raise KeyError((article_id, event_type))

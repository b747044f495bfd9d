"""Date expressions: finding them and resolving them against the publication date."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.extract.dates import date_data, event_date, extract_dates, period_end
from warta.lang import load_language
from warta.model import Article
from warta.segment import segment

LANG = load_language("id")
DATA = Path(__file__).parent / "data" / "date_expressions.tsv"


def doc_of(text: str, published: str | None):
    return segment(Article(id="t", text=text, published=published, language="id"), LANG)


def dates_of(text: str, published: str | None = "2026-05-28"):
    return extract_dates(doc_of(text, published), LANG)


def annotated_rows():
    lines = [line for line in DATA.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", annotated_rows(), ids=lambda r: r["expression"])
def test_dates_annotated_expressions(row):
    mentions = dates_of(row["sentence"], row["published"])
    found = [m for m in mentions if m.span.text == row["expression"]]
    assert found, f"{row['expression']!r} not found in {[m.span.text for m in mentions]}"
    assert (found[0].when.value, found[0].when.precision) == (row["value"], row["precision"])


def test_dates_annotated_set_is_large_enough():
    assert len(annotated_rows()) >= 60


@pytest.mark.parametrize("text,published,value,derived", [
    ("Kunjungan pada 17 Februari 2026 di Phnom Penh.", "2026-02-17", "2026-02-17", "explicit"),
    ("Kunjungan pada 17 Februari 2026 di Phnom Penh.", None, "2026-02-17", "explicit"),
    ("Tanggal 24/10/2020 tercatat.", None, "2020-10-24", "explicit"),
    ("Perang pecah pada Maret 2011.", None, "2011-03", "explicit"),
    ("Perbatasan ditetapkan pada 1962.", None, "1962", "explicit"),
    ("Hubungan tegang sejak tahun 2008.", "2025-07-26", "2008", "explicit"),
    ("Dekrit itu terbit pada 1 Djanuari 1950.", None, "1950-01-01", "explicit"),   # dateparser fallback
    ("Serangan terjadi kemarin.", None, None, "relative"),
    ("Bertemu pada hari Kamis.", None, None, "relative"),
    ("Bentrokan pada 8 Desember.", None, None, "relative"),
    ("Bertemu pada Senin (19/9).", None, None, "relative"),
    ("Serangan terjadi kemarin.", "2026-05-28", "2026-05-27", "relative"),
    ("Bentrokan pada 8 Desember.", "2025-12-26", "2025-12-08", "relative"),
])
def test_dates_derived(text, published, value, derived):
    mentions = dates_of(text, published)
    assert len(mentions) == 1
    assert (mentions[0].when.value, mentions[0].when.derived) == (value, derived)
    if value is None:
        assert mentions[0].when.precision == "unknown"


NON_DATES = Path(__file__).parent / "data" / "date_non_dates.txt"


def non_date_sentences() -> list[str]:
    lines = NON_DATES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("text", non_date_sentences())
def test_dates_not_dates(text):
    assert dates_of(text) == ()


@pytest.mark.parametrize("text,published,tense", [
    ("Negosiasi diperkirakan akan dilanjutkan pada hari Jumat.", "2025-12-26", "future"),
    ("Delegasi dijadwalkan tiba pada Senin.", "2025-12-26", "future"),
    ("Serangan telah terjadi pada Senin.", "2025-12-26", "past"),
    ("Pertemuan digelar pada Senin.", "2025-12-26", None),
])
def test_dates_tense(text, published, tense):
    (mention,) = dates_of(text, published)
    assert mention.tense == tense


@pytest.mark.parametrize("text,published,value", [
    ("SEA Games digelar di Malaysia 19 - 31 Agustus.", "2017-08-15", "2017-08-19"),
    ("Semua persiapan sudah selesai pada 10 Oktober.", "2017-09-30", "2017-10-10"),
    ("Serangan itu telah terjadi pada 20 September.", "2017-09-30", "2017-09-20"),
    ("Serangan itu terjadi pada 28 Desember.", "2026-01-05", "2025-12-28"),
    ("Pertemuan akan digelar pada 3 Januari.", "2025-12-28", "2026-01-03"),
    ("Pertemuan akan digelar Senin (3/1).", "2025-12-28", "2026-01-03"),
    ("Pertemuan digelar Senin (29/12).", "2026-01-02", "2025-12-29"),
])
def test_dates_day_month_year_choice(text, published, value):
    (mention,) = dates_of(text, published)
    assert mention.when.value == value


def test_dates_sorted_and_offsets_cut_the_text():
    text = ("Pertemuan berlangsung pada hari Rabu. Panggilan itu terjadi sehari setelah pertemuan. "
            "Pada 8 Desember, bentrokan terjadi lagi. Pekan lalu kedua pihak berunding.")
    doc = doc_of(text, "2025-12-26")
    mentions = extract_dates(doc, LANG)
    assert [m.span.start for m in mentions] == sorted(m.span.start for m in mentions)
    for m in mentions:
        assert doc.text[m.span.start:m.span.end] == m.span.text
        assert doc.sentences[m.sentence_index].start <= m.span.start < doc.sentences[m.sentence_index].end


@pytest.mark.parametrize("text,expression,value", [
    # the chain names a happening the next sentence dates: Wednesday + 1
    ("Panggilan tersebut terjadi sehari setelah kedua negara mengadakan pembicaraan.\n"
     "Pertemuan berlangsung pada hari Rabu di Chanthaburi.", "sehari setelah", "2025-12-25"),
    # the sentence dates its own main clause
    ("Bentrokan dimulai kembali pada 8 Desember, sehari setelah sebuah insiden perbatasan.",
     "sehari setelah", "2025-12-08"),
    # counted from an explicit date right after it
    ("Gencatan senjata berlaku dua hari setelah 8 Desember.", "dua hari setelah", "2025-12-10"),
    # counted from the previous dated happening
    ("Serangan terjadi pada Senin (15/12).\nEnam orang tewas sehari sebelumnya.", "sehari sebelumnya",
     "2025-12-14"),
    ("Pasukan masuk pada Senin (15/12).\nKeesokan harinya, pasukan mundur.", "Keesokan harinya",
     "2025-12-16"),
])
def test_dates_chains(text, expression, value):
    mentions = dates_of(text, "2025-12-26")
    found = [m for m in mentions if m.span.text == expression]
    assert found and found[0].when.value == value


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)),
       st.sampled_from(["kemarin", "hari ini", "besok", "lusa", "pekan lalu", "bulan lalu", "tahun lalu",
                        "tahun depan", "pada hari Kamis", "Senin (19/9)", "pada 29 Februari",
                        "pada bulan Oktober", "bulan depan", "akhir pekan ini", "awal bulan ini"]),
       st.integers(min_value=1, max_value=60),
       st.sampled_from(["hari", "pekan", "bulan", "tahun"]),
       st.sampled_from(["lalu", "lagi", "yang lalu", "mendatang"]))
def test_dates_relative_within_two_years(published, phrase, n, unit, direction):
    text = f"Serangan terjadi {phrase}. Pertemuan itu {n} {unit} {direction}."
    for m in dates_of(text, published.isoformat()):
        assert m.when.derived == "relative"
        if m.when.value is None:
            assert m.when.precision == "unknown"
            continue
        first, last = _period(m.when.value)
        distance = max((first - published).days, (published - last).days, 0)
        assert distance <= 2 * 366


def _period(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date value covers (a day, a week's Monday, a month or a year)."""
    if len(value) == 4:
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    if len(value) == 7:
        y, m = map(int, value.split("-"))
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
    day = dt.date.fromisoformat(value)
    return day, day + dt.timedelta(days=6)


def test_dates_no_publication_means_unknown_relative_and_explicit_stays():
    mentions = dates_of("Serangan terjadi kemarin dan pada 17 Februari 2026.", None)
    assert [(m.when.value, m.when.precision) for m in mentions] == [(None, "unknown"), ("2026-02-17", "day")]


# ----------------------------------------------------------------------------------- event_date

def dated_doc(text: str, published: str | None):
    doc = doc_of(text, published)
    return doc.with_layer(dates=extract_dates(doc, LANG))


@pytest.mark.parametrize("text,trigger,status,value,derived", [
    ("Rubio berbicara pada hari Kamis dengan Hun Manet.", "berbicara", "asserted", "2025-12-25", "relative"),
    ("Negosiasi diperkirakan akan dilanjutkan pada hari Jumat.", "dilanjutkan", "planned", "2025-12-26",
     "relative"),
    ("Bentrokan dimulai kembali pada 8 Desember, sehari setelah sebuah insiden melukai dua tentara.",
     "dimulai", "asserted", "2025-12-08", "relative"),
    ("Bentrokan dimulai kembali pada 8 Desember, sehari setelah sebuah insiden melukai dua tentara.",
     "melukai", "asserted", "2025-12-07", "relative"),
    ("Kedua menteri bertemu di Bangkok.", "bertemu", "asserted", "2025-12-26", "published"),
    ("Sejak 8 Desember, pasukan menyerang pada hari Rabu.", "menyerang", "asserted", "2025-12-24",
     "relative"),
    ("Pasukan menyerang pada Selasa (23/12).\nSerangan itu menewaskan lima orang.", "menewaskan",
     "asserted", "2025-12-23", "relative"),
    ("Pasukan menyerang pada Selasa (16/12).\nPresiden mengecam serangan.", "mengecam", "asserted",
     "2025-12-26", "published"),
    ("Pasukan menyerang pada Selasa (23/12).\nPresiden mengecam serangan.", "mengecam", "asserted",
     "2025-12-23", "relative"),
    ("Pasukan menyerang pada Selasa (23/12).\nPresiden akan mengecam serangan.", "mengecam", "planned",
     "2025-12-26", "published"),
    ("Menteri bertemu dengan duta besar baru Laos\nuntuk membahas berbagai masalah pada 20 Desember.",
     "bertemu", "asserted", "2025-12-20", "relative"),
    ("Perjanjian diteken pada bulan Oktober di Malaysia.", "diteken", "asserted", "2025-10", "relative"),
    # the article's news day: its first news-style date a few days before publication
    ("Menteri berbicara kepada wartawan, Rabu (24/12).\nCuaca cerah di ibu kota.\nPresiden mengecam serangan.",
     "mengecam", "asserted", "2025-12-24", "published"),
    ("Menteri berbicara kepada wartawan, Jumat (26/12).\nCuaca cerah di ibu kota.\nPresiden mengecam serangan.",
     "mengecam", "asserted", "2025-12-26", "published"),
    ("Menteri berbicara kepada wartawan, Selasa (16/12).\nCuaca cerah di ibu kota.\nPresiden mengecam serangan.",
     "mengecam", "asserted", "2025-12-26", "published"),
    ("Menteri berbicara kepada wartawan pada 24 Desember.\nCuaca cerah di ibu kota.\nPresiden mengecam serangan.",
     "mengecam", "asserted", "2025-12-26", "published"),
    ("Menteri berbicara kepada wartawan, Rabu (24/12).\nCuaca cerah di ibu kota.\nPresiden akan mengecam serangan.",
     "mengecam", "planned", "2025-12-26", "published"),
    (("Menteri berbicara kepada wartawan, Rabu (24/12).\nCuaca cerah di ibu kota.\nPresiden mengecam serangan "
      "pada 20 Desember."), "mengecam", "asserted", "2025-12-20", "relative"),
    # a day without a year for a happening reported as done lies before publication
    ("Pasukan menyerang desa itu pada 20 Juni.", "menyerang", "asserted", "2025-06-20", "relative"),
    ("Pasukan akan menyerang desa itu pada 20 Juni.", "menyerang", "planned", "2026-06-20", "relative"),
    ("Pasukan menyerang desa itu pada 2 Januari.", "menyerang", "asserted", "2026-01-02", "relative"),
    ("Pasukan menyerang desa itu pada 20 Desember.", "menyerang", "asserted", "2025-12-20", "relative"),
    # a chain of sentences pointing back reaches the day of the happening they go on telling
    (("Pasukan menyerang pada Selasa (16/12).\nSerangan itu menargetkan gudang senjata.\nMerespons serangan itu, "
      "milisi menembakkan roket."), "menembakkan", "asserted", "2025-12-16", "relative"),
    (("Pasukan menyerang pada Selasa (16/12).\nSerangan tersebut menargetkan gudang.\nDalam serangan itu, "
      "lima orang tewas."), "tewas", "asserted", "2025-12-16", "relative"),
    (("Pasukan menyerang pada Selasa (16/12).\nCuaca buruk melanda kawasan.\nMerespons serangan itu, "
      "milisi menembakkan roket."), "menembakkan", "asserted", "2025-12-26", "published"),
    (("Pasukan menyerang pada Selasa (16/12).\n\"Kami siap membalas,\" kata komandan.\nMenurut dia, milisi itu "
      "menembakkan roket."), "menembakkan", "asserted", "2025-12-26", "published"),
    # a date of a background happening named by a noun ("sejak serangan 20 Desember") dates that
    # happening, not the event of the clause, which takes its own date first
    ("Pasukan menyerang desa itu pada Selasa setelah serangan 20 Desember.", "menyerang", "asserted",
     "2025-12-23", "relative"),
    ("Pasukan menyerang desa itu pada Selasa setelah serangan 20 Desember.", "serangan", "asserted",
     "2025-12-20", "relative"),
    ("Sejak serangan 20 Desember, pasukan menembaki desa itu pada Rabu.", "menembaki", "asserted",
     "2025-12-24", "relative"),
    ("Sejak serangan 20 Desember, pasukan menembaki desa itu.", "menembaki", "asserted", "2025-12-20",
     "relative"),
    ("Menjelang pertemuan menteri pada Jumat, kedua negara menandatangani perjanjian pada Rabu.",
     "menandatangani", "asserted", "2025-12-24", "relative"),
    # an event told as the background of its clause ("naik pada Senin setelah serangan ...") does not
    # take the clause's date; one of its own phrase it keeps
    ("Harga minyak naik pada Senin (15/12) setelah serangan terbaru pasukan itu.", "serangan", "asserted",
     "2025-12-26", "published"),
    ("Harga minyak naik pada Senin (15/12) setelah serangan terbaru pasukan itu.", "naik", "asserted",
     "2025-12-15", "relative"),
    ("Harga minyak naik setelah serangan pasukan itu pada 10 Desember.", "serangan", "asserted",
     "2025-12-10", "relative"),
    ("Kunjungan itu balasan atas kunjungan Presiden Laos ke Jakarta, Oktober lalu.", "kunjungan Presiden",
     "asserted", "2025-10", "relative"),
    # a retaliation or "at the same time" goes on telling the day told just before
    ("Pasukan menyerang pada Selasa (16/12).\nMilisi membalas dengan menembakkan roket.", "menembakkan",
     "asserted", "2025-12-16", "relative"),
    ("Pasukan menyerang pada Selasa (16/12).\nSebagai balasan, milisi menembakkan roket.", "menembakkan",
     "asserted", "2025-12-16", "relative"),
    ("Pasukan menyerang pada Selasa (16/12).\nPada saat yang sama, milisi menembakkan roket.", "menembakkan",
     "asserted", "2025-12-16", "relative"),
    ("Pasukan menyerang pada Selasa (16/12).\nPara menteri bekerja sama dengan milisi.", "bekerja",
     "asserted", "2025-12-26", "published"),
    # a date right after a noun naming a violent happening names that happening ("pembantaian 7
    # Oktober"): another trigger does not take it; the noun's own event keeps it
    ("Pasukan menyerang Gaza dan menewaskan salah satu arsitek pembantaian 7 Oktober.", "menyerang",
     "asserted", "2025-12-26", "published"),
    ("Polisi menahan tersangka serangan 14 Juli di Yerusalem.", "menahan", "asserted", "2025-12-26", "published"),
    ("Polisi menahan tersangka serangan 14 Juli di Yerusalem pada Senin.", "menahan", "asserted", "2025-12-22",
     "relative"),
    ("Serangan 14 Desember itu menewaskan lima orang.", "Serangan", "asserted", "2025-12-14", "relative"),
    # a meeting dated by its noun still dates what was agreed there
    ("Dalam pertemuan 12 Desember, kedua menteri sepakat membuka kembali perbatasan.", "sepakat", "asserted",
     "2025-12-12", "relative"),
    # scare quotes or a quoted name do not cut the clause: the day after them is the trigger's own
    ('Awal pekan ini, militer mengonfirmasi serangan "membela diri" di selatan pada Senin, kata pejabat.',
     "serangan", "asserted", "2025-12-22", "relative"),
    ('Pekan lalu, pasukan itu menggelar operasi "Badai Pasir" di perbatasan pada Rabu.', "operasi", "asserted",
     "2025-12-24", "relative"),
    # a full quotation still cuts it: the day outside belongs to the speaking
    ('Pekan lalu, pasukan itu menyerang desa, "kami tidak punya pilihan lain selain membalas," kata komandan pada Rabu.',
     "menyerang", "asserted", "2025-12-15", "relative"),
])
def test_dates_event_date(text, trigger, status, value, derived):
    doc = dated_doc(text, "2025-12-26")
    anchor = doc.text.index(trigger)
    si = doc.sentence_of(anchor).index
    when = event_date(doc, si, anchor, status)
    assert (when.value, when.derived) == (value, derived)


def test_dates_event_date_without_publication_is_unknown():
    doc = dated_doc("Kedua menteri bertemu pada hari Kamis di Bangkok.", None)
    assert event_date(doc, 0, doc.text.index("bertemu"), "asserted").value is None
    doc = dated_doc("Kedua menteri bertemu di Bangkok.", None)
    when = event_date(doc, 0, doc.text.index("bertemu"), "asserted")
    assert (when.value, when.precision, when.derived) == (None, "unknown", "published")


# ----------------------------------------------------------------------------------- gold

def test_dates_gold_dev_expressions_resolve_to_gold_dates():
    """Where a gold event's cue holds a date expression, it resolves to the gold date."""
    import json

    from conftest import shared_path
    from warta.pipeline import build_document, prepare_article
    checked = 0
    with shared_path("gold", "dev.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for row in rows:
        gold = json.loads(shared_path("gold", "dev", f"{row['id']}.json").read_text(encoding="utf-8"))
        doc = build_document(prepare_article(Article.from_dict(row)), LANG)
        for event in gold["events"]:
            if not event.get("date"):
                continue
            parts = [p.strip() for p in event["cue"].split("...")]
            starts = [doc.text.find(p) for p in parts if p and doc.text.find(p) >= 0]
            if not starts:
                continue
            lo = min(starts)
            hi = max(doc.text.find(p) + len(p) for p in parts if p and doc.text.find(p) >= 0)
            inside = [m for m in doc.dates if lo <= m.span.start and m.span.end <= hi]
            if not inside:
                continue
            values = [m.when.value or "" for m in inside]
            assert any(v.startswith(event["date"]) for v in values), (row["id"], event["cue"], values)
            checked += 1
    assert checked >= 5


@pytest.mark.parametrize("text,published,expression,value", [
    ("Dalam pertemuan di New York pada Senin (19/9) waktu setempat, Blinken berbicara.", "2022-09-20",
     "Senin (19/9) waktu setempat", "2022-09-19"),
    ("Rubio mengangkat isu tersebut dalam panggilan telepon pada hari Kamis.", "2025-12-26", "hari Kamis",
     "2025-12-25"),
    ("Bentrokan dimulai kembali pada 8 Desember.", "2025-12-26", "8 Desember", "2025-12-08"),
    ("Sar Kheng akan membahas berbagai masalah pada 20 April.", "2022-04-22", "20 April", "2022-04-20"),
    ("AS berupaya mengakhiri pertempuran, pada Jumat (23/10/2020).", "2020-10-24", "Jumat (23/10/2020)",
     "2020-10-23"),
])
def test_dates_brief_examples(text, published, expression, value):
    found = [m for m in dates_of(text, published) if m.span.text == expression]
    assert found and found[0].when.value == value


# ----------------------------------------------------------------------------------- one scan

SCAN_ROWS = [
    "Presiden bertemu Menlu pada Senin (19/9) dan Selasa dini hari (20/9/2022) di Jakarta.",
    "SENIN (19/9) pasukan menyerang; tgl. 5 Mei 2024 dan tanggal 6 Mei ada pertemuan.",
    "Perundingan pada   Oktober lalu, awal bulan ini, dua hari lalu, sepekan kemudian dan kemarin.",
    "Pada hari\nKamis pagi, 24/10/2020, 2022-09-13 dan 20-21 Juni 2024 pasukan bergerak.",
    "Sejak 2014 hingga tahun 2020, pada 2000 orang, (5/10) dari warga, Pasar Minggu lalu.",
    "Pada Minggu lalu, Jumat pekan lalu, 3 Brumaire 1799 dan 12 Mayıs 2020 di İstanbul.",
    "Sehari setelah pertemuan 8 Desember, ( 23/10 ) pagi, Sept. 2023 dan medio Juli mendatang.",
    "ſejak Oktober, pada hari Kamis (KELVIN K) dan ı: huruf yang dilipat lain oleh mesin regex.",
    "",
    "Tanpa tanggal sama sekali, hanya kata-kata biasa tentang hari yang cerah.",
]


@pytest.mark.parametrize("text", SCAN_ROWS)
def test_dates_scan_only_at_openings_equals_every_position(text):
    """Trying each pattern only where it can open finds what trying every position finds."""
    from warta.extract.dates import scan as layer
    data = date_data(LANG)
    every = [layer.Found(kind, f.start, f.end, f.groups) for kind, rx in data.patterns
             for f in [layer.accept(kind, m, text, data) for m in rx.finditer(text)] if f is not None]
    found = layer.scan(text, data)
    taken: list = []
    expected = []
    for f in every:
        if not any(f.start < e and s < f.end for s, e in taken):
            taken.append((f.start, f.end))
            expected.append(f)
    assert found == sorted(expected, key=lambda f: f.start)


def test_dates_scan_openers_name_every_pattern():
    from warta.extract.dates import grammar
    data = date_data(LANG)
    assert tuple(kind for kind, _ in data.patterns) == grammar.PATTERN_ORDER


@pytest.mark.parametrize("text,value", [
    (("Ketegangan meningkat sejak Mei lalu ketika tentara Thailand dan Kamboja bentrok di perbatasan.\n"
      "Bentrokan antara tentara Thailand dan Kamboja pecah lagi pada Kamis (24/7/2025)."), "2025-07-24"),
    (("Tentara Thailand dan Kamboja bentrok di perbatasan pada Mei lalu.\n"
      "Bentrokan antara tentara Thailand dan Kamboja masih berlangsung."), "2025-05"),
])
def test_dates_clash_told_twice_keeps_the_day(text, value):
    """A clash told in several sentences keeps the earliest day named, a month only without one."""
    from warta.pipeline import code_article
    events = [e for e in code_article(Article(id="t", text=text, published="2025-07-26", language="id")).events
              if e.event_type == "ASSAULT"]
    assert len(events) == 1 and events[0].date.value == value


@pytest.mark.parametrize("value, last", [
    ("2025", dt.date(2025, 12, 31)),
    ("2024-02", dt.date(2024, 2, 29)),
    ("2025-12", dt.date(2025, 12, 31)),
    ("2025-06-13", dt.date(2025, 6, 13)),
    ("2025-13", None),
    ("kemarin", None),
])
def test_dates_period_end(value, last):
    assert period_end(value) == last


SCAN_OPENING_ROWS = [
    "Pada 12 Oktober 2025 (Minggu) pasukan tiba, 3 hari lalu; 1/2 dan 2.5 bukan tanggal.",
    "Senin (13/10/2025) pukul 10.00 WIB, bulan lalu dan tahun depan, pekan ini.",
    "Serangan 7 Oktober 2023 terjadi pada Sabtu. Pada 2000 orang. x12 Mei, -5 Juni, /6 Juli.",
    "Rabu, 1 Januari 2025 — pada awal Maret, akhir 2024, (Kamis, 2/1). Sejak 1998-2000.",
    "Tgl. 5 Agt. 2024 dan tgl 6 Sept 2024; sepekan kemudian, dua tahun lalu, esok hari.",
    "“Pada 17 Agustus”, katanya (2025). Sebelumnya, di 2019 dan pada tahun 2018 lalu.",
    "İstanbul, 3 Mart 2025 (Pazartesi): pada 12 Mei lalu.",
    "Erdoğan tiba Selasa (4/3) pukul 09.30; pada Minggu lalu, 3 minggu lalu.",
    "",
    "12",
    "(1)",
]


@pytest.mark.parametrize("text", SCAN_OPENING_ROWS, ids=range(len(SCAN_OPENING_ROWS)))
def test_dates_scan_opening_positions_equal_every_position(text, monkeypatch):
    """Trying each pattern only where it can open finds what trying every position finds."""
    from warta.extract.dates import scan as scan_module
    data = date_data(load_language("id"))
    quick = [(f.kind, f.start, f.end, f.groups) for f in scan_module.scan(text, data)]
    monkeypatch.setattr(scan_module, "_opening_positions", lambda text, data: None)
    every = [(f.kind, f.start, f.end, f.groups) for f in scan_module.scan(text, data)]
    assert quick == every


@pytest.mark.parametrize("text", SCAN_OPENING_ROWS + ["a1 -2 /3 .4 _5 ٣ 6", "١٢ ٣"],
                         ids=range(len(SCAN_OPENING_ROWS) + 2))
def test_dates_scan_digit_openings_equal_lookbehind_first(text):
    import re
    from warta.extract.dates.scan import DIGIT_START
    assert [m.start() for m in DIGIT_START.finditer(text)] == \
        [m.start() for m in re.finditer(r"(?<![\w/.-])\d", text)]


@pytest.mark.parametrize("text,around,clause", [
    ('Militer mengonfirmasi serangan "membela diri" di selatan pada Senin, kata pejabat.', "serangan",
     'Militer mengonfirmasi serangan "membela diri" di selatan pada Senin'),
    ("Militer mengonfirmasi serangan “Badai Pasir” di selatan pada Senin, kata pejabat.", "serangan",
     "Militer mengonfirmasi serangan “Badai Pasir” di selatan pada Senin"),
    # a quoted clause of five words or more, or one holding a comma, stays a clause of its own
    ('Militer mengonfirmasi serangan "yang kami lakukan untuk membela diri" pada Senin.', "serangan",
     "Militer mengonfirmasi serangan "),
    ('"Kami siap," kata dia "dan juga" pada Senin.', "kata", ' kata dia "dan juga" pada Senin.'),
    ("Pasukan menyerang, kata dia pada Senin.", "kata", " kata dia pada Senin."),
    ("Pasukan menyerang pada Senin.", "menyerang", "Pasukan menyerang pada Senin."),
])
def test_dates_clause_bounds(text, around, clause):
    from warta.extract.dates.mentions import clause_bounds
    at = text.index(around)
    left, right = clause_bounds(text, 0, len(text), at, at)
    assert text[left:right] == clause


@pytest.mark.parametrize("second,value,derived", [
    # a bare year or a date years before, stated by another sentence of the merged event, tells
    # another happening told in passing: the event keeps the article's date
    ("Ia juga mengenang pertemuannya dengan Presiden Joko Widodo dua tahun lalu di Bali.", "2017-01-06",
     "published"),
    ("Ia juga mengenang pertemuannya dengan Presiden Prabowo pada 2015.", "2017-01-06", "published"),
    # a day of the past year or of this month, stated by another sentence, dates the happening
    ("Ia juga mengenang pertemuannya dengan Presiden Prabowo pada 14 April.", "2016-04-14", "relative"),
    ("Ia juga mengenang pertemuannya dengan Presiden Prabowo pada Selasa (3/1).", "2017-01-03", "relative"),
])
def test_dates_merged_event_date(second, value, derived):
    from warta.model import Article
    from warta.pipeline import code_article
    text = "Presiden Prancis Emmanuel Macron bertemu Presiden Prabowo.\n" + second
    found = [e for e in code_article(Article(id="t", text=text, published="2017-01-06", language="id")).events
             if e.event_type == "CONSULT"]
    assert len(found) == 1 and found[0].evidence.more, found
    assert (found[0].date.value, found[0].date.derived) == (value, derived)

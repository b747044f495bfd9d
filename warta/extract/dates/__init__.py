"""Date expressions: find them, resolve them against the publication date, date events.

``extract_dates`` scans a document once with small patterns built from the language's month,
day and relative-phrase tables (``date_*.tsv``/``.txt``) and resolves each expression:

- explicit: the text names the calendar date, a month with its year, or a year
  ("17 Februari 2026", "24/10/2020", "Oktober 2023", "tahun 2008", "pada 1962");
- relative: it needs the publication date ("Senin (19/9)", "pada hari Kamis", "8 Desember",
  "kemarin", "tiga pekan lalu", "bulan Oktober"), or another happening of the article
  ("sehari setelah ...", "keesokan harinya").

Past or future follows the clause (``date_tense.tsv``): a past clause takes the nearest matching
day not after publication, a future clause the nearest not before it. A relative expression never
resolves beyond two years of publication (it becomes ``unknown``); explicit ones stay as written.
Without a publication date relative expressions are ``unknown``, never guessed.

Each pattern is tried only where it can open (one of its opening words, found for all patterns
by one Aho-Corasick pass, a digit or a "("), which finds exactly what running every pattern over
the whole text finds.

``event_date`` picks the date of one event from the document's date layer.

Modules: ``grammar`` (the compiled tables), ``scan`` (finding expressions), ``resolve`` (one
expression against the publication date), ``chains`` (expressions counted from another
happening), ``mentions`` (the layer: ``extract_dates``), ``event_dates`` (``event_date``).
"""
from warta.extract.dates.event_dates import event_date
from warta.extract.dates.grammar import DateData, date_data, word_classes
from warta.extract.dates.mentions import extract_dates
from warta.extract.dates.resolve import parse_iso, period_end

__all__ = ["DateData", "date_data", "event_date", "extract_dates", "parse_iso", "period_end", "word_classes"]

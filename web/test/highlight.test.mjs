// Unit tests of the highlighting arithmetic (node --test web/test/); DOM-free functions only.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eventSpans, segments } from "../src/highlight.js";

const text = "Awal. Pasukan Azerbaijan menyerang Armenia pada Selasa. Akhir.";
const start = text.indexOf("Pasukan");
const end = text.indexOf(" Akhir");
const event = {
  evidence: {
    start, end, text: text.slice(start, end),
    fields: {
      source: { start, end: start + 18, text: "Pasukan Azerbaijan" },
      trigger: { start: text.indexOf("menyerang"), end: text.indexOf("menyerang") + 9, text: "menyerang" },
      target: { start: text.indexOf("Armenia"), end: text.indexOf("Armenia") + 7, text: "Armenia" },
      date: { start: text.indexOf("Selasa"), end: text.indexOf("Selasa") + 6, text: "Selasa" },
    },
  },
  figures: [],
};

test("spans of an event check every offset against the text", () => {
  const { spans, problems } = eventSpans(event, text);
  assert.deepEqual(problems, []);
  assert.equal(spans.length, 5);
  for (const s of spans) assert.ok(s.end > s.start);
});

test("segments cover the text exactly once, in order", () => {
  const { spans } = eventSpans(event, text);
  const segs = segments(text, spans);
  assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(""), text);
  assert.equal(segs[0].evidence, null);
  assert.equal(segs[segs.length - 1].evidence, null);
});

const cases = [
  ["Pasukan Azerbaijan", ["source"]],
  ["menyerang", ["trigger"]],
  ["Armenia", ["target"]],
  ["Selasa", ["date"]],
  [" pada ", []],
];
for (const [piece, fields] of cases) {
  test(`segment "${piece}" carries fields ${JSON.stringify(fields)} inside the evidence`, () => {
    const { spans } = eventSpans(event, text);
    const seg = segments(text, spans).find((s) => text.slice(s.start, s.end) === piece);
    assert.ok(seg, piece);
    assert.deepEqual(seg.fields, fields);
    assert.ok(seg.evidence);
  });
}

test("overlapping fields (target and place on one word) give one segment with both", () => {
  const at = text.indexOf("Armenia");
  const both = { ...event, evidence: { ...event.evidence, fields: {
    target: { start: at, end: at + 7, text: "Armenia" }, place: { start: at, end: at + 7, text: "Armenia" } } } };
  const { spans } = eventSpans(both, text);
  const seg = segments(text, spans).find((s) => s.start === at);
  assert.deepEqual(seg.fields, ["target", "place"]);
});

const bad = [
  ["offsets past the end", { start: 10, end: 999, text: "x" }],
  ["negative start", { start: -1, end: 3, text: "Awa" }],
  ["text that does not match", { start: 0, end: 4, text: "Bukan" }],
  ["empty span", { start: 3, end: 3, text: "" }],
];
for (const [name, evidence] of bad) {
  test(`an evidence span with ${name} is reported, not highlighted`, () => {
    const { spans, problems } = eventSpans({ evidence, figures: [] }, text);
    assert.equal(spans.length, 0);
    assert.equal(problems.length, 1);
  });
}

// The article text with the evidence sentence(s) and each coded field marked at its offsets.
import { el } from "./dom.js";

export const FIELD_ORDER = ["trigger", "source", "target", "date", "place", "figure"];

// Spans of one event: [{start, end, kind: "evidence" | field name, label}], checked against the text.
export function eventSpans(event, text) {
  const spans = [];
  const problems = [];
  const add = (start, end, kind, expected) => {
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end)) {
      problems.push(`${kind}: offsets ${start}–${end} fall outside the text`);
      return;
    }
    if (expected !== undefined && expected !== null && text.slice(start, end) !== expected) {
      problems.push(`${kind}: the text at ${start}–${end} is not “${expected}”`);
      return;
    }
    spans.push({ start, end, kind });
  };
  const evidence = event.evidence || {};
  add(evidence.start, evidence.end, "evidence", evidence.text);
  for (const more of evidence.more || []) add(more.start, more.end, "evidence", more.text);
  for (const [name, span] of Object.entries(evidence.fields || {})) add(span.start, span.end, name, span.text);
  for (const f of event.figures || []) {
    if (f.end > f.start) add(f.start, f.end, "figure", f.text);
  }
  return { spans, problems };
}

// Cut the text at every span boundary; each piece knows its evidence span and the fields over it.
export function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    if (start === end) continue;
    const over = spans.filter((s) => s.start <= start && end <= s.end);
    const evidence = over.find((s) => s.kind === "evidence") || null;
    const fields = [...new Set(over.filter((s) => s.kind !== "evidence").map((s) => s.kind))]
      .sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
    out.push({ start, end, evidence, fields });
  }
  return out;
}

// Fill `container` with the text, evidence in <mark class="hl-evidence">, fields in <mark class="hl-field">.
export function renderHighlighted(container, text, spans) {
  let current = null;
  let currentSpan = null;
  let first = null;
  for (const seg of segments(text, spans)) {
    const piece = text.slice(seg.start, seg.end);
    let node = document.createTextNode(piece);
    if (seg.fields.length) {
      node = el("mark", {
        class: `hl-field ${seg.fields.map((f) => `hl-${f}`).join(" ")}`,
        "data-field": seg.fields.join(" "),
        title: seg.fields.join(", "),
      }, piece);
    }
    if (seg.evidence) {
      if (currentSpan !== seg.evidence) {
        current = el("mark", { class: "hl-evidence", "data-start": seg.evidence.start, "data-end": seg.evidence.end });
        currentSpan = seg.evidence;
        container.append(current);
        if (!first) first = current;
      }
      current.append(node);
    } else {
      current = null;
      currentSpan = null;
      container.append(node);
    }
  }
  return first;
}

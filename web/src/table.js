// The event table: one focusable row per event; click or Enter opens it.
import { el, formatNumber } from "./dom.js";
import { actorLabel, dateLabel, killedOf, placeLabel, quadOf } from "./plover.js";

export function eventRow(event, onOpen) {
  const quad = quadOf(event.event_type);
  const killed = killedOf(event);
  const open = () => onOpen(event.id, row);
  const row = el("tr", {
    tabindex: "0",
    class: `event-row ${event.status !== "asserted" ? "not-asserted" : ""}`,
    "data-event-id": event.id,
    "aria-describedby": "row-hint",
    onclick: open,
    onkeydown: (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        open();
      }
    },
  },
  el("td", { class: "c-date" }, dateLabel(event.date)),
  el("td", { class: "c-type" },
    el("span", { class: `chip chip-${quad}`, title: quad }, event.event_type),
    event.mode ? el("span", { class: "mode" }, ` ${event.mode}`) : null,
    event.status !== "asserted" ? el("span", { class: "status" }, ` (${event.status})`) : null),
  el("td", { class: "c-actor" }, actorLabel(event.source)),
  el("td", { class: "c-actor" }, actorLabel(event.target)),
  el("td", { class: "c-place" }, placeLabel(event.place)),
  el("td", { class: "c-num" }, killed ? formatNumber(killed) : ""),
  el("td", { class: "c-outlet" }, event.outlet || ""),
  el("td", { class: "c-evidence" }, snippet(event.evidence && event.evidence.text)));
  return row;
}

function snippet(text) {
  if (!text) return "";
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}

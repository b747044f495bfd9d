// The event dialog: coded fields, the article with evidence and fields highlighted, other sources.
import { get } from "./api.js";
import { clear, el, formatNumber } from "./dom.js";
import { eventSpans, renderHighlighted } from "./highlight.js";
import { actorLabel, figureLabel, placeLabel, quadOf } from "./plover.js";

const FIELD_NAMES = { trigger: "Trigger", source: "Source", target: "Target", date: "Date", place: "Place",
  figure: "Figures" };

function fieldText(event, name) {
  const span = event.evidence && event.evidence.fields && event.evidence.fields[name];
  return span ? span.text : null;
}

function summary(event) {
  const date = event.date && event.date.value
    ? `${event.date.value}${event.date.end ? ` – ${event.date.end}` : ""} (${event.date.precision}, ${event.date.derived})`
    : "unknown";
  const rows = [
    ["Type", `${event.event_type}${event.mode ? ` · ${event.mode}` : ""} (${quadOf(event.event_type)}; CAMEO ${event.cameo_root || "—"})`, "trigger"],
    ["Source", actorLabel(event.source), "source"],
    ["Target", actorLabel(event.target), "target"],
    ["Date", date, "date"],
    ["Place", placeLabel(event.place), "place"],
    ["Figures", (event.figures || []).map(figureLabel).join("; ") || "—", "figure"],
    ["Status", event.status + (event.attribution ? `, according to ${event.attribution}` : ""), null],
    ["Context", (event.context || []).join(", ") || "—", null],
    ["Confidence", `${Math.round((event.confidence || 0) * 100)}% · coder ${event.coder_version || "?"}`, null],
  ];
  return el("dl", { class: "fields" }, rows.map(([name, value, field]) => {
    const words = field && field !== "figure" ? fieldText(event, field) : null;
    return [
      el("dt", {}, field ? el("span", { class: `swatch hl-${field}`, "aria-hidden": "true" }) : null, name),
      el("dd", {}, value, words ? el("span", { class: "words" }, ` — “${words}”`) : null),
    ];
  }));
}

function legend() {
  return el("p", { class: "legend", "aria-hidden": "true" },
    el("mark", { class: "hl-evidence" }, "evidence sentence"), " ",
    Object.entries(FIELD_NAMES).map(([k, v]) => [el("mark", { class: `hl-field hl-${k}` }, v.toLowerCase()), " "]));
}

async function showArticle(pane, articleId, event) {
  clear(pane);
  pane.append(el("p", { class: "loading" }, "Loading the article…"));
  const article = await get(`/articles/${encodeURIComponent(articleId)}`);
  clear(pane);
  const meta = [article.source, article.published].filter(Boolean).join(" · ");
  pane.append(el("h3", { id: "article-title" }, article.title || article.id));
  pane.append(el("p", { class: "article-meta" }, meta,
    article.url ? [" · ", el("a", { href: article.url, rel: "noreferrer noopener", target: "_blank" }, "original")] : null,
    article.duplicate_of ? ` · near-duplicate of ${article.duplicate_of}` : null));
  const body = el("div", { class: "article-text", tabindex: "0", role: "document",
    "aria-labelledby": "article-title" });
  let first = null;
  if (event) {
    const { spans, problems } = eventSpans(event, article.text);
    if (problems.length) {
      pane.append(el("p", { class: "warning", role: "alert" },
        `Some offsets do not match the stored text: ${problems.join("; ")}`));
    }
    first = renderHighlighted(body, article.text, spans);
  } else {
    body.append(article.text);
  }
  pane.append(body);
  if (first) {
    const offset = first.getBoundingClientRect().top - body.getBoundingClientRect().top;
    body.scrollTop = Math.max(0, body.scrollTop + offset - body.clientHeight / 3);
  }
}

function sourcesList(detail, cluster, pane) {
  const others = detail.sources || [];
  const byArticle = new Map((cluster ? cluster.events : [detail]).map((e) => [e.article_id, e]));
  byArticle.set(detail.article_id, detail);
  const items = others.map((s) => {
    const current = s.article_id === detail.article_id;
    const label = `${s.title || s.article_id}${s.source ? ` — ${s.source}` : ""}${s.published ? `, ${s.published}` : ""}`;
    return el("li", {},
      el("button", { type: "button", class: "link", "aria-current": current ? "true" : null,
        onclick: () => showArticle(pane, s.article_id, byArticle.get(s.article_id)) }, label),
      current ? " (this article)" : null);
  });
  return el("section", { class: "sources", "aria-labelledby": "sources-h" },
    el("h3", { id: "sources-h" }, `Sources in this cluster (${others.length})`),
    el("ul", {}, items));
}

export async function openEvent(dialog, eventId) {
  const content = dialog.querySelector(".dialog-content");
  clear(content);
  content.append(el("p", { class: "loading" }, "Loading…"));
  if (!dialog.open) dialog.showModal();
  const detail = await get(`/events/${encodeURIComponent(eventId)}`);
  const cluster = detail.cluster_id && (detail.sources || []).length > 1
    ? await get(`/clusters/${encodeURIComponent(detail.cluster_id)}`).catch(() => null)
    : null;
  clear(content);
  const title = dialog.querySelector("#detail-title");
  title.textContent = `${detail.event_type}: ${actorLabel(detail.source)} → ${actorLabel(detail.target)}`;
  const pane = el("section", { class: "article", "aria-label": "Article" });
  content.append(summary(detail), legend(), pane, sourcesList(detail, cluster, pane));
  await showArticle(pane, detail.article_id, detail);
  return detail;
}

export { formatNumber };

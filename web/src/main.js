// The warta page: filters → timeline, map and event table, all from this server's JSON API.
import { get } from "./api.js";
import { clear, el, announce, formatNumber } from "./dom.js";
import { openEvent } from "./detail.js";
import { loadWorld, renderMap } from "./map.js";
import { COOPERATION, CONFLICT } from "./plover.js";
import { eventRow } from "./table.js";
import { renderTimeline } from "./timeline.js";

const FILTER_KEYS = ["date_from", "date_to", "country", "type", "text", "place"];
const PAGE = 50;

const state = {
  filters: {},
  sort: "-date",
  interval: "month",
  dyad: "",
  zoom: false,
  cursor: null,
  lastFocus: null,
};

const $ = (id) => document.getElementById(id);

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) state.filters[key] = value;
  }
  state.sort = params.get("sort") || state.sort;
  state.interval = params.get("interval") || state.interval;
  state.dyad = params.get("dyad") || "";
}

function writeUrl() {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) if (v) params.set(k, v);
  if (state.sort !== "-date") params.set("sort", state.sort);
  if (state.interval !== "month") params.set("interval", state.interval);
  if (state.dyad) params.set("dyad", state.dyad);
  const s = params.toString();
  window.history.replaceState(null, "", s ? `?${s}` : window.location.pathname);
}

function fillForm() {
  const form = $("filters");
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    if (input) input.value = state.filters[key] || "";
  }
  $("sort").value = state.sort;
  $("interval").value = state.interval;
}

function readForm() {
  const form = $("filters");
  const filters = {};
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    const value = input ? input.value.trim() : "";
    if (value) filters[key] = value;
  }
  state.filters = filters;
}

function typeOptions() {
  const select = $("f-type");
  const group = (label, types) => el("optgroup", { label }, types.map((t) => el("option", { value: t }, t)));
  select.append(group("Cooperation", COOPERATION), group("Conflict", CONFLICT));
}

function setCountryOptions(countries) {
  const select = $("f-country");
  const keep = state.filters.country || "";
  clear(select).append(el("option", { value: "" }, "Any country"));
  const known = new Set();
  for (const c of [...countries].sort((a, b) => (a.name || a.country).localeCompare(b.name || b.country))) {
    known.add(c.country);
    select.append(el("option", { value: c.country }, `${c.name || c.country} (${c.country}) — ${c.events}`));
  }
  if (keep && !known.has(keep)) select.append(el("option", { value: keep }, keep));
  select.value = keep;
}

async function loadTimeline() {
  const host = $("timeline");
  try {
    const data = await get("/timeline", { ...state.filters, interval: state.interval, dyad: state.dyad });
    const select = $("dyad");
    clear(select).append(el("option", { value: "" }, "All dyads"));
    for (const d of data.dyads) {
      const key = `${d.source}-${d.target}`;
      select.append(el("option", { value: key }, `${d.source} – ${d.target} (${d.events})`));
    }
    if (state.dyad && !data.dyads.some((d) => `${d.source}-${d.target}` === state.dyad)) {
      select.append(el("option", { value: state.dyad }, state.dyad.replace("-", " – ")));
    }
    select.value = state.dyad;
    renderTimeline(host, data, { interval: state.interval });
  } catch (err) {
    showError(host, err);
  }
}

async function loadMap() {
  const host = $("map");
  try {
    const { country, ...others } = state.filters;
    const [world, data, all] = await Promise.all([loadWorld(), get("/map", state.filters),
      country ? get("/map", others) : null]);
    setCountryOptions((all || data).countries);
    renderMap(host, world, data, {
      onCountry: (code) => applyFilters({ ...state.filters, country: code }),
      onPlace: (name) => applyFilters({ ...state.filters, place: name }),
      zoom: state.zoom,
    });
  } catch (err) {
    showError(host, err);
  }
}

async function loadEvents(append = false) {
  const body = $("events-body");
  const more = $("more");
  if (!append) {
    clear(body);
    state.cursor = null;
  }
  try {
    const page = await get("/events", { ...state.filters, sort: state.sort, limit: PAGE, cursor: state.cursor });
    for (const event of page.items) body.append(eventRow(event, onOpen));
    state.cursor = page.next_cursor;
    more.hidden = !page.next_cursor;
    const shown = body.querySelectorAll("tr").length;
    $("events-count").textContent = `${formatNumber(shown)} of ${formatNumber(page.total)}`;
    if (!shown) body.append(el("tr", {}, el("td", { colspan: "8", class: "empty" }, "No events match these filters.")));
    announce(`${formatNumber(page.total)} events match.`);
  } catch (err) {
    showError($("events-error"), err);
  }
}

function showError(host, err) {
  clear(host).append(el("p", { class: "error", role: "alert" }, `Could not load: ${err.message}`));
}

async function onOpen(eventId, row) {
  state.lastFocus = row || document.activeElement;
  const dialog = $("detail");
  try {
    await openEvent(dialog, eventId);
    dialog.querySelector(".close").focus();
  } catch (err) {
    showError(dialog.querySelector(".dialog-content"), err);
  }
}

function applyFilters(filters) {
  if (filters) state.filters = filters;
  fillForm();
  writeUrl();
  renderFilterSummary();
  loadAll();
}

function renderFilterSummary() {
  const parts = Object.entries(state.filters).map(([k, v]) => `${k.replace("_", " ")}: ${v}`);
  $("active-filters").textContent = parts.length ? `Filtered by ${parts.join(", ")}.` : "";
}

function loadAll() {
  announce("Loading…");
  return Promise.all([loadTimeline(), loadMap(), loadEvents()]);
}

async function loadMeta() {
  try {
    const meta = await get("/meta");
    const s = meta.stats || {};
    $("store-stats").textContent = `${formatNumber(s.articles)} articles · ${formatNumber(s.events)} events · `
      + `${formatNumber(s.clusters)} clusters · warta ${meta.version}`;
  } catch {
    $("store-stats").textContent = "";
  }
}

function wire() {
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    readForm();
    applyFilters();
  });
  $("filters").addEventListener("reset", (e) => {
    e.preventDefault();
    state.filters = {};
    state.dyad = "";
    applyFilters();
  });
  $("sort").addEventListener("change", (e) => {
    state.sort = e.target.value;
    writeUrl();
    loadEvents();
  });
  $("interval").addEventListener("change", (e) => {
    state.interval = e.target.value;
    writeUrl();
    loadTimeline();
  });
  $("dyad").addEventListener("change", (e) => {
    state.dyad = e.target.value;
    writeUrl();
    loadTimeline();
  });
  $("more").addEventListener("click", () => loadEvents(true));
  $("zoom").addEventListener("click", (e) => {
    state.zoom = !state.zoom;
    e.currentTarget.setAttribute("aria-pressed", String(state.zoom));
    e.currentTarget.textContent = state.zoom ? "Show the world" : "Zoom to events";
    loadMap();
  });
  const dialog = $("detail");
  dialog.querySelector(".close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    if (state.lastFocus && document.body.contains(state.lastFocus)) state.lastFocus.focus();
  });
  let width = window.innerWidth;
  window.addEventListener("resize", () => {
    if (Math.abs(window.innerWidth - width) < 40) return;
    width = window.innerWidth;
    loadTimeline();
    loadMap();
  });
}

function start() {
  typeOptions();
  readUrl();
  fillForm();
  renderFilterSummary();
  wire();
  loadMeta();
  loadAll();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

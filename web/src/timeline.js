// Timeline: cooperation and conflict events per period (stacked bars), and below them the
// figures (killed, displaced) as a second series on their own scale.
import { axisBottom, axisLeft } from "d3-axis";
import { scaleBand, scaleLinear, scaleSymlog } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";
import { clear, el, formatNumber } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const MAX_FILLED = 400;

function nextPeriod(period, interval) {
  if (interval === "month") {
    const [y, m] = period.split("-").map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

// Every period from the first to the last, empty ones included, so the axis is true to time.
export function fillPeriods(points, interval) {
  if (points.length < 2) return points;
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const out = [];
  let period = points[0].period;
  const last = points[points.length - 1].period;
  while (period <= last && out.length <= MAX_FILLED) {
    out.push(byPeriod.get(period) || { period, cooperation: 0, conflict: 0, killed: 0, displaced: 0 });
    period = nextPeriod(period, interval);
  }
  return out.length > MAX_FILLED ? points : out;
}

function tickValues(periods, width) {
  const room = Math.max(2, Math.floor(width / 70));
  const step = Math.max(1, Math.ceil(periods.length / room));
  return periods.filter((_, i) => i % step === 0);
}

export function renderTimeline(host, data, { interval }) {
  clear(host);
  const points = fillPeriods(data.points, interval);
  if (!points.length) {
    host.append(el("p", { class: "empty" }, "No events match these filters."));
    return;
  }
  const width = Math.max(300, host.clientWidth || 600);
  const margin = { top: 20, right: 12, bottom: 28, left: 48 };
  const barsHeight = 170;
  const figuresHeight = 90;
  const gap = 34;
  const height = margin.top + barsHeight + gap + figuresHeight + margin.bottom;
  const periods = points.map((p) => p.period);
  const inner = width - margin.left - margin.right;
  const used = Math.min(inner, periods.length * 56);
  const x0 = margin.left + (inner - used) / 2;
  const x = scaleBand().domain(periods).range([x0, x0 + used]).paddingInner(0.15).paddingOuter(0.1);
  const maxEvents = Math.max(1, ...points.map((p) => p.cooperation + p.conflict));
  const y = scaleLinear().domain([0, maxEvents]).nice().range([margin.top + barsHeight, margin.top]);
  const maxPeople = Math.max(1, ...points.map((p) => Math.max(p.killed, p.displaced)));
  const top2 = margin.top + barsHeight + gap;
  const y2 = scaleSymlog().constant(10).domain([0, maxPeople]).range([top2 + figuresHeight, top2]);

  const total = points.reduce((a, p) => a + p.cooperation + p.conflict, 0);
  const killed = points.reduce((a, p) => a + p.killed, 0);
  const displaced = points.reduce((a, p) => a + p.displaced, 0);
  const svg = select(host).append("svg")
    .attr("xmlns", SVG)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", `Timeline by ${interval}, ${periods[0]} to ${periods[periods.length - 1]}: `
      + `${total} events, ${formatNumber(killed)} killed, ${formatNumber(displaced)} displaced. `
      + "The same numbers are in the table below the chart.");

  const bars = svg.append("g").attr("aria-hidden", "true");
  const bandwidth = x.bandwidth();
  for (const p of points) {
    const left = x(p.period);
    const yCoop = y(p.cooperation);
    bars.append("rect").attr("class", "bar-cooperation").attr("x", left).attr("width", bandwidth)
      .attr("y", yCoop).attr("height", y(0) - yCoop)
      .append("title").text(`${p.period}: ${p.cooperation} cooperation`);
    const yConf = y(p.cooperation + p.conflict);
    bars.append("rect").attr("class", "bar-conflict").attr("x", left).attr("width", bandwidth)
      .attr("y", yConf).attr("height", yCoop - yConf)
      .append("title").text(`${p.period}: ${p.conflict} conflict`);
  }
  const ticks = tickValues(periods, width - margin.left - margin.right);
  svg.append("g").attr("class", "axis").attr("aria-hidden", "true")
    .attr("transform", `translate(0,${margin.top + barsHeight})`)
    .call(axisBottom(x).tickValues(ticks).tickSizeOuter(0));
  svg.append("g").attr("class", "axis").attr("aria-hidden", "true")
    .attr("transform", `translate(${margin.left},0)`)
    .call(axisLeft(y).ticks(Math.min(5, maxEvents)).tickFormat((d) => (Number.isInteger(d) ? d : "")));
  svg.append("text").attr("class", "axis-title").attr("x", 4).attr("y", 11).text("events");

  const people = svg.append("g").attr("aria-hidden", "true");
  const cx = (p) => x(p.period) + bandwidth / 2;
  for (const [key, cls] of [["displaced", "line-displaced"], ["killed", "line-killed"]]) {
    people.append("path").attr("class", cls)
      .attr("d", line().x(cx).y((p) => y2(p[key]))(points));
    for (const p of points.filter((q) => q[key] > 0)) {
      people.append("circle").attr("class", cls).attr("cx", cx(p)).attr("cy", y2(p[key])).attr("r", 3.5)
        .append("title").text(`${p.period}: ${formatNumber(p[key])} ${key}`);
    }
  }
  svg.append("g").attr("class", "axis").attr("aria-hidden", "true")
    .attr("transform", `translate(0,${top2 + figuresHeight})`)
    .call(axisBottom(x).tickValues(ticks).tickSizeOuter(0));
  const peopleTicks = [0, 10, 100, 1000, 10000, 100000, 1000000, 10000000].filter((t) => t <= maxPeople * 1.01);
  if (maxPeople > peopleTicks[peopleTicks.length - 1] * 2) peopleTicks.push(maxPeople);
  svg.append("g").attr("class", "axis").attr("aria-hidden", "true")
    .attr("transform", `translate(${margin.left},0)`)
    .call(axisLeft(y2).tickValues(peopleTicks).tickFormat((d) => (d >= 1000000 ? `${+(d / 1000000).toFixed(1)}M` : d >= 1000 ? `${+(d / 1000).toFixed(1)}k` : d)));
  svg.append("text").attr("class", "axis-title").attr("x", 4).attr("y", top2 - 6)
    .text("people (killed, displaced)");

  host.append(timelineTable(points.filter((p) => p.cooperation || p.conflict || p.killed || p.displaced)));
}

function timelineTable(points) {
  const rows = points.map((p) => el("tr", {},
    el("th", { scope: "row" }, p.period), el("td", {}, formatNumber(p.cooperation)),
    el("td", {}, formatNumber(p.conflict)), el("td", {}, formatNumber(p.killed)),
    el("td", {}, formatNumber(p.displaced))));
  return el("details", { class: "as-table" },
    el("summary", {}, "Timeline as a table"),
    el("table", {},
      el("thead", {}, el("tr", {}, ["Period", "Cooperation", "Conflict", "Killed", "Displaced"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows)));
}

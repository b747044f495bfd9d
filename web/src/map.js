// World map: countries shaded by their number of events (either side), places as points.
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { feature, mesh } from "topojson-client";
import { clear, el, formatNumber } from "./dom.js";

let worldPromise = null;

// The bundled world-atlas 110m shapes (served by this app; never fetched from elsewhere).
export function loadWorld() {
  if (!worldPromise) {
    worldPromise = fetch("/static/countries-110m.json")
      .then((r) => {
        if (!r.ok) throw new Error(`map shapes: ${r.status}`);
        return r.json();
      })
      .then((topology) => ({
        countries: feature(topology, topology.objects.countries),
        borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
      }));
  }
  return worldPromise;
}

// What the map frames: the whole sphere, or the countries and places that have events.
function frame(world, data, byNumeric, zoom) {
  const shaded = world.countries.features.filter((f) => byNumeric.has(f.id));
  const points = data.points.map((p) => [p.lon, p.lat]);
  if (!zoom || (!shaded.length && !points.length)) return { type: "Sphere" };
  if (points.length >= 2) return { type: "MultiPoint", coordinates: points };
  const features = [...shaded];
  if (points.length) features.push({ type: "Feature", geometry: { type: "MultiPoint", coordinates: points } });
  return { type: "FeatureCollection", features };
}

export function renderMap(host, world, data, { onCountry, onPlace, zoom = false }) {
  clear(host);
  const width = Math.max(280, host.clientWidth || 600);
  const height = Math.round(width * 0.52);
  const byNumeric = new Map(data.countries.filter((c) => c.numeric).map((c) => [c.numeric, c]));
  const pad = zoom ? 24 : 4;
  const projection = geoNaturalEarth1()
    .fitExtent([[pad, pad], [width - pad, height - pad]], frame(world, data, byNumeric, zoom));
  const world0 = geoNaturalEarth1().fitExtent([[pad, pad], [width - pad, height - pad]], { type: "Sphere" });
  if (!Number.isFinite(projection.scale()) || projection.scale() > world0.scale() * 12) {
    // One place, or places very close: centre on them at a regional scale instead.
    const [lon, lat] = data.points.length ? [data.points[0].lon, data.points[0].lat] : [0, 0];
    projection.scale(world0.scale() * 12).center([0, 0]).rotate([-lon, 0]).translate([width / 2, height / 2]);
    projection.translate([width / 2, height / 2 + (projection([lon, lat])[1] - height / 2) * -1]);
  }
  const path = geoPath(projection);
  const maxEvents = Math.max(1, ...data.countries.map((c) => c.events));
  const shade = scaleSqrt().domain([0, maxEvents]).range(["#dbe4f0", "#1e3a8a"]);
  const top = data.countries.slice(0, 5).map((c) => `${c.name || c.country} ${c.events}`).join(", ");
  const svg = select(host).append("svg")
    .attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height)
    .attr("class", zoom ? "zoomed" : null)
    .attr("role", "img")
    .attr("aria-label", `World map of events by country${top ? `; most: ${top}` : ": none"}. `
      + "The same numbers are in the table below the map.");
  svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  svg.append("path").attr("class", "graticule").attr("d", path(geoGraticule10()));
  const countries = svg.append("g").attr("aria-hidden", "true");
  for (const f of world.countries.features) {
    const c = byNumeric.get(f.id);
    const shape = countries.append("path").attr("d", path(f))
      .attr("class", c ? "country has-events" : "country")
      .style("fill", c ? shade(c.events) : null);
    if (c) {
      shape.attr("data-country", c.country)
        .on("click", () => onCountry(c.country))
        .append("title").text(`${c.name || c.country}: ${c.events} events — click to filter`);
    } else {
      shape.append("title").text(f.properties.name);
    }
  }
  svg.append("path").attr("class", "borders").attr("d", path(world.borders)).attr("aria-hidden", "true");
  const maxPlace = Math.max(1, ...data.points.map((p) => p.events));
  const radius = scaleSqrt().domain([0, maxPlace]).range([0, Math.max(6, width / 60)]);
  const points = svg.append("g").attr("aria-hidden", "true");
  for (const p of data.points) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    points.append("circle").attr("class", "place").attr("cx", xy[0]).attr("cy", xy[1])
      .attr("r", Math.max(3, radius(p.events)))
      .on("click", () => onPlace(p.name))
      .append("title").text(`${p.name}${p.country ? `, ${p.country}` : ""}: ${p.events} events`);
  }
  host.append(mapTable(data, onCountry));
}

function mapTable(data, onCountry) {
  const rows = data.countries.map((c) => el("tr", {},
    el("th", { scope: "row" },
      el("button", { type: "button", class: "link", onclick: () => onCountry(c.country),
        "aria-label": `Filter by ${c.name || c.country}` }, `${c.name || c.country} (${c.country})`)),
    el("td", {}, formatNumber(c.events))));
  return el("details", { class: "as-table" },
    el("summary", {}, "Countries as a table"),
    el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Country"), el("th", { scope: "col" }, "Events"))),
      el("tbody", {}, rows)));
}

// PLOVER event types and the two halves the page colours them by.

export const COOPERATION = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"];
export const CONFLICT = ["REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
  "COERCE", "ASSAULT"];

export function quadOf(type) {
  return COOPERATION.includes(type) ? "cooperation" : "conflict";
}

export function actorLabel(actor) {
  if (!actor) return "—";
  const code = actor.country || actor.org;
  const name = actor.name || actor.text;
  const sector = actor.sector ? ` ${actor.sector}` : "";
  return code ? `${name} (${code}${sector})` : `${name}${sector ? ` (${sector.trim()})` : ""}`;
}

export function dateLabel(date) {
  if (!date || !date.value) return "—";
  return date.end ? `${date.value} – ${date.end}` : date.value;
}

export function placeLabel(place) {
  if (!place) return "—";
  const parts = [place.name];
  if (place.admin1 && place.admin1 !== place.name) parts.push(place.admin1);
  if (place.country) parts.push(place.country);
  return parts.join(", ");
}

export function figureLabel(f) {
  const n = [f.low, f.best, f.high].filter((x) => x !== null && x !== undefined);
  let number = f.best ?? f.low ?? f.high;
  if (f.low !== null && f.low !== undefined && (f.best === null || f.best === undefined)) number = `≥ ${f.low}`;
  if (f.high !== null && f.high !== undefined && (f.best === null || f.best === undefined) && f.low == null) number = `≤ ${f.high}`;
  if (!n.length) number = "?";
  const group = f.group && f.group !== "people" ? ` ${f.group}` : "";
  const country = f.country ? ` (${f.country})` : "";
  const claim = f.claimed_by ? `, per ${f.claimed_by}` : "";
  const hedge = f.status === "claimed" ? ", claimed" : "";
  return `${f.kind}: ${typeof number === "number" ? number.toLocaleString("en-US") : number}${group}${country}${claim}${hedge}`;
}

export function killedOf(event) {
  return (event.figures || []).filter((f) => f.kind === "killed")
    .reduce((sum, f) => sum + (f.best ?? f.low ?? f.high ?? 0), 0);
}

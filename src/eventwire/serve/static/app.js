// eventwire dashboard: vanilla JS, no build step, nothing from the network but this server.
// Every piece of stored data reaches the page through textContent or an attribute set on an
// element we made: article text is untrusted and never parsed as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE = 50;
const state = { filters: {}, offset: 0, series: [], dyad: null };

function el(tag, attrs, ...kids) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4))
                                      : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const kid of kids) {
    if (kid === null || kid === undefined) continue;
    node.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return node;
}

function say(id, text) { document.getElementById(id).textContent = text; }

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") query.set(k, v);
  }
  const url = "/api/" + path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => (d.loc || []).slice(-1)[0] + ": " + d.msg).join("; ")
      : body.detail || response.statusText;
    throw new Error(detail);
  }
  return body;
}

// -- field names: the Python API's frames, read tolerantly -------------------------------
const pick = (row, ...names) => { for (const n of names) if (row[n] !== undefined && row[n] !== null) return row[n]; return null; };
const sideText = (v) => Array.isArray(v) ? v.join("+") : (v ?? "");
const eventDate = (e) => pick(e, "date", "date_start", "date_value") || "";
const periodOf = (p) => String(pick(p, "period", "date", "start") || "").slice(0, 10);

function periodEnd(start, freq) {
  const d = new Date(start + "T00:00:00Z");
  if (freq === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (freq === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

// -- store state -------------------------------------------------------------------------
async function loadHealth() {
  try {
    const h = await api("health");
    let text = `${h.events ?? "?"} events in ${h.articles ?? "?"} articles`;
    if (h.watch) text += `; watching ${h.watch.sources.length} folder(s), ${h.watch.saved} new articles stored`;
    say("store-state", text);
  } catch (err) { say("store-state", "Store unavailable: " + err.message); }
}

// -- dyad picker and tension chart ------------------------------------------------------
async function loadDyads() {
  const select = document.getElementById("dyad-pick");
  try {
    const body = await api("dyads", { limit: 100 });
    select.replaceChildren(el("option", { value: "", text: "(choose a dyad)" }));
    for (const d of body.items) {
      const a = pick(d, "source_key", "a", "source"), b = pick(d, "target_key", "b", "target");
      const n = pick(d, "n_events", "events", "n");
      select.append(el("option", { value: `${a}-${b}`, text: `${a} → ${b} (${n})` }));
    }
  } catch (err) {
    select.replaceChildren(el("option", { value: "", text: "(dyads unavailable)" }));
  }
}

function showDyad(a, b) {
  document.getElementById("dyad-a").value = a;
  document.getElementById("dyad-b").value = b || "";
  loadSeries();
}

async function loadSeries() {
  const a = document.getElementById("dyad-a").value.trim().toUpperCase();
  const b = document.getElementById("dyad-b").value.trim().toUpperCase();
  const freq = document.getElementById("freq").value;
  if (!a) return;
  state.dyad = { a, b, freq };
  say("chart-caption", `Loading ${a} → ${b || "all"}…`);
  try {
    const body = await api("series", { a, b, freq, by: "quad" });
    state.series = body.items;
    drawChart(body.items, state.dyad);
  } catch (err) {
    document.getElementById("chart").replaceChildren();
    say("chart-caption", "Cannot draw the series: " + err.message);
  }
}

function quadCounts(p) {
  return [1, 2, 3, 4].map((q) => Number(pick(p, "quad" + q, "q" + q) || 0));
}

function total(p) {
  const n = pick(p, "n_events", "events", "asserted", "count");
  return n !== null ? Number(n) : quadCounts(p).reduce((x, y) => x + y, 0);
}

function drawChart(rows, dyad) {
  const box = document.getElementById("chart");
  const W = 900, H = 260, L = 40, R = 40, T = 12, B = 30;
  const label = `${dyad.a} → ${dyad.b || "all"}`;
  if (!rows.length) {
    box.replaceChildren();
    say("chart-caption", `No asserted events for ${label}.`);
    return;
  }
  const max = Math.max(1, ...rows.map(total));
  const x = (i) => L + (rows.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (rows.length - 1));
  const y = (v) => H - B - v / max * (H - T - B);
  const ys = (s) => T + (10 - s) / 20 * (H - T - B);  // intensity -10..+10, right axis
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": `Events per ${dyad.freq} for ${label}` });
  svg.append(el("svg:line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }),
             el("svg:text", { x: 4, y: T + 8, text: String(max) }),
             el("svg:text", { x: 4, y: H - B, text: "0" }),
             el("svg:text", { x: W - R + 4, y: T + 8, text: "+10" }),
             el("svg:text", { x: W - R + 4, y: H - B, text: "-10" }));
  const bw = Math.max(2, Math.min(24, (W - L - R) / rows.length * 0.6));
  const bars = el("svg:g", { "aria-hidden": "true" });
  rows.forEach((p, i) => {
    let base = 0;
    quadCounts(p).forEach((n, q) => {
      if (!n) return;
      bars.append(el("svg:rect", { class: "q" + (q + 1), x: x(i) - bw / 2, width: bw,
        y: y(base + n), height: y(base) - y(base + n), opacity: 0.35 }));
      base += n;
    });
  });
  svg.append(bars);
  const pts = rows.map((p, i) => `${x(i)},${y(total(p))}`).join(" ");
  svg.append(el("svg:polyline", { class: "line", points: pts, "aria-hidden": "true" }));
  const scored = rows.map((p, i) => [i, pick(p, "mean_score", "mean_intensity", "intensity")])
                     .filter(([, s]) => s !== null);
  if (scored.length > 1) {
    svg.append(el("svg:polyline", { class: "score", "aria-hidden": "true",
      points: scored.map(([i, s]) => `${x(i)},${ys(Number(s))}`).join(" ") }));
  }
  const step = Math.ceil(rows.length / 8);
  rows.forEach((p, i) => {
    const start = periodOf(p), n = total(p);
    const score = pick(p, "mean_score", "mean_intensity");
    if (i % step === 0) svg.append(el("svg:text", { x: x(i) - 28, y: H - 8, text: start }));
    const point = el("svg:circle", {
      class: "point", cx: x(i), cy: y(n), r: 5, tabindex: 0, role: "button",
      "data-period": start,
      "aria-label": `${dyad.freq} of ${start}: ${n} events` +
        (score !== null ? `, mean intensity ${Number(score).toFixed(1)}` : ""),
      onclick: () => selectPeriod(point, start),
      onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); selectPeriod(point, start); } },
    });
    point.append(el("svg:title", { text: `${start}: ${n} events` }));
    svg.append(point);
  });
  box.replaceChildren(svg, legend());
  say("chart-caption", `${label}, events per ${dyad.freq} (line; bars by quad; dashed: mean ` +
      `intensity). ${rows.length} periods. Select a point to list its events.`);
}

function legend() {
  const names = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  const p = el("p", { class: "legend" });
  names.forEach((n, q) => p.append(el("span", { class: "q" + (q + 1), "aria-hidden": "true" }), n));
  return p;
}

function selectPeriod(point, start) {
  document.querySelectorAll(".point.selected").forEach((p) => p.classList.remove("selected"));
  point.classList.add("selected");
  const { a, b, freq } = state.dyad;
  setFilters({ dyad: b ? `${a}-${b}` : null, actor: b ? null : a, since: start,
               until: periodEnd(start, freq) });
  loadEvents(0).then(() => document.getElementById("events").scrollIntoView());
}

// -- events table -----------------------------------------------------------------------
function setFilters(values) {
  const form = document.getElementById("event-filters");
  for (const field of form.elements) {
    if (field.name) field.value = "";  // not form.reset(): its handler would load twice
  }
  for (const [k, v] of Object.entries(values)) if (v) form.elements[k].value = v;
  readFilters();
}

function readFilters() {
  const data = new FormData(document.getElementById("event-filters"));
  state.filters = {};
  for (const [k, v] of data.entries()) if (String(v).trim()) state.filters[k] = String(v).trim();
}

async function loadEvents(offset) {
  state.offset = offset;
  say("events-state", "Loading events…");
  const tbody = document.querySelector("#events-table tbody");
  try {
    const body = await api("events", { ...state.filters, limit: PAGE, offset });
    tbody.replaceChildren(...body.items.map(eventRow));
    const shown = body.items.length;
    say("events-state", shown ? `Events ${offset + 1}–${offset + shown}` +
        (body.next_offset ? " (more on the next page)" : "") : "No events match these filters.");
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = !body.next_offset;
  } catch (err) {
    tbody.replaceChildren();
    say("events-state", "Cannot list events: " + err.message);
  }
}

function eventRow(e) {
  const article = pick(e, "article_id");
  const open = el("button", { type: "button", class: "open-article", text: "Open",
    "aria-label": "Open the article of this event",
    onclick: () => loadArticle(article, pick(e, "evidence_start", "start"), pick(e, "evidence_end", "end")) });
  return el("tr", { "data-article": article },
    el("td", { text: eventDate(e) }),
    el("td", { text: sideText(pick(e, "source_keys", "source_key", "source_codes")) }),
    el("td", { text: `${pick(e, "category") || ""} (${pick(e, "quad") ?? "?"})` }),
    el("td", { text: sideText(pick(e, "target_keys", "target_key", "target_codes")) }),
    el("td", { text: pick(e, "status") || "" }),
    el("td", { text: pick(e, "place", "location_name") || "" }),
    el("td", { class: "evidence", text: pick(e, "sentence") || "" }),
    el("td", {}, open));
}

// -- one article, its evidence highlighted ------------------------------------------------
async function loadArticle(id, start, end) {
  say("article-meta", "Loading the article…");
  try {
    const doc = await api("articles/" + encodeURIComponent(id));
    renderArticle(doc, start, end);
    document.getElementById("article").scrollIntoView();
  } catch (err) { say("article-meta", "Cannot open the article: " + err.message); }
}

function renderArticle(doc, start, end) {
  const meta = doc.article || doc;
  const text = doc.text || "";
  const box = document.getElementById("article-meta");
  box.replaceChildren(el("strong", { text: meta.title || meta.id }),
    ` — ${meta.source || "unknown outlet"}, published ${meta.published || "?"} `);
  if (meta.url && /^https?:\/\//i.test(meta.url)) {
    box.append(el("a", { href: meta.url, rel: "noopener noreferrer", target: "_blank", text: "original" }));
  }
  const list = document.getElementById("article-events");
  list.replaceChildren(...(doc.events || []).map((ev) => {
    const s = ev.evidence || {};
    const who = (side) => (side || []).map((r) => r.org || r.country || r.name).join("+");
    return el("li", {}, el("button", { type: "button",
      text: `${who(ev.source)} → ${ev.category} → ${who(ev.target) || "-"} (${ev.status})`,
      onclick: () => highlight(text, s.start, s.end) }));
  }));
  highlight(text, start, end);
}

function highlight(text, start, end) {
  const box = document.getElementById("article-text");
  const ok = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
  if (!ok) { box.replaceChildren(document.createTextNode(text)); return; }
  const mark = el("mark", { class: "evidence", tabindex: -1, text: text.slice(start, end) });
  box.replaceChildren(document.createTextNode(text.slice(0, start)), mark,
                      document.createTextNode(text.slice(end)));
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
}

// -- alerts -----------------------------------------------------------------------------
async function loadAlerts() {
  const list = document.getElementById("alerts-list");
  try {
    const body = await api("alerts", { limit: 20 });
    say("alerts-state", body.items.length ? "" : "No spikes against the baseline.");
    list.replaceChildren(...body.items.map((a) => {
      const src = pick(a, "a", "source_key", "source"), dst = pick(a, "b", "target_key", "target");
      const period = periodOf(a);
      const n = pick(a, "n_events", "count", "value");
      return el("li", {}, el("button", { type: "button",
        text: `${period}: ${src} → ${dst || "all"}, ${n} events (baseline ${pick(a, "baseline", "median") ?? "?"})`,
        onclick: () => { showDyad(src, dst); setFilters({ dyad: dst ? `${src}-${dst}` : null,
          actor: dst ? null : src, since: period, until: pick(a, "period_end", "until") || period });
          loadEvents(0); } }));
    }));
  } catch (err) { say("alerts-state", "Alerts unavailable: " + err.message); }
}

// -- map --------------------------------------------------------------------------------
async function loadMap() {
  const box = document.getElementById("map-box");
  const W = 720, H = 360;
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": "Event places on an equirectangular map" });
  svg.append(el("svg:rect", { class: "land", x: 0, y: 0, width: W, height: H }));
  for (let lon = -180; lon <= 180; lon += 30) svg.append(el("svg:line", { class: "grid", x1: (lon + 180) * 2, x2: (lon + 180) * 2, y1: 0, y2: H }));
  for (let lat = -90; lat <= 90; lat += 30) svg.append(el("svg:line", { class: "grid", y1: (90 - lat) * 2, y2: (90 - lat) * 2, x1: 0, x2: W }));
  try {
    const body = await api("places", { limit: 300 });
    const max = Math.max(1, ...body.items.map((p) => Number(pick(p, "n_events", "events") || 0)));
    for (const p of body.items) {
      const lat = Number(p.lat), lon = Number(p.lon);
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const n = Number(pick(p, "n_events", "events") || 0);
      const name = pick(p, "place", "name") || "?";
      const dot = el("svg:circle", { class: "place", cx: (lon + 180) * 2, cy: (90 - lat) * 2,
        r: 2 + 10 * Math.sqrt(n / max), tabindex: 0, role: "button",
        "aria-label": `${name}: ${n} events`,
        onclick: () => { setFilters({ place: name }); loadEvents(0); },
        onkeydown: (ev) => { if (ev.key === "Enter") { setFilters({ place: name }); loadEvents(0); } } });
      dot.append(el("svg:title", { text: `${name} (${pick(p, "country", "place_country") || "?"}): ${n} events` }));
      svg.append(dot);
    }
    say("map-state", `${body.items.length} places; select one to list its events.`);
  } catch (err) { say("map-state", "Places unavailable: " + err.message); }
  box.replaceChildren(svg);
}

// -- wiring -----------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("dyad-form").addEventListener("submit", (ev) => { ev.preventDefault(); loadSeries(); });
  document.getElementById("dyad-pick").addEventListener("change", (ev) => {
    const [a, b] = ev.target.value.split("-");
    if (a) showDyad(a, b);
  });
  const filters = document.getElementById("event-filters");
  filters.addEventListener("submit", (ev) => { ev.preventDefault(); readFilters(); loadEvents(0); });
  filters.addEventListener("reset", () => setTimeout(() => { readFilters(); loadEvents(0); }, 0));
  document.getElementById("prev").addEventListener("click", () => loadEvents(Math.max(0, state.offset - PAGE)));
  document.getElementById("next").addEventListener("click", () => loadEvents(state.offset + PAGE));
  loadHealth(); loadDyads(); loadEvents(0); loadAlerts(); loadMap();
});

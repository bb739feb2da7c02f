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

const sideText = (v) => Array.isArray(v) ? v.join("+") : (v ?? "");
const periodOf = (p) => String(p.period || "").slice(0, 10);

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
    let text = `${h.events ?? "?"} event mentions in ${h.articles ?? "?"} articles`;
    if (h.watch) text += `; watching ${h.watch.sources.length} folder(s), ${h.watch.saved} new articles stored`;
    say("store-state", text);
  } catch (err) { say("store-state", "Store unavailable: " + err.message); }
}

// -- dyad picker and tension chart ------------------------------------------------------
async function loadDyads() {
  const select = document.getElementById("dyad-pick");
  try {
    const body = await api("dyads", { limit: 500 });
    select.replaceChildren(el("option", { value: "", text: "(choose a dyad)" }));
    for (const d of body.items) {
      const a = d.source, b = d.target, n = d.events;
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
    state.series = byPeriod(body.items);
    drawChart(state.series, state.dyad);
  } catch (err) {
    document.getElementById("chart").replaceChildren();
    say("chart-caption", "Cannot draw the series: " + err.message);
  }
}

// The series comes long (one row per period and quad); the chart wants one per period.
function byPeriod(rows) {
  const periods = new Map();
  for (const r of rows) {
    const key = periodOf(r);
    if (!periods.has(key)) periods.set(key, { period: key, quads: [0, 0, 0, 0], events: 0, claimed: 0, weighted: 0 });
    const p = periods.get(key);
    const n = Number(r.events || 0);
    if (r.quad >= 1 && r.quad <= 4) p.quads[r.quad - 1] += n;
    p.events += n;
    p.claimed += Number(r.claimed || 0);
    if (r.mean_intensity !== null && r.mean_intensity !== undefined) p.weighted += n * Number(r.mean_intensity);
  }
  return [...periods.values()].map((p) => ({ ...p, mean: p.events ? p.weighted / p.events : null }));
}

const quadCounts = (p) => p.quads;
const total = (p) => p.events;

function drawChart(rows, dyad) {
  const box = document.getElementById("chart");
  const W = 900, H = 260, L = 40, R = 40, T = 12, B = 30;
  const label = `${dyad.a} → ${dyad.b || "all"}`;
  if (!rows.length || !rows.some((p) => p.events || p.claimed)) {
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
  const scored = rows.map((p, i) => [i, p.mean]).filter(([, s]) => s !== null);
  if (scored.length > 1) {
    svg.append(el("svg:polyline", { class: "score", "aria-hidden": "true",
      points: scored.map(([i, s]) => `${x(i)},${ys(Number(s))}`).join(" ") }));
  }
  const step = Math.ceil(rows.length / 8);
  rows.forEach((p, i) => {
    const start = periodOf(p), n = total(p);
    const score = p.mean;
    if (i % step === 0) svg.append(el("svg:text", { x: x(i) - 28, y: H - 8, text: start }));
    if (!n && !p.claimed) return;  // quiet periods stay on the line but take no tab stop
    const point = el("svg:circle", {
      class: "point", cx: x(i), cy: y(n), r: 5, tabindex: 0, role: "button",
      "data-period": start,
      "aria-label": `${dyad.freq} of ${start}: ${n} events` +
        (p.claimed ? `, ${p.claimed} claimed` : "") +
        (score !== null ? `, mean intensity ${Number(score).toFixed(1)}` : ""),
      onclick: () => selectPeriod(point, start),
      onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); selectPeriod(point, start); } },
    });
    point.append(el("svg:title", { text: `${start}: ${n} events` }));
    svg.append(point);
  });
  box.replaceChildren(svg, legend());
  const busy = rows.filter((p) => p.events || p.claimed).length;
  say("chart-caption", `${label}: asserted events per ${dyad.freq} (line; bars by quad; dashed: ` +
      `mean intensity, right axis). ${busy} of ${rows.length} periods have events: select a ` +
      `point to list them.`);
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
    const which = Object.entries(state.filters).map(([k, v]) => `${k}=${v}`).join(", ");
    const matching = which ? ` matching ${which}` : "";
    say("events-state", shown ? `Events ${offset + 1}–${offset + shown}${matching}` +
        (body.next_offset ? " (more on the next page)" : "") : `No events${matching}.`);
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = !body.next_offset;
  } catch (err) {
    tbody.replaceChildren();
    say("events-state", "Cannot list events: " + err.message);
  }
}

function eventRow(e) {
  const open = el("button", { type: "button", class: "open-article", text: "Open",
    "aria-label": `Open the article of this ${e.category} event`,
    onclick: () => loadArticle(e.article_id, e.evidence_start, e.evidence_end) });
  return el("tr", { "data-article": e.article_id },
    el("td", { text: e.date || e.date_value || "" }),
    el("td", { text: sideText(e.source_keys) }),
    el("td", { text: `${e.category || ""} (${e.quad ?? "?"})` }),
    el("td", { text: sideText(e.target_keys) }),
    el("td", { text: e.status || "" }),
    el("td", { text: e.place || "" }),
    el("td", { class: "evidence", text: e.sentence || "" }),
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
  document.getElementById("article-events-n").textContent = `${(doc.events || []).length} events coded in this article`;
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
    say("alerts-state", body.items.length
      ? `${body.items.length} weeks where a dyad jumped against its own baseline, strongest first.`
      : "No dyad jumped against its own baseline.");
    list.replaceChildren(...body.items.map((a) => {
      const period = periodOf(a), until = periodEnd(period, "week");
      const baseline = a.baseline === null ? "?" : Number(a.baseline).toFixed(1);
      return el("li", {}, el("button", { type: "button",
        text: `Week of ${period}: ${a.source} → ${a.target}, ${a.events} events (baseline ${baseline})`,
        onclick: () => {
          showDyad(a.source, a.target);
          setFilters({ dyad: `${a.source}-${a.target}`, status: "asserted", since: period, until });
          loadEvents(0);
        } }),
        a.sentence ? el("blockquote", { text: a.sentence }) : null);
    }));
  } catch (err) { say("alerts-state", "Alerts unavailable: " + err.message); }
}

// -- map --------------------------------------------------------------------------------
// Equirectangular, 2 px per degree. The land is a coarse mask the server makes from GeoNames'
// populated places (/api/land); the table under the map says the same as the points, in text.
const MAP_W = 720, MAP_H = 360;
const mapX = (lon) => (lon + 180) * 2, mapY = (lat) => (90 - lat) * 2;

function showPlace(name) { setFilters({ place: name }); loadEvents(0); }

async function drawLand(svg, before) {
  try {
    const land = await api("land");
    const cell = Number(land.step) * 2;
    const d = land.runs.map(([r, c, n]) => `M${c * cell} ${r * cell}h${n * cell}v${cell}h${-n * cell}z`).join("");
    const path = el("svg:path", { class: "land", d, "aria-hidden": "true" });
    path.append(el("svg:title", { text: land.attribution }));
    svg.insertBefore(path, before);
  } catch (err) { /* the points and the table still say everything */ }
}

function placeTable(items) {
  const rows = items.map((p) => {
    const name = p.place || "?";
    return el("tr", {},
      el("td", {}, el("button", { type: "button", text: name, "aria-label": `Show the events of ${name}`,
                                  onclick: () => showPlace(name) })),
      el("td", { text: p.country || "" }),
      el("td", { class: "num", text: String(p.events ?? 0) }),
      el("td", { class: "num", text: String(p.mentions ?? 0) }));
  });
  return el("table", { id: "places-table" },
    el("caption", { text: "Places with events (the map's points, in text)" }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Place" }),
                       el("th", { scope: "col", text: "Country" }),
                       el("th", { scope: "col", text: "Events" }),
                       el("th", { scope: "col", text: "Mentions" }))),
    el("tbody", {}, ...rows));
}

async function loadMap() {
  const box = document.getElementById("map-box");
  const svg = el("svg:svg", { viewBox: `0 0 ${MAP_W} ${MAP_H}`, role: "group",
    "aria-label": "Event places on an equirectangular world map; the table below lists them" });
  svg.append(el("svg:rect", { class: "sea", x: 0, y: 0, width: MAP_W, height: MAP_H }));
  const grid = el("svg:g", { class: "grid", "aria-hidden": "true" });
  for (let lon = -180; lon <= 180; lon += 30) grid.append(el("svg:line", { x1: mapX(lon), x2: mapX(lon), y1: 0, y2: MAP_H }));
  for (let lat = -90; lat <= 90; lat += 30) grid.append(el("svg:line", { y1: mapY(lat), y2: mapY(lat), x1: 0, x2: MAP_W }));
  svg.append(grid);
  const landDrawn = drawLand(svg, grid);
  let table = null;
  try {
    const body = await api("places", { limit: 300 });
    const max = Math.max(1, ...body.items.map((p) => Number(p.events || 0)));
    for (const p of body.items) {
      const lat = Number(p.lat), lon = Number(p.lon);
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const n = Number(p.events || 0);
      const name = p.place || "?";
      const dot = el("svg:circle", { class: "place", cx: mapX(lon), cy: mapY(lat),
        r: 2 + 10 * Math.sqrt(n / max), tabindex: 0, role: "button",
        "aria-label": `${name}: ${n} events`,
        onclick: () => showPlace(name),
        onkeydown: (ev) => { if (ev.key === "Enter") showPlace(name); } });
      dot.append(el("svg:title", { text: `${name} (${p.country || "?"}): ${n} events` }));
      svg.append(dot);
    }
    table = placeTable(body.items);
    say("map-state", `${body.items.length} places; select one (on the map or in the table) to list its events.`);
  } catch (err) { say("map-state", "Places unavailable: " + err.message); }
  box.replaceChildren(svg, ...(table ? [el("details", { open: "" }, el("summary", { text: "Places as a table" }), table)] : []));
  await landDrawn;
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

// dyad dashboard: plain JS and SVG over the public /api/ routes; no library, no CDN.
// The address is the state: #view?filters, so every view can be linked and reloaded.
"use strict";

const QUAD = {
  0: { name: "Neutral", colour: "#8a8f98" },
  1: { name: "Verbal cooperation", colour: "#7fbf7b" },
  2: { name: "Material cooperation", colour: "#1b7837" },
  3: { name: "Verbal conflict", colour: "#f4a582" },
  4: { name: "Material conflict", colour: "#b2182b" },
};
const FILTERS = ["actor", "dyad", "code", "quad", "factuality", "since", "until", "place", "doc"];
const SVG = "http://www.w3.org/2000/svg";
const view = document.getElementById("view");

// ---------- helpers ----------
function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}
const svg = (tag, attrs = {}, ...children) => el("svg:" + tag, attrs, ...children);

function route() {
  const [name, query] = location.hash.replace(/^#/, "").split("?");
  return { name: name || "timeline", params: new URLSearchParams(query || "") };
}

function filterParams(params, extra = {}) {
  const out = new URLSearchParams();
  for (const key of FILTERS) for (const value of params.getAll(key)) if (value) out.append(key, value);
  for (const [key, value] of Object.entries(extra)) {
    out.delete(key);
    if (value !== null && value !== undefined && value !== "") out.append(key, value);
  }
  return out;
}

function link(name, params) {
  const query = params.toString();
  return "#" + name + (query ? "?" + query : "");
}

async function api(path, params, options = {}) {
  const url = "/api/" + path + (params && params.toString() ? "?" + params : "");
  const response = await fetch(url, options);
  const body = await response.json();
  if (!body.ok) throw new Error(body.error || "request failed (" + body.status + ")");
  return body;
}

function loading(text = "Loading…") {
  view.replaceChildren(el("p", { class: "loading", role: "status", text }));
}

function empty(text) {
  return el("p", { class: "empty", text });
}

function showError(error) {
  const box = document.getElementById("error");
  box.hidden = !error;
  box.textContent = error ? String(error.message || error) : "";
}

function legend() {
  return el("ul", { class: "legend" },
    Object.entries(QUAD).map(([q, info]) =>
      el("li", {}, el("span", { class: "swatch", style: "background:" + info.colour }), info.name)));
}

// ---------- timeline ----------
async function timeline(params) {
  const period = params.get("period") || "quarter";
  const measure = params.get("measure") || "events";
  const body = await api("trend", filterParams(params, { period }));
  const rows = body.data;
  const controls = el("div", { class: "controls" },
    el("label", {}, "Period ",
      el("select", { id: "period", onchange: (e) => go("timeline", filterParams(params, { period: e.target.value, measure })) },
        ["week", "month", "quarter"].map((p) => el("option", { value: p, selected: p === period ? "" : null, text: p })))),
    el("fieldset", { class: "measure" }, el("legend", { text: "Count" }),
      ["events", "unique"].map((m) => el("label", {},
        el("input", { type: "radio", name: "measure", value: m, checked: m === measure ? "" : null,
          onchange: () => go("timeline", filterParams(params, { period, measure: m })) }),
        m === "events" ? " raw reports" : " deduplicated"))));
  const title = el("h2", { text: "Conflict and cooperation over time" + describe(params) });
  if (!rows.length) {
    view.replaceChildren(title, controls, empty("No dated events match these filters."));
    return;
  }
  const suffix = measure === "unique" ? "_unique" : "_events";
  const width = 1180, height = 360, left = 44, bottom = 40, top = 12;
  const max = Math.max(1, ...rows.map((r) => [0, 1, 2, 3, 4].reduce((s, q) => s + r["q" + q + suffix], 0)));
  const step = (width - left - 8) / rows.length;
  const scale = (height - bottom - top) / max;
  const chart = svg("svg", { id: "timeline-chart", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "Events per " + period + " stacked by QuadClass" });
  for (let i = 0; i <= 4; i++) {
    const value = Math.round((max * i) / 4);
    const y = height - bottom - value * scale;
    chart.append(svg("line", { x1: left, x2: width, y1: y, y2: y, class: "grid" }),
      svg("text", { x: left - 6, y: y + 4, class: "axis", "text-anchor": "end" }, String(value)));
  }
  const labelEvery = Math.ceil(rows.length / 14);
  rows.forEach((row, i) => {
    const x = left + i * step;
    let y = height - bottom;
    const until = periodEnd(row.start, period);
    for (const q of [0, 1, 2, 3, 4]) {
      const count = row["q" + q + suffix];
      if (!count) continue;
      const h = count * scale;
      y -= h;
      const target = link("events", filterParams(params, { since: row.start, until, quad: q }));
      chart.append(svg("a", { href: target, class: "bar-link", "aria-label": `${row.period}: ${count} ${QUAD[q].name}` },
        svg("rect", { class: "bar", x: x + 1, y, width: Math.max(1, step - 2), height: h, fill: QUAD[q].colour,
          "data-period": row.period, "data-quad": q, "data-count": count },
          svg("title", {}, `${row.period} · ${QUAD[q].name}: ${count} (click for the events)`))));
    }
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x: x + step / 2, y: height - bottom + 16, class: "axis", "text-anchor": "middle" }, row.period));
    }
  });
  const total = rows.reduce((s, r) => s + r[measure === "unique" ? "unique_events" : "events"], 0);
  view.replaceChildren(title, controls, legend(), chart,
    el("p", { class: "note", text: `${total} ${measure === "unique" ? "deduplicated events" : "event reports"} in ${rows.length} ${period}s. Events dated less precisely than a ${period} are left out. Click a bar for its events.` }));
}

function periodEnd(start, period) {
  const d = new Date(start + "T00:00:00Z");
  if (period === "week") d.setUTCDate(d.getUTCDate() + 6);
  else {
    d.setUTCMonth(d.getUTCMonth() + (period === "month" ? 1 : 3));
    d.setUTCDate(0);
  }
  return d.toISOString().slice(0, 10);
}

function describe(params) {
  const parts = FILTERS.filter((k) => params.get(k)).map((k) => `${k} ${params.getAll(k).join(",")}`);
  return parts.length ? " — " + parts.join(", ") : "";
}

// ---------- network ----------
async function network(params) {
  const level = params.get("level") || "actor";
  const body = await api("network", filterParams(params, { level }));
  const { nodes, edges } = body.data;
  const controls = el("div", { class: "controls" }, el("label", {}, "Nodes ",
    el("select", { id: "level", onchange: (e) => go("network", filterParams(params, { level: e.target.value })) },
      ["actor", "country"].map((l) => el("option", { value: l, selected: l === level ? "" : null, text: l + "s" })))));
  const title = el("h2", { text: "Alignment network" + describe(params) });
  if (!edges.length) {
    view.replaceChildren(title, controls, empty("No dyads match these filters."));
    return;
  }
  const shown = [...nodes].sort((a, b) => b.events - a.events).slice(0, 28);
  const keep = new Set(shown.map((n) => n.id));
  const width = 1180, height = 470, cx = width / 2, cy = height / 2, radius = 200;
  const position = {};
  shown.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / shown.length - Math.PI / 2;
    position[n.id] = [cx + radius * 1.6 * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
  const chart = svg("svg", { id: "network-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Alignment network" },
    svg("defs", {}, ["coop", "conflict", "mixed"].map((kind) =>
      svg("marker", { id: "arrow-" + kind, viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
        svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow " + kind })))));
  const maxEvents = Math.max(...edges.map((e) => e.events));
  for (const edge of edges) {
    if (!keep.has(edge.source) || !keep.has(edge.target)) continue;
    const [x1, y1] = position[edge.source];
    const [x2, y2] = position[edge.target];
    const kind = edge.weight > 0 ? "coop" : edge.weight < 0 ? "conflict" : "mixed";
    const dyad = edge.source + "-" + edge.target;
    chart.append(svg("a", { href: link("events", filterParams(params, { dyad, actor: null })), "aria-label": `${dyad}: ${edge.cooperation} cooperative, ${edge.conflict} conflictual` },
      svg("line", { class: "edge " + kind, x1, y1, x2, y2, "stroke-width": 1.5 + (5 * edge.events) / maxEvents,
        "marker-end": `url(#arrow-${kind})`, "data-dyad": dyad, "data-events": edge.events },
        svg("title", {}, `${dyad}: ${edge.events} events, ${edge.cooperation} cooperation, ${edge.conflict} conflict (click for the events)`))));
  }
  const maxNode = Math.max(...shown.map((n) => n.events));
  for (const node of shown) {
    const [x, y] = position[node.id];
    chart.append(svg("a", { href: link("events", filterParams(params, { actor: node.id, dyad: null })), class: "node", "aria-label": `${node.id}: ${node.events} events` },
      svg("circle", { cx: x, cy: y, r: 5 + (9 * node.events) / maxNode, "data-node": node.id }),
      svg("text", { x, y: y - 14 - (9 * node.events) / maxNode, "text-anchor": "middle" }, node.id)));
  }
  view.replaceChildren(title, controls,
    el("ul", { class: "legend" },
      el("li", {}, el("span", { class: "swatch", style: "background:#1b7837" }), "more cooperation"),
      el("li", {}, el("span", { class: "swatch", style: "background:#b2182b" }), "more conflict"),
      el("li", {}, el("span", { class: "swatch", style: "background:#8a8f98" }), "balanced or neutral")),
    chart,
    el("p", { class: "note", text: `${edges.length} directed edges between ${nodes.length} ${level}s${nodes.length > shown.length ? ` (the ${shown.length} busiest shown)` : ""}. Line width: events; arrow: source to target. Click a line or a node for its events.` }));
}

// ---------- map ----------
let outlines = null;
async function map(params) {
  if (!outlines) outlines = await (await fetch("vendor/countries-110m.geojson")).json();
  const body = await api("places", filterParams(params));
  const width = 1180, height = 560;
  const project = ([lon, lat]) => [((lon + 180) / 360) * width, ((90 - lat) / 180) * height * 1.12 - 40];
  const centroid = {};
  // A ring crossing the date line (Russia, Fiji) restarts on the other side, not a line across.
  const ringPath = (ring) => ring.map((p, i) => (i && Math.abs(p[0] - ring[i - 1][0]) < 180 ? "L" : "M") +
    project(p).map((v) => v.toFixed(1)).join(",")).join("");
  const chart = svg("svg", { id: "map-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Map of events" });
  for (const feature of outlines.features) {
    const { iso3, name, lat, lon } = feature.properties;
    if (iso3 && lat !== null) centroid[iso3] = [lon, lat];
    const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const d = polygons.map((rings) => rings.map(ringPath).join("")).join("");
    chart.append(svg("path", { d, class: "country" }, svg("title", {}, name)));
  }
  const title = el("h2", { text: "Where events happen" + describe(params) });
  const points = body.data.filter((p) => p.lat !== null || centroid[p.country]);
  if (!points.length) {
    view.replaceChildren(title, chart, empty("No events with a place or an actor country match these filters."));
    return;
  }
  const max = Math.max(...points.map((p) => p.events));
  for (const point of points) {
    const byActor = point.lat === null;
    const [x, y] = project(byActor ? centroid[point.country] : [point.lon, point.lat]);
    const share = point.events ? point.conflict / point.events : 0;
    const colour = share > 0.5 ? "#b2182b" : point.cooperation / point.events > 0.5 ? "#1b7837" : "#8a6d3b";
    const target = byActor ? filterParams(params, { actor: point.country }) : filterParams(params, { place: point.place });
    chart.append(svg("a", { href: link("events", target), "aria-label": `${point.place}: ${point.events} events` },
      svg("circle", { class: "point" + (byActor ? " by-actor" : ""), cx: x, cy: y, r: 4 + 14 * Math.sqrt(point.events / max), fill: colour,
        "data-place": point.place, "data-events": point.events },
        svg("title", {}, `${point.place}${byActor ? " (actor's country)" : ""}: ${point.events} events, ${point.conflict} conflict, ${point.cooperation} cooperation`))));
  }
  view.replaceChildren(title,
    el("ul", { class: "legend" },
      el("li", {}, el("span", { class: "swatch", style: "background:#b2182b" }), "mostly conflict"),
      el("li", {}, el("span", { class: "swatch", style: "background:#1b7837" }), "mostly cooperation"),
      el("li", {}, el("span", { class: "swatch ring" }), "dashed: placed at the source actor's country")),
    chart,
    el("p", { class: "note", text: `${points.length} places. Geocoded events sit on their place; the others at their source actor's country. Click a circle for its events.` }));
}

// ---------- events table ----------
async function events(params) {
  const body = await api("events", filterParams(params, { limit: 50, cursor: params.get("cursor") }));
  const title = el("h2", { text: "Events" + describe(params) });
  if (!body.data.length) {
    view.replaceChildren(title, empty("No events match these filters. Try all factualities or a wider date range."));
    return;
  }
  const table = el("table", { id: "events-table" },
    el("thead", {}, el("tr", {}, ["Date", "Source", "Target", "CAMEO", "Quad", "Goldstein", "Factuality", "Place", "Reports", "Sentence"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}));
  const tbody = table.querySelector("tbody");
  const addRows = (rows) => {
    for (const row of rows) {
      const open = link("document", new URLSearchParams({ id: row.doc_id, event: row.event_id }));
      tbody.append(el("tr", { "data-event": row.event_id },
        el("td", { class: "nowrap", text: row.date ? row.date + (row.date_precision !== "day" ? " (" + row.date_precision + ")" : "") : "undated" }),
        el("td", { title: row.source_text || "", text: row.source }),
        el("td", { title: row.target_text || "", text: row.target || "—" }),
        el("td", { text: row.cameo }),
        el("td", {}, el("span", { class: "quad q" + row.quad_class, title: QUAD[row.quad_class].name, text: row.quad_class })),
        el("td", { class: "num", text: row.goldstein.toFixed(1) }),
        el("td", { text: row.factuality + (row.attributed_to ? " (" + row.attributed_to + ")" : "") }),
        el("td", { text: row.place || "—" }),
        el("td", { class: "num", title: "documents / mentions in this event's dedup cluster", text: `${row.cluster_documents}/${row.cluster_mentions}` }),
        el("td", { class: "sentence" }, el("a", { href: open, text: row.sentence }))));
    }
  };
  addRows(body.data);
  let next = body.next;
  const more = el("button", { type: "button", id: "more", hidden: next ? null : "" , text: "Show 50 more" });
  more.addEventListener("click", async () => {
    more.disabled = true;
    more.textContent = "Loading…";
    try {
      const page = await api("events", filterParams(params, { limit: 50, cursor: next }));
      addRows(page.data);
      next = page.next;
    } catch (error) { showError(error); }
    more.disabled = false;
    more.textContent = "Show 50 more";
    more.hidden = !next;
  });
  view.replaceChildren(title, table, more,
    el("p", { class: "note", text: "Newest first. Reports: documents / mentions of the same event (deduplicated by actors, code, date and place). Open a sentence to see it in its document." }));
}

// ---------- document ----------
async function documentView(params) {
  const id = params.get("id");
  if (!id) {
    view.replaceChildren(el("h2", { text: "Document" }), empty("Choose a sentence in the events table, or a point in a chart, to open its document."));
    return;
  }
  const doc = (await api("documents/" + encodeURIComponent(id))).data;
  const chosen = params.get("event");
  const head = el("div", { class: "doc-head" },
    el("h2", { text: doc.title || doc.doc_id }),
    el("p", { class: "note", text: [doc.date || "undated", doc.url || doc.path + (doc.line ? ":" + doc.line : ""), `${doc.events} events`].join(" · ") }));
  const byStart = {};
  for (const event of doc.events) (byStart[event.char_start] ||= []).push(event);
  const body = el("article", { id: "doc-text" });
  if (doc.text) {
    const segments = doc.segments.length ? doc.segments : [{ kind: "article", start: 0, end: doc.text.length }];
    for (const segment of segments) {
      const block = el("section", { class: "segment " + segment.kind }, el("span", { class: "kind", text: segment.kind + (segment.author ? " · " + segment.author : "") }));
      let at = segment.start;
      for (const sentence of doc.sentences.filter((s) => s.char_start >= segment.start && s.char_start < segment.end)) {
        if (sentence.char_start < at) continue;
        block.append(doc.text.slice(at, sentence.char_start));
        block.append(mark(sentence, byStart[sentence.char_start] || [], chosen));
        at = sentence.char_end;
      }
      block.append(doc.text.slice(at, segment.end));
      body.append(block);
    }
  } else {
    body.append(el("p", { class: "note", text: "The source file is not available here; the coded sentences are shown." }));
    for (const sentence of doc.sentences) body.append(el("p", {}, mark(sentence, byStart[sentence.char_start] || [], chosen)));
  }
  const list = el("ol", { id: "doc-events" }, doc.events.map((event) => el("li", { "data-event": event.event_id, class: event.event_id === chosen ? "chosen" : null },
    el("a", { href: "#mark-" + event.char_start, onclick: (e) => { e.preventDefault(); focusMark(event.char_start); } },
      el("strong", { text: `${event.source} → ${event.target || "—"}` }), ` ${event.cameo} `,
      el("span", { class: "quad q" + event.quad_class, text: QUAD[event.quad_class].name })),
    el("dl", {},
      el("dt", { text: "Factuality" }), el("dd", { class: "factuality", text: event.factuality }),
      el("dt", { text: "Attributed to" }), el("dd", { text: event.attributed_to ? `${event.attributed_to} (${event.attributed_text})` : "—" }),
      el("dt", { text: "Date" }), el("dd", { text: event.date ? `${event.date} (${event.date_precision})` : "unknown" }),
      el("dt", { text: "Place" }), el("dd", { text: event.place || "—" }),
      el("dt", { text: "Rule" }), el("dd", { class: "rule", text: event.rule })))));
  view.replaceChildren(head, el("div", { class: "doc-layout" }, body, el("aside", {}, el("h3", { text: "Events in this document" }), list)));
  if (chosen) {
    const event = doc.events.find((e) => e.event_id === chosen);
    if (event) focusMark(event.char_start);
  }
}

function mark(sentence, events, chosen) {
  const kinds = [...new Set(events.map((e) => e.quad_class))];
  return el("mark", { id: "mark-" + sentence.char_start, tabindex: "0", class: "q" + Math.max(...kinds, 0) + (events.some((e) => e.event_id === chosen) ? " chosen" : ""),
    title: events.map((e) => `${e.source} → ${e.target || "—"} ${e.cameo} (${e.factuality}; ${e.rule})`).join("\n") }, sentence.text);
}

function focusMark(start) {
  const node = document.getElementById("mark-" + start);
  if (node) { node.scrollIntoView({ block: "center" }); node.focus({ preventScroll: true }); }
}

// ---------- paste and code ----------
function codeView() {
  const text = el("textarea", { id: "code-text", rows: 8, "aria-label": "Text to code",
    placeholder: "Paste a news paragraph, e.g.: Iraqi troops attacked Iranian forces near Basra on Tuesday." });
  const day = el("input", { id: "code-date", placeholder: "YYYY-MM-DD", size: 10, "aria-label": "Reference date" });
  const out = el("div", { id: "code-result" });
  const run = async (e) => {
    e.preventDefault();
    out.replaceChildren(el("p", { class: "loading", role: "status", text: "Coding… (the first request loads the coder)" }));
    try {
      const body = await api("code", null, { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: text.value, date: day.value || null }) });
      out.replaceChildren(body.data.length ? codedTable(body.data) : empty("No events found in this text."));
    } catch (error) { out.replaceChildren(el("p", { class: "error", role: "alert", text: error.message })); }
  };
  view.replaceChildren(el("h2", { text: "Code a text" }),
    el("form", { id: "code-form", onsubmit: run }, text, el("div", { class: "controls" }, el("label", {}, "Reference date ", day),
      el("button", { type: "submit", text: "Find events" }), el("span", { class: "note", text: "Up to 20,000 characters; nothing is stored." }))), out);
  text.focus();
}

function codedTable(events) {
  return el("table", { id: "code-table" },
    el("thead", {}, el("tr", {}, ["Source", "Target", "CAMEO", "Quad", "Factuality", "Date", "Rule", "Sentence"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, events.map((e) => el("tr", {},
      el("td", { title: e.source.text, text: e.source.code }), el("td", { title: e.target ? e.target.text : "", text: e.target ? e.target.code : "—" }),
      el("td", { text: e.cameo }), el("td", {}, el("span", { class: "quad q" + e.quad_class, text: e.quad_class })),
      el("td", { text: e.factuality + (e.attributed_to ? " (" + e.attributed_to.code + ")" : "") }),
      el("td", { text: e.date || "—" }), el("td", { class: "rule", text: e.rule }), el("td", { class: "sentence", text: e.sentence })))));
}

// ---------- wiring ----------
const VIEWS = { timeline, network, map, events, document: documentView, code: codeView };

function go(name, params) {
  location.hash = link(name, params);
}

async function render() {
  const { name, params } = route();
  const show = VIEWS[name] || timeline;
  for (const a of document.querySelectorAll("nav a")) a.setAttribute("aria-current", a.dataset.view === name ? "page" : "false");
  const form = document.getElementById("filters");
  for (const input of form.elements) if (input.name) input.value = params.get(input.name) || "";
  form.hidden = name === "code" || name === "document";
  showError(null);
  loading();
  document.body.dataset.state = "loading";
  try {
    await show(params);
    const totals = name === "code" || name === "document" ? null : (await api("summary", filterParams(params))).data;
    document.getElementById("totals").textContent = totals ? `${totals.events} events · ${totals.unique_events} after dedup · ${totals.documents} documents` : "";
  } catch (error) {
    view.replaceChildren(empty("Could not load this view."));
    showError(error);
  }
  document.body.dataset.rendered = location.hash;  // which route "ready" refers to
  document.body.dataset.state = "ready";
}

document.getElementById("filters").addEventListener("submit", (e) => {
  e.preventDefault();
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(e.target)) if (value.trim()) params.append(key, value.trim());
  const current = route().name;
  go(current === "code" || current === "document" ? "events" : current, params);
});
document.getElementById("clear").addEventListener("click", () => go(route().name, new URLSearchParams()));
window.addEventListener("hashchange", render);
api("summary", new URLSearchParams()).then((body) => {
  document.getElementById("actor-codes").replaceChildren(...body.data.actor_codes.map((c) => el("option", { value: c })));
}).catch(() => {});
render();

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
const FILTERS = ["actor", "dyad", "code", "quad", "factuality", "since", "until", "place", "district", "doc", "q"];
const KEPT = ["quad", "doc", "period", "measure", "level", "sort"];
const SVG = "http://www.w3.org/2000/svg";
const view = document.getElementById("view");
const NAMES = {};  // actor code -> name, from /api/summary

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
// Coverage first: a period without documents is a gap, not a zero; the grey line is how many
// documents were coded per period (right axis); the table gives each period's band.
async function timeline(params) {
  const period = params.get("period") || "quarter";
  const measure = params.get("measure") || "events";
  const compare = measure === "unique" ? "unique_rate" : "rate";
  const body = await api("trend", filterParams(params, { period, measure: compare }));
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
  const width = 1180, height = 360, left = 44, right = 52, bottom = 40, top = 12;
  const max = Math.max(1, ...rows.map((r) => [0, 1, 2, 3, 4].reduce((s, q) => s + r["q" + q + suffix], 0)));
  const maxDocs = Math.max(1, ...rows.map((r) => r.documents));
  const step = (width - left - right) / rows.length;
  const scale = (height - bottom - top) / max;
  const docScale = (height - bottom - top) / maxDocs;
  const chart = svg("svg", { id: "timeline-chart", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "Events per " + period + " stacked by QuadClass, with the documents coded per " + period },
    svg("defs", {}, svg("pattern", { id: "no-coverage", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#c9ced6", "stroke-width": 3 }))));
  for (let i = 0; i <= 4; i++) {
    const value = Math.round((max * i) / 4);
    const y = height - bottom - value * scale;
    chart.append(svg("line", { x1: left, x2: width - right, y1: y, y2: y, class: "grid" }),
      svg("text", { x: left - 6, y: y + 4, class: "axis", "text-anchor": "end" }, String(value)),
      svg("text", { x: width - right + 6, y: height - bottom - ((maxDocs * i) / 4) * docScale + 4, class: "axis docs-axis" }, String(Math.round((maxDocs * i) / 4))));
  }
  const labelEvery = Math.ceil(rows.length / 14);
  const line = [];
  rows.forEach((row, i) => {
    const x = left + i * step;
    let y = height - bottom;
    const until = periodEnd(row.start, period);
    if (row.documents === 0) {
      // Events can be dated where no document was published (a visit announced ahead, a
      // history recalled): their bars stand on the hatch, and the tooltip says where they come from.
      const dated = row[measure === "unique" ? "unique_events" : "events"];
      const why = dated ? `no document published then; its ${dated} events are dated here by documents of other periods` : "no document coded";
      chart.append(svg("rect", { class: "gap", x: x + 1, y: top, width: Math.max(1, step - 2), height: height - bottom - top,
        fill: "url(#no-coverage)", "data-period": row.period }, svg("title", {}, `${row.period}: no coverage (${why})`)));
    } else {
      line.push(`${(x + step / 2).toFixed(1)},${(height - bottom - row.documents * docScale).toFixed(1)}`);
    }
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
  // The coverage line breaks at gaps: one polyline per covered run.
  for (const run of coverageRuns(rows, left, step, height - bottom, docScale)) {
    chart.append(svg("polyline", { class: "coverage", points: run.join(" ") }, svg("title", {}, "documents coded per " + period)));
  }
  const total = rows.reduce((s, r) => s + r[measure === "unique" ? "unique_events" : "events"], 0);
  const gaps = rows.filter((r) => r.documents === 0).length;
  view.replaceChildren(title, controls,
    el("ul", { class: "legend" }, [...legend().children], el("li", {}, el("span", { class: "swatch gap" }), "no coverage"),
      el("li", {}, el("span", { class: "swatch coverage" }), "documents coded (right axis)")),
    chart,
    el("p", { class: "note", text: `${total} ${measure === "unique" ? "deduplicated events" : "event reports"} in ${rows.length} ${period}s; ${gaps} without any document (hatched: no coverage, not zero). Events dated less precisely than a ${period} are left out. Click a bar for its events.` }),
    trendTable(rows, measure));
}

function coverageRuns(rows, left, step, base, docScale) {
  const runs = [];
  let current = [];
  rows.forEach((row, i) => {
    if (row.documents === 0) {
      if (current.length) runs.push(current);
      current = [];
      return;
    }
    current.push(`${(left + i * step + step / 2).toFixed(1)},${(base - row.documents * docScale).toFixed(1)}`);
  });
  if (current.length) runs.push(current);
  return runs;
}

// The trend view's table: per period the counts, the denominator and the band it earns.
function trendTable(rows, measure) {
  const heads = ["Period", "Events", "Unique", "Documents", "Per 100 documents", "Change", "Band"];
  return el("table", { id: "trend-table", class: "sortable" },
    el("caption", { class: "note", text: `Change of ${measure === "unique" ? "deduplicated " : ""}events per 100 documents coded, against the previous period.` }),
    el("thead", {}, el("tr", {}, heads.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows.map((r) => el("tr", { "data-period": r.period, "data-band": r.band, class: r.coverage === "none" ? "no-coverage" : null },
      el("td", { text: r.period }), el("td", { class: "num", text: r.events }), el("td", { class: "num", text: r.unique_events }),
      el("td", { class: "num", text: r.documents }),
      el("td", { class: "num", text: r.events_per_100_documents === null ? "—" : r.events_per_100_documents }),
      el("td", { class: "num", text: r.change_pct === null ? "—" : (r.change_pct > 0 ? "+" : "") + r.change_pct + " %" }),
      el("td", { class: "band", text: r.band })))));
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
      [["actor", "actors"], ["country", "countries"]].map(([l, text]) => el("option", { value: l, selected: l === level ? "" : null, text })))));
  const title = el("h2", { text: "Alignment network" + describe(params) });
  if (!edges.length) {
    view.replaceChildren(title, controls, empty("No dyads match these filters."));
    return;
  }
  const shown = [...nodes].sort((a, b) => b.events - a.events).slice(0, 28);
  const keep = new Set(shown.map((n) => n.id));
  const width = 1180, height = 520, cx = width / 2, cy = height / 2 + 10, radius = 210;
  const position = {};
  // A node in at least a third of the events (AFG in a war's reports) is the hub at the
  // centre, so its edges fan out and stay readable; the others sit on an ellipse round it.
  const total = nodes.reduce((s, n) => s + n.events, 0);
  const hub = shown[0].events * 3 >= total ? shown[0] : null;
  const ring = shown.filter((n) => n !== hub);
  if (hub) position[hub.id] = [cx, cy];
  ring.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / ring.length - Math.PI / 2;
    position[n.id] = [cx + radius * 1.9 * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
  const chart = svg("svg", { id: "network-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Alignment network" },
    svg("defs", {}, ["coop", "conflict", "mixed"].map((kind) =>
      svg("marker", { id: "arrow-" + kind, viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
        svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow " + kind })))));
  const maxEvents = Math.max(...edges.map((e) => e.events));
  const busiest = [...edges].filter((e) => keep.has(e.source) && keep.has(e.target)).sort((a, b) => b.events - a.events).slice(0, 6);
  const labels = svg("g", { class: "edge-labels" });
  for (const edge of edges) {
    if (!keep.has(edge.source) || !keep.has(edge.target)) continue;
    const [x1, y1] = position[edge.source];
    const [x2, y2] = position[edge.target];
    const kind = edge.weight > 0 ? "coop" : edge.weight < 0 ? "conflict" : "mixed";
    const dyad = edge.source + "-" + edge.target;
    const strokeWidth = 1.5 + (9 * edge.events) / maxEvents;
    const about = svg("title", {}, `${dyad}: ${edge.events} events, ${edge.cooperation} cooperation, ${edge.conflict} conflict (click for the events)`);
    const attrs = { "stroke-width": strokeWidth, "data-dyad": dyad, "data-events": edge.events };
    // Within one actor or country (AFG -> AFG: Afghan forces against Afghan insurgents): a loop.
    const shape = edge.source === edge.target
      ? svg("path", { class: "edge loop " + kind, d: loopPath(x1, y1, cx, cy, edge.events / maxEvents), fill: "none", ...attrs }, about)
      : svg("line", { class: "edge " + kind, x1, y1, x2, y2, "marker-end": `url(#arrow-${kind})`, ...attrs }, about);
    chart.append(svg("a", { href: link("events", filterParams(params, { dyad, actor: null })), "aria-label": `${dyad}: ${edge.cooperation} cooperative, ${edge.conflict} conflictual` }, shape));
    if (busiest.includes(edge)) {
      const [lx, ly] = edge.source === edge.target ? loopTop(x1, y1, cx, cy, edge.events / maxEvents) : [(x1 * 2 + x2) / 3, (y1 * 2 + y2) / 3];
      labels.append(svg("text", { x: lx, y: ly, class: "edge-label", "text-anchor": "middle", "data-dyad": dyad }, `${dyad} ${edge.events}`));
    }
  }
  const maxNode = Math.max(...shown.map((n) => n.events));
  for (const node of shown) {
    const [x, y] = position[node.id];
    chart.append(svg("a", { href: link("events", filterParams(params, { actor: node.id, dyad: null })), class: "node", "aria-label": `${node.id}: ${node.events} events` },
      svg("circle", { cx: x, cy: y, r: 5 + (9 * node.events) / maxNode, "data-node": node.id }),
      svg("text", { x, y: y - 14 - (9 * node.events) / maxNode, "text-anchor": "middle" }, node.id)));
  }
  chart.append(labels);
  const loops = edges.filter((e) => e.source === e.target).reduce((s, e) => s + e.events, 0);
  view.replaceChildren(title, controls,
    el("ul", { class: "legend" },
      el("li", {}, el("span", { class: "swatch", style: "background:#1b7837" }), "more cooperation"),
      el("li", {}, el("span", { class: "swatch", style: "background:#b2182b" }), "more conflict"),
      el("li", {}, el("span", { class: "swatch", style: "background:#8a8f98" }), "balanced or neutral")),
    chart,
    el("p", { class: "note", id: "network-note", text: `${edges.length} directed edges between ${nodes.length} ${level === "country" ? "countries" : "actors"}${nodes.length > shown.length ? ` (the ${shown.length} busiest shown)` : ""}; ${loops} events within one ${level === "country" ? "country" : "actor"}, drawn as loops. Line width: events; arrow: source to target; the busiest edges are labelled. Click a line or a node for its events.` }));
}

// A loop on the far side of a node from the centre (above the hub), as large as it is busy.
function loopAngle(x, y, cx, cy) {
  return x === cx && y === cy ? -Math.PI / 2 : Math.atan2(y - cy, x - cx);
}

function loopPath(x, y, cx, cy, share) {
  const angle = loopAngle(x, y, cx, cy), reach = 30 + 70 * share, spread = 14 + 30 * share;
  const [ox, oy] = [Math.cos(angle) * reach, Math.sin(angle) * reach];
  const [px, py] = [-Math.sin(angle) * spread, Math.cos(angle) * spread];
  return `M${x},${y} C${x + ox + px},${y + oy + py} ${x + ox - px},${y + oy - py} ${x},${y}`;
}

function loopTop(x, y, cx, cy, share) {
  const angle = loopAngle(x, y, cx, cy), reach = 36 + 62 * share;
  return [x + Math.cos(angle) * reach, y + Math.sin(angle) * reach + 4];
}

// ---------- events table ----------
async function events(params) {
  const [body, facetBody] = await Promise.all([
    api("events", filterParams(params, { limit: 50, cursor: params.get("cursor") })),
    api("facets", filterParams(params)),
  ]);
  const title = el("h2", { text: "Events" + describe(params) });
  const downloads = el("p", { class: "downloads" }, "Download this view: ",
    el("a", { id: "download-csv", href: "/api/events.csv?" + filterParams(params), download: "dyad-events.csv", text: "CSV" }), " · ",
    el("a", { id: "download-parquet", href: "/api/events.parquet?" + filterParams(params), download: "dyad-events.parquet", text: "Parquet" }),
    " (every matching event, not only this page)");
  const facetBox = facetPanel(facetBody.data, params);
  if (!body.data.length) {
    view.replaceChildren(title, facetBox, empty("No events match these filters. Try all factualities or a wider date range."));
    return;
  }
  const table = el("table", { id: "events-table", class: "sortable" },
    el("thead", {}, el("tr", {}, ["Date", "Source", "Target", "CAMEO", "Quad", "Goldstein", "Factuality", "Place", "Reports", "Sentence"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}));
  const tbody = table.querySelector("tbody");
  const addRows = (rows) => {
    for (const row of rows) {
      const open = link("document", new URLSearchParams({ id: row.doc_id, event: row.event_id }));
      tbody.append(el("tr", { "data-event": row.event_id },
        el("td", { class: "nowrap", text: row.date ? row.date + (row.date_precision !== "day" ? " (" + row.date_precision + ")" : "") : "undated" }),
        actorCell(row.source, row.source_text),
        row.target ? actorCell(row.target, row.target_text) : el("td", { text: "—" }),
        el("td", { class: "cameo", title: row.cameo_label || "", "data-code": row.cameo }, el("strong", { text: row.cameo }), " ", el("span", { class: "label", text: row.cameo_label || "" })),
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
  view.replaceChildren(title, downloads, el("div", { class: "with-facets" }, facetBox, el("div", {}, table, more)),
    el("p", { class: "note", text: "Newest first; click a column heading to sort the rows shown. Reports: documents / mentions of the same event (deduplicated by target, code, date and place). Actor words: hover a code. Open a sentence to see it in its document." }));
  sortable(table);
}

// An actor code with its name beside it and, on hover, the words of the text that produced it.
function actorCell(code, words) {
  const name = NAMES[code];
  return el("td", { title: words ? `from the words: "${words}"` : "", "data-actor": code },
    el("strong", { text: code }), name ? el("span", { class: "label", text: " " + name }) : null,
    words ? el("span", { class: "words", text: `“${words}”` }) : null);
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
    el("p", { class: "note", id: "doc-meta", text: [doc.date || "undated", doc.url || doc.path + (doc.line ? ":" + doc.line : ""), `${doc.events.length} event${doc.events.length === 1 ? "" : "s"}`].join(" · ") }));
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
      el("strong", { text: `${event.source} → ${event.target || "—"}` }), ` ${event.cameo} ${event.cameo_label || ""} `,
      el("span", { class: "quad q" + event.quad_class, text: QUAD[event.quad_class].name })),
    el("dl", {},
      el("dt", { text: "Actor words" }), el("dd", { class: "actor-words", text: `“${event.source_text}”` + (event.target_text ? ` → “${event.target_text}”` : "") }),
      el("dt", { text: "Factuality" }), el("dd", { class: "factuality", text: event.factuality }),
      el("dt", { text: "Attributed to" }), el("dd", { text: event.attributed_to ? `${event.attributed_to} (${event.attributed_text})` : "—" }),
      el("dt", { text: "Date" }), el("dd", { text: event.date ? `${event.date} (${event.date_precision})` : "unknown" }),
      el("dt", { text: "Place" }), el("dd", { text: event.district ? `${event.district} district, ${event.province}` : event.place || "—" }),
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
const VIEWS = { timeline, network, events, document: documentView, code: codeView };  // + map.js, views.js
const FORMLESS = ["code", "document", "rejections"];

function go(name, params) {
  location.hash = link(name, params);
}

async function render() {
  const { name, params } = route();
  const show = VIEWS[name] || timeline;
  for (const a of document.querySelectorAll("nav a")) a.setAttribute("aria-current", a.dataset.view === name ? "page" : "false");
  const form = document.getElementById("filters");
  for (const input of form.elements) if (input.name) input.value = params.get(input.name) || "";
  form.hidden = FORMLESS.includes(name);
  showError(null);
  loading();
  document.body.dataset.state = "loading";
  try {
    await show(params);
    const totals = FORMLESS.includes(name) ? null : (await api("summary", filterParams(params))).data;
    document.getElementById("totals").textContent = totals ? `${totals.events} events · ${totals.unique_events} after dedup · ${totals.documents} documents · counted: ${totals.counted.join(", ")}` : "";
  } catch (error) {
    view.replaceChildren(empty("Could not load this view."));
    document.getElementById("totals").textContent = "";  // the totals were another view's
    showError(error);
  }
  document.body.dataset.rendered = location.hash;  // which route "ready" refers to
  document.body.dataset.state = "ready";
}

document.getElementById("filters").addEventListener("submit", (e) => {
  e.preventDefault();
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(e.target)) if (value.trim()) params.append(key, value.trim());
  // What the form does not show (a clicked QuadClass, the period, the measure) is kept.
  const before = route().params;
  for (const key of KEPT) for (const value of before.getAll(key)) if (!params.has(key)) params.append(key, value);
  const current = route().name;
  go(FORMLESS.includes(current) ? "events" : current, params);
});
document.getElementById("clear").addEventListener("click", () => go(route().name, new URLSearchParams()));
window.addEventListener("hashchange", render);
// Start once every script (views.js adds views) has run.
window.addEventListener("DOMContentLoaded", async () => {
  try {
    const body = await api("summary", new URLSearchParams());
    Object.assign(NAMES, body.data.actor_names);
    document.getElementById("actor-codes").replaceChildren(...body.data.actor_codes.map((c) => el("option", { value: c, label: NAMES[c] || c })));
  } catch (error) { /* the view says what went wrong */ }
  render();
});

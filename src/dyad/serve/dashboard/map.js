// dyad dashboard, the map: Natural Earth country and province outlines shipped in vendor/,
// points from /api/places.
// Uses the helpers of app.js (el, svg, api, link, filterParams, describe, empty, VIEWS).
"use strict";

// ---------- map ----------
// The view fits the filtered events; the wheel zooms, dragging pans, the buttons do both.
// Events whose place is only a country sit at its centroid as a dashed ring; events with no
// place at all are not drawn (the note counts them).
let outlines = null, provinces = null;
const MAP = { width: 1180, height: 560 };
function project([lon, lat]) {
  return [((lon + 180) / 360) * MAP.width, ((90 - lat) / 180) * MAP.height * 1.12 - 40];
}

async function map(params) {
  if (!outlines) outlines = await (await fetch("vendor/countries-110m.geojson")).json();
  if (!provinces) provinces = await (await fetch("vendor/admin1.geojson")).json();
  const [body, totals] = await Promise.all([api("places", filterParams(params)), api("summary", filterParams(params))]);
  const { width, height } = MAP;
  const centroid = {};
  // A ring crossing the date line (Russia, Fiji) restarts on the other side, not a line across.
  const ringPath = (ring) => ring.map((p, i) => (i && Math.abs(p[0] - ring[i - 1][0]) < 180 ? "L" : "M") +
    project(p).map((v) => v.toFixed(2)).join(",")).join("");
  const chart = svg("svg", { id: "map-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Map of events" });
  const layer = svg("g", { class: "outlines" });
  for (const feature of outlines.features) {
    const { iso3, name, lat, lon } = feature.properties;
    if (iso3 && lat !== null) centroid[iso3] = [lon, lat];
    const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const d = polygons.map((rings) => rings.map(ringPath).join("")).join("");
    layer.append(svg("path", { d, class: "country" }, svg("title", {}, name)));
  }
  chart.append(layer);
  // Province lines (Natural Earth 1:10m, a few conflict countries): light, under the points.
  const borders = svg("g", { class: "provinces" });
  for (const feature of provinces.features) {
    const { iso3, name } = feature.properties;
    const d = feature.geometry.coordinates.map((rings) => rings.map(ringPath).join("")).join("");
    borders.append(svg("path", { d, class: "province", "data-iso3": iso3, "data-name": name }, svg("title", {}, name)));
  }
  chart.append(borders);
  const title = el("h2", { text: "Where events happen" + describe(params) });
  const points = body.data.filter((p) => p.lat !== null || centroid[p.country]);
  if (!points.length) {
    view.replaceChildren(title, chart, empty("No events with a place match these filters."));
    return;
  }
  const max = Math.max(...points.map((p) => p.events));
  const dots = svg("g", { class: "points" });
  const placed = [];
  for (const point of points) {
    const countryOnly = point.lat === null;
    const [x, y] = project(countryOnly ? centroid[point.country] : [point.lon, point.lat]);
    placed.push([x, y]);
    const share = point.events ? point.conflict / point.events : 0;
    const colour = share > 0.5 ? "#b2182b" : point.cooperation / point.events > 0.5 ? "#1b7837" : "#8a6d3b";
    const target = filterParams(params, { place: point.place });
    dots.append(svg("a", { href: link("events", target), "aria-label": `${point.place}: ${point.events} events` },
      svg("circle", { class: "point" + (countryOnly ? " country-only" : ""), cx: x, cy: y, r: 4 + 14 * Math.sqrt(point.events / max), fill: colour,
        "data-place": point.place, "data-districts": (point.districts || []).join("|"), "data-events": point.events, "data-precision": point.precision },
        svg("title", {}, `${point.place}${countryOnly ? " (the country only)" : point.province && point.province !== point.place ? ", " + point.province : ""}: ${point.events} events, ${point.conflict} conflict, ${point.cooperation} cooperation${point.districts && point.districts.length ? "; districts: " + point.districts.join(", ") : ""}`))));
  }
  chart.append(dots);
  const box = fitBox(placed, points.map((p) => p.events));
  const zoom = zoomable(chart, box);
  const unplaced = totals.data.events - points.reduce((s, p) => s + p.events, 0);
  view.replaceChildren(title,
    el("div", { class: "controls map-controls" },
      el("button", { type: "button", id: "zoom-in", text: "+", "aria-label": "Zoom in", onclick: () => zoom.by(0.6) }),
      el("button", { type: "button", id: "zoom-out", text: "−", "aria-label": "Zoom out", onclick: () => zoom.by(1 / 0.6) }),
      el("button", { type: "button", id: "zoom-fit", text: "Fit to events", onclick: () => zoom.set(box) }),
      el("button", { type: "button", id: "zoom-world", text: "World", onclick: () => zoom.set([0, 0, width, height]) })),
    el("ul", { class: "legend" },
      el("li", {}, el("span", { class: "swatch", style: "background:#b2182b" }), "mostly conflict"),
      el("li", {}, el("span", { class: "swatch", style: "background:#1b7837" }), "mostly cooperation"),
      el("li", {}, el("span", { class: "swatch ring" }), "dashed: the text names the country only")),
    chart,
    el("p", { class: "note", id: "map-note", text: `${points.length} places, fitted to where most events are ("World" shows them all). ${Math.max(0, unplaced)} matching events name no place and are not drawn. Wheel to zoom, drag to pan; click a circle for its events.` }));
}

// The viewBox around where most events are (a few far-off reports do not shrink the war
// to a dot: 5 % of the events may lie outside on each side), with a margin.
function fitBox(placed, weights) {
  const span = (values) => {
    const order = values.map((v, i) => [v, weights[i]]).sort((a, b) => a[0] - b[0]);
    const total = weights.reduce((s, w) => s + w, 0), cut = total * 0.05;
    let low = order[0][0], high = order[order.length - 1][0], seen = 0;
    for (const [v, w] of order) { seen += w; if (seen > cut) { low = v; break; } }
    seen = 0;
    for (const [v, w] of [...order].reverse()) { seen += w; if (seen > cut) { high = v; break; } }
    return [low, high];
  };
  const [x0, x1] = span(placed.map((p) => p[0])), [y0, y1] = span(placed.map((p) => p[1]));
  const minSize = 40;
  const w = Math.max(minSize, (x1 - x0) * 1.3), h = Math.max(minSize * MAP.height / MAP.width, (y1 - y0) * 1.3);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const ratio = MAP.width / MAP.height;
  const [bw, bh] = w / h > ratio ? [w, w / ratio] : [h * ratio, h];
  return [cx - bw / 2, cy - bh / 2, bw, bh];
}

function zoomable(chart, box) {
  let current = box;
  const apply = (next) => {
    current = next;
    chart.setAttribute("viewBox", next.map((v) => v.toFixed(2)).join(" "));
    const scale = next[2] / MAP.width;  // circles and strokes keep their size on screen
    chart.style.setProperty("--zoom", scale);
    chart.dataset.zoom = (1 / scale).toFixed(2);
    for (const c of chart.querySelectorAll("circle.point")) {
      if (!c.dataset.r) c.dataset.r = c.getAttribute("r");
      c.setAttribute("r", (Number(c.dataset.r) * Math.max(scale, 0.04)).toFixed(3));
    }
  };
  const by = (factor, cx, cy) => {
    const [x, y, w, h] = current;
    const px = cx === undefined ? x + w / 2 : cx, py = cy === undefined ? y + h / 2 : cy;
    apply([px - (px - x) * factor, py - (py - y) * factor, w * factor, h * factor]);
  };
  chart.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = chart.getBoundingClientRect();
    const [x, y, w, h] = current;
    by(e.deltaY > 0 ? 1.25 : 0.8, x + ((e.clientX - r.left) / r.width) * w, y + ((e.clientY - r.top) / r.height) * h);
  }, { passive: false });
  let drag = null;
  chart.addEventListener("pointerdown", (e) => { drag = [e.clientX, e.clientY, current]; });
  chart.addEventListener("pointerup", () => { drag = null; });
  chart.addEventListener("pointerleave", () => { drag = null; });
  chart.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const r = chart.getBoundingClientRect();
    const [sx, sy, [x, y, w, h]] = drag;
    apply([x - ((e.clientX - sx) / r.width) * w, y - ((e.clientY - sy) / r.height) * h, w, h]);
  });
  apply(box);
  return { by, set: apply };
}

VIEWS.map = map;

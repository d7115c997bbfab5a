// dyad dashboard, more views: dyads, rejections, facets and sortable tables.
// Uses the helpers of app.js (el, api, link, filterParams, describe, empty, NAMES, VIEWS).
"use strict";

// ---------- dyads ----------
async function dyadsView(params) {
  const sort = params.get("sort") || "events";
  const body = await api("dyads", filterParams(params, { limit: 100, sort }));
  const title = el("h2", { text: "Dyads" + describe(params) });
  const controls = el("div", { class: "controls" }, el("label", {}, "Rank by ",
    el("select", { id: "dyad-sort", onchange: (e) => go("dyads", filterParams(params, { sort: e.target.value })) },
      [["events", "events"], ["unique", "deduplicated events"], ["conflict_share", "conflict share"], ["goldstein", "Goldstein sum"]]
        .map(([value, text]) => el("option", { value, selected: value === sort ? "" : null, text })))));
  if (!body.data.length) {
    view.replaceChildren(title, controls, empty("No dyads match these filters."));
    return;
  }
  const heads = ["Source", "Target", "Events", "Unique", "Documents", "Conflict share", "Goldstein sum", "Goldstein mean"];
  const table = el("table", { id: "dyads-table", class: "sortable" },
    el("thead", {}, el("tr", {}, heads.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, body.data.map((d) => {
      const dyad = d.source + "-" + d.target;
      return el("tr", { "data-dyad": dyad },
        actorCell(d.source), actorCell(d.target),
        el("td", { class: "num" }, el("a", { href: link("events", filterParams(params, { dyad, sort: null })), text: d.events })),
        el("td", { class: "num", text: d.unique_events }), el("td", { class: "num", text: d.documents }),
        el("td", { class: "num", text: (100 * d.conflict_share).toFixed(0) + " %" }),
        el("td", { class: "num", text: d.goldstein_sum }), el("td", { class: "num", text: d.goldstein_mean }));
    })));
  view.replaceChildren(title, controls, table,
    el("p", { class: "note", text: "Directed: the source acts on the target. Conflict share: QuadClass 3 and 4 among the dyad's events. Click a count for its events, a heading to sort." }));
  sortable(table);
}

// ---------- rejections ----------
async function rejectionsView() {
  const body = await api("rejections");
  const title = el("h2", { text: "Rejected inputs and warnings" });
  if (!body.data.length) {
    view.replaceChildren(title, empty("Every input was read and coded without a warning."));
    return;
  }
  const table = el("table", { id: "rejections-table", class: "sortable" },
    el("thead", {}, el("tr", {}, ["File", "Line", "Stage", "Reason", "Hint", "Document"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, body.data.map((r) => el("tr", { class: r.stage.endsWith("warning") ? "warning" : "rejected" },
      el("td", { text: r.path }), el("td", { class: "num", text: r.line ?? "—" }), el("td", { text: r.stage }),
      el("td", { text: r.reason }), el("td", { text: r.hint || "" }),
      el("td", {}, r.doc_id ? el("a", { href: link("document", new URLSearchParams({ id: r.doc_id })), text: r.doc_id }) : "—")))));
  const warnings = body.data.filter((r) => r.stage.endsWith("warning")).length;
  view.replaceChildren(title,
    el("p", { class: "note", text: `${body.data.length - warnings} rejected (not stored), ${warnings} warnings (the document was kept). The same list as \`dyad rejections\`.` }),
    table);
  sortable(table);
}

// ---------- facets ----------
// The most frequent values of the view; a click narrows the view to one of them.
const FACET_NAMES = { code: "CAMEO code", place: "Place", district: "District", factuality: "Factuality", doc: "Document" };
function facetPanel(data, params) {
  const route = location.hash.replace(/^#/, "").split("?")[0] || "events";
  return el("aside", { id: "facets", "aria-label": "Facets" }, Object.entries(FACET_NAMES).map(([name, heading]) =>
    el("section", { class: "facet", "data-facet": name }, el("h3", { text: heading }),
      el("ul", {}, (data[name] || []).map((item) => el("li", {},
        el("a", { href: link(route, filterParams(params, { [name]: item.value, cursor: null })), "data-value": item.value,
          title: item.label || item.value },
          `${item.value}${item.label ? " " + item.label : ""}`),
        el("span", { class: "count", text: item.events })))))));
}

// ---------- sortable tables ----------
// A click on a heading sorts the rows shown by that column; again reverses.
function sortable(table) {
  table.querySelectorAll("thead th").forEach((th, column) => {
    th.tabIndex = 0;
    th.setAttribute("aria-sort", "none");
    const sort = () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("thead th").forEach((other) => other.setAttribute("aria-sort", "none"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.querySelector("tbody");
      const key = (row) => {
        const text = row.children[column].textContent.trim();
        const number = Number(text.replace(/[ %+,]/g, "").split("/")[0]);
        return Number.isNaN(number) || text === "" || text === "—" ? text.toLowerCase() : number;
      };
      const rows = [...body.children].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
        return ascending ? order : -order;
      });
      body.replaceChildren(...rows);
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
  });
}

Object.assign(VIEWS, { dyads: dyadsView, rejections: rejectionsView });

// Renders /openapi.json as a list of endpoints and parameters (a self-hosted stand-in for
// Swagger UI, which would load its scripts from a CDN). Text goes in through textContent only.
"use strict";

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function example(path, params) {
  const query = new URLSearchParams();
  for (const p of params) {
    const ex = p.example ?? (p.schema && (p.schema.examples || [])[0]);
    if (p.in === "query" && (p.required || ex !== undefined)) query.set(p.name, ex ?? "");
  }
  return path + (query.toString() ? "?" + query : "");
}

document.addEventListener("DOMContentLoaded", async () => {
  const main = document.getElementById("endpoints");
  const spec = await (await fetch("/openapi.json")).json();
  main.replaceChildren();
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const sec = el("section");
      sec.append(el("h2", `${method.toUpperCase()} ${path}`), el("p", op.summary || ""));
      if (op.description) sec.append(el("p", op.description));
      const params = op.parameters || [];
      if (params.length) {
        const table = el("table");
        const head = el("tr");
        for (const h of ["parameter", "in", "type", "required", "meaning"]) head.append(el("th", h, { scope: "col" }));
        table.append(head);
        for (const p of params) {
          const s = p.schema || {};
          const type = s.type || (s.anyOf || []).map((x) => x.type || x.format).filter(Boolean).join(" | ") ||
            (s.enum || []).join(" | ");
          const row = el("tr");
          for (const cell of [p.name, p.in, type + (s.pattern ? ` ${s.pattern}` : "") +
            (s.maximum !== undefined ? ` ≤ ${s.maximum}` : ""), p.required ? "yes" : "no", p.description || ""]) {
            row.append(el("td", cell));
          }
          table.append(row);
        }
        sec.append(table);
      }
      if (method === "get" && !path.includes("{")) {
        const href = example(path, params);
        const p = el("p", "Try: ");
        p.append(el("a", href, { href }));
        sec.append(p);
      }
      main.append(sec);
    }
  }
});

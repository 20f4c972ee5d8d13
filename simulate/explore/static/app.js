// The classroom explorer's page. It holds NO rule logic: every outcome, reason, veto mark and
// flip comes from the Python engine through the JSON API (API.md). The page keeps the state
// (scenario, rule, what-ifs, clicked ballots, new seats' ballots) in the URL, asks the server
// to replay it, and draws the answer as the figures do (colours, glyphs and shapes from
// /api/meta, which reads simulate/figures/style.py).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const CYCLE = ["yes", "no", "abstain", "absent"];
const $ = (id) => document.getElementById(id);

let meta = null;          // /api/meta
let last = null;          // the last /api/replay answer
let requestNo = 0;        // answers to older requests are dropped
const state = { scenario: "", rule: "", whatifs: [], sets: [], news: [], view: "table", panel: "" };

// ------------------------------------------------------------------ the state in the URL

function splitPair(text) {
  const i = text.lastIndexOf("=");
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}

function readUrl() {
  const p = new URLSearchParams(window.location.search);
  state.scenario = p.get("scenario") || meta.start;
  state.rule = p.get("rule") || "";
  state.whatifs = p.getAll("whatif");
  state.sets = p.getAll("set").map(splitPair);
  state.news = p.getAll("new").map(splitPair);
  state.view = p.get("view") === "compare" ? "compare" : "table";
  state.panel = p.get("panel") === "flips" ? "flips" : "";
}

function query(extra, forExport) {
  const p = new URLSearchParams();
  p.append("scenario", state.scenario);
  if (state.rule) p.append("rule", state.rule);
  for (const w of state.whatifs) p.append("whatif", w);
  for (const [m, b] of state.sets) p.append("set", `${m}=${b}`);
  for (const [k, b] of state.news) p.append("new", `${k}=${b}`);
  if (forExport) {  // the figure of the current view (a comparison needs a change to compare)
    if (state.view === "compare" && last && last.changed) p.append("view", "compare");
  } else {
    if (state.view !== "table") p.append("view", state.view);
    if (state.panel) p.append("panel", state.panel);
  }
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return p.toString();
}

function setPair(list, key, value) {
  const i = list.findIndex(([k]) => k === key);
  if (i >= 0) list[i] = [key, value]; else list.push([key, value]);
}

// ------------------------------------------------------------------ talking to the engine

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let data = null;
  try { data = await response.json(); } catch (e) { data = { error: `the server answered ${response.status}` }; }
  if (!response.ok) throw new Error(data && data.error ? data.error : `the server answered ${response.status}`);
  return data;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function refresh(status) {
  const mine = ++requestNo;
  document.body.dataset.pending = String(mine);
  const q = query();
  window.history.replaceState(null, "", "?" + q);
  try {
    const data = await getJson("/api/replay?" + q);
    if (mine !== requestNo) return;
    last = data;
    showError("");
    render(data);
    if (status) $("status").textContent = status;
    if (state.panel === "flips") loadFlips(mine);
  } catch (err) {
    if (mine !== requestNo) return;
    showError(err.message + " (Reset to the record starts again.)");
  }
  document.body.dataset.ready = String(mine);
}

let flipsAsked = "";  // on a reform council, the state the user asked "work it out" for

async function loadFlips(mine) {
  const box = $("flips");
  const big = last && last.seats.length > 15;
  box.hidden = false;
  box.dataset.ready = "";
  if (big && flipsAsked !== query()) {  // seconds of work: only when asked, not on every click
    box.replaceChildren(document.createTextNode(`On a council of ${last.seats.length} seats this can take a few seconds. `));
    const go = document.createElement("button");
    go.type = "button";
    go.id = "workitout";
    go.textContent = "Work it out";
    go.addEventListener("click", () => { flipsAsked = query(); loadFlips(requestNo); });
    box.append(go);
    box.dataset.ready = String(mine);
    return;
  }
  box.textContent = big ? "Working it out… (a council this large can take a few seconds)" : "Working it out…";
  try {
    const data = await getJson("/api/flips?" + query());
    if (mine !== requestNo) return;
    renderFlips(data);
  } catch (err) {
    if (mine !== requestNo) return;
    box.textContent = err.message;
  }
  box.dataset.ready = String(mine);
}

// ------------------------------------------------------------------ controls

function fillControls() {
  const pick = $("scenario");
  pick.replaceChildren();
  for (const s of meta.scenarios) {
    const o = new Option(`${s.symbol} · ${s.date} · ${s.title}${s.source === "file" ? " (your file)" : ""}`, s.id);
    pick.append(o);
  }
  const rule = $("rule");
  rule.replaceChildren(new Option("the draft's own rule", ""));
  for (const r of meta.rules) rule.append(new Option(`${r.name}: ${r.title}`, r.name));
  const newall = $("newall");
  newall.replaceChildren(...CYCLE.map((b) => new Option(b, b)));
}

function scenarioMeta() {
  return meta.scenarios.find((s) => s.id === state.scenario) || meta.scenarios[0];
}

function ruleMeta(name) {
  return meta.rules.find((r) => r.name === name);
}

function syncControls() {
  $("scenario").value = state.scenario;
  $("rule").value = state.rule;
  const list = $("whatiflist");
  list.replaceChildren();
  for (const w of scenarioMeta().whatifs) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = w.name;
    box.checked = state.whatifs.includes(w.name);
    box.addEventListener("change", () => {
      const on = new Set(state.whatifs);
      if (box.checked) on.add(w.name); else on.delete(w.name);
      state.whatifs = scenarioMeta().whatifs.map((x) => x.name).filter((n) => on.has(n));  // file order
      refresh(`What if: ${w.name} ${box.checked ? "on" : "off"}`);
    });
    const text = document.createElement("span");
    text.innerHTML = "";
    const b = document.createElement("b");
    b.textContent = w.name;
    text.append(b, document.createTextNode(": " + w.description));
    label.append(box, text);
    list.append(label);
  }
  $("whatifs").hidden = scenarioMeta().whatifs.length === 0;
  $("compare").setAttribute("aria-pressed", String(state.view === "compare"));
  $("flipsbtn").setAttribute("aria-pressed", String(state.panel === "flips"));
  if (state.panel !== "flips") $("flips").hidden = true;
}

function cycleSeat(seat) {
  const next = CYCLE[(CYCLE.indexOf(seat.ballot) + 1) % CYCLE.length];
  if (seat.new) {
    setPair(state.news, seat.name, next);
  } else if (next === seat.recorded && state.whatifs.length === 0) {
    state.sets = state.sets.filter(([m]) => m !== seat.name);  // back to the record: no override
  } else {
    setPair(state.sets, seat.name, next);
  }
  refresh(`${seat.name}: ${next}`).then(() => {
    const again = document.querySelector(`.panel.now [data-seat="${CSS.escape(seat.name)}"]`);
    if (again && document.activeElement === document.body) again.focus();
  });
}

function wire() {
  $("scenario").addEventListener("change", (e) => {
    Object.assign(state, { scenario: e.target.value, rule: "", whatifs: [], sets: [], news: [] });
    syncControls();
    refresh();
  });
  $("rule").addEventListener("change", (e) => {
    state.rule = e.target.value;
    const r = ruleMeta(state.rule);
    if (r && r.enlarged) {
      if (!state.news.length) state.news = [["all", "abstain"]];  // a stated default, shown and changeable
    } else {
      state.news = [];
    }
    refresh(`Rule: ${state.rule || "the draft's own rule"}`);
  });
  $("newall").addEventListener("change", (e) => {
    state.news = [["all", e.target.value], ...state.news.filter(([k]) => k !== "all")];
    refresh(`New seats vote ${e.target.value}`);
  });
  $("reset").addEventListener("click", () => {
    Object.assign(state, { rule: "", whatifs: [], sets: [], news: [] });
    syncControls();
    refresh("Back to the record");
  });
  $("compare").addEventListener("click", () => {
    state.view = state.view === "compare" ? "table" : "compare";
    syncControls();
    refresh();
  });
  $("flipsbtn").addEventListener("click", () => {
    state.panel = state.panel === "flips" ? "" : "flips";
    syncControls();
    refresh();
  });
  window.addEventListener("resize", () => { if (last) drawPanels(last); });
}

// ------------------------------------------------------------------ drawing the answer

function render(data) {
  syncControls();
  const d = data.draft;
  const draft = $("draft");
  draft.replaceChildren();
  const b = document.createElement("b");
  b.textContent = d.symbol;
  draft.append(b, document.createTextNode(` · ${d.long_date}${d.meeting ? " · " + d.meeting : ""} · ${d.title}`));

  const o = data.outcome;
  const result = $("result");
  result.className = "result " + (o.adopted ? "adopted" : "failed");
  $("headline").textContent = (o.adopted ? "✓ " : "✗ ") + data.headline;
  const tally = $("tally");
  tally.replaceChildren();
  const parts = [[o.yes, "in favour"], [o.no, "against"], [o.abstain, "abstaining"]];
  if (o.absent) parts.push([o.absent, "absent"]);
  parts.forEach(([n, w], i) => {
    const num = document.createElement("b");
    num.textContent = n;
    tally.append(num, document.createTextNode(` ${w}${i < parts.length - 1 ? " · " : ""}`));
  });
  if (o.required !== null) tally.append(document.createTextNode(` — ${o.required} required`));
  tally.append(document.createTextNode(` under ${data.rule.name}`));
  tally.title = data.rule.title;
  $("reason").textContent = o.reason;
  const notes = $("notes");
  notes.replaceChildren(...o.notes.map((n) => { const li = document.createElement("li"); li.textContent = n; return li; }));

  const enlarged = data.seats.some((s) => s.new);
  $("newseats").hidden = !enlarged;
  const all = state.news.find(([k]) => k === "all");
  if (all) $("newall").value = all[1];

  for (const fmt of ["png", "svg"]) $(fmt).href = "/api/export?" + query({ format: fmt }, true);
  $("cli").textContent = data.cli;
  drawPanels(data);
  drawLegend(data);
}

function drawPanels(data) {
  const box = $("panels");
  box.replaceChildren();
  const panels = state.view === "compare"
    ? [["before", "As voted", data.baseline, false], ["now", "Now", data, true]]
    : [["now", "", data, true]];
  document.querySelector("main").classList.toggle("comparing", state.view === "compare");
  const divs = [];
  for (const [cls, caption, panel, interactive] of panels) {
    const div = document.createElement("div");
    div.className = "panel " + cls;
    if (caption) {  // under "as voted" with no table under this rule, the engine's reason instead
      const h = document.createElement("h2");
      h.textContent = caption;
      const sub = document.createElement("p");
      sub.className = "sub";
      sub.textContent = panel.error || panel.headline;
      div.append(h, sub);
    }
    box.append(div);
    if (!panel.error) divs.push([div, panel, interactive]);
  }
  for (const [div, panel, interactive] of divs) {  // measured once every panel is in place
    const width = div.clientWidth || box.clientWidth || 800;
    const svg = drawCouncil(panel, interactive, width < 560);
    div.append(svg);
    fitViewBox(svg);
  }
}

// The drawing's own extent (labels vary in length), with a small margin.
function fitViewBox(svg) {
  try {
    const b = svg.getBBox();
    if (b.width > 0) svg.setAttribute("viewBox", `${(b.x - 6).toFixed(1)} ${(b.y - 6).toFixed(1)} ${(b.width + 12).toFixed(1)} ${(b.height + 12).toFixed(1)}`);
  } catch (e) { /* not rendered: keep the computed box */ }
}

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (parent) parent.append(node);
  return node;
}

function style(ballot) {
  return meta.style.ballots.find((b) => b.ballot === ballot);
}

// A seat's shape as in simulate/figures/table.py: veto holders squares, other permanent
// seats hexagons, elected seats circles; an absent seat has a dashed rim.
function shape(kind, x, y, r, attrs, parent) {
  if (kind === "veto") {
    const h = r * 0.9;
    return el("rect", { x: x - h, y: y - h, width: 2 * h, height: 2 * h, ...attrs }, parent);
  }
  if (kind === "permanent") {
    const pts = [];
    for (let i = 0; i < 6; i++) {
      const a = Math.PI / 2 + i * Math.PI / 3;
      pts.push(`${(x + 1.1 * r * Math.cos(a)).toFixed(1)},${(y - 1.1 * r * Math.sin(a)).toFixed(1)}`);
    }
    return el("polygon", { points: pts.join(" "), ...attrs }, parent);
  }
  return el("circle", { cx: x, cy: y, r: r, ...attrs }, parent);
}

function wrapName(name, narrow, seat) {
  if (narrow) return [seat.new ? "N" + name.replace(/\D+/g, "").slice(-1) + seat.iso3.slice(1, 2) : seat.iso3];
  if (name.length <= 19) return [name];
  const paren = name.indexOf(" (");
  if (paren > 0) return [name.slice(0, paren), name.slice(paren + 1)];
  const words = name.split(" ");
  let best = [name];
  let widest = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(" "), b = words.slice(i).join(" ");
    const w = Math.max(a.length, b.length);
    if (w < widest) { widest = w; best = [a, b]; }
  }
  return best;
}

// Anchors as near their wish as they can be without overlapping (top to bottom).
function spread(wish, heights, top, gap) {
  const ys = wish.slice();
  for (let i = 0; i < ys.length; i++) {
    const min = i === 0 ? top + heights[0] / 2 : ys[i - 1] + heights[i - 1] / 2 + gap + heights[i] / 2;
    ys[i] = Math.max(ys[i], min);
  }
  return ys;
}

function drawCouncil(panel, interactive, narrow) {
  const seats = panel.seats;
  const perSide = Math.max(...seats.map((s) => s.of));
  const W = narrow ? 600 : 1000;
  const R = narrow ? 150 : 175;
  const fs = narrow ? 24 : 23;
  const step = perSide <= 8 ? 62 : perSide <= 10 ? 52 : 46;
  const r = Math.min(25, step / 3.25);
  const ring = r * 1.62;
  const cx = W / 2, yc = 26 + ring + R;
  // labels, measured first: the legs grow until every label can sit near its seat
  const lineH = fs * 1.12;
  const blocks = {};
  let labelSpan = 0;
  for (const side of ["left", "right"]) {
    let span = 0;
    for (const s of seats.filter((x) => x.side === side)) {
      const lines = wrapName(s.name, narrow, s);
      const height = lines.length * lineH + (s.was ? fs * 0.95 : 0) + (s.blocking ? fs * 1.25 : 0);
      blocks[s.name] = { lines, height };
      span += height + 6;
    }
    labelSpan = Math.max(labelSpan, span);
  }
  const L = Math.max(40, perSide * step - Math.PI * R / 2, labelSpan - 0.55 * R);
  const half = Math.PI * R / 2 + L;
  const labelX = R + ring + (narrow ? 26 : 34);

  const svg = el("svg", { class: "horseshoe", role: "group", "aria-label": "The Council table" });
  const defs = el("g", {}, svg);
  // the table top: a U between two radii, legs down
  const rOut = R - r * 1.05 - 6, rIn = rOut - Math.min(Math.max(0.16 * R, 16), 40), bottom = yc + L;
  el("path", {
    d: `M ${cx - rOut} ${bottom} L ${cx - rOut} ${yc} A ${rOut} ${rOut} 0 0 1 ${cx + rOut} ${yc} L ${cx + rOut} ${bottom}`
      + ` L ${cx + rIn} ${bottom} L ${cx + rIn} ${yc} A ${rIn} ${rIn} 0 0 0 ${cx - rIn} ${yc} L ${cx - rIn} ${bottom} Z`,
    fill: "#D9D4CC", stroke: "#A69F94", "stroke-width": 1.5,
  }, defs);

  // where each seat sits: down the arc from the head, then down the leg (as _path_point)
  const place = (order, of, side) => {
    const s = (order + 0.5) * (half / of);
    const arc = Math.PI * R / 2;
    let x, y, nx, ny;
    if (s <= arc) {
      const t = s / R;
      x = -R * Math.sin(t); y = -R * Math.cos(t); nx = -Math.sin(t); ny = -Math.cos(t);
    } else {
      x = -R; y = s - arc; nx = -1; ny = 0;
    }
    const sign = side === "left" ? 1 : -1;
    return { x: cx + sign * x, y: yc + y, nx: sign * nx, ny: ny };
  };

  let maxY = bottom + ring;
  for (const side of ["left", "right"]) {
    const mine = seats.filter((s) => s.side === side).sort((a, b) => a.order - b.order);
    const pos = mine.map((s) => place(s.order, s.of, side));
    const lines = mine.map((s) => blocks[s.name].lines);
    const heights = mine.map((s) => blocks[s.name].height);
    const wish = pos.map((p, i) => p.y + (heights[i] - lines[i].length * lineH) / 2);  // the name at the seat's height
    const ys = spread(wish, heights, 8, 6);
    mine.forEach((seat, i) => {
      const p = pos[i];
      const sign = side === "left" ? -1 : 1;
      const g = el("g", { class: "seat", "data-seat": seat.name, "data-ballot": seat.ballot }, svg);
      const top = ys[i] - heights[i] / 2;
      const nameY = top + lines[i].length * lineH / 2;
      // the leader: out from the seat, across, to the label
      const ex = p.x + p.nx * (ring + 3), ey = p.y + p.ny * (ring + 3);
      const kx = cx + sign * (R + ring + 8);
      el("polyline", {
        points: `${p.x},${p.y} ${ex},${ey} ${kx},${ey} ${cx + sign * (labelX - 6)},${nameY}`,
        fill: "none", stroke: "#7A7A7A", "stroke-width": 2,
      }, g);
      const look = style(seat.effective);
      el("circle", { class: "focusring", cx: p.x, cy: p.y, r: ring + 4, fill: "none", stroke: "#0072B2", "stroke-width": 5 }, g);
      shape(seat.kind, p.x, p.y, r, {
        class: "shape", fill: look.colour, stroke: "#333333", "stroke-width": seat.permanent ? 2.6 : 1.6,
        "stroke-dasharray": seat.effective === "absent" ? "5 3" : "none",
      }, g);
      const glyph = el("text", {
        x: p.x, y: p.y, "text-anchor": "middle", "dominant-baseline": "central", "font-size": r * 1.35,
        "font-weight": "bold", fill: "#111111", class: "glyph",
      }, g);
      glyph.textContent = look.glyph;
      if (seat.blocking) {
        el("circle", { class: "vetoring", cx: p.x, cy: p.y, r: r * 1.33, fill: "none", stroke: meta.style.veto, "stroke-width": 4 }, g);
      }
      if (seat.changed) {
        el("circle", {
          class: "changedring", cx: p.x, cy: p.y, r: ring, fill: "none", stroke: meta.style.changed, "stroke-width": 3.5,
          "stroke-dasharray": "6 4",
        }, g);
      }
      const anchor = side === "left" ? "end" : "start";
      const lx = cx + sign * labelX;
      const label = el("text", {
        x: lx, y: top, "text-anchor": anchor, "font-size": fs, "font-weight": seat.permanent ? "bold" : "normal",
        fill: "#111111", class: "label",
      }, g);
      lines[i].forEach((line, j) => {
        const t = el("tspan", { x: lx, y: top + (j + 0.8) * lineH }, label);
        t.textContent = line;
      });
      let below = top + lines[i].length * lineH;
      if (seat.was) {
        const was = el("text", {
          x: lx, y: below + fs * 0.75, "text-anchor": anchor, "font-size": fs * 0.82, "font-style": "italic",
          fill: "#7A2E5C", class: "was",
        }, g);
        was.textContent = `was: ${style(seat.was).label}`;
        below += fs * 0.95;
      }
      if (seat.blocking) {
        const bw = fs * 3.3, bh = fs * 1.1;
        const bx = side === "left" ? lx - bw : lx;
        el("rect", { x: bx, y: below + 2, width: bw, height: bh, rx: 5, fill: meta.style.veto }, g);
        const tag = el("text", {
          x: bx + bw / 2, y: below + 2 + bh / 2, "text-anchor": "middle", "dominant-baseline": "central",
          "font-size": fs * 0.8, "font-weight": "bold", fill: "#ffffff", class: "vetotag",
        }, g);
        tag.textContent = "VETO";
        below += fs * 1.25;
      }
      maxY = Math.max(maxY, below + 6);
      const title = el("title", {}, g);
      const word = style(seat.ballot).word;
      const kind = meta.style.kinds[seat.kind];
      title.textContent = `${seat.name} (${kind}${seat.new ? ", a new seat" : ""}): ${word}`
        + (seat.effective !== seat.ballot ? ` (counts as ${style(seat.effective).word})` : "")
        + (seat.blocking ? " — a blocking veto" : "");
      if (interactive) {
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", `${title.textContent}. Press Enter to change the vote.`);
        g.addEventListener("click", () => cycleSeat(seat));
        g.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
            e.preventDefault();
            cycleSeat(seat);
          }
        });
      } else {
        g.setAttribute("class", "seat still");
        g.setAttribute("aria-label", title.textContent);
        g.style.cursor = "default";
      }
    });
  }

  // the result inside the horseshoe
  const o = panel.outcome;
  const inner = 2 * rIn - 16;
  const big = Math.min(narrow ? 26 : 28, inner / 9.5);
  const midY = yc + Math.min(L, R) * 0.25;
  const text = o.adopted ? "✓ ADOPTED" : "✗ NOT ADOPTED";
  const boxW = Math.min(inner, big * text.length * 0.66 + big);
  el("rect", {
    x: cx - boxW / 2, y: midY - big * 0.85, width: boxW, height: big * 1.7, rx: 8,
    fill: o.adopted ? meta.style.adopted : meta.style.failed, stroke: "#333333", "stroke-width": 1.5,
  }, svg);
  const res = el("text", {
    x: cx, y: midY, "text-anchor": "middle", "dominant-baseline": "central", "font-size": big, "font-weight": "bold",
    fill: "#111111", class: "resulttext",
  }, svg);
  res.textContent = text;
  const counts = [o.yes, o.no, o.abstain].concat(o.absent ? [o.absent] : []);
  const tally = el("text", {
    x: cx, y: midY + big * 2.1, "text-anchor": "middle", "dominant-baseline": "central", "font-size": big * 1.6,
    "font-weight": "bold", fill: "#111111", class: "tallytext",
  }, svg);
  tally.textContent = counts.join(" – ");
  const words = el("text", {
    x: cx, y: midY + big * 3.5, "text-anchor": "middle", "dominant-baseline": "central", "font-size": big * 0.62,
    fill: "#111111",
  }, svg);
  words.textContent = "for · against · abstain" + (o.absent ? " · absent" : "");
  if (o.required !== null) {
    const need = el("text", {
      x: cx, y: midY + big * 4.4, "text-anchor": "middle", "dominant-baseline": "central", "font-size": big * 0.62,
      fill: "#111111",
    }, svg);
    need.textContent = `${o.required} needed`;
  }
  const H = Math.max(maxY, midY + big * 5) + 8;
  svg.setAttribute("viewBox", `0 0 ${W} ${Math.ceil(H)}`);
  return svg;
}

function drawLegend(data) {  // as the figures' legend: the four ballots, then what is on the table
  const legend = $("legend");
  const seats = data.seats.concat(state.view === "compare" && data.baseline.seats ? data.baseline.seats : []);
  legend.replaceChildren();
  const item = (draw, text) => {
    const span = document.createElement("span");
    const svg = el("svg", { viewBox: "0 0 40 40", "aria-hidden": "true" });
    draw(svg);
    span.append(svg, document.createTextNode(text));
    legend.append(span);
  };
  for (const b of meta.style.ballots) {
    item((svg) => {
      shape("elected", 20, 20, 14, { fill: b.colour, stroke: "#333333", "stroke-width": 2, "stroke-dasharray": b.ballot === "absent" ? "4 3" : "none" }, svg);
      const t = el("text", { x: 20, y: 21, "text-anchor": "middle", "dominant-baseline": "central", "font-size": 20, "font-weight": "bold" }, svg);
      t.textContent = b.glyph;
    }, b.word);
  }
  for (const [kind, words] of Object.entries(meta.style.kinds)) {
    if (!seats.some((s) => s.kind === kind)) continue;
    item((svg) => shape(kind, 20, 20, 13, { fill: "#ffffff", stroke: "#333333", "stroke-width": 2.5 }, svg), words);
  }
  if (seats.some((s) => s.blocking)) item((svg) => {
    shape("veto", 20, 20, 9, { fill: style("no").colour, stroke: "#333333", "stroke-width": 1.5 }, svg);
    el("circle", { cx: 20, cy: 20, r: 16, fill: "none", stroke: meta.style.veto, "stroke-width": 3.5 }, svg);
  }, "blocking veto (VETO)");
  if (seats.some((s) => s.changed)) item((svg) => {
    el("circle", { cx: 20, cy: 20, r: 10, fill: "#ffffff", stroke: "#333333", "stroke-width": 1.5 }, svg);
    el("circle", { cx: 20, cy: 20, r: 16, fill: "none", stroke: meta.style.changed, "stroke-width": 3, "stroke-dasharray": "5 3" }, svg);
  }, "changed from the record");
}

function renderFlips(data) {
  const box = $("flips");
  box.replaceChildren();
  const head = document.createElement("p");
  const verb = data.adopted ? "to defeat it" : "to adopt it";
  if (data.count === 0) {
    head.textContent = `Nothing would reverse this vote: no change of ballots ${verb}.`;
    box.append(head);
    return;
  }
  const shown = data.minimal_sets.length;
  head.innerHTML = "";
  const b = document.createElement("b");
  b.textContent = `What would it take ${verb}?`;
  head.append(b, document.createTextNode(
    ` ${data.count} smallest way${data.count === 1 ? "" : "s"}` + (shown < data.count ? ` (the first ${shown} shown)` : "") + ":"));
  box.append(head);
  const list = document.createElement("ol");
  for (const set of data.minimal_sets) {
    const li = document.createElement("li");
    li.textContent = set.map((c) => `${c.member}: ${c.from} → ${c.to}`).join("; ");
    const go = document.createElement("button");
    go.type = "button";
    go.textContent = "Try it";
    go.addEventListener("click", () => {
      const isNew = new Set((last ? last.seats : []).filter((s) => s.new).map((s) => s.name));
      for (const c of set) {
        if (isNew.has(c.member)) setPair(state.news, c.member, c.to); else setPair(state.sets, c.member, c.to);
      }
      refresh("Tried: " + li.firstChild.textContent);
    });
    li.append(go);
    list.append(li);
  }
  box.append(list);
  if (data.critical.length) {
    const p = document.createElement("p");
    p.textContent = `Needed in every way: ${data.critical.join(", ")}.`;
    box.append(p);
  }
}

async function start() {
  try {
    meta = await getJson("/api/meta");
  } catch (err) {
    showError("Cannot reach the explorer's server: " + err.message);
    return;
  }
  fillControls();
  readUrl();
  wire();
  syncControls();
  await refresh();
}

start();

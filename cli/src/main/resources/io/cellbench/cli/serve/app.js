// The live page: polls /api/cells every 2 s for the table, and appends the selected cell's
// new samples (/api/cells/{id}/series?since=…) to two canvas plots. No libraries.
"use strict";

const REFRESH_MS = 2000;
const MAX_POINTS = 2000;     // per request; the server thins older data evenly
const KEEP_POINTS = 4000;    // in the page; beyond this every other point is dropped

const state = { cell: null, cells: [], t: [], v: [], i: [], since: -Infinity, busy: false };

function fmt(x, digits) {
  return x === null || x === undefined ? "–" : x.toFixed(digits);
}

function hours(s) {
  if (s === null || s === undefined) return "–";
  if (s < 3600) return (s / 60).toFixed(1) + " min";
  return (s / 3600).toFixed(2) + " h";
}

function stateClass(c) {
  if (c.outcome && c.outcome !== "COMPLETED") return "failed";
  return c.state.split(" ")[0];
}

function td(text, cls) {
  const el = document.createElement("td");
  el.textContent = text;
  if (cls) el.className = cls;
  return el;
}

function renderTable(data) {
  document.getElementById("run-id").textContent = data.run_id + (data.live ? " · live" : "");
  state.cells = data.cells;
  const body = document.querySelector("#cells tbody");
  const rows = [];
  for (const c of data.cells) {
    const tr = document.createElement("tr");
    tr.dataset.cell = c.id;
    if (c.id === state.cell) tr.className = "selected";
    tr.appendChild(td(c.id));
    const st = document.createElement("td");
    const badge = document.createElement("span");
    badge.className = "state " + stateClass(c);
    badge.textContent = c.outcome ? c.outcome.toLowerCase() : c.state;
    st.appendChild(badge);
    tr.appendChild(st);
    tr.appendChild(td(c.cycle ? String(c.cycle) : "–", "num"));
    tr.appendChild(td(fmt(c.voltage_volt, 3), "num"));
    tr.appendChild(td(c.current_ampere === null ? "–" : (c.current_ampere * 1000).toFixed(3), "num"));
    tr.appendChild(td(hours(c.test_time_second), "num"));
    tr.appendChild(td(c.progress === null ? "–" : Math.round(c.progress * 100) + " %", "num done"));
    const wide = td("", "wide");
    const step = document.createElement("b");
    step.textContent = c.step;
    wide.appendChild(step);
    if (c.last_event) wide.appendChild(document.createTextNode(" · " + c.last_event));
    tr.appendChild(wide);
    tr.addEventListener("click", () => select(c.id));
    rows.push(tr);
  }
  body.replaceChildren(...rows);
  if (state.cell === null && data.cells.length > 0) {
    const fromHash = decodeURIComponent(location.hash.slice(1));
    select(data.cells.some(c => c.id === fromHash) ? fromHash : data.cells[0].id);
  }
  showDetail();
}

function showDetail() {
  const shown = state.cells.find(c => c.id === state.cell);
  document.getElementById("cell-detail").textContent =
      shown ? shown.step + (shown.last_event ? " · " + shown.last_event : "") : "";
}

function select(id) {
  if (id === state.cell) return;
  Object.assign(state, { cell: id, t: [], v: [], i: [], since: -Infinity });
  history.replaceState(null, "", "#" + encodeURIComponent(id));
  for (const tr of document.querySelectorAll("#cells tbody tr")) {
    tr.classList.toggle("selected", tr.dataset.cell === id);
  }
  document.getElementById("plot-title").textContent = id + ": voltage and current";
  showDetail();
  draw();
  refreshSeries();
}

async function getJson(url) {
  const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) throw new Error(response.status + " " + (await response.text()).trim());
  return response.json();
}

async function refreshSeries() {
  if (state.cell === null || state.busy) return;
  state.busy = true;
  const cell = state.cell;
  try {
    const since = state.since === -Infinity ? "" : String(state.since);
    const s = await getJson("/api/cells/" + encodeURIComponent(cell) + "/series?since=" + since + "&max=" + MAX_POINTS);
    if (cell !== state.cell) return;  // the user picked another cell meanwhile
    const n = s.test_time_second.length;
    if (n > 0) {
      state.t.push(...s.test_time_second);
      state.v.push(...s.voltage_volt);
      state.i.push(...s.current_ampere.map(a => a === null ? null : a * 1000));
      state.since = s.test_time_second[n - 1];
      while (state.t.length > KEEP_POINTS) {
        for (const k of ["t", "v", "i"]) state[k] = state[k].filter((_, j) => j % 2 === 0 || j === state[k].length - 1);
      }
      draw();
    }
  } finally {
    state.busy = false;
  }
}

function niceStep(span, target) {
  const raw = span / target;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

function ticks(lo, hi, target) {
  const step = niceStep(hi - lo || 1, target);
  const out = [];
  for (let x = Math.ceil(lo / step) * step; x <= hi + step * 1e-9; x += step) out.push(x);
  return { values: out, step };
}

function label(x, step) {
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return x.toFixed(Math.min(digits, 6));
}

function plot(canvas, xs, ys, yLabel, color) {
  const ratio = window.devicePixelRatio || 1;
  const w = canvas.clientWidth, h = canvas.clientHeight;
  canvas.width = Math.round(w * ratio);
  canvas.height = Math.round(h * ratio);
  const g = canvas.getContext("2d");
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, w, h);
  const font = Math.max(11, Math.min(13, w / 40));
  g.font = font + "px system-ui, sans-serif";
  const left = font * 4.2, right = 10, top = font * 1.6, bottom = font * 2.8;
  const pw = w - left - right, ph = h - top - bottom;
  g.fillStyle = "#1d232a";
  g.textAlign = "left";
  g.textBaseline = "alphabetic";
  g.fillText(yLabel, 4, font * 1.1);
  let yMin = Infinity, yMax = -Infinity;
  for (const y of ys) if (y !== null) { if (y < yMin) yMin = y; if (y > yMax) yMax = y; }
  if (xs.length === 0 || yMin === Infinity) {
    g.fillStyle = "#5b6570";
    g.fillText("no samples yet", left + 8, top + ph / 2);
    return;
  }
  if (yMax - yMin < 1e-9) { yMin -= 0.5 * (Math.abs(yMin) || 1) * 0.01 + 1e-3; yMax += (yMax - yMin); }
  const pad = (yMax - yMin) * 0.06;
  yMin -= pad; yMax += pad;
  // hours on the time axis once the run is longer than two hours, minutes before
  const useHours = xs[xs.length - 1] - xs[0] > 7200 || xs[xs.length - 1] > 7200;
  const unit = useHours ? 3600 : 60;
  const xMin = xs[0] / unit, xMax = Math.max(xs[xs.length - 1] / unit, xMin + 1e-6);
  const X = x => left + (x / unit - xMin) / (xMax - xMin) * pw;
  const Y = y => top + (1 - (y - yMin) / (yMax - yMin)) * ph;
  g.strokeStyle = "#d6dbe0";
  g.lineWidth = 1;
  g.fillStyle = "#5b6570";
  const yt = ticks(yMin, yMax, Math.max(3, Math.floor(ph / 45)));
  g.textAlign = "right";
  g.textBaseline = "middle";
  for (const y of yt.values) {
    const py = Math.round(Y(y)) + 0.5;
    g.beginPath(); g.moveTo(left, py); g.lineTo(left + pw, py); g.stroke();
    g.fillText(label(y, yt.step), left - 5, py);
  }
  const xt = ticks(xMin, xMax, Math.max(3, Math.floor(pw / 80)));
  g.textAlign = "center";
  g.textBaseline = "top";
  for (const x of xt.values) {
    const px = Math.round(left + (x - xMin) / (xMax - xMin) * pw) + 0.5;
    g.beginPath(); g.moveTo(px, top); g.lineTo(px, top + ph); g.stroke();
    // A label at the right edge would be cut off by the canvas; the grid line still shows.
    const text = label(x, xt.step);
    if (px + g.measureText(text).width / 2 <= w) {
      g.fillText(text, px, top + ph + 4);
    }
  }
  g.fillText("test time / " + (useHours ? "h" : "min"), left + pw / 2, top + ph + font + 8);
  g.strokeStyle = "#1d232a";
  g.strokeRect(left + 0.5, top + 0.5, pw, ph);
  g.strokeStyle = color;
  g.lineWidth = 1.5;
  g.beginPath();
  let pen = false;
  for (let k = 0; k < xs.length; k++) {
    if (ys[k] === null) { pen = false; continue; }
    if (pen) g.lineTo(X(xs[k]), Y(ys[k])); else g.moveTo(X(xs[k]), Y(ys[k]));
    pen = true;
  }
  g.stroke();
}

function draw() {
  plot(document.getElementById("voltage"), state.t, state.v, "Voltage / V", "#0b5cad");
  plot(document.getElementById("current"), state.t, state.i, "Current / mA (+ charge)", "#b35900");
  const plots = document.getElementById("plots");
  plots.dataset.points = String(state.t.length);
  plots.dataset.cell = state.cell || "";
}

async function refresh() {
  const status = document.getElementById("status");
  try {
    renderTable(await getJson("/api/cells"));
    await refreshSeries();
    status.textContent = "updated " + new Date().toLocaleTimeString();
    status.classList.remove("stale");
  } catch (e) {
    status.textContent = "cannot reach cellbench (" + e.message + "); retrying";
    status.classList.add("stale");
  }
}

window.addEventListener("resize", draw);
refresh();
setInterval(refresh, REFRESH_MS);

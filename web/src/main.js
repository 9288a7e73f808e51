// palaver's dashboard: a filter bar and four panels (timeline, actor network, map, event list)
// over the read-only API; an event row opens its evidence. Each panel records what it shows in
// data-count and data-signature attributes, so that tests can check the data, not only the page.
import "./main.css";
import * as echarts from "echarts/core";
import { BarChart, LineChart, GraphChart, ScatterChart } from "echarts/charts";
import { GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import L from "leaflet";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";

echarts.use([
  BarChart, LineChart, GraphChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent,
  MarkLineComponent, CanvasRenderer,
]);

const COOP = "#2b83ba";
const CONF = "#d7191c";
const $ = (sel) => document.querySelector(sel);
const form = $("#filters");

function filterParams() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) p.set(k, String(v).trim());
  return p;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function mark(el, count, signature) {
  el.dataset.count = String(count);
  el.dataset.signature = signature;
}

// Timeline
const timeline = echarts.init($("#timeline"));
function drawTimeline(buckets) {
  const periods = buckets.map((b) => b.period);
  timeline.setOption(
    {
      tooltip: { trigger: "axis" },
      legend: { data: ["cooperation", "conflict", "fatalities", "Goldstein mean"], top: 0 },
      grid: { left: 40, right: 40, top: 30, bottom: 50 },
      dataZoom: [{ type: "slider", height: 16, bottom: 6 }],
      xAxis: { type: "time" },
      yAxis: [{ type: "value", name: "events" }, { type: "value", name: "Goldstein", min: -10, max: 10 }],
      series: [
        { name: "cooperation", type: "bar", stack: "q", color: COOP, barMaxWidth: 14,
          data: buckets.map((b) => [b.period, b.quad[0] + b.quad[1]]) },
        { name: "conflict", type: "bar", stack: "q", color: CONF, barMaxWidth: 14,
          data: buckets.map((b) => [b.period, b.quad[2] + b.quad[3]]) },
        { name: "fatalities", type: "line", color: "#333", symbol: "none", data: buckets.map((b) => [b.period, b.fatalities]) },
        { name: "Goldstein mean", type: "line", yAxisIndex: 1, color: "#999", symbol: "none", lineStyle: { type: "dashed" },
          data: buckets.map((b) => [b.period, Number(b.goldstein_mean.toFixed(2))]) },
      ],
    },
    true,
  );
  const total = buckets.reduce((n, b) => n + b.events, 0);
  mark($("#timeline"), buckets.length, `${buckets.length}:${total}:${periods[0] || ""}`);
}

// Network
const network = echarts.init($("#network"));
let nodeFilter = new Map();
function drawNetwork(dyads) {
  const nodes = new Map();
  for (const d of dyads) {
    for (const a of [d.source, d.target]) {
      const n = nodes.get(a.key) || { id: a.key, name: a.name || a.code || a.key, value: 0, filter: a.actor_id || a.code };
      n.value += d.events;
      nodes.set(a.key, n);
    }
  }
  const max = Math.max(1, ...[...nodes.values()].map((n) => n.value));
  nodeFilter = new Map([...nodes.values()].map((n) => [n.id, n.filter]));
  network.setOption(
    {
      tooltip: {},
      series: [
        {
          type: "graph",
          layout: "force",
          roam: true,
          draggable: true,
          label: { show: true, position: "right", fontSize: 10 },
          force: { repulsion: 320, edgeLength: [60, 170], gravity: 0.08, layoutAnimation: false },
          edgeSymbol: ["none", "arrow"],
          edgeSymbolSize: 6,
          data: [...nodes.values()].map((n) => ({ ...n, symbolSize: 8 + 30 * Math.sqrt(n.value / max) })),
          // an actor's acts against its own kind ("a farmer killed by a herder") stay in its size,
          // not as a loop onto itself: a force layout has no length to give such an edge
          links: dyads.filter((d) => d.source.key !== d.target.key).map((d) => ({
            source: d.source.key,
            target: d.target.key,
            value: d.events,
            lineStyle: { color: d.conflict > d.cooperation ? CONF : COOP, width: 1 + Math.log2(1 + d.events), opacity: 0.7 },
          })),
        },
      ],
    },
    true,
  );
  mark($("#network"), nodes.size, `${nodes.size}:${dyads.length}:${dyads.reduce((n, d) => n + d.events, 0)}`);
}
network.on("click", (e) => {
  if (e.dataType !== "node") return;
  const f = nodeFilter.get(e.data.id);
  if (!f) return;
  form.elements.actor.value = f;
  refresh();
});

// Map: Natural Earth country outlines (world-atlas) as the base map, no tile server.
const map = L.map("map", { worldCopyJump: true, preferCanvas: true, minZoom: 1, maxZoom: 10 }).setView([15, 0], 3);
L.geoJSON(feature(world, world.objects.countries), {
  style: { color: "#999", weight: 0.6, fillColor: "#eee", fillOpacity: 1 },
}).addTo(map);
const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45 });
map.addLayer(clusters);
function drawMap(points) {
  clusters.clearLayers();
  const markers = points.map((p) => {
    const icon = L.divIcon({
      className: `place-marker ${p.conflict >= p.cooperation ? "" : "coop"}`,
      html: String(p.events),
      iconSize: [22, 22],
    });
    return L.marker([p.lat, p.lon], { icon, title: p.place }).bindPopup(
      `<b>${escapeHtml(p.place)}</b> ${escapeHtml(p.admin1 || "")} ${escapeHtml(p.country || "")}<br>` +
        `${p.events} events, ${p.fatalities} dead<br>${p.cooperation} cooperation, ${p.conflict} conflict`,
    );
  });
  clusters.addLayers(markers);
  if (points.length) {
    const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lon]));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 5 });
  }
  mark($("#map"), points.length, `${points.length}:${points.reduce((n, p) => n + p.events, 0)}`);
}

// Peace processes: one small timeline per track, its steps by kind, agreements marked.
const STEPS = ["proposal", "talks", "agreement", "implementation", "rejection", "breakdown", "violence"];
const STEP_COLOURS = { proposal: "#80b1d3", talks: COOP, agreement: "#1a9641", implementation: "#a6d96a",
  rejection: "#fdae61", breakdown: "#e66101", violence: CONF };
let processCharts = [];
function partyLabel(p) {
  return p.name || p.code || p.key;
}
const DAY_MS = 86_400_000;
function stepDay(d) {
  // "2021-03" and "2021" stand at their first day on a time axis.
  return d && d.length === 4 ? `${d}-01-01` : d && d.length === 7 ? `${d}-01` : d;
}
function drawProcess(tracks) {
  processCharts.forEach((c) => c.dispose());
  processCharts = [];
  const box = $("#process");
  box.replaceChildren();
  for (const t of tracks.slice(0, 6)) {
    const div = document.createElement("div");
    div.className = "track";
    const mediators = t.mediators.map(partyLabel).join(", ");
    const more = t.agreements.length > 3 ? `<br>… and ${t.agreements.length - 3} more agreements` : "";
    const deals = t.agreements
      .slice(0, 3)
      .map((a) => `agreement ${escapeHtml(a.date || "undated")} ${escapeHtml(a.place || "")}:
        <span class="status-${a.status.replace(" ", "-")}">${escapeHtml(a.status)}</span>
        ${a.status_date ? `(${escapeHtml(a.status_date)})` : ""}; violence before/after (90 days):
        parties ${a.before.between_parties}/${a.after.between_parties}, area ${a.before.in_area}/${a.after.in_area}`)
      .join("<br>") + more;
    div.innerHTML = `<h3>${escapeHtml(partyLabel(t.parties[0]))} ↔ ${escapeHtml(partyLabel(t.parties[1]))}
      ${mediators ? `<small>· mediators: ${escapeHtml(mediators)}</small>` : ""}</h3><div class="meta">${deals}</div>`;
    const chartBox = document.createElement("div");
    chartBox.className = "chart";
    div.append(chartBox);
    box.append(div);
    const chart = echarts.init(chartBox);
    const dated = t.steps.filter((s) => s.date);
    chart.setOption({
      tooltip: { formatter: (p) => escapeHtml(p.data.sentence || "") },
      grid: { left: 100, right: 20, top: 10, bottom: 24 },
      // days are the unit: a track whose steps fall on one day still spans a day either side
      xAxis: {
        type: "time",
        minInterval: DAY_MS,
        min: dated.length ? Math.min(...dated.map((s) => Date.parse(stepDay(s.date)))) - DAY_MS : null,
        max: dated.length ? Math.max(...dated.map((s) => Date.parse(stepDay(s.date)))) + DAY_MS : null,
        axisLabel: { formatter: "{yyyy}-{MM}-{dd}", hideOverlap: true },
      },
      yAxis: { type: "category", data: STEPS },
      series: [
        {
          type: "scatter",
          symbolSize: 11,
          data: dated.map((s) => ({ value: [stepDay(s.date), s.step], sentence: s.sentence,
            itemStyle: { color: STEP_COLOURS[s.step] } })),
          markLine: {
            symbol: "none",
            lineStyle: { color: "#1a9641", type: "dashed" },
            label: { formatter: "agreement", fontSize: 9 },
            data: t.agreements.filter((a) => a.date).map((a) => ({ xAxis: stepDay(a.date) })),
          },
        },
      ],
    });
    processCharts.push(chart);
  }
  mark(box, tracks.length, tracks.map((t) => `${t.parties[0].key}|${t.parties[1].key}|${t.steps.length}`).join(","));
}

// Event list and evidence
function actorLabel(a) {
  return a ? a.name || a.code || a.text : "–";
}
function escapeHtml(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function drawEvents(events) {
  const body = $("#events tbody");
  body.replaceChildren(
    ...events.map((e) => {
      const tr = document.createElement("tr");
      tr.dataset.id = String(e.id);
      for (const cell of [
        e.date || "–",
        actorLabel(e.source),
        e.cameo,
        actorLabel(e.target),
        e.location ? e.location.name : "–",
        e.fatalities ?? "–",
        e.num_mentions,
      ]) {
        const td = document.createElement("td");
        td.textContent = String(cell);
        tr.append(td);
      }
      tr.title = e.evidence.sentence;
      tr.addEventListener("click", () => openEvidence(e.id, tr));
      return tr;
    }),
  );
  mark($("#events"), events.length, events.map((e) => e.id).join(","));
}
function sentenceHtml(segments) {
  return segments
    .map((s) => (s.role ? `<span class="role-${s.role}">${escapeHtml(s.text)}</span>` : escapeHtml(s.text)))
    .join("");
}
async function openEvidence(id, row) {
  document.querySelectorAll("#events tr.selected").forEach((r) => r.classList.remove("selected"));
  if (row) row.classList.add("selected");
  const d = await api(`/api/events/${id}`);
  const e = d.event;
  const a = d.article || {};
  const others = d.reports
    .map(
      (r) => `<li><span class="meta">${escapeHtml(r.date || "")} ${escapeHtml(r.publisher || "")} ·
        ${r.url ? `<a href="${escapeHtml(r.url)}">${escapeHtml(r.title || r.doc_id)}</a>` : escapeHtml(r.title || r.doc_id)}</span>
        <div>${sentenceHtml(r.segments)}</div></li>`,
    )
    .join("");
  $("#evidence").innerHTML = `
    <div class="sentence" data-event="${e.id}" lang="${escapeHtml(e.lang || "en")}">${sentenceHtml(d.segments)}</div>
    <p><span class="role-source">source</span> ${escapeHtml(actorLabel(e.source))} (${escapeHtml(e.source?.code || "?")}) ·
       <span class="role-verb">CAMEO ${escapeHtml(e.cameo)}</span> · PLOVER ${escapeHtml(e.plover.event || "–")}
       ${e.acled ? `· ACLED ${escapeHtml(e.acled.event_type || "")} / ${escapeHtml(e.acled.sub_event_type || "")}` : ""} ·
       <span class="role-target">target</span> ${escapeHtml(actorLabel(e.target))} (${escapeHtml(e.target?.code || "?")})</p>
    <p class="meta"><span class="lang" title="language of the article">${escapeHtml(e.lang || "en")}</span> ·
       ${escapeHtml(e.date || "undated")} (${escapeHtml(e.date_precision)}) ·
       ${e.location ? `${escapeHtml(e.location.name)}, ${escapeHtml(e.location.country || "")} (${escapeHtml(e.location.precision)})` : "no place"} ·
       ${e.fatalities ?? "no"} dead · Goldstein ${e.goldstein} · ${e.num_mentions} report(s) in ${e.num_articles} article(s)</p>
    <p class="rule">Rule <code>${escapeHtml(e.rule)}</code> ${d.rule_line ? `<code>${escapeHtml(d.rule_line)}</code>` : ""}</p>
    <p class="meta">Article: ${a.url ? `<a href="${escapeHtml(a.url)}">${escapeHtml(a.title || a.doc_id)}</a>` : escapeHtml(a.title || a.doc_id || "")}
       ${escapeHtml(a.date || "")} ${escapeHtml(a.source || "")}</p>
    <h3>All reports of this event (${d.reports.length})</h3>
    <ul class="reports">${others}</ul>`;
  $("#evidence-panel").hidden = false;
  $("#evidence-panel").scrollIntoView({ block: "nearest" });
}
$("#close-evidence").addEventListener("click", () => ($("#evidence-panel").hidden = true));

// Loading
let generation = 0;
async function refresh() {
  const mine = ++generation;
  const p = filterParams();
  $("#status").textContent = "loading…";
  document.body.dataset.loading = "true";
  try {
    const withLimit = (n) => {
      const q = new URLSearchParams(p);
      q.set("limit", String(n));
      return q;
    };
    const [t, n, m, e, pr] = await Promise.all([
      api("/api/timeline", p),
      api("/api/network", withLimit(60)),
      api("/api/map", withLimit(2000)),
      api("/api/events", withLimit(100)),
      api("/api/process", withLimit(6)),
    ]);
    if (mine !== generation) return;
    drawTimeline(t.buckets);
    drawNetwork(n.dyads);
    drawMap(m.points);
    drawEvents(e.events);
    drawProcess(pr.tracks);
    const total = t.buckets.reduce((k, b) => k + b.events, 0);
    $("#status").textContent = `${total} dated events · ${n.dyads.length} dyads · ${m.points.length} places`;
  } catch (err) {
    $("#status").textContent = `error: ${err.message}`;
  } finally {
    if (mine === generation) document.body.dataset.loading = "false";
  }
}

// For tests and the curious: the charts, to find where a node was drawn.
// for the browser tests: the charts, the map, and every marker's point and place
const markers = () => clusters.getLayers().map((m) => ({ ...m.getLatLng(), title: m.options.title }));
window.palaverDashboard = { timeline, network, map, markers };

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  refresh();
});
$("#clear").addEventListener("click", () => {
  form.reset();
  refresh();
});
window.addEventListener("resize", () => {
  timeline.resize();
  network.resize();
  map.invalidateSize();
});

(async () => {
  try {
    const s = await api("/api/summary");
    const select = form.elements.country;
    for (const [code, n] of s.countries) {
      const o = document.createElement("option");
      o.value = code;
      o.textContent = `${code} (${n})`;
      select.append(o);
    }
  } catch (err) {
    $("#status").textContent = `error: ${err.message}`;
  }
  refresh();
})();

// Drives the dashboard in headless Chromium (Debian's chromium, through playwright-core):
// every panel must show data; a country filter must change every panel; clicking an actor in the
// network must filter by it; an event row must open its evidence. Screenshots go to OUTDIR.
// Usage: node tests/dashboard.mjs URL OUTDIR COUNTRY. Prints a JSON report (with how long each step
// took until every panel had settled, in ms); exits 1 on a failure.
import { checkPage } from "./browser.mjs";

const [url, outDir, country] = process.argv.slice(2);
await checkPage(async (page, check, report, errors) => {
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // the network answers the page drew, to tell what data an error came with
  const networks = [];
  page.on("response", async (r) => {
    if (r.url().includes("/api/network")) networks.push({ url: r.url(), body: await r.text().catch(() => "") });
  });
  const settled = () => page.waitForFunction(() => document.body.dataset.loading === "false", null, { timeout: 120000 });
  const state = () =>
    page.evaluate(() =>
      Object.fromEntries(
        ["timeline", "network", "map", "events"].map((id) => {
          const el = document.getElementById(id);
          return [id, { count: Number(el.dataset.count), signature: el.dataset.signature }];
        }),
      ),
    );

  const timings = {};
  report.timings = timings;
  let t0 = Date.now();
  await page.goto(url);
  await settled();
  timings.load = Date.now() - t0;
  const before = await state();
  report.before = before;
  for (const [panel, s] of Object.entries(before)) check(s.count > 0, `${panel} shows no data`);
  const tracks = await page.evaluate(() => ({
    count: Number(document.getElementById("process").dataset.count),
    charts: document.querySelectorAll("#process .track canvas").length,
    text: document.getElementById("process").textContent,
  }));
  report.process = { count: tracks.count, charts: tracks.charts };
  check(tracks.count > 0 && tracks.charts > 0, "the peace-process view shows no track");
  check(/agreement/.test(tracks.text), "no agreement in the peace-process view");
  // Drawn, not only counted: the charts have canvases with pixels, the map has markers, the list rows.
  const drawn = await page.evaluate(() => ({
    timelineCanvas: document.querySelectorAll("#timeline canvas").length,
    networkCanvas: document.querySelectorAll("#network canvas").length,
    markers: document.querySelectorAll("#map .place-marker, #map .marker-cluster").length,
    outlines: document.querySelectorAll("#map path, #map canvas").length,
    rows: document.querySelectorAll("#events tbody tr").length,
  }));
  report.drawn = drawn;
  check(drawn.timelineCanvas > 0 && drawn.networkCanvas > 0, "charts not drawn");
  check(drawn.markers > 0, "no markers on the map");
  check(drawn.outlines > 0, "no base map");
  check(drawn.rows === before.events.count, "event rows differ from the count");
  await page.screenshot({ path: `${outDir}/dashboard.png`, fullPage: true });

  // A filter changes every panel.
  await page.selectOption("select[name=country]", country);
  t0 = Date.now();
  await page.click("#apply");
  await page.waitForFunction((sig) => document.getElementById("events").dataset.signature !== sig, before.events.signature, { timeout: 60000 });
  await settled();
  timings.country_filter = Date.now() - t0;
  const filtered = await state();
  report.filtered = filtered;
  for (const panel of Object.keys(before)) {
    check(filtered[panel].signature !== before[panel].signature, `${panel} did not change with the filter`);
    check(filtered[panel].count > 0, `${panel} is empty after the filter`);
  }
  await page.screenshot({ path: `${outDir}/dashboard-filtered.png`, fullPage: true });

  // Clicking an actor in the network filters by it.
  t0 = Date.now();
  await page.click("#clear");
  await settled();
  timings.clear = Date.now() - t0;
  const node = await page.evaluate(() => {
    const chart = window.palaverDashboard.network;
    const data = chart.getModel().getSeriesByIndex(0).getData();
    let best = 0;
    for (let i = 1; i < data.count(); i++) if (data.get("value", i) > data.get("value", best)) best = i;
    const [x, y] = data.getItemLayout(best);
    return { x, y, name: data.getName(best) };
  });
  const box = await page.locator("#network canvas").first().boundingBox();
  const actorBefore = await page.inputValue("input[name=actor]");
  const sigs = await state();
  t0 = Date.now();
  await page.mouse.click(box.x + node.x, box.y + node.y);
  // The filter shows in the events at least (an actor in every dyad shown leaves the network as it was).
  await page.waitForFunction(
    (s) => ["network", "events"].some((id) => document.getElementById(id).dataset.signature !== s[id].signature),
    sigs,
    { timeout: 60000 },
  ).catch(() => check(false, "neither the network nor the events changed after clicking an actor"));
  await settled();
  timings.actor_click = Date.now() - t0;
  const actorAfter = await page.inputValue("input[name=actor]");
  report.node = { ...node, filter: actorAfter };
  check(actorAfter !== actorBefore && actorAfter !== "", `clicking ${node.name} did not set the actor filter`);

  // An event's evidence.
  t0 = Date.now();
  await page.click("#events tbody tr:first-child");
  await page.waitForSelector("#evidence .sentence .role-verb", { timeout: 10000 });
  timings.evidence = Date.now() - t0;
  const evidence = await page.evaluate(() => ({
    sentence: document.querySelector("#evidence .sentence").textContent,
    verb: document.querySelector("#evidence .sentence .role-verb").textContent,
    roles: [...document.querySelectorAll("#evidence .sentence span")].map((s) => s.className),
    rule: document.querySelector("#evidence .rule").textContent,
    reports: document.querySelectorAll("#evidence .reports li").length,
    visible: !document.getElementById("evidence-panel").hidden,
  }));
  report.evidence = evidence;
  check(evidence.visible && evidence.verb.length > 0, "no highlighted verb in the evidence");
  check(/verbs\.txt:\d+/.test(evidence.rule), "the rule that fired is not shown");
  check(evidence.reports >= 1, "no reports listed");
  await page.locator("#evidence-panel").screenshot({ path: `${outDir}/dashboard-evidence.png` });
  if (errors.length) report.networks = networks;
});

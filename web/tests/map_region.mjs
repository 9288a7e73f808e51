// Checks that every marker the dashboard's map draws lies inside a bounding box (a corpus about
// West Africa must not put events in Honduras or Japan), in headless Chromium (Debian's chromium,
// through playwright-core). Usage: node tests/map_region.mjs URL OUTDIR W,S,E,N
// Prints a JSON report (markers, those outside, the screenshot); exits 1 on a failure.
import { checkPage } from "./browser.mjs";

const [url, outDir, box] = process.argv.slice(2);
const [west, south, east, north] = box.split(",").map(Number);
await checkPage(async (page, check, report) => {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.loading === "false", null, { timeout: 30000 });
  // every marker the map holds, clustered or not
  const markers = await page.evaluate(() =>
    window.palaverDashboard.markers().map((m) => ({ lat: m.lat, lon: m.lng, place: m.title })),
  );
  const outside = markers.filter((m) => m.lat < south || m.lat > north || m.lon < west || m.lon > east);
  report.markers = markers.length;
  report.outside = outside;
  check(markers.length > 0, "no markers on the map");
  check(outside.length === 0, `${outside.length} markers outside ${box}`);
  report.screenshot = `${outDir}/map-region.png`;
  await page.locator("#map").screenshot({ path: report.screenshot });
});

// Debian's Chromium, headless, as the browser tests start it (playwright-core, no browser download):
// the flags keep it off the network this machine closes.
import { chromium } from "playwright-core";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

// Runs a browser check: opens a page (errors in it are collected), calls `body(page, check, report,
// errors)`, then prints the JSON report with its failures and exits 1 if there were any. `check(ok,
// what)` records a failure; an exception is one too.
export async function checkPage(body) {
  const failures = [];
  const check = (ok, what) => {
    if (!ok) failures.push(what);
  };
  const report = {};
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.stack ? `${e} at ${String(e.stack).split("\n").slice(1, 4).join(" / ")}` : String(e)));
    await body(page, check, report, errors);
    check(errors.length === 0, `errors in the page: ${errors.join(" | ")}`);
  } catch (e) {
    failures.push(String(e));
  } finally {
    await browser.close();
  }
  report.failures = failures;
  console.log(JSON.stringify(report));
  process.exit(failures.length ? 1 : 0);
}

// An event coded from a French article shows its French evidence: the Words filter finds it by a
// French word, its row opens the sentence with the verb, source and target highlighted, the rule
// from the French dictionary, and the article's language. In headless Chromium (Debian's chromium,
// through playwright-core). Usage: node tests/evidence_lang.mjs URL OUTDIR WORD
// Prints a JSON report; exits 1 on a failure.
import { checkPage } from "./browser.mjs";

const [url, outDir, word] = process.argv.slice(2);
await checkPage(async (page, check, report) => {
  const settled = () => page.waitForFunction(() => document.body.dataset.loading === "false", null, { timeout: 20000 });
  await page.goto(url);
  await settled();
  const before = await page.evaluate(() => document.getElementById("events").dataset.signature);
  await page.fill("input[name=text]", word);
  await page.click("#apply");
  await page.waitForFunction((sig) => document.getElementById("events").dataset.signature !== sig, before);
  await settled();
  report.rows = await page.evaluate(() => document.querySelectorAll("#events tbody tr").length);
  check(report.rows > 0, `no event found for "${word}"`);
  await page.click("#events tbody tr:first-child");
  await page.waitForSelector("#evidence .sentence .role-verb", { timeout: 10000 });
  const evidence = await page.evaluate(() => ({
    sentence: document.querySelector("#evidence .sentence").textContent,
    sentenceLang: document.querySelector("#evidence .sentence").getAttribute("lang"),
    verb: document.querySelector("#evidence .sentence .role-verb").textContent,
    roles: [...document.querySelectorAll("#evidence .sentence span")].map((s) => s.className),
    lang: document.querySelector("#evidence .lang")?.textContent,
    rule: document.querySelector("#evidence .rule").textContent,
  }));
  report.evidence = evidence;
  check(evidence.sentence.toLowerCase().includes(word.toLowerCase()), `the evidence does not hold "${word}"`);
  check(evidence.lang === "fr" && evidence.sentenceLang === "fr", "the evidence does not say it is French");
  check(evidence.verb.length > 0, "no highlighted verb");
  check(evidence.roles.includes("role-source") || evidence.roles.includes("role-target"), "no actor highlighted");
  check(/fr\/verbs\.txt:\d+/.test(evidence.rule), "the French dictionary line that fired is not shown");
  await page.locator("#evidence-panel").screenshot({ path: `${outDir}/dashboard-evidence-fr.png` });
});

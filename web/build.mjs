// Bundles the dashboard (src/main.js, src/main.css and the npm packages they import) into
// app.js and app.css, and copies index.html, into $PALAVER_WEB_OUT (default: dist/).
// Called by crates/palaver/build.rs, so the files are compiled into the palaver binary.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const out = process.env.PALAVER_WEB_OUT || "dist";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: "src/main.js" },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  loader: { ".png": "dataurl", ".json": "json" },
  legalComments: "linked",
  logLevel: "warning",
});
copyFileSync("index.html", join(out, "index.html"));

//! Builds the dashboard's front end (`web/`: npm packages with a lockfile, bundled by esbuild) into
//! `$OUT_DIR/web`, where `src/serve/assets.rs` compiles it into the binary. Needs Node.js and npm
//! at build time only; `npm ci` runs when `web/node_modules` is missing or older than the lockfile.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let web = manifest.join("../../web");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("web");
    for f in ["package.json", "package-lock.json", "build.mjs", "index.html", "src"] {
        println!("cargo:rerun-if-changed={}", web.join(f).display());
    }
    if stale(&web.join("node_modules/.package-lock.json"), &web.join("package-lock.json")) {
        npm(&web, &["ci", "--no-audit", "--no-fund"], &out);
    }
    npm(&web, &["run", "build"], &out);
}

/// Whether `made` is missing or older than `from`.
fn stale(made: &Path, from: &Path) -> bool {
    let time = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (time(made), time(from)) {
        (Some(m), Some(f)) => m < f,
        _ => true,
    }
}

fn npm(dir: &Path, args: &[&str], out: &Path) {
    let status = Command::new("npm").args(args).current_dir(dir).env("PALAVER_WEB_OUT", out).status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!("`npm {}` in {} failed ({s}): the dashboard cannot be built", args.join(" "), dir.display()),
        Err(e) => panic!(
            "cannot run npm ({e}): palaver's dashboard is built with Node.js (18 or newer) and npm; install them and build again"
        ),
    }
}

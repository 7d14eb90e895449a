// Makes sure a Chromium for the browser tests exists: $CHROME_PATH, /usr/bin/chromium, or Debian's
// `chromium` package installed with apt-get (as on a fresh CI machine). Prints the path it found.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((p) => p && existsSync(p));
}

function install() {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = root ? [] : ["sudo", "-n"];
  const run = (args) =>
    execFileSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  console.log("ensure-chromium: installing Debian's chromium (apt-get)…");
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core"]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let path = findChromium();
  if (!path) {
    try {
      install();
    } catch (error) {
      console.error(`ensure-chromium: no Chromium found and apt-get failed (${error.message}). Install Chromium and set CHROME_PATH.`);
      process.exit(1);
    }
    path = findChromium();
  }
  if (!path) {
    console.error("ensure-chromium: Chromium still not found after installing; set CHROME_PATH.");
    process.exit(1);
  }
  console.log(`ensure-chromium: ${path}`);
}

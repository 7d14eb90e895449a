// Browser tests of @archgal/components in real Chromium (Debian's /usr/bin/chromium or $CHROME_PATH) through
// puppeteer-core. Files are served from the repository root so that the CDN build (cdn/) and the dataset's
// model files can be fetched over HTTP like on a real site.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { defaultReporter, summaryReporter } from "@web/test-runner";
import { junitReporter } from "@web/test-runner-junit-reporter";

const here = fileURLToPath(new URL(".", import.meta.url));
const rootDir = fileURLToPath(new URL("../..", import.meta.url));
const executablePath = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find(
  (p) => p && existsSync(p),
);
if (!executablePath) throw new Error("no Chromium found: install Debian's chromium or set CHROME_PATH");

// @web/dev-server's import rewriting (es-module-lexer) drops import attributes, so @archgal/data's
// `import("../models/<id>.json", { with: { type: "json" } })` would reach the browser as a plain module import of
// a JSON file. Point those imports at `<id>.json?as=module` and answer that URL with a JS module; the plain URL
// still answers JSON (a separate URL, so neither the server's nor the browser's cache mixes the two).
const jsonModules = {
  name: "json-modules",
  transform(context) {
    if (!/\/packages\/data\/dist\/index\.js$/.test(context.path)) return undefined;
    return { body: String(context.body).replace(/\.json"(\s*,\s*\{\s*with:)/g, '.json?as=module"$1') };
  },
  serve(context) {
    // A second data location for the tests of `data-base`: /elsewhere/models/* answers cdn/models/*.
    const elsewhere = /^\/elsewhere\/models\/([a-z0-9.-]+\.json)$/.exec(context.path);
    if (elsewhere) {
      const file = join(here, "cdn/models", elsewhere[1]);
      return existsSync(file) ? { body: readFileSync(file, "utf8"), type: "json" } : undefined;
    }
    if (!context.path.endsWith(".json") || context.query.as !== "module") return undefined;
    return { body: `export default ${readFileSync(join(rootDir, decodeURIComponent(context.path)), "utf8")};`, type: "js" };
  },
};

// Hostile servers for the tests of the fetch limits: /hostile-http/silent.json sends nothing for 30 s;
// /hostile-http/stalled.json sends its headers and the start of a body, then nothing for 30 s;
// /hostile-http/huge.json sends 50 MB of whitespace and then `{}`, as fast as the client reads, and
// /hostile-http/sent answers how many bytes of it the last one pushed before the client went away.
let hugeSent = 0;
const hostileHttp = async (ctx, next) => {
  if (ctx.path === "/hostile-http/sent") {
    ctx.body = { bytes: hugeSent };
    return undefined;
  }
  const name = /^\/hostile-http\/(silent|stalled|huge)\.json$/.exec(ctx.path)?.[1];
  if (!name) return next();
  const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
  if (name === "silent") await later(30_000);
  ctx.type = "application/json";
  ctx.set("cache-control", "no-store");
  const chunk = Buffer.alloc(64 * 1024, " ");
  let started = false;
  if (name === "huge") hugeSent = 0;
  ctx.body = new Readable({
    read() {
      if (name === "huge") {
        hugeSent += chunk.length;
        this.push(hugeSent < 50e6 ? chunk : "{}");
        if (hugeSent >= 50e6) this.push(null);
      } else if (name === "silent") this.push(null);
      else if (!started) {
        started = true;
        this.push('{"id": ');
        void later(30_000).then(() => this.push(null));
      }
    },
  });
  return undefined;
};

export default {
  rootDir,
  files: [`${here}test/**/*.test.ts`],
  nodeResolve: { exportConditions: ["browser", "import", "default"] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  middleware: [hostileHttp],
  plugins: [jsonModules, esbuildPlugin({ ts: true, target: "es2022", tsconfig: `${here}tsconfig.json` })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          // Keep rendering (and so media-query change events) going in a page the test runner does not focus.
          "--disable-renderer-backgrounding",
          "--disable-background-timer-throttling",
          "--disable-backgrounding-occluded-windows",
        ],
      },
    }),
  ],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    junitReporter({ outputPath: `${here}reports/junit-wtr.xml`, reportLogs: true }),
  ],
};

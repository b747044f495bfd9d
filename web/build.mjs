// Builds the page's assets into warta/web/static/ (committed, so `pip install` needs no Node):
// app.js (esbuild bundle of src/main.js), app.css, docs.js, favicon.svg, the world-atlas 110m
// shapes, Swagger UI for /docs, and VERSIONS.json naming every bundled library and its version.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "warta", "web", "static");
const modules = join(here, "node_modules");
mkdirSync(join(out, "swagger"), { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof",
  outfile: join(out, "app.js"),
  logLevel: "warning",
});
await build({
  entryPoints: [join(here, "src", "app.css")],
  bundle: true,
  minify: true,
  outfile: join(out, "app.css"),
  logLevel: "warning",
});
await build({
  entryPoints: [join(here, "src", "docs.js")],
  minify: true,
  outfile: join(out, "docs.js"),
  logLevel: "warning",
});

copyFileSync(join(here, "src", "favicon.svg"), join(out, "favicon.svg"));
copyFileSync(join(modules, "world-atlas", "countries-110m.json"), join(out, "countries-110m.json"));
for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"]) {
  copyFileSync(join(modules, "swagger-ui-dist", file), join(out, "swagger", file === "LICENSE" || file === "NOTICE" ? `${file}.txt` : file));
}

const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const versions = {};
for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).sort()) {
  const meta = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
  versions[name] = { version: meta.version, license: meta.license };
}
for (const name of ["d3-array", "d3-color", "d3-format", "d3-interpolate", "d3-path", "d3-time", "d3-time-format", "internmap"]) {
  const meta = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
  versions[name] = { version: meta.version, license: meta.license };
}
delete versions.esbuild;
writeFileSync(join(out, "VERSIONS.json"), `${JSON.stringify(versions, null, 2)}\n`);
const notices = Object.keys(versions).filter((n) => n !== "swagger-ui-dist").map((name) => {
  const text = readFileSync(join(modules, name, "LICENSE"), "utf8").trim();
  return `${name} ${versions[name].version} (${versions[name].license})\n\n${text}\n`;
});
writeFileSync(join(out, "LICENSES.txt"),
  "Third-party code bundled in app.js and countries-110m.json (Swagger UI: swagger/LICENSE.txt).\n"
  + "Map shapes: Natural Earth (public domain), via world-atlas.\n\n"
  + `${notices.join("\n----------------------------------------\n\n")}`);
console.log(`built ${out}`);

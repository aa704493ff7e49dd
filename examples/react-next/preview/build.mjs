// Builds the preview of the Next.js page without Next: esbuild bundles the page twice,
// for the browser (hydrateRoot) and for a server render (renderToString), and writes an
// index.html with the rendered page into a folder that startLandingServer serves.
// serve.mjs runs it; test/e2e/react.test.ts drives the result in Chromium.
import { copyFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const landingPage = join(root, 'examples', 'landing-page');

/**
 * Builds the page into `outDir` (index.html, styles.css, favicon.svg) and returns the
 * browser bundle, to be served at /leadgate.global.js (the one script path
 * startLandingServer serves). `endpoint` is the handler's path on that server.
 */
export async function buildReactPreview({ outDir, endpoint = '/leads', minify = true }) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    write: false,
    jsx: 'automatic',
    // As Next does: NEXT_PUBLIC_* and NODE_ENV are replaced at build time.
    define: { 'process.env.NEXT_PUBLIC_LEADGATE_ENDPOINT': JSON.stringify(endpoint), 'process.env.NODE_ENV': '"production"' },
    // `leadgate` and `leadgate/*` resolve to src/ through tsconfig.json "paths": no build of the package needed.
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  };
  const [client, server] = await Promise.all([
    build({ ...common, entryPoints: [join(here, 'client.tsx')], format: 'iife', platform: 'browser', target: ['chrome100', 'firefox100', 'safari15.4'], minify }),
    // The browser build of react-dom/server (web streams, no node: modules), so the bundle imports from a data: URL.
    build({ ...common, entryPoints: [join(here, 'server-render.tsx')], format: 'esm', platform: 'browser', target: 'es2022' }),
  ]);
  const serverCode = server.outputFiles[0].text;
  const { renderPage } = await import(`data:text/javascript;base64,${Buffer.from(serverCode).toString('base64')}`);
  await writeFile(join(outDir, 'index.html'), page(renderPage()));
  await Promise.all(['styles.css', 'favicon.svg'].map((name) => copyFile(join(landingPage, name), join(outDir, name))));
  return { script: client.outputFiles[0].text };
}

function page(body) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Tallyline · Book a demo (React)</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/styles.css">
  <!-- The page's own bundle (React, leadgate/react, the page), at the script path startLandingServer serves. -->
  <script src="/leadgate.global.js" defer></script>
</head>
<body>
  <div id="root">${body}</div>
</body>
</html>
`;
}

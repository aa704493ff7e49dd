import { defineConfig } from 'tsup';

// One entry per public import path (see DESIGN.md "Package surface"). The config
// keeps to options that tsdown also understands, so a later move is mechanical.
// The script-tag build (dist/leadgate.global.js) is scripts/build-browser.mjs.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    server: 'src/server/index.ts',
    dom: 'src/dom/index.ts',
    // React stays the app's own (an optional peer dependency, external like every peer).
    react: 'src/react/index.ts',
    redis: 'src/redis/index.ts',
    // Form platforms (issue 16): the gate inside HubSpot and Marketo embedded forms.
    hubspot: 'src/hubspot/index.ts',
    marketo: 'src/marketo/index.ts',
    // The `leadgate` bin and the worker thread `audit()` starts (dist/audit-worker.js,
    // found beside the module that starts it).
    cli: 'src/cli/main.ts',
    'audit-worker': 'src/node/audit-worker.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: true,
  target: 'es2022',
  platform: 'neutral',
  external: [/^node:/, 'react', 'react-dom'],
});

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { MOTION_NAMES } from '../../core/types.js';
import { startLandingServer } from '../../node/landing-server.js';
import { EXIT, motionOption, UsageError, wholeNumberOption, type Command } from '../command.js';

const HELP = `Usage: leadgate serve [--port <n>] [--host <address>] [--motion <name>] [--root <dir>]

Serves a landing page with leadgate end to end on this machine: the page, the
script-tag build at /leadgate.global.js, and the server handler at POST /leads,
POST /form-token and GET /codes, with form tokens signed by one secret and a consent
registry holding the page's own consent text. Prints the URL; Ctrl-C stops it.
Delivered leads are logged as id, decision and codes, never what the person typed.

Options:
  --port <n>         port to listen on (default 3000; 0 picks a free one)
  --host <address>   address to listen on (default 127.0.0.1: a local preview)
  --motion <name>    the gate's motion (${MOTION_NAMES.join(', ')}; default inbound)
  --root <dir>       the page's folder with its index.html (default: the example
                     landing page shipped with leadgate, examples/landing-page/)
  --min-submit-ms <n>  faster than this from render to submit is SOURCE_TOO_FAST (default 3000)
  -h, --help         this help

Environment: LEADGATE_SECRET signs the form tokens (default: random per start).
`;

/** `leadgate serve`: `startLandingServer` from `leadgate/node`, with the example page by default. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve a landing page with the form bound to leadgate and the server handler, on loopback',
  help: HELP,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        motion: { type: 'string', default: 'inbound' },
        root: { type: 'string' },
        'min-submit-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const port = wholeNumberOption('--port', values.port, { max: 65_535 });
    const minSubmitMs = values['min-submit-ms'] === undefined ? undefined : wholeNumberOption('--min-submit-ms', values['min-submit-ms'], { max: 600_000 });
    const motion = motionOption(values.motion);
    // The bin is dist/cli.js: the script-tag build sits beside it, the example page one level up.
    const dist = dirname(fileURLToPath(moduleUrl()));
    const script = join(dist, 'leadgate.global.js');
    const root = resolve(values.root ?? join(dist, '..', 'examples', 'landing-page'));
    if (!existsSync(join(root, 'index.html'))) throw new UsageError(`--root: no index.html in ${root}`);
    if (!existsSync(script)) {
      io.stderr.write(`leadgate serve: ${script} is missing; run "npm run build" first\n`);
      return EXIT.failure;
    }
    const server = await startLandingServer({
      root,
      script,
      port,
      host: values.host,
      motion,
      secret: io.env.LEADGATE_SECRET || undefined,
      ...(minSubmitMs === undefined ? {} : { minSubmitMs }),
      onDelivered: ({ leadId, decision, codes }) => io.stdout.write(`delivered ${leadId} ${decision}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}\n`),
    });
    io.stdout.write(`leadgate: serving ${root} at ${server.url} (motion ${values.motion})\n`);
    await new Promise<void>((done) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
    });
    await server.close();
    return EXIT.ok;
  },
};


function moduleUrl(): string {
  // The ESM build knows import.meta.url; the CJS build has __filename instead.
  return typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
}

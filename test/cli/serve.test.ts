import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';

// `leadgate serve` runs the BUILT binary, as a user would: tsup (no type declarations)
// and the script-tag build into their own cache folder, so dist/ and the audit tests'
// build are left alone.
const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = join(root, 'node_modules/.cache/leadgate-serve-test');
const cli = join(outDir, 'cli.js');
const landingPage = join(root, 'examples/landing-page');
const running: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js'), '--no-dts', '--out-dir', outDir], { cwd: root });
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0 || !existsSync(cli)) throw new Error('tsup build failed');
  await buildBrowser({ outfile: join(outDir, 'leadgate.global.js') });
}, 120_000);

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `leadgate serve` and resolves with the URL it prints. */
function serve(args: string[]): Promise<{ url: string; child: ChildProcessWithoutNullStreams; output: () => string }> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { env: { PATH: process.env.PATH ?? '' } });
  running.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
      if (url) resolve({ url, child, output: () => stdout });
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => reject(new Error(`leadgate serve exited ${code}: ${stderr}`)));
  });
}

describe('leadgate serve', () => {
  it('serves the landing page, the script and the handler on loopback, and stops on SIGTERM with exit 0', async () => {
    const { url, child } = await serve(['--port', '0', '--root', landingPage, '--motion', 'abm']);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-leadgate');
    expect((await fetch(`${url}leadgate.global.js`)).status).toBe(200);
    const token = await fetch(`${url}form-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(token.status).toBe(200);
    expect((await token.json()) as { token: string }).toMatchObject({ token: expect.stringMatching(/\./) });
    // A lead posted with no form token is refused by the source check the secret turned on.
    const lead = await fetch(`${url}leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'jane@mailinator.com' }) });
    expect(lead.status).toBe(422);
    const codes = ((await lead.json()) as { findings: Array<{ code: string }> }).findings.map((finding) => finding.code);
    expect(codes).toEqual(expect.arrayContaining(['EMAIL_DISPOSABLE', 'SOURCE_FORM_TOKEN_INVALID']));
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 30_000);

  it('refuses bad flags with exit 2, and a folder without index.html', async () => {
    for (const args of [['--port', 'eighty'], ['--motion', 'cold-calls'], ['--root', join(root, 'docs')]]) {
      const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [cli, 'serve', ...args]).on('close', resolve));
      expect(code, args.join(' ')).toBe(2);
    }
  });

  it('prints its help', async () => {
    let stdout = '';
    const child = spawn(process.execPath, [cli, 'serve', '--help']);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    expect(stdout).toContain('Usage: leadgate serve');
  });
});

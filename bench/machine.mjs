// What a result was measured on: numbers from a shared two-core VM and from a quiet
// workstation are not comparable, so every result file carries this.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);

function versionOf(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return undefined;
  }
}

/** Node, OS, CPU and the versions of the code under test. */
export function machineInfo() {
  const cpus = os.cpus();
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  let distBuiltAt;
  try {
    distBuiltAt = statSync(new URL('../dist/index.js', import.meta.url)).mtime.toISOString();
  } catch {
    distBuiltAt = undefined;
  }
  return {
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    packages: {
      leadgate: pkg.version,
      validator: versionOf('validator'),
      'libphonenumber-js': versionOf('libphonenumber-js'),
      zod: versionOf('zod'),
    },
    distBuiltAt,
  };
}

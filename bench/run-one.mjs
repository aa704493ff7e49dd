// Child process entry: runs one benchmark in a fresh V8 (so one benchmark's JIT state,
// heap and lazily built tables cannot colour another's) and sends its result back.
// Started by run.mjs with --expose-gc, so timing.mjs can collect garbage between passes.
import { generateLeads } from './generate-leads.mjs';

const BENCHMARKS = {
  email: () => import('./email.mjs'),
  phone: () => import('./phone.mjs'),
  engine: () => import('./engine.mjs'),
  role: () => import('./role.mjs'),
};

const config = JSON.parse(process.argv[2]);
const benchmark = await BENCHMARKS[config.name]();
const started = performance.now();
// A benchmark with its own inputs (role: the labelled titles) skips the generated leads.
const { leads } = benchmark.usesLeads === false ? { leads: [] } : generateLeads(config.leads, config.seed);
const result = await benchmark.run({ ...config, leadCount: config.leads, leads });
result.seconds = Math.round((performance.now() - started) / 100) / 10;
process.send(result, () => process.exit(0));

// Finding (fixed: core/run-context.ts is now a class): the gate builds each check's context as an object literal with a getter
// (`get signal()` in runOne, src/core/gate.ts). V8 cannot create a literal with an
// accessor from its fast boilerplate, so each one costs far more than a plain literal or
// a class instance whose getter lives on the prototype. Runs twice per lead (two checks).
//
//   node bench/investigations/context-literal.mjs
const N = 200_000;
const keep = new Array(64);
// Keeps the context alive and opaque, as check.run does, so it cannot be optimised away.
function use(ctx, i) {
  keep[i & 63] = ctx;
  return ctx.pass().findings.length;
}

class RunContext {
  #controller;
  constructor(raw) {
    this.motion = 'inbound';
    this.context = {};
    this.store = undefined;
    this.raw = raw;
  }
  get signal() {
    return (this.#controller ??= new AbortController()).signal;
  }
  now() {
    return new Date();
  }
  report(code, detail) {
    this.raw.push({ code, ...detail });
  }
  fail(code, detail, evidence) {
    this.raw.push({ code, ...detail });
    return this.pass(evidence);
  }
  pass(evidence) {
    return { status: this.raw.length > 0 ? 'fail' : 'pass', findings: this.raw, ...(evidence === undefined ? {} : { evidence }) };
  }
}

const variants = {
  'literal with get signal() (as now)': (i) => {
    const raw = [];
    let controller;
    const finish = (evidence) => ({ status: raw.length > 0 ? 'fail' : 'pass', findings: raw, ...(evidence === undefined ? {} : { evidence }) });
    const ctx = {
      motion: 'inbound', context: {}, store: undefined, now: () => new Date(),
      get signal() {
        return (controller ??= new AbortController()).signal;
      },
      report: (code, detail) => void raw.push({ code, ...detail }),
      fail: (code, detail, evidence) => (raw.push({ code, ...detail }), finish(evidence)),
      pass: finish,
    };
    return use(ctx, i);
  },
  'literal, signal as a plain property': (i) => {
    const raw = [];
    const finish = (evidence) => ({ status: raw.length > 0 ? 'fail' : 'pass', findings: raw, ...(evidence === undefined ? {} : { evidence }) });
    const ctx = {
      motion: 'inbound', context: {}, store: undefined, now: () => new Date(), signal: undefined,
      report: (code, detail) => void raw.push({ code, ...detail }),
      fail: (code, detail, evidence) => (raw.push({ code, ...detail }), finish(evidence)),
      pass: finish,
    };
    return use(ctx, i);
  },
  'class, getter on the prototype': (i) => use(new RunContext([]), i),
};

for (const [name, make] of Object.entries(variants)) {
  const samples = [];
  let sink = 0;
  for (let round = 0; round < 7; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink += make(i);
    samples.push(Number(process.hrtime.bigint() - started) / N);
  }
  samples.sort((a, b) => a - b);
  console.log(`${name.padEnd(38)} ${samples[3].toFixed(0).padStart(5)} ns per context${sink < 0 ? '' : ''}`);
}

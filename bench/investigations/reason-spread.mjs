// Finding (fixed: core/gate.ts builds each reason key by key, asReason): the gate turned
// each finding into a reason with `{ ...finding, action }`. A finding is built property
// by property (render adds field and data after the message), so V8 (11.3, Node 20)
// takes the generic spread path, about 25× a literal built key by key (Object.assign
// sits between). Runs once per reason per lead (about 2–4 per lead). The same slow path
// is taken by the verdict's trailing conditional spreads, which the gate now assigns.
//
//   node bench/investigations/reason-spread.mjs
const N = 500_000;
const keep = new Array(64);

function finding(i) {
  const f = { code: 'EMAIL_FREE_PROVIDER', check: 'email', message: '' };
  if (i % 3 !== 0) f.field = 'email';
  if (i % 2 === 0) f.data = { domain: 'gmail.com' };
  f.message = 'Use your work email';
  return f;
}
const findings = Array.from({ length: 64 }, (_, i) => finding(i));

function spread(f) {
  return { ...f, action: 'review' };
}
function keyByKey(f) {
  const reason = { code: f.code, check: f.check, message: f.message };
  if (f.field !== undefined) reason.field = f.field;
  if (f.data !== undefined) reason.data = f.data;
  reason.action = 'review';
  return reason;
}

function time(name, make) {
  for (let i = 0; i < 50_000; i++) keep[i & 63] = make(findings[i & 63]);
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) keep[i & 63] = make(findings[i & 63]);
  const ns = Number(process.hrtime.bigint() - start) / N;
  console.log(`${name.padEnd(28)} ${ns.toFixed(0)} ns`);
}

time('{ ...finding, action }', spread);
time('Object.assign', (f) => Object.assign({}, f, { action: 'review' }));
time('key by key', keyByKey);

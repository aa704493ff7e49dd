// The part of zod/mini's API that browser-reachable leadgate code uses, for the
// script-tag build only: scripts/build-browser.mjs aliases `zod/mini` to this file.
// zod/mini costs ~7.7 KB gzip in dist/leadgate.global.js, a third of its 25 KB
// budget; this costs ~1 KB. The npm entries keep the real zod/mini.
//
// Semantics follow zod 4 where leadgate depends on them: object keys are checked in
// shape order and unknown keys of a strict object are reported last as
// `unrecognized_keys`; objects drop unknown keys; numbers must be finite; records take
// plain objects only and skip `__proto__`. Issues carry `code`, `path` and (for
// unknown keys) `keys`, which is what option parsing reads. test/browser-build/zod-lite.test.ts
// runs the lead schema and the option schemas through both and compares the results.

/** One problem found by `safeParse`. */
export interface LiteIssue {
  code: string;
  path: PropertyKey[];
  keys?: string[];
  /** As in zod: a failed refinement or an unknown key lets parsing go on; a wrong type aborts (see `union`). */
  continue?: true;
}

type Run = (value: unknown, path: PropertyKey[], issues: LiteIssue[]) => unknown;
type Check = (value: never) => boolean;

/** A schema: `safeParse` like zod's, `check` to add refinements, `shape` on objects. */
export interface LiteSchema {
  readonly run: Run;
  readonly optional?: boolean;
  readonly shape?: Record<string, LiteSchema>;
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: LiteIssue[] } };
  check(...checks: Check[]): LiteSchema;
}

function schema(run: Run, extra: Partial<Pick<LiteSchema, 'optional' | 'shape'>> = {}): LiteSchema {
  const self: LiteSchema = {
    run,
    ...extra,
    safeParse(value) {
      const issues: LiteIssue[] = [];
      const data = run(value, [], issues);
      return issues.length === 0 ? { success: true, data } : { success: false, error: { issues } };
    },
    check: (...checks) =>
      schema((value, path, issues) => {
        const before = issues.length;
        const out = run(value, path, issues);
        if (issues.length === before && !checks.every((test) => test(out as never))) issues.push({ code: 'custom', path, continue: true });
        return out;
      }, extra),
  };
  return self;
}

const typed = (test: (value: unknown) => boolean, code = 'invalid_type') =>
  schema((value, path, issues) => {
    if (!test(value)) issues.push(code === 'custom' ? { code, path, continue: true } : { code, path });
    return value;
  });

const isObject = (value: unknown): value is Record<PropertyKey, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPlainObject = (value: unknown): value is Record<PropertyKey, unknown> => {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
};

export const string = () => typed((value) => typeof value === 'string');
export const number = () => typed((value) => typeof value === 'number' && Number.isFinite(value));
export const boolean = () => typed((value) => typeof value === 'boolean');
export const unknown = () => schema((value) => value);
export const literal = (expected: unknown) => typed((value) => value === expected, 'invalid_value');
const enumOf = (values: readonly unknown[]) => typed((value) => values.includes(value), 'invalid_value');
export { enumOf as enum };
export const custom = (test: (value: unknown) => unknown = () => true) => typed((value) => Boolean(test(value)), 'custom');

export const optional = (inner: LiteSchema) =>
  schema((value, path, issues) => (value === undefined ? undefined : inner.run(value, path, issues)), { optional: true });

export const array = (item: LiteSchema) =>
  schema((value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push({ code: 'invalid_type', path });
      return value;
    }
    return value.map((element, index) => item.run(element, [...path, index], issues));
  });

export const record = (key: LiteSchema, item: LiteSchema) =>
  schema((value, path, issues) => {
    if (!isPlainObject(value)) {
      issues.push({ code: 'invalid_type', path });
      return value;
    }
    const out: Record<PropertyKey, unknown> = {};
    for (const name of Reflect.ownKeys(value)) {
      if (name === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, name)) continue;
      const keyIssues: LiteIssue[] = [];
      key.run(name, [], keyIssues);
      if (keyIssues.length > 0) {
        issues.push({ code: 'invalid_key', path: [...path, name] });
        continue;
      }
      out[name] = item.run(value[name], [...path, name], issues);
    }
    return out;
  });

function objectOf(shape: Record<string, LiteSchema>, strict: boolean): LiteSchema {
  return schema(
    (value, path, issues) => {
      if (!isObject(value)) {
        issues.push({ code: 'invalid_type', path });
        return value;
      }
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(shape)) {
        if (name === '__proto__') continue;
        const present = name in value;
        if (!present && field.optional) continue;
        const result = field.run(value[name], [...path, name], issues);
        if (present || result !== undefined) out[name] = result;
      }
      if (strict) {
        const keys: string[] = [];
        for (const name in value) if (!Object.hasOwn(shape, name)) keys.push(name);
        if (keys.length > 0) issues.push({ code: 'unrecognized_keys', path, keys, continue: true });
      }
      return out;
    },
    { shape },
  );
}

export const object = (shape: Record<string, LiteSchema>) => objectOf(shape, false);
export const strictObject = (shape: Record<string, LiteSchema>) => objectOf(shape, true);
export const partial = (base: LiteSchema) =>
  strictObject(Object.fromEntries(Object.entries(base.shape ?? {}).map(([name, field]) => [name, field.optional ? field : optional(field)])));

// zod's rule: the first option that passes wins; if exactly one option failed only on
// refinements (its type matched), its issues are the union's, so `motion: { name: '' }`
// is reported at `motion.name`; otherwise the union itself is invalid.
export const union = (options: readonly LiteSchema[]) =>
  schema((value, path, issues) => {
    const attempts: Array<{ out: unknown; issues: LiteIssue[] }> = [];
    for (const option of options) {
      const attempt: LiteIssue[] = [];
      const out = option.run(value, path, attempt);
      if (attempt.length === 0) return out;
      attempts.push({ out, issues: attempt });
    }
    const refinedOnly = attempts.filter((attempt) => attempt.issues.every((issue) => issue.continue));
    if (refinedOnly.length === 1) {
      issues.push(...refinedOnly[0]!.issues);
      return refinedOnly[0]!.out;
    }
    issues.push({ code: 'invalid_union', path });
    return value;
  });

// Refinements for `.check(…)`.
export const minLength = (length: number) => (value: { length: number }) => value.length >= length;
export const regex = (pattern: RegExp) => (value: string) => {
  pattern.lastIndex = 0;
  return pattern.test(value);
};
export const nonnegative = () => (value: number) => value >= 0;
export const positive = () => (value: number) => value > 0;
export const maximum = (limit: number) => (value: number) => value <= limit;

/**
 * How posted fields become a lead. The default mapping, used for form posts
 * (`application/x-www-form-urlencoded`, `multipart/form-data`) and applied to the
 * top-level keys of a JSON body as well (canonical names pass through unchanged):
 *
 * | posted name | lead field |
 * |---|---|
 * | `email`, `e-mail`, `work_email` | `email` |
 * | `firstName`, `first_name`, `given_name` | `firstName` |
 * | `lastName`, `last_name`, `family_name` | `lastName` |
 * | `phone`, `tel`, `telephone` | `phone` |
 * | `title`, `job_title`, `jobTitle` | `title` |
 * | `company`, `organization`, `organisation`, `company_name` | `company` |
 * | `website`, `company_website`, `url` | `website` |
 * | `country`, `country_code` | `country` |
 * | `industry`, `employees`, `revenue`, `tech` | same name |
 * | `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content` | `source.utm_*` |
 * | `lg_form_token` | `source.formToken` |
 * | `lg_form_id` | `source.formId` |
 * | `lg_hp` (the honeypot) | `source.honeypot` |
 * | `lg_time_on_form_ms` | `source.timeOnFormMs` (number) |
 * | `lg_referrer` | `source.referrer` |
 * | `lg_partner_id`, `lg_partner_token` | `source.partnerId`, `source.partnerToken` |
 * | `lg_page_url` | `consent.pageUrl` and `source.pageUrl` |
 * | `lg_consent_given` | `consent.given` (boolean) |
 * | `lg_consent_text_id`, `lg_consent_text_hash` | `consent.textId`, `consent.textHash` |
 * | `lg_consent_rendered_checked`, `lg_consent_user_interacted`, `lg_consent_required_to_submit` | `consent.renderedChecked`, `consent.userInteracted`, `consent.requiredToSubmit` (booleans) |
 * | `lg_consent_captured_at` | `consent.capturedAt` |
 * | `lg_consent_channels`, `lg_consent_purposes` | `consent.channels`, `consent.purposes` (repeated fields or comma-separated) |
 * | any other `lg_consent_<snake_case>` | `consent.<camelCase>` (string) |
 * | anything else | kept under its own name (the gate moves unknown keys to `lead.custom`) |
 *
 * Booleans accept `true`/`on`/`1`/`yes` and `false`/`off`/`0`/`no` (an unticked
 * checkbox is simply absent). A JSON body may also carry `consent` and `source`
 * objects; mapped `lg_*` values are merged into them. Pass `mapFields` to
 * `createHandler` to replace the mapping.
 */
export type FieldMapper = (body: Record<string, unknown>, kind: 'json' | 'form') => unknown;

const LEAD_ALIASES: Record<string, string> = {
  'e-mail': 'email', work_email: 'email',
  first_name: 'firstName', given_name: 'firstName',
  last_name: 'lastName', family_name: 'lastName',
  tel: 'phone', telephone: 'phone',
  job_title: 'title', jobTitle: 'title',
  organization: 'company', organisation: 'company', company_name: 'company',
  company_website: 'website', url: 'website',
  country_code: 'country',
};

const SOURCE_FIELDS: Record<string, string> = {
  utm_source: 'utm_source', utm_medium: 'utm_medium', utm_campaign: 'utm_campaign', utm_term: 'utm_term', utm_content: 'utm_content',
  lg_form_token: 'formToken', lg_form_id: 'formId', lg_hp: 'honeypot', lg_time_on_form_ms: 'timeOnFormMs',
  lg_referrer: 'referrer', lg_partner_id: 'partnerId', lg_partner_token: 'partnerToken',
};

const CONSENT_BOOLEANS = new Set(['given', 'renderedChecked', 'userInteracted', 'requiredToSubmit']);
const CONSENT_LISTS = new Set(['channels', 'purposes']);
const CONSENT_PREFIX = 'lg_consent_';

/**
 * The default mapping (table above). Never throws: values of unexpected shapes are
 * passed on for the gate's normalisation to report (`SYSTEM_FIELD_INVALID`).
 */
export const defaultFieldMap: FieldMapper = (body, kind) => {
  // Plain objects, not null-prototype ones: V8 keeps those in dictionary mode, and the
  // gate normalised such a lead 2.3× slower (issue 15 §3). A posted `__proto__` still
  // becomes an own key for the gate to refuse, through `put`.
  const lead: Record<string, unknown> = {};
  const source = copyRecord(body.source);
  const consent = copyRecord(body.consent);
  // Repeated form fields arrive as arrays of strings; the first one counts. JSON arrays stay arrays.
  const first = (value: unknown) => (kind === 'form' && Array.isArray(value) ? value[0] : value);
  for (const name of Object.keys(body)) {
    if (name === 'source' || name === 'consent') continue;
    const raw = body[name];
    if (Object.hasOwn(SOURCE_FIELDS, name)) {
      const key = SOURCE_FIELDS[name]!;
      const value = first(raw);
      source[key] = key === 'timeOnFormMs' ? toNumber(value) : value;
    } else if (name === 'lg_page_url') {
      consent.pageUrl = first(raw);
      source.pageUrl ??= first(raw);
    } else if (name.startsWith(CONSENT_PREFIX) && name.length > CONSENT_PREFIX.length) {
      const key = camelCase(name.slice(CONSENT_PREFIX.length));
      if (CONSENT_BOOLEANS.has(key)) put(consent, key, toBoolean(first(raw)));
      else if (CONSENT_LISTS.has(key)) put(consent, key, toList(raw));
      else put(consent, key, first(raw));
    } else {
      const key = Object.hasOwn(LEAD_ALIASES, name) ? LEAD_ALIASES[name]! : name;
      // A canonical name wins over an alias posted beside it.
      if (key !== name && body[key] !== undefined) continue;
      put(lead, key, key === 'tech' ? raw : first(raw));
    }
  }
  if (Object.keys(source).length > 0) lead.source = source;
  if (Object.keys(consent).length > 0) lead.consent = consent;
  return lead;
};

/** Sets an own property, a key named `__proto__` included, without touching the prototype. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A shallow copy of a posted `source` or `consent` object (empty for anything else). */
function copyRecord(value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  if (isRecord(value)) for (const key of Object.keys(value)) put(copy, key, value[key]);
  return copy;
}

/**
 * Applies a mapping to a parsed body. A JSON body that is not an object (an array,
 * a string, `null`) is passed on unmapped, so the gate answers `SYSTEM_INPUT_INVALID`.
 */
export function mapBody(mapper: FieldMapper, body: unknown, kind: 'json' | 'form'): unknown {
  return isRecord(body) ? mapper(body, kind) : body;
}

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (['true', 'on', '1', 'yes'].includes(text)) return true;
  if (['false', 'off', '0', 'no', ''].includes(text)) return false;
  return value;
}

function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) ? number : value;
}

function toList(value: unknown): unknown {
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
  return value;
}

function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

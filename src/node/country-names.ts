// Country names as CRM exports write them → ISO 3166-1 alpha-2 (issue 18). HubSpot's
// `Country/Region`, Salesforce's `Country` and LinkedIn's `Country/Region` hold names
// ("Germany", "Deutschland", "Royaume-Uni"), not codes, and the consent regimes, phone
// parsing and ICP geography all key on the code.

/**
 * The languages names are recognised in: English, then the official languages of the
 * regimes the consent check applies (EU/EEA members, the UK, Canada's French). The names
 * come from the ICU data Node and browsers ship (`Intl.DisplayNames`), not a hand-kept
 * table; English goes first and a later language never takes a name English has given.
 */
export const COUNTRY_NAME_LANGUAGES: readonly string[] = [
  'en', 'de', 'fr', 'nl', 'es', 'it', 'pt', 'pl', 'sv', 'da', 'fi', 'nb', 'is',
  'cs', 'sk', 'hu', 'ro', 'bg', 'el', 'hr', 'sl', 'et', 'lv', 'lt', 'mt', 'ga',
];

// Names lists use that ICU does not give as a region's display name in any language.
const ALIASES: Readonly<Record<string, string>> = {
  us: 'US', usa: 'US', unitedstatesofamerica: 'US', america: 'US',
  uk: 'GB', greatbritain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', northernireland: 'GB', britain: 'GB',
  uae: 'AE', holland: 'NL', thenetherlands: 'NL', southkorea: 'KR', republicofkorea: 'KR', korearepublicof: 'KR',
  czechrepublic: 'CZ', russia: 'RU', russianfederation: 'RU', turkey: 'TR', hongkong: 'HK', macau: 'MO', macao: 'MO',
  republicofireland: 'IE', ivorycoast: 'CI', burma: 'MM', swaziland: 'SZ', macedonia: 'MK', easttimor: 'TL', vatican: 'VA', palestine: 'PS',
  // ISO 3166-1 alpha-3 of the markets lead files come from most.
  gbr: 'GB', deu: 'DE', fra: 'FR', nld: 'NL', esp: 'ES', ita: 'IT', can: 'CA', aus: 'AU', irl: 'IE', che: 'CH', aut: 'AT', bel: 'BE',
};

// Deprecated codes (UK, BU, DD) canonicalise to another; groupings (EU, UN) are no country.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

let names: Map<string, string> | undefined;

/**
 * Case, accents, spaces and punctuation ignored: `Royaume-Uni` → `royaumeuni`,
 * `España` → `espana`, `Ελλάδα` → `ελλαδα`, `U.S.` → `us`.
 */
export function countryNameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The alpha-2 code of a country written as a name, an alias or a code, or `undefined`
 * when it is none of them. Built once, on first use, from `Intl.DisplayNames` in
 * {@link COUNTRY_NAME_LANGUAGES} (about 250 regions × 26 languages).
 *
 * @example
 * countryCodeOf('Deutschland') // 'DE'
 * countryCodeOf('Royaume-Uni') // 'GB'
 * countryCodeOf('U.S.')        // 'US'
 * countryCodeOf('Narnia')      // undefined
 */
export function countryCodeOf(text: string): string | undefined {
  const key = countryNameKey(text);
  if (key === '') return undefined;
  names ??= buildCountryNames();
  return names.get(key);
}

function buildCountryNames(): Map<string, string> {
  const built = new Map<string, string>();
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      codes.push(code);
    }
  }
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  // Only codes ICU names in English are regions (XA, XB are pseudo-locales it does not name).
  const regions = codes.filter((code) => {
    const name = english.of(code);
    return name !== undefined && name !== code;
  });
  for (const code of regions) built.set(code.toLowerCase(), code);
  for (const language of COUNTRY_NAME_LANGUAGES) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    } catch {
      continue; // A runtime built with small ICU: the languages it has still count.
    }
    for (const code of regions) {
      const name = display.of(code);
      if (name === undefined || name === code) continue;
      const key = countryNameKey(name);
      if (key !== '' && !built.has(key)) built.set(key, code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) if (!built.has(alias)) built.set(alias, code);
  return built;
}

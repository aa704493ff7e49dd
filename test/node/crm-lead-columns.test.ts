import { describe, expect, it } from 'vitest';
import { LeadGateError } from '../../src/core/errors.js';
import { createGate } from '../../src/gate.js';
import { countryCode, jsonlKeyMapper, mapColumns, mapRecord, mapRow, normalizeHeader } from '../../src/node/column-mapping.js';
import { COUNTRY_NAME_LANGUAGES, countryCodeOf } from '../../src/node/country-names.js';
import { CRM_LEAD_COLUMNS } from '../../src/node/crm-lead-columns.js';

// The header rows of each platform's default export, as a user downloads them (see the
// sources in src/node/crm-lead-columns.ts).
const HEADERS = {
  hubspot: ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Job Title', 'Company Name', 'Country/Region', 'Lifecycle Stage', 'Lead Status', 'Original Source', 'Create Date', 'Became a Customer Date', 'Industry', 'Number of Employees', 'Annual Revenue', 'Website URL', 'Contact owner'],
  salesforceLead: ['Lead ID', 'First Name', 'Last Name', 'Title', 'Company / Account', 'Email', 'Phone', 'Mobile', 'Country', 'Lead Source', 'Lead Status', 'Create Date', 'No. of Employees', 'Annual Revenue', 'Website', 'Lead Owner'],
  salesforceContact: ['Contact ID', 'First Name', 'Last Name', 'Title', 'Account Name', 'Email', 'Phone', 'Mailing Country', 'Lead Source', 'Created Date', 'Contact Owner'],
  salesforceDataLoader: ['Id', 'FirstName', 'LastName', 'Title', 'Company', 'Email', 'Phone', 'MobilePhone', 'Country', 'LeadSource', 'CreatedDate', 'NumberOfEmployees', 'AnnualRevenue', 'Website', 'HasOptedOutOfEmail'],
  marketo: ['Id', 'First Name', 'Last Name', 'Email Address', 'Job Title', 'Company Name', 'Phone Number', 'Country', 'Lead Source', 'Original Source Type', 'Original Referrer', 'Created At', 'Num Employees', 'Annual Revenue', 'Lead Score'],
  pipedrive: ['Person - ID', 'Person - Name', 'Person - First name', 'Person - Last name', 'Person - Email - Work', 'Person - Email - Home', 'Person - Phone - Work', 'Person - Organization', 'Person - Job title', 'Organization - Address - Country', 'Person - Person created', 'Person - Source channel', 'Person - Owner'],
  linkedin: ['Lead ID', 'First Name', 'Last Name', 'Email Address', 'Phone Number', 'Company Name', 'Job Title', 'Country/Region', 'Company Size', 'Industry', 'Campaign Name', 'Form Name', 'Date Submitted'],
};

describe('CRM export headers', () => {
  it('HubSpot contacts: country, source, stage, customer date and the record id', () => {
    const mapping = mapColumns(HEADERS.hubspot, {});
    expect(mapping.used).toEqual({
      '@id': 'Record ID', firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone Number', title: 'Job Title',
      company: 'Company Name', country: 'Country/Region', '@stage': 'Lifecycle Stage', '@source': 'Original Source',
      'source.capturedAt': 'Create Date', 'consent.relationship.lastPurchaseAt': 'Became a Customer Date', industry: 'Industry',
      employees: 'Number of Employees', revenue: 'Annual Revenue', website: 'Website URL',
    });
    // The main phone wins over the mobile, although both name a phone.
    expect(mapping.unused).toEqual(['Mobile Phone Number', 'Lead Status', 'Contact owner']);
  });

  it('Salesforce Lead and Contact reports, and Data Loader API names', () => {
    expect(mapColumns(HEADERS.salesforceLead, {}).used).toEqual({
      '@id': 'Lead ID', firstName: 'First Name', lastName: 'Last Name', title: 'Title', company: 'Company / Account', email: 'Email', phone: 'Phone',
      country: 'Country', '@source': 'Lead Source', 'source.capturedAt': 'Create Date', employees: 'No. of Employees', revenue: 'Annual Revenue', website: 'Website',
    });
    expect(mapColumns(HEADERS.salesforceContact, {}).used).toEqual({
      '@id': 'Contact ID', firstName: 'First Name', lastName: 'Last Name', title: 'Title', company: 'Account Name', email: 'Email', phone: 'Phone',
      country: 'Mailing Country', '@source': 'Lead Source', 'source.capturedAt': 'Created Date',
    });
    const loader = mapColumns(HEADERS.salesforceDataLoader, {});
    expect(loader.used).toMatchObject({ '@id': 'Id', company: 'Company', employees: 'NumberOfEmployees', '@source': 'LeadSource', 'source.capturedAt': 'CreatedDate' });
    expect(loader.unused).toEqual(['MobilePhone', 'HasOptedOutOfEmail']);
  });

  it('Marketo person export', () => {
    const mapping = mapColumns(HEADERS.marketo, {});
    expect(mapping.used).toEqual({
      '@id': 'Id', firstName: 'First Name', lastName: 'Last Name', email: 'Email Address', title: 'Job Title', company: 'Company Name', phone: 'Phone Number',
      country: 'Country', '@source': 'Lead Source', 'source.referrer': 'Original Referrer', 'source.capturedAt': 'Created At', employees: 'Num Employees', revenue: 'Annual Revenue',
    });
    expect(mapping.unused).toEqual(['Original Source Type', 'Lead Score']);
  });

  it('Pipedrive people export ("Entity - Field" headers)', () => {
    const mapping = mapColumns(HEADERS.pipedrive, {});
    expect(mapping.used).toEqual({
      '@id': 'Person - ID', firstName: 'Person - First name', lastName: 'Person - Last name', email: 'Person - Email - Work', phone: 'Person - Phone - Work',
      company: 'Person - Organization', title: 'Person - Job title', country: 'Organization - Address - Country', 'source.capturedAt': 'Person - Person created',
      '@source': 'Person - Source channel',
    });
    expect(mapping.unused).toEqual(['Person - Name', 'Person - Email - Home', 'Person - Owner']);
  });

  it('LinkedIn Lead Gen Forms download', () => {
    const mapping = mapColumns(HEADERS.linkedin, {});
    expect(mapping.used).toEqual({
      '@id': 'Lead ID', firstName: 'First Name', lastName: 'Last Name', email: 'Email Address', phone: 'Phone Number', company: 'Company Name', title: 'Job Title',
      country: 'Country/Region', employees: 'Company Size', industry: 'Industry', 'source.utm_campaign': 'Campaign Name', 'source.formId': 'Form Name', 'source.capturedAt': 'Date Submitted',
    });
    // A size band becomes a number the ICP check can compare (the midpoint of a closed band).
    const row = mapRow(['L1', 'Ana', 'Ruiz', 'ana@ejemplo.es', '+34 912 345 678', 'Ejemplo', 'CTO', 'Spain', '51-200', 'Software', 'Q4 EMEA', 'Demo form', '2026-11-02'], mapping);
    expect(row.lead).toMatchObject({ country: 'ES', employees: '51-200', source: { utm_campaign: 'Q4 EMEA', formId: 'Demo form', capturedAt: '2026-11-02' } });
    expect(row.id).toBe('L1');
  });

  it('a preset reads a platform\'s headers its way when the platforms disagree', () => {
    // Marketo's `Original Source Type` is its source; with every table, HubSpot-style `Lead Source` ranks first.
    expect(mapColumns(['Email', 'Original Source Type', 'Lead Source'], {}).used['@source']).toBe('Lead Source');
    expect(mapColumns(['Email', 'Original Source Type'], {}, 'marketo').used['@source']).toBe('Original Source Type');
    // HubSpot's own export: the original source, not the latest.
    expect(mapColumns(['Email', 'Latest Source', 'Original Source'], {}, 'hubspot').used['@source']).toBe('Original Source');
    // A preset leaves the other platforms' headers alone: `Person - Email - Work` is Pipedrive's.
    expect(mapColumns(['Person - Email - Work'], {}, 'hubspot').used).toEqual({});
    expect(mapColumns(['Person - Email - Work'], {}, 'pipedrive').used).toEqual({ email: 'Person - Email - Work' });
    // The generic names still count under a preset.
    expect(mapColumns(['E-mail', 'utm_source'], {}, 'linkedin').used).toEqual({ email: 'E-mail', 'source.utm_source': 'utm_source' });
    expect(() => mapColumns(['Email'], {}, 'zoho' as never)).toThrow(LeadGateError);
    expect(() => jsonlKeyMapper({}, 'zoho' as never)).toThrow(/preset "zoho" is not one of auto, hubspot, salesforce, marketo, pipedrive, linkedin/);
  });

  it('no header means two different things within one platform\'s table', () => {
    for (const [platform, table] of Object.entries(CRM_LEAD_COLUMNS)) {
      const seen = new Map<string, string>();
      for (const [target, headers] of Object.entries(table)) {
        for (const header of headers) {
          const name = normalizeHeader(header);
          expect(seen.get(name) ?? target, `${platform}: ${header}`).toBe(target);
          seen.set(name, target);
        }
      }
    }
  });
});

describe('lifecycle stage and lawful basis', () => {
  const mapping = mapColumns(['Record ID', 'Email', 'Lifecycle Stage', 'Became a Customer Date', "Legal basis for processing contact's data"], {});

  it('a customer stage makes an existing customer, unless the lawful basis column says otherwise', () => {
    expect(mapRow(['1', 'a@b.example', 'customer', '2026-06-30', ''], mapping).lead.consent).toEqual({ lawfulBasis: 'existing_customer', relationship: { lastPurchaseAt: '2026-06-30' } });
    expect(mapRow(['2', 'a@b.example', 'Evangelist', '', ''], mapping).lead.consent).toEqual({ lawfulBasis: 'existing_customer' });
    expect(mapRow(['3', 'a@b.example', 'customer', '', 'Freely given consent from contact'], mapping).lead.consent).toEqual({ lawfulBasis: 'consent' });
    // Stages short of a customer say nothing about the relationship.
    for (const stage of ['lead', 'Marketing Qualified Lead', 'opportunity', 'subscriber']) {
      expect(mapRow(['4', 'a@b.example', stage, '', ''], mapping).lead.consent, stage).toBeUndefined();
    }
    // JSONL keys go the same way.
    const mapper = jsonlKeyMapper({});
    expect(mapRecord({ email: 'a@b.example', 'Lifecycle Stage': 'customer' }, mapper.targetOf).lead).toEqual({ email: 'a@b.example', consent: { lawfulBasis: 'existing_customer' } });
  });

  it('reads HubSpot\'s lawful-basis wording', () => {
    const basis = (text: string) => (mapRow(['1', 'a@b.example', '', '', text], mapping).lead.consent as { lawfulBasis?: unknown } | undefined)?.lawfulBasis;
    expect(basis('Legitimate interest – prospect/lead')).toBe('legitimate_interest');
    expect(basis('Legitimate interest - other')).toBe('legitimate_interest');
    expect(basis('Legitimate interest – existing customer')).toBe('existing_customer');
    expect(basis('Performance of a contract')).toBe('contract');
    expect(basis('Freely given consent from contact')).toBe('consent');
    expect(basis('Not applicable')).toBeUndefined();
    // Unknown wording reaches the consent check as written, which does not take it as a basis.
    expect(basis('Because we said so')).toBe('Because we said so');
  });
});

describe('country names', () => {
  it('maps names in English and the regimes\' languages, and the usual aliases, to ISO 3166 alpha-2', () => {
    const cases: Array<[string, string]> = [
      ['Germany', 'DE'], ['Deutschland', 'DE'], ['Allemagne', 'DE'], ['Royaume-Uni', 'GB'], ['Vereinigtes Königreich', 'GB'], ['Reino Unido', 'GB'],
      ['España', 'ES'], ['Espagne', 'ES'], ['Nederland', 'NL'], ['Pays-Bas', 'NL'], ['Italia', 'IT'], ['Polska', 'PL'], ['Sverige', 'SE'],
      ['Danmark', 'DK'], ['Suomi', 'FI'], ['Österreich', 'AT'], ['België', 'BE'], ['Éire', 'IE'], ['Ελλάδα', 'GR'], ['Česko', 'CZ'],
      ['United States', 'US'], ['USA', 'US'], ['U.S.', 'US'], ['UK', 'GB'], ['United Kingdom', 'GB'], ['England', 'GB'], ['Turkey', 'TR'],
      ['Hong Kong', 'HK'], ['the Netherlands', 'NL'], ['  germany ', 'DE'], ['GERMANY', 'DE'], ['DEU', 'DE'],
    ];
    for (const [name, code] of cases) expect(countryCodeOf(name), name).toBe(code);
    expect(COUNTRY_NAME_LANGUAGES[0]).toBe('en');
  });

  it('leaves what is no country as written, so the gate reports it', async () => {
    expect(countryCodeOf('Narnia')).toBeUndefined();
    expect(countryCodeOf('European Union')).toBeUndefined();
    expect(countryCodeOf('')).toBeUndefined();
    expect(countryCode('Narnia')).toBe('Narnia');
    // Two letters pass through untouched; the gate upper-cases them.
    expect(countryCode('de')).toBe('de');
    const verdict = await createGate({ motion: 'inbound' }).validate({ email: 'jane@acme.example', country: countryCode('Narnia') });
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'SYSTEM_FIELD_INVALID', field: 'country' }));
  });

  it('a national phone number is read in the country the name gives', async () => {
    const gate = createGate({ motion: 'inbound' });
    const codes = async (lead: Record<string, unknown>) => (await gate.validate(lead)).reasons.map((reason) => reason.code);
    // Before issue 18, "Germany" did not map and the Berlin number was PHONE_INVALID.
    expect(await codes({ email: 'hans@becker-logistik.de', phone: '030 901820', country: countryCode('Germany') })).not.toContain('PHONE_INVALID');
    expect(await codes({ email: 'hans@becker-logistik.de', phone: '030 901820', country: countryCode('Deutschland') })).not.toContain('PHONE_INVALID');
  });
});

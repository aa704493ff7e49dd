import { describe, expect, it } from 'vitest';
import { LeadGateError } from '../../src/core/errors.js';
import { countryCode, jsonlKeyMapper, mapColumns, mapRecord, mapRow, normalizeHeader } from '../../src/node/column-mapping.js';
import { maskEmail, maskPersonalData, maskPhone } from '../../src/node/personal-data-mask.js';

describe('mapColumns', () => {
  it('recognises common headers whatever their case and punctuation', () => {
    const header = ['E-mail', 'EMAIL ADDRESS', 'Job Title', 'Company Name', 'Phone Number', 'country', 'Website', 'First Name', 'Last_Name', 'Industry', 'Employees', 'Annual Revenue', 'UTM_Source', 'utm-campaign', 'Lead Source', 'Record ID', 'Opt-In', 'Favourite Colour'];
    const mapping = mapColumns(header, {});
    expect(mapping.used).toEqual({
      email: 'E-mail', title: 'Job Title', company: 'Company Name', phone: 'Phone Number', country: 'country', website: 'Website',
      firstName: 'First Name', lastName: 'Last_Name', industry: 'Industry', employees: 'Employees', revenue: 'Annual Revenue',
      'source.utm_source': 'UTM_Source', 'source.utm_campaign': 'utm-campaign', '@source': 'Lead Source', '@id': 'Record ID', 'consent.given': 'Opt-In',
    });
    // The first of two email columns wins; the second is reported as unused, as is the unknown one.
    expect(mapping.unused).toEqual(['EMAIL ADDRESS', 'Favourite Colour']);
    expect(normalizeHeader('É-Mail Address ')).toBe('emailaddress');
  });

  it('takes overrides over the defaults, and refuses unknown fields and missing columns', () => {
    const mapping = mapColumns(['Email', 'Title', 'Real Title'], { title: 'real title' });
    expect(mapping.used).toEqual({ email: 'Email', title: 'Real Title' });
    expect(mapping.unused).toEqual(['Title']);
    expect(() => mapColumns(['Email'], { shoeSize: 'Email' })).toThrow(LeadGateError);
    expect(() => mapColumns(['Email'], { title: 'Job Title' })).toThrow(/names a column the file does not have/);
    expect(() => mapColumns(['Email'], { 'custom.__proto__': 'Email' })).toThrow(LeadGateError);
  });
});

describe('mapRow', () => {
  it('builds nested leads, skips blank cells and converts booleans, lists and country names', () => {
    const mapping = mapColumns(['Email', 'Country', 'Consent', 'Consent Channels', 'utm_source', 'Notes'], { 'custom.notes': 'Notes' });
    const row = mapRow([' jane@acme.example ', 'Germany', 'Yes', 'email; Phone', 'linkedin', ''], mapping);
    expect(row).toEqual({
      lead: { email: 'jane@acme.example', country: 'DE', consent: { given: true, channels: ['email', 'phone'] }, source: { utm_source: 'linkedin' } },
      source: 'linkedin',
      id: undefined,
    });
    expect(mapRow(['', 'FR', 'no', '', '', 'hello'], mapping).lead).toEqual({ country: 'FR', consent: { given: false }, custom: { notes: 'hello' } });
    expect(mapRow(['', 'Atlantis', 'maybe', '', '', ''], mapping).lead).toEqual({ country: 'Atlantis', consent: { given: 'maybe' } });
  });

  it('reads a whole consent record from its columns: page, pre-ticked and clicked (yes/no), lawful basis and LIA reference', () => {
    const header = ['Email', 'Consent', 'Consent Date', 'Consent Text ID', 'Consent Page URL', 'Consent Pre-ticked', 'Consent Clicked', 'Lawful Basis', 'LIA Reference', 'Created Date'];
    const mapping = mapColumns(header, {});
    expect(mapping.unused).toEqual([]);
    const row = mapRow(['jane@acme.example', 'Yes', '2025-03-02T10:15:00Z', 'demo-request-v1', 'https://www.brightlane.example/demo', 'No', 'Yes', 'consent', '', '2025-03-02'], mapping);
    expect(row.lead).toEqual({
      email: 'jane@acme.example',
      consent: { given: true, capturedAt: '2025-03-02T10:15:00Z', textId: 'demo-request-v1', pageUrl: 'https://www.brightlane.example/demo', renderedChecked: false, userInteracted: true, lawfulBasis: 'consent' },
      source: { capturedAt: '2025-03-02' },
    });
    expect(mapRow(['jane@acme.example', '', '', '', '', '', '', 'legitimate_interest', 'LIA-2024-03', ''], mapping).lead.consent).toEqual({ lawfulBasis: 'legitimate_interest', liaRef: 'LIA-2024-03' });
  });

  it('prefers the @source column for the breakdown, then utm_source, then partnerId', () => {
    const mapping = mapColumns(['Lead Source', 'utm_source', 'Partner'], {});
    expect(mapRow(['Webinar', 'linkedin', 'p-1'], mapping).source).toBe('Webinar');
    expect(mapRow(['', 'linkedin', 'p-1'], mapping).source).toBe('linkedin');
    expect(mapRow(['', '', 'p-1'], mapping).source).toBe('p-1');
    expect(mapRow(['', '', ''], mapping).source).toBeUndefined();
  });
});

describe('mapRecord (JSONL)', () => {
  it('passes lead fields through and maps header-named keys', () => {
    const mapper = jsonlKeyMapper({});
    const row = mapRecord({ email: 'a@b.example', 'Job Title': 'CTO', source: { utm_source: 'x' }, 'Lead Source': 'Fair', id: 7, colour: 'red' }, mapper.targetOf);
    expect(row).toEqual({ lead: { email: 'a@b.example', title: 'CTO', source: { utm_source: 'x' } }, source: 'Fair', id: '7' });
    expect([...mapper.unused]).toEqual(['colour']);
    // A plain-text "source" is the lead source's name, not the attribution record.
    expect(mapRecord({ email: 'a@b.example', source: 'Webinar' }, mapper.targetOf)).toEqual({ lead: { email: 'a@b.example' }, source: 'Webinar', id: undefined });
  });
});

describe('countryCode', () => {
  it('turns English country names into ISO codes and leaves codes alone', () => {
    expect(['Germany', 'united states', 'United Kingdom', 'USA', 'DE', 'uk'].map(countryCode)).toEqual(['DE', 'US', 'GB', 'US', 'DE', 'uk']);
  });
});

describe('masking', () => {
  it('keeps an email\'s first letter and domain, a phone\'s last two digits, a name\'s initial', () => {
    expect(maskEmail('jane.doe@acme.example')).toBe('j***@acme.example');
    expect(maskEmail('a@@b.example')).toBe('a***@@b.example');
    expect(maskEmail('no-at-sign')).toBe('***');
    expect(maskPhone('+49 30 901820')).toBe('+•• •• ••••20');
    expect(maskPersonalData('lastName', 'Keller')).toBe('K***');
    expect(maskPersonalData('title', 'CTO')).toBe('CTO');
  });
});

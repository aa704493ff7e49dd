import { describe, expect, it } from 'vitest';
import { OUTCOME_CODES, type OutcomeCode } from '../../src/outcomes/codes.js';
import { isoDate, outcomeRecordsFromRow, parseAmount, reasonFromText, resolveOutcomeColumns } from '../../src/outcomes/crm-outcome-columns.js';

describe('reasonFromText', () => {
  // Reason text as reps type it in HubSpot's Disqualification Reason or Salesforce's Loss Reason.
  const examples: Record<OutcomeCode, string> = {
    SALES_WRONG_TITLE: 'Contact left the company',
    SALES_FAKE: 'Junk lead',
    SALES_UNREACHABLE: 'Email bounced',
    SALES_DUPLICATE: 'Duplicate of existing lead',
    SALES_NO_CONSENT: 'No GDPR consent on file',
    SALES_DO_NOT_CONTACT: 'Asked us to unsubscribe',
    SALES_NO_BUDGET: 'Too expensive',
    SALES_NO_NEED: 'Not interested',
    SALES_NO_AUTHORITY: 'Not a decision maker',
    SALES_WRONG_INDUSTRY: 'Industry we do not serve',
    SALES_WRONG_REGION: 'Outside our territory',
    SALES_TOO_SMALL: 'Company too small',
    SALES_COMPETITOR: 'Is a competitor',
    SALES_EXISTING_CUSTOMER: 'Already a client of ours',
    SALES_BAD_TIMING: 'Maybe next year',
    SALES_LOST_TO_COMPETITOR: 'Went with a competitor',
    SALES_NO_DECISION: 'Went dark after demo',
    SALES_OTHER: 'Wanted a unicorn',
  };

  it('maps free text to every code of the catalogue, keeping the text as note', () => {
    for (const [code, text] of Object.entries(examples)) expect(reasonFromText(text), text).toEqual({ reason: code, note: text });
  });

  it('an exact code or catalogue label maps without a note', () => {
    for (const [code, spec] of Object.entries(OUTCOME_CODES)) {
      expect(reasonFromText(code)).toEqual({ reason: code });
      expect(reasonFromText(`  ${spec.label.toUpperCase()} `)).toEqual({ reason: code });
    }
  });

  it('the specific phrase wins over the word it contains (near misses)', () => {
    expect(reasonFromText('Lost to competitor').reason).toBe('SALES_LOST_TO_COMPETITOR');
    expect(reasonFromText('Competitor research').reason).toBe('SALES_COMPETITOR');
    expect(reasonFromText('Do not contact').reason).toBe('SALES_DO_NOT_CONTACT');
    expect(reasonFromText('Could not reach contact').reason).toBe('SALES_UNREACHABLE');
  });
});

describe('isoDate', () => {
  it.each([
    ['2026-11-03', 'mdy', '2026-11-03'],
    ['2026-11-03 14:20', 'mdy', '2026-11-03T14:20'],
    ['2026-11-03T14:20:00Z', 'mdy', '2026-11-03T14:20:00Z'],
    ['11/3/2026', 'mdy', '2026-11-03'],
    ['3/11/2026', 'dmy', '2026-11-03'],
    ['11/3/2026 2:05 PM', 'mdy', '2026-11-03T14:05'],
    ['11/3/2026 12:05 AM', 'mdy', '2026-11-03T00:05'],
    ['03.11.2026', 'dmy', '2026-11-03'],
  ] as const)('%s (%s) → %s', (text, order, expected) => {
    expect(isoDate(text, order)).toBe(expected);
  });

  it.each(['2026-02-30', '13/1/2026', '31/31/2026', 'yesterday', '2026-11-03 25:00', '11/3/2026 13:00 PM', ''])('refuses %j', (text) => {
    expect(isoDate(text, 'mdy')).toBeUndefined();
  });

  it('the order decides an ambiguous date (near miss)', () => {
    expect(isoDate('13/1/2026', 'dmy')).toBe('2026-01-13');
  });
});

describe('parseAmount', () => {
  it('reads the amounts CRMs export', () => {
    expect(parseAmount('$24,000.00')).toBe(24000);
    expect(parseAmount('52,500')).toBe(52500);
    expect(parseAmount('EUR 1,200')).toBe(1200);
    expect(parseAmount('0')).toBe(0);
  });
  it('refuses text and negatives', () => {
    expect(parseAmount('lots')).toBeUndefined();
    expect(parseAmount('-5')).toBeUndefined();
    expect(parseAmount('1,2,3')).toBeUndefined();
  });
});

describe('outcomeRecordsFromRow', () => {
  const header = ['Record ID', 'Lifecycle Stage', 'Lead Status', 'Became a Marketing Qualified Lead Date', 'Last Modified Date', 'Close Reason'];
  const { columns } = resolveOutcomeColumns(header, 'hubspot');
  const row = (values: string[]) => outcomeRecordsFromRow(values, columns);

  it('reads HubSpot internal values and labels alike', () => {
    for (const stage of ['marketingqualifiedlead', 'Marketing Qualified Lead', 'MARKETING QUALIFIED LEAD']) {
      expect(row(['1', stage, '', '2026-10-01', '', ''])).toEqual({ kind: 'records', records: [{ leadId: '1', stage: 'mql', at: '2026-10-01' }] });
    }
  });

  it('a rejected row without a reason gets SALES_OTHER (the schema needs a reason)', () => {
    const result = row(['1', 'lead', 'Unqualified', '', '2026-10-04', '']);
    expect(result).toMatchObject({ kind: 'records', records: [{ stage: 'rejected', at: '2026-10-04', reason: 'SALES_OTHER' }] });
  });

  it('a row with no date for its stage is bad, not guessed', () => {
    expect(row(['1', 'lead', 'Unqualified', '', '', 'Spam'])).toMatchObject({ kind: 'bad', issues: [{ path: 'at' }] });
  });

  it('an empty lead id is bad; a subscriber is no outcome', () => {
    expect(row(['', 'marketingqualifiedlead', '', '2026-10-01', '', ''])).toMatchObject({ kind: 'bad', issues: [{ path: 'leadId' }] });
    expect(row(['1', 'subscriber', '', '', '', ''])).toEqual({ kind: 'no-outcome' });
  });

  it('the lead id column found by its header, whatever the case and spacing', () => {
    expect(resolveOutcomeColumns(['record id', 'LIFECYCLE_STAGE'], 'hubspot').problems).toEqual([]);
  });
});

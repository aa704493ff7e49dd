import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseTitle } from '../../src/checks/role/parse-title.js';
import {
  AUTHORITIES,
  JOB_FUNCTIONS,
  NON_WORKFORCE,
  SENIORITIES,
  TITLE_LANGUAGES,
  type JobFunction,
  type ParsedTitle,
  type Seniority,
  type TitleLanguage,
} from '../../src/checks/role/taxonomy.js';

type Row = readonly [title: string, seniority: Seniority, fn: JobFunction, language: TitleLanguage, subFunction?: string];

/** ../shared/research/value_truth.md §2.8: every fixture, exact labels. */
const RESEARCH_FIXTURES: readonly Row[] = [
  ['VP Sales', 'vp', 'sales', 'en'],
  ['V.P. of Sales', 'vp', 'sales', 'en'],
  ['Vice-President, Sales', 'vp', 'sales', 'en'],
  ['SVP, Marketing', 'vp', 'marketing', 'en'],
  ['EVP Marketing', 'vp', 'marketing', 'en'],
  ['CMO', 'c_suite', 'marketing', 'en'],
  ['EVP & CRO', 'c_suite', 'sales', 'en', 'revenue'],
  ['Chief Risk Officer', 'c_suite', 'finance', 'en', 'risk'],
  ['Dir. of Ops', 'director', 'operations', 'en'],
  ['Dir, Operations', 'director', 'operations', 'en'],
  ['Sr. Mgr, IT', 'manager', 'information_technology', 'en'],
  ['Sr. Software Engineer', 'senior', 'engineering', 'en'],
  ['Account Manager', 'senior', 'sales', 'en'],
  ['Co-Founder & CEO', 'founder', 'general_management', 'en'],
  ['Head of Growth', 'head', 'marketing', 'en', 'growth'],
  ['Geschäftsführer', 'c_suite', 'general_management', 'de'],
  ['Directeur commercial', 'director', 'sales', 'fr'],
  ['Gerente General', 'c_suite', 'general_management', 'es'],
  ['Leiter Einkauf', 'head', 'purchasing', 'de'],
  ['Werkstudent Marketing', 'intern', 'marketing', 'de'],
  ['Owner', 'owner', 'general_management', 'en'],
];

/** The brief's examples and a spread across seniorities, functions and languages. */
const CORE: readonly Row[] = [
  // Abbreviations and punctuation
  ['AVP, Finance', 'vp', 'finance', 'en'],
  ['Vice President of Engineering', 'vp', 'engineering', 'en'],
  ['Assistant Vice President', 'vp', 'unknown', 'en'],
  ['Marketing Assistant', 'entry', 'marketing', 'en'],
  ['Assistant Professor', 'entry', 'education', 'en'],
  ['Engineering Manager', 'manager', 'engineering', 'en'],
  ['General Manager', 'c_suite', 'general_management', 'en'],
  ['Chief Technology Officer', 'c_suite', 'engineering', 'en'],
  ['Head of Sales and Marketing', 'head', 'sales', 'en'],
  ['VP of Finance & CFO', 'c_suite', 'finance', 'en'],
  ['CEO & Co-Founder | Acme | Ex-Google', 'founder', 'general_management', 'en'],
  ['Senior Vice President, Global Sales & Marketing', 'vp', 'sales', 'en'],
  ['CEO', 'c_suite', 'general_management', 'en'],
  ['CFO', 'c_suite', 'finance', 'en'],
  ['CTO', 'c_suite', 'engineering', 'en'],
  ['CIO', 'c_suite', 'information_technology', 'en'],
  ['COO', 'c_suite', 'operations', 'en'],
  ['CHRO', 'c_suite', 'human_resources', 'en'],
  ['CISO', 'c_suite', 'information_technology', 'en', 'security'],
  ['Chief Executive', 'c_suite', 'general_management', 'en'],
  ['Chief Revenue Officer', 'c_suite', 'sales', 'en', 'revenue'],
  ['Chief Security Officer', 'c_suite', 'information_technology', 'en', 'security'],
  ['President', 'c_suite', 'general_management', 'en'],
  ['Chairman', 'c_suite', 'general_management', 'en'],
  ['Hd. of Finance', 'head', 'finance', 'en'],
  ['Head of People', 'head', 'human_resources', 'en'],
  ['Head of R&D', 'head', 'research', 'en'],
  ['Sr. Mgr', 'manager', 'unknown', 'en'],
  ['Senior Manager', 'manager', 'unknown', 'en'],
  ['Jr. Accountant', 'entry', 'accounting', 'en'],
  // Multi-role
  ['CEO & Founder', 'founder', 'general_management', 'en'],
  ['CEO and Founder', 'founder', 'general_management', 'en'],
  ['CTO / Co-founder', 'founder', 'engineering', 'en'],
  ['Founder, Designer', 'founder', 'arts_and_design', 'en'],
  ['Founder', 'founder', 'general_management', 'en'],
  // Company or location appended
  ['Marketing Director at Acme', 'director', 'marketing', 'en'],
  ['Sales Manager - EMEA', 'manager', 'sales', 'en'],
  ['Head of Sales | Acme', 'head', 'sales', 'en'],
  ['CFO @ Acme', 'c_suite', 'finance', 'en'],
  ['Directrice Marketing chez Acme', 'director', 'marketing', 'fr'],
  ['Leiter Vertrieb bei Acme GmbH', 'head', 'sales', 'de'],
  ['VP Sales | asdf', 'vp', 'sales', 'en'],
  // The Manager trap (§2.3)
  ['Product Manager', 'senior', 'product_management', 'en'],
  ['Customer Success Manager', 'senior', 'customer_success_and_support', 'en'],
  ['Project Manager', 'senior', 'program_and_project_management', 'en'],
  ['Program Manager', 'senior', 'program_and_project_management', 'en'],
  ['Key Account Manager', 'senior', 'sales', 'en'],
  ['Territory Manager', 'senior', 'sales', 'en'],
  ['Partner Manager', 'senior', 'business_development', 'en'],
  ['Category Manager', 'senior', 'purchasing', 'en'],
  ['Community Manager', 'senior', 'marketing', 'en', 'social_media'],
  ['Social Media Manager', 'senior', 'marketing', 'en', 'social_media'],
  ['Office Manager', 'senior', 'administrative', 'en'],
  ['IT Manager', 'manager', 'information_technology', 'en'],
  ['Procurement Manager', 'manager', 'purchasing', 'en'],
  ['International Sales Manager', 'manager', 'sales', 'en'],
  ['Business Development Manager', 'manager', 'business_development', 'en'],
  ['PR Manager', 'manager', 'media_and_communication', 'en'],
  ['Demand Generation Manager', 'manager', 'marketing', 'en', 'demand_generation'],
  ['RevOps Manager', 'manager', 'operations', 'en', 'revops'],
  ['Project Manager Intern', 'intern', 'program_and_project_management', 'en'],
  // Functions, individual contributors
  ['Account Executive', 'entry', 'sales', 'en'],
  ['Software Engineer', 'entry', 'engineering', 'en'],
  ['Junior Developer', 'entry', 'engineering', 'en'],
  ['System Administrator', 'entry', 'information_technology', 'en'],
  ['Recruiter', 'entry', 'human_resources', 'en'],
  ['Talent Acquisition Partner', 'entry', 'human_resources', 'en'],
  ['HR Business Partner', 'entry', 'human_resources', 'en'],
  ['Buyer', 'entry', 'purchasing', 'en'],
  ['Controller', 'entry', 'accounting', 'en'],
  ['Accountant', 'entry', 'accounting', 'en'],
  ['Data Scientist', 'entry', 'engineering', 'en', 'data_science'],
  ['Security Engineer', 'entry', 'information_technology', 'en', 'security'],
  ['Customer Support Specialist', 'entry', 'customer_success_and_support', 'en'],
  ['Legal Counsel', 'entry', 'legal', 'en'],
  ['Product Owner', 'senior', 'product_management', 'en'],
  ['QA Engineer', 'entry', 'quality_assurance', 'en'],
  ['Graphic Designer', 'entry', 'arts_and_design', 'en'],
  ['Teacher', 'entry', 'education', 'en'],
  ['Professor', 'entry', 'education', 'en'],
  ['Nurse', 'entry', 'healthcare_services', 'en'],
  ['Physician', 'entry', 'healthcare_services', 'en'],
  ['Communications Director', 'director', 'media_and_communication', 'en'],
  ['Consultant', 'entry', 'consulting', 'en'],
  ['Freelancer', 'entry', 'entrepreneurship', 'en'],
  ['Self-employed', 'owner', 'entrepreneurship', 'en'],
  ['Sales Development Representative', 'entry', 'sales', 'en'],
  ['Marketing Intern', 'intern', 'marketing', 'en'],
  ['Executive Assistant to the CEO', 'entry', 'administrative', 'en'],
  ['Managing Partner', 'partner', 'general_management', 'en'],
  ['M&A Analyst', 'entry', 'finance', 'en'],
  ['Property Manager', 'manager', 'real_estate', 'en'],
  ['Social Worker', 'entry', 'community_and_social_services', 'en'],
  ['Police Officer', 'entry', 'military_and_protective_services', 'en'],
  ['Research Scientist', 'entry', 'research', 'en'],
  ['👩‍💻 Software Engineer 🚀', 'entry', 'engineering', 'en'],
  // German
  ['Geschäftsführerin (m/w/d)', 'c_suite', 'general_management', 'de'],
  ['Abteilungsleiter Einkauf', 'head', 'purchasing', 'de'],
  ['Vertriebsleiter', 'head', 'sales', 'de'],
  ['Teamleiter Vertrieb', 'manager', 'sales', 'de'],
  ['Inhaber', 'owner', 'general_management', 'de'],
  ['Inhaberin', 'owner', 'general_management', 'de'],
  ['Vorstand', 'c_suite', 'general_management', 'de'],
  ['Prokurist', 'director', 'unknown', 'de'],
  ['Praktikant', 'intern', 'unknown', 'de'],
  ['Werkstudentin', 'intern', 'unknown', 'de'],
  // A department on its own: the function is known, the level is not.
  ['Einkauf', 'unknown', 'purchasing', 'de'],
  ['Buchhalterin', 'entry', 'accounting', 'de'],
  ['Selbstständig', 'owner', 'entrepreneurship', 'de'],
  ['Assistentin der Geschäftsführung', 'entry', 'administrative', 'de'],
  ['IT-Leiter', 'head', 'information_technology', 'de'],
  ['Kaufmännischer Leiter', 'head', 'finance', 'de'],
  ['Vertriebsmitarbeiter', 'entry', 'sales', 'de'],
  ['Sachbearbeiterin Buchhaltung', 'entry', 'accounting', 'de'],
  // French
  ['Directeur Marketing', 'director', 'marketing', 'fr'],
  ['Directeur Général', 'c_suite', 'general_management', 'fr'],
  ['Directrice Générale', 'c_suite', 'general_management', 'fr'],
  ['PDG', 'c_suite', 'general_management', 'fr'],
  ['Responsable Marketing', 'head', 'marketing', 'fr'],
  ['Stagiaire', 'intern', 'unknown', 'fr'],
  ['Indépendant', 'owner', 'entrepreneurship', 'fr'],
  ['Fondatrice', 'founder', 'general_management', 'fr'],
  ['Chef de projet', 'senior', 'program_and_project_management', 'fr'],
  ['Ingénieur logiciel', 'entry', 'engineering', 'fr'],
  ['Chargée de communication', 'entry', 'media_and_communication', 'fr'],
  // Spanish
  ['Gerente de Ventas', 'manager', 'sales', 'es'],
  ['Gerente', 'manager', 'unknown', 'es'],
  ['Jefe de Compras', 'head', 'purchasing', 'es'],
  ['Jefa de Compras', 'head', 'purchasing', 'es'],
  ['Director Comercial', 'director', 'sales', 'es'],
  ['Directora Comercial', 'director', 'sales', 'es'],
  ['Director expansión de negocio', 'director', 'business_development', 'es'],
  ['Becario', 'intern', 'unknown', 'es'],
  ['Autónomo', 'owner', 'entrepreneurship', 'es'],
  ['Ingeniera de Software', 'entry', 'engineering', 'es'],
  // Portuguese
  ['Diretor Comercial', 'director', 'sales', 'pt'],
  ['Diretora Comercial', 'director', 'sales', 'pt'],
  ['Estagiário', 'intern', 'unknown', 'pt'],
  ['Gerente de Comunicação e Marketing', 'manager', 'media_and_communication', 'pt'],
  // Dutch
  ['Hoofd Marketing', 'head', 'marketing', 'nl'],
  ['Algemeen directeur', 'c_suite', 'general_management', 'nl'],
  ['Eigenaar', 'owner', 'general_management', 'nl'],
  // Italian
  ['Responsabile Acquisti', 'head', 'purchasing', 'it'],
  ['Amministratore Delegato', 'c_suite', 'general_management', 'it'],
  ['Direttore', 'director', 'unknown', 'it'],
  ['Direttrice Commerciale', 'director', 'sales', 'it'],
];

const labels = (p: ParsedTitle) => [p.seniority, p.function, p.language, p.subFunction];

describe('parseTitle: exact labels', () => {
  for (const [title, seniority, fn, language, sub] of RESEARCH_FIXTURES) {
    it(`research §2.8: ${title}`, () => {
      expect(labels(parseTitle(title))).toEqual([seniority, fn, language, sub]);
    });
  }

  for (const [title, seniority, fn, language, sub] of CORE) {
    it(title, () => {
      const parsed = parseTitle(title);
      expect(labels(parsed)).toEqual([seniority, fn, language, sub]);
      expect(parsed.junk).toBeUndefined();
      expect(parsed.nonWorkforce).toBeUndefined();
    });
  }

  it('covers every seniority (unknown: a bare department), at least 15 functions and all 7 languages', () => {
    const rows = [...RESEARCH_FIXTURES, ...CORE];
    expect(rows.length).toBeGreaterThanOrEqual(120);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(SENIORITIES));
    expect(new Set(rows.map((r) => r[2])).size).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(TITLE_LANGUAGES));
  });

  it('normalises: lower case, suffix cut, whitespace collapsed', () => {
    expect(parseTitle('  Marketing   Director at Acme ').normalized).toBe('marketing director');
    expect(parseTitle('Head of Sales | Acme').normalized).toBe('head of sales');
    expect(parseTitle('CFO @ Acme').normalized).toBe('cfo');
  });
});

describe('parseTitle: ambiguous abbreviations', () => {
  it.each([
    ['CRO', 'c_suite', 'sales'],
    ['CSO', 'c_suite', 'information_technology'],
    ['CPO', 'c_suite', 'product_management'],
    ['CCO', 'c_suite', 'sales'],
    ['CDO', 'c_suite', 'information_technology'],
    ['MD', 'c_suite', 'general_management'],
    ['PM', 'senior', 'product_management'],
    ['EVP & CRO', 'c_suite', 'sales'],
  ] as const)('%s takes its default sense and is flagged', (title, seniority, fn) => {
    const parsed = parseTitle(title);
    expect([parsed.seniority, parsed.function, parsed.ambiguous]).toEqual([seniority, fn, true]);
  });

  it.each(['Chief Risk Officer', 'Chief Revenue Officer', 'Chief Security Officer', 'Managing Director', 'CEO', 'VP Sales'])(
    '%s is not ambiguous',
    (title) => {
      expect(parseTitle(title).ambiguous).toBeUndefined();
    },
  );
});

describe('parseTitle: junk', () => {
  it.each([
    'asdf', 'test', 'n/a', 'N.A.', '-', '---', 'xxx', 'me', 'qwerty', 'aaaa', '123', '12345', 'TBD', 'none', '?', 'x',
    'asdfgh', 'zxcvbn', 'john@acme.com', 'CEO john@acme.com', 'https://acme.com', 'www.acme.com', 'acme.com', 'lorem ipsum', '🚀🚀🚀', '!!!',
  ])('%s is junk with unknown labels', (title) => {
    const parsed = parseTitle(title);
    expect(parsed).toMatchObject({ junk: true, seniority: 'unknown', function: 'unknown', authority: 'none' });
    expect(parsed.language).toBeUndefined();
  });

  it.each(['Owner', 'Founder', 'CEO', 'President', 'Partner', 'Consultant', 'Freelancer', 'Self-employed', 'Property Manager', 'IT', 'HR'])(
    '%s is a real title, not junk',
    (title) => {
      const parsed = parseTitle(title);
      expect(parsed.junk).toBeUndefined();
      // A department alone ("IT", "HR") has a function and no level; everything else has a level.
      expect(parsed.seniority !== 'unknown' || parsed.function !== 'unknown').toBe(true);
    },
  );

  it('an empty title is neither junk nor recognised', () => {
    expect(parseTitle('')).toEqual({ normalized: '', seniority: 'unknown', function: 'unknown', authority: 'none' });
    expect(parseTitle('   ')).toEqual({ normalized: '', seniority: 'unknown', function: 'unknown', authority: 'none' });
  });
});

describe('parseTitle: non-workforce', () => {
  it.each([
    ['Student', 'student', 'en'], ['Studentin', 'student', 'de'], ['étudiant', 'student', 'fr'], ['étudiante', 'student', 'fr'],
    ['estudiante', 'student', 'es'], ['estudante', 'student', 'pt'], ['studente', 'student', 'it'],
    ['Retired', 'retired', 'en'], ['Rentner', 'retired', 'de'], ['retraité', 'retired', 'fr'], ['jubilado', 'retired', 'es'],
    ['aposentado', 'retired', 'pt'], ['gepensioneerd', 'retired', 'nl'], ['pensionato', 'retired', 'it'], ['Retired CFO', 'retired', 'en'],
    ['Unemployed', 'unemployed', 'en'], ['arbeitslos', 'unemployed', 'de'], ['desempleado', 'unemployed', 'es'],
    ['desempregado', 'unemployed', 'pt'], ['disoccupato', 'unemployed', 'it'], ['werkloos', 'unemployed', 'nl'],
    ['Job seeker', 'job_seeker', 'en'], ['Looking for new opportunities', 'job_seeker', 'en'], ['arbeitssuchend', 'job_seeker', 'de'],
    ["demandeur d'emploi", 'job_seeker', 'fr'], ['werkzoekend', 'job_seeker', 'nl'],
  ] as const)('%s → %s', (title, nonWorkforce, language) => {
    const parsed = parseTitle(title);
    expect([parsed.nonWorkforce, parsed.seniority, parsed.authority, parsed.language, parsed.junk]).toEqual([
      nonWorkforce, 'unknown', 'none', language, undefined,
    ]);
  });

  it.each(['Werkstudent', 'Praktikant', 'Intern', 'Stagiaire', 'Becario', 'Working Student'])('%s is an intern, not non-workforce', (title) => {
    const parsed = parseTitle(title);
    expect([parsed.seniority, parsed.nonWorkforce, parsed.authority]).toEqual(['intern', undefined, 'none']);
  });
});

describe('parseTitle: authority (§2.6)', () => {
  it.each([
    ['Owner', 'decision_maker'], ['Founder', 'decision_maker'], ['CEO', 'decision_maker'], ['Managing Partner', 'decision_maker'],
    ['VP Sales', 'decision_maker'], ['Head of Growth', 'leader_influencer'], ['Marketing Director', 'leader_influencer'],
    ['Marketing Manager', 'manager'], ['Sr. Software Engineer', 'individual'], ['Junior Developer', 'individual'],
    ['Marketing Intern', 'none'], ['Student', 'none'], ['asdf', 'none'], ['', 'none'],
  ] as const)('%s → %s', (title, authority) => {
    expect(parseTitle(title).authority).toBe(authority);
  });

  it('promotes manager, head and director one tier in firms of 50 or fewer', () => {
    const small = { employees: 50 };
    expect(parseTitle('Marketing Manager', small).authority).toBe('leader_influencer');
    expect(parseTitle('Head of Growth', small).authority).toBe('decision_maker');
    expect(parseTitle('Marketing Director', small).authority).toBe('decision_maker');
    expect(parseTitle('Software Engineer', small).authority).toBe('individual');
    expect(parseTitle('Marketing Intern', small).authority).toBe('none');
    expect(parseTitle('CEO', small).authority).toBe('decision_maker');
  });

  it('keeps the base tier at 51+ and a director at leader_influencer in firms of 1,001+', () => {
    expect(parseTitle('Marketing Manager', { employees: 51 }).authority).toBe('manager');
    expect(parseTitle('Marketing Director', { employees: 5000 }).authority).toBe('leader_influencer');
    expect(parseTitle('VP Sales', { employees: 5000 }).authority).toBe('decision_maker');
  });

  it('ignores a headcount that is not a usable number', () => {
    for (const employees of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(parseTitle('Marketing Manager', { employees }).authority).toBe('manager');
    }
  });
});

describe('parseTitle: hostile input', () => {
  const wellFormed = (parsed: ParsedTitle) => {
    expect(SENIORITIES).toContain(parsed.seniority);
    expect(JOB_FUNCTIONS).toContain(parsed.function);
    expect(AUTHORITIES).toContain(parsed.authority);
    expect(typeof parsed.normalized).toBe('string');
    expect(parsed.normalized.length).toBeLessThanOrEqual(256);
    if (parsed.nonWorkforce !== undefined) expect(NON_WORKFORCE).toContain(parsed.nonWorkforce);
    if (parsed.language !== undefined) expect(TITLE_LANGUAGES).toContain(parsed.language);
    if (parsed.junk) expect([parsed.seniority, parsed.function]).toEqual(['unknown', 'unknown']);
  };

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => wellFormed(parseTitle(s))), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => wellFormed(parseTitle(s))), { numRuns: 500 });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('VP', 'of', 'Sales', '&', '/', 'CEO', 'Leiter', '@', ' at ', '-', '(', 'ü', '.'), { maxLength: 20 }), (words) =>
        wellFormed(parseTitle(words.join(' '))),
      ),
    );
  });

  it('handles huge, emoji, RTL, control and lone-surrogate input', () => {
    for (const input of ['a'.repeat(1 << 20), 'VP Sales '.repeat(200_000), '🚀 VP Sales', 'مدير المبيعات', 'מנהל מכירות', '\u0000\u202e\ud800', 'x\ud83d']) {
      wellFormed(parseTitle(input));
    }
    expect(parseTitle('VP Sales '.repeat(200_000)).seniority).toBe('vp');
  });

  it('treats non-string input as the empty title', () => {
    for (const input of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(parseTitle(input as unknown as string)).toEqual({ normalized: '', seniority: 'unknown', function: 'unknown', authority: 'none' });
    }
  });

  it('is pure: the same input gives the same output', () => {
    expect(parseTitle('Co-Founder & CEO')).toEqual(parseTitle('Co-Founder & CEO'));
  });

  it('keeps recent titles: a title seen a few leads ago is a lookup, per head-count class', () => {
    const test = vi.spyOn(RegExp.prototype, 'test');
    try {
      const a = parseTitle('VP Global Alliances', { employees: 20 });
      parseTitle('Buyer');
      parseTitle('Staff Accountant', { employees: 5000 });
      test.mockClear();
      expect(parseTitle('VP Global Alliances', { employees: 30 })).toEqual(a);
      expect(test).not.toHaveBeenCalled();
      // Another head-count class is another parse, with its own tier.
      expect(parseTitle('Head of Alliances', { employees: 20 }).authority).toBe('decision_maker');
      expect(parseTitle('Head of Alliances', { employees: 900 }).authority).toBe('leader_influencer');
      expect(parseTitle('Head of Alliances', { employees: 20 }).authority).toBe('decision_maker');
    } finally {
      test.mockRestore();
    }
  });

  it('stays right past its bound, and keys a long title by the part it reads', () => {
    const first = parseTitle('Chief Revenue Officer');
    for (let i = 0; i < 600; i++) parseTitle(`Regional Sales Manager ${i}`);
    expect(parseTitle('Chief Revenue Officer')).toEqual(first);
    expect(parseTitle('Regional Sales Manager 7')).toMatchObject({ seniority: 'manager', function: 'sales' });
    // Only the first 256 characters are read: two titles that differ after them are one title.
    const long = `Director of Engineering ${'x'.repeat(300)}`;
    const parsed = parseTitle(`${long} A`);
    expect(parsed.normalized.length).toBeLessThanOrEqual(256);
    const test = vi.spyOn(RegExp.prototype, 'test');
    try {
      expect(parseTitle(`${long} B`)).toEqual(parsed);
      expect(test).not.toHaveBeenCalled();
    } finally {
      test.mockRestore();
    }
  });

  it('remembers the last title per head-count class, and hands out copies', () => {
    // The role and icp checks parse the same title one after the other: the second is a lookup.
    const title = 'Head of Demand Generation';
    expect(parseTitle(title, { employees: 20 }).authority).toBe('decision_maker');
    expect(parseTitle(title, { employees: 900 }).authority).toBe('leader_influencer');
    expect(parseTitle(title).authority).toBe('leader_influencer');
    expect(parseTitle(title, { employees: 7 }).authority).toBe('decision_maker');
    const first = parseTitle(title);
    first.seniority = 'intern';
    (first as { junk?: boolean }).junk = true;
    expect(parseTitle(title)).toMatchObject({ seniority: 'head', function: 'marketing' });
    expect(parseTitle(title).junk).toBeUndefined();
  });
});

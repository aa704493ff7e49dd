// The header rows of the lead and contact exports a user of each platform has (issue 18:
// "audit reads CRM exports as they come"). Headers are compared after normalizeHeader
// (case, spaces and punctuation ignored), so they are written here as the platforms
// write them. Sources, each the platform's own list of default export columns or fields:
// - HubSpot contacts export (knowledge.hubspot.com/import-and-export/export-records and
//   the default contact properties, knowledge.hubspot.com/properties/hubspots-default-contact-properties);
// - Salesforce Lead and Contact reports (labels) and Data Loader / Data Export (API
//   names), help.salesforce.com "Lead Fields" and "Contact Fields";
// - Marketo person export (experienceleague.adobe.com, "Export a list" and the standard
//   person fields);
// - Pipedrive people export, "Entity - Field" headers (support.pipedrive.com, "Exporting data");
// - LinkedIn Lead Gen Forms lead download (linkedin.com/help/lms, "Download leads from Lead Gen Forms").

/**
 * Target → the platform's headers for it, most telling first. A target is a lead path
 * or an audit key (`@id`, `@source`, and `@stage`: a lifecycle stage, of which
 * `customer` and `evangelist` make the lead an existing customer).
 */
export type CrmLeadColumnTable = Readonly<Record<string, readonly string[]>>;

export const CRM_LEAD_COLUMNS = {
  hubspot: {
    '@id': ['Record ID', 'Contact ID'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email'],
    phone: ['Phone Number', 'Mobile Phone Number'],
    title: ['Job Title'],
    company: ['Company Name', 'Associated Company'],
    country: ['Country/Region', 'Country'],
    website: ['Website URL', 'Company Domain Name'],
    industry: ['Industry'],
    employees: ['Number of Employees'],
    revenue: ['Annual Revenue'],
    '@source': ['Original Source', 'Original Traffic Source', 'Latest Source', 'Latest Traffic Source'],
    '@stage': ['Lifecycle Stage'],
    'source.capturedAt': ['Create Date'],
    'consent.relationship.lastPurchaseAt': ['Became a Customer Date'],
    // HubSpot's GDPR property; its values are converted (see lawfulBasisOf in column-mapping.ts).
    'consent.lawfulBasis': ["Legal basis for processing contact's data"],
  },
  salesforce: {
    '@id': ['Lead ID', 'Contact ID', 'Id'],
    firstName: ['First Name', 'FirstName'],
    lastName: ['Last Name', 'LastName'],
    email: ['Email'],
    phone: ['Phone', 'Mobile', 'MobilePhone'],
    title: ['Title'],
    company: ['Company / Account', 'Company', 'Account Name'],
    country: ['Country', 'Mailing Country', 'MailingCountry'],
    website: ['Website'],
    industry: ['Industry'],
    employees: ['No. of Employees', 'NumberOfEmployees', 'Employees'],
    revenue: ['Annual Revenue', 'AnnualRevenue'],
    '@source': ['Lead Source', 'LeadSource'],
    'source.capturedAt': ['Create Date', 'Created Date', 'CreatedDate'],
  },
  marketo: {
    '@id': ['Id', 'Marketo ID'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email Address'],
    phone: ['Phone Number', 'Mobile Phone Number'],
    title: ['Job Title'],
    company: ['Company Name'],
    country: ['Country'],
    website: ['Website'],
    industry: ['Industry'],
    employees: ['Num Employees'],
    revenue: ['Annual Revenue'],
    '@source': ['Lead Source', 'Original Source Type'],
    'source.referrer': ['Original Referrer'],
    'source.capturedAt': ['Created At'],
  },
  pipedrive: {
    '@id': ['Person - ID'],
    firstName: ['Person - First name'],
    lastName: ['Person - Last name'],
    email: ['Person - Email - Work', 'Person - Email', 'Person - Email - Other', 'Person - Email - Home'],
    phone: ['Person - Phone - Work', 'Person - Phone', 'Person - Phone - Mobile', 'Person - Phone - Other'],
    title: ['Person - Job title'],
    company: ['Person - Organization', 'Organization - Name'],
    country: ['Organization - Address - Country', 'Person - Address - Country'],
    website: ['Organization - Website'],
    industry: ['Organization - Industry'],
    employees: ['Organization - Number of employees'],
    revenue: ['Organization - Annual revenue'],
    '@source': ['Person - Source channel', 'Person - Source origin'],
    'source.capturedAt': ['Person - Person created'],
  },
  linkedin: {
    '@id': ['Lead ID'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email Address', 'Email'],
    phone: ['Phone Number'],
    title: ['Job Title'],
    company: ['Company Name'],
    country: ['Country/Region'],
    industry: ['Industry'],
    employees: ['Company Size'],
    'source.utm_campaign': ['Campaign Name', 'Campaign'],
    'source.formId': ['Form Name', 'Lead Gen Form Name'],
    'source.capturedAt': ['Date Submitted', 'Submitted At', 'Lead Created Date'],
  },
} as const satisfies Record<string, CrmLeadColumnTable>;

/** A platform whose export headers `--map-preset` looks for first; `auto` (default) looks for all. */
export type LeadColumnPreset = keyof typeof CRM_LEAD_COLUMNS | 'auto';

export const LEAD_COLUMN_PRESETS: readonly LeadColumnPreset[] = ['auto', ...(Object.keys(CRM_LEAD_COLUMNS) as Array<keyof typeof CRM_LEAD_COLUMNS>)];

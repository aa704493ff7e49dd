/**
 * HubSpot's internal property names for the lead fields leadgate reads (the names the
 * embedded form gives its inputs: https://knowledge.hubspot.com/properties/hubspots-default-contact-properties).
 * Overridable per form: a portal may use custom properties (`job_function`, `mobilephone`).
 */
export const HUBSPOT_FIELDS = {
  email: 'email',
  firstName: 'firstname',
  lastName: 'lastname',
  title: 'jobtitle',
  company: 'company',
  phone: 'phone',
  country: 'country',
  website: 'website',
} as const;

/** A lead field the HubSpot adapter maps. */
export type HubSpotLeadField = keyof typeof HUBSPOT_FIELDS;

// The legal-consent block of a HubSpot form (GDPR options on): one checkbox per
// subscription type (marketing consent, read here), and a separate processing checkbox
// (LEGAL_CONSENT.processing) when consent to process is explicit, which is not marketing.
// https://knowledge.hubspot.com/forms/how-do-i-add-gdpr-fields-to-my-forms
export const SUBSCRIPTION_CONSENT = 'input[type="checkbox"][name^="LEGAL_CONSENT.subscription_type_"]';

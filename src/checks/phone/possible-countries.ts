import { Metadata, getCountries, getCountryCallingCode, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * The countries a valid number could belong to. Several countries share one calling
 * code (ITU-T E.164 integrated numbering plans: +1 NANP covers the US, Canada and
 * 23 Caribbean territories; +44 covers GB, Guernsey, Jersey and the Isle of Man;
 * +7 Russia and Kazakhstan), and a number moves between them without changing, so a
 * lead in Toronto with a New York number is not lying about either.
 *
 * `PhoneNumber.getPossibleCountries()` returns only the one country it matched once the
 * number is valid, so this applies the rule libphonenumber-js uses when it cannot pin a
 * country (`getPossibleCountriesForNumber`): every country of the calling code whose
 * numbering plan allows the national number's length, plus the matched one.
 */
export function possibleCountries(number: PhoneNumber): CountryCode[] {
  const countries = new Set(number.getPossibleCountries());
  const length = number.nationalNumber.length;
  const metadata = new Metadata();
  for (const country of countriesSharing(number.countryCallingCode)) {
    metadata.selectNumberingPlan(country);
    if (metadata.numberingPlan?.possibleLengths().includes(length)) countries.add(country);
  }
  return [...countries];
}

/** Whether `country` could own the number (see {@link possibleCountries}). */
export function couldBelongTo(number: PhoneNumber, country: CountryCode): boolean {
  return number.country === country || possibleCountries(number).includes(country);
}

// Built on first use, not at import: the package is side-effect free.
let byCallingCode: Map<string, CountryCode[]> | undefined;

function countriesSharing(callingCode: string): readonly CountryCode[] {
  if (!byCallingCode) {
    byCallingCode = new Map();
    for (const country of getCountries()) {
      const code = getCountryCallingCode(country);
      byCallingCode.set(code, [...(byCallingCode.get(code) ?? []), country]);
    }
  }
  return byCallingCode.get(callingCode) ?? [];
}

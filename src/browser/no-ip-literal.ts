// Stands in for validator's isIP in the script-tag build (scripts/build-browser.mjs).
// isEmail calls isIP only for an IP-literal domain and only when `allow_ip_domain` is
// set; leadgate never sets it (the "deliverable-looking" policy refuses IP literals:
// src/checks/email/analyze.ts), so the 1.5 KB of IPv4/IPv6 parsing is dead code in a page.
export default function isIP(): boolean {
  return false;
}

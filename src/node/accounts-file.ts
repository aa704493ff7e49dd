import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseAccountRows, type AccountRecord, type ParseAccountRowsOptions } from '../checks/group/account-rows.js';
import { LeadGateError } from '../core/errors.js';

/**
 * Reads an account list (a target account list, a CRM export) from a `.json` file (an
 * array of accounts, or `{ "accounts": [...] }`) or a `.csv` file with a header row, and
 * validates it as `parseAccountRows` does. Hand the result to `buyingGroup({ accounts })`
 * or `memoryAccountStore`. Contacts' emails in a JSON file are digested on load.
 *
 * Throws a `LeadGateError` for a file of another type, unreadable JSON, or a bad row
 * (the error names the row; for CSV, its line).
 *
 * @example
 * import { loadAccounts } from 'leadgate/node';
 * const gate = createGate({ motion: 'abm', checks: [buyingGroup({ accounts: await loadAccounts('targets.csv') })] });
 */
export async function loadAccounts(path: string, options: ParseAccountRowsOptions = {}): Promise<AccountRecord[]> {
  const type = extname(path).toLowerCase();
  if (type !== '.json' && type !== '.csv') {
    throw new LeadGateError(`loadAccounts: "${path}" must be a .json or .csv file`, { option: 'path' });
  }
  const text = await readFile(path, 'utf8');
  if (type === '.csv') return parseAccountRows(text, options);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LeadGateError(`loadAccounts: "${path}" is not valid JSON`, { option: 'path', cause: error });
  }
  const rows = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { accounts?: unknown }).accounts : data;
  if (!Array.isArray(rows)) throw new LeadGateError(`loadAccounts: "${path}" must hold an array of accounts or { "accounts": [...] }`, { option: 'path' });
  return parseAccountRows(rows, options);
}

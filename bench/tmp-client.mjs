import autocannon from 'autocannon';
import { benchLeads } from './server-fixtures.mjs';
const leads = await benchLeads(8000);
await autocannon({ url: 'http://127.0.0.1:3999', connections: 10, amount: 8000, requests: [{ method: 'POST', path: '/api/leads', setupRequest: (r) => { const { ip, body } = leads.next(); return { ...r, headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body }; } }] }).then((r) => console.log('req/s', r.requests.average, 'p99', r.latency.p99));

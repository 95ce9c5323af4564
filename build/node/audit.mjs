// Runs every audit of the graphql-http suite (MUST, SHOULD and MAY) against a running server.
// Usage: node audit.mjs http://127.0.0.1:PORT/graphql   — exits 1 unless every audit is ok.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}
const results = await auditServer({ url, fetchFn: fetch });
const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
for (const result of results) {
  counts[result.status]++;
  if (result.status !== 'ok') console.log(`${result.status} ${result.id} ${result.name}: ${result.reason}`);
}
console.log(`audit: ${counts.ok}/${results.length} ok, ${counts.error} error, ${counts.warn} warn, ${counts.notice} notice`);
process.exit(counts.ok === results.length ? 0 : 1);

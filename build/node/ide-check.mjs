// Opens the IDE in headless Debian Chromium and waits until it has loaded the schema by introspection.
// Usage: node ide-check.mjs http://127.0.0.1:PORT/graphql SCREENSHOT.png
// Every request outside loopback is blocked and reported: the IDE must work offline.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bcp-')), {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const outside = [];
let introspected = false;
let configLoaded = false;
let schemaShown = false;
await context.route('**/*', (route) => {
  const host = new URL(route.request().url()).hostname;
  if (host === '127.0.0.1' || host === 'localhost') return route.continue();
  outside.push(route.request().url());
  return route.abort();
});
context.on('response', async (response) => {
  if (response.url().endsWith('/bcp-config.json') && response.ok()) configLoaded = true;
  if (response.request().method() === 'POST' && response.url() === url && response.ok()) {
    const body = response.request().postData() ?? '';
    if (body.includes('__schema')) {
      const result = await response.json().catch(() => ({}));
      if (result.data?.__schema && !result.errors) introspected = true;
      else console.log(`ide: introspection answered with errors: ${JSON.stringify(result.errors).slice(0, 500)}`);
    }
  }
});

let exitCode = 1;
try {
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  if (!page.url().endsWith('/graphql/')) throw new Error(`expected a redirect to /graphql/, got ${page.url()}`);
  // The IDE asks for the schema once a document is open; open one the way a developer would.
  // The service worker may reload the page once, so keep going until the status bar says the schema is there.
  const deadline = Date.now() + 90000;
  while (!schemaShown && Date.now() < deadline) {
    const create = page.getByText(/create document/i).first();
    if (await create.isVisible().catch(() => false)) await create.click().catch(() => {});
    schemaShown = await page.getByText('Schema available').first().isVisible().catch(() => false);
    if (!schemaShown) await page.waitForTimeout(1000);
  }
  await page.waitForTimeout(1000);
  // The service worker may reload the page once; a capture during the reload fails, so try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ path: screenshot });
      break;
    } catch (error) {
      if (attempt === 5) throw error;
      await page.waitForTimeout(1000);
    }
  }
  const title = await page.title();
  console.log(`ide: config=${configLoaded} introspected=${introspected} schemaShown=${schemaShown} title="${title}" outside=${outside.length}`);
  if (configLoaded && introspected && schemaShown) exitCode = 0;
} catch (error) {
  console.error(`ide: ${error.message}`);
} finally {
  await context.close();
}
process.exit(exitCode);

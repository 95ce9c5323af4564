// Signs in to the API from the IDE the way the README tells a developer to: Connection Settings → Authorization →
// OAuth 2, authorization code with PKCE, our sign-in page in the popup; then runs `{ me { email } }` in the IDE.
// Usage: node ide-signin.mjs http://localhost:PORT/graphql EMAIL PASSWORD SCREENSHOT.png
// Prints the email `me` answered with and exits 0 when it matches. Requests outside loopback are blocked.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, email, password, screenshot] = process.argv.slice(2);
const origin = new URL(url).origin;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bcp-signin-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
await context.route('**/*', (route) => {
  const host = new URL(route.request().url()).hostname;
  return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
});
let answered = null;
context.on('response', async (response) => {
  if (response.request().method() === 'POST' && response.url().startsWith(url) && (response.request().postData() ?? '').includes('me {')) {
    const result = await response.json().catch(() => ({}));
    answered = result.data?.me?.email ?? `errors: ${JSON.stringify(result.errors ?? result).slice(0, 300)}`;
  }
});

let exitCode = 1;
const page = context.pages()[0] ?? await context.newPage();
try {
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  const deadline = Date.now() + 90000;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    const create = page.getByText(/create document/i).first();
    if (await create.isVisible().catch(() => false)) await create.click().catch(() => {});
    ready = await page.getByText('Schema available').first().isVisible().catch(() => false);
    if (!ready) await page.waitForTimeout(1000);
  }
  if (!ready) throw new Error('the IDE never showed the schema');

  // The IDE's service worker takes over the page (and may reload it) once it is installed: wait for that first.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 }).catch(() => {});
  await page.waitForTimeout(2000);

  const fill = (selector, value) => page.locator(selector).fill(value, { timeout: 5000 });
  const signIn = async () => {
    for (let attempt = 0; !(await page.locator('#auth-flow').isVisible().catch(() => false)); attempt++) {
      if (attempt === 15) throw new Error('the connection settings did not open');
      await page.getByRole('button', { name: 'Connection Settings' }).click({ timeout: 2000 }).catch(() => {});
      await page.waitForTimeout(1000);
      await page.getByText('Authorization', { exact: true }).click({ timeout: 2000 }).catch(() => {});
    }
    await page.locator('#auth-flow').selectOption('oauth2', { timeout: 5000 });
    await page.locator('#grant-type').selectOption('authorization_code', { timeout: 5000 });
    await fill('#authorizationUrl', `${origin}/connect/authorize`);
    await fill('#accessTokenUrl', `${origin}/connect/token`);
    await fill('#clientId', 'graphql-ide');
    await fill('#redirectUrl', `${origin}/graphql/`);
    await fill('#scope', 'openid profile email');

    const popupPromise = context.waitForEvent('page', { timeout: 30000 });
    await page.getByRole('button', { name: 'Fetch' }).click({ timeout: 5000 });
    const popup = await popupPromise;
    const closed = popup.waitForEvent('close', { timeout: 45000 }).catch(() => {});
    // A second attempt finds the session from the first: the popup then goes straight back without our page.
    const form = await popup.locator('#email').waitFor({ timeout: 20000 }).then(() => true).catch(() => false);
    if (form) {
      await popup.locator('#email').fill(email);
      await popup.locator('#password').fill(password);
      await popup.getByRole('button', { name: 'Sign in' }).click();
    }
    await closed;

    // The dialog shows the tokens once the IDE has exchanged the code.
    await page.locator('#access_token').waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Apply' }).click({ timeout: 5000 });
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await signIn();
      break;
    } catch (error) {
      console.log(`ide-signin: attempt ${attempt} failed (${error.message.split('\n')[0]})`);
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape').catch(() => {});
      await page.waitForTimeout(2000);
    }
  }
  await page.waitForTimeout(500);

  // The operation's editor is the upper-left one: the variables' and headers' editors sit below it and the response
  // to its right, and which of them the page mounts first varies (the first in the page was at times the variables').
  const editors = page.locator('.monaco-editor');
  let editor = editors.first(), best = null;
  for (let i = 0; i < await editors.count(); i++) {
    const box = await editors.nth(i).boundingBox().catch(() => null);
    if (!box || box.height === 0) continue;
    if (best === null || box.y < best.y - 40 || (Math.abs(box.y - best.y) <= 40 && box.x < best.x)) { best = box; editor = editors.nth(i); }
  }
  await editor.click();
  await page.keyboard.type('query Me { me { email } }');
  // The editor hands its text to the IDE after a pause; run until the request carries the document.
  const answerDeadline = Date.now() + 45000;
  while (answered === null && Date.now() < answerDeadline) {
    await page.waitForTimeout(1500);
    // On a busy machine the first keystrokes can land before the editor has focus: type again until they show.
    if (!(await editor.innerText().catch(() => '')).includes('me {')) {
      await editor.click().catch(() => {});
      await page.keyboard.press('Control+A').catch(() => {});
      await page.keyboard.type('query Me { me { email } }');
    }
    await page.getByRole('button', { name: /Run/ }).first().click().catch(() => {});
    for (let i = 0; i < 6 && answered === null; i++) await page.waitForTimeout(500);
  }
  console.log(`ide-signin: me.email=${answered}`);
  if (answered === email) exitCode = 0;
} catch (error) {
  console.error(`ide-signin: ${error.message}`);
} finally {
  await page.screenshot({ path: screenshot }).catch(() => {});
  await context.close();
}
process.exit(exitCode);

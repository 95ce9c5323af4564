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
  // The settings dialog must be gone before the editor is found.
  await page.locator('#auth-flow').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(500);

  // The operation's editor is the one under the "Request" heading. Found by what is drawn there, not by its place in
  // the page: the page holds other editors (variables, headers, response, and hidden ones whose boxes still measure),
  // and which of them mounts first varies.
  const requestEditor = () => page.evaluate(() => {
    const heading = [...document.querySelectorAll('body *')].find((node) => node.childElementCount === 0
      && node.textContent.trim() === 'Request' && node.getBoundingClientRect().width > 0);
    if (!heading) return null;
    const h = heading.getBoundingClientRect();
    const x = h.x + 200, y = h.bottom + 60;
    const editor = document.elementFromPoint(x, y)?.closest('.monaco-editor');
    return editor ? { x, y, text: editor.innerText } : null;
  });
  // Keys typed while the editor lacks focus reach the IDE's own shortcuts (one opens the connection settings): type
  // only once the click has put the focus inside the editor.
  const typeOperation = async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const at = await requestEditor();
      if (at !== null) {
        await page.mouse.click(at.x, at.y);
        await page.waitForTimeout(200);
        const focused = await page.evaluate(({ x, y }) =>
          document.elementFromPoint(x, y)?.closest('.monaco-editor')?.contains(document.activeElement) === true, at);
        if (focused) {
          await page.keyboard.press('Control+A');
          await page.keyboard.type('query Me { me { email } }');
          return;
        }
      }
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
      // On a busy machine the operation's editor sometimes never mounts: switching views mounts it again.
      if (attempt % 3 === 2) {
        await page.getByText('Schema Reference', { exact: true }).first().click({ timeout: 2000 }).catch(() => {});
        await page.waitForTimeout(1000);
        await page.getByText('Operation', { exact: true }).first().click({ timeout: 2000 }).catch(() => {});
        await page.waitForTimeout(1000);
      }
    }
  };
  await typeOperation();
  // The editor hands its text to the IDE after a pause; run until the request carries the document.
  const answerDeadline = Date.now() + 45000;
  while (answered === null && Date.now() < answerDeadline) {
    await page.waitForTimeout(1500);
    // On a busy machine the first keystrokes can land before the editor has focus: type again until they show.
    if (!((await requestEditor().catch(() => null))?.text ?? '').includes('me {')) await typeOperation().catch(() => {});
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

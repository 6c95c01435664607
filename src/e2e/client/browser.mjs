// The user's side of the authorization: headless Chromium logs in (on the realm's FORM page, or at the corporate
// OpenID provider the realm federates to) and approves the consent page, and a loopback HTTP listener catches the
// redirect, as a desktop MCP client does.
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Resolves once the element's document is gone (the form was submitted and the browser moved on). */
async function documentReplaced(element, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (!(await element.evaluate(e => e.isConnected))) return;
    } catch {
      return; // its execution context was destroyed by the navigation
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('the page did not move on after the form was submitted');
}

/**
 * The login forms Chromium knows, by the ids of their user field, password field and submit button: Portcullis's
 * own FORM page (/oauth/login, for the basic and LDAP realms) and Keycloak's login theme (keycloak.v2, where
 * PORTCULLIS_REALM=oidc sends the user).
 */
export const LOGIN_FORMS = {
  portcullis: { user: 'j_username', password: 'j_password', submit: 'sign-in' },
  keycloak: { user: 'username', password: 'password', submit: 'kc-login' },
};

/** The loopback redirect target: http://127.0.0.1:<port>/callback, where the browser lands after consent. */
export class LoopbackCallback {
  async start() {
    this.waiting = [];
    this.server = createServer((req, res) => {
      const url = new URL(req.url, `http://${req.headers.host}`);
      if (url.pathname !== '/callback') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p id="done">You can close this window.</p>');
      this.waiting.shift()?.(url.searchParams);
    });
    await new Promise(resolve => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${this.server.address().port}/callback`;
    return this;
  }

  /** Resolves with the query parameters of the next callback. */
  next() {
    return new Promise(resolve => this.waiting.push(resolve));
  }

  close() {
    this.server?.close();
  }
}

/**
 * Debian's Chromium, trusting the server's certificate by its SPKI hash only: the pinned certificate is
 * accepted and every other certificate error still stops the page (TLS verification stays on). With `requestId`,
 * every request the browser sends carries it as X-Request-Id (one id for all: a balancer's log then tells the
 * browser's requests from the SDK's, which number theirs).
 */
export class Chromium {
  constructor({ executablePath, profileDir, certificatePem, screenshots, requestId }) {
    Object.assign(this, { executablePath, profileDir, certificatePem, screenshots, requestId });
    this.approvals = [];
  }

  async open() {
    const spki = new X509Certificate(readFileSync(this.certificatePem)).publicKey.export({ type: 'spki', format: 'der' });
    const pin = createHash('sha256').update(spki).digest('base64');
    // A first-time user: no cookies or state from an earlier run.
    rmSync(this.profileDir, { recursive: true, force: true });
    mkdirSync(this.profileDir, { recursive: true });
    // The SPKI allow-list is honoured only with an explicit profile, hence a persistent context.
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: this.executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--disable-dev-shm-usage', `--ignore-certificate-errors-spki-list=${pin}`],
      ...(this.requestId ? { extraHTTPHeaders: { 'x-request-id': this.requestId } } : {}),
    });
  }

  /**
   * Opens the authorization URL, signs in as `user` on `form` (one of LOGIN_FORMS) if asked, approves the consent
   * page, and resolves with the callback's parameters. Records which pages were seen (the login page's URL without
   * its query, the subject and scopes the consent page named), for the journey's assertions.
   */
  async authorize(authorizationUrl, callback, { user, password, form = LOGIN_FORMS.portcullis }) {
    if (!this.context) await this.open();
    const page = await this.context.newPage();
    const seen = { login: false, consent: false, scopes: [] };
    const arrived = callback.next();
    let done = false;
    const drive = (async () => {
      // 'commit': the authorize request answers with redirects (to the login page), and waiting for a final
      // "load" races them.
      await page.goto(authorizationUrl.toString(), { waitUntil: 'commit' });
      while (!done) {
        const element = await page.waitForSelector(`#${form.user}, #approve, #done`, { timeout: 30_000 });
        const id = await element.getAttribute('id');
        if (done || id === 'done') return;
        if (id === form.user) {
          if (seen.login) throw new Error(`the login page refused ${user}`);
          seen.login = true;
          seen.loginPage = page.url().split('?')[0];
          await page.fill(`#${form.user}`, user);
          await page.fill(`#${form.password}`, password);
          await page.click(`#${form.submit}`);
        } else {
          seen.consent = true;
          seen.subject = (await page.$eval('#subject', e => e.textContent)).trim();
          seen.scopes = (await page.$eval('input[name=scope]', e => e.value)).split(' ');
          await this.screenshot(page, `consent-${this.approvals.length + 1}`);
          await page.click('#approve');
        }
        await documentReplaced(element);
      }
    })();
    try {
      const params = await Promise.race([arrived, drive.then(() => arrived)]);
      this.approvals.push(seen);
      return { params, seen };
    } catch (e) {
      await this.screenshot(page, `failed-${this.approvals.length + 1}`);
      throw new Error(`the browser could not complete the authorization at ${page.url().split('?')[0]}: ${e.message}`);
    } finally {
      done = true;
      await page.close().catch(() => {});
    }
  }

  async screenshot(page, name) {
    if (!this.screenshots) return;
    mkdirSync(this.screenshots, { recursive: true });
    await page.screenshot({ path: join(this.screenshots, `${name}.png`) }).catch(() => {});
  }

  async close() {
    await this.context?.close().catch(() => {});
  }
}

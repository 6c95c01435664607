// What a real MCP client application supplies to the SDK: an OAuthClientProvider that keeps its registration and
// tokens and sends the user to a browser, and a fetch that the journey watches. The OAuth logic itself (discovery,
// registration, PKCE, token exchange, refresh, step-up, re-registration) is the SDK's.
import { createHash, randomBytes } from 'node:crypto';

const digest = value => (value ? createHash('sha256').update(value).digest('hex').slice(0, 12) : undefined);

/**
 * Records every HTTP exchange the SDK makes (method, path, status, grant type, which parameters were present,
 * the challenge, the OAuth error code, digests of the MCP session ids sent and received) without keeping tokens,
 * codes or secrets. With `requestIds` (a prefix), each request also carries an X-Request-Id, `<prefix>-001` and on
 * in the order they were sent, as an application tracing its calls would: a balancer's and the servers' logs then
 * name each one (ClusterIT).
 */
export class Traffic {
  constructor({ requestIds } = {}) {
    this.requestIds = requestIds;
    this.sent = 0;
    this.entries = [];
    // RFC 7592 management credentials by client_id, kept apart from the entries (which may be printed): the SDK
    // does not keep them, and the stale-client scenario deletes a registration with them.
    this.management = new Map();
    this.fetch = this.fetch.bind(this);
  }

  async fetch(input, init = {}) {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const headers = new Headers(init.headers ?? request?.headers);
    const entry = { method: init.method ?? request?.method ?? 'GET', path: url.pathname, origin: url.origin };
    const body = init.body;
    const form = body instanceof URLSearchParams ? body
      : typeof body === 'string' && /x-www-form-urlencoded/.test(headers.get('content-type') ?? '') ? new URLSearchParams(body)
        : undefined;
    if (form) {
      entry.grant = form.get('grant_type') ?? undefined;
      entry.params = [...new Set(form.keys())].sort();
      entry.resource = form.get('resource') ?? undefined;
    } else if (typeof body === 'string' && url.pathname.endsWith('/mcp')) {
      try {
        entry.rpc = JSON.parse(body).method;
      } catch {
        // not JSON-RPC
      }
    }
    entry.auth = (headers.get('authorization') ?? '').split(' ')[0] || undefined;
    entry.sessionSent = digest(headers.get('mcp-session-id'));
    if (this.requestIds) {
      entry.requestId = `${this.requestIds}-${String(++this.sent).padStart(3, '0')}`;
      headers.set('x-request-id', entry.requestId);
      init = { ...init, headers };
    }
    this.entries.push(entry);
    const response = await fetch(input, init);
    entry.status = response.status;
    entry.challenge = response.headers.get('www-authenticate') ?? undefined;
    entry.sessionReceived = digest(response.headers.get('mcp-session-id'));
    if (response.status === 201 && url.pathname === '/oauth/register') {
      const registration = await response.clone().json();
      this.management.set(registration.client_id, { uri: registration.registration_client_uri, token: registration.registration_access_token });
    }
    if (response.status >= 400 && /json/.test(response.headers.get('content-type') ?? '') && !url.pathname.endsWith('/mcp')) {
      entry.error = await response.clone().json().then(j => j.error, () => undefined);
    }
    return response;
  }

  mark() {
    return this.entries.length;
  }

  since(mark) {
    return this.entries.slice(mark);
  }
}

/** The scope parameter of a Bearer challenge. */
export function challengeScope(challenge) {
  return /scope="([^"]*)"/.exec(challenge ?? '')?.[1];
}

/**
 * What every provider keeps as an application would: its client information and tokens, plus a record of each
 * registration and token save for the journey's assertions (digests only, never a token itself).
 */
class RecordingProvider {
  constructor() {
    this.registrations = [];
    this.tokenSaves = [];
  }

  clientInformation() {
    return this.client;
  }

  saveClientInformation(information) {
    this.client = information;
    this.registrations.push(information.client_id);
  }

  tokens() {
    return this.stored;
  }

  saveTokens(tokens, details = {}) {
    this.stored = tokens;
    this.tokenSaves.push({ at: Date.now(), scope: tokens.scope, ...details, refresh: digest(tokens.refresh_token) });
  }
}

/**
 * An interactive client's provider: a public client with a loopback redirect (or a Client ID Metadata Document
 * URL), whose redirectToAuthorization has Chromium log the user in and approve. `signIn` is who the user is and
 * which login form they meet ({ user, password, form }, see Chromium.authorize; alice on Portcullis's FORM page by
 * default). While `userPresent` is false, nobody answers the browser: the SDK's request for a new authorization is
 * only recorded.
 */
export class BrowserClientProvider extends RecordingProvider {
  constructor({ name, browser, callback, clientMetadataUrl, signIn = { user: 'alice', password: 'alice-password' } }) {
    super();
    Object.assign(this, { name, browser, callback, signIn });
    if (clientMetadataUrl) this.clientMetadataUrl = clientMetadataUrl;
    this.userPresent = true;
    this.authorizations = [];
    this.invalidations = [];
  }

  get redirectUrl() {
    return this.callback.url;
  }

  get clientMetadata() {
    return {
      client_name: this.name,
      redirect_uris: [this.callback.url],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  state() {
    return randomBytes(16).toString('base64url');
  }

  saveTokens(tokens) {
    super.saveTokens(tokens, { expiresIn: tokens.expires_in, access: digest(tokens.access_token) });
  }

  saveCodeVerifier(verifier) {
    this.verifier = verifier;
  }

  codeVerifier() {
    return this.verifier;
  }

  invalidateCredentials(scope) {
    this.invalidations.push(scope);
    if (scope === 'all' || scope === 'client') this.client = undefined;
    if (scope === 'all' || scope === 'tokens') this.stored = undefined;
    if (scope === 'all' || scope === 'verifier') this.verifier = undefined;
  }

  async redirectToAuthorization(url) {
    const record = { url: new URL(url), browser: false };
    this.authorizations.push(record);
    if (!this.userPresent) return;
    const { params, seen } = await this.browser.authorize(record.url, this.callback, this.signIn);
    Object.assign(record, { browser: true, seen, callbackParams: [...params.keys()].sort() });
    if (params.get('state') !== record.url.searchParams.get('state')) {
      throw new Error('the callback state differs from the authorization request');
    }
    if (!params.get('code')) throw new Error(`the callback has no code: error=${params.get('error')}`);
    this.callbackResult = params;
  }

  /** The callback of the authorization the SDK just started; the application hands it to finishAuth. */
  takeCallback() {
    const params = this.callbackResult;
    this.callbackResult = undefined;
    if (!params) throw new Error('the SDK asked for authorization but no callback arrived');
    return params;
  }
}

/**
 * A confidential server-to-server client: registers with client_secret_basic and the client_credentials grant,
 * then asks for tokens without a user (no redirect URL). With `client` ({ client_id, client_secret }) it is
 * pre-registered at the authorization server instead, as with a corporate IdP that has no dynamic registration: the
 * SDK then skips registration and authenticates with those credentials (MCP authorization, "Client Registration
 * Approaches": pre-registration).
 */
export class ServiceClientProvider extends RecordingProvider {
  constructor({ name, scope, client }) {
    super();
    Object.assign(this, { name, scope, client });
  }

  get redirectUrl() {
    return undefined;
  }

  get clientMetadata() {
    return {
      client_name: this.name,
      redirect_uris: [],
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: this.scope,
    };
  }


  prepareTokenRequest(scope) {
    return new URLSearchParams({ grant_type: 'client_credentials', scope: scope ?? this.scope });
  }

  redirectToAuthorization() {
    throw new Error('a client_credentials client has no user to send to a browser');
  }

  saveCodeVerifier() {}

  codeVerifier() {
    throw new Error('a client_credentials client has no PKCE verifier');
  }
}

export { digest };

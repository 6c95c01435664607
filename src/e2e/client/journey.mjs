// One scenario of the end-to-end suite: node journey.mjs <scenario>. Prints one line per proven step,
// "STEP <name> ok <detail>", or "STEP <name> FAILED <why>" and exits 1; "PAUSE restart" waits for a line on
// standard input (the Java side restarts Liberty meanwhile). Settings come from the environment (see SdkClient, in
// ear-module's it.dev.portcullis.support, and the scenario's own comment). Run by JourneyIT (src/e2e), scenario
// realm-login by LdapRealmIT and OidcFederationIT, scenario external-issuer by KeycloakExternalIssuerIT,
// scenario cluster by ClusterIT and scenario inspector-call by ConsoleInspectorIT (ear-module).
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { Chromium, LOGIN_FORMS, LoopbackCallback } from './browser.mjs';
import { BrowserClientProvider, challengeScope, ServiceClientProvider, Traffic } from './oauth.mjs';

const MCP_URL = required('E2E_MCP_URL');
const ISSUER = new URL(MCP_URL).origin;
const WORK = required('E2E_WORK_DIR');
const scenario = process.argv[2];
const out = line => process.stdout.write(`${line}\n`);
const stdin = createInterface({ input: process.stdin });
const lines = stdin[Symbol.asyncIterator]();
let current = 'setup';
const cleanups = [];

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function step(name, body) {
  current = name;
  const detail = await body();
  out(`STEP ${name} ok${detail ? ` ${detail}` : ''}`);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The two official TypeScript SDK clients, behind the few calls the journey makes. */
async function loadSdk(name) {
  if (name === 'sdk1') {
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const { UnauthorizedError, auth } = await import('@modelcontextprotocol/sdk/client/auth.js');
    return { name: '@modelcontextprotocol/sdk@1.32.2', Client, Transport: StreamableHTTPClientTransport, UnauthorizedError, auth,
      finish: (transport, params) => transport.finishAuth(params.get('code')),
      // It answers a 403 insufficient_scope by refreshing (which cannot widen the scope), then gives up.
      upscopesByRefresh: true };
  }
  const v2 = await import('@modelcontextprotocol/client');
  return { name: '@modelcontextprotocol/client@2.4.0', Client: v2.Client, Transport: v2.StreamableHTTPClientTransport,
    UnauthorizedError: v2.UnauthorizedError, auth: v2.auth,
    finish: (transport, params) => transport.finishAuth(params) };
}

function isUnauthorized(api, error) {
  for (let e = error; e; e = e.cause) {
    if (e instanceof api.UnauthorizedError || e?.name === 'UnauthorizedError') return true;
  }
  return false;
}

/** An MCP client connection as an application holds it: on UnauthorizedError it completes the login and retries. */
class Session {
  constructor(api, provider, traffic, era, url = MCP_URL) {
    Object.assign(this, { api, provider, traffic, era, url });
  }

  async connect() {
    for (let attempt = 0; attempt < 3; attempt++) {
      this.transport = new this.api.Transport(new URL(this.url), { authProvider: this.provider, fetch: this.traffic.fetch });
      this.client = new this.api.Client({ name: 'portcullis-e2e', version: '0.1.0' },
        this.era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
      try {
        await this.client.connect(this.transport);
        return this;
      } catch (error) {
        if (!isUnauthorized(this.api, error)) throw error;
        await this.api.finish(this.transport, this.provider.takeCallback());
        await this.client.close().catch(() => {});
      }
    }
    throw new Error('still unauthorized after three authorizations');
  }

  /** Runs an MCP call; when the SDK had to send the user to authorize, finishes that and runs it again. */
  async call(body) {
    try {
      return await body(this.client);
    } catch (error) {
      if (!isUnauthorized(this.api, error) || !this.provider.callbackResult) throw error;
      await this.api.finish(this.transport, this.provider.takeCallback());
      return body(this.client);
    }
  }

  tool(name, args = {}) {
    return this.call(client => client.callTool({ name, arguments: args }));
  }

  protocolVersion() {
    return this.client.getNegotiatedProtocolVersion?.() ?? this.transport.protocolVersion ?? '?';
  }

  async close() {
    await this.client?.close().catch(() => {});
  }
}

async function browserParts(label, { requestId } = {}) {
  const callback = await new LoopbackCallback().start();
  const browser = new Chromium({ executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    profileDir: join(WORK, 'chromium', label), certificatePem: required('E2E_CERT_PEM'),
    screenshots: join(WORK, 'screenshots', label), requestId });
  cleanups.push(() => browser.close(), () => callback.close());
  return { callback, browser };
}

/** Waits until the newest access token has expired (the suite's server issues them for a few seconds). */
async function outliveAccessToken(provider) {
  const last = provider.tokenSaves.at(-1);
  check(last?.expiresIn > 0, 'the token response had no expires_in');
  const wait = last.at + last.expiresIn * 1000 + 1500 - Date.now();
  if (wait > 0) await sleep(wait);
  return Math.round((last.expiresIn * 1000 + 1500) / 1000);
}

async function whoAmI(session) {
  const result = await session.tool('who_am_i');
  check(!result.isError, `who_am_i failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent;
}

/**
 * Evidence for the steps that connect() runs inside the SDK, checked in order so a failure names the first gap.
 * `authorizationServer` is the issuer the protected resource metadata should send the SDK to: Portcullis itself,
 * or the corporate IdP in external-issuer mode (whose metadata the SDK finds at one of the RFC 8414 / OIDC
 * Discovery locations it tries in turn).
 */
function connectSteps(traffic, provider, { expectRegistration = true, authorizationServer = ISSUER } = {}) {
  const entries = traffic.entries;
  const asOrigin = new URL(authorizationServer).origin;
  return {
    discovery() {
      const first401 = entries.findIndex(e => e.path === '/mcp' && e.status === 401);
      check(first401 >= 0, 'the first request to /mcp was not answered 401');
      const challenge = entries[first401].challenge ?? '';
      check(/^Bearer /.test(challenge) && /resource_metadata="/.test(challenge) && !/error=/.test(challenge),
        `the 401 challenge is not a plain Bearer challenge with resource_metadata: ${challenge}`);
      const prm = entries.findIndex((e, i) => i > first401 && e.path.startsWith('/.well-known/oauth-protected-resource') && e.status === 200);
      check(prm > first401, 'the SDK did not read the protected resource metadata after the 401');
      const as = entries.findIndex((e, i) => i > prm && e.origin === asOrigin && e.status === 200
        && /\/\.well-known\/(oauth-authorization-server|openid-configuration)/.test(e.path));
      check(as > prm, `the SDK did not read ${authorizationServer}'s metadata after the PRM`);
      const metadata = (asOrigin === ISSUER ? '' : asOrigin) + entries[as].path;
      return `401 (scope="${challengeScope(challenge)}") -> ${entries[prm].path} -> ${metadata}`;
    },
    registration() {
      const registrations = entries.filter(e => e.path === '/oauth/register');
      if (!expectRegistration) {
        check(registrations.length === 0, 'the client registered although it has a metadata document URL');
        check(provider.registrations[0] === provider.clientMetadataUrl, 'the client_id is not the metadata document URL');
        return `client_id = ${provider.clientMetadataUrl} (CIMD, no registration request)`;
      }
      check(registrations.length === 1 && registrations[0].status === 201,
        `expected one registration answered 201, saw ${JSON.stringify(registrations.map(r => r.status))}`);
      check(provider.registrations.length === 1, 'the SDK did not save the registration');
      check(provider.client.token_endpoint_auth_method === 'none' && !provider.client.client_secret,
        'the public client was registered with a secret');
      return `public client, loopback redirect ${provider.redirectUrl}`;
    },
    authorization() {
      const record = provider.authorizations[0];
      check(record, 'the SDK never asked for authorization');
      const q = record.url.searchParams;
      check(record.url.origin === ISSUER && record.url.pathname === '/oauth/authorize', `unexpected authorization endpoint ${record.url.origin}${record.url.pathname}`);
      check(q.get('response_type') === 'code', 'response_type is not code');
      check(q.get('code_challenge_method') === 'S256' && /^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? ''), 'no S256 code challenge');
      check(q.get('resource') === MCP_URL, `resource is ${q.get('resource')}, not ${MCP_URL}`);
      check(q.get('scope') === 'pets:read', `scope is ${q.get('scope')}, not the challenged pets:read`);
      check(record.browser && record.seen.login && record.seen.consent, `the browser did not go through login and consent: ${JSON.stringify(record.seen)}`);
      return `Chromium: login as ${provider.signIn.user}${record.seen.loginPage ? ` at ${record.seen.loginPage}` : ''}, consent for [${record.seen.scopes.join(' ')}], callback with [${record.callbackParams.join(',')}]`;
    },
    token() {
      const exchange = entries.find(e => e.path === '/oauth/token' && e.grant === 'authorization_code');
      check(exchange, 'no authorization_code token request');
      check(exchange.status === 200, `the token endpoint answered ${exchange.status} ${exchange.error ?? ''}`);
      check(exchange.params.includes('code_verifier') && exchange.resource === MCP_URL, `the token request lacked code_verifier or resource: ${exchange.params}`);
      const saved = provider.tokenSaves[0];
      check(saved?.access && saved.refresh, 'the SDK did not save an access and a refresh token');
      check(saved.scope === 'pets:read', `granted scope is ${saved.scope}`);
      return `authorization_code + code_verifier + resource -> access token (${saved.expiresIn} s) and refresh token, scope ${saved.scope}`;
    },
  };
}

async function connectAndProve(session, steps) {
  let failure;
  try {
    await session.connect();
  } catch (error) {
    failure = error;
  }
  for (const [name, evidence] of Object.entries(steps)) {
    current = name;
    let detail;
    try {
      detail = evidence();
    } catch (gap) {
      throw failure ? new Error(`${gap.message}; the SDK failed with: ${failure.message}`) : gap;
    }
    out(`STEP ${name} ok ${detail}`);
  }
  if (failure) throw failure;
}

/**
 * add_pet with a token for pets:read only: /mcp answers 403 insufficient_scope naming the scope to ask for (RFC 6750
 * §3.1; MCP authorization, https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling),
 * the SDK sends the user to consent again in Chromium, and the call is retried with the wider token. Checks each
 * of those; returns the pet and the step's detail.
 */
async function addPetWithStepUp(session, name) {
  const { api, provider, traffic } = session;
  const mark = traffic.mark();
  const authorizationsBefore = provider.authorizations.length;
  let result;
  let note = '';
  try {
    result = await session.tool('add_pet', { name, species: 'dog' });
  } catch (error) {
    // sdk 1.32.2 gives up (see loadSdk); the application asks the SDK's own auth() for the challenged scope, as
    // the SDK's error tells it to.
    if (!api.upscopesByRefresh || !/403 after trying upscoping/.test(error.message)) throw error;
    const forbidden = traffic.since(mark).findLast(e => e.path === '/mcp' && e.status === 403);
    provider.invalidateCredentials('tokens');
    const outcome = await api.auth(provider, { serverUrl: new URL(MCP_URL), scope: challengeScope(forbidden.challenge), fetchFn: traffic.fetch });
    check(outcome === 'REDIRECT', `auth() answered ${outcome}`);
    await api.finish(session.transport, provider.takeCallback());
    result = await session.tool('add_pet', { name, species: 'dog' });
    note = ' (sdk 1.32.2 refreshed instead of re-authorizing and threw "403 after trying upscoping"; the application called the SDK\'s auth() with the challenged scope)';
  }
  const forbidden = traffic.since(mark).find(e => e.path === '/mcp' && e.status === 403);
  check(forbidden && /error="insufficient_scope"/.test(forbidden.challenge), 'add_pet was not first answered 403 insufficient_scope');
  const challenged = challengeScope(forbidden.challenge).split(' ');
  check(challenged.includes('pets:write') && challenged.includes('pets:read'), `the 403 challenge asked for ${challenged}`);
  const record = provider.authorizations.at(-1);
  check(provider.authorizations.length === authorizationsBefore + 1 && record.browser && record.seen.consent, 'the client did not re-authorize in the browser');
  const asked = record.url.searchParams.get('scope').split(' ');
  check(asked.includes('pets:read') && asked.includes('pets:write'), `the re-authorization asked for ${asked}`);
  check(!result.isError && result.structuredContent?.name === name, `add_pet answered ${JSON.stringify(result.content)}`);
  return { pet: result.structuredContent,
    detail: `403 insufficient_scope scope="${challenged.join(' ')}" -> Chromium consent for [${record.seen.scopes.join(' ')}] -> add_pet created "${name}"${note}` };
}

/** The negotiated era, then tools/list, who_am_i (alice with pets:read only) and list_pets. */
async function read(session) {
  const version = session.protocolVersion();
  check(session.era === 'modern' ? version === '2026-07-28' : version === '2025-11-25', `negotiated protocol version ${version}`);
  const tools = (await session.call(c => c.listTools())).tools.map(t => t.name);
  for (const name of ['list_pets', 'get_pet', 'who_am_i', 'add_pet']) check(tools.includes(name), `tools/list lacks ${name}`);
  const me = await whoAmI(session);
  check(me.name === 'alice' && me.scopes.includes('pets:read') && !me.scopes.includes('pets:write'), `who_am_i says ${JSON.stringify(me)}`);
  const pets = await session.tool('list_pets', { status: 'AVAILABLE' });
  check(!pets.isError && Array.isArray(pets.structuredContent?.pets), `list_pets answered ${JSON.stringify(pets.content)}`);
  return `protocol ${version}; tools/list has ${tools.length} tools; who_am_i = alice [${me.scopes.join(' ')}]; list_pets returned ${pets.structuredContent.pets.length} pet(s)`;
}

/**
 * Once the access token expired: the next call makes the SDK redeem the refresh token (rotated, same resource, no
 * user), and who_am_i still names alice with `scope`.
 */
async function refresh(session, scope) {
  const { provider, traffic } = session;
  const waited = await outliveAccessToken(provider);
  const mark = traffic.mark();
  const before = provider.tokenSaves.at(-1);
  const authorizationsBefore = provider.authorizations.length;
  const me = await whoAmI(session);
  const redeemed = traffic.since(mark).find(e => e.path === '/oauth/token' && e.grant === 'refresh_token');
  check(redeemed?.status === 200, `no successful refresh_token request after the token expired (${JSON.stringify(redeemed)})`);
  check(redeemed.resource === MCP_URL, `the refresh request's resource is ${redeemed.resource}`);
  const after = provider.tokenSaves.at(-1);
  check(after.refresh && after.refresh !== before.refresh, 'the refresh token was not rotated');
  check(provider.authorizations.length === authorizationsBefore, 'the user was asked again');
  check(me.name === 'alice' && me.scopes.includes(scope), `who_am_i after refresh says ${JSON.stringify(me)}`);
  const reactive = traffic.since(mark).some(e => e.path === '/mcp' && e.status === 401);
  return `after ${waited} s: ${reactive ? '401 invalid_token -> ' : ''}refresh_token grant -> rotated refresh token -> who_am_i = alice [${me.scopes.join(' ')}], no user interaction`;
}

/** Discovery → DCR → login and consent → PKCE → read → [restart] → step-up → refresh → revoke. */
async function journey(sdkName, era, { restart = true } = {}) {
  const api = await loadSdk(sdkName);
  const traffic = new Traffic();
  const { callback, browser } = await browserParts(`${sdkName}-${era}`);
  const provider = new BrowserClientProvider({ name: `Portcullis e2e (${api.name}, ${era})`, browser, callback });
  let session = new Session(api, provider, traffic, era);
  cleanups.push(() => session.close());

  await connectAndProve(session, connectSteps(traffic, provider));

  await step('read', () => read(session));

  if (restart) await step('restart', async () => {
    const before = { registrations: provider.registrations.length, authorizations: provider.authorizations.length, saves: provider.tokenSaves.length };
    out('PAUSE restart');
    const resumed = await lines.next();
    check(!resumed.done && resumed.value.trim() === 'resumed', 'the suite did not report the restart');
    // Legacy sessions are recorded in the database: the session survived the restart and the client goes on with it.
    const how = era === 'legacy' ? 'same MCP session (recorded in the database)' : 'same connection (stateless era)';
    const sessionBefore = traffic.entries.findLast(e => e.path === '/mcp' && e.sessionSent)?.sessionSent;
    const mark = traffic.mark();
    const me = await whoAmI(session);
    check(me.name === 'alice', `who_am_i says ${JSON.stringify(me)}`);
    if (era === 'legacy') {
      const posts = traffic.since(mark).filter(e => e.path === '/mcp' && e.method === 'POST');
      check(sessionBefore && posts.length > 0 && posts.every(e => e.sessionSent === sessionBefore && e.status !== 404),
        `after the restart: ${JSON.stringify(posts.map(e => [e.rpc, e.status, e.sessionSent === sessionBefore]))}`);
    }
    check(provider.registrations.length === before.registrations, 'the client registered again after the restart');
    check(provider.authorizations.length === before.authorizations, 'the client had to ask the user again after the restart');
    const refreshed = provider.tokenSaves.length > before.saves ? 'the stored refresh token was redeemed' : 'the stored access token was still valid';
    return `${how}, same client_id, no new login; ${refreshed}`;
  });

  await step('step-up', async () => {
    const { detail } = await addPetWithStepUp(session, `Rex ${era} ${Date.now() % 100000}`);
    const me = await whoAmI(session);
    check(me.scopes.includes('pets:write'), `after step-up the token has ${me.scopes}`);
    return detail;
  });

  await step('refresh', () => refresh(session, 'pets:write'));

  await step('revoke', async () => {
    const metadata = await (await traffic.fetch(`${ISSUER}/.well-known/oauth-authorization-server`)).json();
    const revoked = await traffic.fetch(metadata.revocation_endpoint, { method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: provider.tokens().refresh_token, token_type_hint: 'refresh_token', client_id: provider.client.client_id }) });
    check(revoked.status === 200, `revocation answered ${revoked.status}`);
    provider.userPresent = false;
    await outliveAccessToken(provider);
    const mark = traffic.mark();
    let rejection;
    try {
      await session.tool('who_am_i');
    } catch (error) {
      rejection = error;
    }
    check(rejection && isUnauthorized(api, rejection), `the call after revocation did not end unauthorized: ${rejection?.message ?? 'it succeeded'}`);
    const exchanges = traffic.since(mark);
    check(exchanges.some(e => e.path === '/mcp' && e.status === 401), 'no 401 from /mcp after revocation');
    const refresh = exchanges.find(e => e.path === '/oauth/token' && e.grant === 'refresh_token');
    check(refresh?.status === 400 && refresh.error === 'invalid_grant', `the refresh after revocation answered ${refresh?.status} ${refresh?.error}`);
    check(provider.tokens() === undefined, 'the SDK kept the revoked tokens');
    check(provider.authorizations.at(-1).browser === false, 'the SDK did not go back to asking the user');
    return 'revocation 200 -> /mcp 401 -> refresh_token 400 invalid_grant -> SDK dropped the tokens and asks the user to authorize again';
  });
}

/**
 * A confidential machine client: anonymous registration of a client_credentials client is refused (RFC 7591
 * invalid_client_metadata), so the SDK uses the operator-provisioned client (pre-registration) with
 * client_secret_basic, client_credentials, then tools.
 */
async function confidential() {
  const api = await loadSdk('sdk1');
  const traffic = new Traffic();
  const refused = await fetch(new URL('/oauth/register', MCP_URL), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_name: 'Portcullis e2e anonymous machine', redirect_uris: [],
      grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'client_secret_basic' }),
  });
  const refusal = await refused.json();
  const provider = new ServiceClientProvider({ name: 'Portcullis e2e service', scope: 'pets:read',
    client: { client_id: required('E2E_MACHINE_CLIENT_ID'), client_secret: required('E2E_MACHINE_CLIENT_SECRET'),
      token_endpoint_auth_method: 'client_secret_basic' } });
  const session = new Session(api, provider, traffic, 'legacy');
  cleanups.push(() => session.close());
  current = 'connect';
  await session.connect();
  await step('registration', () => {
    check(refused.status === 400 && refusal.error === 'invalid_client_metadata' && !refusal.client_id,
      `anonymous registration of a machine client answered ${refused.status} ${JSON.stringify(refusal)}`);
    check(!traffic.entries.some(e => e.path === '/oauth/register'), 'the SDK registered although the client is provisioned');
    return 'anonymous client_credentials registration 400 invalid_client_metadata; provisioned client_secret_basic client used';
  });
  await step('client-credentials', () => {
    const token = traffic.entries.find(e => e.path === '/oauth/token');
    check(token?.grant === 'client_credentials' && token.auth === 'Basic' && !token.params.includes('client_secret'),
      `the token request was ${JSON.stringify(token)}`);
    check(token.status === 200, `the token endpoint answered ${token.status} ${token.error ?? ''}`);
    check(!provider.stored.refresh_token, 'client_credentials returned a refresh token');
    return `client_credentials with HTTP Basic -> access token, scope ${provider.stored.scope}, no refresh token`;
  });
  await step('tools', async () => {
    const me = await whoAmI(session);
    check(me.name === provider.client.client_id && me.groups.length === 0, `who_am_i says ${JSON.stringify(me)}`);
    const pets = await session.tool('list_pets');
    check(!pets.isError && Array.isArray(pets.structuredContent?.pets), `list_pets answered ${JSON.stringify(pets.content)}`);
    return `who_am_i = the client_id, no groups; list_pets returned ${pets.structuredContent.pets.length} pet(s)`;
  });
}

/** A client whose client_id is the URL of its metadata document (served by JourneyIT). */
async function cimd() {
  const api = await loadSdk('sdk1');
  const traffic = new Traffic();
  const { callback, browser } = await browserParts('cimd');
  const provider = new BrowserClientProvider({ name: 'Portcullis e2e CIMD client', browser, callback,
    clientMetadataUrl: required('E2E_CIMD_URL') });
  const session = new Session(api, provider, traffic, 'legacy');
  cleanups.push(() => session.close());
  await connectAndProve(session, connectSteps(traffic, provider, { expectRegistration: false }));
  await step('read', async () => {
    const me = await whoAmI(session);
    check(me.name === 'alice', `who_am_i says ${JSON.stringify(me)}`);
    return 'who_am_i = alice';
  });
}

/** A client whose registration was deleted: the token endpoint says invalid_client and the SDK registers again. */
async function staleClient() {
  const api = await loadSdk('sdk1');
  const traffic = new Traffic();
  const { callback, browser } = await browserParts('stale');
  const provider = new BrowserClientProvider({ name: 'Portcullis e2e stale client', browser, callback });
  const session = new Session(api, provider, traffic, 'legacy');
  cleanups.push(() => session.close());
  current = 'connect';
  await session.connect();
  await whoAmI(session);
  const first = provider.client.client_id;
  await step('delete-registration', async () => {
    const management = traffic.management.get(first);
    check(management?.uri && management.token, 'the registration response had no RFC 7592 management credentials');
    const deleted = await traffic.fetch(management.uri, { method: 'DELETE', headers: { authorization: `Bearer ${management.token}` } });
    check(deleted.status === 204, `RFC 7592 DELETE answered ${deleted.status}`);
    return 'RFC 7592 DELETE of the registration -> 204; the client still holds the old client_id and tokens';
  });
  await step('re-registration', async () => {
    await outliveAccessToken(provider);
    const mark = traffic.mark();
    const me = await whoAmI(session);
    const exchanges = traffic.since(mark);
    const refused = exchanges.find(e => e.path === '/oauth/token');
    check(refused?.status === 401 && refused.error === 'invalid_client', `the token endpoint answered ${refused?.status} ${refused?.error}`);
    check(provider.invalidations.includes('all'), 'the SDK did not drop its client information');
    const registered = exchanges.find(e => e.path === '/oauth/register');
    check(registered?.status === 201 && provider.registrations.length === 2 && provider.client.client_id !== first,
      'the SDK did not register a new client');
    check(me.name === 'alice', `who_am_i says ${JSON.stringify(me)}`);
    return 'refresh -> 401 invalid_client -> SDK dropped everything -> new DCR -> Chromium consent -> who_am_i = alice';
  });
}

/** The claims of a JWT, read without verifying it: /mcp verified it when the SDK called the tools with it. */
function claimsOf(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/**
 * A directory or federated user (LdapRealmIT, OidcFederationIT, in ear-module, which starts the realm's server
 * and its LDAP directory or Keycloak): the SDK discovers, registers and authorizes; in Chromium the user E2E_USER
 * signs in on the login form E2E_LOGIN_FORM (see LOGIN_FORMS) and consents; who_am_i and the access token show the
 * groups the realm gave; add_pet steps up to pets:write; remove_pet, which the pet store EJB allows to
 * @RolesAllowed("mcp-admins") only, answers as those groups allow. What each user should see is the Java test's
 * to assert, so `identity` and `remove-pet` report JSON.
 */
async function realmLogin() {
  const user = required('E2E_USER');
  const form = LOGIN_FORMS[required('E2E_LOGIN_FORM')];
  check(form, `E2E_LOGIN_FORM is one of ${Object.keys(LOGIN_FORMS).join(', ')}`);
  const api = await loadSdk('sdk1');
  const traffic = new Traffic();
  const { callback, browser } = await browserParts(required('E2E_LABEL'));
  const provider = new BrowserClientProvider({ name: `Portcullis realm journey (${api.name})`, browser, callback,
    signIn: { user, password: required('E2E_PASSWORD'), form } });
  const session = new Session(api, provider, traffic, 'legacy');
  cleanups.push(() => session.close());
  await connectAndProve(session, connectSteps(traffic, provider));

  await step('identity', async () => {
    const me = await whoAmI(session);
    const { seen } = provider.authorizations[0];
    check(me.name === user && seen.subject === user, `who_am_i says ${me.name}, the consent page named ${seen.subject}`);
    const claims = claimsOf(provider.tokens().access_token);
    return JSON.stringify({ loginPage: seen.loginPage, whoAmI: me,
      token: { iss: claims.iss, aud: claims.aud, groups: claims.groups ?? [] },
      // Every host the SDK sent a request to: the identity provider is the browser's business only.
      sdkOrigins: [...new Set(traffic.entries.map(e => e.origin))] });
  });

  let pet;
  await step('step-up', async () => {
    const outcome = await addPetWithStepUp(session, `${user}'s dog ${Date.now() % 100000}`);
    pet = outcome.pet;
    return outcome.detail;
  });

  await step('remove-pet', async () => {
    const removed = await session.tool('remove_pet', { id: pet.id });
    return JSON.stringify({ id: pet.id, isError: Boolean(removed.isError), text: removed.content.map(c => c.text).join(' ') });
  });
}

/**
 * External-issuer mode (KeycloakExternalIssuerIT, in ear-module, which starts Keycloak and the server): /mcp trusts
 * the corporate IdP's access tokens, and its protected resource metadata names the IdP (E2E_IDP_ISSUER) as the
 * authorization server. The SDK holds the credentials of a client pre-registered at the IdP (E2E_CLIENT_ID,
 * E2E_CLIENT_SECRET; the IdP has no dynamic registration): it follows the 401 to the PRM and the IdP's metadata,
 * gets a client_credentials token from the IdP itself and calls the tools with it. When /mcp refuses the IdP's
 * token (one without the Portcullis audience, RFC 8707) the SDK gives up after one more 401, and the last step is
 * `refused` with the status and challenge it met; otherwise `identity` and `remove-pet` follow. What each client
 * should see is the Java test's to assert, so `token`, `identity`, `remove-pet` and `refused` report JSON.
 */
async function externalIssuer() {
  const idp = new URL(required('E2E_IDP_ISSUER'));
  const api = await loadSdk('sdk1');
  const traffic = new Traffic();
  const provider = new ServiceClientProvider({ name: 'Portcullis external-issuer journey', scope: 'pets:read pets:write',
    client: { client_id: required('E2E_CLIENT_ID'), client_secret: required('E2E_CLIENT_SECRET') } });
  const session = new Session(api, provider, traffic, 'legacy');
  cleanups.push(() => session.close());
  const { discovery } = connectSteps(traffic, provider, { authorizationServer: idp.href });
  let refusal;
  try {
    await connectAndProve(session, { discovery, token: () => idpToken(traffic, provider, idp) });
  } catch (error) {
    // The transport's answer to a 401 right after a successful token request (StreamableHTTPError, code 401).
    if (error?.code !== 401 || !traffic.entries.some(e => e.grant === 'client_credentials' && e.status === 200)) throw error;
    refusal = error;
  }

  if (refusal) {
    await step('refused', () => {
      const last = traffic.entries.findLast(e => e.path === '/mcp');
      check(last.auth === 'Bearer', 'the refused request carried no token');
      return JSON.stringify({ status: last.status, challenge: last.challenge, sdkError: refusal.message });
    });
    return;
  }

  await step('identity', async () => JSON.stringify(await whoAmI(session)));

  await step('remove-pet', async () => {
    const added = await session.tool('add_pet', { name: `${provider.client.client_id}'s cat ${Date.now() % 100000}`, species: 'cat' });
    check(!added.isError, `add_pet answered ${JSON.stringify(added.content)}`);
    const id = added.structuredContent.id;
    const removed = await session.tool('remove_pet', { id });
    return JSON.stringify({ id, isError: Boolean(removed.isError), text: removed.content.map(c => c.text).join(' ') });
  });
}

/**
 * The token request the SDK made at the IdP: client_credentials with HTTP Basic (RFC 6749 §2.3.1, the method the
 * IdP's metadata lists first among the SDK's preferences), no registration before it. Reports the token's claims.
 */
function idpToken(traffic, provider, idp) {
  const { entries } = traffic;
  check(!entries.some(e => e.method === 'POST' && /regist/.test(e.path)), 'the SDK registered a client although it is pre-registered');
  const request = entries.find(e => e.grant === 'client_credentials');
  check(request, 'the SDK made no client_credentials token request');
  check(request.origin === idp.origin && request.path.startsWith(`${idp.pathname}/`), `the token request went to ${request.origin}${request.path}`);
  check(request.auth === 'Basic' && !request.params.includes('client_secret'), `the token request was ${JSON.stringify(request)}`);
  check(request.status === 200, `the IdP answered ${request.status} ${request.error ?? ''}`);
  const claims = claimsOf(provider.tokens().access_token);
  return JSON.stringify({ endpoint: `${request.origin}${request.path}`, params: request.params, resource: request.resource,
    scope: provider.tokens().scope, iss: claims.iss, aud: claims.aud, roles: claims.roles ?? [] });
}

/** The HTTP status an SDK's transport error carries: client2's SdkHttpError.status, sdk1's StreamableHTTPError.code. */
function httpStatus(error) {
  for (let e = error; e; e = e.cause) {
    if (typeof e.status === 'number') return e.status;
    if (typeof e.code === 'number' && e.code > 0) return e.code;
  }
  return undefined;
}

/** A modern tools/list the application sends itself with `accessToken`, past the SDK: its traffic entry. */
async function probe(traffic, accessToken) {
  const response = await traffic.fetch(MCP_URL, { method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json',
      accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {},
      'io.modelcontextprotocol/clientInfo': { name: 'portcullis-e2e', version: '0.1.0' } } } }) });
  await response.body?.cancel();
  return traffic.entries.at(-1);
}

/**
 * Through a round-robin balancer over two servers, no stickiness (ClusterIT, in ear-module): discovery, DCR, login
 * and consent in Chromium, PKCE and tools in the modern era (2026-07-28, stateless), the legacy era, refresh and
 * revoke. Every request carries an X-Request-Id starting with E2E_REQUEST_ID (the SDK's numbered in the order sent,
 * through its fetch option; Chromium's all `<prefix>-browser`), so that ClusterIT can tell from the balancer's log
 * which server served each; `legacy` and `revoke` report the ids it needs as JSON.
 *
 * The legacy era (2025-11-25): each SDK's session is recorded in the database, so every server serves it although
 * each request reaches the other one than the one before (initialize, notifications/initialized, the GET stream,
 * tools/list, who_am_i, DELETE); after the DELETE the next request, on the other server, gets the spec's 404.
 * `legacy-on-one-node` shows the same client's session with every request on one server (E2E_NODE_MCP_URL, past the
 * balancer).
 */
async function cluster() {
  const prefix = required('E2E_REQUEST_ID');
  const api = await loadSdk('client2');
  const traffic = new Traffic({ requestIds: `${prefix}-sdk` });
  const { callback, browser } = await browserParts('cluster', { requestId: `${prefix}-browser` });
  const provider = new BrowserClientProvider({ name: `Portcullis cluster journey (${api.name})`, browser, callback });
  const session = new Session(api, provider, traffic, 'modern');
  cleanups.push(() => session.close());

  await connectAndProve(session, connectSteps(traffic, provider));
  await step('read', () => read(session));

  await step('legacy', async () => {
    const sessions = [];
    for (const sdkName of ['client2', 'sdk1']) {
      const legacyApi = await loadSdk(sdkName);
      const mark = traffic.mark();
      const legacy = new Session(legacyApi, provider, traffic, 'legacy');
      try {
        await legacy.connect();
        check(legacy.protocolVersion() === '2025-11-25', `${legacyApi.name}: negotiated protocol version ${legacy.protocolVersion()}`);
        // The SDK opens its GET stream without waiting for it: let it reach the balancer before the next request,
        // so that one request at a time goes out (the stream's answer starts with a comment: its status arrives).
        for (let waited = 0; waited < 5000 && !traffic.since(mark).some(e => e.method === 'GET' && e.status); waited += 50) {
          await sleep(50);
        }
        const tools = (await legacy.call(c => c.listTools())).tools.length;
        const me = await whoAmI(legacy);
        check(me.name === 'alice', `${legacyApi.name}: who_am_i says ${JSON.stringify(me)}`);
        const sessionId = legacy.transport.sessionId;
        await legacy.transport.terminateSession();
        const sent = traffic.since(mark).filter(e => e.path === '/mcp');
        // The last initialize: a first one may have met an expired access token (401, refresh, again).
        const initialize = sent.findLast(e => e.rpc === 'initialize');
        check(initialize?.status === 200 && initialize.sessionReceived && !initialize.sessionSent,
          `${legacyApi.name}: initialize answered ${initialize?.status} (a session id sent: ${Boolean(initialize?.sessionSent)}, received: ${Boolean(initialize?.sessionReceived)})`);
        const after = sent.slice(sent.indexOf(initialize) + 1);
        const failed = after.filter(e => !(e.status < 400 || (e.status === 401 && e.method !== 'DELETE')));
        check(after.length >= 4 && failed.length === 0 && after.every(e => e.sessionSent === initialize.sessionReceived),
          `${legacyApi.name}: the session's requests ${JSON.stringify(after.map(e => [e.method, e.rpc, e.status]))}`);
        const deleted = after.at(-1);
        check(deleted.method === 'DELETE' && deleted.status === 204, `${legacyApi.name}: DELETE answered ${deleted.status}`);
        // The ended session on the next request, which the balancer sends to the other server: the spec's 404.
        const ended = await traffic.fetch(MCP_URL, { method: 'POST',
          headers: { authorization: `Bearer ${provider.tokens().access_token}`, 'content-type': 'application/json',
            accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25', 'mcp-session-id': sessionId },
          body: JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'tools/list', params: {} }) });
        await ended.body?.cancel();
        const rejected = traffic.entries.at(-1);
        check(rejected.status === 404, `${legacyApi.name}: a request for the deleted session answered ${rejected.status}`);
        const stream = after.find(e => e.method === 'GET');
        sessions.push({ sdk: legacyApi.name, tools, initialize: initialize.requestId,
          requests: after.filter(e => e !== stream).map(e => `${e.method} ${e.rpc ?? ''} ${e.status} ${e.requestId}`),
          stream: stream?.requestId ?? null, deleted: deleted.requestId, rejected: rejected.requestId });
      } finally {
        await legacy.close();
      }
    }
    return JSON.stringify(sessions);
  });

  await step('refresh', () => refresh(session, 'pets:read'));

  // Right after the refresh: the new access token outlives this step (a refresh here would go to the node's own
  // URL, whose protected resource metadata names the balancer's: the SDK would refuse it).
  await step('legacy-on-one-node', async () => {
    const legacy = new Session(api, provider, new Traffic(), 'legacy', required('E2E_NODE_MCP_URL'));
    try {
      await legacy.connect();
      check(legacy.protocolVersion() === '2025-11-25', `negotiated protocol version ${legacy.protocolVersion()}`);
      const tools = (await legacy.call(c => c.listTools())).tools.length;
      const me = await whoAmI(legacy);
      check(me.name === 'alice', `who_am_i says ${JSON.stringify(me)}`);
      const sessions = new Set(legacy.traffic.entries.filter(e => e.path === '/mcp' && e.sessionSent).map(e => e.sessionSent));
      // The GET is the session's notification stream: still waiting for its answer, or 405 where there is none.
      const failed = legacy.traffic.entries.filter(e => !(e.status < 400 || (e.method === 'GET' && [undefined, 405].includes(e.status))));
      check(sessions.size === 1 && failed.length === 0, `requests ${JSON.stringify(legacy.traffic.entries.map(e => [e.method, e.rpc, e.status]))}`);
      return `${api.name} at ${new URL(legacy.url).origin}: initialize -> session -> tools/list (${tools} tools) -> who_am_i = alice, one session`;
    } finally {
      await legacy.close();
    }
  });

  await step('revoke', async () => {
    const held = provider.tokens();
    const saved = provider.tokenSaves.at(-1);
    const before = await probe(traffic, held.access_token);
    check(before.status === 200, `tools/list with the access token answered ${before.status} before the revocation`);
    const metadata = await (await traffic.fetch(`${ISSUER}/.well-known/oauth-authorization-server`)).json();
    const revoked = await traffic.fetch(metadata.revocation_endpoint, { method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: held.refresh_token, token_type_hint: 'refresh_token', client_id: provider.client.client_id }) });
    const revocation = traffic.entries.at(-1);
    check(revoked.status === 200, `revocation answered ${revoked.status}`);
    provider.userPresent = false;
    await sleep(1500); // each server reloads the revocation list every second here (ClusterIT's cluster)
    const after = await probe(traffic, held.access_token);
    const mark = traffic.mark();
    let rejection;
    try {
      await session.tool('who_am_i');
    } catch (error) {
      rejection = error;
    }
    check(Date.now() < saved.at + saved.expiresIn * 1000, 'the access token expired before the checks: its 401s would not show the revocation');
    check(after.status === 401, `tools/list with the revoked family's access token answered ${after.status}`);
    check(rejection && isUnauthorized(api, rejection), `the call after revocation did not end unauthorized: ${rejection?.message ?? 'it succeeded'}`);
    const exchanges = traffic.since(mark);
    const refused = exchanges.find(e => e.path === '/mcp' && e.status === 401);
    check(refused, 'no 401 from /mcp for the SDK after revocation');
    const redeem = exchanges.find(e => e.path === '/oauth/token' && e.grant === 'refresh_token');
    check(redeem?.status === 400 && redeem.error === 'invalid_grant', `the refresh after revocation answered ${redeem?.status} ${redeem?.error}`);
    check(provider.tokens() === undefined, 'the SDK kept the revoked tokens');
    check(provider.authorizations.at(-1).browser === false, 'the SDK did not go back to asking the user');
    return JSON.stringify({ revocation: revocation.requestId, refusedAccessToken: [after.requestId, refused.requestId],
      refusedRefreshToken: redeem.requestId, lastRequest: traffic.entries.at(-1).requestId });
  });
}

/**
 * The live inspector's SDK call (ConsoleInspectorIT, in ear-module): @modelcontextprotocol/sdk 1.32.2 with the
 * bearer token the test obtained itself (E2E_ACCESS_TOKEN, sent in the Authorization header of every request; no
 * OAuth of the SDK's own) and the client name E2E_CLIENT_NAME, in the legacy era: initialize, then who_am_i.
 * `call` reports as JSON when the call returned (epoch milliseconds, the clock Chromium's page reads too), the
 * session id and the caller, so the test can find that exchange in the inspector and time it.
 */
async function inspectorCall() {
  const api = await loadSdk('sdk1');
  const transport = new api.Transport(new URL(MCP_URL),
    { requestInit: { headers: { authorization: `Bearer ${required('E2E_ACCESS_TOKEN')}` } } });
  const client = new api.Client({ name: required('E2E_CLIENT_NAME'), version: '0.1.0' });
  cleanups.push(() => client.close().catch(() => {}));
  await step('connect', async () => {
    await client.connect(transport);
    check(transport.sessionId, 'initialize gave no session');
    return `${api.name}, protocol ${transport.protocolVersion ?? '?'}`;
  });
  await step('call', async () => {
    const result = await client.callTool({ name: 'who_am_i', arguments: {} });
    const returnedAt = Date.now();
    check(!result.isError, `who_am_i failed: ${JSON.stringify(result.content)}`);
    return JSON.stringify({ returnedAt, session: transport.sessionId, subject: result.structuredContent?.name });
  });
}

const scenarios = {
  'sdk1-legacy': () => journey('sdk1', 'legacy'),
  // The restart leg runs once per era (sdk1-legacy, client2-modern): a Liberty restart costs the build the most.
  'client2-legacy': () => journey('client2', 'legacy', { restart: false }),
  'client2-modern': () => journey('client2', 'modern'),
  confidential,
  cimd,
  'stale-client': staleClient,
  'realm-login': realmLogin,
  'external-issuer': externalIssuer,
  cluster,
  'inspector-call': inspectorCall,
};

try {
  check(scenarios[scenario], `unknown scenario ${scenario}; one of ${Object.keys(scenarios).join(', ')}`);
  await scenarios[scenario]();
  out('DONE');
} catch (error) {
  out(`STEP ${current} FAILED ${String(error?.stack ?? error).replace(/\s+/g, ' ').slice(0, 2000)}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
  stdin.close();
}

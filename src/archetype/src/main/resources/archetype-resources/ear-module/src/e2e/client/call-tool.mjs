// The end-to-end test's MCP client (run by McpClientIT): the official MCP TypeScript SDK, unmodified, connects to
// /mcp, meets the 401, discovers the authorization server, registers itself, sends the user (headless Chromium,
// signing in as alice and approving the consent page) through the authorization code flow with PKCE, and calls the
// application's tools with the token it got. Prints "STEP <name> ok <detail>" per proven step; exits 1 on failure.
// browser.mjs, oauth.mjs and the lock file are Portcullis's own end-to-end client's (src/e2e/client there).
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Chromium, LoopbackCallback } from './browser.mjs';
import { BrowserClientProvider, Traffic } from './oauth.mjs';

const required = name => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};
const MCP_URL = new URL(required('E2E_MCP_URL'));
const WORK = required('E2E_WORK_DIR');
const out = line => process.stdout.write(`${line}\n`);
const check = (condition, message) => {
  if (!condition) throw new Error(message);
};

const callback = await new LoopbackCallback().start();
const browser = new Chromium({ executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
  profileDir: join(WORK, 'chromium'), certificatePem: required('E2E_CERT_PEM'), screenshots: join(WORK, 'screenshots') });
const traffic = new Traffic();
const provider = new BrowserClientProvider({ name: 'e2e client', browser, callback,
  signIn: { user: process.env.E2E_USER ?? 'alice', password: process.env.E2E_PASSWORD ?? 'alice-password' } });
let client;
try {
  // Connect as an application does: on UnauthorizedError, hand the callback's code to the SDK and connect again.
  for (let attempt = 0; ; attempt++) {
    const transport = new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider, fetch: traffic.fetch });
    client = new Client({ name: 'e2e client', version: '1.0.0' });
    try {
      await client.connect(transport);
      break;
    } catch (error) {
      if (!(error instanceof UnauthorizedError) || attempt > 1) throw error;
      await transport.finishAuth(provider.takeCallback().get('code'));
    }
  }
  const seen = browser.approvals[0] ?? {};
  check(seen.login && seen.consent, 'the user did not pass the login and consent pages');
  check(traffic.entries.some(e => e.path === '/oauth/register' && e.status === 201), 'the client did not register');
  check(traffic.entries.some(e => e.grant === 'authorization_code' && e.status === 200), 'no code was exchanged');
  out(`STEP oauth ok subject=${seen.subject} scopes=${seen.scopes.join(',')}`);

  const tools = (await client.listTools()).tools.map(t => t.name);
  check(tools.includes('add_note') && tools.includes('recent_notes'), `tools/list: ${tools}`);
  out(`STEP tools/list ok ${tools.join(',')}`);

  const text = `written by the e2e client at ${new Date().toISOString()}`;
  const added = await client.callTool({ name: 'add_note', arguments: { text } });
  check(!added.isError, `add_note failed: ${JSON.stringify(added.content)}`);
  check(added.structuredContent?.author === 'alice', `add_note author: ${JSON.stringify(added.structuredContent)}`);
  out(`STEP add_note ok id=${added.structuredContent.id}`);

  const recent = await client.callTool({ name: 'recent_notes', arguments: { max: 5 } });
  check(!recent.isError && recent.structuredContent.notes.some(n => n.text === text), 'recent_notes lacks the note');
  out('STEP recent_notes ok');

  const resource = await client.readResource({ uri: 'notes://recent' });
  check(resource.contents[0].text.includes(text), 'the resource lacks the note');
  const prompt = await client.getPrompt({ name: 'summarize_notes', arguments: { topic: 'shipping' } });
  check(prompt.messages.length === 1, 'the prompt has no message');
  out('STEP resource+prompt ok');
} catch (error) {
  out(`STEP FAILED ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await client?.close().catch(() => {});
  await browser.close();
  callback.close();
}

// The official MCP TypeScript SDK as a benchmark peer (src/docs/benchmarks.md): its stateless Streamable HTTP
// transport, set up as the SDK's own stateless example does (a server and a transport per request, on the SDK's
// createMcpExpressApp), answering JSON, on Node's https server with the given key and certificate, loopback only.
//
//   node peer.mjs <port> <key.pem> <cert.pem> <jwks.json> <issuer> <audience>
//
// /mcp is open; /auth/mcp is the same server behind the SDK's requireBearerAuth with a verifier that checks the token's ES256 signature
// against the authorization server's JWKS (read once, at start) and its issuer, audience and expiry with jose, on
// every request (no cache of verified tokens). Prints READY once it listens.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { createLocalJWKSet, jwtVerify } from 'jose';
import * as z from 'zod/v4';

const [port, keyFile, certFile, jwksFile, issuer, audience] = process.argv.slice(2);

function server() {
  const mcp = new McpServer({ name: 'ts-sdk-peer', version: '1' });
  mcp.registerTool('echo', { description: 'Echoes its text', inputSchema: { text: z.string() } },
    async ({ text }) => ({ content: [{ type: 'text', text }] }));
  return mcp;
}

const keys = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
const verifier = {
  async verifyAccessToken(token) {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['ES256'], requiredClaims: ['sub', 'exp'] }));
    } catch (e) {
      throw new InvalidTokenError('invalid token');
    }
    return {
      token,
      clientId: String(payload.client_id ?? payload.sub),
      scopes: String(payload.scope ?? '').split(' ').filter(s => s),
      expiresAt: payload.exp
    };
  }
};

async function handle(req, res) {
  const mcp = server();
  try {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      transport.close();
      mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, req.body);
  } catch (error) {
    if (!res.headersSent) {
      res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null });
    }
  }
}

const app = createMcpExpressApp({ host: '127.0.0.1' });
app.post('/mcp', handle);
app.post('/auth/mcp', requireBearerAuth({ verifier }), handle);

https.createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile), minVersion: 'TLSv1.3' }, app)
  .listen(Number(port), '127.0.0.1', () => console.log('READY'));

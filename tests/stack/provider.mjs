// SPDX-License-Identifier: EUPL-1.2
// The test identity provider and demo services of the organisation "Musterstadt".
//
//   node provider.mjs [PORT] [--state FILE] [--key-file FILE] [--access-ttl SECONDS]
//                     [--behaviour JSON] [--resources JSON]
//
// PORT 0 (the default) picks a free port. When ready, one JSON line goes to stdout:
//   {"ready":true,"port":…,"issuer":"http://127.0.0.1:…","kid":"…"}
// The signing key is new on every start unless --key-file names an existing key.
// --state keeps grants and refresh tokens across restarts. Bad behaviour switches
// (tamper.mjs) come from --behaviour, $STACK_BEHAVIOUR or POST /__admin/behaviour.
// Access tokens are shaped like Keycloak's (keycloak.mjs); resource indicators (RFC 8707)
// come from --resources or POST /__admin/resources.
// The demo's web services sign in here as confidential OpenID Connect clients of their
// own (POST /__admin/clients with their metadata): first-party apps, no consent page,
// so a browser with a provider session is signed in to them silently (prompt=none).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import Provider, { errors as oidcErrors } from 'oidc-provider';
import { createStore } from './store.mjs';
import { REFRESH_TTL, SWITCHES, tamper } from './tamper.mjs';
import {
  CLIENT_SCOPES, OPENDESK_CLAIMS, RESOURCES, keycloak, makeJwtLookup,
} from './keycloak.mjs';
import * as pages from './pages.mjs';

export const DEMO_USER = {
  username: 'demo',
  password: 'demo',
  claims: {
    sub: 'erika.mustermann',
    name: 'Erika Mustermann',
    given_name: 'Erika',
    family_name: 'Mustermann',
    preferred_username: 'demo',
    email: 'erika.mustermann@musterstadt.example',
    email_verified: true,
  },
};

export const DEMO_SERVICES = {
  mail: 'E-Mail',
  files: 'Dateien',
  calendar: 'Kalender',
  chat: 'Chat',
  wiki: 'Wissen',
  tickets: 'Bürgeranliegen',
};

function parseArgs(argv) {
  const options = { port: 0, accessTtl: 300, behaviour: {} };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => { i += 1; return argv[i]; };
    if (arg === '--state') options.state = value();
    else if (arg === '--key-file') options.keyFile = value();
    else if (arg === '--access-ttl') options.accessTtl = Number(value());
    else if (arg === '--behaviour') options.behaviour = JSON.parse(value());
    else if (arg === '--resources') Object.assign(RESOURCES, JSON.parse(value()));
    else if (/^\d+$/.test(arg)) options.port = Number(arg);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (process.env.STACK_BEHAVIOUR) {
    options.behaviour = { ...JSON.parse(process.env.STACK_BEHAVIOUR), ...options.behaviour };
  }
  return options;
}

function signingKey(keyFile) {
  if (keyFile && fs.existsSync(keyFile)) return JSON.parse(fs.readFileSync(keyFile, 'utf8'));
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' };
  if (keyFile) fs.writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body, type = 'text/html; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

// Resource servers that introspect tokens (as Dovecot and a CalDAV server do), each a
// confidential client of its own, as in openDesk.
// The demo's web services, registered at run time (their ports are known only then):
// client_id -> oidc-provider client metadata.
export const WEB_CLIENTS = {};

function webClient(metadata) {
  const id = String(metadata.client_id ?? '');
  if (!/^demo-[a-z0-9_.-]{1,60}$/.test(id)) throw new Error(`a demo client id starts with demo-: ${id}`);
  const uris = (metadata.redirect_uris ?? []).map(String);
  if (!uris.length || !uris.every((u) => u.startsWith('http://127.0.0.1:'))) {
    throw new Error('a demo client redirects to a loopback address');
  }
  return {
    client_id: id,
    client_secret: String(metadata.client_secret ?? ''),
    client_name: String(metadata.client_name ?? id),
    application_type: 'web',
    token_endpoint_auth_method: 'client_secret_basic',
    redirect_uris: uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
}

export const RESOURCE_SERVER_CLIENTS = {
  'opendesk-dovecot': 'dovecot-introspection-secret-not-a-secret',
  'opendesk-caldav': 'caldav-introspection-secret-not-a-secret',
};

// The Matrix homeserver (Synapse) signs its users in here, as openDesk's Synapse does at
// Keycloak: a confidential client. Its callback is on a loopback port of its own, which
// the redirect URI leaves out (a native client's loopback port is free, RFC 8252 §7.3).
export const MATRIX_CLIENT = {
  client_id: 'opendesk-matrix',
  client_secret: 'matrix-oidc-secret-not-a-secret',
};

function buildProvider(issuer, options, jwk, behaviour, jwtLookup) {
  const account = {
    accountId: DEMO_USER.claims.sub,
    async claims() { return { ...DEMO_USER.claims }; },
  };
  const Store = createStore(options.state, { AccessToken: jwtLookup });
  class Adapter extends Store {
    async find(id) {
      if (this.model === 'Client') return WEB_CLIENTS[id];
      return super.find(id);
    }
  }
  return new Provider(issuer, {
    adapter: Adapter,
    clients: [{
      client_id: 'arbeitsplatz',
      client_name: 'Arbeitsplatz',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://127.0.0.1/callback'],
      post_logout_redirect_uris: ['http://127.0.0.1/signed-out'],
      grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
      response_types: ['code'],
    }, {
      ...MATRIX_CLIENT,
      client_name: 'Matrix',
      application_type: 'native',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: ['http://127.0.0.1/_synapse/client/oidc/callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }, ...Object.entries(RESOURCE_SERVER_CLIENTS).map(([id, secret]) => ({
      client_id: id,
      client_secret: secret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: [],
      response_types: [],
      redirect_uris: [],
    }))],
    async loadExistingGrant(ctx) {
      // The demo's own web services are first-party apps (consent off in Keycloak):
      // their grant is made here, so a sign-in through the provider session is silent.
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!WEB_CLIENTS[ctx.oidc.client.clientId]) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    async findAccount(ctx, id) {
      return id === account.accountId ? account : undefined;
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'email', ...Object.keys(CLIENT_SCOPES)],
    extraTokenClaims(ctx, token) {
      // Like Keycloak's protocol mappers: what openDesk's apps look the user up by.
      if (token.kind !== 'AccessToken') return undefined;
      return { ...OPENDESK_CLAIMS, email: DEMO_USER.claims.email };
    },
    cookies: { keys: ['musterstadt-demo-cookie-key-not-a-secret'] },
    jwks: { keys: [jwk] },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: options.accessTtl,
      AuthorizationCode: 60,
      DeviceCode: 600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: REFRESH_TTL,
      Grant: 14 * 24 * 3600,
      Session: 14 * 24 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      deviceFlow: {
        enabled: true,
        async userCodeInputSource(ctx, form, out, err) { ctx.body = pages.userCodeInputPage(form, err); },
        async userCodeConfirmSource(ctx, form, client, deviceInfo, userCode) {
          ctx.body = pages.userCodeConfirmPage(form, userCode);
        },
        async successSource(ctx) { ctx.body = pages.deviceSuccessPage(); },
      },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => undefined,
        useGrantedResource: async () => false,
        async getResourceServerInfo(ctx, indicator) {
          const known = RESOURCES[indicator];
          if (!known) throw new oidcErrors.InvalidTarget();
          return {
            audience: known.audience,
            scope: known.scope,
            accessTokenFormat: known.format ?? 'jwt',
            accessTokenTTL: options.accessTtl,
            ...(known.format === 'opaque' ? {} : { jwt: { sign: { alg: 'RS256' } } }),
          };
        },
      },
      introspection: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) { ctx.body = pages.logoutPage(form); },
        async postLogoutSuccessSource(ctx) { ctx.body = pages.loggedOutPage(); },
      },
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = pages.errorPage(out);
    },
  });
}

async function grantConsent(provider, req, res, details, behaviour) {
  const { prompt: { details: missing }, params, session } = details;
  // A user without an app's group does not get its client scope (Keycloak's roles).
  const withheld = new Set(behaviour.withhold_scopes ?? []);
  const keep = (scopes) => scopes.filter((scope) => !withheld.has(scope));
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(keep(missing.missingOIDCScope).join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, keep(scopes).join(' '));
  }
  const grantId = await grant.save();
  const consent = details.grantId ? {} : { grantId };
  await provider.interactionFinished(req, res, { consent }, { mergeWithLastSubmission: true });
}

async function interaction(provider, req, res, url, behaviour) {
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'consent') {
      return grantConsent(provider, req, res, details, behaviour);
    }
    return send(res, 200, pages.loginPage(uid, {}));
  }
  if (req.method === 'POST' && action === 'login') {
    const form = new URLSearchParams(await readBody(req));
    const ok = form.get('username') === DEMO_USER.username && form.get('password') === DEMO_USER.password;
    if (!ok) {
      return send(res, 200, pages.loginPage(uid, {
        username: form.get('username'),
        error: 'Benutzername oder Passwort falsch. · Wrong username or password.',
      }));
    }
    return provider.interactionFinished(req, res, {
      login: { accountId: DEMO_USER.claims.sub },
    }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && action === 'abort') {
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
    }, { mergeWithLastSubmission: false });
  }
  return send(res, 404, 'not found', 'text/plain');
}

async function admin(behaviour, req, res, url) {
  if (url.pathname === '/__admin/behaviour') {
    if (req.method === 'POST') {
      const next = JSON.parse((await readBody(req)) || '{}');
      for (const key of Object.keys(behaviour)) delete behaviour[key];
      for (const [key, value] of Object.entries(next)) {
        if (!(key in SWITCHES)) return send(res, 400, `unknown switch ${key}`, 'text/plain');
        behaviour[key] = value;
      }
    }
    return send(res, 200, JSON.stringify({ behaviour, switches: SWITCHES }), 'application/json');
  }
  if (url.pathname === '/__admin/clients') {
    if (req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}');
      try {
        for (const metadata of Array.isArray(body) ? body : [body]) {
          const client = webClient(metadata);
          WEB_CLIENTS[client.client_id] = client;
        }
      } catch (err) {
        return send(res, 400, String(err.message), 'text/plain');
      }
    }
    const listed = Object.fromEntries(Object.entries(WEB_CLIENTS).map(
      ([id, c]) => [id, { redirect_uris: c.redirect_uris }]));
    return send(res, 200, JSON.stringify(listed), 'application/json');
  }
  if (url.pathname === '/__admin/resources') {
    if (req.method === 'POST') Object.assign(RESOURCES, JSON.parse((await readBody(req)) || '{}'));
    return send(res, 200, JSON.stringify(RESOURCES), 'application/json');
  }
  return send(res, 404, 'not found', 'text/plain');
}

// /demo/<service id> is a live page for any service of the demo tenant;
// /demo/<service id>/health answers "ok" for the health probes.
function demo(res, url) {
  const [, , name, extra] = url.pathname.split('/');
  if (!/^[a-z0-9][a-z0-9_.-]{0,63}$/.test(name ?? '')) return send(res, 404, 'not found', 'text/plain');
  if (extra === 'health') return send(res, 200, 'ok', 'text/plain');
  if (extra) return send(res, 404, 'not found', 'text/plain');
  return send(res, 200, pages.demoServicePage(DEMO_SERVICES[name] ?? name));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const jwk = signingKey(options.keyFile);
  const behaviour = { ...options.behaviour };
  let route = (req, res) => send(res, 503, 'starting', 'text/plain');
  const server = http.createServer((req, res) => {
    Promise.resolve(route(req, res)).catch((err) => {
      console.error(err);
      if (!res.headersSent) send(res, 500, 'internal error', 'text/plain');
      else res.end();
    });
  });
  await new Promise((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const jwtLookup = makeJwtLookup(crypto.createPublicKey({ key: jwk, format: 'jwk' }));
  const provider = buildProvider(issuer, options, jwk, behaviour, jwtLookup);
  const shaped = keycloak(provider.callback(), behaviour, () => jwk, () => issuer, {
    sub: DEMO_USER.claims.sub, ...DEMO_USER.claims,
  }, jwtLookup);
  const oidc = tamper(shaped, behaviour, () => jwk);
  route = async (req, res) => {
    const url = new URL(req.url, issuer);
    if (url.pathname.startsWith('/__admin/')) return admin(behaviour, req, res, url);
    if (url.pathname.startsWith('/demo/')) return demo(res, url);
    if (url.pathname.startsWith('/interaction/')) return interaction(provider, req, res, url, behaviour);
    return oidc(req, res);
  };
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ ready: true, port, issuer, kid: jwk.kid })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

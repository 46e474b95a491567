// SPDX-License-Identifier: EUPL-1.2
// Access tokens shaped like Keycloak's, in front of oidc-provider.
//
// Keycloak (openDesk's identity provider) issues JWT access tokens whose `aud` lists
// the apps that the client scopes' audience mappers name, whose `scope` lists the
// granted client scopes, and which carry the claims openDesk's apps look users up by
// (`opendesk_objectid`, `opendesk_username`, `context`). Its userinfo and
// introspection endpoints accept those JWTs.
//
// oidc-provider gives the launcher an opaque token for its userinfo endpoint instead.
// This layer wraps that opaque token into a Keycloak-shaped JWT on the way out of the
// token endpoint: signed with the provider's own key, its `jti` is the opaque value, so
// the store (store.mjs) finds the real token again when the JWT comes back to
// userinfo or introspection, and expiry, revocation and the grant are oidc-provider's
// own checks. Introspection answers get Keycloak's extra fields (aud, azp, username).
// The ID token's at_hash is made over the JWT, as Keycloak's is.
//
// Which client scopes a user gets: every scope the launcher asks for, except those the
// `withhold_scopes` switch names (a user without the LDAP group of that app).
import crypto from 'node:crypto';
import { importJWK, SignJWT } from 'jose';

// Client scope -> the audience its mapper adds (openDesk's Keycloak clients).
export const CLIENT_SCOPES = {
  read_mail: 'opendesk-oxappsuite',
  read_calendar: 'opendesk-oxappsuite',
  read_contacts: 'opendesk-oxappsuite',
  imap: 'opendesk-dovecot',
  caldav: 'opendesk-caldav',
  matrix: 'opendesk-matrix',
  nextcloud: 'opendesk-nextcloud',
  portal: 'opendesk-portal',
};

// Resource indicators (RFC 8707) the provider knows: resource -> its audience, the
// scopes it accepts and the token format. Tests and the demo add their servers' URLs
// through POST /__admin/resources.
export const RESOURCES = {};

export const OPENDESK_CLAIMS = {
  opendesk_objectid: '6d1b5c3e-2f0a-4c77-9d1e-e1ca0b5e7a11',
  opendesk_username: 'erika.mustermann',
  context: '1',
};

const unb64 = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function atHash(token) {
  const digest = crypto.createHash('sha256').update(token).digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

export function audiences(scope) {
  const found = new Set();
  for (const name of String(scope ?? '').split(' ')) {
    if (CLIENT_SCOPES[name]) found.add(CLIENT_SCOPES[name]);
  }
  return [...found];
}

function keycloakClaims(scope, user) {
  return {
    typ: 'Bearer',
    azp: 'arbeitsplatz',
    scope,
    ...OPENDESK_CLAIMS,
    email: user.email,
    preferred_username: user.preferred_username,
    name: user.name,
  };
}

async function wrap(json, signingJwk, issuer, user) {
  const opaque = json.access_token;
  const scope = String(json.scope ?? '');
  // Only the launcher's own token (it carries openid); a token for a resource
  // indicator stays what oidc-provider made it.
  if (typeof opaque !== 'string' || opaque.includes('.') || !scope.split(' ').includes('openid')) {
    return json;
  }
  const now = Math.floor(Date.now() / 1000);
  const aud = audiences(scope);
  const payload = {
    exp: now + Number(json.expires_in ?? 300),
    iat: now,
    jti: opaque,
    iss: issuer,
    ...(aud.length ? { aud: aud.length === 1 ? aud[0] : aud } : {}),
    sub: user.sub,
    ...keycloakClaims(scope, user),
  };
  const key = await importJWK(signingJwk, 'RS256');
  const jwt = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signingJwk.kid })
    .sign(key);
  const out = { ...json, access_token: jwt };
  if (typeof json.id_token === 'string') {
    const [h, p] = json.id_token.split('.');
    const claims = unb64(p);
    if (claims.at_hash) {
      claims.at_hash = atHash(jwt);
      out.id_token = await new SignJWT(claims).setProtectedHeader(unb64(h)).sign(key);
    }
  }
  return out;
}

// The JWT's jti for the store: the opaque token it wraps (signature checked first).
export function makeJwtLookup(publicKey) {
  return async (value) => {
    const parts = value.split('.');
    if (parts.length !== 3) return value;
    try {
      const { jwtVerify } = await import('jose');
      const { payload } = await jwtVerify(value, publicKey, { algorithms: ['RS256'] });
      return typeof payload.jti === 'string' ? payload.jti : undefined;
    } catch {
      return undefined;
    }
  };
}

function rewriteBody(res, rewrite) {
  const end = res.end.bind(res);
  res.end = (chunk, ...rest) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') {
      return end(chunk, ...rest);
    }
    Promise.resolve()
      .then(() => rewrite(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)))
      .then((body) => {
        if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(body));
        end(body);
      }, (err) => {
        console.error(`keycloak: ${err.stack}`);
        end(chunk);
      });
    return res;
  };
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function keycloak(handler, behaviour, signingJwk, issuer, user, jwtLookup) {
  return async (req, res) => {
    const path = new URL(req.url, 'http://placeholder').pathname;
    const tokenForm = req.method === 'POST'
      && (path === '/token/introspection' || path === '/token/revocation')
      && String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    if (tokenForm && !behaviour.opaque_access_tokens) {
      // oidc-provider refuses JWTs at introspection and revocation; Keycloak takes its
      // own. The form is read here and handed on (as req.body) with the JWT replaced
      // by the opaque token it wraps, once its signature checked out.
      const form = await readForm(req);
      const token = form.get('token');
      if (token && token.split('.').length === 3) {
        const found = await jwtLookup(token);
        if (found !== undefined) form.set('token', found);
      }
      req.body = form.toString();
    }
    const withheld = new Set(behaviour.withhold_scopes ?? []);
    if (path === '/auth' && withheld.size) {
      // Keycloak leaves out an optional client scope the user has no role for.
      const url = new URL(req.url, 'http://placeholder');
      const scope = url.searchParams.get('scope');
      if (scope !== null) {
        url.searchParams.set('scope', scope.split(' ').filter((s) => !withheld.has(s)).join(' '));
        req.url = `${url.pathname}${url.search}`;
      }
    }
    if (path === '/token/introspection' && behaviour.introspection_inactive_next > 0) {
      // The next N introspections say the token is no longer active (expired or
      // revoked between the launcher's refreshes).
      behaviour.introspection_inactive_next -= 1;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ active: false }));
      return undefined;
    }
    if (path === '/token/introspection' && behaviour.introspection_inactive) {
      // The provider no longer vouches for the user's tokens towards these resource
      // servers (their access was revoked): every introspection says inactive.
      const basic = String(req.headers.authorization ?? '');
      const client = basic.startsWith('Basic ')
        ? decodeURIComponent(Buffer.from(basic.slice(6), 'base64').toString('utf8').split(':')[0])
        : '';
      if (behaviour.introspection_inactive.includes(client)) {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ active: false }));
        return undefined;
      }
    }
    if (behaviour.opaque_access_tokens) return handler(req, res);
    if (path === '/token') {
      rewriteBody(res, async (body) => {
        const json = JSON.parse(body);
        return JSON.stringify(await wrap(json, signingJwk(), issuer(), user));
      });
    }
    if (path === '/token/introspection') {
      rewriteBody(res, (body) => {
        const json = JSON.parse(body);
        if (!json.active || !String(json.scope ?? '').split(' ').includes('openid')) {
          return body;
        }
        const aud = audiences(json.scope);
        delete json.jti;
        return JSON.stringify({
          ...json,
          ...(aud.length ? { aud } : {}),
          ...keycloakClaims(json.scope, user),
          username: user.preferred_username,
        });
      });
    }
    return handler(req, res);
  };
}

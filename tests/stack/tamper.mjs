// SPDX-License-Identifier: EUPL-1.2
// The misbehaviour layer in front of oidc-provider. oidc-provider is a certified,
// correct provider and cannot be told to send a wrong `iss` or a forged ID token, so
// this layer rewrites its real responses on the way out, one switch per attack the
// launcher must withstand. Every switch is off by default; see README.md.
import { setTimeout as sleep } from 'node:timers/promises';
import { generateKeyPair, importJWK, SignJWT } from 'jose';

export const SWITCHES = {
  delay_ms: 'delay every response (or those under delay_paths) by this many milliseconds',
  delay_paths: 'list of path prefixes that delay_ms applies to (default: all)',
  discovery_issuer: 'issuer value written into the discovery document',
  discovery: 'object of fields written over the discovery document (null deletes a field)',
  callback_iss: 'iss value written into the authorization response (redirect to the app); null drops it',
  callback_state: 'state value written into the authorization response',
  id_token: 'forge the ID token in token responses: wrong_iss, wrong_aud, no_aud, '
    + 'wrong_nonce, no_nonce, alg_none, bad_sig, expired, no_iat, no_sub, other_sub, other_azp, '
    + 'unknown_kid',
  userinfo_sub: 'sub value written into userinfo responses',
  device_slow_down: 'turn the next N authorization_pending answers into slow_down',
  redirect: 'object of path -> URL: answer requests to that path with 307 to the URL',
  drop_refresh_token: 'leave refresh_token and id_token out of token answers (allowed by RFC 6749 §6)',
  no_refresh_expiry: 'leave refresh_expires_in out of token answers (as providers other than Keycloak do)',
  withhold_scopes: 'list of client scopes the user is not entitled to (no LDAP group): never granted',
  introspection_inactive: 'list of resource-server client ids whose introspections all answer inactive (access revoked)',
  introspection_inactive_next: 'the next N introspections answer inactive (a token expired or revoked meanwhile)',
  opaque_access_tokens: 'opaque access tokens, as oidc-provider makes them, instead of Keycloak-shaped JWTs',
};

// Like Keycloak, token answers with a refresh token say how long it lasts
// (refresh_expires_in); oidc-provider itself does not. The refresh token's lifetime:
export const REFRESH_TTL = 14 * 24 * 3600;

const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');
const unb64 = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

let strangerKey;

export async function forgeIdToken(token, how, signingJwk) {
  const [h, p, s] = token.split('.');
  const header = unb64(h);
  const payload = unb64(p);
  const now = Math.floor(Date.now() / 1000);
  switch (how) {
    case 'alg_none':
      return `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`;
    case 'bad_sig': {
      const sig = Buffer.from(s, 'base64url');
      sig[sig.length - 1] ^= 0x01;
      return `${h}.${p}.${sig.toString('base64url')}`;
    }
    case 'unknown_kid': {
      strangerKey ??= await generateKeyPair('RS256');
      return new SignJWT(payload)
        .setProtectedHeader({ ...header, kid: 'not-in-the-jwks' })
        .sign(strangerKey.privateKey);
    }
    case 'wrong_iss': payload.iss = 'http://127.0.0.1:1/not-the-issuer'; break;
    case 'wrong_aud': payload.aud = 'someone-else'; break;
    case 'no_aud': delete payload.aud; break;
    case 'wrong_nonce': payload.nonce = 'not-the-nonce-you-sent'; break;
    case 'no_nonce': delete payload.nonce; break;
    case 'expired': payload.iat = now - 7200; payload.exp = now - 3600; break;
    case 'no_iat': delete payload.iat; break;
    case 'no_sub': delete payload.sub; break;
    case 'other_sub': payload.sub = 'someone-else'; break;
    case 'other_azp': payload.azp = 'someone-else'; break;
    default: throw new Error(`unknown id_token switch ${how}`);
  }
  // Re-signed with the provider's real key: only the claim is wrong.
  const key = await importJWK(signingJwk, header.alg);
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
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
        console.error(`tamper: ${err.stack}`);
        end(chunk);
      });
    return res;
  };
}

function rewriteLocation(res, behaviour) {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    if (String(name).toLowerCase() === 'location' && typeof value === 'string') {
      const url = new URL(value, 'http://placeholder');
      const isCallback = url.hostname === '127.0.0.1' && (url.searchParams.has('code') || url.searchParams.has('error'));
      if (isCallback) {
        if (behaviour.callback_iss === null) url.searchParams.delete('iss');
        else if (behaviour.callback_iss !== undefined) url.searchParams.set('iss', behaviour.callback_iss);
        if (behaviour.callback_state !== undefined) url.searchParams.set('state', behaviour.callback_state);
        return setHeader(name, url.toString());
      }
    }
    return setHeader(name, value);
  };
}

// Wraps a node request handler; `behaviour` is read on every request so tests can
// change it while the provider runs.
export function tamper(handler, behaviour, signingJwk) {
  return async (req, res) => {
    const path = new URL(req.url, 'http://placeholder').pathname;
    if (behaviour.delay_ms) {
      const paths = behaviour.delay_paths ?? ['/'];
      if (paths.some((prefix) => path.startsWith(prefix))) await sleep(behaviour.delay_ms);
    }
    const target = behaviour.redirect?.[path];
    if (target) {
      res.writeHead(307, { location: target, 'cache-control': 'no-store' });
      res.end();
      return undefined;
    }
    if (path === '/.well-known/openid-configuration' && behaviour.discovery) {
      rewriteBody(res, (body) => {
        const json = JSON.parse(body);
        for (const [key, value] of Object.entries(behaviour.discovery)) {
          if (value === null) delete json[key]; else json[key] = value;
        }
        return JSON.stringify(json);
      });
    }
    if (path === '/.well-known/openid-configuration' && behaviour.discovery_issuer !== undefined) {
      rewriteBody(res, (body) => JSON.stringify({ ...JSON.parse(body), issuer: behaviour.discovery_issuer }));
    }
    if (path === '/token' && behaviour.id_token) {
      rewriteBody(res, async (body) => {
        const json = JSON.parse(body);
        if (json.id_token) json.id_token = await forgeIdToken(json.id_token, behaviour.id_token, signingJwk());
        return JSON.stringify(json);
      });
    }
    if (path === '/token' && !behaviour.no_refresh_expiry) {
      rewriteBody(res, (body) => {
        const json = JSON.parse(body);
        if (json.refresh_token && json.refresh_expires_in === undefined) {
          json.refresh_expires_in = REFRESH_TTL;
        }
        return JSON.stringify(json);
      });
    }
    if (path === '/token' && behaviour.drop_refresh_token) {
      rewriteBody(res, (body) => {
        const json = JSON.parse(body);
        delete json.refresh_token;
        delete json.id_token;
        return JSON.stringify(json);
      });
    }
    if (path === '/token' && behaviour.device_slow_down > 0) {
      rewriteBody(res, (body) => {
        const json = JSON.parse(body);
        if (json.error === 'authorization_pending' && behaviour.device_slow_down > 0) {
          behaviour.device_slow_down -= 1;
          return JSON.stringify({ ...json, error: 'slow_down', error_description: 'poll less often' });
        }
        return body;
      });
    }
    if (path === '/me' && behaviour.userinfo_sub !== undefined) {
      rewriteBody(res, (body) => JSON.stringify({ ...JSON.parse(body), sub: behaviour.userinfo_sub }));
    }
    if (behaviour.callback_iss !== undefined || behaviour.callback_state !== undefined) {
      rewriteLocation(res, behaviour);
    }
    return handler(req, res);
  };
}

// SPDX-License-Identifier: EUPL-1.2
// A small oidc-provider adapter that keeps everything in memory and, when given a
// file, writes it there after every change. With the same file, a restarted provider
// still knows the grants and refresh tokens it issued (the "provider restarts with a
// new signing key" test needs exactly that).
import fs from 'node:fs';

const grantable = new Set([
  'AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

// `lookups`: per model, a function from a presented value to the stored id (a
// Keycloak-shaped JWT access token -> the opaque token it wraps, keycloak.mjs).
export function createStore(file, lookups = {}) {
  let data = {};
  if (file && fs.existsSync(file)) {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  const now = () => Date.now();

  function save() {
    if (!file) return;
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, file);
  }
  function get(key) {
    const entry = data[key];
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= now()) {
      delete data[key];
      return undefined;
    }
    return entry.value;
  }
  function set(key, value, expiresIn) {
    data[key] = {
      value,
      expiresAt: typeof expiresIn === 'number' ? now() + expiresIn * 1000 : null,
    };
  }

  class FileAdapter {
    constructor(model) {
      this.model = model;
    }

    key(id) {
      return `${this.model}:${id}`;
    }

    async upsert(id, payload, expiresIn) {
      const key = this.key(id);
      if (this.model === 'Session') set(`sessionUid:${payload.uid}`, id, expiresIn);
      if (payload.userCode) set(`userCode:${payload.userCode}`, id, expiresIn);
      if (grantable.has(this.model) && payload.grantId) {
        const grantKey = `grant:${payload.grantId}`;
        const members = get(grantKey) ?? [];
        if (!members.includes(key)) members.push(key);
        set(grantKey, members, null);
      }
      set(key, payload, expiresIn);
      save();
    }

    async find(id) {
      const lookup = lookups[this.model];
      const found = lookup ? await lookup(id) : id;
      return found === undefined ? undefined : get(this.key(found));
    }

    async findByUid(uid) {
      const id = get(`sessionUid:${uid}`);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode(userCode) {
      const id = get(`userCode:${userCode}`);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id) {
      const entry = data[this.key(id)];
      if (entry) entry.value.consumed = Math.floor(now() / 1000);
      save();
    }

    async destroy(id) {
      delete data[this.key(id)];
      save();
    }

    async revokeByGrantId(grantId) {
      const grantKey = `grant:${grantId}`;
      for (const key of get(grantKey) ?? []) delete data[key];
      delete data[grantKey];
      save();
    }
  }

  return FileAdapter;
}

import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('starts with sensible defaults on the bundled database', () => {
    const result = loadConfig({}, '/srv/amiable');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      databaseUrl: null,
      dataDir: '/srv/amiable/data',
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:3000',
      cookieSecure: true,
      smtp: null,
      locale: 'fr',
    });
  });

  it('reports every bad variable at once, naming each, in French by default', () => {
    const result = loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', AMIABLE_WORKER: 'maybe', AMIABLE_COOKIE_SECURE: 'peut-être' }, '/');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.variable)).toEqual(['DATABASE_URL', 'PORT', 'AMIABLE_COOKIE_SECURE', 'AMIABLE_WORKER']);
    expect(result.problems[1]?.message).toBe('PORT="abc" doit être un numéro de port entre 1 et 65535');
  });

  it('speaks English when LANG asks for it, and never prints a password from a URL', () => {
    const result = loadConfig({ LANG: 'en_GB.UTF-8', SMTP_URL: 'http://user:secret@mail' }, '/');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toBe('SMTP_URL="http://***@mail" must be a smtp | smtps URL');
  });

  it('signs mail with DKIM only when the domain, the selector and the key are all given', () => {
    const all = loadConfig(
      { SMTP_URL: 'smtp://mail:25', SMTP_DKIM_DOMAIN: 'exemple.fr', SMTP_DKIM_SELECTOR: 's1', SMTP_DKIM_KEY_FILE: 'keys/dkim.pem' },
      '/srv/amiable',
    );
    expect(all.ok && all.value.smtp?.dkim).toEqual({
      domainName: 'exemple.fr',
      keySelector: 's1',
      privateKeyFile: '/srv/amiable/keys/dkim.pem',
    });
    const partial = loadConfig({ SMTP_URL: 'smtp://mail:25', SMTP_DKIM_DOMAIN: 'exemple.fr' }, '/');
    expect(partial.ok).toBe(false);
    if (partial.ok) return;
    expect(partial.problems.map((p) => p.variable)).toEqual(['SMTP_DKIM_SELECTOR']);
    expect(partial.problems[0]?.message).toContain('SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR et SMTP_DKIM_KEY_FILE vont ensemble');
  });

  it('does not send Secure cookies on plain http to a non-loopback host, where browsers would drop them', () => {
    const result = loadConfig({ AMIABLE_PUBLIC_URL: 'http://amiable.lan:3000' }, '/');
    expect(result.ok && result.value.cookieSecure).toBe(false);
    const https = loadConfig({ AMIABLE_PUBLIC_URL: 'https://amiable.example.com' }, '/');
    expect(https.ok && https.value.cookieSecure).toBe(true);
  });
});

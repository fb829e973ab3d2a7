/**
 * The SMTP mailer against a real SMTP server on loopback: the creditor's name as
 * sender with the configured address, Reply-To, the PDF attached, and a DKIM
 * signature for the configured domain and selector when a key is given.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../src/mailer.js';

let smtp: SMTPServer;
let port = 0;
let dir: string;
const raw: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'amiable-mailer-'));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        raw.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('the SMTP mailer', () => {
  it('sends from the creditor’s name, with Reply-To, the PDF attached and a DKIM signature', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = path.join(dir, 'dkim.pem');
    await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'Relances <relances@amiable.test>', 1, {
      domainName: 'amiable.test',
      keySelector: 'relances2026',
      privateKeyFile: keyFile,
    });
    const pdf = new TextEncoder().encode('%PDF-1.7 test');
    const sent = await mailer.send({
      to: 'compta@client.example',
      subject: 'Mise en demeure de payer',
      text: 'Bonjour',
      html: '<p>Bonjour</p>',
      messageId: '<case.step.2026-11-23@amiable.test>',
      fromName: 'Atelier Durand SARL',
      replyTo: 'claire.dubois@atelier-durand.fr',
      attachments: [{ filename: 'formal-notice.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    mailer.close();
    expect(sent.rejected).toEqual([]);
    expect(sent.response).toMatch(/^250/);
    expect(raw).toHaveLength(1);
    const message = raw[0] as string;
    expect(message).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=amiable\.test;\s+q=dns\/txt; s=relances2026;/m);
    const parsed = await simpleParser(message);
    expect(parsed.from?.value[0]).toEqual({ name: 'Atelier Durand SARL', address: 'relances@amiable.test' });
    expect(parsed.replyTo?.value[0]?.address).toBe('claire.dubois@atelier-durand.fr');
    expect(parsed.messageId).toBe('<case.step.2026-11-23@amiable.test>');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['formal-notice.pdf', 'application/pdf', '%PDF-1.7 test'],
    ]);
  });
});

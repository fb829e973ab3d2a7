/**
 * Outgoing e-mail. With SMTP_URL set, over SMTP (nodemailer); without, each
 * message is written as an .eml file in data/outbox so development needs no
 * mail server and nothing is silently dropped.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Stable Message-ID: a retried job sends the same message, which receivers can deduplicate. */
  readonly messageId: string;
  /** Shown as the sender's name (the creditor), with the configured sending address. */
  readonly fromName?: string | undefined;
  /** Where the debtor's answer goes: the person who follows the case. */
  readonly replyTo?: string | undefined;
  readonly attachments?: readonly { readonly filename: string; readonly content: Uint8Array; readonly contentType: string }[] | undefined;
}

/** What the server said it did with the message: a recipient refused after others were taken is recorded on the case. */
export interface SentMail {
  readonly rejected: readonly string[];
  readonly response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/**
 * SMTP with a pool of connections kept open (unless the URL says pool=false): a
 * connection per message costs a handshake each time, and recovery mornings send
 * thousands. Each message still gets its own transaction and Message-ID.
 */
/** The sender keeps the configured address (SPF, DKIM) and takes the creditor's name. */
function message(from: string, mail: OutgoingMail): SendMailOptions {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return {
    from: mail.fromName ? { name: mail.fromName, address } : from,
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.content),
      contentType: a.contentType,
    })),
  };
}

export function smtpMailer(
  url: string,
  from: string,
  maxConnections = 5,
  dkim: { domainName: string; keySelector: string; privateKeyFile: string } | null = null,
): Mailer {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  if (!parsed.searchParams.has('maxConnections')) parsed.searchParams.set('maxConnections', String(maxConnections));
  const transport = nodemailer.createTransport(parsed.toString(), {
    ...(dkim
      ? { dkim: { domainName: dkim.domainName, keySelector: dkim.keySelector, privateKey: readFileSync(dkim.privateKeyFile, 'utf8') } }
      : {}),
  });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(from, mail));
      return { rejected: (info.rejected ?? []).map(String), response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}

export function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(from, mail));
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9@.-]/g, '_')}.eml`;
      await writeFile(path.join(dir, name), info.message as Buffer);
      return { rejected: [], response: `written to ${name}` };
    },
    close: () => transport.close(),
  };
}

/**
 * Outgoing e-mail. With SMTP_URL set, over SMTP (nodemailer); without, each
 * message is written as an .eml file in data/outbox so development needs no
 * mail server and nothing is silently dropped.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Stable Message-ID: a retried job sends the same message, which receivers can deduplicate. */
  readonly messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * SMTP with a pool of connections kept open (unless the URL says pool=false): a
 * connection per message costs a handshake each time, and recovery mornings send
 * thousands. Each message still gets its own transaction and Message-ID.
 */
export function smtpMailer(url: string, from: string, maxConnections = 5): Mailer {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  if (!parsed.searchParams.has('maxConnections')) parsed.searchParams.set('maxConnections', String(maxConnections));
  const transport = nodemailer.createTransport(parsed.toString());
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
    },
    close: () => transport.close(),
  };
}

export function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9@.-]/g, '_')}.eml`;
      await writeFile(path.join(dir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

/** A real SMTP server on loopback for the worker's tests, and the worker configuration that sends to it. */
import { type Config, loadConfig } from '@amiable/config';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface LoopbackSmtp {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (a free port); every message received is parsed into `received`. */
export async function startLoopbackSmtp(received: ParsedMail[]): Promise<LoopbackSmtp> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => received.push(mail))
        .finally(() => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export function workerConfig(smtpUrl: string, extra: Record<string, string> = {}): Config {
  const config = loadConfig(
    { SMTP_URL: smtpUrl, MAIL_FROM: 'Relances <relances@amiable.test>', AMIABLE_PUBLIC_URL: 'https://amiable.example.com', ...extra },
    '/tmp',
  );
  if (!config.ok) throw new Error(JSON.stringify(config.problems));
  return config.value;
}

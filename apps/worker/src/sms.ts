/**
 * Outgoing SMS. No operator is wired yet: this development provider writes each
 * message to data/outbox/sms/<idempotency key>.txt — written once, a retry with the
 * same key finds the file and does not write a second message — so scenarios with
 * SMS steps can be tried end to end and nothing is silently dropped. An operator's
 * provider implements the same interface and passes the key on.
 */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';

export interface OutgoingSms {
  readonly to: string;
  readonly text: string;
  readonly idempotencyKey: string;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
}

export function fileSmsSender(dir: string): SmsSender {
  return {
    async send(sms) {
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${sms.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '_')}.txt`);
      try {
        const handle = await open(file, 'wx');
        await handle.writeFile(`To: ${sms.to}\n\n${sms.text}\n`);
        await handle.close();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // already sent under this key
      }
    },
  };
}

import { type AuthMail, authMailContent } from '@amiable/auth';
import type { Mailer } from '../mailer.js';

/** Sends an account e-mail (reset link, invitation). The job id makes the Message-ID stable across retries. */
export async function sendAuthEmail(
  payload: { mail: AuthMail },
  jobId: string,
  deps: { mailer: Mailer; publicUrl: string; mailDomain: string },
): Promise<void> {
  const content = authMailContent(payload.mail, deps.publicUrl);
  await deps.mailer.send({ to: payload.mail.to, ...content, messageId: `<auth-${jobId}@${deps.mailDomain}>` });
}

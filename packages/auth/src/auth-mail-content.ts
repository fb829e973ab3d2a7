import type { AuthMail } from './ports.js';

export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

function html(paragraphs: readonly string[], link: { href: string; label: string } | null): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const button = link
    ? `<p><a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 16px;background:#1c7ed6;color:#fff;border-radius:4px;text-decoration:none">${escapeHtml(link.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#222;max-width:560px">\n${body}\n${button}\n</body></html>`;
}

/** The e-mails about accounts, in the recipient's language. Links point at the web app. */
export function authMailContent(mail: AuthMail, publicUrl: string): MailContent {
  const fr = mail.locale === 'fr';
  switch (mail.kind) {
    case 'password-reset': {
      const href = `${publicUrl}/reset-password?token=${encodeURIComponent(mail.token)}`;
      const lines = fr
        ? [
            `Bonjour ${mail.displayName},`,
            'Vous avez demandé à réinitialiser votre mot de passe Amiable. Ce lien est valable une heure :',
            href,
            'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
          ]
        : [
            `Hello ${mail.displayName},`,
            'You asked to reset your Amiable password. This link is valid for one hour:',
            href,
            'If you did not ask for it, ignore this message: your password stays unchanged.',
          ];
      return {
        subject: fr ? 'Réinitialisation de votre mot de passe Amiable' : 'Reset your Amiable password',
        text: lines.join('\n\n'),
        html: html(
          lines.filter((l) => l !== href),
          { href, label: fr ? 'Choisir un nouveau mot de passe' : 'Choose a new password' },
        ),
      };
    }
    case 'invitation': {
      const href = `${publicUrl}/invitation?token=${encodeURIComponent(mail.token)}`;
      const lines = fr
        ? [
            `Bonjour ${mail.displayName},`,
            `${mail.invitedBy} vous invite à rejoindre ${mail.tenantName} sur Amiable. Choisissez votre mot de passe avec ce lien, valable 7 jours :`,
            href,
          ]
        : [
            `Hello ${mail.displayName},`,
            `${mail.invitedBy} invites you to join ${mail.tenantName} on Amiable. Choose your password with this link, valid for 7 days:`,
            href,
          ];
      return {
        subject: fr ? `Invitation à rejoindre ${mail.tenantName} sur Amiable` : `Invitation to join ${mail.tenantName} on Amiable`,
        text: lines.join('\n\n'),
        html: html(
          lines.filter((l) => l !== href),
          { href, label: fr ? 'Rejoindre' : 'Join' },
        ),
      };
    }
    case 'added-to-tenant': {
      const lines = fr
        ? [
            `Bonjour ${mail.displayName},`,
            `${mail.invitedBy} vous a ajouté(e) à ${mail.tenantName} sur Amiable. Connectez-vous avec votre mot de passe habituel : ${publicUrl}`,
          ]
        : [
            `Hello ${mail.displayName},`,
            `${mail.invitedBy} added you to ${mail.tenantName} on Amiable. Log in with your usual password: ${publicUrl}`,
          ];
      return {
        subject: fr ? `Accès à ${mail.tenantName} sur Amiable` : `Access to ${mail.tenantName} on Amiable`,
        text: lines.join('\n\n'),
        html: html(lines, null),
      };
    }
  }
}

import { describe, expect, it } from 'vitest';
import { composeLetter, defaultTemplate, renderLetterEmail } from '../src/index.js';
import { sample } from './samples.js';

describe('the e-mail version of a letter', () => {
  it('has the same facts as the letter, in HTML for phones and in plain text', async () => {
    const out = await composeLetter(sample('reminder'), { lang: 'fr' });
    if (!out.ok) throw new Error(JSON.stringify(out));
    const mail = renderLetterEmail(out.document);
    expect(mail.subject).toBe('Relance : factures échues');
    expect(mail.html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(mail.html).toContain('max-width:600px');
    expect(mail.html).toContain('F-2025-0187');
    expect(mail.html).toContain('<a href="https://pay.amiable.example/c/ATD2025BM01"');
    expect(mail.text).toContain('- F-2025-0187 (20/07/2025) : 1\u202f450,50\u00a0€');
    expect(mail.text).toContain('IBAN : FR76 3000 6000 0112 3456 7890 189');
    expect(mail.text).not.toContain('<');
  });

  it('escapes everything a template or the data could smuggle into HTML', async () => {
    const input = sample('reminder', (j) => {
      (j.debtor as Record<string, unknown>).name = '<img src=x onerror=alert(1)>';
    });
    const template = { ...defaultTemplate('reminder', 'fr'), opening: 'Bonjour {{debtorName}} <b>&</b>' };
    const out = await composeLetter(input, { lang: 'fr', template });
    if (!out.ok) throw new Error(JSON.stringify(out));
    const mail = renderLetterEmail(out.document);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('Bonjour &lt;img src=x onerror=alert(1)&gt; &lt;b&gt;&amp;&lt;/b&gt;');
  });
});

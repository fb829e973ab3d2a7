import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LETTER_VARIABLES, type TemplateData, parseTemplate, renderTemplate } from '../src/index.js';

const data: TemplateData = {
  debtorName: 'Dupont & <Fils>',
  isConsumer: false,
  totalDue: { cents: 123456, currency: 'EUR' },
  deadlineDate: '2026-12-01',
  invoices: [
    { number: 'F-1', outstanding: { cents: 100000, currency: 'EUR' }, dueDate: '2026-10-01' },
    { number: 'F-2', outstanding: { cents: 23456, currency: 'EUR' }, dueDate: '2026-10-15' },
  ],
};

function render(text: string, lang: 'fr' | 'en' = 'fr', escapeValue?: (t: string) => string) {
  const parsed = parseTemplate(text, LETTER_VARIABLES);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const out = renderTemplate(parsed.nodes, data, LETTER_VARIABLES, escapeValue ? { lang, escape: escapeValue } : { lang });
  if (!out.ok) throw new Error(out.code);
  return out;
}

describe('the placeholder language', () => {
  it('formats money and dates by type and language, with French no-break spaces', () => {
    expect(render('{{totalDue}} avant le {{deadlineDate}} ({{deadlineDate | short}})').text).toBe(
      '1\u202f234,56\u00a0€ avant le 1er décembre 2026 (01/12/2026)',
    );
    expect(render('{{totalDue}} by {{deadlineDate}}', 'en').text).toBe('€1,234.56 by 1 December 2026');
  });

  it('loops over invoices, tests conditions, and reports what it printed', () => {
    const out = render(
      '{{#each invoices}}[{{number}} {{outstanding}}]{{/each}}{{#if isConsumer}}C{{else}}B{{/if}}{{#unless isConsumer}}!{{/unless}}',
    );
    expect(out.text).toBe('[F-1 1\u202f000,00\u00a0€][F-2 234,56\u00a0€]B!');
    expect([...out.printed].sort()).toEqual(['invoices.number', 'invoices.outstanding']);
  });

  it('escapes every printed value for the sink, never the template text', () => {
    const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(render('<b>{{debtorName}}</b>', 'fr', html).text).toBe('<b>Dupont &amp; &lt;Fils&gt;</b>');
  });

  it('refuses prototypes, globals, code and unknown names, naming line and column', () => {
    const issues = (text: string) => {
      const parsed = parseTemplate(text, LETTER_VARIABLES);
      return parsed.ok ? [] : parsed.issues.map((i) => `${i.code}@${i.line}:${i.column}:${i.detail}`);
    };
    expect(issues('{{constructor}}')).toEqual(['unknown_variable@1:1:constructor']);
    expect(issues('a\n {{__proto__}}')).toEqual(['syntax@2:2:__proto__']);
    expect(issues('{{debtorName.constructor.name}}')).toEqual(['unknown_variable@1:1:debtorName.constructor.name']);
    expect(issues('{{process.env.HOME}}')).toEqual(['unknown_variable@1:1:process.env.HOME']);
    expect(issues('{{debtorName()}}')).toEqual(['syntax@1:1:debtorName()']);
    expect(issues('{{totalDue | money}}')).toEqual(['unknown_filter@1:1:money']);
    expect(issues('{{debtorName | short}}')).toEqual(['filter_mismatch@1:1:debtorName | short']);
    expect(issues('{{#each debtorName}}x{{/each}}')).toEqual(['not_a_list@1:1:debtorName']);
    expect(issues('{{#if isConsumer}}x')).toEqual(['unclosed_block@1:1:{{#if isConsumer}}']);
    expect(issues('x{{/each}}')).toEqual(['unexpected_close@1:2:{{/each}}']);
    expect(issues('Bonjour {{debtorName')).toEqual(['syntax@1:9:{{debtorName']);
    expect(issues('{{invoices}}')).toEqual(['list_as_text@1:1:invoices']);
  });

  it('prints PDF operators, HTML and template-looking values as literal text', () => {
    const hostile: TemplateData = { debtorName: '{{totalDue}} ) Tj /JavaScript <script>alert(1)</script>' };
    const parsed = parseTemplate('{{debtorName}}', LETTER_VARIABLES);
    if (!parsed.ok) throw new Error('parse');
    const out = renderTemplate(parsed.nodes, hostile, LETTER_VARIABLES, { lang: 'fr' });
    expect(out.ok && out.text).toBe('{{totalDue}} ) Tj /JavaScript <script>alert(1)</script>');
  });

  it('bounds the output: a million repetitions stop quickly with an error', () => {
    const many: TemplateData = { invoices: Array.from({ length: 1000 }, (_, i) => ({ number: `F-${i}` })) };
    const parsed = parseTemplate('{{#each invoices}}{{#each invoices}}{{number}}{{/each}}{{/each}}', LETTER_VARIABLES);
    if (!parsed.ok) throw new Error('parse');
    const started = performance.now();
    const out = renderTemplate(parsed.nodes, many, LETTER_VARIABLES, { lang: 'fr' });
    expect(out).toEqual({ ok: false, code: 'output_too_long' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never throws on arbitrary text: it parses or lists issues', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const parsed = parseTemplate(text, LETTER_VARIABLES);
        if (parsed.ok) expect(renderTemplate(parsed.nodes, data, LETTER_VARIABLES, { lang: 'fr' }).ok).toBe(true);
        else expect(parsed.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});

/**
 * The renderers with catalogue texts present. The catalogue files fill in as the checks' texts
 * are written; here `web.ts` is replaced by one entry, so the test does not depend on their state.
 */
import { describe, expect, it, vi } from 'vitest';
import { toHtml } from '../html/to-html.js';
import { toMarkdown } from '../markdown/to-markdown.js';
import { renderableReport } from '../test-support/render.js';

vi.mock('../messages/web.js', () => ({
  webMessages: {
    'web-https-http-hsts': {
      title: { nl: 'HSTS aangeboden', en: 'HSTS is offered' },
      failureTitle: { nl: 'HSTS niet in orde', en: 'HSTS is not in order' },
      explanation: { nl: 'HSTS dwingt HTTPS af.', en: 'HSTS makes browsers use HTTPS.' },
      advice: { nl: '- Zet max-age op 31536000.', en: '- Set max-age to 31536000.' },
      supplier: { nl: 'Zet HSTS aan met een max-age van een jaar.', en: 'Please enable HSTS with a max-age of one year.' },
      findings: { 'too-short': { nl: 'max-age te kort: {header}', en: 'max-age too short: {header}' } },
    },
  },
}));

describe('reports with catalogue texts', () => {
  const example = renderableReport('example.nl', '<b>300</b>');

  it('give the localised headline, findings, explanation, advice and supplier ask in Markdown', () => {
    const en = toMarkdown(example);
    expect(en).toContain('#### ❌ HSTS is not in order');
    expect(en).toContain('- max-age too short: \\<b\\>300\\</b\\> — example.nl (192.0.2.1:443)');
    expect(en).toContain('**Explanation**\n\nHSTS makes browsers use HTTPS.');
    // Advice that starts like a list item stays a paragraph.
    expect(en).toContain('**Advice**\n\n\\- Set max-age to 31536000.');
    expect(en).toContain('**Ask your supplier**\n\nPlease enable HSTS with a max-age of one year.');
    const nl = toMarkdown(example, { language: 'nl' });
    expect(nl).toContain('#### ❌ HSTS niet in orde');
    expect(nl).toContain('**Vraag uw leverancier**\n\nZet HSTS aan met een max-age van een jaar.');
  });

  it('give them in HTML too, escaped', () => {
    const html = toHtml(example, { language: 'nl' });
    expect(html).toContain('web-https-http-hsts</code></summary>');
    expect(html).toContain('HSTS niet in orde <code>');
    expect(html).toContain('<li>max-age te kort: &lt;b&gt;300&lt;/b&gt; — example.nl (192.0.2.1:443), example.nl ([2001:db8::1]:443)</li>');
    expect(html).toContain('<dt>Advies</dt><dd class="advice">- Zet max-age op 31536000.</dd>');
    expect(html).toContain('<dt>Vraag uw leverancier</dt><dd class="supplier">Zet HSTS aan met een max-age van een jaar.</dd>');
  });
});

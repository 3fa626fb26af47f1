import { readFileSync } from 'node:fs';
import { type AnyCheck, type CheckMeta, definePreset, internetnlCatalogue, type Preset } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { currentStatus, statusPath } from './current-status.js';
import { renderStatus } from './render-status.js';

// Built by hand, not with defineCheck: the renderer must refuse a claim defineCheck would refuse.
function preset(checks: readonly Omit<CheckMeta, 'title' | 'failureTitle' | 'references'>[]): Preset {
  const defined: AnyCheck[] = checks.map((meta) => ({
    ...meta,
    title: `${meta.id}.title`,
    failureTitle: `${meta.id}.failure-title`,
    references: [],
    probes: {},
    acceptsProbeErrors: false,
    evaluate: () => ({ status: 'pass', outcome: 'good' }),
  }));
  return definePreset({ id: 'fixture', title: 'fixture', checks: defined, probes: [] });
}

describe('docs/status.md', () => {
  it('is what `npm run status` writes from the code in this checkout', () => {
    const committed = readFileSync(statusPath, 'utf8').replaceAll('\r\n', '\n');
    expect(committed, 'docs/status.md is stale: run npm run status').toBe(currentStatus());
  });
});

describe('renderStatus', () => {
  it('counts claimed subtests, marks the rest planned and lists checks beyond Internet.nl', () => {
    const text = renderStatus({
      presets: [
        preset([
          { id: 'web-hsts', level: 'required', standard: 'hsts', internetnl: { name: 'web_https_http_hsts', category: 'web_https' } },
          { id: 'mail-mta-sts', level: 'optional', standard: 'starttls' },
        ]),
      ],
      catalogue: internetnlCatalogue,
    });
    expect(text).toContain('**1 of 76 Internet.nl subtests** have a pastoe check (web 1 of 38, mail 0 of 38).');
    expect(text).toContain('| `web_https_http_hsts` | required | `web-hsts` |');
    expect(text).toContain('| `web_dnssec_exist` | required | planned |');
    expect(text).toContain('| `mail-mta-sts` | starttls | optional |');
    expect(text).not.toContain('None yet.');
  });

  it('refuses a check that claims a subtest or category the catalogue lacks', () => {
    const render = (name: string, category: string) =>
      renderStatus({
        presets: [preset([{ id: 'web-x', level: 'required', standard: 'hsts', internetnl: { name, category } }])],
        catalogue: internetnlCatalogue,
      });
    expect(() => render('web_https_http_hstss', 'web_https')).toThrow(/web-x claims Internet.nl subtest web_https_http_hstss/);
    expect(() => render('web_https_http_hsts', 'web_tls')).toThrow(/category web_tls; the catalogue has web_https/);
  });
});

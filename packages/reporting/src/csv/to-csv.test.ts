import { describe, expect, it } from 'vitest';
import { parseCsv } from '../test-support/csv.js';
import { report, suiteVerdicts, verdict } from '../test-support/reports.js';
import { toCsv } from './to-csv.js';

describe('toCsv', () => {
  it('writes a row per domain with the scores, then a column per check in a stable order', () => {
    const first = report('a.nl', [verdict({ check: 'web-hsts', status: 'pass' }), verdict({ check: 'web-tls', status: 'fail' })]);
    const second = report('b.nl', [
      verdict({ check: 'web-caa', status: 'info', outcome: 'none' }),
      verdict({ check: 'web-tls', status: 'error' }),
      verdict({ check: 'web-hsts', status: 'warning' }),
    ]);
    const rows = parseCsv(toCsv([first, second]));
    expect(rows[0]).toEqual([
      'domain',
      'internetnl_web',
      'internetnl_mail',
      'streefbeeld',
      'streefbeeld_web',
      'streefbeeld_mail',
      'web-hsts',
      'web-tls',
      'web-caa',
    ]);
    // These checks have no Internet.nl name, so no policy scores them: score cells are empty.
    expect(rows[1]).toEqual(['a.nl', '', '', '', '', '', 'pass', 'fail', '']);
    expect(rows[2]).toEqual(['b.nl', '', '', '', '', '', 'warning', 'error', 'info']);
    expect(parseCsv(toCsv([first, second], { checkCell: 'status-outcome' }))[2]?.slice(6)).toEqual([
      'warning/bad',
      'error/bad',
      'info/none',
    ]);
    expect(toCsv([first, second])).toBe(toCsv([first, second]));
  });

  it("holds Internet.nl's percentages and the streefbeeld decisions", () => {
    const met = report('met.nl', suiteVerdicts('web'));
    const noHsts = report('nohsts.nl', suiteVerdicts('web', { web_https_http_hsts: 'fail' }));
    const both = report('both.nl', [...suiteVerdicts('web'), ...suiteVerdicts('mail', { mail_starttls_dane_valid: 'error' })]);
    const rows = parseCsv(toCsv([met, noHsts, both]));
    const header = rows[0] ?? [];
    const at = (row: string[] | undefined, column: string) => row?.[header.indexOf(column)];
    expect(rows.slice(1).map((row) => row.slice(0, 6))).toEqual([
      ['met.nl', expect.stringMatching(/^\d+$/), '', 'yes', 'yes', ''],
      ['nohsts.nl', expect.stringMatching(/^\d+$/), '', 'no', 'no', ''],
      // pastoe could not judge DANE: the mail suite is unknown, not no.
      ['both.nl', at(rows[1], 'internetnl_web'), expect.stringMatching(/^\d+$/), 'unknown', 'yes', 'unknown'],
    ]);
    expect(Number(at(rows[2], 'internetnl_web'))).toBeLessThan(Number(at(rows[1], 'internetnl_web')));
    expect(at(rows[2], 'web_https_http_hsts')).toBe('fail');
    expect(at(rows[1], 'mail_auth_spf_exist')).toBe('');
  });

  it('quotes hostile values and keeps a spreadsheet from running them as formulas', () => {
    const hostile = report("=cmd|' /C calc'!A0", [verdict({ check: 'x,"y"\r\nz', status: 'pass' })]);
    const text = toCsv([hostile, report('-1+1', []), report('@sum', [])]);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(4);
    expect(rows[0]?.[6]).toBe('x,"y"\r\nz');
    expect(rows.slice(1).map((row) => row[0])).toEqual(["'=cmd|' /C calc'!A0", "'-1+1", "'@sum"]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes only the header for no reports', () => {
    expect(toCsv([])).toBe('domain,internetnl_web,internetnl_mail,streefbeeld,streefbeeld_web,streefbeeld_mail\r\n');
  });
});

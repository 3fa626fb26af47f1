import { describe, expect, it } from 'vitest';
import { findingText, messageText } from './localize.js';
import { mailCommonFindings, mailMessages } from './mail.js';
import type { LocalText } from './types.js';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{([A-Za-z][A-Za-z0-9_-]*)\}/g)].map((match) => match[1] as string).sort();

/** Every text of the mail catalogue with the message id it is shown under. */
const allTexts: [string, LocalText][] = Object.entries(mailMessages).flatMap(([check, messages]) => [
  [`${check}.title`, messages.title],
  [`${check}.failure-title`, messages.failureTitle],
  [`${check}.explanation`, messages.explanation],
  [`${check}.advice`, messages.advice],
  [`${check}.supplier`, messages.supplier],
  ...Object.entries(messages.findings).map(([finding, text]): [string, LocalText] => [`${check}.${finding}`, text]),
]);

describe('mailMessages', () => {
  it('uses the same placeholders in Dutch and English, so neither language loses a detail', () => {
    const differing = allTexts.filter(([, text]) => placeholders(text.nl).join() !== placeholders(text.en).join()).map(([id]) => id);
    expect(differing).toEqual([]);
  });

  it("has no placeholders in a check's own texts, which are shown without finding parameters", () => {
    const withPlaceholders = allTexts
      .filter(([id]) => /\.(title|failure-title|explanation|advice|supplier)$/.test(id))
      .filter(([, text]) => placeholders(text.nl).length + placeholders(text.en).length > 0)
      .map(([id]) => id);
    expect(withPlaceholders).toEqual([]);
  });

  it('gives every check a headline for pass and for failure that differ and stay short', () => {
    for (const [check, messages] of Object.entries(mailMessages)) {
      for (const language of ['nl', 'en'] as const) {
        expect(messages.title[language], check).not.toBe(messages.failureTitle[language]);
        expect(messages.failureTitle[language].length, check).toBeLessThanOrEqual(80);
      }
    }
  });

  it('writes no Dutch text that is the English one', () => {
    expect(allTexts.filter(([, text]) => text.nl === text.en).map(([id]) => id)).toEqual([]);
  });
});

describe('mail findings', () => {
  it('fills a mail finding with its parameters in both languages', () => {
    const finding = { id: 'mail-auth-dmarc-policy.policy-none', params: { tag: 'sp' } };
    expect(findingText('mail-auth-dmarc-policy', finding, 'nl')).toContain('sp=none');
    expect(findingText('mail-auth-dmarc-policy', finding, 'en')).toContain('sp=none');
  });

  it('resolves the SPF existence finding that the SPF policy check passes on as its own', () => {
    const finding = { id: 'mail-auth-spf-exist.lookup-failed', params: { rcode: 'SERVFAIL' } };
    expect(findingText('mail-auth-spf-policy', finding, 'nl')).toBe(
      messageText('mail-auth-spf-exist.lookup-failed', 'nl', { rcode: 'SERVFAIL' }),
    );
    expect(findingText('mail-auth-spf-policy', finding, 'en')).toContain('SERVFAIL');
  });

  it('shares the no-mail-server situations across the checks that report them', () => {
    for (const check of [
      'mail-ipv6-mx-address',
      'mail-ipv6-mx-reach',
      'mail-dnssec-mx-exists',
      'mail-starttls-tls-available',
      'mail-mta-sts',
      'mail-tls-rpt',
    ]) {
      for (const situation of ['no-mx', 'null-mx', 'null-mx-with-other-mx', 'null-mx-without-a-aaaa']) {
        expect(messageText(`${check}.${situation}`, 'nl'), `${check}.${situation}`).toBe(messageText(`mail-tls-rpt.${situation}`, 'nl'));
      }
    }
  });

  it('keeps mailCommonFindings to dotted ids that no mail check owns', () => {
    for (const id of Object.keys(mailCommonFindings)) {
      expect(id).toContain('.');
      expect(Object.hasOwn(mailMessages, id.slice(0, id.indexOf('.')))).toBe(false);
    }
  });
});

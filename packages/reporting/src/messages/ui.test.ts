import { policies, verdictStatuses } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import { languages } from './types.js';
import { type UiTextId, ui, uiOr, uiText } from './ui.js';

describe('uiText', () => {
  it('has every word in Dutch and English, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z][A-Za-z0-9_-]*)\}/g)].map((match) => match[1]).sort();
    const problems: string[] = [];
    for (const [id, text] of Object.entries(uiText)) {
      for (const language of languages)
        if (typeof text[language] !== 'string' || text[language].trim() === '') problems.push(`${id}: no ${language}`);
      if (placeholders(text.nl).join() !== placeholders(text.en).join()) problems.push(`${id}: placeholders differ`);
    }
    expect(problems).toEqual([]);
  });

  it('names every verdict status, every category of the Internet.nl policy and every standard', () => {
    const ids = [
      ...verdictStatuses.map((status) => `status.${status}`),
      ...policies.internetnl.suites.flatMap((suite) => [
        `suite.${suite.id}`,
        `score.${suite.id}`,
        ...suite.categories.map((category) => `category.${category.id}`),
      ]),
      ...policies.streefbeeld.suites.flatMap((suite) => [
        `streefbeeld.${suite.id}`,
        ...suite.standards.map((standard) => `standard.${standard.standard}`),
      ]),
    ];
    expect(ids.filter((id) => !Object.hasOwn(uiText, id))).toEqual([]);
  });

  it('fills placeholders and falls back for ids built at run time', () => {
    expect(ui('check.more-findings', 'nl', { count: 3 })).toBe('en nog 3 bevindingen');
    expect(ui('report.title-domain' satisfies UiTextId, 'en', {})).toBe('pastoe report: {domain}');
    expect(uiOr('category.web_future', 'en', 'web_future')).toBe('web_future');
    expect(uiOr('category.web_https', 'nl', 'x')).toBe('Website: HTTPS');
  });
});

import type { FormResults } from '@kumiai/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { installMessages } from '../../i18n/lang.ts';
import { featureModules } from '../index.ts';
import { ResponseRate } from './ResponseRate.tsx';

function results(kind: FormResults['kind']): FormResults {
  return {
    formId: 'f1',
    title: '職場アンケート',
    kind,
    anonymous: false,
    audienceSize: 10,
    answered: 4,
    units: [{ unitId: 'u1', unitName: '本社分会', members: 10, answered: 4 }],
    released: null,
    fields: [],
    results: [],
  };
}

const render = (kind: FormResults['kind']): string => renderToStaticMarkup(createElement(ResponseRate, { results: results(kind) }));

describe('results figures', () => {
  beforeAll(() => installMessages(featureModules.map((m) => m.messages)));

  it('label an application form as applications, never a response rate', () => {
    const html = render('application');
    expect(html).toContain('申請数');
    expect(html).toContain('組織ごとの申請数');
    expect(html).toContain('申請した人');
    expect(html).toContain('4 人が申請');
    expect(html).not.toContain('回答');
  });

  it('still label a survey with its response rate', () => {
    const html = render('survey');
    expect(html).toContain('回答率');
    expect(html).toContain('組織ごとの回答率');
    expect(html).not.toContain('申請');
  });
});

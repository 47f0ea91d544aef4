import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../public/push-sw.js'), 'utf8');
const ORIGIN = 'https://kumiai.example';

interface FakeWindow {
  url: string;
  focus: () => Promise<FakeWindow>;
  navigate: (url: string) => Promise<FakeWindow>;
}

/** Runs client/public/push-sw.js against a fake service worker scope and returns its listeners and what they did. */
function worker(windows: { url: string; controlled: boolean }[] = [], language = 'ja-JP') {
  const listeners = new Map<string, (event: unknown) => void>();
  const log: string[] = [];
  const shown: { title: string; options: Record<string, unknown> }[] = [];
  const clients: FakeWindow[] = windows.map((w) => {
    const client: FakeWindow = {
      url: w.url,
      focus: async () => {
        log.push(`focus ${client.url}`);
        return client;
      },
      navigate: async (url: string) => {
        if (!w.controlled) throw new TypeError('not controlled');
        log.push(`navigate ${url}`);
        return client;
      },
    };
    return client;
  });
  const self = {
    location: { origin: ORIGIN },
    navigator: { language },
    addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn),
    registration: {
      showNotification: async (title: string, options: Record<string, unknown>) => {
        shown.push({ title, options });
      },
    },
    clients: {
      matchAll: async () => clients,
      openWindow: async (url: string) => {
        log.push(`open ${url}`);
        return null;
      },
    },
  };
  vm.runInNewContext(source, { self, URL });
  async function dispatch(type: string, event: object): Promise<void> {
    let work: Promise<unknown> = Promise.resolve();
    listeners.get(type)?.({ ...event, waitUntil: (p: Promise<unknown>) => (work = p) });
    await work;
  }
  return {
    shown,
    log,
    push: (data: unknown) => dispatch('push', { data: { json: () => (typeof data === 'string' ? JSON.parse(data) : data) as unknown } }),
    click: (url: unknown) => dispatch('notificationclick', { notification: { data: { url }, close: () => log.push('close') } }),
  };
}

describe('push-sw.js', () => {
  it('shows a notice with its title, a Japanese body, its tag, the icon and the url', async () => {
    const sw = worker();
    await sw.push({ type: 'notice', noticeId: 'n1', title: '臨時大会', url: '/notices/n1' });
    expect(sw.shown).toHaveLength(1);
    expect(sw.shown[0]).toMatchObject({ title: '臨時大会', options: { body: '新しいお知らせ', tag: 'n1', icon: '/icons/icon-192.png', data: { url: '/notices/n1' } } });
  });

  it('words a reminder as unread, in English for an English browser', async () => {
    const sw = worker([], 'en-US');
    await sw.push({ type: 'reminder', noticeId: 'n1', title: 'Meeting', url: '/notices/n1' });
    expect(sw.shown[0]?.options).toMatchObject({ body: 'You have an unread notice', tag: 'n1', renotify: true });
  });

  it('words an application change and a survey reminder, one notification per application or survey', async () => {
    const sw = worker();
    await sw.push({ type: 'application', applicationId: 'a1', title: '結婚祝金: 承認されました', url: '/submissions/a1' });
    await sw.push({ type: 'form', formId: 'f1', title: '職場アンケート', url: '/forms/f1' });
    expect(sw.shown.map((s) => [s.title, s.options.body, s.options.tag, s.options.renotify, s.options.data])).toEqual([
      ['結婚祝金: 承認されました', '申請', 'a1', true, { url: '/submissions/a1', noticeId: '', type: 'application' }],
      ['職場アンケート', 'アンケートへの回答をお願いします', 'f1', true, { url: '/forms/f1', noticeId: '', type: 'form' }],
    ]);
  });

  it('words each kind of meeting message, one notification per meeting, and a meeting message without a known reason generically', async () => {
    const sw = worker();
    for (const reason of ['remind', 'changed', 'cancelled', 'upcoming', 'other']) await sw.push({ type: 'meeting', reason, meetingId: 'm1', title: '定期大会', url: '/meetings/m1' });
    expect(sw.shown.map((s) => [s.options.body, s.options.tag])).toEqual([
      ['会議の出欠を回答してください', 'm1'],
      ['会議の日時・場所が変わりました', 'm1'],
      ['会議は中止になりました', 'm1'],
      ['24時間以内に始まる会議があります', 'm1'],
      ['会議のお知らせ', 'm1'],
    ]);
    const en = worker([], 'en-GB');
    await en.push({ type: 'meeting', reason: 'upcoming', meetingId: 'm1', title: 'Convention', url: '/meetings/m1' });
    expect(en.shown[0]?.options).toMatchObject({ body: 'A meeting starts within 24 hours', data: { url: '/meetings/m1', type: 'meeting' } });
  });

  it('words a consultation’s change without any of its content, one notification per case', async () => {
    const sw = worker();
    await sw.push({ type: 'consultation', caseId: 'c1', title: '相談窓口 / Consultation', url: '/consultations/c1' });
    expect(sw.shown.map((s) => [s.title, s.options.body, s.options.tag, s.options.data])).toEqual([
      ['相談窓口 / Consultation', '相談窓口から連絡があります', 'c1', { url: '/consultations/c1', noticeId: '', type: 'consultation' }],
    ]);
  });

  it('shows something sensible for a malformed message', async () => {
    const sw = worker();
    await sw.push('"not an object"');
    expect(sw.shown[0]).toMatchObject({ title: 'Kumiai 組合', options: { body: '新しいお知らせ', data: { url: '/' } } });
  });

  it('on a tap, focuses an open window of the app and navigates it to the notice', async () => {
    const sw = worker([{ url: `${ORIGIN}/`, controlled: true }]);
    await sw.click('/notices/n1');
    expect(sw.log).toEqual(['close', `focus ${ORIGIN}/`, `navigate ${ORIGIN}/notices/n1`]);
  });

  it('opens a new window when none is open, or when the open one cannot be navigated', async () => {
    const none = worker();
    await none.click('/notices/n1');
    expect(none.log).toEqual(['close', `open ${ORIGIN}/notices/n1`]);
    const uncontrolled = worker([{ url: `${ORIGIN}/me`, controlled: false }]);
    await uncontrolled.click('/notices/n1');
    expect(uncontrolled.log).toEqual(['close', `focus ${ORIGIN}/me`, `open ${ORIGIN}/notices/n1`]);
  });

  it('never opens another origin', async () => {
    for (const url of ['https://evil.example/notices/n1', '//evil.example/x', 'javascript:alert(1)']) {
      const sw = worker();
      await sw.click(url);
      expect(sw.log).toEqual(['close', `open ${ORIGIN}/`]);
    }
  });
});

import { useId, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useI18n } from '../../i18n/use-i18n.ts';
import { NoticeMarkdown } from './NoticeMarkdown.tsx';

/** The notice's Markdown with a preview through the same sanitised renderer the readers get (react-aria tabs: arrow keys move between 書く and プレビュー). */
export function BodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const { m } = useI18n();
  const id = useId();
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  return (
    <Tabs className="field stack" selectedKey={tab} onSelectionChange={(key) => setTab(key === 'preview' ? 'preview' : 'write')}>
      <TabList className="button-row" aria-label={m.notices.body}>
        <Tab id="write" className="button button-small body-tab" data-testid="notice-tab-write">
          {m.notices.write}
        </Tab>
        <Tab id="preview" className="button button-small body-tab" data-testid="notice-tab-preview">
          {m.notices.preview}
        </Tab>
      </TabList>
      <TabPanel id="preview" className="notice-preview" data-testid="notice-preview">
        {value.trim() ? <NoticeMarkdown text={value} /> : <p className="muted">{m.notices.previewEmpty}</p>}
      </TabPanel>
      <TabPanel id="write" className="stack">
        <label className="field-label" htmlFor={id}>
          {m.notices.body}
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {m.notices.bodyHint}
        </p>
        <textarea
          id={id}
          className="text-input notice-textarea"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={10}
          maxLength={100_000}
          aria-describedby={`${id}-hint`}
          data-testid="notice-body-input"
        />
      </TabPanel>
    </Tabs>
  );
}

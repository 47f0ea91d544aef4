import type { Audience } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { EnglishVersion } from '../../ui/EnglishVersion.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AudiencePicker } from '../../ui/AudiencePicker.tsx';
import { usePublishScope } from '../../ui/use-publish-scope.ts';
import { useAction } from '../../ui/use-action.ts';
import { useActor } from '../auth/index.ts';
import { createFolder } from './documents-api.ts';

const noOne: Audience = { all: false, units: [], roles: [], members: [] };
const everyone: Audience = { all: true, units: [], roles: [], members: [] };

/**
 * Officers add a folder to the library (POST /api/folders), for an audience
 * within their scope (the whole union by default for those who may address it);
 * it reaches the list through sync.
 */
export function AddFolderForm() {
  const { m } = useI18n();
  const scope = usePublishScope(useActor());
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [chosen, setChosen] = useState<Audience | null>(null);
  const [missing, setMissing] = useState<'name' | 'audience' | null>(null);
  const { busy, error, onSubmit } = useAction();
  const [added, setAdded] = useState<string | null>(null);
  const audience = chosen ?? (scope.wholeUnion ? everyone : noOne);

  const submit = onSubmit(async () => {
    setAdded(null);
    const trimmed = name.trim();
    if (!trimmed) return setMissing('name');
    const target = audience.all ? everyone : audience;
    if (!target.all && target.units.length === 0 && target.roles.length === 0) return setMissing('audience');
    setMissing(null);
    await createFolder({ name: trimmed, ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}), audience: target });
    setAdded(trimmed);
    setName('');
    setNameEn('');
  });

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="add-folder-title" data-testid="folder-form">
      <h2 id="add-folder-title">{m.documents.addFolder}</h2>
      <ErrorAlert code={error} testId="folder-error" />
      <TextField label={m.documents.folderName} value={name} onValueChange={setName} maxLength={100} required error={missing === 'name' ? m.common.required : null} data-testid="folder-name-input" />
      <EnglishVersion hasEnglish={false} testId="folder-english">
        <TextField label={m.english.folderName} lang="en" value={nameEn} onValueChange={setNameEn} maxLength={100} data-testid="folder-name-en-input" />
      </EnglishVersion>
      <AudiencePicker value={audience} onChange={setChosen} units={scope.units} wholeUnion={scope.wholeUnion} />
      {missing === 'audience' ? (
        <p className="field-error" role="alert" data-testid="folder-audience-error">
          {m.notices.audienceNone}
        </p>
      ) : null}
      <button type="submit" className="button button-large" disabled={busy} aria-busy={busy} data-testid="folder-add">
        {busy ? m.common.sending : m.documents.addFolder}
      </button>
      <p role="status" data-testid="folder-added">
        {added === null ? '' : `${m.documents.folderAdded} ${added}`}
      </p>
    </form>
  );
}

import { useId } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { setContrast, useDisplaySettings } from './display.ts';

/** A native checkbox exposed as a switch: its state is announced as on/off. */
export function ContrastToggle() {
  const { m } = useI18n();
  const { contrast } = useDisplaySettings();
  const id = useId();
  return (
    <div className="switch-field">
      <label className="switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          data-testid="contrast-toggle"
          checked={contrast === 'high'}
          onChange={(e) => setContrast(e.target.checked ? 'high' : 'normal')}
          aria-describedby={`${id}-hint`}
        />
        <span className="field-label">{m.settings.contrast}</span>
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {m.settings.contrastHint}
      </p>
    </div>
  );
}

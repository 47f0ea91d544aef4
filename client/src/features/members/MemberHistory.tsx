import { useI18n } from '../../i18n/use-i18n.ts';
import type { UnitTree } from '../units/index.ts';
import type { MemberEvent } from './members-api.ts';
import { formatDate, formatIsoDay } from '../../ui/dates.ts';

function isStatus(s: string | null): s is 'active' | 'on_leave' | 'left' {
  return s === 'active' || s === 'on_leave' || s === 'left';
}

/** Join, transfer, status changes and edits, oldest first, as the server recorded them. */
export function MemberHistory({ history, tree }: { history: MemberEvent[]; tree: UnitTree }) {
  const { m, lang } = useI18n();
  const unit = (id: string | null) => (id ? (tree.get(id)?.name ?? '—') : '—');
  const status = (s: string | null) => (isStatus(s) ? m.status[s] : '—');
  const kindLabel = (kind: string) => (kind in m.history ? m.history[kind as keyof typeof m.history] : kind);
  return (
    <div className="stack">
      <h2>{m.members.historyTitle}</h2>
      {history.length === 0 ? (
        <p className="muted">{m.members.noHistory}</p>
      ) : (
        <ol className="row-list" data-testid="member-history">
          {history.map((event, i) => (
            <li key={i} className="row-item">
              <span className="row-title">{kindLabel(event.kind)}</span>
              <span className="muted">
                {event.effective_on ? formatIsoDay(event.effective_on, lang) : formatDate(event.at, lang)}
                {event.kind === 'transferred' ? ` · ${unit(event.from_unit)} → ${unit(event.to_unit)}` : ''}
                {event.kind === 'joined' ? ` · ${unit(event.to_unit)}` : ''}
                {event.kind === 'status_changed' ? ` · ${status(event.from_status)} → ${status(event.to_status)}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

import { ANONYMOUS_RESULTS_MIN } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';

/** What an anonymous survey's results may show now. */
export interface AnonymousRelease {
  /** The answers the results cover: all of them once closed, else the released ones. */
  answers: string[];
  /** Per unit "has answered" counts as of the last release (live once closed); null before the first release. */
  unitAnswered: Map<string, number> | null;
  /** How many answers the results cover while the survey is open; null once it has closed (everything shows). */
  released: number | null;
}

/**
 * Batched release of an anonymous survey's results, so that comparing two
 * looks at the results (before and after one member answered) never singles
 * out that member's text, choices or unit. While the survey is open, the
 * answers waiting are released together only once at least
 * ANONYMOUS_RESULTS_MIN of them wait; the per-unit counts are frozen at the
 * same moment. When the survey has closed, no answer can arrive any more and
 * everything shows. Called on read (results, CSV); the release is one
 * transaction, so two officers looking at once see the same batch.
 */
export function anonymousRelease(db: Db, formId: string, open: boolean, liveUnitAnswered: () => Map<string, number>): AnonymousRelease {
  const all = () => db.prepare('SELECT answers FROM survey_answers_anon WHERE form_id = ? ORDER BY id').pluck().all(formId) as string[];
  if (!open) return { answers: all(), unitAnswered: liveUnitAnswered(), released: null };
  return db
    .transaction((): AnonymousRelease => {
      const waiting = db.prepare('SELECT count(*) FROM survey_answers_anon WHERE form_id = ? AND released = 0').pluck().get(formId) as number;
      if (waiting >= ANONYMOUS_RESULTS_MIN) {
        db.prepare('UPDATE survey_answers_anon SET released = 1 WHERE form_id = ? AND released = 0').run(formId);
        const total = db.prepare('SELECT count(*) FROM survey_answers_anon WHERE form_id = ?').pluck().get(formId) as number;
        db.prepare('INSERT INTO survey_releases (form_id, answers, units) VALUES (?, ?, ?) ON CONFLICT (form_id) DO UPDATE SET answers = excluded.answers, units = excluded.units').run(
          formId,
          total,
          JSON.stringify(Object.fromEntries(liveUnitAnswered())),
        );
      }
      const release = db.prepare('SELECT answers, units FROM survey_releases WHERE form_id = ?').get(formId) as { answers: number; units: string } | undefined;
      if (!release) return { answers: [], unitAnswered: null, released: 0 };
      const answers = db.prepare('SELECT answers FROM survey_answers_anon WHERE form_id = ? AND released = 1 ORDER BY id').pluck().all(formId) as string[];
      return { answers, unitAnswered: new Map(Object.entries(JSON.parse(release.units) as Record<string, number>)), released: answers.length };
    })
    .immediate();
}

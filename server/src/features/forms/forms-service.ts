import { randomUUID } from 'node:crypto';
import { formInputProblems, type Actor, type Audience, type FormInput } from '@kumiai/shared';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireOffice } from '../../lib/access.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import { formRecord, type FormRow, type FormsRepo } from './forms-repo.ts';

const invalid = (message: string, problems: { field: string; code: string }[] = []) => new AppError('form_invalid', 400, message, undefined, { problems });

/**
 * Surveys and application templates: officers create them for an audience
 * within their form.manage scope; editing a published form's fields or chain
 * adds a version, so answers given earlier stay valid under their own.
 */
export class FormsService {
  constructor(
    private readonly actors: ActorRepo,
    private readonly repo: FormsRepo,
    private readonly mutate: Mutate,
  ) {}

  /** The definition rules live in shared/src/forms/definition.ts. */
  private checkDefinition(input: FormInput): void {
    const problems = formInputProblems(input);
    if (problems.length > 0) throw invalid(problems[0]!.message, problems.map(({ field, code }) => ({ field, code })));
  }

  private checkAudience(actor: Actor, audience: Audience): void {
    for (const unit of audience.units) if (this.actors.unitPath(unit).length === 0) throw notFound(`No such unit ${unit}`);
    if (!this.actors.mayPublishTo(actor, audience, 'form.manage')) throw new AppError('forbidden', 403, 'You can address forms only to units and members within your own scope');
  }

  /** The author, or an officer whose form.manage scope covers the whole audience (seeded templates: union-wide); shared/src/access.ts. */
  private managed(actor: Actor, id: string): FormRow {
    return requireOffice(actor, this.repo.form(id), formRecord, (audience) => this.actors.mayPublishTo(actor, audience, 'form.manage'));
  }

  create(actor: Actor, input: FormInput): { id: string; version: number } {
    this.checkDefinition(input);
    this.checkAudience(actor, input.audience);
    const id = randomUUID();
    return this.mutate(actor, { checks: [], audit: { action: 'form.created', target: id, detail: { kind: input.kind, title: input.title } } }, (now) => {
      this.repo.insertForm(id, input, actor.memberId, now);
      this.repo.insertVersion(id, 1, input, actor.memberId, now);
      return { id, version: 1 };
    });
  }

  /**
   * A survey another feature creates in this officer's name for an audience it already checked
   * (a federation's unified action, released as a notice the officer may publish to that audience):
   * the definition is checked, the audience's units must exist.
   */
  createChecked(actor: Actor, input: FormInput): { id: string; version: number } {
    this.checkDefinition(input);
    for (const unit of input.audience.units) if (this.actors.unitPath(unit).length === 0) throw notFound(`No such unit ${unit}`);
    const id = randomUUID();
    return this.mutate(actor, { checks: [], audit: { action: 'form.created', target: id, detail: { kind: input.kind, title: input.title } } }, (now) => {
      this.repo.insertForm(id, input, actor.memberId, now);
      this.repo.insertVersion(id, 1, input, actor.memberId, now);
      return { id, version: 1 };
    });
  }

  update(actor: Actor, id: string, input: FormInput): { id: string; version: number } {
    const row = this.managed(actor, id);
    if (input.kind !== row.kind) throw invalid('A form’s kind does not change', [{ field: '', code: 'kind' }]);
    this.checkDefinition(input);
    this.checkAudience(actor, input.audience);
    const answered = this.repo.submissionCount(id) > 0;
    if (answered && input.anonymous !== (row.anonymous === 1)) throw invalid('Whether answers are anonymous cannot change once answers exist', [{ field: '', code: 'anonymous' }]);
    const current = this.repo.version(id, row.version);
    const changed = !current || JSON.stringify(current.fields) !== JSON.stringify(input.fields) || JSON.stringify(current.steps) !== JSON.stringify(input.steps);
    // Answers' versions would split an anonymous survey's answerers into "before" and "after" the edit, which their marks' times could narrow down.
    if (changed && answered && row.anonymous === 1) throw invalid('An anonymous survey’s questions cannot change once answers exist', [{ field: '', code: 'anonymous_answered' }]);
    // A form nobody could answer yet is edited in place; once published (or answered) its versions are kept.
    const newVersion = changed && (row.status !== 'draft' || answered);
    const version = newVersion ? row.version + 1 : row.version;
    return this.mutate(actor, { checks: [], audit: { action: 'form.updated', target: id, detail: { version, title: input.title } } }, (now) => {
      if (newVersion) this.repo.insertVersion(id, version, input, actor.memberId, now);
      else if (changed) this.repo.replaceVersion(id, version, input, actor.memberId, now);
      this.repo.updateForm(id, input, version, now);
      return { id, version };
    });
  }

  archive(actor: Actor, id: string): { id: string } {
    this.managed(actor, id);
    return this.mutate(actor, { checks: [], audit: { action: 'form.archived', target: id } }, (now) => {
      this.repo.archiveForm(id, now);
      return { id };
    });
  }
}

import { describe, expect, it } from 'vitest';
import { electionStates, type ElectionQuestion } from './api.ts';
import { candidatePhotos, mayReadCandidates } from './photos.ts';

describe('who may see the candidates and their photos', () => {
  it.each(electionStates)('state %s: the commission always; a member on the roll unless draft; nobody else', (state) => {
    expect(mayReadCandidates({ commission: true, onRoll: false }, state)).toBe(true);
    expect(mayReadCandidates({ commission: false, onRoll: true }, state)).toBe(state !== 'draft');
    expect(mayReadCandidates({ commission: false, onRoll: false }, state)).toBe(false);
  });
});

describe('candidatePhotos', () => {
  it('lists the photos of every question with the candidate’s name, skipping candidates without one', () => {
    const q = (id: string, options: ElectionQuestion['options']): ElectionQuestion => ({ id, kind: 'officer', title: id, options, threshold: 'simple', base: 'valid', tie: 'lot' });
    const questions = [q('chair', [{ id: 'a', name: '青木', photo: 'h1' }, { id: 'b', name: '馬場' }]), q('audit', [{ id: 'e', name: '遠藤', photo: 'h2' }])];
    expect(candidatePhotos({ questions })).toEqual([
      { hash: 'h1', name: '青木' },
      { hash: 'h2', name: '遠藤' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { VoterElection } from '@kumiai/shared';
import { photosToKeep, photoShelf } from './photos.ts';

const election = (id: string, photos: (string | undefined)[]): VoterElection =>
  ({
    id,
    questions: [{ id: 'q', kind: 'officer', title: '役員', options: photos.map((photo, i) => ({ id: `o${i}`, name: `候補${i}`, ...(photo ? { photo } : {}) })), threshold: 'simple', base: 'valid', tie: 'lot' }],
  }) as unknown as VoterElection; // only the questions matter here

describe('candidate photos kept on the device', () => {
  it('keeps each photo of every election once, and none for candidates without one', () => {
    expect(photosToKeep([election('e1', ['h1', undefined, 'h2']), election('e2', ['h2', 'h3'])])).toEqual(['h1', 'h2', 'h3']);
    expect(photosToKeep([election('e1', [undefined])])).toEqual([]);
  });

  it('on a shelf of their own per member, apart from notice attachments', () => {
    expect(photoShelf('m1')).toBe('kumiai-files-m1/elections');
    expect(photoShelf('m1')).not.toBe(photoShelf('m2'));
  });
});

import { describe, expect, it } from 'vitest';
import { participationSource } from './participation.ts';

describe('participationSource', () => {
  it('reports the typed count over the app answers, else the app answers, else nothing', () => {
    expect(participationSource({ participation: 37, appAnswers: 12 })).toEqual({ reported: 37, from: 'typed' });
    expect(participationSource({ participation: 0, appAnswers: 12 })).toEqual({ reported: 0, from: 'typed' });
    expect(participationSource({ participation: null, appAnswers: 12 })).toEqual({ reported: 12, from: 'app' });
    expect(participationSource({ participation: null, appAnswers: 0 })).toEqual({ reported: 0, from: 'app' });
    expect(participationSource({ participation: null, appAnswers: null })).toEqual({ reported: null, from: null });
  });
});

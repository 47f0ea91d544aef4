import { describe, expect, it } from 'vitest';
import { AddressAdmission } from './admission.ts';

describe('AddressAdmission', () => {
  it('caps open sockets and the rate of new ones per address, refills with time, and forgets idle addresses', () => {
    let now = 0;
    const admission = new AddressAdmission({ maxOpen: 3, perSecond: 2, burst: 4 }, () => now);
    const open = (address: string) => {
      const answer = admission.admit(address);
      if (answer === 'ok') admission.opened(address);
      return answer;
    };
    expect([open('a'), open('a'), open('a'), open('a')]).toEqual(['ok', 'ok', 'ok', 'too_many']);
    expect(open('b')).toBe('ok');
    admission.closed('a');
    expect(open('a')).toBe('ok'); // the 4th token of the burst
    admission.closed('a');
    expect(open('a')).toBe('too_fast'); // room, but no token left
    now += 500; // one token back (2 a second)
    expect(open('a')).toBe('ok');
    for (let i = 0; i < 3; i++) admission.closed('a');
    admission.closed('b');
    admission.sweep();
    expect(admission.size).toBe(1); // b's bucket has refilled; a's has not
    now += 10_000;
    admission.sweep();
    expect(admission.size).toBe(0);
    expect(admission.hasRoom('a')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { readCheckinCode } from './invitees.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe('reading an attendance QR on the device', () => {
  it('names the meeting and the member of a KM1 code (the server checks its MAC)', () => {
    expect(readCheckinCode(`KM1.${b64('meeting-1')}.${b64('member-ä')}.${'A'.repeat(43)}`)).toEqual({ meetingId: 'meeting-1', memberId: 'member-ä' });
  });

  it('reads nothing from other texts', () => {
    for (const text of ['', 'https://example.org', `KM2.${b64('m')}.${b64('x')}.mac`, `KM1.${b64('m')}.mac`, 'KM1.%%%.@@@.mac', `KM1.${b64('m')}..mac`]) expect(readCheckinCode(text), text).toBeNull();
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dashboardLink, signDashboardToken, verifyDashboardToken } from '../../adapters/web/dashboard-link.js';

const SECRET = 'unit-secret-unit-secret-unit-secret-unit-secret';
const NOW = DateTime.fromISO('2026-11-18T12:00:00Z', { zone: 'utc' });
const PERSON = 'slack:T1:U0LEADER';

describe('signed dashboard links', () => {
  it('a fresh link names its person until it expires, 12 hours later', () => {
    const token = signDashboardToken(SECRET, PERSON, NOW);
    expect(verifyDashboardToken(SECRET, token, NOW)).toEqual({ person: PERSON, expiresAt: NOW.plus({ hours: 12 }).toSeconds() });
    expect(verifyDashboardToken(SECRET, token, NOW.plus({ hours: 11, minutes: 59 }))?.person).toBe(PERSON);
    expect(verifyDashboardToken(SECRET, token, NOW.plus({ hours: 12 }))).toBeNull();
  });

  it('another secret, a changed payload or a changed signature is refused', () => {
    const token = signDashboardToken(SECRET, PERSON, NOW);
    const [payload = '', signature = ''] = token.split('.');
    expect(verifyDashboardToken(`${SECRET}x`, token, NOW)).toBeNull();
    const otherPerson = Buffer.from(JSON.stringify({ p: 'slack:T1:UHR', e: NOW.plus({ hours: 12 }).toSeconds() })).toString('base64url');
    expect(verifyDashboardToken(SECRET, `${otherPerson}.${signature}`, NOW)).toBeNull();
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(verifyDashboardToken(SECRET, `${payload}.${flipped}`, NOW)).toBeNull();
    for (const junk of ['', '.', 'abc', `${payload}.${signature}.x`, `${payload}.`]) expect(verifyDashboardToken(SECRET, junk, NOW)).toBeNull();
  });

  it('the link is the public address with the token escaped', () => {
    expect(dashboardLink('https://pulse.example.com', 'a.b')).toBe('https://pulse.example.com/dashboard?t=a.b');
  });
});

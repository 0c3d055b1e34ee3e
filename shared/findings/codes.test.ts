import { describe, expect, it } from 'vitest';
import { codesIn, FINDING_CODES, FINDING_GROUPS, FINDING_META, inGroup } from './codes';

describe('finding code groups, declared once in FINDING_META', () => {
  it('every group has members and codesIn agrees with each entry', () => {
    for (const g of FINDING_GROUPS) {
      const members = codesIn(g);
      expect(members.size, g).toBeGreaterThan(0);
      for (const c of FINDING_CODES) expect(members.has(c), `${g} ${c}`).toBe(inGroup(c, g));
    }
  });

  it('the login groups nest: password ⊂ account-auth ⊂ auth, all auth-stage errors', () => {
    for (const c of codesIn('password')) expect(codesIn('account-auth').has(c), c).toBe(true);
    for (const c of codesIn('account-auth')) expect(codesIn('auth').has(c), c).toBe(true);
    for (const c of codesIn('auth')) expect([FINDING_META[c].stage, FINDING_META[c].severity]).toEqual(['auth', 'error']);
  });

  it('no-connection is the TCP stage failures, sending is SMTP policy plus the blocked port', () => {
    for (const c of codesIn('no-connection')) expect(FINDING_META[c].stage, c).toBe('tcp');
    for (const c of codesIn('sending')) expect(['smtp-policy', 'tcp'], c).toContain(FINDING_META[c].stage);
    expect(codesIn('sending').has('PORT25_BLOCKED')).toBe(true);
  });
});

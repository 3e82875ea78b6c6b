import fc from 'fast-check';
import { kkProblem, nikWarnings as serverWarnings, parseNik } from '../../apps/registration/src/accounts/identity-numbers';
import { checkKk, checkNik, nikWarnings } from '../../apps/portal/src/lib/identity-numbers';

/** The portal mirrors registration's NIK/KK rules without importing them: both must say the same of any number. */
describe('the portal checks NIK and KK as registration does', () => {
  const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 16 }).map((d) => d.join(''));
  // Numbers near valid ones too: a real province, a day/month that may or may not exist.
  const plausible = fc
    .tuple(
      fc.constantFrom('11', '32', '33', '73', '91', '20', '99'),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 75 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 9999 }),
    )
    .map(([p, r, d, day, m, y, s]) => p + [r, d, day, m, y].map((n) => String(n).padStart(2, '0')).join('') + String(s).padStart(4, '0'));
  const numbers = fc.oneof(digits, plausible, fc.string({ maxLength: 18 }));

  it('accepts and refuses the same NIKs, for the same reason', () => {
    fc.assert(
      fc.property(numbers, (nik) => {
        const server = parseNik(nik);
        const portal = checkNik(nik);
        expect(portal.ok ? 'ok' : portal.problem).toBe(server.ok ? 'ok' : server.problem);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts and refuses the same KKs', () => {
    fc.assert(
      fc.property(numbers, (kk) => expect(checkKk(kk)).toBe(kkProblem(kk))),
      { numRuns: 2000 },
    );
  });

  it('warns of the same birth date and gender disagreements', () => {
    const stated = fc.record({
      dateOfBirth: fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      gender: fc.constantFrom<'F' | 'M'>('F', 'M'),
    });
    fc.assert(
      fc.property(plausible, stated, (nik, who) => {
        const server = parseNik(nik);
        const portal = checkNik(nik);
        if (!server.ok || !portal.ok) return;
        expect(nikWarnings(portal.facts, who)).toEqual(serverWarnings(server.nik, who).map((w) => w.code));
      }),
      { numRuns: 2000 },
    );
  });
});

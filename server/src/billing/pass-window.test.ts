import { describe, expect, it } from 'vitest';
import { coveredUntil, passWindow, rechainQueued, seatReturnable } from './pass-window.js';

const NOW = new Date('2030-01-10T12:00:00.000Z');
const pass = (startsAt: string, expiresAt: string, revokedAt: string | null = null) => ({ startsAt, expiresAt, revokedAt });

describe('passWindow: a new pass starts when the last one ends', () => {
  it.each([
    ['no passes: starts now', [], 7, '2030-01-10T12:00:00.000Z', '2030-01-17T12:00:00.000Z'],
    ['an active pass: starts at its end', [pass('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z')], 1, '2030-01-12T00:00:00.000Z', '2030-01-13T00:00:00.000Z'],
    [
      'an active and a queued pass: starts after the queued one',
      [pass('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z'), pass('2030-01-12T00:00:00.000Z', '2030-01-19T00:00:00.000Z')],
      30,
      '2030-01-19T00:00:00.000Z',
      '2030-02-18T00:00:00.000Z',
    ],
    ['an expired pass: starts now', [pass('2030-01-01T00:00:00.000Z', '2030-01-08T00:00:00.000Z')], 1, '2030-01-10T12:00:00.000Z', '2030-01-11T12:00:00.000Z'],
    ['a revoked pass does not count', [pass('2030-01-09T00:00:00.000Z', '2030-01-30T00:00:00.000Z', '2030-01-09T01:00:00.000Z')], 1, '2030-01-10T12:00:00.000Z', '2030-01-11T12:00:00.000Z'],
  ])('%s', (_name, existing, days, startsAt, expiresAt) => {
    expect(passWindow(existing, NOW, days)).toEqual({ startsAt, expiresAt });
  });
});

describe('coveredUntil: the end of the unbroken run of passes', () => {
  it.each([
    ['nothing active', [pass('2030-01-11T00:00:00.000Z', '2030-01-12T00:00:00.000Z')], null],
    ['one active pass', [pass('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z')], '2030-01-12T00:00:00.000Z'],
    [
      'a queued pass right after extends it',
      [pass('2030-01-12T00:00:00.000Z', '2030-01-19T00:00:00.000Z'), pass('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z')],
      '2030-01-19T00:00:00.000Z',
    ],
    [
      'a later pass after a gap does not',
      [pass('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z'), pass('2030-01-13T00:00:00.000Z', '2030-01-19T00:00:00.000Z')],
      '2030-01-12T00:00:00.000Z',
    ],
    [
      'a revoked link breaks the run',
      [
        pass('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z'),
        pass('2030-01-12T00:00:00.000Z', '2030-01-19T00:00:00.000Z', '2030-01-10T00:00:00.000Z'),
        pass('2030-01-19T00:00:00.000Z', '2030-01-20T00:00:00.000Z'),
      ],
      '2030-01-12T00:00:00.000Z',
    ],
  ])('%s', (_name, passes, expected) => {
    expect(coveredUntil(passes, NOW)).toBe(expected);
  });
});

describe('rechainQueued: after a revocation, the passes queued behind move up and keep their length', () => {
  let n = 0;
  const p = (startsAt: string, expiresAt: string, revokedAt: string | null = null) => ({
    id: `pas_${++n}`,
    createdAt: `2030-01-01T00:00:0${n % 10}.000Z`,
    startsAt,
    expiresAt,
    revokedAt,
  });
  const REVOKED = '2030-01-10T12:00:00.000Z';

  it('the running pass is revoked: the queued ones start now, back to back', () => {
    const running = p('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z', REVOKED);
    const week = p('2030-01-12T00:00:00.000Z', '2030-01-19T00:00:00.000Z');
    const day = p('2030-01-19T00:00:00.000Z', '2030-01-20T00:00:00.000Z');
    expect(rechainQueued([day, running, week], NOW)).toEqual([
      { id: week.id, startsAt: '2030-01-10T12:00:00.000Z', expiresAt: '2030-01-17T12:00:00.000Z' },
      { id: day.id, startsAt: '2030-01-17T12:00:00.000Z', expiresAt: '2030-01-18T12:00:00.000Z' },
    ]);
  });

  it('a queued pass in the middle is revoked: the one after it closes the gap behind the running pass', () => {
    const running = p('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z');
    const revoked = p('2030-01-12T00:00:00.000Z', '2030-01-19T00:00:00.000Z', REVOKED);
    const last = p('2030-01-19T00:00:00.000Z', '2030-02-18T00:00:00.000Z');
    expect(rechainQueued([running, revoked, last], NOW)).toEqual([
      { id: last.id, startsAt: '2030-01-12T00:00:00.000Z', expiresAt: '2030-02-11T00:00:00.000Z' },
    ]);
  });

  it('the last queued pass is revoked: nothing moves', () => {
    const running = p('2030-01-09T00:00:00.000Z', '2030-01-12T00:00:00.000Z');
    const queued = p('2030-01-12T00:00:00.000Z', '2030-01-19T00:00:00.000Z');
    const revoked = p('2030-01-19T00:00:00.000Z', '2030-01-20T00:00:00.000Z', REVOKED);
    expect(rechainQueued([running, queued, revoked], NOW)).toEqual([]);
  });

  it('a pass already running is never changed, and ended passes do not hold the queue back', () => {
    const ended = p('2030-01-01T00:00:00.000Z', '2030-01-08T00:00:00.000Z');
    const running = p('2030-01-10T00:00:00.000Z', '2030-01-11T00:00:00.000Z');
    const queued = p('2030-01-15T00:00:00.000Z', '2030-01-16T00:00:00.000Z');
    expect(rechainQueued([ended, running, queued], NOW)).toEqual([
      { id: queued.id, startsAt: '2030-01-11T00:00:00.000Z', expiresAt: '2030-01-12T00:00:00.000Z' },
    ]);
  });

  it('a pass is never moved later than it was (overlapping passes stay put)', () => {
    const running = p('2030-01-09T00:00:00.000Z', '2030-01-20T00:00:00.000Z');
    const overlapping = p('2030-01-12T00:00:00.000Z', '2030-01-13T00:00:00.000Z');
    expect(rechainQueued([running, overlapping], NOW)).toEqual([]);
  });

  it('a pass starting exactly now counts as started', () => {
    const starting = p(NOW.toISOString(), '2030-01-11T12:00:00.000Z');
    const queued = p('2030-01-12T00:00:00.000Z', '2030-01-13T00:00:00.000Z');
    expect(rechainQueued([starting, queued], NOW)).toEqual([
      { id: queued.id, startsAt: '2030-01-11T12:00:00.000Z', expiresAt: '2030-01-12T12:00:00.000Z' },
    ]);
  });

  it('passes queued at the same moment keep their creation order', () => {
    const first = { ...p('2030-01-12T00:00:00.000Z', '2030-01-13T00:00:00.000Z'), createdAt: '2030-01-01T00:00:01.000Z' };
    const second = { ...p('2030-01-12T00:00:00.000Z', '2030-01-14T00:00:00.000Z'), createdAt: '2030-01-01T00:00:02.000Z' };
    expect(rechainQueued([second, first], NOW)).toEqual([
      { id: first.id, startsAt: NOW.toISOString(), expiresAt: '2030-01-11T12:00:00.000Z' },
      { id: second.id, startsAt: '2030-01-11T12:00:00.000Z', expiresAt: '2030-01-13T12:00:00.000Z' },
    ]);
  });

  it('no passes: nothing moves', () => {
    expect(rechainQueued([], NOW)).toEqual([]);
  });
});

describe('seatReturnable: revoking a seat pass gives the seat back before it starts or in its first hour', () => {
  const seatPass = (startsAt: string, seat: 'held' | 'returned' | null = 'held', revokedAt: string | null = null) => ({ startsAt, seat, revokedAt });
  it.each([
    ['queued (not started yet)', seatPass('2030-01-12T00:00:00.000Z'), true],
    ['started 59 minutes ago', seatPass('2030-01-10T11:01:00.000Z'), true],
    ['started exactly an hour ago', seatPass('2030-01-10T11:00:00.000Z'), false],
    ['started yesterday', seatPass('2030-01-09T12:00:00.000Z'), false],
    ['took no seat (a grant or a sponsored pass)', seatPass('2030-01-12T00:00:00.000Z', null), false],
    ['its seat already came back', seatPass('2030-01-12T00:00:00.000Z', 'returned'), false],
    ['already revoked', seatPass('2030-01-12T00:00:00.000Z', 'held', '2030-01-10T00:00:00.000Z'), false],
  ])('%s: %s', (_name, pass, expected) => {
    expect(seatReturnable(pass, NOW)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { coveredUntil, passWindow } from './pass-window.js';

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

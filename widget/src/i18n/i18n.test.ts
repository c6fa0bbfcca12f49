import { describe, expect, it } from 'vitest';
import { STUDIO_ERROR_CODES } from '../core/errors.js';
import { enCore } from './en-core.js';
import { enViews } from './en-views.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { I18n, loadMessages, registerEnglish, resolveLocale } from './index.js';

const en = { ...enCore, ...enViews };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale tables', () => {
  it.each([
    ['es', es],
    ['fr', fr],
  ] as const)('%s has every English key, the same placeholders, and nothing extra', (_name, table) => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      expect(placeholders((table as Record<string, string>)[key]!), key).toEqual(placeholders(value));
      expect((table as Record<string, string>)[key]!.trim(), key).not.toBe('');
    }
  });

  it('keeps the first render’s strings apart from the views’ (no key in both halves)', () => {
    expect(Object.keys(enCore).filter((k) => k in enViews)).toEqual([]);
  });
});

describe('resolveLocale', () => {
  it('takes the first supported language: attribute, then tenant, then browser', () => {
    expect(resolveLocale('fr-CA', 'es', ['en-GB'])).toBe('fr');
    expect(resolveLocale(null, 'es-MX', ['fr'])).toBe('es');
    expect(resolveLocale(undefined, 'de', ['de-DE', 'fr-FR'])).toBe('fr');
    expect(resolveLocale('ja', null, [])).toBe('en');
  });
});

describe('I18n', () => {
  registerEnglish(enViews);

  it('fills placeholders and picks plural forms per language', async () => {
    await loadMessages('fr');
    const english = new I18n('en');
    expect(english.t('question.ofTotal', { n: 3, total: 5 })).toBe('Question 3 of 5');
    expect(english.plural('question.words', 1)).toBe('1 word');
    expect(english.plural('question.words', 0)).toBe('0 words');
    const french = new I18n('fr');
    expect(french.plural('question.words', 0)).toBe('0 mot');
    expect(french.t('question.ofTotal', { n: 3, total: 5 })).toBe('Question 3 sur 5');
  });

  it('formats durations, large numbers and dates for the region the browser prefers', () => {
    const i18n = new I18n('en', {}, null, 'en-GB');
    expect(i18n.duration(61)).toBe('1 min 1 s');
    expect(i18n.duration(45)).toBe('45 s');
    expect(i18n.number(1200)).toBe('1,200');
    expect(i18n.date('2026-11-20T09:00:00Z')).toBe('20 Nov 2026');
  });

  it('applies tenant copy overrides in the tenant’s own language only', () => {
    const copy = { 'home.title': 'Your Northfield readiness' };
    expect(new I18n('en', copy, 'en').t('home.title')).toBe('Your Northfield readiness');
    expect(new I18n('es', copy, 'en').t('home.title')).not.toBe('Your Northfield readiness');
  });

  it('names every error code and humanises unknown competencies', () => {
    const i18n = new I18n('en');
    for (const code of STUDIO_ERROR_CODES) expect(i18n.errorMessage(code), code).toMatch(/^[A-Z].+\.$/);
    expect(i18n.competency('problem-solving')).toBe('Problem solving');
    expect(i18n.competency('sql-window-functions')).toBe('Sql window functions');
  });
});

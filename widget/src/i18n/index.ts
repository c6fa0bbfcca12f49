/**
 * The widget's strings live in locale tables (`en`, `es`, `fr`, each complete: the compiler
 * checks every table has every English key). The locale comes from the `locale` attribute,
 * then the tenant's branding, then the browser, then English. A tenant's copy overrides
 * replace strings by key, for the tenant's own language only.
 */
import type { StudioErrorCode } from '../core/errors.js';
import type { MessageKey, Messages } from './en.js';
import { enCore } from './en-core.js';

export type { MessageKey, Messages };

export const SUPPORTED_LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/**
 * English ships with the widget (the views' half joins when a view loads: `registerEnglish`);
 * other tables load on first use.
 */
const en: Messages = { ...enCore } as Messages;
const TABLES: Partial<Record<Locale, Messages>> = { en };

/** Adds English strings (the views' half) to the table every `I18n` reads. */
export function registerEnglish(strings: Partial<Messages>): void {
  Object.assign(en, strings);
}
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  es: () => import('./es.js').then((m) => m.es),
  fr: () => import('./fr.js').then((m) => m.fr),
};

/** Loads a locale's table (once); English is always there. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const table = TABLES[locale];
  if (table) return table;
  const loaded = await LOADERS[locale as Exclude<Locale, 'en'>]();
  TABLES[locale] = loaded;
  return loaded;
}

/** True when `new I18n(locale)` will have the locale's own strings (not English). */
export function isLoaded(locale: Locale): boolean {
  return TABLES[locale] !== undefined;
}

/** Keys that have `.one` / `.other` forms. */
type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

export type Vars = Record<string, string | number>;

/** The first supported locale among the candidates (matched by language), else English. */
export function resolveLocale(...candidates: (string | null | undefined | readonly string[])[]): Locale {
  for (const candidate of candidates.flat()) {
    if (typeof candidate !== 'string' || candidate === '') continue;
    const language = candidate.toLowerCase().split(/[-_]/)[0] as Locale;
    if ((SUPPORTED_LOCALES as readonly string[]).includes(language)) return language;
  }
  return 'en';
}

/** The browser's first preference in `locale`'s language (`en-GB` for `en`), else `locale`. */
export function regionalVariant(locale: Locale): string {
  return browserLocales().find((l) => resolveLocale(l) === locale && l.includes('-')) ?? locale;
}

/** The browser's preferred languages, where there is a browser. */
export function browserLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
}

function humanise(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Intl formatters cost milliseconds each to create (locale data is loaded on first use), which
 * shows on the first render: they are made when first needed and shared per locale.
 */
const formatters = new Map<
  string,
  { plurals?: Intl.PluralRules; numbers?: Intl.NumberFormat; dates?: Intl.DateTimeFormat; dateTimes?: Intl.DateTimeFormat }
>();

function formattersFor(locale: string) {
  let entry = formatters.get(locale);
  if (!entry) formatters.set(locale, (entry = {}));
  return entry;
}

export class I18n {
  private readonly table: Messages;
  private readonly overrides: Readonly<Record<string, string>>;
  /** The locale dates and numbers are formatted in. */
  readonly formatLocale: string;

  constructor(
    readonly locale: Locale,
    copy: Readonly<Record<string, string>> = {},
    copyLocale: string | null = null,
    /** A regional variant for dates and numbers (`en-GB`), when the browser prefers one. */
    formatLocale: string = locale,
  ) {
    // Until a table has loaded, its strings fall back to English.
    this.table = TABLES[locale] ?? en;
    this.overrides = copyLocale !== null && resolveLocale(copyLocale) === locale ? copy : {};
    this.formatLocale = resolveLocale(formatLocale) === locale ? formatLocale : locale;
  }

  private get plurals(): Intl.PluralRules {
    const f = formattersFor(this.locale);
    return (f.plurals ??= new Intl.PluralRules(this.locale));
  }

  private get numbers(): Intl.NumberFormat {
    const f = formattersFor(this.formatLocale);
    return (f.numbers ??= new Intl.NumberFormat(this.formatLocale));
  }

  private get dates(): Intl.DateTimeFormat {
    const f = formattersFor(this.formatLocale);
    return (f.dates ??= new Intl.DateTimeFormat(this.formatLocale, { dateStyle: 'medium' }));
  }

  /** The string for `key` with `{name}` placeholders filled in. */
  t(key: MessageKey, vars?: Vars): string {
    const template = this.overrides[key] ?? this.table[key] ?? en[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.number(value) : value;
    });
  }

  /** The plural form of `key` for `count` (`{n}` is the formatted count). */
  plural(key: PluralKey, count: number, vars: Vars = {}): string {
    const form = this.plurals.select(count);
    const full = `${key}.${form}` as MessageKey;
    const chosen = full in this.table ? full : (`${key}.other` as MessageKey);
    return this.t(chosen, { n: count, ...vars });
  }

  number(value: number): string {
    // Small integers read the same in every supported locale; skip the formatter for them.
    return Number.isInteger(value) && Math.abs(value) < 1000 ? String(value) : this.numbers.format(value);
  }

  date(iso: string): string {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : this.dates.format(time);
  }

  /** A date with its time of day, for moments the learner may need to prove (a consent). */
  dateTime(iso: string): string {
    const time = Date.parse(iso);
    if (Number.isNaN(time)) return iso;
    const f = formattersFor(this.formatLocale);
    f.dateTimes ??= new Intl.DateTimeFormat(this.formatLocale, { dateStyle: 'medium', timeStyle: 'short' });
    return f.dateTimes.format(time);
  }

  /** A duration such as "1 min 5 s" (speaking-time estimates). */
  duration(totalSeconds: number): string {
    const seconds = Math.max(0, Math.round(totalSeconds));
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    if (minutes === 0) return this.t('time.seconds', { s: rest });
    if (rest === 0) return this.t('time.minutes', { m: minutes });
    return this.t('time.minutesSeconds', { m: minutes, s: rest });
  }

  errorMessage(code: StudioErrorCode): string {
    return this.t(`error.${code}` as MessageKey);
  }

  /** A competency's name; ids outside the table (technical ones) are shown humanised. */
  competency(id: string): string {
    const key = `competency.${id}` as MessageKey;
    return key in this.table ? this.t(key) : humanise(id);
  }

  criterion(id: string): string {
    const key = `criterion.${id}` as MessageKey;
    return key in this.table ? this.t(key) : humanise(id);
  }

  has(key: string): key is MessageKey {
    return key in this.table;
  }
}

// The app's three languages (the seeds': English, Russian, Ukrainian), switchable at any time and
// remembered in this browser; the first visit follows the browser's language.
import { en, type MessageKey } from './i18n/en';
import { ru } from './i18n/ru';
import { uk } from './i18n/uk';

export const languages = { en: 'English', ru: 'Русский', uk: 'Українська' } as const;
export type Lang = keyof typeof languages;
const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, ru, uk };

function initial(): Lang {
  const saved = globalThis.localStorage?.getItem('veche.lang');
  if (saved && saved in languages) return saved as Lang;
  const browser = (globalThis.navigator?.language ?? 'en').slice(0, 2);
  return browser in languages ? (browser as Lang) : 'en';
}

export const locale = $state({ lang: initial() });

export function setLang(lang: Lang) {
  locale.lang = lang;
  globalThis.localStorage?.setItem('veche.lang', lang);
  if (globalThis.document) document.documentElement.lang = lang;
}

/** The message `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale.lang][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Whether `key` names a message (for error codes turned into messages). */
export function has(key: string): key is MessageKey {
  return key in en;
}

/**
 * The message `${prefix}.${code}` if there is one, else `fallback` (an error's code turned into
 * words, an enum variant named in the current language).
 */
export function message(prefix: string, code: string, fallback: string, params: Record<string, string | number> = {}): string {
  const key = `${prefix}.${code}`;
  return has(key) ? t(key, params) : fallback;
}

/** An error as words: its code's message under `prefix`, else the generic error with its text. */
export function errorText(prefix: string, e: unknown): string {
  const code = e instanceof Error ? e.message : String(e);
  return message(prefix, code, t('error.generic', { message: code }));
}

export { dictionaries };

import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { ru } from '../../src/lib/i18n/ru';
import { uk } from '../../src/lib/i18n/uk';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  for (const [name, dict] of Object.entries({ ru, uk })) {
    it(`${name} translates every message with the same placeholders`, () => {
      expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(dict[key]), `${name} ${key}`).toEqual(placeholders(en[key]));
        // A message left in English is a message not translated.
        const words = en[key].replace(/\{\w+\}/g, '');
        if (/[A-Za-z]{4,}.*[A-Za-z]{4,}/.test(words)) expect(dict[key], `${name} ${key}`).not.toBe(en[key]);
      }
    });
  }
});

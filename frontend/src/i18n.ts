// `gr.I18n` in the page: strings of the form `__i18n__{"__type__": "translation_metadata",
// "key": ...}` (what `i18n("key")` gives in Python) are shown in the visitor's language, from
// the config's `i18n_translations`. The language is the first of the browser's that the app
// has translations for (else English); the settings panel may switch it while the page runs.

import { signal } from "@preact/signals";

export const MARKER = "__i18n__";

export type Translations = Record<string, Record<string, string>>;

let tables: Translations | null = null;

/** The language the page shows; components that translate re-render when it changes. */
export const locale = signal("en");

/** The languages a visitor may choose: the app's, English first when it has it. */
export function languages(): string[] {
  const found = Object.keys(tables ?? {});
  return found.includes("en") ? ["en", ...found.filter((l) => l !== "en")] : found;
}

/** The first of `preferred` (`navigator.languages`) the app translates, by tag or base language. */
export function pickLocale(available: string[], preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (available.includes(tag)) return tag;
    const base = tag.split("-")[0];
    if (available.includes(base)) return base;
  }
  return "en";
}

/** Take the app's translations and choose the visitor's language. */
export function setupI18n(translations: Translations | null | undefined, preferred: readonly string[]): void {
  tables = translations && Object.keys(translations).length ? translations : null;
  locale.value = tables ? pickLocale(Object.keys(tables), preferred) : "en";
}

export function hasTranslations(): boolean {
  return tables !== null;
}

/** A marker and its JSON, anywhere in a string (`"# " + i18n("title")` is text around one). */
const MARKED = /__i18n__(\{"__type__": ?"translation_metadata", ?"key": ?"(?:[^"\\]|\\.)*"\})/g;

function lookUp(key: string, lang: string): string {
  for (const name of [lang, lang.split("-")[0], "en"]) {
    const found = tables?.[name]?.[key];
    if (found !== undefined) return found;
  }
  return key;
}

/** A string's markers replaced by their text in `lang` (its base language, English, the key). */
export function translateText(text: string, lang: string): string {
  if (!text.includes(MARKER)) return text;
  return text.replace(MARKED, (whole, json: string) => {
    try {
      const meta = JSON.parse(json) as { key?: unknown };
      return typeof meta.key === "string" ? lookUp(meta.key, lang) : whole;
    } catch {
      return whole;
    }
  });
}

function translateIn(value: unknown, lang: string): unknown {
  if (typeof value === "string") return translateText(value, lang);
  if (Array.isArray(value)) {
    const items = value.map((item) => translateIn(item, lang));
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (typeof value === "object" && value !== null) {
    let changed = false;
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      copy[name] = translateIn(item, lang);
      changed ||= copy[name] !== item;
    }
    return changed ? copy : value;
  }
  return value;
}

/**
 * `value` with every marker string in it translated to the current language (the same object
 * when nothing was translated). Reading `locale` subscribes the calling component to it.
 */
export function translate<T>(value: T): T {
  const lang = locale.value;
  return tables === null ? value : (translateIn(value, lang) as T);
}

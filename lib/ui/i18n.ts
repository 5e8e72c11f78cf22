/**
 * The interface language. Chinese is the product's language; English is the second locale, chosen
 * when the browser's own interface language is English (`i18n.getUILanguage()`, the same choice the
 * browser makes for the manifest's `_locales`). Texts are written in Chinese in the code and looked
 * up here: whole texts in the English table, and texts built around a name or a count (「已录入 A平台」,
 * 「已填 12 项…」) by the table's patterns. A text with no English entry stays Chinese rather than
 * disappear.
 */
import { EN_PATTERNS, EN_TEXTS } from './locale-en';

export type Locale = 'zh' | 'en';

let forced: Locale | undefined;

/** For tests and for pages that were told their language (e.g. `?lang=en`). */
export function setLocale(locale: Locale | undefined): void {
  forced = locale;
}

export function uiLocale(): Locale {
  if (forced) return forced;
  let lang = '';
  try {
    const i18n = (globalThis as { browser?: { i18n?: { getUILanguage?: () => string } } }).browser?.i18n;
    lang = i18n?.getUILanguage?.() ?? '';
  } catch {
    /* not in an extension context */
  }
  return /^en\b/i.test(lang) ? 'en' : 'zh';
}

/** `text` in the interface language; `{name}` placeholders are filled from `vars` in either language. */
export function t(text: string, vars: Record<string, string | number> = {}): string {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  if (uiLocale() === 'zh') return fill(text);
  const exact = EN_TEXTS[text];
  if (exact !== undefined) return fill(exact);
  const built = fill(text);
  for (const [re, en] of EN_PATTERNS) {
    if (re.test(built)) return built.replace(re, en);
  }
  return built;
}

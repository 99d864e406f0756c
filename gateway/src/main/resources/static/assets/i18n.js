// The pages' languages: Finnish, Swedish and English. Messages live in assets/messages/<language>.json, one key per
// text; markup names its texts with data-i18n="key" and scripts with t('key', {params}). The language is the one the
// person chose on a page (kept in localStorage, so it wins everywhere), else the locale in their token, else English.
// I18nBundlesTest (gateway) fails when a key is missing in a language, unused, or a page shows text not marked.

export const LANGUAGES = ['fi', 'sv', 'en'];

/** The locale each language formats dates, numbers and money in. */
const LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const CHOSEN = 'leverans.language';
// The token's language of the last page, so the next page's first paint (before /api/me answers) is in it too.
const FROM_TOKEN = 'leverans.token-language';

const bundles = {};
let current = 'en';
let messages = {};

function stored(storage, name) {
  try {
    const value = storage.getItem(name);
    return LANGUAGES.includes(value) ? value : null;
  } catch {
    return null; // storage can be switched off; the token's language still applies
  }
}

/** "fi", "fi-FI", "sv_SE" → the language the pages speak, or null. */
export function languageOf(locale) {
  const code = (locale || '').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(code) ? code : null;
}

async function use(language) {
  bundles[language] ??= fetch(`/assets/messages/${language}.json`, { credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : {}), () => ({}));
  messages = await bundles[language];
  current = language;
  document.documentElement.lang = language;
}

await use(stored(localStorage, CHOSEN) || stored(sessionStorage, FROM_TOKEN) || 'en');

/** After /api/me: the token's locale applies unless the person chose a language on a page. */
export async function useTokenLocale(locale) {
  const fromToken = languageOf(locale) || 'en';
  try { sessionStorage.setItem(FROM_TOKEN, fromToken); } catch { /* see stored() */ }
  const language = stored(localStorage, CHOSEN) || fromToken;
  if (language !== current) await use(language);
  translate(document);
}

/** The person's own choice, remembered over the token's locale; the page reloads in it. */
export function chooseLanguage(language) {
  if (!LANGUAGES.includes(language)) return;
  try { localStorage.setItem(CHOSEN, language); } catch { /* the choice then lasts for this page only */ }
  location.reload();
}

export function language() {
  return current;
}

/** The BCP 47 locale for Intl formats: "fi-FI", "sv-FI", "en-GB". */
export function locale() {
  return LOCALES[current];
}

export function has(key) {
  return Object.hasOwn(messages, key);
}

/**
 * The message for key with {name} placeholders filled in. A message that varies by number is an object of plural
 * categories ({"one": "…", "other": "…"}), chosen by params.count with the language's plural rules. A missing key
 * shows as itself, which the specs look for.
 */
export function t(key, params = {}) {
  let message = messages[key];
  if (message === undefined) return key;
  if (typeof message === 'object') {
    const category = new Intl.PluralRules(locale()).select(Number(params.count ?? 0));
    message = message[category] ?? message.other;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

/**
 * Puts the current language into the markup: the text of every [data-i18n] element, the attribute named by
 * data-i18n-attr ("aria-label:key"), and the title (the page's name, then "· Leverans").
 */
export function translate(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = node.tagName === 'TITLE' ? `${t(node.dataset.i18n)} · Leverans` : t(node.dataset.i18n);
  }
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    const [attribute, key] = node.dataset.i18nAttr.split(':');
    node.setAttribute(attribute, t(key));
  }
}

/** The language menu every page shows: each language in its own name, the current one chosen. */
export function languageSwitcher(id = 'language') {
  const wrapper = document.createElement('div');
  wrapper.className = 'language';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = t('language.label');
  const select = document.createElement('select');
  select.id = id;
  for (const code of LANGUAGES) {
    const option = new Option(t(`language.name.${code}`), code, false, code === current);
    option.lang = code;
    select.append(option);
  }
  select.addEventListener('change', () => chooseLanguage(select.value));
  wrapper.append(label, select);
  return wrapper;
}

// The landing page: who is signed in, their pages, and signing out; in the person's language like every page.
import { api, xsrfToken } from '/assets/api.js';
import { navigationFor } from '/assets/layout.js';
import { t, translate, useTokenLocale, languageSwitcher } from '/assets/i18n.js';

translate(document);
// Signing out is a POST protected against CSRF: send the token the gateway put in the XSRF-TOKEN cookie.
document.getElementById('csrf').value = xsrfToken() || '';
const who = document.getElementById('who');
try {
  const me = (await api('/api/me', { timeoutMs: 10000 })).body;
  await useTokenLocale(me.locale);
  // Role codes as the token carries them: the landing page is also where a developer checks a test user.
  who.textContent = t('landing.signedInAs', { name: me.name || me.username, roles: me.roles.join(', ') });
  const pages = document.getElementById('pages');
  for (const item of navigationFor(me.roles)) {
    const link = Object.assign(document.createElement('a'), { href: item.href, textContent: item.text });
    const li = document.createElement('li');
    li.append(link);
    pages.append(li);
  }
  pages.hidden = false;
  document.getElementById('sign-in').hidden = true;
  document.getElementById('sign-out').hidden = false;
} catch (error) {
  who.textContent = error.status === 401 ? t('landing.signedOut') : t('landing.checkFailed', { message: error.message });
}
// Offered once the language is settled, so the menu shows the one the page is in.
document.getElementById('language-choice').replaceWith(languageSwitcher());

// The landing page: who is signed in, their pages, and signing out.
import { api, xsrfToken } from '/assets/api.js';
import { navigationFor } from '/assets/layout.js';
// Signing out is a POST protected against CSRF: send the token the gateway put in the XSRF-TOKEN cookie.
document.getElementById('csrf').value = xsrfToken() || '';
const who = document.getElementById('who');
try {
  const me = (await api('/api/me', { timeoutMs: 10000 })).body;
  who.textContent = `Signed in as ${me.name || me.username} (${me.roles.join(', ')}).`;
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
  who.textContent = error.status === 401 ? 'You are not signed in.' : `Could not check your sign-in: ${error.message}`;
}

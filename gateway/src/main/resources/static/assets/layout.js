// The frame every page shares: who is signed in and as what, navigation for their roles, sign out, and the
// page's main area. Pages call startPage() first; it answers who is signed in (GET /api/me, answered by the gateway).

import { api, xsrfToken } from './api.js';
import { el, clear, errorBox, loading } from './ui.js';
import { viewerTimeZone } from './format.js';
import { t, translate, useTokenLocale, languageSwitcher } from './i18n.js';

export const BUYERS = ['ORDERER', 'AGREEMENT_MANAGER'];
export const SUPPORT = ['CUSTOMER_SERVICE', 'ADMIN'];

// Texts are keys: the language is known only once /api/me has answered.
const NAVIGATION = [
  { href: '/buyer/catalog.html', key: 'nav.catalog', roles: BUYERS },
  { href: '/buyer/quick-order.html', key: 'nav.quickOrder', roles: BUYERS },
  { href: '/buyer/orders.html', key: 'nav.orders', roles: [...BUYERS, 'RECEIVER'] },
  { href: '/buyer/invoices.html', key: 'nav.invoices', roles: [...BUYERS, ...SUPPORT] },
  { href: '/buyer/approvals.html', key: 'nav.approvals', roles: ['AGREEMENT_MANAGER'] },
  { href: '/buyer/reports.html', key: 'nav.reports', roles: ['AGREEMENT_MANAGER'] },
  { href: '/receiver/arrivals.html', key: 'nav.arrivals', roles: ['RECEIVER'] },
  { href: '/support/search.html', key: 'nav.search', roles: SUPPORT },
  { href: '/support/credit-reviews.html', key: 'nav.creditReviews', roles: SUPPORT },
  { href: '/support/claims.html', key: 'nav.claims', roles: SUPPORT },
  { href: '/admin/delivery-accuracy.html', key: 'nav.deliveryAccuracy', roles: SUPPORT },
  { href: '/admin/carrier-scorecard.html', key: 'nav.carrierScorecard', roles: SUPPORT },
];

/** A role in words: "Agreement manager", "Sopimusvastaava". */
export function roleName(role) {
  return ['ORDERER', 'AGREEMENT_MANAGER', 'RECEIVER', 'CUSTOMER_SERVICE', 'ADMIN', 'CARRIER'].includes(role)
    ? t(`role.${role}`) : role;
}

/** The pages for these roles, each {href, text} in the current language. */
export function navigationFor(roles) {
  return NAVIGATION.filter((item) => item.roles.some((role) => roles.includes(role)))
    .map((item) => ({ href: item.href, text: t(item.key) }));
}

export function hasRole(me, ...roles) {
  return roles.some((role) => me.roles.includes(role));
}

/**
 * Draws the header and answers {me, main}; heading is a message key. The page's language is settled here (the
 * person's choice, else their token's locale), so a page builds its content after this with t(). When the person's
 * roles do not fit the page (allowedRoles), main says so and me is null, so the page does nothing more.
 */
export async function startPage({ heading, allowedRoles }) {
  translate(document);
  document.title = `${t(heading)} · Leverans`;
  const header = document.querySelector('header.site');
  const main = document.querySelector('main');
  clear(main, el('h1', {}, t(heading)), loading(t('layout.checkingWho')));
  let me;
  try {
    me = (await api('/api/me')).body;
  } catch (error) {
    clear(main, el('h1', {}, t(heading)), errorBox(error, t('layout.whoFailed')));
    return { me: null, main };
  }
  await useTokenLocale(me.locale);
  document.title = `${t(heading)} · Leverans`;
  drawHeader(header, me);
  const footer = document.querySelector('footer.site');
  if (footer) footer.textContent = t('layout.timeZone', { zone: viewerTimeZone });
  clear(main, el('h1', {}, t(heading)));
  if (allowedRoles && !hasRole(me, ...allowedRoles)) {
    main.append(el('div', { class: 'notice', role: 'alert' }, t('layout.notForYou', {
      roles: new Intl.ListFormat(document.documentElement.lang, { type: 'disjunction' }).format(allowedRoles.map(roleName)),
      name: me.name || me.username, yourRoles: me.roles.map(roleName).join(', ') })));
    return { me: null, main };
  }
  return { me, main };
}

function drawHeader(header, me) {
  const here = location.pathname;
  const nav = el('nav', { 'aria-label': t('layout.mainNavigation') }, el('ul', {}, navigationFor(me.roles).map((item) =>
    el('li', {}, el('a', { href: item.href, 'aria-current': here === item.href ? 'page' : null }, item.text)))));
  const signOut = el('form', { method: 'post', action: '/logout', class: 'sign-out' },
    el('input', { type: 'hidden', name: '_csrf', value: xsrfToken() || '' }),
    el('button', { type: 'submit' }, t('layout.signOut')));
  clear(header,
    el('a', { href: '/', class: 'brand' }, 'Leverans'),
    nav,
    el('p', { class: 'who', dataset: { username: me.username } },
      el('span', { class: 'who-name' }, me.name || me.username),
      el('span', { class: 'who-role' }, me.roles.map(roleName).join(', '))),
    languageSwitcher(),
    signOut);
}

// The frame every page shares: who is signed in and as what, navigation for their roles, sign out, and the
// page's main area. Pages call startPage() first; it answers who is signed in (GET /api/me, answered by the gateway).

import { api, xsrfToken } from './api.js';
import { el, clear, errorBox, loading } from './ui.js';
import { viewerTimeZone } from './format.js';

export const BUYERS = ['ORDERER', 'AGREEMENT_MANAGER'];
export const SUPPORT = ['CUSTOMER_SERVICE', 'ADMIN'];

const NAVIGATION = [
  { href: '/buyer/catalog.html', text: 'Catalogue', roles: BUYERS },
  { href: '/buyer/quick-order.html', text: 'Quick order', roles: BUYERS },
  { href: '/buyer/orders.html', text: 'Orders', roles: [...BUYERS, 'RECEIVER'] },
  { href: '/buyer/invoices.html', text: 'Invoices', roles: [...BUYERS, ...SUPPORT] },
  { href: '/buyer/approvals.html', text: 'Approvals', roles: ['AGREEMENT_MANAGER'] },
  { href: '/receiver/arrivals.html', text: 'Arrivals', roles: ['RECEIVER'] },
  { href: '/support/search.html', text: 'Find an order', roles: SUPPORT },
  { href: '/support/credit-reviews.html', text: 'Credit reviews', roles: SUPPORT },
  { href: '/admin/delivery-accuracy.html', text: 'Delivery accuracy', roles: SUPPORT },
];

const ROLE_NAMES = {
  ORDERER: 'Orderer',
  AGREEMENT_MANAGER: 'Agreement manager',
  RECEIVER: 'Receiver',
  CUSTOMER_SERVICE: 'Customer service',
  ADMIN: 'Administrator',
  CARRIER: 'Carrier',
};

export function navigationFor(roles) {
  return NAVIGATION.filter((item) => item.roles.some((role) => roles.includes(role)));
}

export function hasRole(me, ...roles) {
  return roles.some((role) => me.roles.includes(role));
}

/**
 * Draws the header and answers {me, main}. When the person's roles do not fit the page (allowedRoles), main says
 * so and me is null, so the page does nothing more.
 */
export async function startPage({ heading, allowedRoles }) {
  document.title = `${heading} · Leverans`;
  const header = document.querySelector('header.site');
  const main = document.querySelector('main');
  clear(main, el('h1', {}, heading), loading('Checking who is signed in …'));
  let me;
  try {
    me = (await api('/api/me')).body;
  } catch (error) {
    clear(main, el('h1', {}, heading), errorBox(error, 'Could not find out who is signed in.'));
    return { me: null, main };
  }
  drawHeader(header, me);
  const footer = document.querySelector('footer.site');
  if (footer) footer.textContent = `Times are shown in your time zone (${viewerTimeZone}).`;
  clear(main, el('h1', {}, heading));
  if (allowedRoles && !hasRole(me, ...allowedRoles)) {
    main.append(el('div', { class: 'notice', role: 'alert' },
      `This page is for ${allowedRoles.map((r) => ROLE_NAMES[r]).join(' or ')}. You are signed in as `,
      `${me.name || me.username} (${me.roles.map((r) => ROLE_NAMES[r] || r).join(', ')}).`));
    return { me: null, main };
  }
  return { me, main };
}

function drawHeader(header, me) {
  const here = location.pathname;
  const nav = el('nav', { 'aria-label': 'Main' }, el('ul', {}, navigationFor(me.roles).map((item) =>
    el('li', {}, el('a', { href: item.href, 'aria-current': here === item.href ? 'page' : null }, item.text)))));
  const signOut = el('form', { method: 'post', action: '/logout', class: 'sign-out' },
    el('input', { type: 'hidden', name: '_csrf', value: xsrfToken() || '' }),
    el('button', { type: 'submit' }, 'Sign out'));
  clear(header,
    el('a', { href: '/', class: 'brand' }, 'Leverans'),
    nav,
    el('p', { class: 'who', dataset: { username: me.username } },
      el('span', { class: 'who-name' }, me.name || me.username),
      el('span', { class: 'who-role' }, me.roles.map((r) => ROLE_NAMES[r] || r).join(', '))),
    signOut);
}

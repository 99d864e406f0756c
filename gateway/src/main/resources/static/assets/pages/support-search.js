// Customer service's one search box: order number, purchase order number, tracking or invoice number, or customer.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, load, empty, statusBadge, param } from '../ui.js';
import { dateTime, money } from '../format.js';

const { me, main } = await startPage({ heading: 'nav.search', allowedRoles: SUPPORT });
if (me) {
  const q = (param('q') || '').trim();
  const input = el('input', { id: 'q', name: 'q', type: 'search', value: q, required: true, autocomplete: 'off', 'aria-describedby': 'q-hint', autofocus: true });
  main.append(el('form', { class: 'filters', role: 'search', method: 'get' },
    el('div', { class: 'field wide' }, el('label', { for: 'q' }, t('search.query')), input,
      el('p', { class: 'hint', id: 'q-hint' }, t('search.hint'))),
    el('button', { type: 'submit' }, t('common.search'))));
  const results = el('section', { 'aria-live': 'polite', 'aria-label': t('search.results'), id: 'results' });
  main.append(results);
  if (q) load(results, api(`/api/support/orders?${new URLSearchParams({ q, size: 50 })}`), ({ body }) => render(body, q));
}

/** The customer's name; orders validated before names were kept show the id instead. */
function customer(order) {
  return order.customerName ? el('span', { title: order.customerId }, order.customerName) : el('code', {}, order.customerId);
}

function render(page, q) {
  if (!page.items.length) return empty(t('search.none', { q }));
  return el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'found' },
    el('caption', { class: 'hint' }, t('search.count', { count: page.total, q })),
    el('thead', {}, el('tr', {}, ['orders.col.order', 'orders.col.purchaseOrder', 'common.customer', 'common.status',
      'orders.col.placed', 'totals.total', 'orders.col.tracking'].map((h) => el('th', { scope: 'col' }, t(h))))),
    el('tbody', {}, page.items.map((o) => el('tr', {},
      el('td', { 'data-label': t('orders.col.order') }, el('a', { href: `/support/order.html?id=${o.id}` }, o.orderNumber)),
      el('td', { 'data-label': t('orders.col.purchaseOrder') }, o.purchaseOrderNumber || '–'),
      el('td', { 'data-label': t('common.customer'), class: 'customer' }, customer(o)),
      el('td', { 'data-label': t('common.status') }, statusBadge(o.status)),
      el('td', { 'data-label': t('orders.col.placed') }, t('common.atBy', { time: dateTime(o.placedAt), who: o.placedBy })),
      el('td', { 'data-label': t('totals.total'), class: 'num' }, o.totals ? money(o.totals.total, o.totals.currency) : '–'),
      el('td', { 'data-label': t('orders.col.tracking') }, (o.trackingNumbers || []).join(', ') || '–'))))));
}

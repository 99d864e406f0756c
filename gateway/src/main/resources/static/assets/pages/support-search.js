// Customer service's one search box: order number, purchase order number, tracking number or customer.
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, load, empty, statusBadge, param } from '../ui.js';
import { dateTime, money } from '../format.js';

const { me, main } = await startPage({ heading: 'Find an order', allowedRoles: SUPPORT });
if (me) {
  const q = (param('q') || '').trim();
  const input = el('input', { id: 'q', name: 'q', type: 'search', value: q, required: true, autocomplete: 'off', 'aria-describedby': 'q-hint', autofocus: true });
  main.append(el('form', { class: 'filters', role: 'search', method: 'get' },
    el('div', { class: 'field wide' }, el('label', { for: 'q' }, 'Order, purchase order or tracking number, or customer'), input,
      el('p', { class: 'hint', id: 'q-hint' }, 'e.g. LV-000123, PO-4711, NF0000000123, or part of the customer’s name: rakennus')),
    el('button', { type: 'submit' }, 'Search')));
  const results = el('section', { 'aria-live': 'polite', 'aria-label': 'Search results', id: 'results' });
  main.append(results);
  if (q) load(results, api(`/api/support/orders?${new URLSearchParams({ q, size: 50 })}`), ({ body }) => render(body, q));
}

/** The customer's name; orders validated before names were kept show the id instead. */
function customer(order) {
  return order.customerName ? el('span', { title: order.customerId }, order.customerName) : el('code', {}, order.customerId);
}

function render(page, q) {
  if (!page.items.length) return empty(`No order matches “${q}”.`);
  return el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'found' },
    el('caption', { class: 'hint' }, `${page.total} order(s) match “${q}”`),
    el('thead', {}, el('tr', {}, ['Order', 'Purchase order', 'Customer', 'Status', 'Placed', 'Total', 'Tracking'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, page.items.map((o) => el('tr', {},
      el('td', { 'data-label': 'Order' }, el('a', { href: `/support/order.html?id=${o.id}` }, o.orderNumber)),
      el('td', { 'data-label': 'Purchase order' }, o.purchaseOrderNumber || '–'),
      el('td', { 'data-label': 'Customer', class: 'customer' }, customer(o)),
      el('td', { 'data-label': 'Status' }, statusBadge(o.status)),
      el('td', { 'data-label': 'Placed' }, `${dateTime(o.placedAt)} by ${o.placedBy}`),
      el('td', { 'data-label': 'Total', class: 'num' }, o.totals ? money(o.totals.total, o.totals.currency) : '–'),
      el('td', { 'data-label': 'Tracking' }, (o.trackingNumbers || []).join(', ') || '–'))))));
}

// Order history with filters (status, placed dates, purchase order number, site); the filters live in the address,
// so a filtered list can be bookmarked and Back works.
import { api } from '../api.js';
import { startPage, hasRole } from '../layout.js';
import { el, clear, load, empty, statusBadge } from '../ui.js';
import { dateTime, plainDate, money, label } from '../format.js';

const STATUSES = ['PLACED', 'AWAITING_APPROVAL', 'VALIDATED', 'ON_HOLD', 'ACCEPTED', 'IN_DELIVERY', 'PARTIALLY_DELIVERED', 'DELIVERED', 'REJECTED', 'CANCELLED'];
const PAGE_SIZE = 20;

const { me, main } = await startPage({ heading: 'Orders', allowedRoles: ['ORDERER', 'AGREEMENT_MANAGER', 'RECEIVER'] });
if (me) {
  const query = new URLSearchParams(location.search);
  const sites = await api('/api/agreements/current').then((r) => r.body.sites, () => []);
  const siteName = (id) => sites.find((s) => s.id === id)?.name || id;
  const field = (id, text, control) => el('div', { class: 'field' }, el('label', { for: id }, text), control);
  main.append(el('form', { class: 'filters', method: 'get', id: 'filters' },
    field('status', 'Status', el('select', { id: 'status', name: 'status' }, el('option', { value: '' }, 'Any status'),
      STATUSES.map((s) => el('option', { value: s, selected: query.get('status') === s }, label(s))))),
    field('from', 'Placed from', el('input', { id: 'from', name: 'from', type: 'date', value: query.get('from') || '' })),
    field('to', 'Placed to', el('input', { id: 'to', name: 'to', type: 'date', value: query.get('to') || '' })),
    field('purchaseOrderNumber', 'Purchase order number', el('input', { id: 'purchaseOrderNumber', name: 'purchaseOrderNumber', value: query.get('purchaseOrderNumber') || '' })),
    field('siteId', 'Site', el('select', { id: 'siteId', name: 'siteId' }, el('option', { value: '' }, 'Any site'),
      sites.map((s) => el('option', { value: s.id, selected: query.get('siteId') === s.id }, s.name)))),
    el('button', { type: 'submit' }, 'Show orders'),
    el('a', { href: location.pathname, class: 'button secondary' }, 'Clear filters')));
  const results = el('section', { 'aria-live': 'polite', 'aria-label': 'Orders' });
  main.append(results);
  const asked = new URLSearchParams();
  for (const name of ['status', 'from', 'to', 'purchaseOrderNumber', 'siteId', 'page']) {
    if (query.get(name)) asked.set(name, query.get(name));
  }
  asked.set('size', PAGE_SIZE);
  load(results, api(`/api/orders?${asked}`), ({ body }) => render(body, siteName, hasRole(me, 'ORDERER'), query));
}

function render(page, siteName, mayReorder, query) {
  if (!page.items.length) {
    return empty([...query.keys()].length ? 'No orders match these filters.' : 'No orders yet.');
  }
  const pages = Math.ceil(page.total / page.size);
  const link = (n, text) => { const q = new URLSearchParams(query); q.set('page', n); return el('a', { href: `?${q}`, class: 'button secondary' }, text); };
  return [el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'orders' },
    el('thead', {}, el('tr', {}, ['Order', 'Purchase order', 'Status', 'Placed', 'Delivery', 'Sites', 'Total', 'Tracking', '']
      .map((h) => el('th', { scope: 'col' }, h || el('span', { class: 'visually-hidden' }, 'Actions'))))),
    el('tbody', {}, page.items.map((o) => el('tr', { dataset: { orderId: o.id } },
      el('td', { 'data-label': 'Order' }, el('a', { href: `/buyer/order.html?id=${o.id}` }, o.orderNumber)),
      el('td', { 'data-label': 'Purchase order' }, o.purchaseOrderNumber || '–'),
      el('td', { 'data-label': 'Status' }, statusBadge(o.status)),
      el('td', { 'data-label': 'Placed' }, dateTime(o.placedAt)),
      el('td', { 'data-label': 'Delivery' }, o.requestedDelivery ? `${plainDate(o.requestedDelivery.date)} ${o.requestedDelivery.from}–${o.requestedDelivery.to}` : '–'),
      el('td', { 'data-label': 'Sites' }, (o.siteIds || []).map(siteName).join(', ')),
      el('td', { 'data-label': 'Total', class: 'num' }, o.totals ? money(o.totals.total, o.totals.currency) : '–'),
      el('td', { 'data-label': 'Tracking' }, (o.trackingNumbers || []).join(', ') || '–'),
      el('td', { 'data-label': '' }, mayReorder ? el('a', { href: `/buyer/order.html?id=${o.id}#reorder` }, 'Reorder',
        el('span', { class: 'visually-hidden' }, ` ${o.orderNumber}`)) : null)))))),
  el('p', { class: 'hint' }, `${page.total} order(s)`),
  pages > 1 ? el('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.page > 0 ? link(page.page - 1, 'Previous') : null, el('span', {}, `Page ${page.page + 1} of ${pages}`),
    page.page + 1 < pages ? link(page.page + 1, 'Next') : null) : null];
}

// Invoice history with filters (status, issue dates, order, purchase order number, site); the filters live in the
// address, like the order history's. Agreement managers see the company's invoices, orderers those of their own
// orders, customer service every customer's.
import { api } from '../api.js';
import { startPage, BUYERS, SUPPORT, hasRole } from '../layout.js';
import { el, load, empty, statusBadge } from '../ui.js';
import { plainDate, money, label } from '../format.js';

const STATUSES = ['OPEN', 'PARTIALLY_PAID', 'OVERDUE', 'PAID', 'CREDITED'];
const FILTERS = ['status', 'from', 'to', 'order', 'purchaseOrderNumber', 'siteId'];

const { me, main } = await startPage({ heading: 'Invoices', allowedRoles: [...BUYERS, ...SUPPORT] });
if (me) {
  const query = new URLSearchParams(location.search);
  const sites = hasRole(me, ...BUYERS) ? await api('/api/agreements/current').then((r) => r.body.sites, () => []) : [];
  const field = (id, text, control) => el('div', { class: 'field' }, el('label', { for: id }, text), control);
  const input = (id, type = 'text') => el('input', { id, name: id, type, value: query.get(id) || '' });
  main.append(el('form', { class: 'filters', method: 'get', id: 'filters' },
    field('status', 'Status', el('select', { id: 'status', name: 'status' }, el('option', { value: '' }, 'Any status'),
      STATUSES.map((s) => el('option', { value: s, selected: query.get('status') === s }, label(s))))),
    field('from', 'Issued from', input('from', 'date')),
    field('to', 'Issued to', input('to', 'date')),
    field('order', 'Order number', input('order')),
    field('purchaseOrderNumber', 'Purchase order number', input('purchaseOrderNumber')),
    sites.length ? field('siteId', 'Site', el('select', { id: 'siteId', name: 'siteId' }, el('option', { value: '' }, 'Any site'),
      sites.map((s) => el('option', { value: s.id, selected: query.get('siteId') === s.id }, s.name)))) : null,
    el('button', { type: 'submit' }, 'Show invoices'),
    el('a', { href: location.pathname, class: 'button secondary' }, 'Clear filters')));
  const results = el('section', { 'aria-live': 'polite', 'aria-label': 'Invoices' });
  main.append(results);
  const asked = new URLSearchParams();
  for (const name of FILTERS) {
    if (query.get(name)) asked.set(name, query.get(name));
  }
  const filtered = FILTERS.some((name) => query.get(name));
  load(results, api(`/api/invoices?${asked}`), ({ body }) => render(body, filtered));
}

function render(list, filtered) {
  if (!list.items.length) {
    return empty(filtered ? 'No invoices match these filters.' : 'No invoices yet.');
  }
  return [el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'invoices' },
    el('thead', {}, el('tr', {}, ['Invoice', 'Status', 'Issued', 'Due', 'Orders', 'Purchase orders', 'Total', 'To pay', 'PDF']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, list.items.map((i) => el('tr', { dataset: { invoiceId: i.id } },
      el('td', { 'data-label': 'Invoice' }, el('a', { href: `/buyer/invoice.html?id=${i.id}` },
        i.kind === 'CREDIT_NOTE' ? `Credit note ${i.number}` : i.number)),
      el('td', { 'data-label': 'Status' }, statusBadge(i.overdue ? 'OVERDUE' : i.status)),
      el('td', { 'data-label': 'Issued' }, plainDate(i.issueDate)),
      el('td', { 'data-label': 'Due' }, i.kind === 'INVOICE' ? plainDate(i.dueDate) : '–'),
      el('td', { 'data-label': 'Orders' }, i.orderNumbers.join(', ') || '–'),
      el('td', { 'data-label': 'Purchase orders' }, i.purchaseOrderNumbers.join(', ') || '–'),
      el('td', { 'data-label': 'Total', class: 'num' }, money(i.total, i.currency)),
      el('td', { 'data-label': 'To pay', class: 'num' }, money(i.open, i.currency)),
      el('td', { 'data-label': 'PDF' }, el('a', { href: `/api/invoices/${i.id}/pdf` }, 'PDF',
        el('span', { class: 'visually-hidden' }, ` of ${i.number}`)))))))),
  el('p', { class: 'hint' }, `${list.total} invoice(s)`)];
}

// Invoice history with filters (status, issue dates, order, purchase order number, site); the filters live in the
// address, like the order history's. Agreement managers see the company's invoices, orderers those of their own
// orders, customer service every customer's.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, BUYERS, SUPPORT, hasRole } from '../layout.js';
import { el, load, empty, statusBadge } from '../ui.js';
import { plainDate, money, label } from '../format.js';

const STATUSES = ['OPEN', 'PARTIALLY_PAID', 'OVERDUE', 'PAID', 'CREDITED'];
const COLUMNS = ['invoices.col.invoice', 'common.status', 'invoice.issued', 'invoice.due', 'nav.orders',
  'invoices.col.purchaseOrders', 'totals.total', 'invoice.toPay', 'invoices.col.pdf'];
const FILTERS = ['status', 'from', 'to', 'order', 'purchaseOrderNumber', 'siteId'];

const { me, main } = await startPage({ heading: 'nav.invoices', allowedRoles: [...BUYERS, ...SUPPORT] });
if (me) {
  const query = new URLSearchParams(location.search);
  const sites = hasRole(me, ...BUYERS) ? await api('/api/agreements/current').then((r) => r.body.sites, () => []) : [];
  const field = (id, text, control) => el('div', { class: 'field' }, el('label', { for: id }, text), control);
  const input = (id, type = 'text') => el('input', { id, name: id, type, value: query.get(id) || '' });
  main.append(el('form', { class: 'filters', method: 'get', id: 'filters' },
    field('status', t('common.status'), el('select', { id: 'status', name: 'status' }, el('option', { value: '' }, t('common.anyStatus')),
      STATUSES.map((s) => el('option', { value: s, selected: query.get('status') === s }, label(s))))),
    field('from', t('invoices.issuedFrom'), input('from', 'date')),
    field('to', t('invoices.issuedTo'), input('to', 'date')),
    field('order', t('invoices.orderNumber'), input('order')),
    field('purchaseOrderNumber', t('common.purchaseOrderNumber'), input('purchaseOrderNumber')),
    sites.length ? field('siteId', t('common.site'), el('select', { id: 'siteId', name: 'siteId' }, el('option', { value: '' }, t('common.anySite')),
      sites.map((s) => el('option', { value: s.id, selected: query.get('siteId') === s.id }, s.name)))) : null,
    el('button', { type: 'submit' }, t('invoices.show')),
    el('a', { href: location.pathname, class: 'button secondary' }, t('common.clearFilters'))));
  const results = el('section', { 'aria-live': 'polite', 'aria-label': t('nav.invoices') });
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
    return empty(filtered ? t('invoices.noneMatch') : t('invoices.none'));
  }
  return [el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'invoices' },
    el('thead', {}, el('tr', {}, COLUMNS.map((h) => el('th', { scope: 'col' }, t(h))))),
    el('tbody', {}, list.items.map((i) => el('tr', { dataset: { invoiceId: i.id } },
      el('td', { 'data-label': t('invoices.col.invoice') }, el('a', { href: `/buyer/invoice.html?id=${i.id}` },
        i.kind === 'CREDIT_NOTE' ? t('invoice.creditNoteTitle', { number: i.number }) : i.number)),
      el('td', { 'data-label': t('common.status') }, statusBadge(i.overdue ? 'OVERDUE' : i.status)),
      el('td', { 'data-label': t('invoice.issued') }, plainDate(i.issueDate)),
      el('td', { 'data-label': t('invoice.due') }, i.kind === 'INVOICE' ? plainDate(i.dueDate) : '–'),
      el('td', { 'data-label': t('nav.orders') }, i.orderNumbers.join(', ') || '–'),
      el('td', { 'data-label': t('invoices.col.purchaseOrders') }, i.purchaseOrderNumbers.join(', ') || '–'),
      el('td', { 'data-label': t('totals.total'), class: 'num' }, money(i.total, i.currency)),
      el('td', { 'data-label': t('invoice.toPay'), class: 'num' }, money(i.open, i.currency)),
      el('td', { 'data-label': t('invoices.col.pdf') }, el('a', { href: `/api/invoices/${i.id}/pdf` }, t('invoices.col.pdf'),
        el('span', { class: 'visually-hidden' }, ` ${t('invoices.pdfOf', { number: i.number })}`)))))))),
  el('p', { class: 'hint' }, t('invoices.count', { count: list.total }))];
}

// The buyer's catalogue: their company's assortment at their contract prices, searchable by code or name.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, BUYERS } from '../layout.js';
import { el, clear, load, empty, param } from '../ui.js';
import { plainDate, label, money } from '../format.js';

const PAGE_SIZE = 20;

const { me, main } = await startPage({ heading: 'nav.catalog', allowedRoles: BUYERS });
if (me) {
  const q = param('q') || '';
  const page = Math.max(0, Number.parseInt(param('page') || '0', 10) || 0);
  const search = el('input', { id: 'q', name: 'q', type: 'search', value: q, autocomplete: 'off' });
  main.append(
    el('form', { class: 'filters', role: 'search', method: 'get' },
      el('div', { class: 'field' }, el('label', { for: 'q' }, t('catalog.query')), search),
      el('button', { type: 'submit' }, t('common.search'))),
    el('p', { class: 'hint' }, t('catalog.hint')));
  const results = el('section', { 'aria-live': 'polite', 'aria-label': t('catalog.products') });
  main.append(results);
  const query = new URLSearchParams({ q, page, size: PAGE_SIZE });
  load(results, api(`/api/catalog?${query}`), ({ body }) => render(body, q));
}

// A product the agreement cannot deliver is listed, but says why it cannot be ordered instead of offering a link.
function orderCell(item) {
  if (item.orderable === false) {
    return el('span', { class: 'not-orderable' }, t('catalog.notOrderable'), ' ',
      item.notOrderable?.message || t('catalog.notUnderAgreement'));
  }
  return el('a', { href: `/buyer/quick-order.html?sku=${encodeURIComponent(item.sku)}` },
    t('catalog.order'), el('span', { class: 'visually-hidden' }, ` ${item.sku}`));
}

function render(catalog, q) {
  if (!catalog.items.length) {
    return empty(q ? t('catalog.noneMatch', { q }) : t('catalog.none'));
  }
  const first = catalog.page * catalog.size + 1;
  const last = first + catalog.items.length - 1;
  const table = el('table', { class: 'stack', id: 'catalog' },
    el('caption', { class: 'hint' }, t('catalog.range', { first, last, total: catalog.total })),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('lines.code')), el('th', { scope: 'col' }, t('lines.product')),
      el('th', { scope: 'col' }, t('catalog.unit')), el('th', { scope: 'col' }, t('catalog.packageSizes')),
      el('th', { scope: 'col' }, t('catalog.availableFrom')),
      el('th', { scope: 'col', class: 'num' }, t('catalog.listPrice')), el('th', { scope: 'col', class: 'num' }, t('catalog.yourPrice')),
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('catalog.order'))))),
    el('tbody', {}, catalog.items.map((item) => el('tr', { dataset: { sku: item.sku } },
      el('td', { 'data-label': t('lines.code') }, el('code', {}, item.sku)),
      el('td', { 'data-label': t('lines.product') }, item.name),
      el('td', { 'data-label': t('catalog.unit') }, label(item.unit)),
      el('td', { 'data-label': t('catalog.packageSizes') },
        item.packageSizes.length ? item.packageSizes.map(label).join(', ') : t('catalog.noSizes')),
      el('td', { 'data-label': t('catalog.availableFrom') }, plainDate(item.availableFrom)),
      el('td', { 'data-label': t('catalog.listPrice'), class: 'num' }, money(item.listPrice, item.currency)),
      el('td', { 'data-label': t('catalog.yourPrice'), class: 'num price' }, el('strong', {}, money(item.price, item.currency))),
      el('td', { 'data-label': t('catalog.order') }, orderCell(item))))));
  const pages = Math.ceil(catalog.total / catalog.size);
  const link = (page, text) => el('a', { href: `?${new URLSearchParams({ q, page })}`, class: 'button secondary' }, text);
  return [el('div', { class: 'table-wrap' }, table),
    pages > 1 ? el('nav', { class: 'pager', 'aria-label': t('common.pages') },
      catalog.page > 0 ? link(catalog.page - 1, t('common.previous')) : null,
      el('span', {}, t('common.pageOf', { page: catalog.page + 1, pages })),
      catalog.page + 1 < pages ? link(catalog.page + 1, t('common.next')) : null) : null];
}

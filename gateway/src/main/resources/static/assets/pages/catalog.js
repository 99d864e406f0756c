// The buyer's catalogue: their company's assortment at their contract prices, searchable by code or name.
import { api } from '../api.js';
import { startPage, BUYERS } from '../layout.js';
import { el, clear, load, empty, param } from '../ui.js';
import { plainDate, label } from '../format.js';

const PAGE_SIZE = 20;

const { me, main } = await startPage({ heading: 'Catalogue', allowedRoles: BUYERS });
if (me) {
  const q = param('q') || '';
  const page = Math.max(0, Number.parseInt(param('page') || '0', 10) || 0);
  const search = el('input', { id: 'q', name: 'q', type: 'search', value: q, autocomplete: 'off' });
  main.append(
    el('form', { class: 'filters', role: 'search', method: 'get' },
      el('div', { class: 'field' }, el('label', { for: 'q' }, 'Product code or name'), search),
      el('button', { type: 'submit' }, 'Search')),
    el('p', { class: 'hint' }, 'Prices are your company’s contract prices, without VAT.'));
  const results = el('section', { 'aria-live': 'polite', 'aria-label': 'Products' });
  main.append(results);
  const query = new URLSearchParams({ q, page, size: PAGE_SIZE });
  load(results, api(`/api/catalog?${query}`), ({ body }) => render(body, q));
}

// A product the agreement cannot deliver is listed, but says why it cannot be ordered instead of offering a link.
function orderCell(item) {
  if (item.orderable === false) {
    return el('span', { class: 'not-orderable' }, 'Not orderable: ', item.notOrderable?.message || 'not under your agreement.');
  }
  return el('a', { href: `/buyer/quick-order.html?sku=${encodeURIComponent(item.sku)}` },
    'Order', el('span', { class: 'visually-hidden' }, ` ${item.sku}`));
}

function render(catalog, q) {
  if (!catalog.items.length) {
    return empty(q ? `No products match “${q}”.` : 'Your agreement has no products.');
  }
  const first = catalog.page * catalog.size + 1;
  const last = first + catalog.items.length - 1;
  const table = el('table', { class: 'stack', id: 'catalog' },
    el('caption', { class: 'hint' }, `Products ${first}–${last} of ${catalog.total}`),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Code'), el('th', { scope: 'col' }, 'Product'), el('th', { scope: 'col' }, 'Unit'),
      el('th', { scope: 'col' }, 'Package sizes'), el('th', { scope: 'col' }, 'Available from'),
      el('th', { scope: 'col', class: 'num' }, 'List price'), el('th', { scope: 'col', class: 'num' }, 'Your price'),
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Order')))),
    el('tbody', {}, catalog.items.map((item) => el('tr', { dataset: { sku: item.sku } },
      el('td', { 'data-label': 'Code' }, el('code', {}, item.sku)),
      el('td', { 'data-label': 'Product' }, item.name),
      el('td', { 'data-label': 'Unit' }, label(item.unit)),
      el('td', { 'data-label': 'Package sizes' },
        item.packageSizes.length ? item.packageSizes.map(label).join(', ') : 'None under your agreement'),
      el('td', { 'data-label': 'Available from' }, plainDate(item.availableFrom)),
      el('td', { 'data-label': 'List price', class: 'num' }, `${item.listPrice} ${item.currency}`),
      el('td', { 'data-label': 'Your price', class: 'num price' }, el('strong', {}, `${item.price} ${item.currency}`)),
      el('td', { 'data-label': 'Order' }, orderCell(item))))));
  const pages = Math.ceil(catalog.total / catalog.size);
  const link = (page, text) => el('a', { href: `?${new URLSearchParams({ q, page })}`, class: 'button secondary' }, text);
  return [el('div', { class: 'table-wrap' }, table),
    pages > 1 ? el('nav', { class: 'pager', 'aria-label': 'Pages' },
      catalog.page > 0 ? link(catalog.page - 1, 'Previous') : null,
      el('span', {}, `Page ${catalog.page + 1} of ${pages}`),
      catalog.page + 1 < pages ? link(catalog.page + 1, 'Next') : null) : null];
}

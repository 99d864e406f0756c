// A priced preview (POST /api/orders/preview, or a reorder preview): lines with their problems by line number,
// freight, totals, payment due date. Shared by quick order and reorder.
import { el } from './ui.js';
import { plainDate, label, money } from './format.js';

export function renderPreview(preview, siteName = (id) => id) {
  const currency = preview.totals?.currency;
  const lineProblems = preview.lines.filter((line) => line.problems.length).length;
  return el('section', { class: 'card preview', 'aria-labelledby': 'preview-heading', dataset: { orderable: String(preview.orderable) } },
    el('h2', { id: 'preview-heading' }, 'Preview'),
    preview.orderable
      ? el('p', { class: 'success', role: 'status' }, 'Everything can be ordered as shown.')
      : el('div', { class: 'error', role: 'alert' }, 'This order cannot be placed yet: ',
        [lineProblems ? `${lineProblems} line(s) have problems` : null,
          preview.problems.length ? `${preview.problems.length} problem(s) with the order` : null].filter(Boolean).join(' and ') || 'see below',
        '.'),
    preview.problems.length ? el('ul', { class: 'order-problems' }, preview.problems.map((p) =>
      el('li', {}, el('strong', {}, label(p.code)), ': ', p.message))) : null,
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'preview-lines' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Line'), el('th', { scope: 'col' }, 'Code'), el('th', { scope: 'col' }, 'Product'),
        el('th', { scope: 'col', class: 'num' }, 'Quantity'), el('th', { scope: 'col' }, 'Package'),
        el('th', { scope: 'col' }, 'Site'), el('th', { scope: 'col', class: 'num' }, 'Unit price'),
        el('th', { scope: 'col', class: 'num' }, 'Line total'), el('th', { scope: 'col' }, 'Problems'))),
      el('tbody', {}, preview.lines.map((line) => el('tr', { class: line.problems.length ? 'has-problem' : null, dataset: { lineNo: line.lineNo } },
        el('td', { 'data-label': 'Line' }, String(line.lineNo)),
        el('td', { 'data-label': 'Code' }, el('code', {}, line.sku || '')),
        el('td', { 'data-label': 'Product' }, line.name || ''),
        el('td', { 'data-label': 'Quantity', class: 'num' }, line.quantity ?? ''),
        el('td', { 'data-label': 'Package' }, label(line.packageSize)),
        el('td', { 'data-label': 'Site' }, line.siteId ? siteName(line.siteId) : ''),
        el('td', { 'data-label': 'Unit price', class: 'num' }, line.unitPrice ? money(line.unitPrice, currency) : '–'),
        el('td', { 'data-label': 'Line total', class: 'num' }, line.lineTotal ? money(line.lineTotal, currency) : '–'),
        el('td', { 'data-label': 'Problems', class: 'line-problems' }, line.problems.map((p) =>
          el('div', {}, `Line ${line.lineNo}: ${p.message}`)))))))),
    preview.totals ? el('dl', { class: 'facts totals' },
      el('dt', {}, 'Goods'), el('dd', { class: 'goods' }, money(preview.totals.goods, currency)),
      el('dt', {}, 'Freight'), el('dd', { class: 'freight' }, money(preview.totals.freight, currency)),
      el('dt', {}, 'Total'), el('dd', { class: 'total' }, el('strong', {}, money(preview.totals.total, currency))),
      el('dt', {}, 'Payment due'), el('dd', { class: 'due' }, plainDate(preview.paymentDueDate)),
      el('dt', {}, 'Earliest delivery'), el('dd', {}, plainDate(preview.earliestDeliveryDate)),
      el('dt', {}, 'Agreement'), el('dd', {}, preview.agreementNumber || '')) : el('p', { class: 'empty' }, 'No line could be priced.'));
}

/** The lines to place exactly as previewed (the preview chose the package size where the text named none). */
export function linesToPlace(preview) {
  return preview.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, packageSize: line.packageSize, siteId: line.siteId }));
}

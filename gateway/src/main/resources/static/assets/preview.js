// A priced preview (POST /api/orders/preview, or a reorder preview): lines with their problems by line number,
// freight, totals, payment due date. Shared by quick order and reorder.
import { el } from './ui.js';
import { plainDate, label, money } from './format.js';
import { t } from './i18n.js';

export function renderPreview(preview, siteName = (id) => id) {
  const currency = preview.totals?.currency;
  const lineProblems = preview.lines.filter((line) => line.problems.length).length;
  return el('section', { class: 'card preview', 'aria-labelledby': 'preview-heading', dataset: { orderable: String(preview.orderable) } },
    el('h2', { id: 'preview-heading' }, t('preview.heading')),
    preview.orderable
      ? el('p', { class: 'success', role: 'status' }, t('preview.orderable'))
      : el('div', { class: 'error', role: 'alert' }, notOrderable(lineProblems, preview.problems.length)),
    preview.problems.length ? el('ul', { class: 'order-problems' }, preview.problems.map((p) =>
      el('li', {}, el('strong', {}, label(p.code)), ': ', p.message))) : null,
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'preview-lines' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t('lines.line')), el('th', { scope: 'col' }, t('lines.code')),
        el('th', { scope: 'col' }, t('lines.product')), el('th', { scope: 'col', class: 'num' }, t('lines.quantity')),
        el('th', { scope: 'col' }, t('lines.package')), el('th', { scope: 'col' }, t('lines.site')),
        el('th', { scope: 'col', class: 'num' }, t('lines.unitPrice')),
        el('th', { scope: 'col', class: 'num' }, t('lines.lineTotal')), el('th', { scope: 'col' }, t('lines.problems')))),
      el('tbody', {}, preview.lines.map((line) => el('tr', { class: line.problems.length ? 'has-problem' : null, dataset: { lineNo: line.lineNo } },
        el('td', { 'data-label': t('lines.line') }, String(line.lineNo)),
        el('td', { 'data-label': t('lines.code') }, el('code', {}, line.sku || '')),
        el('td', { 'data-label': t('lines.product') }, line.name || ''),
        el('td', { 'data-label': t('lines.quantity'), class: 'num' }, line.quantity ?? ''),
        el('td', { 'data-label': t('lines.package') }, label(line.packageSize)),
        el('td', { 'data-label': t('lines.site') }, line.siteId ? siteName(line.siteId) : ''),
        el('td', { 'data-label': t('lines.unitPrice'), class: 'num' }, line.unitPrice ? money(line.unitPrice, currency) : '–'),
        el('td', { 'data-label': t('lines.lineTotal'), class: 'num' }, line.lineTotal ? money(line.lineTotal, currency) : '–'),
        el('td', { 'data-label': t('lines.problems'), class: 'line-problems' }, line.problems.map((p) =>
          el('div', {}, `${t('common.lineNo', { line: line.lineNo })}${p.message}`)))))))),
    preview.totals ? el('dl', { class: 'facts totals' },
      el('dt', {}, t('totals.goods')), el('dd', { class: 'goods' }, money(preview.totals.goods, currency)),
      el('dt', {}, t('totals.freight')), el('dd', { class: 'freight' }, money(preview.totals.freight, currency)),
      el('dt', {}, t('totals.total')), el('dd', { class: 'total' }, el('strong', {}, money(preview.totals.total, currency))),
      el('dt', {}, t('preview.paymentDue')), el('dd', { class: 'due' }, plainDate(preview.paymentDueDate)),
      el('dt', {}, t('preview.earliestDelivery')), el('dd', {}, plainDate(preview.earliestDeliveryDate)),
      el('dt', {}, t('common.agreement')), el('dd', {}, preview.agreementNumber || ''))
      : el('p', { class: 'empty' }, t('preview.nothingPriced')));
}

/** "This order cannot be placed yet: 2 lines have problems and 1 problem with the order." */
function notOrderable(lineProblems, orderProblems) {
  const parts = [lineProblems ? t('preview.lineProblems', { count: lineProblems }) : null,
    orderProblems ? t('preview.orderProblems', { count: orderProblems }) : null].filter(Boolean);
  return t('preview.notOrderable', { problems: parts.length === 2 ? t('common.and', { first: parts[0], second: parts[1] })
    : parts[0] || t('preview.seeBelow') });
}

/** The lines to place exactly as previewed (the preview chose the package size where the text named none). */
export function linesToPlace(preview) {
  return preview.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, packageSize: line.packageSize, siteId: line.siteId }));
}

// One invoice or credit note: what it charges, line by line, its VAT per rate, what is paid, and how to pay it
// (the RF reference); with its PDF in the three languages and its e-invoice.
import { api } from '../api.js';
import { startPage, BUYERS, SUPPORT } from '../layout.js';
import { el, load, statusBadge, param } from '../ui.js';
import { plainDate, money, label } from '../format.js';

const LANGUAGES = { fi: 'Finnish', sv: 'Swedish', en: 'English' };

const { me, main } = await startPage({ heading: 'Invoice', allowedRoles: [...BUYERS, ...SUPPORT] });
if (me) {
  const id = param('id');
  const content = el('section', { 'aria-live': 'polite', 'aria-label': 'Invoice' });
  main.append(content);
  load(content, api(`/api/invoices/${encodeURIComponent(id || '')}`), ({ body }) => render(body))
    .then((result) => {
      // Someone else's invoice is answered like one that does not exist; the page says which it may be.
      const error = content.querySelector('.error');
      if (!result && error) {
        error.id = 'not-found';
        error.prepend(el('strong', {}, 'Invoice not found: it does not exist, or it is not one of yours. '));
      }
    });
}

function render(detail) {
  const invoice = detail.invoice;
  const title = invoice.kind === 'CREDIT_NOTE' ? `Credit note ${invoice.number}` : `Invoice ${invoice.number}`;
  document.title = `${title} · Leverans`;
  main.querySelector('h1').textContent = title;
  const fact = (term, value) => [el('dt', {}, term), el('dd', {}, value)];
  const cur = invoice.currency;
  return [
    el('dl', { class: 'facts', id: 'facts' },
      fact('Status', statusBadge(invoice.overdue ? 'OVERDUE' : invoice.status)),
      fact('Customer', invoice.customerName || invoice.customerId),
      fact('Issued', plainDate(invoice.issueDate)),
      invoice.kind === 'INVOICE' ? fact('Due', plainDate(invoice.dueDate)) : null,
      invoice.kind === 'INVOICE' ? fact('Payment terms', label(detail.paymentTerms)) : null,
      invoice.reference ? fact('Reference', el('span', { id: 'reference' }, invoice.reference)) : null,
      detail.agreementNumber ? fact('Agreement', detail.agreementNumber) : null,
      detail.reason ? fact('Reason', detail.reason) : null),
    el('h2', {}, 'Lines'),
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'lines' },
      el('thead', {}, el('tr', {}, ['Order', 'Product', 'Quantity', 'Unit price', 'VAT', 'Net']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, detail.lines.map((l) => el('tr', {},
        el('td', { 'data-label': 'Order' }, l.orderNumber || '–'),
        el('td', { 'data-label': 'Product' }, l.kind === 'FREIGHT' ? 'Freight' : `${l.sku} ${l.description}`),
        el('td', { 'data-label': 'Quantity', class: 'num' }, `${l.quantity}${l.unit ? ` ${l.unit}` : ''}`),
        el('td', { 'data-label': 'Unit price', class: 'num' }, money(l.unitPrice, cur)),
        el('td', { 'data-label': 'VAT', class: 'num' }, `${l.vatRate} %`),
        el('td', { 'data-label': 'Net', class: 'num' }, money(l.net, cur))))))),
    el('dl', { class: 'facts', id: 'totals' },
      fact('Total excluding VAT', money(invoice.net, cur)),
      detail.vat.flatMap((v) => fact(`VAT ${v.rate} % of ${money(v.taxable, cur)}`, money(v.tax, cur))),
      fact('Total', el('strong', {}, money(invoice.total, cur))),
      invoice.kind === 'INVOICE' ? fact('Paid', money(detail.paid, cur)) : null,
      invoice.kind === 'INVOICE' && detail.credited !== '0.00' ? fact('Credited', money(detail.credited, cur)) : null,
      invoice.kind === 'INVOICE' ? fact('To pay', el('strong', { id: 'open' }, money(invoice.open, cur))) : null),
    ...(invoice.kind === 'INVOICE' ? [el('h2', {}, 'Payments'), detail.payments.length
      ? el('ul', { id: 'payments' }, detail.payments.map((p) => el('li', {}, `${plainDate(p.paidOn)}: ${money(p.applied, cur)}`)))
      : el('p', { class: 'empty', id: 'payments' }, 'No payments yet.')] : []),
    el('h2', {}, 'Documents'),
    el('ul', { id: 'documents' },
      Object.entries(LANGUAGES).map(([code, name]) => el('li', {},
        el('a', { href: `/api/invoices/${invoice.id}/pdf?lang=${code}`, hreflang: code }, `PDF in ${name}`))),
      el('li', {}, el('a', { href: `/api/invoices/${invoice.id}/e-invoice` }, 'E-invoice (Peppol BIS Billing 3.0)'))),
  ];
}


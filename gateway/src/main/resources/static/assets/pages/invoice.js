// One invoice or credit note: what it charges, line by line, its VAT per rate, what is paid, and how to pay it
// (the RF reference); with its PDF in the three languages and its e-invoice.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, BUYERS, SUPPORT } from '../layout.js';
import { el, load, statusBadge, param } from '../ui.js';
import { plainDate, money, label, number } from '../format.js';

const LANGUAGES = ['fi', 'sv', 'en'];

const { me, main } = await startPage({ heading: 'invoice.heading', allowedRoles: [...BUYERS, ...SUPPORT] });
if (me) {
  const id = param('id');
  const content = el('section', { 'aria-live': 'polite', 'aria-label': t('invoice.heading') });
  main.append(content);
  load(content, api(`/api/invoices/${encodeURIComponent(id || '')}`), ({ body }) => render(body))
    .then((result) => {
      // Someone else's invoice is answered like one that does not exist; the page says which it may be.
      const error = content.querySelector('.error');
      if (!result && error) {
        error.id = 'not-found';
        error.prepend(el('strong', {}, t('invoice.notFound')), ' ');
      }
    });
}

function render(detail) {
  const invoice = detail.invoice;
  const title = t(invoice.kind === 'CREDIT_NOTE' ? 'invoice.creditNoteTitle' : 'invoice.title', { number: invoice.number });
  document.title = `${title} · Leverans`;
  main.querySelector('h1').textContent = title;
  const fact = (term, value) => [el('dt', {}, term), el('dd', {}, value)];
  const cur = invoice.currency;
  return [
    el('dl', { class: 'facts', id: 'facts' },
      fact(t('common.status'), statusBadge(invoice.overdue ? 'OVERDUE' : invoice.status)),
      fact(t('common.customer'), invoice.customerName || invoice.customerId),
      fact(t('invoice.issued'), plainDate(invoice.issueDate)),
      invoice.kind === 'INVOICE' ? fact(t('invoice.due'), plainDate(invoice.dueDate)) : null,
      invoice.kind === 'INVOICE' ? fact(t('invoice.paymentTerms'), label(detail.paymentTerms)) : null,
      invoice.reference ? fact(t('invoice.reference'), el('span', { id: 'reference' }, invoice.reference)) : null,
      detail.agreementNumber ? fact(t('common.agreement'), detail.agreementNumber) : null,
      detail.reason ? fact(t('common.reason'), detail.reason) : null),
    el('h2', {}, t('orderDetail.lines')),
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'lines' },
      el('thead', {}, el('tr', {}, ['orders.col.order', 'lines.product', 'lines.quantity', 'lines.unitPrice', 'invoice.vat', 'invoice.net']
        .map((h) => el('th', { scope: 'col' }, t(h))))),
      el('tbody', {}, detail.lines.map((l) => el('tr', {},
        el('td', { 'data-label': t('orders.col.order') }, l.orderNumber || '–'),
        el('td', { 'data-label': t('lines.product') }, l.kind === 'FREIGHT' ? t('totals.freight') : `${l.sku} ${l.description}`),
        el('td', { 'data-label': t('lines.quantity'), class: 'num' }, `${l.quantity}${l.unit ? ` ${l.unit}` : ''}`),
        el('td', { 'data-label': t('lines.unitPrice'), class: 'num' }, money(l.unitPrice, cur)),
        el('td', { 'data-label': t('invoice.vat'), class: 'num' }, vatRate(l.vatRate)),
        el('td', { 'data-label': t('invoice.net'), class: 'num' }, money(l.net, cur))))))),
    el('dl', { class: 'facts', id: 'totals' },
      fact(t('invoice.totalNet'), money(invoice.net, cur)),
      detail.vat.map((v) => fact(t('invoice.vatOf', { rate: vatRate(v.rate), taxable: money(v.taxable, cur) }), money(v.tax, cur))),
      fact(t('totals.total'), el('strong', {}, money(invoice.total, cur))),
      invoice.kind === 'INVOICE' ? fact(t('invoice.paid'), money(detail.paid, cur)) : null,
      invoice.kind === 'INVOICE' && detail.credited !== '0.00' ? fact(t('invoice.credited'), money(detail.credited, cur)) : null,
      invoice.kind === 'INVOICE' ? fact(t('invoice.toPay'), el('strong', { id: 'open' }, money(invoice.open, cur))) : null),
    invoice.kind === 'INVOICE' ? [el('h2', {}, t('invoice.payments')), detail.payments.length
      ? el('ul', { id: 'payments' }, detail.payments.map((p) => el('li', {}, `${plainDate(p.paidOn)}: ${money(p.applied, cur)}`)))
      : el('p', { class: 'empty', id: 'payments' }, t('invoice.noPayments'))] : null,
    el('h2', {}, t('invoice.documents')),
    el('ul', { id: 'documents' },
      LANGUAGES.map((code) => el('li', {},
        el('a', { href: `/api/invoices/${invoice.id}/pdf?lang=${code}`, hreflang: code }, t(`invoice.pdfIn.${code}`)))),
      el('li', {}, el('a', { href: `/api/invoices/${invoice.id}/e-invoice` }, t('invoice.eInvoice')))),
  ];
}

/** A VAT rate from the API ("25.5") as the language writes a percentage: "25.5 %", "25,5 %". */
function vatRate(rate) {
  return `${number(Number(rate), { maximumFractionDigits: 2 })} %`;
}

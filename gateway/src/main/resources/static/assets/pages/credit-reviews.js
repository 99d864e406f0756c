// The credit review queue: orders held for a person's decision, with the customer's credit beside each, and the
// decision buttons (release, reject with a reason, recheck).
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, clear, load, empty, errorBox, statusBadge, param } from '../ui.js';
import { dateTime, money, label } from '../format.js';

const FILTERS = ['OPEN', 'APPROVED', 'DECLINED', 'WITHDRAWN', 'ALL'];

const { me, main } = await startPage({ heading: 'Credit reviews', allowedRoles: SUPPORT });
if (me) {
  const status = FILTERS.includes(param('status')) ? param('status') : 'OPEN';
  main.append(el('form', { class: 'filters', method: 'get' },
    el('div', { class: 'field' }, el('label', { for: 'status' }, 'Show'),
      el('select', { id: 'status', name: 'status' }, FILTERS.map((f) => el('option', { value: f, selected: f === status }, f === 'ALL' ? 'All reviews' : label(f))))),
    el('button', { type: 'submit' }, 'Show')));
  const outcome = el('div', { 'aria-live': 'polite', id: 'outcome' });
  // The cards' h3 needs an h2 above it: a screen reader user moves through the queue by heading level.
  const heading = el('h2', { id: 'queue-heading' },
    status === 'OPEN' ? 'Waiting for a decision' : status === 'ALL' ? 'All reviews' : `${label(status)} reviews`);
  const queue = el('section', { id: 'queue', 'aria-labelledby': 'queue-heading' });
  main.append(outcome, heading, queue);
  const refresh = () => load(queue, api(`/api/support/credit-reviews?status=${status}`), ({ body }) =>
    body.items.length ? el('div', { class: 'grid' }, body.items.map((r) => card(r, outcome, refresh)))
      : empty(status === 'OPEN' ? 'No orders are waiting for a credit decision.' : 'No reviews.'));
  refresh();
}

function card(review, outcome, refresh) {
  const reasonId = `reason-${review.id}`;
  const reason = el('textarea', { id: reasonId, rows: 2, maxlength: 500 });
  const decide = async (decision, button) => {
    button.disabled = true;
    try {
      const answer = (await api(`/api/support/credit-reviews/${review.id}/decision`, {
        method: 'POST', body: { decision, reason: reason.value.trim() || undefined } })).body;
      clear(outcome, el('p', { class: 'success', role: 'status' },
        `${review.orderNumber || 'Order'} (${review.companyName || review.customerId}): ${label(decision)} → ${label(answer.outcome || answer.status)}.`));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, 'The decision was not recorded.'));
    }
  };
  return el('article', { class: 'card review', dataset: { reviewId: review.id, orderId: review.orderId } },
    el('h3', {}, review.orderNumber
      ? el('a', { href: `/support/order.html?id=${review.orderId}`, class: 'order-number' }, `Order ${review.orderNumber}`)
      : 'Order', ' ', statusBadge(review.status)),
    el('p', { class: 'company' }, review.companyName || review.customerId),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Order total'), el('dd', {}, money(review.orderTotal, review.currency)),
      el('dt', {}, 'Credit limit'), el('dd', {}, money(review.limit, review.accountCurrency)),
      el('dt', {}, 'In use'), el('dd', {}, money(review.exposure, review.accountCurrency)),
      el('dt', {}, 'Available'), el('dd', {}, money(review.available, review.accountCurrency)),
      review.accountBlocked ? [el('dt', {}, 'Account'), el('dd', {}, el('strong', {}, 'Blocked'))] : null,
      el('dt', {}, 'Held since'), el('dd', {}, dateTime(review.requestedAt)),
      review.closedAt ? [el('dt', {}, 'Closed'), el('dd', {}, `${dateTime(review.closedAt)} by ${review.closedBy}`)] : null),
    el('p', {}, 'Why held:'),
    el('ul', {}, (review.reasons || []).map((r) => el('li', {}, r.message || label(r.code)))),
    el('p', {}, el('a', { href: `/support/order.html?id=${review.orderId}` }, 'Order timeline')),
    review.status === 'OPEN' ? el('div', {},
      el('label', { for: reasonId }, 'Reason (required to reject)'), reason,
      el('div', { class: 'actions' },
        el('button', { type: 'button', onclick: (e) => decide('RELEASE', e.currentTarget) }, 'Release order'),
        el('button', { type: 'button', class: 'danger', onclick: (e) => decide('REJECT', e.currentTarget) }, 'Reject order'),
        el('button', { type: 'button', class: 'secondary', onclick: (e) => decide('RECHECK', e.currentTarget) }, 'Recheck credit'))) : null);
}

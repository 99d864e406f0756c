// The credit review queue: orders held for a person's decision, with the customer's credit beside each, and the
// decision buttons (release, reject with a reason, recheck).
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, clear, load, empty, errorBox, statusBadge, param } from '../ui.js';
import { dateTime, money, label } from '../format.js';

const FILTERS = ['OPEN', 'APPROVED', 'DECLINED', 'WITHDRAWN', 'ALL'];

const { me, main } = await startPage({ heading: 'nav.creditReviews', allowedRoles: SUPPORT });
if (me) {
  const status = FILTERS.includes(param('status')) ? param('status') : 'OPEN';
  main.append(el('form', { class: 'filters', method: 'get' },
    el('div', { class: 'field' }, el('label', { for: 'status' }, t('common.show')),
      el('select', { id: 'status', name: 'status' }, FILTERS.map((f) => el('option', { value: f, selected: f === status }, f === 'ALL' ? t('reviews.all') : label(f))))),
    el('button', { type: 'submit' }, t('common.show'))));
  const outcome = el('div', { 'aria-live': 'polite', id: 'outcome' });
  // The cards' h3 needs an h2 above it: a screen reader user moves through the queue by heading level.
  const heading = el('h2', { id: 'queue-heading' },
    status === 'OPEN' ? t('approvals.waiting') : status === 'ALL' ? t('reviews.all')
      : t('reviews.ofStatus', { status: label(status) }));
  const queue = el('section', { id: 'queue', 'aria-labelledby': 'queue-heading' });
  main.append(outcome, heading, queue);
  const refresh = () => load(queue, api(`/api/support/credit-reviews?status=${status}`), ({ body }) =>
    body.items.length ? el('div', { class: 'grid' }, body.items.map((r) => card(r, outcome, refresh)))
      : empty(status === 'OPEN' ? t('reviews.noneWaiting') : t('reviews.none')));
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
        `${review.orderNumber || t('orderDetail.heading')} (${review.companyName || review.customerId}): `
          + `${label(decision)} → ${label(answer.outcome || answer.status)}.`));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, t('common.decisionFailed')));
    }
  };
  return el('article', { class: 'card review', dataset: { reviewId: review.id, orderId: review.orderId } },
    el('h3', {}, review.orderNumber
      ? el('a', { href: `/support/order.html?id=${review.orderId}`, class: 'order-number' }, t('orderDetail.title', { number: review.orderNumber }))
      : t('orderDetail.heading'), ' ', statusBadge(review.status)),
    el('p', { class: 'company' }, review.companyName || review.customerId),
    el('dl', { class: 'facts' },
      el('dt', {}, t('reviews.orderTotal')), el('dd', {}, money(review.orderTotal, review.currency)),
      el('dt', {}, t('reviews.creditLimit')), el('dd', {}, money(review.limit, review.accountCurrency)),
      el('dt', {}, t('reviews.inUse')), el('dd', {}, money(review.exposure, review.accountCurrency)),
      el('dt', {}, t('reviews.available')), el('dd', {}, money(review.available, review.accountCurrency)),
      review.accountBlocked ? [el('dt', {}, t('reviews.account')), el('dd', {}, el('strong', {}, t('reviews.blocked')))] : null,
      el('dt', {}, t('reviews.heldSince')), el('dd', {}, dateTime(review.requestedAt)),
      review.closedAt ? [el('dt', {}, t('reviews.closed')), el('dd', {}, t('common.atBy', { time: dateTime(review.closedAt), who: review.closedBy }))] : null),
    el('p', {}, t('reviews.why')),
    el('ul', {}, (review.reasons || []).map((r) => el('li', {}, r.message || label(r.code)))),
    el('p', {}, el('a', { href: `/support/order.html?id=${review.orderId}` }, t('timeline.heading'))),
    review.status === 'OPEN' ? el('div', {},
      el('label', { for: reasonId }, t('reviews.reason')), reason,
      el('div', { class: 'actions' },
        el('button', { type: 'button', onclick: (e) => decide('RELEASE', e.currentTarget) }, t('reviews.release')),
        el('button', { type: 'button', class: 'danger', onclick: (e) => decide('REJECT', e.currentTarget) }, t('common.reject')),
        el('button', { type: 'button', class: 'secondary', onclick: (e) => decide('RECHECK', e.currentTarget) }, t('reviews.recheck')))) : null);
}

// Customer service's claim queue, oldest first: what the customer says with their photos, and the decision: accept
// with a credit or a replacement order, or reject with the reason the customer is told.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, clear, load, empty, errorBox, param } from '../ui.js';
import { label, todayIso } from '../format.js';
import { claimCard } from '../claims.js';

const FILTERS = ['OPEN', 'ACCEPTED', 'REJECTED'];

const { me, main } = await startPage({ heading: 'nav.claims', allowedRoles: SUPPORT });
if (me) {
  const status = FILTERS.includes(param('status')) ? param('status') : 'OPEN';
  main.append(el('form', { class: 'filters', method: 'get' },
    el('div', { class: 'field' }, el('label', { for: 'status' }, t('common.show')),
      el('select', { id: 'status', name: 'status' }, FILTERS.map((f) => el('option', { value: f, selected: f === status }, label(f))))),
    el('button', { type: 'submit' }, t('common.show'))));
  const outcome = el('div', { 'aria-live': 'polite', id: 'outcome' });
  const heading = el('h2', { id: 'queue-heading' }, status === 'OPEN' ? t('claims.waiting') : t('claims.ofStatus', { status: label(status) }));
  const queue = el('section', { id: 'queue', 'aria-labelledby': 'queue-heading' });
  main.append(outcome, heading, queue);
  const refresh = () => load(queue, api(`/api/support/claims?status=${status}`), ({ body }) =>
    body.length ? el('div', { class: 'grid' }, body.map((c) => claimCard(c, {
      orderLink: `/support/order.html?id=${encodeURIComponent(c.orderId)}`,
      orderPage: (id) => `/support/order.html?id=${encodeURIComponent(id)}`,
      actions: c.status === 'OPEN' ? decisionForm(c, outcome, refresh) : null })))
      : empty(status === 'OPEN' ? t('claims.noneWaiting') : t('claims.none')));
  refresh();
}

function decisionForm(claim, outcome, refresh) {
  const id = claim.id;
  const note = el('textarea', { id: `note-${id}`, rows: 2, maxlength: 2000 });
  const remedy = (value, key) => el('label', {}, el('input', { type: 'radio', name: `remedy-${id}`, value, checked: value === 'CREDIT' }), ' ', t(key));
  const date = el('input', { id: `replacement-date-${id}`, type: 'date', min: todayIso() });
  const from = el('input', { id: `replacement-from-${id}`, type: 'time', value: '07:00' });
  const to = el('input', { id: `replacement-to-${id}`, type: 'time', value: '15:00' });
  const form = el('form', { class: 'fields decision', novalidate: true, onsubmit: (e) => e.preventDefault() },
    el('fieldset', {}, el('legend', {}, t('claims.remedy')), remedy('CREDIT', 'claims.remedyCredit'), remedy('REPLACEMENT', 'claims.remedyReplacement')),
    el('div', { class: 'field' }, el('label', { for: `replacement-date-${id}` }, t('claims.replacementDate')), date),
    el('div', { class: 'field' }, el('label', { for: `replacement-from-${id}` }, t('claims.replacementFrom')), from),
    el('div', { class: 'field' }, el('label', { for: `replacement-to-${id}` }, t('claims.replacementTo')), to),
    el('div', { class: 'field' }, el('label', { for: `note-${id}` }, t('claims.note')), note));
  const decide = async (outcomeCode, button) => {
    const chosen = form.querySelector(`input[name="remedy-${id}"]:checked`)?.value;
    const body = { outcome: outcomeCode, note: note.value.trim() || undefined };
    if (outcomeCode === 'ACCEPT') {
      body.remedy = chosen;
      if (chosen === 'REPLACEMENT') body.replacementDelivery = { date: date.value || undefined, from: from.value, to: to.value };
    }
    button.disabled = true;
    try {
      const decided = (await api(`/api/support/claims/${id}/decision`, { method: 'POST', body })).body;
      clear(outcome, el('p', { class: 'success', role: 'status' }, t('claims.decided', { number: decided.number, status: label(decided.status) }),
        decided.replacementOrderNumber ? [' ', el('a', { href: `/support/order.html?id=${encodeURIComponent(decided.replacementOrderId)}` },
          t('claims.replacementOrder', { number: decided.replacementOrderNumber }))] : null));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, t('common.decisionFailed')));
    }
  };
  form.append(el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'accept', onclick: (e) => decide('ACCEPT', e.currentTarget) }, t('claims.accept')),
    el('button', { type: 'button', class: 'danger reject', onclick: (e) => decide('REJECT', e.currentTarget) }, t('claims.reject'))));
  return form;
}

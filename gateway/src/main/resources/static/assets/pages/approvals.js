// The agreement manager's approvals: orders above a spending limit waiting for a decision (approve, or reject with a
// reason the orderer reads), arriving live from the stream, and the spending limits per orderer and per site.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage } from '../layout.js';
import { el, clear, load, empty, errorBox, statusBadge, param } from '../ui.js';
import { dateTime, money, label } from '../format.js';
import { openStream, liveIndicator } from '../stream.js';

const FILTERS = ['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'ALL'];

const { me, main } = await startPage({ heading: 'approvals.heading', allowedRoles: ['AGREEMENT_MANAGER'] });
if (me) {
  const status = FILTERS.includes(param('status')) ? param('status') : 'PENDING';
  const live = liveIndicator();
  main.append(live.node, el('form', { class: 'filters', method: 'get' },
    el('div', { class: 'field' }, el('label', { for: 'status' }, t('common.show')),
      el('select', { id: 'status', name: 'status' }, FILTERS.map((f) => el('option', { value: f, selected: f === status },
        f === 'ALL' ? t('approvals.all') : f === 'PENDING' ? t('approvals.waiting') : label(f))))),
    el('button', { type: 'submit' }, t('common.show'))));
  const outcome = el('div', { 'aria-live': 'polite', id: 'outcome' });
  const heading = el('h2', { id: 'queue-heading' },
    status === 'PENDING' ? t('approvals.waitingForYou') : status === 'ALL' ? t('approvals.all')
      : t('approvals.ofStatus', { status: label(status) }));
  const queue = el('section', { id: 'queue', 'aria-labelledby': 'queue-heading' });
  const limits = el('section', { id: 'limits', 'aria-labelledby': 'limits-heading' });
  main.append(outcome, heading, queue, el('h2', { id: 'limits-heading' }, t('approvals.limits')), limits);
  const refresh = () => load(queue, api(`/api/approvals?status=${status}`), ({ body }) =>
    body.items.length ? el('div', { class: 'grid' }, body.items.map((a) => card(a, outcome, refresh)))
      : empty(status === 'PENDING' ? t('approvals.noneWaiting') : t('approvals.none')));
  const refreshLimits = () => load(limits, api('/api/approval-limits'), ({ body }) => limitsView(body, outcome, refreshLimits));
  refresh();
  refreshLimits();
  // An order above a limit arrives on the stream as it is placed: the queue shows it without a reload.
  let pending = null;
  openStream((name, data) => {
    if (name !== 'order.status-changed') return;
    clearTimeout(pending);
    pending = setTimeout(() => { refresh(); refreshLimits(); }, 250);
  }, live.update);
}

function card(approval, outcome, refresh) {
  const reasonId = `reason-${approval.orderId}`;
  const reason = el('textarea', { id: reasonId, rows: 2, maxlength: 500 });
  const currency = approval.currency;
  const decide = async (decision, button) => {
    button.disabled = true;
    try {
      const answer = (await api(`/api/approvals/${approval.orderId}/decision`, {
        method: 'POST', body: { decision, reason: reason.value.trim() || undefined } })).body;
      clear(outcome, el('p', { class: 'success', role: 'status' },
        t('approvals.decided', { number: approval.orderNumber, status: label(answer.status), who: answer.decidedBy })));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, t('common.decisionFailed')));
    }
  };
  return el('article', { class: 'card approval', dataset: { orderId: approval.orderId } },
    el('h3', {}, el('a', { href: `/buyer/order.html?id=${approval.orderId}`, class: 'order-number' },
      t('orderDetail.title', { number: approval.orderNumber })), ' ', statusBadge(approval.status)),
    el('dl', { class: 'facts' },
      el('dt', {}, t('approvals.placedBy')), el('dd', { class: 'placed-by' }, `${approval.placedBy}, ${dateTime(approval.placedAt)}`),
      el('dt', {}, t('totals.total')), el('dd', { class: 'total' }, el('strong', {}, money(approval.total, currency))),
      approval.status === 'PENDING'
        ? [el('dt', {}, t('orderDetail.decideBy')), el('dd', {}, dateTime(approval.expiresAt))]
        : [el('dt', {}, t('orderDetail.decided')), el('dd', { class: 'decided' }, approval.decidedBy
          ? t('common.atBy', { time: dateTime(approval.decidedAt), who: approval.decidedBy })
          : t('approvals.nobodyInTime', { time: dateTime(approval.decidedAt) }))],
      approval.note ? [el('dt', {}, t('common.note')), el('dd', {}, approval.note)] : null),
    el('p', {}, t('approvals.why')),
    el('ul', { class: 'reasons' }, (approval.reasons || []).map((r) => el('li', {}, r.message || label(r.code)))),
    el('details', {}, el('summary', {}, t('common.lines', { count: approval.lines.length })),
      el('ul', {}, approval.lines.map((l) => el('li', {},
        t('approvals.line', { quantity: l.quantity, name: l.name || l.sku, sku: l.sku, site: l.siteName || t('approvals.site'),
          total: money(l.lineTotal, currency) }))))),
    approval.status === 'PENDING' ? el('div', {},
      el('label', { for: reasonId }, t('approvals.reason')), reason,
      el('div', { class: 'actions' },
        el('button', { type: 'button', onclick: (e) => decide('APPROVE', e.currentTarget) }, t('approvals.approve')),
        el('button', { type: 'button', class: 'danger', onclick: (e) => decide('REJECT', e.currentTarget) }, t('common.reject')))) : null);
}

function limitsView(view, outcome, refresh) {
  const currency = view.currency;
  const everyone = [...view.orderers.map((o) => ({ ...o, scope: 'orderers', kind: t('role.ORDERER') })),
    ...view.sites.map((s) => ({ ...s, scope: 'sites', kind: t('common.site') }))];
  const remove = async (who, button) => {
    button.disabled = true;
    try {
      await api(`/api/approval-limits/${who.scope}/${encodeURIComponent(who.id)}`, { method: 'DELETE' });
      clear(outcome, el('p', { class: 'success', role: 'status' }, t('approvals.limitRemoved', { name: who.name })));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, t('approvals.limitNotRemoved')));
    }
  };
  const whom = el('select', { id: 'limit-for', required: true }, everyone.map((w, i) =>
    el('option', { value: String(i) }, `${w.kind}: ${w.name}`)));
  const orderLimit = el('input', { id: 'order-limit', inputmode: 'decimal', required: true});
  const budget = el('input', { id: 'monthly-budget', inputmode: 'decimal'});
  const save = async (event) => {
    event.preventDefault();
    const who = everyone[Number(whom.value)];
    const button = event.currentTarget.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api(`/api/approval-limits/${who.scope}/${encodeURIComponent(who.id)}`, { method: 'PUT',
        body: { orderLimit: orderLimit.value.trim() || undefined, monthlyBudget: budget.value.trim() || undefined } });
      clear(outcome, el('p', { class: 'success', role: 'status' }, t('approvals.limitSaved', { name: who.name })));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, t('approvals.limitNotSaved')));
    }
  };
  return [
    el('p', { class: 'hint' }, t('approvals.limitsHint', { agreement: view.agreementNumber, currency, month: view.month })),
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'limit-table' },
      el('caption', { class: 'visually-hidden' }, t('approvals.limitsCaption')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('approvals.for')), el('th', { scope: 'col', class: 'num' }, t('approvals.orderLimit')),
        el('th', { scope: 'col', class: 'num' }, t('approvals.monthlyBudget')),
        el('th', { scope: 'col', class: 'num' }, t('approvals.spentIn', { month: view.month })),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('common.actions'))))),
      el('tbody', {}, everyone.map((w) => el('tr', { dataset: { limitFor: w.id } },
        el('td', { 'data-label': t('approvals.for') }, `${w.kind}: ${w.name}`),
        el('td', { 'data-label': t('approvals.orderLimit'), class: 'num' }, w.limit ? money(w.limit.orderLimit, currency) : t('approvals.noLimit')),
        el('td', { 'data-label': t('approvals.monthlyBudget'), class: 'num' }, w.limit?.monthlyBudget ? money(w.limit.monthlyBudget, currency) : '–'),
        el('td', { 'data-label': t('approvals.spentIn', { month: view.month }), class: 'num' }, money(w.spentThisMonth, currency)),
        el('td', { 'data-label': t('common.actions') }, w.limit ? el('button', { type: 'button', class: 'secondary',
          'aria-label': t('approvals.removeFor', { name: w.name }), onclick: (e) => remove(w, e.currentTarget) },
          t('approvals.remove')) : '')))))),
    el('form', { class: 'fields', id: 'limit-form', onsubmit: save, novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'limit-for' }, t('approvals.setFor')), whom),
      el('div', { class: 'field' }, el('label', { for: 'order-limit' }, t('approvals.orderLimitIn', { currency })), orderLimit),
      el('div', { class: 'field' }, el('label', { for: 'monthly-budget' }, t('approvals.budgetIn', { currency })), budget),
      el('button', { type: 'submit' }, t('approvals.save'))),
  ];
}

// The agreement manager's approvals: orders above a spending limit waiting for a decision (approve, or reject with a
// reason the orderer reads), arriving live from the stream, and the spending limits per orderer and per site.
import { api } from '../api.js';
import { startPage } from '../layout.js';
import { el, clear, load, empty, errorBox, statusBadge, param } from '../ui.js';
import { dateTime, money, label } from '../format.js';
import { openStream, liveIndicator } from '../stream.js';

const FILTERS = ['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'ALL'];

const { me, main } = await startPage({ heading: 'Approvals', allowedRoles: ['AGREEMENT_MANAGER'] });
if (me) {
  const status = FILTERS.includes(param('status')) ? param('status') : 'PENDING';
  const live = liveIndicator();
  main.append(live.node, el('form', { class: 'filters', method: 'get' },
    el('div', { class: 'field' }, el('label', { for: 'status' }, 'Show'),
      el('select', { id: 'status', name: 'status' }, FILTERS.map((f) => el('option', { value: f, selected: f === status },
        f === 'ALL' ? 'All approvals' : f === 'PENDING' ? 'Waiting for a decision' : label(f))))),
    el('button', { type: 'submit' }, 'Show')));
  const outcome = el('div', { 'aria-live': 'polite', id: 'outcome' });
  const heading = el('h2', { id: 'queue-heading' },
    status === 'PENDING' ? 'Waiting for your approval' : status === 'ALL' ? 'All approvals' : `${label(status)} orders`);
  const queue = el('section', { id: 'queue', 'aria-labelledby': 'queue-heading' });
  const limits = el('section', { id: 'limits', 'aria-labelledby': 'limits-heading' });
  main.append(outcome, heading, queue, el('h2', { id: 'limits-heading' }, 'Spending limits'), limits);
  const refresh = () => load(queue, api(`/api/approvals?status=${status}`), ({ body }) =>
    body.items.length ? el('div', { class: 'grid' }, body.items.map((a) => card(a, outcome, refresh)))
      : empty(status === 'PENDING' ? 'No orders are waiting for your approval.' : 'No approvals.'));
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
        `Order ${approval.orderNumber}: ${label(answer.status)} by ${answer.decidedBy}.`));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, 'The decision was not recorded.'));
    }
  };
  return el('article', { class: 'card approval', dataset: { orderId: approval.orderId } },
    el('h3', {}, el('a', { href: `/buyer/order.html?id=${approval.orderId}`, class: 'order-number' },
      `Order ${approval.orderNumber}`), ' ', statusBadge(approval.status)),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Placed by'), el('dd', { class: 'placed-by' }, `${approval.placedBy}, ${dateTime(approval.placedAt)}`),
      el('dt', {}, 'Total'), el('dd', { class: 'total' }, el('strong', {}, money(approval.total, currency))),
      approval.status === 'PENDING'
        ? [el('dt', {}, 'Decide by'), el('dd', {}, dateTime(approval.expiresAt))]
        : [el('dt', {}, 'Decided'), el('dd', { class: 'decided' },
          `${dateTime(approval.decidedAt)}${approval.decidedBy ? ` by ${approval.decidedBy}` : ' (nobody answered in time)'}`)],
      approval.note ? [el('dt', {}, 'Note'), el('dd', {}, approval.note)] : null),
    el('p', {}, 'Why it needs approval:'),
    el('ul', { class: 'reasons' }, (approval.reasons || []).map((r) => el('li', {}, r.message || label(r.code)))),
    el('details', {}, el('summary', {}, `${approval.lines.length} line(s)`),
      el('ul', {}, approval.lines.map((l) => el('li', {},
        `${l.quantity} × ${l.name || l.sku} (${l.sku}) to ${l.siteName || 'site'}: ${money(l.lineTotal, currency)}`)))),
    approval.status === 'PENDING' ? el('div', {},
      el('label', { for: reasonId }, 'Reason (required to reject; the orderer sees it)'), reason,
      el('div', { class: 'actions' },
        el('button', { type: 'button', onclick: (e) => decide('APPROVE', e.currentTarget) }, 'Approve order'),
        el('button', { type: 'button', class: 'danger', onclick: (e) => decide('REJECT', e.currentTarget) }, 'Reject order'))) : null);
}

function limitsView(view, outcome, refresh) {
  const currency = view.currency;
  const everyone = [...view.orderers.map((o) => ({ ...o, scope: 'orderers', kind: 'Orderer' })),
    ...view.sites.map((s) => ({ ...s, scope: 'sites', kind: 'Site' }))];
  const remove = async (who, button) => {
    button.disabled = true;
    try {
      await api(`/api/approval-limits/${who.scope}/${encodeURIComponent(who.id)}`, { method: 'DELETE' });
      clear(outcome, el('p', { class: 'success', role: 'status' }, `The limit for ${who.name} was removed.`));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, 'The limit was not removed.'));
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
      clear(outcome, el('p', { class: 'success', role: 'status' }, `The limit for ${who.name} was saved.`));
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, 'The limit was not saved.'));
    }
  };
  return [
    el('p', { class: 'hint' }, `Agreement ${view.agreementNumber}, amounts in ${currency}. An order above the order limit, `
      + `or one that would take the month (${view.month}) over the budget, waits for your approval.`),
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'limit-table' },
      el('caption', { class: 'visually-hidden' }, 'Spending limits per orderer and per site'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'For'), el('th', { scope: 'col', class: 'num' }, 'Order limit'),
        el('th', { scope: 'col', class: 'num' }, 'Monthly budget'), el('th', { scope: 'col', class: 'num' }, `Spent in ${view.month}`),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Actions')))),
      el('tbody', {}, everyone.map((w) => el('tr', { dataset: { limitFor: w.id } },
        el('td', { 'data-label': 'For' }, `${w.kind}: ${w.name}`),
        el('td', { 'data-label': 'Order limit', class: 'num' }, w.limit ? money(w.limit.orderLimit, currency) : 'No limit'),
        el('td', { 'data-label': 'Monthly budget', class: 'num' }, w.limit?.monthlyBudget ? money(w.limit.monthlyBudget, currency) : '–'),
        el('td', { 'data-label': `Spent in ${view.month}`, class: 'num' }, money(w.spentThisMonth, currency)),
        el('td', { 'data-label': 'Actions' }, w.limit ? el('button', { type: 'button', class: 'secondary',
          'aria-label': `Remove the limit for ${w.name}`, onclick: (e) => remove(w, e.currentTarget) }, 'Remove') : '')))))),
    el('form', { class: 'fields', id: 'limit-form', onsubmit: save, novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'limit-for' }, 'Set a limit for'), whom),
      el('div', { class: 'field' }, el('label', { for: 'order-limit' }, `Order limit (${currency})`), orderLimit),
      el('div', { class: 'field' }, el('label', { for: 'monthly-budget' }, `Monthly budget (${currency}, optional)`), budget),
      el('button', { type: 'submit' }, 'Save limit')),
  ];
}

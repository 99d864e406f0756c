// Everything that happened to one order, across order, credit and shipment events, for customer service; and the
// same lines ordered again for the customer when they ask (placed by the agent, under the customer's agreement).
import { t } from '../i18n.js';
import { api, newIdempotencyKey } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, clear, load, errorBox, statusBadge, param, empty } from '../ui.js';
import { dateTime, label, money, deliveryWindow, windowBasis, windowConfidence, eventName, carrierName, invoicingText } from '../format.js';
import { openStream, liveIndicator } from '../stream.js';
import { claimCard } from '../claims.js';

const { me, main } = await startPage({ heading: 'timeline.heading', allowedRoles: SUPPORT });
const id = param('id');
if (me && !id) {
  main.append(errorBox({ message: t('timeline.noId') }));
} else if (me) {
  const live = liveIndicator();
  const view = el('div', { id: 'timeline-view' });
  const following = el('div', { class: 'follow', id: 'follow' });
  main.append(el('p', {}, el('a', { href: '/support/search.html' }, t('timeline.findAnother'))), live.node, following,
    view);
  let customerId = null;
  let placed = null;
  const refresh = () => load(view, Promise.all([
    api(`/api/support/orders/${encodeURIComponent(id)}/timeline`),
    api(`/api/orders/${encodeURIComponent(id)}`),
    currentWindows(id),
    api(`/api/orders/${encodeURIComponent(id)}/claims`),
  ]), ([timeline, order, windows, claims]) => {
    main.querySelector('h1').textContent = t('orderDetail.title', { number: timeline.body.orderNumber });
    customerId = timeline.body.customerId;
    placed = { customerName: timeline.body.customerName || t('common.customer'), slot: order.body.requestedDelivery };
    return [render(timeline.body, order.body, windows), claims.body.length ? el('section', { id: 'claims', 'aria-labelledby': 'claims-heading' },
      el('h2', { id: 'claims-heading' }, t('claims.heading')),
      el('p', {}, el('a', { href: '/support/claims.html' }, t('claims.toQueue'))),
      el('div', { class: 'grid' }, claims.body.map((c) => claimCard(c)))) : null];
  });
  await refresh();
  let pending = null;
  // Customer service hears on the live stream only what it follows; the open stream learns of a new follow at
  // once, and the timeline is read again for what happened before it.
  openStream((name, data) => {
    if (data.orderId !== id) return;
    clearTimeout(pending);
    pending = setTimeout(refresh, 250);
  }, live.update);
  await followControl(following, customerId, refresh);
  if (placed) main.append(orderAgainForCustomer(placed));
}

/**
 * The earlier order's lines again, for the customer on the phone: placed by the agent under the customer's agreement
 * and prices, and recorded as such in the new order's timeline and in the audit log. One Idempotency-Key per form,
 * so a double click places one order.
 */
function orderAgainForCustomer({ customerName, slot }) {
  const from = slot?.from || '07:00';
  const to = slot?.to || '09:00';
  const date = el('input', { id: 'behalf-date', type: 'date', required: true });
  const po = el('input', { id: 'behalf-po', maxlength: 64 });
  const note = el('textarea', { id: 'behalf-note', rows: 2, maxlength: 2000 });
  const result = el('div', { 'aria-live': 'polite', id: 'behalf-result' });
  let key = newIdempotencyKey();
  const submit = async (event) => {
    event.preventDefault();
    if (!date.value) { clear(result, errorBox({ message: t('orderDetail.chooseDate') })); date.focus(); return; }
    const button = event.currentTarget.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const answer = (await api(`/api/support/orders/${encodeURIComponent(id)}/reorder`, { method: 'POST',
        headers: { 'Idempotency-Key': key }, body: { requestedDelivery: { date: date.value, from, to },
          purchaseOrderNumber: po.value.trim() || undefined, note: note.value.trim() || undefined } })).body;
      key = newIdempotencyKey();
      clear(result, el('p', { class: 'success', role: 'status' }, t('behalf.placed', { customer: customerName }), ' ',
        el('a', { href: `/support/order.html?id=${encodeURIComponent(answer.id)}`, id: 'behalf-order' },
          t('orderDetail.title', { number: answer.orderNumber }))));
    } catch (error) {
      clear(result, errorBox(error, t('orderDetail.reorderNotPlaced')));
    } finally {
      button.disabled = false;
    }
  };
  return el('section', { id: 'order-for-customer', class: 'card', 'aria-labelledby': 'behalf-heading' },
    el('h2', { id: 'behalf-heading' }, t('behalf.heading', { customer: customerName })),
    el('p', { class: 'hint' }, t('behalf.hint', { customer: customerName })),
    el('form', { class: 'fields', onsubmit: submit, novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'behalf-date' }, t('orderDetail.deliveryDateSlot', { from, to })), date),
      el('div', { class: 'field' }, el('label', { for: 'behalf-po' }, t('common.purchaseOrderNumber')), po),
      el('div', { class: 'field' }, el('label', { for: 'behalf-note' }, t('behalf.note')), note),
      el('button', { type: 'submit' }, t('behalf.place', { customer: customerName }))),
    result);
}

/** "Follow this order" / "Stop following": the order's changes then reach this person live (and by e-mail). */
async function followControl(container, customerId, onChange) {
  const show = (follow, error) => clear(container,
    follow
      ? el('p', {}, follow.customerId ? t('timeline.followCustomer') : t('timeline.followOrder'), ' ',
        follow.orderId ? el('button', { type: 'button', class: 'secondary', onclick: (e) => change(e.target, () =>
          api(`/api/subscriptions/follows/${follow.id}`, { method: 'DELETE' }).then(() => null)) }, t('timeline.stop')) : null)
      : el('p', {}, t('timeline.followHint'), ' ',
        el('button', { type: 'button', onclick: (e) => change(e.target, () =>
          api('/api/subscriptions/follows', { method: 'POST', body: { orderId: id } }).then((r) => r.body)) },
        t('timeline.follow'))),
    error ? errorBox(error, t('timeline.followFailed')) : null);
  const change = async (button, request) => {
    button.disabled = true;
    try {
      const follow = await request();
      show(follow);
      onChange();
    } catch (error) {
      button.disabled = false;
      container.append(errorBox(error, t('timeline.followFailed')));
    }
  };
  try {
    const { body } = await api('/api/subscriptions/follows');
    show(body.items.find((f) => f.orderId === id) || body.items.find((f) => f.customerId === customerId) || null);
  } catch (error) {
    show(null, error);
  }
}

/**
 * The shipments' windows as delivery-service draws them now, with how sure each is, by shipment id. A customer
 * asking "can I book the crane for 7?" gets the same answer the receiver sees; without them the page still works.
 */
async function currentWindows(orderId) {
  try {
    const { body } = await api(`/api/shipments?orderId=${encodeURIComponent(orderId)}`);
    return new Map(body.items.map((s) => [s.id, s]));
  } catch {
    return new Map();
  }
}

function render(timeline, order, windows) {
  const currency = order.totals?.currency;
  return [
    el('section', { class: 'card', 'aria-label': t('orderDetail.heading') },
      el('p', {}, statusBadge(timeline.status)),
      el('dl', { class: 'facts' },
        el('dt', {}, t('common.customer')), el('dd', { id: 'customer' }, timeline.customerName
          ? el('span', { title: timeline.customerId }, timeline.customerName) : el('code', {}, timeline.customerId)),
        el('dt', {}, t('orders.col.purchaseOrder')), el('dd', {}, order.purchaseOrderNumber || '–'),
        el('dt', {}, t('orders.col.placed')), el('dd', {}, t('common.atBy', { time: dateTime(order.placedAt), who: order.placedBy })),
        el('dt', {}, t('totals.total')), el('dd', {}, order.totals ? money(order.totals.total, currency) : '–'),
        el('dt', {}, t('orderDetail.shipments')), el('dd', {}, order.shipments?.length
          ? el('ul', { id: 'shipments' }, order.shipments.map((s) => shipment(s, windows.get(s.id))))
          : t('timeline.noShipments')),
        order.statusReasons?.length ? [el('dt', {}, t('timeline.reasons')), el('dd', {}, order.statusReasons.map((r) => r.message || r.code).join('; '))] : null),
      el('p', {}, el('a', { href: `/buyer/order.html?id=${order.id}` }, t('timeline.asCustomer')))),
    el('h2', {}, t('timeline.timeline')),
    timeline.events.length ? el('ol', { class: 'timeline', id: 'timeline' }, timeline.events.map((e) => el('li', { dataset: { type: e.type } },
      el('time', { datetime: e.occurredAt || e.at }, dateTime(e.occurredAt || e.at)),
      el('strong', {}, eventName(e.type)), ' ',
      // An invoice entry is written in the reader's language, with its invoice a click away.
      e.invoice ? [invoicingText(e.type, e.invoice), ' ', el('a', { href: `/buyer/invoice.html?id=${encodeURIComponent(e.invoice.invoiceId)}` },
        t('orderDetail.openInvoice', { invoice: e.invoice.invoiceNumber }))] : e.summary || '',
      // The window comes as instants and is shown in the viewer's time zone, like every other time here.
      e.window ? el('div', { class: 'entry-window', dataset: { window: `${e.window.from}/${e.window.to}` } },
        t('timeline.window', { window: deliveryWindow(e.window), basis: windowBasis(e.window.basis) })) : null,
      e.status ? [' → ', statusBadge(e.status)] : null,
      e.reason ? el('div', { class: 'hint' }, e.reason) : null)))
      : empty(t('timeline.empty')),
  ];
}

function shipment(s, current) {
  const window = current?.window || s.window;
  const sure = windowConfidence(window, s.carrier);
  return el('li', { dataset: { shipmentId: s.id } },
    `${s.trackingNumber} (${carrierName(s.carrier)}): ${label(current?.status || s.status)}, ${deliveryWindow(window)}`,
    sure ? el('div', { class: 'hint confidence', dataset: { confidence: window.confidence.kind } }, sure) : null);
}

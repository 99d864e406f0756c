// One order as its buyer (or receiver, or customer service) sees it: lines, status history, and each shipment with
// its delivery window and timeline, kept current from the live stream without a reload. Also reorder.
import { api, ApiError, newIdempotencyKey } from '../api.js';
import { startPage, hasRole } from '../layout.js';
import { el, clear, errorBox, loading, statusBadge, param } from '../ui.js';
import { dateTime, plainDate, deliveryWindow, windowBasis, windowConfidence, money, label, eventName, carrierName } from '../format.js';
import { openStream, liveIndicator } from '../stream.js';
import { renderPreview } from '../preview.js';

const { me, main } = await startPage({ heading: 'Order' });
const id = param('id');
if (me && !id) {
  main.append(errorBox({ message: 'No order was named in the address. Open an order from your order list.' }));
} else if (me) {
  const live = liveIndicator();
  const updates = el('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'updates' });
  const view = el('div', { id: 'order' }, loading('Loading the order …'));
  main.append(live.node, updates);
  if (param('placed')) {
    main.append(el('p', { class: 'success', role: 'status', id: 'placed' },
      'Your order was placed. It is now checked against your agreement and credit; this page follows it live.'));
  }
  main.append(view);
  let current = null;

  const refresh = async (announce) => {
    try {
      const [order, shipments] = await Promise.all([api(`/api/orders/${encodeURIComponent(id)}`), shipmentsOf(id)]);
      const previous = current;
      current = { order: order.body, shipments };
      document.title = `Order ${order.body.orderNumber} · Leverans`;
      main.querySelector('h1').textContent = `Order ${order.body.orderNumber}`;
      clear(view, render(current, previous));
      if (announce) updates.textContent = announce;
      return true;
    } catch (error) {
      if (current && error.status !== 404) {
        updates.textContent = `Could not refresh the order: ${error.message}`;
        return false;
      }
      clear(view, error.status === 404 || error.status === 400
        ? el('div', { class: 'notice', role: 'alert', id: 'not-found' },
          el('strong', {}, 'Order not found. '),
          'It does not exist, or it is not one of your company’s orders. ',
          el('a', { href: '/buyer/orders.html' }, 'Back to your orders'))
        : errorBox(error, 'The order could not be loaded.'));
      return false;
    }
  };

  if (await refresh()) {
    // Drawn once, outside the part that live updates redraw, so a refresh never wipes what is being typed.
    if (hasRole(me, 'ORDERER')) main.append(reorder(current.order));
    // Several events arrive together (a status change and its shipment update): one refresh for them all.
    let pending = null;
    openStream((name, data) => {
      if (data.orderId !== id) return;
      const what = name === 'shipment.window-changed'
        ? `Delivery window now ${deliveryWindow(data.window)}. ${windowConfidence(data.window, carrierOf(data.shipmentId))}`
        : name === 'order.status-changed' ? `Order is now ${label(data.status)}` : `Shipment update: ${label(data.eventType || data.status)}`;
      clearTimeout(pending);
      pending = setTimeout(() => refresh(what), 250);
    }, live.update);
    if (location.hash === '#reorder' && hasRole(me, 'ORDERER')) document.getElementById('reorder-date')?.focus();
  }

  // A window-changed message names the shipment but not its carrier; the page already knows it.
  function carrierOf(shipmentId) {
    return current?.shipments.find((s) => s.id === shipmentId)?.carrier;
  }

  function render({ order, shipments }, previous) {
    const changed = (shipment) => {
      const before = previous?.shipments.find((s) => s.id === shipment.id);
      return before && (before.status !== shipment.status || JSON.stringify(before.window) !== JSON.stringify(shipment.window));
    };
    const currency = order.totals?.currency;
    return [
      el('section', { class: 'card', 'aria-label': 'Summary' },
        el('p', { id: 'order-status' }, statusBadge(order.status)),
        order.statusReasons?.length ? el('div', { class: 'error', role: 'alert' }, el('strong', {}, 'Why: '),
          el('ul', {}, order.statusReasons.map((r) => el('li', {}, r.lineNo ? `Line ${r.lineNo}: ` : '', r.message || label(r.code))))) : null,
        el('dl', { class: 'facts' },
          el('dt', {}, 'Purchase order'), el('dd', { id: 'purchase-order' }, order.purchaseOrderNumber || '–'),
          el('dt', {}, 'Placed'), el('dd', {}, `${dateTime(order.placedAt)} by ${order.placedBy}`),
          el('dt', {}, 'Requested delivery'), el('dd', {}, order.requestedDelivery
            ? `${plainDate(order.requestedDelivery.date)} ${order.requestedDelivery.from}–${order.requestedDelivery.to} (site time)` : '–'),
          el('dt', {}, 'Delivery'), el('dd', {}, label(order.deliveryMode)),
          order.paymentTerms ? [el('dt', {}, 'Payment'), el('dd', {}, `${label(order.paymentTerms.code)}, due ${plainDate(order.paymentTerms.dueDate)}`)] : null,
          order.note ? [el('dt', {}, 'Note'), el('dd', {}, order.note)] : null,
          order.reorderedFrom ? [el('dt', {}, 'Reorder of'), el('dd', {}, el('a', { href: `?id=${order.reorderedFrom}` }, 'the earlier order'))] : null)),
      order.approval ? approvalCard(order.approval) : null,
      el('h2', {}, 'Shipments'),
      shipments.length ? el('div', { class: 'grid', id: 'shipments' }, shipments.map((s) => el('article', {
        class: `card shipment${changed(s) ? ' changed' : ''}`, dataset: { shipmentId: s.id, trackingNumber: s.trackingNumber } },
        el('h3', {}, `${s.siteName || 'Shipment'} · ${s.trackingNumber}`),
        el('p', {}, statusBadge(s.status), ' ', carrierName(s.carrier)),
        el('p', { class: 'window', dataset: { window: s.window ? `${s.window.from}/${s.window.to}` : '' } }, deliveryWindow(s.window)),
        el('p', { class: 'hint' }, s.window ? `Window: ${windowBasis(s.window.basis)}, updated ${dateTime(s.window.updatedAt)}` : ''),
        confidence(s),
        s.proofOfDelivery ? el('p', {}, `Signed by ${s.proofOfDelivery.signedBy || '–'}${s.proofOfDelivery.note ? `: ${s.proofOfDelivery.note}` : ''}`) : null,
        el('details', {}, el('summary', {}, `${s.lines.length} line(s)`),
          el('ul', {}, s.lines.map((l) => el('li', {}, `${l.sku} × ${l.quantity} ${label(l.packageSize)}`)))),
        s.events.length ? el('ol', { class: 'timeline', 'aria-label': 'Shipment timeline' }, s.events.map((e) => el('li', {},
          el('time', { datetime: e.occurredAt }, dateTime(e.occurredAt)), eventName(e.type),
          e.eta ? ` (estimated arrival ${dateTime(e.eta)})` : '', e.reason ? ` – ${e.reason}` : '')))
          : el('p', { class: 'empty' }, 'No word from the carrier yet.'))))
        : el('p', { class: 'empty', id: 'no-shipments' }, order.status === 'REJECTED' || order.status === 'CANCELLED'
          ? 'This order will not be shipped.' : 'Shipments are planned once the order is accepted.'),
      el('h2', {}, 'Lines'),
      el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'lines' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Line'), el('th', { scope: 'col' }, 'Code'),
          el('th', { scope: 'col' }, 'Product'), el('th', { scope: 'col', class: 'num' }, 'Quantity'),
          el('th', { scope: 'col' }, 'Package'), el('th', { scope: 'col', class: 'num' }, 'Unit price'),
          el('th', { scope: 'col', class: 'num' }, 'Line total'))),
        el('tbody', {}, order.lines.map((l) => el('tr', {},
          el('td', { 'data-label': 'Line' }, String(l.lineNo)), el('td', { 'data-label': 'Code' }, el('code', {}, l.sku)),
          el('td', { 'data-label': 'Product' }, l.name || ''), el('td', { 'data-label': 'Quantity', class: 'num' }, String(l.quantity)),
          el('td', { 'data-label': 'Package' }, label(l.packageSize)),
          el('td', { 'data-label': 'Unit price', class: 'num' }, l.unitPrice ? money(l.unitPrice, currency) : '–'),
          el('td', { 'data-label': 'Line total', class: 'num' }, l.lineTotal ? money(l.lineTotal, currency) : '–')))))),
      order.totals ? el('dl', { class: 'facts totals' },
        el('dt', {}, 'Goods'), el('dd', {}, money(order.totals.goods, currency)),
        el('dt', {}, 'Freight'), el('dd', {}, money(order.totals.freight, currency)),
        el('dt', {}, 'Total'), el('dd', {}, el('strong', {}, money(order.totals.total, currency)))) : el('p', { class: 'hint' }, 'Prices appear once the order is validated.'),
      el('h2', {}, 'Status history'),
      el('ol', { class: 'timeline', id: 'status-history' }, order.statusHistory.map((h) => el('li', {},
        el('time', { datetime: h.at }, dateTime(h.at)), label(h.status)))),
    ];
  }
}

/** How sure the shipment's window is, in words; nothing when it makes no claim. */
function confidence(shipment) {
  const text = windowConfidence(shipment.window, shipment.carrier);
  return text ? el('p', { class: 'confidence', dataset: { confidence: shipment.window.confidence.kind } }, text) : null;
}

/** An order above a spending limit: who may approve it and until when, or who decided and when. */
function approvalCard(approval) {
  const decided = approval.status !== 'PENDING';
  return el('section', { class: 'card', id: 'approval', 'aria-labelledby': 'approval-heading' },
    el('h2', { id: 'approval-heading' }, 'Approval'),
    el('p', {}, statusBadge(approval.status)),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Needed because'), el('dd', {}, el('ul', {}, (approval.reasons || []).map((r) => el('li', {}, r.message || label(r.code))))),
      el('dt', {}, 'Asked'), el('dd', {}, `${dateTime(approval.requestedAt)} of ${(approval.approvers || []).join(', ') || 'the agreement managers'}`),
      decided
        ? [el('dt', {}, 'Decided'), el('dd', { id: 'approval-decided' }, approval.decidedBy
          ? `${label(approval.status)} by ${approval.decidedBy}, ${dateTime(approval.decidedAt)}`
          : `${label(approval.status)}: nobody answered by ${dateTime(approval.expiresAt)}`)]
        : [el('dt', {}, 'Decide by'), el('dd', {}, dateTime(approval.expiresAt))],
      approval.note ? [el('dt', {}, 'Note'), el('dd', {}, approval.note)] : null));
}

async function shipmentsOf(orderId) {
  try {
    return (await api(`/api/shipments?orderId=${encodeURIComponent(orderId)}`)).body.items;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

/** Order the same lines again at today's prices: preview first, then place with its own Idempotency-Key. */
function reorder(order) {
  const date = el('input', { id: 'reorder-date', type: 'date', required: true });
  const from = order.requestedDelivery?.from || '07:00';
  const to = order.requestedDelivery?.to || '09:00';
  const po = el('input', { id: 'reorder-po', maxlength: 64 });
  const result = el('div', { 'aria-live': 'polite' });
  let key = null;
  const body = () => ({ requestedDelivery: { date: date.value, from, to }, purchaseOrderNumber: po.value.trim() || undefined });
  const submit = async (event) => {
    event.preventDefault();
    if (!date.value) { clear(result, errorBox({ message: 'Choose a delivery date.' })); date.focus(); return; }
    clear(result, loading('Pricing the lines at today’s prices …'));
    try {
      const preview = (await api(`/api/orders/${order.id}/reorder?preview=true`, { method: 'POST', body: body() })).body;
      key = newIdempotencyKey(); // one key per previewed attempt: a double click places one reorder
      const place = el('button', { type: 'button', id: 'place-reorder', onclick: async (e) => {
        e.currentTarget.disabled = true;
        try {
          const placed = await api(`/api/orders/${order.id}/reorder`, { method: 'POST', headers: { 'Idempotency-Key': key }, body: body() });
          location.assign(`/buyer/order.html?id=${encodeURIComponent(placed.body.id)}&placed=1`);
        } catch (error) {
          e.target.disabled = false;
          result.prepend(errorBox(error, 'The reorder was not placed.'));
        }
      } }, 'Place reorder');
      clear(result, renderPreview(preview), preview.orderable ? el('div', { class: 'actions' }, place) : null);
    } catch (error) {
      clear(result, errorBox(error, 'The reorder could not be previewed.'));
    }
  };
  return el('section', { id: 'reorder', class: 'card', 'aria-labelledby': 'reorder-heading' },
    el('h2', { id: 'reorder-heading' }, 'Order again'),
    el('form', { class: 'fields', onsubmit: submit, novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'reorder-date' }, `Delivery date (${from}–${to})`), date),
      el('div', { class: 'field' }, el('label', { for: 'reorder-po' }, 'Purchase order number'), po),
      el('button', { type: 'submit' }, 'Preview reorder')),
    result);
}

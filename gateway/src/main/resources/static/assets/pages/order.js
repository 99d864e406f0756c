// One order as its buyer (or receiver, or customer service) sees it: lines, status history, and each shipment with
// its delivery window and timeline, kept current from the live stream without a reload. Also reorder, and claims about
// delivered goods.
import { t } from '../i18n.js';
import { api, ApiError, newIdempotencyKey } from '../api.js';
import { startPage, hasRole, BUYERS, SUPPORT } from '../layout.js';
import { el, clear, errorBox, loading, statusBadge, param } from '../ui.js';
import { dateTime, plainDate, deliveryWindow, windowBasis, windowConfidence, money, label, eventName, carrierName, invoicingText } from '../format.js';
import { openStream, liveIndicator } from '../stream.js';
import { renderPreview } from '../preview.js';
import { claimCard, claimForm } from '../claims.js';

const { me, main } = await startPage({ heading: 'orderDetail.heading' });
const id = param('id');
if (me && !id) {
  main.append(errorBox({ message: t('orderDetail.noId') }));
} else if (me) {
  const live = liveIndicator();
  const updates = el('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'updates' });
  const view = el('div', { id: 'order' }, loading(t('orderDetail.loading')));
  main.append(live.node, updates);
  if (param('placed')) {
    main.append(el('p', { class: 'success', role: 'status', id: 'placed' },
      t('orderDetail.placed')));
  }
  main.append(view);
  let current = null;

  const refresh = async (announce) => {
    try {
      const [order, shipments] = await Promise.all([api(`/api/orders/${encodeURIComponent(id)}`), shipmentsOf(id)]);
      const previous = current;
      current = { order: order.body, shipments };
      document.title = `${t('orderDetail.title', { number: order.body.orderNumber })} · Leverans`;
      main.querySelector('h1').textContent = t('orderDetail.title', { number: order.body.orderNumber });
      clear(view, render(current, previous));
      if (announce) updates.textContent = announce;
      return true;
    } catch (error) {
      if (current && error.status !== 404) {
        updates.textContent = t('orderDetail.refreshFailed', { message: error.message });
        return false;
      }
      clear(view, error.status === 404 || error.status === 400
        ? el('div', { class: 'notice', role: 'alert', id: 'not-found' },
          el('strong', {}, t('orderDetail.notFound')), ' ', t('orderDetail.notFoundWhy'), ' ',
          el('a', { href: '/buyer/orders.html' }, t('orderDetail.backToOrders')))
        : errorBox(error, t('orderDetail.loadFailed')));
      return false;
    }
  };

  if (await refresh()) {
    // Drawn once, outside the part that live updates redraw, so a refresh never wipes what is being typed.
    if (hasRole(me, 'ORDERER')) main.append(reorder(current.order));
    const claims = claimsSection();
    main.append(claims.node);
    claims.refresh();
    // Several events arrive together (a status change and its shipment update): one refresh for them all.
    let pending = null;
    openStream((name, data) => {
      if (data.orderId !== id) return;
      if (name === 'claim.updated') {
        claims.refresh(t('claims.updated', { number: data.claimNumber || '', status: label(data.status) }));
        return;
      }
      const what = name === 'shipment.window-changed'
        ? `${t('orderDetail.windowNow', { window: deliveryWindow(data.window) })} ${windowConfidence(data.window, carrierOf(data.shipmentId))}`
        : name === 'order.status-changed' ? t('orderDetail.statusNow', { status: label(data.status) })
          : t('orderDetail.shipmentUpdate', { what: label(data.eventType || data.status) });
      clearTimeout(pending);
      pending = setTimeout(() => refresh(what).then(() => claims.refresh()), 250);
    }, (state) => {
      live.update(state);
      // A change made before the stream was open (a fresh order is planned within a second or two, while the page
      // loads) or while it was away never arrives as an event: read the order again each time it goes live.
      if (state === 'live') {
        clearTimeout(pending);
        pending = setTimeout(() => refresh(), 250);
      }
    });
    if (location.hash === '#reorder' && hasRole(me, 'ORDERER')) document.getElementById('reorder-date')?.focus();
  }

  /**
   * The order's claims, and for its customer's people the form to file one once something is delivered. The form is
   * drawn once, when the first delivery is known, so a live refresh never wipes what is being typed.
   */
  function claimsSection() {
    const list = el('div', { id: 'claims-list' });
    const node = el('section', { id: 'claims', 'aria-labelledby': 'claims-heading' },
      el('h2', { id: 'claims-heading' }, t('claims.heading')), list);
    let form = null;
    const mayFile = hasRole(me, ...BUYERS, 'RECEIVER');
    const refresh = async (announce) => {
      try {
        const items = (await api(`/api/orders/${encodeURIComponent(id)}/claims`)).body;
        clear(list, items.length ? el('div', { class: 'grid' }, items.map((c) => claimCard(c)))
          : el('p', { class: 'empty' }, t('claims.none')));
        if (announce) updates.textContent = announce;
      } catch (error) {
        clear(list, errorBox(error, t('claims.loadFailed')));
      }
      if (!form && mayFile && current?.shipments.some((s) => s.status === 'DELIVERED')) {
        form = claimForm(current.order, current.shipments, () => refresh());
        node.append(form);
        if (location.hash === '#claim') form.querySelector('select')?.focus();
      }
    };
    return { node, refresh };
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
      el('section', { class: 'card', 'aria-label': t('orderDetail.summary') },
        el('p', { id: 'order-status' }, statusBadge(order.status)),
        order.statusReasons?.length ? el('div', { class: 'error', role: 'alert' }, el('strong', {}, t('orderDetail.why')), ' ',
          el('ul', {}, order.statusReasons.map((r) => el('li', {}, r.lineNo ? t('common.lineNo', { line: r.lineNo }) : '', r.message || label(r.code))))) : null,
        el('dl', { class: 'facts' },
          el('dt', {}, t('orders.col.purchaseOrder')), el('dd', { id: 'purchase-order' }, order.purchaseOrderNumber || '–'),
          el('dt', {}, t('orders.col.placed')), el('dd', {}, t('common.atBy', { time: dateTime(order.placedAt), who: order.placedBy })),
          el('dt', {}, t('orderDetail.requestedDelivery')), el('dd', {}, order.requestedDelivery
            ? t('orderDetail.siteTime', { date: plainDate(order.requestedDelivery.date), from: order.requestedDelivery.from, to: order.requestedDelivery.to }) : '–'),
          el('dt', {}, t('orders.col.delivery')), el('dd', {}, label(order.deliveryMode)),
          order.paymentTerms ? [el('dt', {}, t('orderDetail.payment')), el('dd', {}, t('orderDetail.paymentDue', { terms: label(order.paymentTerms.code), date: plainDate(order.paymentTerms.dueDate) }))] : null,
          order.note ? [el('dt', {}, t('common.note')), el('dd', {}, order.note)] : null,
          order.reorderedFrom ? [el('dt', {}, t('orderDetail.reorderOf')), el('dd', {}, el('a', { href: `?id=${order.reorderedFrom}` }, t('orderDetail.earlierOrder')))] : null)),
      order.approval ? approvalCard(order.approval) : null,
      el('h2', {}, t('orderDetail.shipments')),
      shipments.length ? el('div', { class: 'grid', id: 'shipments' }, shipments.map((s) => el('article', {
        class: `card shipment${changed(s) ? ' changed' : ''}`, dataset: { shipmentId: s.id, trackingNumber: s.trackingNumber } },
        el('h3', {}, `${s.siteName || t('orderDetail.shipment')} · ${s.trackingNumber}`),
        el('p', {}, statusBadge(s.status), ' ', carrierName(s.carrier)),
        el('p', { class: 'window', dataset: { window: s.window ? `${s.window.from}/${s.window.to}` : '' } }, deliveryWindow(s.window)),
        el('p', { class: 'hint' }, s.window ? t('orderDetail.windowBasis', { basis: windowBasis(s.window.basis), time: dateTime(s.window.updatedAt) }) : ''),
        confidence(s),
        s.proofOfDelivery ? el('p', {}, t('orderDetail.signedBy', { who: s.proofOfDelivery.signedBy || '–' }), s.proofOfDelivery.note ? `: ${s.proofOfDelivery.note}` : '') : null,
        el('details', {}, el('summary', {}, t('common.lines', { count: s.lines.length })),
          el('ul', {}, s.lines.map((l) => el('li', {}, `${l.sku} × ${l.quantity} ${label(l.packageSize)}`)))),
        s.events.length ? el('ol', { class: 'timeline', 'aria-label': t('orderDetail.shipmentTimeline') }, s.events.map((e) => el('li', {},
          el('time', { datetime: e.occurredAt }, dateTime(e.occurredAt)), eventName(e.type),
          e.eta ? ` (${t('orderDetail.eta', { time: dateTime(e.eta) })})` : '', e.reason ? ` – ${e.reason}` : '')))
          : el('p', { class: 'empty' }, t('orderDetail.noCarrierWord')))))
        : el('p', { class: 'empty', id: 'no-shipments' }, order.status === 'REJECTED' || order.status === 'CANCELLED'
          ? t('orderDetail.notShipped') : t('orderDetail.shipmentsLater')),
      el('h2', {}, t('orderDetail.lines')),
      el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'lines' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('lines.line')), el('th', { scope: 'col' }, t('lines.code')),
          el('th', { scope: 'col' }, t('lines.product')), el('th', { scope: 'col', class: 'num' }, t('lines.quantity')),
          el('th', { scope: 'col' }, t('lines.package')), el('th', { scope: 'col', class: 'num' }, t('lines.unitPrice')),
          el('th', { scope: 'col', class: 'num' }, t('lines.lineTotal')))),
        el('tbody', {}, order.lines.map((l) => el('tr', {},
          el('td', { 'data-label': t('lines.line') }, String(l.lineNo)), el('td', { 'data-label': t('lines.code') }, el('code', {}, l.sku)),
          el('td', { 'data-label': t('lines.product') }, l.name || ''), el('td', { 'data-label': t('lines.quantity'), class: 'num' }, String(l.quantity)),
          el('td', { 'data-label': t('lines.package') }, label(l.packageSize)),
          el('td', { 'data-label': t('lines.unitPrice'), class: 'num' }, l.unitPrice ? money(l.unitPrice, currency) : '–'),
          el('td', { 'data-label': t('lines.lineTotal'), class: 'num' }, l.lineTotal ? money(l.lineTotal, currency) : '–')))))),
      order.totals ? el('dl', { class: 'facts totals' },
        el('dt', {}, t('totals.goods')), el('dd', {}, money(order.totals.goods, currency)),
        el('dt', {}, t('totals.freight')), el('dd', {}, money(order.totals.freight, currency)),
        el('dt', {}, t('totals.total')), el('dd', {}, el('strong', {}, money(order.totals.total, currency))))
        : el('p', { class: 'hint' }, t('orderDetail.pricesLater')),
      el('h2', {}, t('orderDetail.statusHistory')),
      el('ol', { class: 'timeline', id: 'status-history' }, order.statusHistory.map((h) => el('li', {},
        el('time', { datetime: h.at }, dateTime(h.at)), label(h.status)))),
      order.invoicing?.length ? [el('h2', {}, t('orderDetail.invoicing')),
        el('ol', { class: 'timeline', id: 'invoicing' }, order.invoicing.map((e) => el('li', { dataset: { type: e.type } },
          el('time', { datetime: e.at }, dateTime(e.at)), invoicingText(e.type, e.invoice),
          mayOpenInvoice(order) ? [' ', el('a', { href: `/buyer/invoice.html?id=${encodeURIComponent(e.invoice.invoiceId)}` },
            t('orderDetail.openInvoice', { invoice: e.invoice.invoiceNumber }))] : null)))] : null,
    ];
  }

  // billing-service shows agreement managers and staff every invoice, an orderer those of orders they placed.
  function mayOpenInvoice(order) {
    return hasRole(me, 'AGREEMENT_MANAGER', ...SUPPORT) || (hasRole(me, ...BUYERS) && order.placedBy === me.username);
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
    el('h2', { id: 'approval-heading' }, t('orderDetail.approval')),
    el('p', {}, statusBadge(approval.status)),
    el('dl', { class: 'facts' },
      el('dt', {}, t('orderDetail.neededBecause')), el('dd', {}, el('ul', {}, (approval.reasons || []).map((r) => el('li', {}, r.message || label(r.code))))),
      el('dt', {}, t('orderDetail.asked')), el('dd', {}, t('orderDetail.askedOf', { time: dateTime(approval.requestedAt),
        who: (approval.approvers || []).join(', ') || t('orderDetail.theManagers') })),
      decided
        ? [el('dt', {}, t('orderDetail.decided')), el('dd', { id: 'approval-decided' }, approval.decidedBy
          ? t('orderDetail.decidedBy', { status: label(approval.status), who: approval.decidedBy, time: dateTime(approval.decidedAt) })
          : t('orderDetail.nobodyAnswered', { status: label(approval.status), time: dateTime(approval.expiresAt) }))]
        : [el('dt', {}, t('orderDetail.decideBy')), el('dd', {}, dateTime(approval.expiresAt))],
      approval.note ? [el('dt', {}, t('common.note')), el('dd', {}, approval.note)] : null));
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
    if (!date.value) { clear(result, errorBox({ message: t('orderDetail.chooseDate') })); date.focus(); return; }
    clear(result, loading(t('orderDetail.pricing')));
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
          result.prepend(errorBox(error, t('orderDetail.reorderNotPlaced')));
        }
      } }, t('orderDetail.placeReorder'));
      clear(result, renderPreview(preview), preview.orderable ? el('div', { class: 'actions' }, place) : null);
    } catch (error) {
      clear(result, errorBox(error, t('orderDetail.reorderNoPreview')));
    }
  };
  return el('section', { id: 'reorder', class: 'card', 'aria-labelledby': 'reorder-heading' },
    el('h2', { id: 'reorder-heading' }, t('orderDetail.orderAgain')),
    el('form', { class: 'fields', onsubmit: submit, novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'reorder-date' }, t('orderDetail.deliveryDateSlot', { from, to })), date),
      el('div', { class: 'field' }, el('label', { for: 'reorder-po' }, t('common.purchaseOrderNumber')), po),
      el('button', { type: 'submit' }, t('orderDetail.previewReorder'))),
    result);
}

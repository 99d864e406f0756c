// Claims on the order page (the customer's people file and follow them) and in customer service's queue: one way to
// show a claim, and the form that files one with its photos.
import { t } from './i18n.js';
import { api, upload, newIdempotencyKey } from './api.js';
import { el, clear, errorBox, loading, statusBadge } from './ui.js';
import { dateTime, label } from './format.js';

export const REASONS = ['DAMAGED', 'SHORT', 'WRONG_ITEM', 'LATE', 'OTHER'];

const PHOTO_TYPES = ['image/jpeg', 'image/png'];

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** A claim as both sides see it: what, how much, the photos, and the decision once there is one. */
export function claimCard(claim, { orderLink, actions, orderPage = (id) => `?id=${encodeURIComponent(id)}` } = {}) {
  return el('article', { class: 'card claim', dataset: { claimId: claim.id, status: claim.status } },
    el('h3', {}, t('claims.title', { number: claim.number }), ' ', statusBadge(claim.status)),
    orderLink ? el('p', {}, el('a', { href: orderLink, class: 'order-number' }, t('orderDetail.title', { number: claim.orderNumber })),
      claim.customerName ? ` · ${claim.customerName}` : '') : null,
    el('dl', { class: 'facts' },
      el('dt', {}, t('claims.reason')), el('dd', { class: 'claim-reason' }, label(claim.reason)),
      el('dt', {}, t('claims.filed')), el('dd', {}, t('common.atBy', { time: dateTime(claim.filedAt), who: claim.filedBy })),
      el('dt', {}, t('claims.goods')), el('dd', {}, el('ul', {}, claim.lines.map((l) =>
        el('li', {}, `${l.quantity} × ${l.sku}${l.name ? ` ${l.name}` : ''}`)))),
      el('dt', {}, t('claims.description')), el('dd', { class: 'claim-description' }, claim.description),
      claim.decidedAt ? [el('dt', {}, t('claims.decision')), el('dd', { class: 'claim-decision' }, decision(claim, orderPage))] : null),
    claim.photos.length ? el('ul', { class: 'photos', 'aria-label': t('claims.photos') }, claim.photos.map((p, i) =>
      el('li', {}, el('a', { href: p.url, target: '_blank', rel: 'noopener' },
        el('img', { src: p.url, alt: t('claims.photoAlt', { number: i + 1, claim: claim.number }), width: 120 }))))) : null,
    actions || null);
}

/** @param orderPage where an order opens from this page (the replacement order) */
function decision(claim, orderPage) {
  const when = t('common.atBy', { time: dateTime(claim.decidedAt), who: claim.decidedBy });
  if (claim.status === 'REJECTED') return [t('claims.rejectedBecause', { reason: claim.decisionNote || '' }), ' (', when, ')'];
  const remedy = claim.remedy === 'REPLACEMENT'
    ? [t('claims.acceptedReplacement'), ' ', claim.replacementOrderId
      ? el('a', { href: orderPage(claim.replacementOrderId) }, claim.replacementOrderNumber) : '']
    : [t('claims.acceptedCredit')];
  return [remedy, claim.decisionNote ? ` – ${claim.decisionNote}` : '', ' (', when, ')'];
}

/**
 * The form that files a claim about an order's delivered goods: the reason, how much of which line (from the
 * delivered shipments, or one of them), a description and photos. One Idempotency-Key per filled-in form, so a retry
 * after a lost answer files one claim; photos that fail can be sent again from the claim.
 */
export function claimForm(order, shipments, onFiled) {
  const delivered = shipments.filter((s) => s.status === 'DELIVERED');
  const result = el('div', { 'aria-live': 'polite', id: 'claim-result' });
  const shipment = el('select', { id: 'claim-shipment' },
    el('option', { value: '' }, t('claims.wholeOrder')),
    delivered.map((s) => el('option', { value: s.id }, `${s.siteName || t('orderDetail.shipment')} · ${s.trackingNumber}`)));
  const reason = el('select', { id: 'claim-reason', required: true },
    el('option', { value: '' }, t('claims.chooseReason')), REASONS.map((r) => el('option', { value: r }, label(r))));
  const description = el('textarea', { id: 'claim-description', rows: 3, maxlength: 2000, required: true });
  const photos = el('input', { id: 'claim-photos', type: 'file', accept: PHOTO_TYPES.join(','), multiple: true });
  const quantities = el('div', { class: 'fields', id: 'claim-lines' });
  const drawLines = () => {
    const from = shipment.value ? delivered.filter((s) => s.id === shipment.value) : delivered;
    const arrived = new Map();
    from.forEach((s) => s.lines.forEach((l) => arrived.set(l.lineNo, (arrived.get(l.lineNo) || 0) + l.quantity)));
    clear(quantities, order.lines.filter((l) => arrived.has(l.lineNo)).map((l) => el('div', { class: 'field' },
      el('label', { for: `claim-line-${l.lineNo}` }, t('claims.lineQuantity', { line: l.lineNo, sku: l.sku, name: l.name || '', max: arrived.get(l.lineNo) })),
      el('input', { id: `claim-line-${l.lineNo}`, type: 'number', min: 0, max: arrived.get(l.lineNo), step: 1, value: 0,
        inputmode: 'numeric', dataset: { lineNo: l.lineNo } }))));
  };
  // Come from the arrivals page's "Report a problem": that delivery is chosen.
  const named = new URLSearchParams(location.search).get('shipment');
  if (named && delivered.some((s) => s.id === named)) shipment.value = named;
  shipment.addEventListener('change', drawLines);
  drawLines();
  let key = newIdempotencyKey();
  const submit = async (event) => {
    event.preventDefault();
    const lines = [...quantities.querySelectorAll('input')].map((i) => ({ lineNo: Number(i.dataset.lineNo), quantity: Number(i.value) }))
      .filter((l) => l.quantity > 0);
    const files = [...photos.files];
    const problems = [];
    if (!reason.value) problems.push(t('claims.needReason'));
    if (!lines.length) problems.push(t('claims.needQuantity'));
    if (!description.value.trim()) problems.push(t('claims.needDescription'));
    files.forEach((f) => {
      if (!PHOTO_TYPES.includes(f.type)) problems.push(t('claims.photoType', { name: f.name }));
      else if (f.size > MAX_PHOTO_BYTES) problems.push(t('claims.photoSize', { name: f.name }));
    });
    if (problems.length) {
      clear(result, el('div', { class: 'error', role: 'alert' }, el('ul', {}, problems.map((p) => el('li', {}, p)))));
      return;
    }
    const button = event.submitter || form.querySelector('button[type=submit]');
    button.disabled = true;
    clear(result, loading(t('claims.filing')));
    try {
      const claim = (await api(`/api/orders/${encodeURIComponent(order.id)}/claims`, { method: 'POST',
        headers: { 'Idempotency-Key': key },
        body: { shipmentId: shipment.value || undefined, reason: reason.value, description: description.value.trim(), lines } })).body;
      const failed = [];
      for (const file of files) {
        try {
          await upload(`/api/claims/${claim.id}/photos`, file);
        } catch (error) {
          failed.push(`${file.name}: ${error.message}`);
        }
      }
      key = newIdempotencyKey();
      form.reset();
      drawLines();
      clear(result, el('p', { class: 'success', role: 'status', id: 'claim-filed' }, t('claims.filedAs', { number: claim.number })),
        failed.length ? el('div', { class: 'error', role: 'alert' }, t('claims.photosFailed'), el('ul', {}, failed.map((f) => el('li', {}, f)))) : null);
      onFiled?.();
    } catch (error) {
      clear(result, errorBox(error, t('claims.notFiled')));
    } finally {
      button.disabled = false;
    }
  };
  const form = el('form', { class: 'fields', onsubmit: submit, novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'claim-shipment' }, t('claims.about')), shipment),
    el('div', { class: 'field' }, el('label', { for: 'claim-reason' }, t('claims.reason')), reason),
    quantities,
    el('div', { class: 'field' }, el('label', { for: 'claim-description' }, t('claims.description')), description),
    el('div', { class: 'field' }, el('label', { for: 'claim-photos' }, t('claims.photosHint')), photos),
    el('button', { type: 'submit' }, t('claims.file')));
  return el('section', { id: 'claim', class: 'card', 'aria-labelledby': 'claim-heading' },
    el('h2', { id: 'claim-heading' }, t('claims.reportProblem')),
    el('p', { class: 'hint' }, t('claims.intro')),
    form, result);
}

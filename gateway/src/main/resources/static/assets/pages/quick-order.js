// Quick order: paste lines from a spreadsheet or an e-mail, preview them priced under the agreement, choose where
// and when, and place the order. One Idempotency-Key per attempt: a retried or double-clicked placement of the
// same preview is one order.
import { api, newIdempotencyKey } from '../api.js';
import { startPage, hasRole, BUYERS } from '../layout.js';
import { el, clear, errorBox, loading, param } from '../ui.js';
import { label } from '../format.js';
import { renderPreview, linesToPlace } from '../preview.js';

const { me, main } = await startPage({ heading: 'Quick order', allowedRoles: BUYERS });
if (me) {
  const agreementArea = el('div', {}, loading('Loading your agreement …'));
  main.append(agreementArea);
  try {
    const agreement = (await api('/api/agreements/current')).body;
    clear(agreementArea);
    main.replaceChild(form(agreement, hasRole(me, 'ORDERER')), agreementArea);
  } catch (error) {
    clear(agreementArea, errorBox(error, 'Your agreement could not be loaded.'));
  }
}

function form(agreement, mayPlace) {
  const options = agreement.deliveryOptions;
  const siteName = (id) => agreement.sites.find((s) => s.id === id)?.name || id;
  const prefill = param('sku') ? `${param('sku')} 1` : '';
  const lines = el('textarea', { id: 'lines', name: 'lines', rows: 8, required: true, 'aria-describedby': 'lines-hint', spellcheck: 'false' }, prefill);
  const site = el('select', { id: 'site', name: 'site' }, agreement.sites.map((s) => el('option', { value: s.id }, s.name)));
  const date = el('input', { id: 'date', name: 'date', type: 'date' });
  const slot = el('select', { id: 'slot', name: 'slot' }, options.slots.map((s, i) => el('option', { value: i }, `${s.from}–${s.to}`)));
  const packageSize = el('select', { id: 'package', name: 'package' },
    el('option', { value: '' }, 'The product’s first allowed size'),
    options.packageSizes.map((p) => el('option', { value: p }, label(p))));
  const mode = el('select', { id: 'mode', name: 'mode', disabled: !options.splitDeliveryAllowed },
    el('option', { value: 'COMPLETE' }, 'Deliver complete'),
    options.splitDeliveryAllowed ? el('option', { value: 'SPLIT_ALLOWED' }, 'Split: send what is available first') : null);
  const po = el('input', { id: 'po', name: 'po', maxlength: 64, autocomplete: 'off' });
  const note = el('input', { id: 'note', name: 'note', maxlength: 2000 });
  const result = el('div', { id: 'result', 'aria-live': 'polite' });
  const previewButton = el('button', { type: 'submit', id: 'preview' }, 'Preview');

  const field = (id, text, control, hint) => el('div', { class: 'field' }, el('label', { for: id }, text), control, hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
  const requestedDelivery = () => {
    if (!date.value) return undefined;
    const chosen = options.slots[Number(slot.value)];
    return { date: date.value, from: chosen.from, to: chosen.to };
  };

  let attempt = null; // {preview, body, key}: the preview that may be placed, and its one Idempotency-Key

  const place = async (button) => {
    if (!attempt) return;
    if (!requestedDelivery()) {
      result.prepend(errorBox({ message: 'Choose a delivery date before placing the order.' }));
      date.focus();
      return;
    }
    button.disabled = true;
    button.textContent = 'Placing …';
    const body = {
      purchaseOrderNumber: po.value.trim() || undefined,
      deliveryMode: mode.value,
      requestedDelivery: requestedDelivery(),
      lines: linesToPlace(attempt.preview),
      note: note.value.trim() || undefined,
    };
    // The same order sent again (a retry after a timeout) keeps its key; a changed one is a new attempt.
    const fingerprint = JSON.stringify(body);
    if (attempt.fingerprint && attempt.fingerprint !== fingerprint) attempt.key = newIdempotencyKey();
    attempt.fingerprint = fingerprint;
    try {
      const placed = await api('/api/orders', { method: 'POST', headers: { 'Idempotency-Key': attempt.key }, body });
      location.assign(`/buyer/order.html?id=${encodeURIComponent(placed.body.id)}&placed=1`);
    } catch (error) {
      button.disabled = false;
      button.textContent = 'Place order';
      result.prepend(errorBox(error, 'The order was not placed.'));
    }
  };

  const preview = async (event) => {
    event.preventDefault();
    previewButton.disabled = true;
    clear(result, loading('Pricing your lines …'));
    const body = {
      pastedLines: lines.value,
      defaultSiteId: site.value,
      defaultPackageSize: packageSize.value || undefined,
      deliveryMode: mode.value,
      requestedDelivery: requestedDelivery(),
    };
    try {
      const answer = (await api('/api/orders/preview', { method: 'POST', body })).body;
      attempt = { preview: answer, key: newIdempotencyKey() };
      if (answer.earliestDeliveryDate) date.min = answer.earliestDeliveryDate;
      const placeButton = el('button', { type: 'button', id: 'place', onclick: (e) => place(e.currentTarget) }, 'Place order');
      clear(result, renderPreview(answer, siteName),
        answer.orderable && mayPlace ? el('div', { class: 'actions' }, placeButton,
          requestedDelivery() ? null : el('p', { class: 'hint' }, 'Choose a delivery date above to place the order.')) : null,
        answer.orderable && !mayPlace ? el('p', { class: 'notice', id: 'preview-only' }, 'Only orderers can place orders; your role can preview them.') : null);
    } catch (error) {
      attempt = null;
      clear(result, errorBox(error, 'The lines could not be previewed.'));
    } finally {
      previewButton.disabled = false;
    }
  };

  return el('div', {},
    // Said before the preview too, so an agreement manager does not fill in delivery details expecting to order.
    mayPlace ? null : el('p', { class: 'notice', id: 'preview-only-intro' },
      'You can preview orders at your contract prices; placing them is for orderers.'),
    el('form', { id: 'quick-order', onsubmit: preview, novalidate: true },
      el('div', { class: 'fields' },
        el('div', { class: 'field wide' }, el('label', { for: 'lines' }, 'Order lines'), lines,
          el('p', { class: 'hint', id: 'lines-hint' }, 'One product per line: code, quantity and optionally a package size, e.g. “CEM-25KG 40” or “PLY-18MM;12;PALLET”. Paste straight from a spreadsheet.')),
        field('site', 'Delivery site', site),
        field('date', 'Delivery date', date, `Earliest in ${options.minLeadTimeDays} working day(s)`),
        field('slot', 'Time slot', slot),
        field('package', 'Package size', packageSize),
        field('mode', 'Delivery', mode, options.splitDeliveryAllowed ? null : 'Your agreement requires complete delivery'),
        field('po', 'Purchase order number', po),
        field('note', 'Note for delivery', note)),
      el('div', { class: 'actions' }, previewButton,
        el('span', { class: 'hint' }, `Agreement ${agreement.number}: ${label(agreement.paymentTerms.code)}, freight ${label(agreement.freightTerms.code)}${agreement.freightTerms.threshold ? ` ${agreement.freightTerms.threshold} ${agreement.currency}` : ''}`))),
    result);
}

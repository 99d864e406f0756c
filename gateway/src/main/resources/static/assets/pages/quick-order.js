// Quick order: paste lines from a spreadsheet or an e-mail, preview them priced under the agreement, choose where
// and when, and place the order. One Idempotency-Key per attempt: a retried or double-clicked placement of the
// same preview is one order.
import { t } from '../i18n.js';
import { api, newIdempotencyKey } from '../api.js';
import { startPage, hasRole, BUYERS } from '../layout.js';
import { el, clear, errorBox, loading, param } from '../ui.js';
import { label, money } from '../format.js';
import { renderPreview, linesToPlace } from '../preview.js';

const { me, main } = await startPage({ heading: 'nav.quickOrder', allowedRoles: BUYERS });
if (me) {
  const agreementArea = el('div', {}, loading(t('quick.loadingAgreement')));
  main.append(agreementArea);
  try {
    const agreement = (await api('/api/agreements/current')).body;
    clear(agreementArea);
    main.replaceChild(form(agreement, hasRole(me, 'ORDERER')), agreementArea);
  } catch (error) {
    clear(agreementArea, errorBox(error, t('quick.agreementFailed')));
  }
}

function form(agreement, mayPlace) {
  const options = agreement.deliveryOptions;
  const siteName = (id) => agreement.sites.find((s) => s.id === id)?.name || id;
  // From a catalogue row (?sku=) or a reorder suggestion (?sku=&quantity=&package=&site=&preview=1).
  const prefill = param('sku') ? [param('sku'), param('quantity') || '1', param('package') || ''].join(' ').trim() : '';
  const lines = el('textarea', { id: 'lines', name: 'lines', rows: 8, required: true, 'aria-describedby': 'lines-hint', spellcheck: 'false' }, prefill);
  const site = el('select', { id: 'site', name: 'site' }, agreement.sites.map((s) => el('option', { value: s.id, selected: s.id === param('site') }, s.name)));
  const date = el('input', { id: 'date', name: 'date', type: 'date' });
  const slot = el('select', { id: 'slot', name: 'slot' }, options.slots.map((s, i) => el('option', { value: i }, `${s.from}–${s.to}`)));
  const packageSize = el('select', { id: 'package', name: 'package' },
    el('option', { value: '' }, t('quick.firstSize')),
    options.packageSizes.map((p) => el('option', { value: p }, label(p))));
  const mode = el('select', { id: 'mode', name: 'mode', disabled: !options.splitDeliveryAllowed },
    el('option', { value: 'COMPLETE' }, t('quick.complete')),
    options.splitDeliveryAllowed ? el('option', { value: 'SPLIT_ALLOWED' }, t('quick.split')) : null);
  const po = el('input', { id: 'po', name: 'po', maxlength: 64, autocomplete: 'off' });
  const note = el('input', { id: 'note', name: 'note', maxlength: 2000 });
  const result = el('div', { id: 'result', 'aria-live': 'polite' });
  const previewButton = el('button', { type: 'submit', id: 'preview' }, t('preview.heading'));

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
      result.prepend(errorBox({ message: t('quick.chooseDate') }));
      date.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t('quick.placing');
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
      button.textContent = t('quick.place');
      result.prepend(errorBox(error, t('quick.notPlaced')));
    }
  };

  const preview = async (event) => {
    event.preventDefault();
    previewButton.disabled = true;
    clear(result, loading(t('quick.pricing')));
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
      const placeButton = el('button', { type: 'button', id: 'place', onclick: (e) => place(e.currentTarget) }, t('quick.place'));
      clear(result, renderPreview(answer, siteName),
        answer.orderable && mayPlace ? el('div', { class: 'actions' }, placeButton,
          requestedDelivery() ? null : el('p', { class: 'hint' }, t('quick.chooseDateAbove'))) : null,
        answer.orderable && !mayPlace ? el('p', { class: 'notice', id: 'preview-only' }, t('quick.previewOnly')) : null);
    } catch (error) {
      attempt = null;
      clear(result, errorBox(error, t('quick.previewFailed')));
    } finally {
      previewButton.disabled = false;
    }
  };

  if (prefill && param('preview') === '1') queueMicrotask(() => document.getElementById('quick-order')?.requestSubmit());
  return el('div', {},
    // Said before the preview too, so an agreement manager does not fill in delivery details expecting to order.
    mayPlace ? null : el('p', { class: 'notice', id: 'preview-only-intro' },
      t('quick.previewOnlyIntro')),
    el('form', { id: 'quick-order', onsubmit: preview, novalidate: true },
      el('div', { class: 'fields' },
        el('div', { class: 'field wide' }, el('label', { for: 'lines' }, t('quick.lines')), lines,
          el('p', { class: 'hint', id: 'lines-hint' }, t('quick.linesHint'))),
        field('site', t('quick.site'), site),
        field('date', t('quick.date'), date, t('quick.earliest', { count: options.minLeadTimeDays })),
        field('slot', t('quick.slot'), slot),
        field('package', t('quick.package'), packageSize),
        field('mode', t('orders.col.delivery'), mode, options.splitDeliveryAllowed ? null : t('quick.completeRequired')),
        field('po', t('common.purchaseOrderNumber'), po),
        field('note', t('quick.note'), note)),
      el('div', { class: 'actions' }, previewButton,
        el('span', { class: 'hint' }, t('quick.terms', { agreement: agreement.number, payment: label(agreement.paymentTerms.code),
          freight: label(agreement.freightTerms.code) }),
          agreement.freightTerms.threshold ? ` ${money(agreement.freightTerms.threshold, agreement.currency)}` : ''))),
    result);
}

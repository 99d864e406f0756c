// What a receiver has coming to their sites, today and later, soonest first; windows follow the live stream and an
// "arriving soon" banner appears when a carrier is minutes away. Below, what has been delivered, for the receiver to
// rate: on time as seen on site, unloaded fine, a comment; the supplier's carrier scorecard is made of these.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage } from '../layout.js';
import { el, clear, load, empty, statusBadge, errorBox } from '../ui.js';
import { deliveryWindow, windowBasis, windowConfidence, label, dateTime, carrierName } from '../format.js';
import { openStream, liveIndicator } from '../stream.js';

// notification-service alerts 30 minutes before a window opens (leverans.arrival-alerts.lead-time); the page
// flags the same arrivals when it loads, so a receiver who opens it late still sees them.
const ARRIVING_SOON_MS = 30 * 60 * 1000;
const DONE = ['DELIVERED', 'CANCELLED', 'RETURNED', 'DELIVERY_FAILED'];

const { me, main } = await startPage({ heading: 'nav.arrivals', allowedRoles: ['RECEIVER'] });
if (me) {
  const live = liveIndicator();
  const banners = el('div', { id: 'banners', 'aria-live': 'assertive' });
  const list = el('section', { id: 'arrivals', 'aria-label': t('nav.arrivals') });
  // The heading stands from the start, so the section is named while its list loads.
  const deliveredList = el('div', { id: 'delivered-list' });
  const delivered = el('section', { id: 'delivered', 'aria-labelledby': 'delivered-heading' },
    el('h2', { id: 'delivered-heading' }, t('feedback.heading')), el('p', { class: 'hint' }, t('feedback.hint')),
    deliveredList);
  main.append(live.node, banners, list, delivered);
  const arrivingSoon = new Map(); // shipment id → text

  const showBanners = () => clear(banners, [...arrivingSoon].map(([id, text]) =>
    el('div', { class: 'banner', role: 'alert', dataset: { shipmentId: id } }, el('span', { 'aria-hidden': 'true' }, '▶ '), t('arrivals.soon'), ' ', text)));

  const refresh = () => load(list, api('/api/receiver/arrivals'), ({ body }) => {
    const now = Date.now();
    for (const a of body.items) {
      const opens = a.window?.from ? Date.parse(a.window.from) : null;
      const soon = a.status === 'ARRIVING' || (opens !== null && opens - now <= ARRIVING_SOON_MS && Date.parse(a.window.to) >= now);
      if (soon && !DONE.includes(a.status) && !arrivingSoon.has(a.id)) {
        arrivingSoon.set(a.id, t('arrivals.soonTo', { number: a.orderNumber, site: a.siteName, window: deliveryWindow(a.window) }));
      }
      if (DONE.includes(a.status)) arrivingSoon.delete(a.id);
    }
    showBanners();
    return render(body.items);
  });

  // A rating being written is never redrawn away: new deliveries wait until it is saved or the page reloads.
  let writing = false;
  const refreshDelivered = () => writing ? null : load(deliveredList, api('/api/receiver/deliveries'), ({ body }) =>
    body.items.length ? el('div', { class: 'grid' }, body.items.map((d) => ratingCard(d, () => { writing = true; })))
      : empty(t('feedback.none')));

  await Promise.all([refresh(), refreshDelivered()]);
  let pending = null;
  openStream((name, data) => {
    if (data.siteId && !me.siteIds.includes(data.siteId)) return;
    if (name === 'shipment.arriving' && data.shipmentId) {
      const minutes = data.arrivesInMinutes != null ? t('arrivals.inMinutes', { count: data.arrivesInMinutes }) : t('arrivals.shortly');
      arrivingSoon.set(data.shipmentId, `${data.orderNumber || ''} ${minutes}${data.window ? `, ${deliveryWindow(data.window)}` : ''}`.trim());
      showBanners();
    }
    if (name.startsWith('shipment.')) {
      clearTimeout(pending);
      pending = setTimeout(() => { refresh(); if (data.status === 'DELIVERED') refreshDelivered(); }, 250);
    }
  }, live.update);
}

function render(arrivals) {
  if (!arrivals.length) return empty(t('arrivals.none'));
  const todayDate = new Date().toDateString();
  const isToday = (a) => a.window?.from && new Date(a.window.from).toDateString() === todayDate;
  const group = (title, items, id) => items.length ? [el('h2', { id }, title),
    el('div', { class: 'grid' }, items.map(card))] : [];
  // Still to come first; what has already arrived today goes below it.
  const done = (a) => DONE.includes(a.status);
  const today = arrivals.filter(isToday);
  return [
    ...group(t('arrivals.today'), [...today.filter((a) => !done(a)), ...today.filter(done)], 'today'),
    ...group(t('arrivals.upcoming'), arrivals.filter((a) => !isToday(a)), 'upcoming'),
  ];
}

function card(a) {
  return el('article', { class: 'card arrival', dataset: { shipmentId: a.id, orderNumber: a.orderNumber } },
    el('p', { class: 'window' }, deliveryWindow(a.window)),
    el('p', { class: 'hint' }, a.window ? t('arrivals.basis', { basis: windowBasis(a.window.basis), time: dateTime(a.window.updatedAt) }) : ''),
    confidence(a),
    el('h3', {}, t('arrivals.siteOrder', { site: a.siteName, number: a.orderNumber })),
    el('p', {}, statusBadge(a.status), ' ', `${carrierName(a.carrier)} ${a.trackingNumber}`),
    el('ul', {}, a.lines.map((l) => el('li', {}, `${l.sku} × ${l.quantity} ${label(l.packageSize)}`))),
    el('a', { href: `/buyer/order.html?id=${a.orderId}` }, t('arrivals.details'), el('span', { class: 'visually-hidden' }, ` ${a.orderNumber}`)));
}

/** How sure the window is, in words, for the receiver booking a crane by it; nothing when it makes no claim. */
function confidence(a) {
  const text = windowConfidence(a.window, a.carrier);
  return text ? el('p', { class: 'confidence', dataset: { confidence: a.window.confidence.kind } }, text) : null;
}

/** One delivered shipment with the receiver's rating of it, as a form they can send again to change it. */
function ratingCard(d, startedWriting) {
  const id = d.id;
  const given = d.feedback;
  const yesNo = (name, legend, value) => el('fieldset', { class: 'yes-no' }, el('legend', {}, legend),
    ['true', 'false'].map((answer) => el('label', {},
      el('input', { type: 'radio', name: `${name}-${id}`, value: answer, required: true,
        checked: value !== undefined && String(value) === answer ? true : null }),
      ' ', t(answer === 'true' ? 'feedback.yes' : 'feedback.no'))));
  const comment = el('textarea', { id: `comment-${id}`, rows: 2, maxlength: 1000 }, given?.comment || '');
  const outcome = el('div', { class: 'outcome', role: 'status' },
    given ? el('p', { class: 'hint rated' }, t('feedback.rated', { time: dateTime(given.ratedAt) })) : null);
  const answer = (form, name) => form.querySelector(`input[name="${name}-${id}"]:checked`)?.value;
  const save = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const onTime = answer(form, 'on-time');
    const unloadedFine = answer(form, 'unloaded');
    if (onTime === undefined || unloadedFine === undefined) {
      clear(outcome, el('p', { class: 'error' }, t('feedback.answerBoth')));
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const rating = (await api(`/api/shipments/${id}/feedback`, { method: 'PUT',
        body: { onTime: onTime === 'true', unloadedFine: unloadedFine === 'true', comment: comment.value.trim() || undefined } })).body;
      clear(outcome, el('p', { class: 'success rated' }, t('feedback.saved', { time: dateTime(rating.ratedAt) })));
      button.textContent = t('feedback.change');
    } catch (error) {
      clear(outcome, errorBox(error, t('feedback.notSaved')));
    } finally {
      button.disabled = false;
    }
  };
  return el('article', { class: 'card delivered', dataset: { shipmentId: id, orderNumber: d.orderNumber } },
    el('h3', {}, t('arrivals.siteOrder', { site: d.siteName, number: d.orderNumber })),
    el('p', {}, `${carrierName(d.carrier)} ${d.trackingNumber}`, ' · ', t('feedback.deliveredAt', { time: dateTime(d.deliveredAt) })),
    d.orderId ? el('p', {}, el('a', { class: 'report-problem', href: `/buyer/order.html?id=${encodeURIComponent(d.orderId)}&shipment=${encodeURIComponent(id)}#claim` },
      t('claims.reportProblem'), el('span', { class: 'visually-hidden' }, ` ${d.orderNumber}`))) : null,
    el('form', { class: 'fields rating', novalidate: true, onsubmit: save, oninput: startedWriting },
      yesNo('on-time', t('feedback.onTime'), given?.onTime),
      yesNo('unloaded', t('feedback.unloadedFine'), given?.unloadedFine),
      el('label', { for: `comment-${id}` }, t('feedback.comment')), comment,
      el('button', { type: 'submit' }, t(given ? 'feedback.change' : 'feedback.save'))),
    outcome);
}

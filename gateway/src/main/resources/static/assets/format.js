// Times in the viewer's own time zone (the browser's), amounts exactly as the API sends them.

const LOCALE = 'en-GB';
const dayFormat = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const plainDateFormat = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const viewerTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Tue 24 Nov" (the comma en-GB puts after the weekday is left out). */
function day(date) {
  return dayFormat.format(date).replace(',', '');
}

/** An instant: "Tue 24 Nov 07:05". */
export function dateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return `${day(date)} ${timeFormat.format(date)}`;
}

/** A calendar date from the API ("2026-12-03"), which has no time zone: "Thu 3 Dec 2026". */
export function plainDate(isoDate) {
  if (!isoDate) return '';
  return plainDateFormat.format(new Date(`${isoDate}T00:00:00Z`)).replace(',', '');
}

/** A delivery window: "Tue 24 Nov 07:00–09:00", or both days when it spans midnight. */
export function deliveryWindow(window) {
  if (!window?.from || !window?.to) return 'No delivery window yet';
  const from = new Date(window.from);
  const to = new Date(window.to);
  if (window.basis === 'ACTUAL') return `Delivered ${day(to)} ${timeFormat.format(to)}`;
  const sameDay = day(from) === day(to);
  return sameDay
    ? `${day(from)} ${timeFormat.format(from)}–${timeFormat.format(to)}`
    : `${day(from)} ${timeFormat.format(from)} – ${day(to)} ${timeFormat.format(to)}`;
}

const BASIS = {
  PLANNED: 'planned slot',
  CARRIER_ETA: "carrier's estimate",
  PREDICTED: 'predicted from the carrier’s track record',
  ACTUAL: 'delivered',
};

export function windowBasis(basis) {
  return BASIS[basis] || (basis ? basis.toLowerCase() : '');
}

const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });

/**
 * How sure a window is, in plain words, from its confidence (delivery-service's WindowConfidence): "95% of Baltic
 * Haulage’s deliveries arrive inside a window like this". Empty when the window makes no claim (delivered, or an
 * event from before windows said how sure they are).
 */
export function windowConfidence(window, carrier) {
  const confidence = window?.confidence;
  if (!confidence || window.basis === 'ACTUAL' || confidence.kind === 'ACTUAL') return '';
  const who = carrier ? carrierName(carrier) : 'this carrier';
  const share = confidence.coverage != null ? percent.format(confidence.coverage) : null;
  const deliveries = (n) => `${n} ${n === 1 ? 'delivery' : 'deliveries'}`;
  switch (confidence.kind) {
    case 'CALIBRATED':
      return `${share} of ${possessive(who)} deliveries arrive inside a window like this `
        + `(from ${deliveries(confidence.samples)} on record).`;
    case 'POOLED':
      return `${who} has few deliveries on record yet; ${share} of all carriers’ deliveries arrive inside a window `
        + 'like this.';
    case 'DEFAULT_MARGINS':
      return window.basis === 'PLANNED'
        ? `The requested slot. Too few deliveries on record to say how often ${who} keeps it.`
        : `${possessive(who)} own estimate with a fixed margin. Too few deliveries on record to say how often it `
          + 'holds.';
    default:
      return '';
  }
}

function possessive(name) {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

/** Money is a string with two decimals; shown as sent, never through a floating-point number. */
export function money(amount, currency) {
  if (amount == null) return '–';
  return currency ? `${amount} ${currency}` : amount;
}

/** "IN_DELIVERY" → "In delivery". */
export function label(code) {
  if (!code) return '';
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Today in the viewer's time zone, as an ISO date (for date inputs). */
export function todayIso() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** An event type as recorded ("OrderPlaced", "shipment.updated") → "Order placed", "Shipment updated". */
export function eventName(type) {
  if (!type) return '';
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replaceAll('.', ' ').replaceAll('_', ' ').replaceAll('-', ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A carrier code as people call it: "nordic-freight" → "Nordic Freight". */
export function carrierName(code) {
  if (!code) return '';
  return code.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

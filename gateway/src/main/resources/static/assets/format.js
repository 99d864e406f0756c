// Times in the viewer's own time zone (the browser's) and the page's language; money and numbers as the language
// writes them (Intl), amounts exact as the API sends them.
import { t, has, locale, language } from './i18n.js';

const formats = new Map();

/** One Intl format per locale and options, made when first needed: the language is known only after /api/me. */
function format(kind, options) {
  const key = `${kind}|${locale()}|${JSON.stringify(options)}`;
  if (!formats.has(key)) {
    formats.set(key, kind === 'date' ? new Intl.DateTimeFormat(locale(), options) : new Intl.NumberFormat(locale(), options));
  }
  return formats.get(key);
}

// Finnish writes a day as "ti 24.11.", Swedish and English name the month.
const DAY = {
  fi: { weekday: 'short', day: 'numeric', month: 'numeric' },
  sv: { weekday: 'short', day: 'numeric', month: 'short' },
  en: { weekday: 'short', day: 'numeric', month: 'short' },
};
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export const viewerTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Tue 24 Nov", "ti 24.11.", "tis 24 nov." (the comma some locales put after the weekday is left out). */
function day(date) {
  return format('date', DAY[language()]).format(date).replace(',', '');
}

function time(date) {
  return format('date', TIME).format(date);
}

/** An instant: "Tue 24 Nov 07:05". */
export function dateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return `${day(date)} ${time(date)}`;
}

/** A calendar date from the API ("2026-12-03"), which has no time zone: "Thu 3 Dec 2026". */
export function plainDate(isoDate) {
  if (!isoDate) return '';
  return format('date', { ...DAY[language()], year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${isoDate}T00:00:00Z`)).replace(',', '');
}

/** A delivery window: "Tue 24 Nov 07:00–09:00", or both days when it spans midnight. */
export function deliveryWindow(window) {
  if (!window?.from || !window?.to) return t('window.none');
  const from = new Date(window.from);
  const to = new Date(window.to);
  if (window.basis === 'ACTUAL') return t('window.delivered', { time: `${day(to)} ${time(to)}` });
  const sameDay = day(from) === day(to);
  return sameDay
    ? `${day(from)} ${time(from)}–${time(to)}`
    : `${day(from)} ${time(from)} – ${day(to)} ${time(to)}`;
}

export function windowBasis(basis) {
  return basis ? t(`window.basis.${basis}`) : '';
}

export function percent(value, maximumFractionDigits = 1) {
  return format('number', { style: 'percent', maximumFractionDigits }).format(value);
}

/** A count or measure as the language writes it ("1 234", "1,234"). */
export function number(value, options = {}) {
  return format('number', options).format(value);
}

/**
 * How sure a window is, in plain words, from its confidence (delivery-service's WindowConfidence): "95% of Baltic
 * Haulage’s deliveries arrive inside a window like this". Empty when the window makes no claim (delivered, or an
 * event from before windows said how sure they are).
 */
export function windowConfidence(window, carrier) {
  const sure = howSure(window, carrier);
  const wider = widerThanUsual(window);
  return [sure, wider].filter(Boolean).join(' ');
}

/**
 * "Wider than the usual 60 minutes …" for an estimated window that delivery-service found wider than the width
 * receivers are usually promised this close to delivery (its confidence's usualWidthMinutes); else empty.
 */
export function widerThanUsual(window) {
  const minutes = window?.confidence?.usualWidthMinutes;
  return minutes ? t('window.widerThanUsual', { minutes }) : '';
}

function howSure(window, carrier) {
  const confidence = window?.confidence;
  if (!confidence || window.basis === 'ACTUAL' || confidence.kind === 'ACTUAL') return '';
  const who = carrier ? carrierName(carrier) : t('window.unknownCarrier');
  const params = { carrier: who, count: confidence.samples,
    share: confidence.coverage != null ? percent(confidence.coverage) : '–' };
  switch (confidence.kind) {
    case 'CALIBRATED':
      return t('window.confidence.calibrated', { ...params, carrier: possessive(who) });
    case 'POOLED':
      return t('window.confidence.pooled', params);
    case 'DEFAULT_MARGINS':
      return window.basis === 'PLANNED' ? t('window.confidence.defaultPlanned', params)
        : t('window.confidence.defaultEstimate', { ...params, carrier: possessive(who) });
    default:
      return '';
  }
}

/**
 * English makes the carrier possessive ("Baltic Haulage’s"); Finnish and Swedish phrase their sentences so the name
 * stays as it is ("kuljetusliikkeen Baltic Haulage", "från Baltic Haulage").
 */
function possessive(name) {
  if (language() !== 'en') return name;
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

/**
 * Money: the API's decimal string formatted for the language, then the currency code ("945.80 EUR", "945,80 EUR").
 * Intl formats the string as the exact decimal it is, never through a floating-point number; groups of thousands
 * only from five digits on ("5000.00", "12 500,00").
 */
export function money(amount, currency) {
  if (amount == null) return '–';
  const figure = format('number', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'min2' })
    .format(String(amount));
  return currency ? `${figure} ${currency}` : figure;
}

/** A code from the API in words: "IN_DELIVERY" → "In delivery" / "Toimituksessa"; unknown codes humanised. */
export function label(code) {
  if (!code) return '';
  if (has(`code.${code}`)) return t(`code.${code}`);
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
  if (has(`event.${type}`)) return t(`event.${type}`);
  if (has(`code.${type}`)) return t(`code.${type}`);
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replaceAll('.', ' ').replaceAll('_', ' ').replaceAll('-', ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A carrier code as people call it: "nordic-freight" → "Nordic Freight". */
export function carrierName(code) {
  if (!code) return '';
  return code.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/**
 * An order's invoice entry (issued, credit note, paid, partly paid) in words: the invoice, what the entry is
 * about in money, and what stays open or when it is due.
 */
export function invoicingText(type, invoice) {
  return t(`invoicing.${type}`, {
    invoice: invoice.invoiceNumber, creditNote: invoice.creditNoteNumber || '',
    amount: money(invoice.amount, invoice.currency), open: money(invoice.openAmount, invoice.currency),
    due: plainDate(invoice.dueDate),
  });
}

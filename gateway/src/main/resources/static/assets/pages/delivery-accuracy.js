// How well the delivery windows kept their promise, per carrier: for each horizon before the arrival, how often the
// delivery arrived inside the window shown then (the calibration against its target) and how wide that window was.
// From GET /api/admin/delivery-accuracy; every chart has its figures in a table beside it.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, load, empty } from '../ui.js';
import { carrierName, number, percent as formatPercent } from '../format.js';
import { barChart } from '../charts.js';

const COLUMNS = ['accuracy.col.shown', 'accuracy.col.deliveries', 'accuracy.col.inside', 'accuracy.col.target',
  'accuracy.col.against', 'accuracy.col.width'];

const { me, main } = await startPage({ heading: 'nav.deliveryAccuracy', allowedRoles: SUPPORT });
if (me) {
  main.append(el('p', { class: 'hint', id: 'about' }, t('accuracy.about')));
  const report = el('div', { id: 'report' });
  main.append(report);
  load(report, api('/api/admin/delivery-accuracy'), ({ body }) => render(body));
}

function render(report) {
  if (!report.carriers.length) {
    return empty(t('accuracy.none'));
  }
  return [
    ...report.carriers.map((c) => carrier(c.carrier, carrierName(c.carrier), c.delivered, c.byHorizon)),
    carrier('all', t('accuracy.allCarriers'), report.overall.delivered, report.overall.byHorizon),
  ];
}

function carrier(code, name, delivered, byHorizon) {
  // Far to near, as the day of the delivery goes by.
  const bands = [...byHorizon].sort((a, b) => b.minutesBefore - a.minutesBefore);
  const headingId = `heading-${code}`;
  const section = el('section', { class: 'card accuracy', id: `carrier-${code}`, 'aria-labelledby': headingId,
    dataset: { carrier: code } },
  el('h2', { id: headingId }, name),
  el('p', {}, t('accuracy.measured', { count: delivered })));
  if (!bands.length) {
    section.append(empty(t('accuracy.noBands')));
    return section;
  }
  const target = bands[0].coverageTarget;
  section.append(
    el('div', { class: 'charts' },
      el('figure', {}, coverageChart(name, bands, target),
        el('figcaption', {}, t('accuracy.coverageCaption', { target: percent(target) }))),
      el('figure', {}, widthChart(name, bands), el('figcaption', {}, t('accuracy.widthCaption')))),
    table(code, name, bands));
  return section;
}

function coverageChart(name, bands, target) {
  const rates = bands.map((b) => (b.hitRate === null ? null : Number(b.hitRate)));
  // The axis starts a little below the lowest figure, so a few points' difference to the target can be seen.
  const lowest = Math.min(Number(target), ...rates.filter((r) => r !== null));
  const step = lowest >= 0.8 ? 0.05 : lowest >= 0.5 ? 0.1 : 0.2;
  const min = Math.max(0, Math.floor((lowest - 0.02) / step) * step);
  const short = bands.filter((b) => b.againstTarget !== null && Number(b.againstTarget) < 0).map((b) => horizon(b));
  return barChart({
    title: t('accuracy.coverageTitle', { name }),
    description: short.length
      ? t('accuracy.below', { target: percent(target), horizons: short.join(', ') })
      : t('accuracy.allAbove', { target: percent(target) }),
    labels: bands.map(shortHorizon),
    values: rates,
    scale: [min, 1],
    format: percent,
    missing: t('accuracy.noData'),
    reference: { value: Number(target), label: t('accuracy.target') },
    short: (value) => value < Number(target),
  });
}

function widthChart(name, bands) {
  const widths = bands.map((b) => (b.meanWidthMinutes === null ? null : Number(b.meanWidthMinutes)));
  const widest = Math.max(60, ...widths.filter((w) => w !== null));
  const max = Math.ceil(widest / 60) * 60;
  return barChart({
    title: t('accuracy.widthTitle', { name }),
    description: bands.map((b) => `${horizon(b)}: ${minutes(b.meanWidthMinutes)}`).join('; '),
    labels: bands.map(shortHorizon),
    values: widths,
    scale: [0, max],
    missing: t('accuracy.noData'),
    format: (value) => `${Math.round(value)}′`,
  });
}

function table(code, name, bands) {
  return el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: `table-${code}` },
    el('caption', {}, t('accuracy.tableCaption', { name })),
    el('thead', {}, el('tr', {},
      COLUMNS.map((key) => el('th', { scope: 'col', class: key === 'accuracy.col.shown' ? null : 'num' }, t(key))))),
    el('tbody', {}, bands.map((b) => el('tr', { dataset: { band: b.band } },
      el('th', { scope: 'row', 'data-label': t('accuracy.col.shown') }, horizon(b)),
      el('td', { class: 'num', 'data-label': t('accuracy.col.deliveries') }, number(b.samples)),
      el('td', { class: 'num', 'data-label': t('accuracy.col.inside') }, `${percent(b.hitRate)} (${b.hits})`),
      el('td', { class: 'num', 'data-label': t('accuracy.col.target') }, percent(b.coverageTarget)),
      el('td', { class: 'num', 'data-label': t('accuracy.col.against') }, points(b.againstTarget)),
      el('td', { class: 'num', 'data-label': t('accuracy.col.width') }, minutes(b.meanWidthMinutes)))))));
}

/** "24 hours before", "2 h 30 min before", "15 minutes before". */
function horizon(band) {
  const m = band.minutesBefore;
  if (m % 60 === 0) return t('accuracy.hoursBefore', { count: m / 60 });
  if (m < 60) return t('accuracy.minutesBefore', { count: m });
  return t('accuracy.hoursMinutesBefore', { hours: Math.floor(m / 60), minutes: m % 60 });
}

/** "24 h", "2½ h", "15 min": short enough to sit under a column on a phone. */
function shortHorizon(band) {
  const m = band.minutesBefore;
  if (m % 60 === 0) return `${m / 60} h`;
  if (m < 60) return `${m} min`;
  return m % 60 === 30 ? `${Math.floor(m / 60)}½ h` : `${Math.floor(m / 60)} h ${m % 60}`;
}

function percent(value) {
  if (value === null || value === undefined) return '–';
  return formatPercent(Number(value));
}

function points(value) {
  if (value === null || value === undefined) return '–';
  const p = Math.round(Number(value) * 1000) / 10;
  return t('accuracy.points', { count: Math.abs(p), sign: p > 0 ? '+' : p < 0 ? '−' : '±', points: number(Math.abs(p)) });
}

function minutes(value) {
  return value === null || value === undefined ? '–' : t('accuracy.minutes', { minutes: number(Math.round(Number(value))) });
}

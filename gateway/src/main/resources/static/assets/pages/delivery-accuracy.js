// How well the delivery windows kept their promise, per carrier: for each horizon before the arrival, how often the
// delivery arrived inside the window shown then (the calibration against its target) and how wide that window was.
// From GET /api/admin/delivery-accuracy; every chart has its figures in a table beside it.
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, load, empty } from '../ui.js';
import { carrierName } from '../format.js';
import { columnChart } from '../chart.js';

const { me, main } = await startPage({ heading: 'Delivery accuracy', allowedRoles: SUPPORT });
if (me) {
  main.append(el('p', { class: 'hint', id: 'about' },
    'For every delivered shipment: the window it showed a day, 8 hours, 2½ hours, 1 hour and 15 minutes before it ',
    'actually arrived, and whether the arrival fell inside (an early arrival counts as a miss). A calibrated ',
    'window is drawn to hold the target share of arrivals; a column below the target line promised more than it ',
    'kept, one well above it was wider than it had to be.'));
  const report = el('div', { id: 'report' });
  main.append(report);
  load(report, api('/api/admin/delivery-accuracy'), ({ body }) => render(body));
}

function render(report) {
  if (!report.carriers.length) {
    return empty('No shipment has been delivered yet, so there is nothing to measure.');
  }
  return [
    ...report.carriers.map((c) => carrier(c.carrier, carrierName(c.carrier), c.delivered, c.byHorizon)),
    carrier('all', 'All carriers', report.overall.delivered, report.overall.byHorizon),
  ];
}

function carrier(code, name, delivered, byHorizon) {
  // Far to near, as the day of the delivery goes by.
  const bands = [...byHorizon].sort((a, b) => b.minutesBefore - a.minutesBefore);
  const headingId = `heading-${code}`;
  const section = el('section', { class: 'card accuracy', id: `carrier-${code}`, 'aria-labelledby': headingId,
    dataset: { carrier: code } },
  el('h2', { id: headingId }, name),
  el('p', {}, `${delivered} ${delivered === 1 ? 'delivery' : 'deliveries'} measured.`));
  if (!bands.length) {
    section.append(empty('No delivery had a window this long before it arrived yet.'));
    return section;
  }
  const target = bands[0].coverageTarget;
  section.append(
    el('div', { class: 'charts' },
      el('figure', {}, coverageChart(name, bands, target),
        el('figcaption', {}, `Arrivals inside the window, against the ${percent(target)} target`)),
      el('figure', {}, widthChart(name, bands), el('figcaption', {}, 'Mean width of the window shown'))),
    table(code, name, bands));
  return section;
}

function coverageChart(name, bands, target) {
  const rates = bands.map((b) => (b.hitRate === null ? null : Number(b.hitRate)));
  // The axis starts a little below the lowest figure, so a few points' difference to the target can be seen.
  const lowest = Math.min(Number(target), ...rates.filter((r) => r !== null));
  const step = lowest >= 0.8 ? 0.05 : lowest >= 0.5 ? 0.1 : 0.2;
  const min = Math.max(0, Math.floor((lowest - 0.02) / step) * step);
  const ticks = [];
  for (let tick = min; tick <= 1.0001; tick += step) ticks.push(Math.round(tick * 100) / 100);
  const short = bands.filter((b) => b.againstTarget !== null && Number(b.againstTarget) < 0).map((b) => horizon(b));
  return columnChart({
    title: `${name}: arrivals inside the window, by time before arrival`,
    description: short.length
      ? `Below the ${percent(target)} target ${short.join(', ')}; at or above it otherwise.`
      : `At or above the ${percent(target)} target at every horizon measured.`,
    categories: bands.map(shortHorizon),
    values: rates,
    min,
    max: 1,
    ticks,
    format: percent,
    reference: { value: Number(target), label: 'target' },
    short: (value) => value < Number(target),
  });
}

function widthChart(name, bands) {
  const widths = bands.map((b) => (b.meanWidthMinutes === null ? null : Number(b.meanWidthMinutes)));
  const widest = Math.max(60, ...widths.filter((w) => w !== null));
  const max = Math.ceil(widest / 60) * 60;
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  return columnChart({
    title: `${name}: mean window width, by time before arrival`,
    description: bands.map((b) => `${horizon(b)}: ${minutes(b.meanWidthMinutes)}`).join('; '),
    categories: bands.map(shortHorizon),
    values: widths,
    min: 0,
    max,
    ticks,
    format: (value) => `${Math.round(value)}′`,
  });
}

function table(code, name, bands) {
  return el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: `table-${code}` },
    el('caption', {}, `${name}: the same figures`),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Window shown'), el('th', { scope: 'col', class: 'num' }, 'Deliveries'),
      el('th', { scope: 'col', class: 'num' }, 'Arrived inside'), el('th', { scope: 'col', class: 'num' }, 'Target'),
      el('th', { scope: 'col', class: 'num' }, 'Against target'),
      el('th', { scope: 'col', class: 'num' }, 'Mean width'))),
    el('tbody', {}, bands.map((b) => el('tr', { dataset: { band: b.band } },
      el('th', { scope: 'row', 'data-label': 'Window shown' }, horizon(b)),
      el('td', { class: 'num', 'data-label': 'Deliveries' }, String(b.samples)),
      el('td', { class: 'num', 'data-label': 'Arrived inside' }, `${percent(b.hitRate)} (${b.hits})`),
      el('td', { class: 'num', 'data-label': 'Target' }, percent(b.coverageTarget)),
      el('td', { class: 'num', 'data-label': 'Against target' }, points(b.againstTarget)),
      el('td', { class: 'num', 'data-label': 'Mean width' }, minutes(b.meanWidthMinutes)))))));
}

/** "24 hours before", "2 h 30 min before", "15 minutes before". */
function horizon(band) {
  const m = band.minutesBefore;
  if (m % 60 === 0) return `${m / 60} ${m === 60 ? 'hour' : 'hours'} before`;
  if (m < 60) return `${m} minutes before`;
  return `${Math.floor(m / 60)} h ${m % 60} min before`;
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
  return `${Math.round(Number(value) * 1000) / 10}%`;
}

function points(value) {
  if (value === null || value === undefined) return '–';
  const p = Math.round(Number(value) * 1000) / 10;
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p)} points`;
}

function minutes(value) {
  return value === null || value === undefined ? '–' : `${Math.round(Number(value))} min`;
}

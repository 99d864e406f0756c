// The agreement manager's reports: spend by month and by product group, on-time delivery by site and by carrier,
// and open and overdue amounts. The parameters (period, site, product group) live in the address, like the
// invoice history's filters. Each report is a chart (uPlot, vendored in assets/vendor/uplot) with the same figures
// in a table beside it, and a link to download them as CSV (the API's format=csv).
import { t, locale } from '../i18n.js';
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, load, empty } from '../ui.js';
import { barChart } from '../charts.js';
import { carrierName, label, money, number, percent } from '../format.js';

const PERIOD = ['from', 'to', 'siteId'];

// Which parameters each report takes: the API refuses one it does not take. The product group narrows the spend by
// month; the spend by group always compares every group.
const REPORTS = [
  { id: 'spend-by-month', path: '/api/reports/spend', by: 'month', params: [...PERIOD, 'group'],
    title: 'reports.spendByMonth', keyColumn: 'reports.col.month', name: (row) => month(row.key), figures: spend },
  { id: 'spend-by-group', path: '/api/reports/spend', by: 'group', params: PERIOD,
    title: 'reports.spendByGroup', keyColumn: 'reports.col.group', name: (row) => label(row.key), figures: spend },
  { id: 'on-time-by-site', path: '/api/reports/on-time-delivery', by: 'site', params: PERIOD,
    title: 'reports.onTimeBySite', keyColumn: 'common.site', name: (row) => row.name, figures: onTime },
  { id: 'on-time-by-carrier', path: '/api/reports/on-time-delivery', by: 'carrier', params: PERIOD,
    title: 'reports.onTimeByCarrier', keyColumn: 'reports.col.carrier', name: (row) => carrierName(row.key),
    figures: onTime },
  { id: 'open-and-overdue', path: '/api/reports/receivables', params: PERIOD,
    title: 'reports.openAndOverdue', keyColumn: 'reports.col.age', name: (row) => t(`reports.age.${row.age}`),
    figures: receivables },
];

const { me, main } = await startPage({ heading: 'nav.reports', allowedRoles: ['AGREEMENT_MANAGER', ...SUPPORT] });
if (me) {
  const query = new URLSearchParams(location.search);
  const sites = me.roles.includes('AGREEMENT_MANAGER')
    ? await api('/api/agreements/current').then((r) => r.body.sites, () => []) : [];
  const field = (id, text, control) => el('div', { class: 'field' }, el('label', { for: id }, text), control);
  const groups = el('select', { id: 'group', name: 'group' }, el('option', { value: '' }, t('reports.anyGroup')),
    query.get('group') ? el('option', { value: query.get('group'), selected: true }, label(query.get('group'))) : null);
  const from = el('input', { id: 'from', name: 'from', type: 'month', value: query.get('from') || '' });
  const to = el('input', { id: 'to', name: 'to', type: 'month', value: query.get('to') || '' });
  main.append(el('p', { class: 'hint', id: 'about' }, t('reports.about')),
    el('form', { class: 'filters', method: 'get', id: 'parameters' },
      field('from', t('reports.fromMonth'), from),
      field('to', t('reports.toMonth'), to),
      sites.length ? field('siteId', t('common.site'), el('select', { id: 'siteId', name: 'siteId' },
        el('option', { value: '' }, t('common.anySite')),
        sites.map((s) => el('option', { value: s.id, selected: query.get('siteId') === s.id }, s.name)))) : null,
      field('group', t('reports.group'), groups),
      el('button', { type: 'submit' }, t('reports.show')),
      el('a', { href: location.pathname, class: 'button secondary' }, t('common.clearFilters'))));
  for (const report of REPORTS) {
    const asked = new URLSearchParams();
    if (report.by) asked.set('by', report.by);
    for (const name of report.params) {
      if (query.get(name)) asked.set(name, query.get(name));
    }
    const csv = new URLSearchParams(asked);
    csv.set('format', 'csv');
    const headingId = `heading-${report.id}`;
    const body = el('div', { class: 'report-body', 'aria-live': 'polite' });
    main.append(el('section', { class: 'card report', id: report.id, 'aria-labelledby': headingId },
      el('h2', { id: headingId }, t(report.title)), body,
      el('p', {}, el('a', { class: 'csv', href: `${report.path}?${csv}`, download: '' },
        t('reports.csv', { report: t(report.title) })))));
    const path = String(asked) ? `${report.path}?${asked}` : report.path;
    load(body, api(path), ({ body: answer }) => {
      // The period the server settled on when none was chosen: the last twelve months.
      if (!from.value) from.value = answer.from;
      if (!to.value) to.value = answer.to;
      if (report.by === 'group') {
        const chosen = query.get('group');
        answer.rows.filter((r) => r.key !== chosen)
          .forEach((r) => groups.append(el('option', { value: r.key }, label(r.key))));
      }
      return render(report, answer);
    });
  }
}

function render(report, answer) {
  if (!answer.rows.length) {
    return empty(t('reports.none'));
  }
  const { charted, values, scale, format, columns, cells, summary } = report.figures(answer);
  const title = t(report.title);
  return [el('div', { class: 'report-figures' },
    barChart({ title, labels: charted.map(report.name), values, scale, format }),
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: `table-${report.id}` },
      el('caption', { class: 'visually-hidden' }, title),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t(report.keyColumn)),
        columns.map((key) => el('th', { scope: 'col', class: 'num' }, t(key))))),
      el('tbody', {}, answer.rows.map((row) => el('tr', { dataset: { key: row.key ?? row.age } },
        el('th', { scope: 'row', 'data-label': t(report.keyColumn) }, report.name(row)),
        cells(row).map((cell, c) => el('td', { class: 'num', 'data-label': t(columns[c]) }, cell)))))))),
  summary ? el('p', { class: 'report-summary' }, summary) : null];
}

/** The rows of the first currency: a customer is invoiced in one, and a chart has one scale. */
function firstCurrency(answer) {
  const currency = answer.rows[0].currency;
  return { currency, charted: answer.rows.filter((row) => row.currency === currency) };
}

function spend(answer) {
  const { currency, charted } = firstCurrency(answer);
  return {
    charted,
    values: charted.map((row) => Number(row.net)),
    scale: null,
    format: (value) => money(value.toFixed(2), currency),
    columns: ['reports.col.net'],
    cells: (row) => [money(row.net, row.currency)],
  };
}

function onTime(answer) {
  return {
    charted: answer.rows,
    values: answer.rows.map((row) => Number(row.rate)),
    scale: [0, 1],
    format: (value) => percent(value),
    columns: ['reports.col.delivered', 'reports.col.onTime', 'reports.col.rate'],
    cells: (row) => [number(row.delivered), number(row.onTime), percent(Number(row.rate))],
  };
}

function receivables(answer) {
  const { currency, charted } = firstCurrency(answer);
  return {
    charted,
    values: charted.map((row) => Number(row.open)),
    scale: null,
    format: (value) => money(value.toFixed(2), currency),
    columns: ['reports.col.invoices', 'reports.col.open'],
    cells: (row) => [number(row.invoices), money(row.open, row.currency)],
    summary: answer.totals.map((total) => t('reports.openTotals', {
      open: money(total.open, total.currency), overdue: money(total.overdue, total.currency) })).join(' '),
  };
}

/** "Mar 2026" in the page's language, from "2026-03". */
function month(key) {
  const [year, m] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, m - 1, 1)));
}

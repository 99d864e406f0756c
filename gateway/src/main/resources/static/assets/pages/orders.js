// Order history with filters (status, placed dates, purchase order number, site); the filters live in the address,
// so a filtered list can be bookmarked and Back works. Above it, for buyers, "time to reorder": the products a site
// orders at a steady cadence that are due again, each a click from a preview at today's prices.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, hasRole } from '../layout.js';
import { el, clear, load, empty, statusBadge, errorBox } from '../ui.js';
import { dateTime, plainDate, money, label } from '../format.js';

const STATUSES = ['PLACED', 'AWAITING_APPROVAL', 'VALIDATED', 'ON_HOLD', 'ACCEPTED', 'IN_DELIVERY', 'PARTIALLY_DELIVERED', 'DELIVERED', 'REJECTED', 'CANCELLED'];
const PAGE_SIZE = 20;
const COLUMNS = ['orders.col.order', 'orders.col.purchaseOrder', 'common.status', 'orders.col.placed',
  'orders.col.delivery', 'orders.col.sites', 'totals.total', 'orders.col.tracking'];

const { me, main } = await startPage({ heading: 'orders.heading', allowedRoles: ['ORDERER', 'AGREEMENT_MANAGER', 'RECEIVER'] });
if (me) {
  const query = new URLSearchParams(location.search);
  const sites = await api('/api/agreements/current').then((r) => r.body.sites, () => []);
  const siteName = (id) => sites.find((s) => s.id === id)?.name || id;
  const field = (id, text, control) => el('div', { class: 'field' }, el('label', { for: id }, text), control);
  main.append(el('form', { class: 'filters', method: 'get', id: 'filters' },
    field('status', t('common.status'), el('select', { id: 'status', name: 'status' }, el('option', { value: '' }, t('common.anyStatus')),
      STATUSES.map((s) => el('option', { value: s, selected: query.get('status') === s }, label(s))))),
    field('from', t('orders.placedFrom'), el('input', { id: 'from', name: 'from', type: 'date', value: query.get('from') || '' })),
    field('to', t('orders.placedTo'), el('input', { id: 'to', name: 'to', type: 'date', value: query.get('to') || '' })),
    field('purchaseOrderNumber', t('common.purchaseOrderNumber'), el('input', { id: 'purchaseOrderNumber', name: 'purchaseOrderNumber', value: query.get('purchaseOrderNumber') || '' })),
    field('siteId', t('common.site'), el('select', { id: 'siteId', name: 'siteId' }, el('option', { value: '' }, t('common.anySite')),
      sites.map((s) => el('option', { value: s.id, selected: query.get('siteId') === s.id }, s.name)))),
    el('button', { type: 'submit' }, t('orders.show')),
    el('a', { href: location.pathname, class: 'button secondary' }, t('common.clearFilters'))));
  if (hasRole(me, 'ORDERER', 'AGREEMENT_MANAGER')) {
    // Named by its heading once it has one: an empty section must not point at a heading that is not there.
    const reminders = el('section', { id: 'reorder-suggestions' });
    main.append(reminders);
    const refreshSuggestions = () => api('/api/reorder-suggestions').then(({ body }) => {
      if (body.items.length) reminders.setAttribute('aria-labelledby', 'suggestions-heading');
      else reminders.removeAttribute('aria-labelledby');
      clear(reminders, body.items.length ? [el('h2', { id: 'suggestions-heading' }, t('suggestions.heading')),
        el('div', { class: 'grid' }, body.items.map((s) => suggestion(s, refreshSuggestions)))] : []);
    }, () => clear(reminders));
    refreshSuggestions();
    main.append(reminderChoice());
  }
  const results = el('section', { 'aria-live': 'polite', 'aria-label': t('orders.heading') });
  main.append(results);
  const asked = new URLSearchParams();
  for (const name of ['status', 'from', 'to', 'purchaseOrderNumber', 'siteId', 'page']) {
    if (query.get(name)) asked.set(name, query.get(name));
  }
  asked.set('size', PAGE_SIZE);
  load(results, api(`/api/orders?${asked}`), ({ body }) => render(body, siteName, hasRole(me, 'ORDERER'), query));
}

function render(page, siteName, mayReorder, query) {
  if (!page.items.length) {
    return empty([...query.keys()].length ? t('orders.noneMatch') : t('orders.none'));
  }
  const pages = Math.ceil(page.total / page.size);
  const link = (n, text) => { const q = new URLSearchParams(query); q.set('page', n); return el('a', { href: `?${q}`, class: 'button secondary' }, text); };
  return [el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'orders' },
    el('thead', {}, el('tr', {}, [...COLUMNS, null].map((h) => el('th', { scope: 'col' },
      h ? t(h) : el('span', { class: 'visually-hidden' }, t('common.actions')))))),
    el('tbody', {}, page.items.map((o) => el('tr', { dataset: { orderId: o.id } },
      el('td', { 'data-label': t('orders.col.order') }, el('a', { href: `/buyer/order.html?id=${o.id}` }, o.orderNumber)),
      el('td', { 'data-label': t('orders.col.purchaseOrder') }, o.purchaseOrderNumber || '–'),
      el('td', { 'data-label': t('common.status') }, statusBadge(o.status)),
      el('td', { 'data-label': t('orders.col.placed') }, dateTime(o.placedAt)),
      el('td', { 'data-label': t('orders.col.delivery') }, o.requestedDelivery ? `${plainDate(o.requestedDelivery.date)} ${o.requestedDelivery.from}–${o.requestedDelivery.to}` : '–'),
      el('td', { 'data-label': t('orders.col.sites') }, (o.siteIds || []).map(siteName).join(', ')),
      el('td', { 'data-label': t('totals.total'), class: 'num' }, o.totals ? money(o.totals.total, o.totals.currency) : '–'),
      el('td', { 'data-label': t('orders.col.tracking') }, (o.trackingNumbers || []).join(', ') || '–'),
      el('td', { 'data-label': '' }, mayReorder ? el('a', { href: `/buyer/order.html?id=${o.id}#reorder` }, t('orders.reorder'),
        el('span', { class: 'visually-hidden' }, ` ${o.orderNumber}`)) : null)))))),
  el('p', { class: 'hint' }, t('orders.count', { count: page.total })),
  pages > 1 ? el('nav', { class: 'pager', 'aria-label': t('common.pages') },
    page.page > 0 ? link(page.page - 1, t('common.previous')) : null, el('span', {}, t('common.pageOf', { page: page.page + 1, pages })),
    page.page + 1 < pages ? link(page.page + 1, t('common.next')) : null) : null];
}

/**
 * Whether the person gets reorder reminders by e-mail (`reorder.due`, in no role's defaults: only who asks gets them).
 * Changing it keeps the rest of their choices as they are: a channel still on its defaults stays on them.
 */
function reminderChoice() {
  const box = el('input', { type: 'checkbox', id: 'reorder-reminders', disabled: true });
  const outcome = el('span', { role: 'status', class: 'hint' });
  let current = null;
  api('/api/subscriptions/me').then(({ body }) => {
    current = body;
    box.checked = body.channels.email.includes('reorder.due');
    box.disabled = false;
  }, (error) => clear(outcome, errorBox(error)));
  box.addEventListener('change', async () => {
    box.disabled = true;
    const email = current.channels.email.filter((e) => e !== 'reorder.due').concat(box.checked ? ['reorder.due'] : []);
    try {
      current = (await api('/api/subscriptions/me', { method: 'PUT', body: {
        channels: { email, live: current.defaults.live ? null : current.channels.live },
        arrivalLeadMinutes: current.defaults.arrivalLeadMinutes ? null : current.arrivalLeadMinutes } })).body;
      clear(outcome, t(box.checked ? 'suggestions.emailOn' : 'suggestions.emailOff'));
    } catch (error) {
      box.checked = !box.checked;
      clear(outcome, errorBox(error, t('suggestions.notSaved')));
    } finally {
      box.disabled = false;
    }
  });
  return el('p', { class: 'reminder-choice' }, box, ' ', el('label', { for: 'reorder-reminders' }, t('suggestions.emailMe')), ' ', outcome);
}

/** One product due again: what, where, how often; preview it at today's prices, or put it off. */
function suggestion(s, refresh) {
  const what = `${s.name || s.sku} × ${s.quantity} ${label(s.packageSize)}`;
  const outcome = el('div', { role: 'status' });
  const answer = async (button, body) => {
    button.disabled = true;
    try {
      await api(`/api/reorder-suggestions/${s.siteId}/${encodeURIComponent(s.sku)}`, { method: 'PUT', body });
      refresh();
    } catch (error) {
      button.disabled = false;
      clear(outcome, errorBox(error, t('suggestions.notSaved')));
    }
  };
  const inAWeek = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
  const preview = new URLSearchParams({ sku: s.sku, quantity: s.quantity, package: s.packageSize, site: s.siteId, preview: '1' });
  return el('article', { class: 'card suggestion', dataset: { sku: s.sku, siteId: s.siteId } },
    el('h3', {}, what),
    el('p', {}, t('suggestions.site', { site: s.siteName || s.siteId })),
    el('p', { class: 'hint' }, t('suggestions.cadence', { days: s.everyDays, last: plainDate(s.lastOrdered), due: plainDate(s.dueOn) })),
    el('div', { class: 'actions' },
      el('a', { class: 'button', href: `/buyer/quick-order.html?${preview}` }, t('suggestions.preview'),
        el('span', { class: 'visually-hidden' }, ` ${what}`)),
      el('button', { type: 'button', class: 'secondary', onclick: (e) => answer(e.currentTarget, { snoozedUntil: inAWeek }) },
        t('suggestions.snooze')),
      el('button', { type: 'button', class: 'secondary', onclick: (e) => answer(e.currentTarget, { dismissed: true }) },
        t('suggestions.dismiss'))),
    outcome);
}

// What receivers say of each carrier's deliveries (GET /api/admin/carrier-scorecard): the share they saw arrive on
// time and unloaded fine, their latest comments, and the claims against each carrier and against the supplier itself. The delivery accuracy page shows the same carriers by what the
// carriers themselves reported; where the two part, this is the one the site lived through.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, load, empty } from '../ui.js';
import { carrierName, dateTime, label, number, percent } from '../format.js';

const { me, main } = await startPage({ heading: 'nav.carrierScorecard', allowedRoles: SUPPORT });
if (me) {
  const scorecard = el('div', { id: 'scorecard' });
  main.append(el('p', { class: 'hint', id: 'about' }, t('scorecard.about')), scorecard);
  load(scorecard, api('/api/admin/carrier-scorecard'), ({ body }) => [render(body.carriers), supplier(body.supplier || [])]);
}

function render(carriers) {
  if (!carriers.length) return empty(t('scorecard.none'));
  const head = ['scorecard.carrier', 'scorecard.ratings', 'scorecard.onTime', 'scorecard.unloadedFine', 'scorecard.claims', 'scorecard.claimsAccepted'];
  return [
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'scorecard-table' },
      el('caption', {}, t('scorecard.caption')),
      el('thead', {}, el('tr', {}, head.map((key, i) => el('th', { scope: 'col', class: i ? 'num' : null }, t(key))))),
      el('tbody', {}, carriers.map((c) => el('tr', { dataset: { carrier: c.carrier } },
        el('th', { scope: 'row', 'data-label': t(head[0]) }, carrierName(c.carrier)),
        el('td', { class: 'num ratings', 'data-label': t(head[1]) }, number(c.ratings)),
        el('td', { class: 'num on-time', 'data-label': t(head[2]) }, c.ratings ? percent(c.onTimePercent / 100) : '–'),
        el('td', { class: 'num unloaded-fine', 'data-label': t(head[3]) }, c.ratings ? percent(c.unloadedFinePercent / 100) : '–'),
        el('td', { class: 'num claims', 'data-label': t(head[4]) }, number(c.claims.open)),
        el('td', { class: 'num claims-accepted', 'data-label': t(head[5]) }, number(c.claims.accepted))))))),
    carriers.filter((c) => c.latestComments.length).map((c) => el('section', { class: 'card comments',
      dataset: { carrier: c.carrier }, 'aria-labelledby': `comments-${c.carrier}` },
    el('h2', { id: `comments-${c.carrier}` }, t('scorecard.latest', { carrier: carrierName(c.carrier) })),
    el('ul', {}, c.latestComments.map((comment) => el('li', {},
      el('q', {}, comment.text), ' ', el('span', { class: 'hint' },
        t('scorecard.commentBy', { site: comment.siteName, time: dateTime(comment.ratedAt) }))))))),
  ];
}

/** Claims that count against the supplier itself: short deliveries, wrong items, other. */
function supplier(rows) {
  return el('section', { class: 'card', id: 'supplier-claims', 'aria-labelledby': 'supplier-claims-heading' },
    el('h2', { id: 'supplier-claims-heading' }, t('scorecard.supplierClaims')),
    rows.length ? el('table', { class: 'stack' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('claims.reason')), el('th', { scope: 'col', class: 'num' }, t('scorecard.claims')),
        el('th', { scope: 'col', class: 'num' }, t('scorecard.claimsAccepted')))),
      el('tbody', {}, rows.map((r) => el('tr', { dataset: { reason: r.reason } },
        el('th', { scope: 'row', 'data-label': t('claims.reason') }, label(r.reason)),
        el('td', { class: 'num claims', 'data-label': t('scorecard.claims') }, number(r.claims.open)),
        el('td', { class: 'num claims-accepted', 'data-label': t('scorecard.claimsAccepted') }, number(r.claims.accepted))))))
      : empty(t('scorecard.noSupplierClaims')));
}

// What receivers say of each carrier's deliveries (GET /api/admin/carrier-scorecard): the share they saw arrive on
// time and unloaded fine, and their latest comments. The delivery accuracy page shows the same carriers by what the
// carriers themselves reported; where the two part, this is the one the site lived through.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { startPage, SUPPORT } from '../layout.js';
import { el, load, empty } from '../ui.js';
import { carrierName, dateTime, number, percent } from '../format.js';

const { me, main } = await startPage({ heading: 'nav.carrierScorecard', allowedRoles: SUPPORT });
if (me) {
  const scorecard = el('div', { id: 'scorecard' });
  main.append(el('p', { class: 'hint', id: 'about' }, t('scorecard.about')), scorecard);
  load(scorecard, api('/api/admin/carrier-scorecard'), ({ body }) => render(body.carriers));
}

function render(carriers) {
  if (!carriers.length) return empty(t('scorecard.none'));
  const head = ['scorecard.carrier', 'scorecard.ratings', 'scorecard.onTime', 'scorecard.unloadedFine'];
  return [
    el('div', { class: 'table-wrap' }, el('table', { class: 'stack', id: 'scorecard-table' },
      el('caption', {}, t('scorecard.caption')),
      el('thead', {}, el('tr', {}, head.map((key, i) => el('th', { scope: 'col', class: i ? 'num' : null }, t(key))))),
      el('tbody', {}, carriers.map((c) => el('tr', { dataset: { carrier: c.carrier } },
        el('th', { scope: 'row', 'data-label': t(head[0]) }, carrierName(c.carrier)),
        el('td', { class: 'num ratings', 'data-label': t(head[1]) }, number(c.ratings)),
        el('td', { class: 'num on-time', 'data-label': t(head[2]) }, percent(c.onTimePercent / 100)),
        el('td', { class: 'num unloaded-fine', 'data-label': t(head[3]) }, percent(c.unloadedFinePercent / 100))))))),
    ...carriers.filter((c) => c.latestComments.length).map((c) => el('section', { class: 'card comments',
      dataset: { carrier: c.carrier }, 'aria-labelledby': `comments-${c.carrier}` },
    el('h2', { id: `comments-${c.carrier}` }, t('scorecard.latest', { carrier: carrierName(c.carrier) })),
    el('ul', {}, c.latestComments.map((comment) => el('li', {},
      el('q', {}, comment.text), ' ', el('span', { class: 'hint' },
        t('scorecard.commentBy', { site: comment.siteName, time: dateTime(comment.ratedAt) }))))))),
  ];
}

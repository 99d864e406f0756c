// Small charts drawn by the page itself as inline SVG: no library, no build step, nothing loaded from elsewhere.
// Each chart is an <svg role="img"> named by its title and described in words; pages put the same figures in a table
// beside it, for screen readers and for anyone who wants the numbers.

import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 360;
const HEIGHT = 220;
// The right margin holds the reference line's label, clear of the columns' values.
const PLOT = { left: 44, right: 46, top: 16, bottom: 40 };

let charts = 0;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * Columns, one per category, on a value axis from min to max, with an optional dashed reference line (a target).
 * A category without a value (null) gets no column and says so under its label.
 *
 * @param {object} chart
 * @param {string} chart.title what the chart shows, its accessible name
 * @param {string} chart.description the chart's message in words
 * @param {string[]} chart.categories labels along the bottom
 * @param {(number|null)[]} chart.values one per category
 * @param {number} chart.min bottom of the value axis
 * @param {number} chart.max top of the value axis
 * @param {number[]} chart.ticks values to mark on the axis
 * @param {(value: number) => string} chart.format a value as shown on the axis and above its column
 * @param {{value: number, label: string}} [chart.reference] a dashed line across the plot, its label (a word or
 * two) to its right
 * @param {(value: number) => boolean} [chart.short] columns that fall short are drawn in the warning colour
 */
export function columnChart({ title, description, categories, values, min, max, ticks, format, reference, short }) {
  charts += 1;
  const ids = { title: `chart-${charts}-title`, description: `chart-${charts}-description` };
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (value) => PLOT.top + plotHeight * (1 - (Math.min(Math.max(value, min), max) - min) / (max - min));
  const slot = plotWidth / Math.max(categories.length, 1);
  const column = Math.min(40, slot * 0.6);
  const axis = ticks.map((tick) => svg('g', { class: 'tick' },
    svg('line', { x1: PLOT.left, x2: WIDTH - PLOT.right, y1: y(tick), y2: y(tick), class: 'grid-line' }),
    svg('text', { x: PLOT.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, format(tick))));
  const columns = categories.map((category, i) => {
    const centre = PLOT.left + slot * i + slot / 2;
    const value = values[i];
    const label = svg('text', { x: centre, y: HEIGHT - PLOT.bottom + 16, 'text-anchor': 'middle' }, category);
    if (value === null || value === undefined) {
      return svg('g', {}, label, svg('text', { x: centre, y: HEIGHT - PLOT.bottom + 32, 'text-anchor': 'middle',
        class: 'no-data' }, t('accuracy.noData')));
    }
    const top = y(value);
    return svg('g', { class: short?.(value) ? 'column short' : 'column' },
      svg('rect', { x: centre - column / 2, y: top, width: column, height: Math.max(y(min) - top, 1) }),
      svg('text', { x: centre, y: top - 4, 'text-anchor': 'middle', class: 'value' }, format(value)),
      label);
  });
  const line = reference ? svg('g', { class: 'reference' },
    svg('line', { x1: PLOT.left, x2: WIDTH - PLOT.right, y1: y(reference.value), y2: y(reference.value) }),
    svg('text', { x: WIDTH - PLOT.right + 4, y: y(reference.value) + 4 }, reference.label)) : null;
  return svg('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-labelledby': `${ids.title} ${ids.description}` },
  svg('title', { id: ids.title }, title),
  svg('desc', { id: ids.description }, description),
  axis, columns, line,
  svg('line', { x1: PLOT.left, x2: WIDTH - PLOT.right, y1: y(min), y2: y(min), class: 'baseline' }));
}

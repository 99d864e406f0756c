// Column charts, drawn by uPlot (vendored in vendor/uplot: no build step, nothing from elsewhere) on a canvas. A
// canvas says nothing to a screen reader, so each chart's box is an image named by its title and described in words,
// and the pages put the same figures in a table beside it. What the canvas shows is also on the box as data
// attributes (columns, the reference line, columns short of it), for tests and tools that cannot read pixels.

import uPlot from './vendor/uplot/uPlot.esm.js';
import { el } from './ui.js';

let charts = 0;

/**
 * Columns, one per label, with an optional dashed reference line (a target) and columns that fall short of it in the
 * warning colour; a label without a value (null) gets no column.
 *
 * @param {object} chart
 * @param {string} chart.title what the chart shows, its accessible name
 * @param {string} [chart.description] the chart's message in words
 * @param {string[]} chart.labels along the bottom
 * @param {(number|null)[]} chart.values one per label
 * @param {[number, number]} [chart.scale] the value axis; by default from 0 (or the lowest value) to a little above
 * the highest
 * @param {(value: number) => string} chart.format a value as the axis and the column's label show it
 * @param {{value: number, label: string}} [chart.reference] a dashed line across the plot, labelled at its end
 * @param {(value: number) => boolean} [chart.short] columns drawn in the warning colour
 * @param {string} [chart.missing] written where a label has no value ("no data")
 */
export function barChart({ title, description, labels, values, scale, format, reference, short, missing }) {
  charts += 1;
  const ids = { title: `chart-${charts}-title`, description: `chart-${charts}-description` };
  const drawn = values.filter((v) => v !== null && v !== undefined);
  const box = el('div', {
    class: 'chart', role: 'img', 'aria-labelledby': description ? `${ids.title} ${ids.description}` : ids.title,
    dataset: { columns: drawn.length, reference: reference?.value, short: short ? drawn.filter(short).length : 0 },
  },
  el('span', { id: ids.title, class: 'visually-hidden' }, title),
  description ? el('span', { id: ids.description, class: 'visually-hidden' }, description) : null);
  // uPlot measures the box, so it draws once the box is in the page.
  requestAnimationFrame(() => draw(box, { labels, values, scale, format, reference, short, missing }));
  return box;
}

function draw(box, { labels, values, scale, format, reference, short, missing }) {
  const style = getComputedStyle(document.documentElement);
  const color = (name) => style.getPropertyValue(name).trim();
  // Labels that would run into each other under their columns are slanted, with room below for the longest and to
  // the right for the last one.
  const longest = Math.max(...labels.map((text) => text.length));
  const crowded = labels.length * Math.max(longest, 4) * 7 > box.clientWidth - 90;
  const labelRoom = crowded ? Math.min(120, 24 + 5 * longest) : 40;
  const right = reference ? 56 : crowded ? Math.min(80, 4 * longest) : 12;
  const size = () => ({ width: Math.max(240, box.clientWidth), height: 200 + labelRoom });
  const fills = values.map((v) => (short && v !== null && short(v) ? color('--bad') : color('--brand')));
  const chart = new uPlot({
    ...size(),
    legend: { show: false },
    padding: [18, right, 0, 0],
    cursor: { show: false },
    select: { show: false },
    scales: {
      x: { time: false, range: [-0.5, labels.length - 0.5] },
      y: { range: (u, min, max) => scale ?? [Math.min(0, min), max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      { stroke: color('--ink'), grid: { show: false }, ticks: { show: false },
        splits: () => labels.map((_, i) => i), values: (u, splits) => splits.map((i) => labels[i] ?? ''),
        rotate: crowded ? -45 : 0, size: labelRoom },
      { stroke: color('--ink'), grid: { stroke: color('--line'), width: 1 },
        values: (u, splits) => splits.map((value) => format(value)), size: 90 },
    ],
    // Each column its own fill (the warning colour when short); uPlot colours columns one by one only unstroked.
    series: [{}, { fill: color('--brand'), width: 0, points: { show: false },
      paths: uPlot.paths.bars({ size: [0.6, 64], disp: { fill: { unit: 3, values: () => fills } } }) }],
    hooks: { draw: [(u) => annotate(u, { values, format, reference, missing, ink: color('--ink') })] },
  }, [labels.map((_, i) => i), values], box);
  new ResizeObserver(() => chart.setSize(size())).observe(box);
}

/** Each column's figure above it (or the missing text at the bottom), and the reference line, labelled at its end. */
function annotate(u, { values, format, reference, missing, ink }) {
  const { ctx } = u;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.fillStyle = ink;
  ctx.strokeStyle = ink;
  ctx.font = `${11 * ratio}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  values.forEach((value, i) => {
    if (value === null || value === undefined) {
      if (missing) ctx.fillText(missing, u.valToPos(i, 'x', true), u.bbox.top + u.bbox.height - 4 * ratio);
      return;
    }
    ctx.fillText(format(value), u.valToPos(i, 'x', true), u.valToPos(value, 'y', true) - 4 * ratio);
  });
  if (reference) {
    const y = u.valToPos(reference.value, 'y', true);
    ctx.lineWidth = 1.5 * ratio;
    ctx.setLineDash([5 * ratio, 3 * ratio]);
    ctx.beginPath();
    ctx.moveTo(u.bbox.left, y);
    ctx.lineTo(u.bbox.left + u.bbox.width, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.textAlign = 'left';
    ctx.fillText(reference.label, u.bbox.left + u.bbox.width + 4 * ratio, y + 4 * ratio);
  }
  ctx.restore();
}

// Small DOM helpers shared by the pages: building elements, loading, empty and error states.
import { t } from './i18n.js';
import { label } from './format.js';

/**
 * el('a', {href: '/x', class: 'y'}, 'text', child). Children may be nested arrays of any depth, so a page's parts can
 * be returned as they are built; null, undefined and false stand for a part left out.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.substring(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of present(children)) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node, ...children) {
  node.replaceChildren(...present(children));
  return node;
}

function present(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);
}

/** A polite "Loading …" status, which the content or an error replaces. */
export function loading(text = t('common.loading')) {
  return el('p', { class: 'loading', role: 'status' }, text);
}

export function empty(text) {
  return el('p', { class: 'empty' }, text);
}

/** An error a person can act on: the problem's message and, for validation, each field or line. */
export function errorBox(error, heading) {
  const errors = error?.errors || [];
  return el('div', { class: 'error', role: 'alert' },
    heading ? el('strong', {}, heading, ' ') : null,
    el('span', {}, error?.message || String(error)),
    errors.length ? el('ul', {}, errors.map((e) => el('li', {},
      e.line !== undefined ? t('common.lineNo', { line: e.line }) : e.field ? `${e.field}: ` : '',
      e.message || e.code))) : null);
}

/** Runs a load into a container: loading state first, then whatever render returns, or the error. */
export async function load(container, promise, render) {
  clear(container, loading());
  try {
    const result = await promise;
    clear(container, render(result));
    return result;
  } catch (error) {
    clear(container, errorBox(error));
    return undefined;
  }
}

/** A status as a coloured badge with its name in words ("IN_DELIVERY" → "In delivery"). */
export function statusBadge(status) {
  return el('span', { class: `badge status-${(status || '').toLowerCase()}`, dataset: { status } }, label(status));
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

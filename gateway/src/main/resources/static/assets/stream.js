// The live stream (GET /api/stream, Server-Sent Events) with reconnection. EventSource retries by itself after a
// dropped connection (sending Last-Event-ID); when the gateway answers with an error the browser gives up, so this
// reconnects with ?lastEventId= and a growing delay, and no change is missed or doubled.

import { t } from './i18n.js';

export const STREAM_EVENTS = ['order.status-changed', 'shipment.updated', 'shipment.window-changed',
  'shipment.arriving', 'shipment.delivered', 'claim.updated'];

/**
 * Calls onEvent(name, data) for each event; onState('connecting' | 'live' | 'reconnecting') as the connection
 * changes. The state is also on <body data-stream="…"> so people (and tests) can tell whether updates arrive.
 */
export function openStream(onEvent, onState = () => {}) {
  let source;
  let lastEventId = null;
  let delay = 1000;
  let closed = false;

  const state = (value) => {
    document.body.dataset.stream = value;
    onState(value);
  };

  const connect = () => {
    state('connecting');
    source = new EventSource(lastEventId ? `/api/stream?lastEventId=${encodeURIComponent(lastEventId)}` : '/api/stream');
    source.onopen = () => {
      delay = 1000;
      state('live');
    };
    for (const name of STREAM_EVENTS) {
      source.addEventListener(name, (event) => {
        if (event.lastEventId) lastEventId = event.lastEventId;
        let data = {};
        try { data = JSON.parse(event.data); } catch { /* a malformed event is skipped */ }
        onEvent(name, data);
      });
    }
    source.onerror = () => {
      if (closed) return;
      state('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(() => { if (!closed) connect(); }, delay);
        delay = Math.min(delay * 2, 30000);
      }
    };
  };

  connect();
  return { close() { closed = true; source?.close(); } };
}

/** A small "Live" indicator for a page header. */
export function liveIndicator() {
  const node = document.createElement('span');
  node.className = 'live';
  node.setAttribute('role', 'status');
  node.textContent = t('live.connecting');
  return { node, update: (state) => { node.textContent = t(`live.${state}`); node.dataset.state = state; } };
}

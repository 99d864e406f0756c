// Calls to the Leverans API through the gateway with the browser session. Every call ends in an answer, a readable
// error or a timeout message: no page waits silently.

import { t, language } from './i18n.js';

const DEFAULT_TIMEOUT_MS = 20000;

/** An API answer that was not a success, with the RFC 9457 problem the server sent (when it sent one). */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  /** Field or line errors of a validation problem: [{field|line, code, message}]. */
  get errors() {
    return Array.isArray(this.problem?.errors) ? this.problem.errors : [];
  }
}

/** The CSRF token the gateway put in the XSRF-TOKEN cookie; unsafe calls send it back as X-XSRF-TOKEN. */
export function xsrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}

/** A fresh key per order attempt; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * fetch with the session cookie, the CSRF header on unsafe methods, JSON in and out, and a time limit.
 * Resolves to {status, headers, body}; rejects with an ApiError whose message a person can read.
 */
export async function api(path, { method = 'GET', body, file, headers = {}, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const sent = { Accept: 'application/json, application/problem+json', 'Accept-Language': language(), ...headers };
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  if (file !== undefined) sent['Content-Type'] = file.type;
  if (!['GET', 'HEAD'].includes(method)) {
    const token = xsrfToken();
    if (token) sent['X-XSRF-TOKEN'] = token;
  }
  try {
    const response = await fetch(path, {
      method,
      headers: sent,
      body: file !== undefined ? file : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: controller.signal,
    });
    const text = await response.text();
    const json = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json, messageFor(response.status, json));
    return { status: response.status, headers: response.headers, body: json };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error.name === 'AbortError') {
      throw new ApiError(0, null, t('api.timeout', { count: Math.round(timeoutMs / 1000) }));
    }
    throw new ApiError(0, null, t('api.unreachable'));
  } finally {
    clearTimeout(timer);
  }
}

/** A file (a photo) as the request body, with its own type: the service checks what it really is. */
export function upload(path, file) {
  return api(path, { method: 'POST', file, timeoutMs: 60000 });
}

function messageFor(status, problem) {
  if (status === 401) return t('api.signedOut');
  if (status === 403 && problem?.type === 'urn:leverans:problem:csrf') {
    return t('api.csrf');
  }
  if (status === 403) return t('api.forbidden');
  if (status === 404) return problem?.detail || t('api.notFound');
  if (status === 429) return t('api.tooMany');
  if (status >= 500) return problem?.title ? t('api.serverProblemTitled', { title: problem.title }) : t('api.serverProblem');
  if (problem) return [problem.title, problem.errors?.length ? null : problem.detail].filter(Boolean).join(': ');
  return t('api.failed', { status });
}

// The dashboard: the server renders the results (every number already through the anonymity
// rules); this only fetches the rendered view and refreshes it when results change (SSE).
import { loadTexts } from './texts.js';

// The heatmap's rows: by team, or by the attribute in the address (?by=location), chosen in its select.
let rowsBy = new URLSearchParams(window.location.search).get('by') ?? '';

async function refresh() {
  const response = await fetch(rowsBy === '' ? '/dashboard/view' : `/dashboard/view?by=${encodeURIComponent(rowsBy)}`, { credentials: 'same-origin' });
  // An attribute this reader may not cut by (an old link, a leader): rows by team instead.
  if (response.status === 400 && rowsBy !== '') {
    rowsBy = '';
    return refresh();
  }
  if (!response.ok) return false;
  document.getElementById('dashboard').innerHTML = await response.text();
  document.body.dataset.version = String(Number(document.body.dataset.version ?? '0') + 1);
  return true;
}

// A reply to a comment (issue #19): one of the four acknowledgements, or the text in the box.
document.addEventListener('click', async (event) => {
  const button = typeof event.target?.closest === 'function' ? event.target.closest('[data-ack], [data-reply]') : null;
  const item = button?.closest('[data-comment]');
  if (!button || !item) return;
  const text = item.querySelector('input')?.value ?? '';
  const body = button.hasAttribute('data-ack') ? { ack: button.getAttribute('data-ack') } : { text };
  if ('text' in body && text.trim() === '') return;
  const csrf = document.querySelector('form.sign-out input[name="csrf"]')?.value ?? '';
  const response = await fetch(`/dashboard/comments/${encodeURIComponent(item.getAttribute('data-comment'))}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  if (response.ok) await refresh();
});

document.addEventListener('change', async (event) => {
  const select = event.target;
  if (!select || typeof select.matches !== 'function' || !select.matches('[data-heatmap-by]')) return;
  rowsBy = select.value;
  const query = new URLSearchParams(window.location.search);
  if (rowsBy === '') query.delete('by');
  else query.set('by', rowsBy);
  window.history.replaceState(null, '', `${window.location.pathname}${query.size > 0 ? `?${query}` : ''}`);
  await refresh();
});

// A heatmap row's name opens (and closes) its trend per driver (issue #20), fetched for that group only.
document.addEventListener('click', async (event) => {
  const button = typeof event.target?.closest === 'function' ? event.target.closest('[data-trend]') : null;
  if (!button) return;
  const segment = button.getAttribute('data-trend');
  const row = [...document.querySelectorAll('[data-trend-for]')].find((r) => r.getAttribute('data-trend-for') === segment);
  if (!row) return;
  if (!row.hidden) {
    row.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const response = await fetch(`/dashboard/trend?segment=${encodeURIComponent(segment)}`, { credentials: 'same-origin' });
  if (!response.ok) return;
  row.querySelector('td').innerHTML = await response.text();
  row.hidden = false;
  button.setAttribute('aria-expanded', 'true');
});

async function main() {
  await loadTexts();
  if (document.querySelector('[data-testid="notice"]')) return;
  if (!(await refresh())) return;
  const events = new EventSource('/dashboard/events');
  let pending = null;
  events.addEventListener('changed', () => {
    clearTimeout(pending);
    pending = setTimeout(() => void refresh(), 200);
  });
  document.body.dataset.ready = 'true';
}

void main();

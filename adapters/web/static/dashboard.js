// The dashboard: the server renders the results (every number already through the anonymity
// rules); this only fetches the rendered view and refreshes it when results change (SSE).
import { loadTexts } from './texts.js';

async function refresh() {
  const response = await fetch('/dashboard/view', { credentials: 'same-origin' });
  if (!response.ok) return false;
  document.getElementById('dashboard').innerHTML = await response.text();
  document.body.dataset.version = String(Number(document.body.dataset.version ?? '0') + 1);
  return true;
}

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

// The playground page: pick a demo person, see their chat with pulsebot (prompts drawn by the
// official Adaptive Cards renderer from the very card JSON Teams receives), answer, type commands.
import { loadTexts } from './texts.js';

const $ = (id) => document.getElementById(id);
let t = (key) => key;
let person = '';
let people = [];
let events = null;

async function api(path, body) {
  const response = await fetch(
    `/web/api/${path}`,
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  const json = await response.json();
  if (!response.ok) throw new Error(json?.error?.code ?? String(response.status));
  return json;
}

function roleText(p) {
  const roles = [];
  if (p.roles.includes('hr')) roles.push(t('web.ui.role.hr'));
  if (p.roles.includes('admin')) roles.push(t('web.ui.role.admin'));
  if (p.roles.includes('leader')) roles.push(t('web.ui.role.leader', { team: p.leads.join(', ') }));
  return roles.length ? roles.join(', ') : t('web.ui.role.employee');
}

function renderCard(holder, messageId, card) {
  const adaptive = new AdaptiveCards.AdaptiveCard();
  adaptive.onExecuteAction = async (action) => {
    const data = action.data ?? {};
    try {
      const result = await api('action', { person, messageId, verb: action.verb, data });
      renderCard(holder, messageId, result.card);
    } catch (error) {
      holder.dataset.error = String(error.message);
    }
  };
  adaptive.parse(card);
  const element = adaptive.render();
  holder.replaceChildren(element);
}

async function refreshChat() {
  if (!person) return;
  const { messages } = await api(`chat?person=${encodeURIComponent(person)}`);
  const list = $('messages');
  if (messages.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = t('web.ui.empty');
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(
    ...messages.map((m) => {
      const li = document.createElement('li');
      li.className = `msg ${m.from}`;
      li.dataset.id = m.id;
      const who = document.createElement('div');
      who.className = 'who';
      who.textContent = `${m.from === 'me' ? t('web.ui.you') : t('web.ui.bot')} · ${m.at.slice(0, 16).replace('T', ' ')}`;
      li.append(who);
      if (m.text) {
        const text = document.createElement('div');
        text.className = 'text';
        text.textContent = m.text;
        li.append(text);
      }
      if (m.image) {
        const img = document.createElement('img');
        img.src = m.image.src;
        img.alt = m.image.alt;
        img.className = 'chart';
        li.append(img);
      }
      if (m.card) {
        const holder = document.createElement('div');
        holder.className = 'card';
        holder.dataset.testid = 'card';
        renderCard(holder, m.id, m.card);
        li.append(holder);
      }
      return li;
    }),
  );
  list.lastElementChild?.scrollIntoView({ block: 'end' });
}

async function refreshClock() {
  const state = await api('state');
  $('clock').textContent = t('web.ui.clock', {
    now: new Date(state.now).toLocaleString(document.documentElement.lang, { timeZone: state.timezone, dateStyle: 'medium', timeStyle: 'short' }),
  });
}

function choose(key) {
  person = key;
  localStorage.setItem('pulsebot.person', key);
  events?.close();
  events = new EventSource(`/web/api/events?person=${encodeURIComponent(key)}`);
  let pending = null;
  events.addEventListener('changed', () => {
    clearTimeout(pending);
    pending = setTimeout(() => void refreshChat(), 100);
  });
  void refreshChat();
}

async function main() {
  t = await loadTexts();
  people = (await api('people')).people;
  const select = $('person');
  select.replaceChildren(
    ...people.map((p) => {
      const option = document.createElement('option');
      option.value = p.key;
      option.textContent = `${p.name} · ${p.team ?? '–'} · ${roleText(p)}`;
      return option;
    }),
  );
  const wanted = new URLSearchParams(location.search).get('person') ?? localStorage.getItem('pulsebot.person');
  if (wanted && people.some((p) => p.key === wanted)) select.value = wanted;
  select.addEventListener('change', () => choose(select.value));
  if (select.value) choose(select.value);
  await refreshClock();

  for (const button of document.querySelectorAll('button[data-hours]')) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const result = await api('fast-forward', { hours: Number(button.dataset.hours) });
        $('ff-status').textContent = result.text;
        await refreshClock();
        await refreshChat();
      } finally {
        button.disabled = false;
      }
    });
  }
  $('say').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('text');
    const text = input.value.trim();
    if (!text || !person) return;
    input.value = '';
    await api('say', { person, text });
    await refreshChat();
  });
  document.body.dataset.ready = 'true';
}

void main();

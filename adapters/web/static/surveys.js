// The survey editor: the server checks every change (the same survey service as the HR API and
// the CLI) and draws the previews; this page sends the text, shows what comes back, and draws the
// Teams card with the official Adaptive Cards renderer, as the playground does.
import { loadTexts } from './texts.js';

const $ = (id) => document.getElementById(id);
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
let t = (key) => key;
let pending = null;
let version = 0;

async function post(path, body) {
  const response = await fetch(`/dashboard/surveys/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

function showIssues(issues) {
  const list = $('issues');
  list.replaceChildren(
    ...issues.map((issue) => {
      const item = document.createElement('li');
      item.textContent = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
      return item;
    }),
  );
}

function drawCard(card) {
  const target = $('teams');
  target.replaceChildren();
  const adaptive = new AdaptiveCards.AdaptiveCard();
  adaptive.parse(card);
  target.appendChild(adaptive.render());
}

async function preview() {
  const mine = ++version;
  const { status, body } = await post('preview', { text: $('document').value, locale: $('language').value });
  if (mine !== version) return;
  if (status !== 200) {
    showIssues(body.error?.issues ?? [{ path: '', message: body.error?.message ?? String(status) }]);
    document.body.dataset.preview = 'invalid';
    return;
  }
  showIssues([]);
  $('slack').innerHTML = body.slack ?? `<p class="suppressed">${t('web.surveys.noSlack')}</p>`;
  drawCard(body.card);
  document.body.dataset.preview = String(mine);
}

function schedulePreview() {
  clearTimeout(pending);
  pending = setTimeout(() => void preview(), 300);
}

function edit(yaml) {
  $('document').value = yaml;
  $('status').textContent = '';
  void preview();
}

function button(label, onClick, testid) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}

async function load() {
  const response = await fetch('/dashboard/surveys/data', { credentials: 'same-origin' });
  const data = await response.json();
  $('surveys').replaceChildren(
    ...data.surveys.map((s) => {
      const item = document.createElement('li');
      item.dataset.survey = s.id;
      const state = s.status === 'active' ? t('web.surveys.status.active', { date: s.nextRounds[0] ?? '–' }) : t(`web.surveys.status.${s.status}`);
      item.append(`${s.name} (${s.id}): ${state} `);
      if (s.yaml !== null && s.status !== 'archived') item.append(button(t('web.surveys.edit'), () => edit(s.yaml), `edit-${s.id}`));
      if (s.yaml === null) item.append(`(${t('web.surveys.builtin')}) `);
      if (s.status === 'active') item.append(button(t('web.surveys.pause'), () => void change(s.id, 'pause'), `pause-${s.id}`));
      if (s.status === 'paused') item.append(button(t('web.surveys.resume'), () => void change(s.id, 'resume'), `resume-${s.id}`));
      if (s.status !== 'archived') item.append(button(t('web.surveys.archive'), () => void change(s.id, 'archive'), `archive-${s.id}`));
      return item;
    }),
  );
  if (data.surveys.length === 0) $('surveys').textContent = t('web.surveys.none');
  $('templates').replaceChildren(
    ...data.templates.map((template) => {
      const item = document.createElement('li');
      item.append(
        button(template.name, () => edit(template.yaml), `template-${template.id}`),
        ` ${template.description}`,
      );
      return item;
    }),
  );
}

async function change(id, action) {
  await post('state', { id, action });
  await load();
}

async function save() {
  const { status, body } = await post('save', { text: $('document').value });
  if (status === 200) {
    showIssues([]);
    $('status').textContent = t('web.surveys.saved', { name: body.survey.name });
    await load();
    return;
  }
  $('status').textContent = t('web.surveys.invalid');
  showIssues(body.error?.issues ?? [{ path: '', message: body.error?.message ?? String(status) }]);
}

async function main() {
  t = await loadTexts();
  await load();
  $('document').addEventListener('input', schedulePreview);
  $('language').addEventListener('change', () => void preview());
  $('save').addEventListener('click', () => void save());
  document.body.dataset.ready = 'true';
}

void main();

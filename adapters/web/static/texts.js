// Loads the catalog texts for the page's language and fills every [data-t] element.
export async function loadTexts() {
  const lang = document.documentElement.lang || 'en';
  const response = await fetch(`/web/api/texts?locale=${encodeURIComponent(lang)}`);
  const texts = await response.json();
  const t = (key, params = {}) => (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll('[data-t-placeholder]')) el.placeholder = t(el.dataset.tPlaceholder);
  return t;
}

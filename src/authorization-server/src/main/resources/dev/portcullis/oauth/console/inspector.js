// The live inspector (src/docs/console.md#live-inspector): the /mcp traffic from the page's event stream, filtered
// and paused here, and "try a tool" through the server. Hand-written, no build step; text only, never innerHTML.
const MAX_ROWS = 200;
const traffic = document.getElementById('inspector');
const rows = traffic.querySelector('#exchanges tbody');
const status = document.getElementById('stream-status');
const pause = document.getElementById('pause');
const filters = ['client', 'session', 'method'].map((name) => document.getElementById('filter-' + name));
const seen = [];
let paused = false;
let held = [];

function pretty(text) {
  if (text === undefined) return '(none)';
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
}

function matches(exchange) {
  return filters.every((input) => {
    const wanted = input.value.trim().toLowerCase();
    return !wanted || String(exchange[input.name] || '').toLowerCase().includes(wanted);
  });
}

function cell(row, text) {
  const td = row.insertCell();
  td.textContent = text === undefined ? '' : String(text);
  return td;
}

function show(exchange) {
  document.getElementById('detail-summary').textContent = exchange.method + ' ' + (exchange.target || '')
    + ' at ' + exchange.at + ': status ' + exchange.status + ', ' + (exchange.durationMicros / 1000).toFixed(1)
    + ' ms; caller ' + (exchange.subject || 'anonymous') + ', client ' + (exchange.client || '-')
    + ', session ' + (exchange.session || '-');
  document.getElementById('detail-request').textContent = pretty(exchange.request);
  document.getElementById('detail-response').textContent = pretty(exchange.response);
}

function render() {
  rows.replaceChildren();
  for (const exchange of seen.filter(matches).slice(-MAX_ROWS).reverse()) {
    const row = rows.insertRow();
    row.className = 'exchange';
    row.dataset.id = exchange.id;
    cell(row, exchange.at.substring(11, 23));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = exchange.method || '(none)';
    button.setAttribute('aria-label', 'Show exchange ' + exchange.id + ': ' + (exchange.method || '') + ' '
      + (exchange.target || ''));
    button.addEventListener('click', () => show(exchange));
    row.insertCell().append(button);
    cell(row, exchange.target);
    cell(row, exchange.subject || 'anonymous');
    cell(row, exchange.client);
    cell(row, exchange.session);
    cell(row, exchange.status);
    cell(row, (exchange.durationMicros / 1000).toFixed(1));
  }
}

function add(exchange) {
  seen.push(exchange);
  if (seen.length > MAX_ROWS * 2) seen.splice(0, seen.length - MAX_ROWS * 2);
}

const source = new EventSource(traffic.dataset.events);
source.addEventListener('open', () => { status.textContent = paused ? 'Paused.' : 'Live.'; });
source.addEventListener('error', () => {
  status.textContent = source.readyState === EventSource.CLOSED
    ? 'The stream was refused (too many inspectors open, or you signed out): reload later.'
    : 'Reconnecting…';
});
source.addEventListener('dropped', () => { status.textContent = 'Fell behind: reconnecting…'; });
source.addEventListener('exchange', (event) => {
  const exchange = JSON.parse(event.data);
  if (paused) { held.push(exchange); status.textContent = 'Paused: ' + held.length + ' new.'; return; }
  add(exchange);
  render();
});
pause.addEventListener('click', () => {
  paused = !paused;
  pause.setAttribute('aria-pressed', String(paused));
  pause.textContent = paused ? 'Resume' : 'Pause';
  if (!paused) { held.forEach(add); held = []; render(); }
  status.textContent = paused ? 'Paused.' : 'Live.';
});
filters.forEach((input) => input.addEventListener('input', render));
document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());

// Try a tool: the server calls /mcp as the signed-in user and answers what happened, without the token.
const tryTool = document.getElementById('try');
if (tryTool) {
  const select = document.getElementById('try-tool');
  const args = document.getElementById('try-args');
  const callButton = document.getElementById('try-call');
  const tryStatus = document.getElementById('try-status');
  let tools = [];

  const post = async (fields) => {
    const body = new URLSearchParams(fields);
    body.append('csrf_token', tryTool.dataset.csrf);
    for (const box of tryTool.querySelectorAll('input[name=scope]:checked')) body.append('scope', box.value);
    const response = await fetch(tryTool.dataset.call, { method: 'POST', body, credentials: 'same-origin' });
    return response.json();
  };
  const report = (answer) => {
    document.getElementById('try-request').textContent = answer.request || '';
    document.getElementById('try-response').textContent = pretty(answer.response || answer.error);
    document.getElementById('try-challenge').textContent = answer.challenge || '(none)';
    tryStatus.textContent = answer.error ? answer.error
      : 'HTTP ' + answer.status + ' in ' + answer.durationMillis + ' ms (token scopes: ' + (answer.scope || 'none') + ')';
  };
  const field = (name, schema, required) => {
    const id = 'try-arg-' + name.replace(/[^A-Za-z0-9_-]/g, '-');
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = name + (required ? ' (required)' : '') + (schema.description ? ': ' + schema.description : '');
    let input;
    if (Array.isArray(schema.enum)) {
      input = document.createElement('select');
      for (const value of schema.enum) input.add(new Option(String(value), JSON.stringify(value)));
      input.dataset.kind = 'enum';
    } else if (schema.type === 'boolean') {
      input = document.createElement('input');
      input.type = 'checkbox';
      input.dataset.kind = 'boolean';
    } else {
      input = document.createElement('input');
      input.type = schema.type === 'number' || schema.type === 'integer' ? 'number' : 'text';
      if (schema.type === 'integer') input.step = '1';
      input.dataset.kind = input.type;
      input.required = required;
    }
    input.id = id;
    input.dataset.name = name;
    args.append(label, input);
  };
  const showForm = () => {
    args.querySelectorAll('label, input, select').forEach((element) => element.remove());
    const tool = tools.find((t) => t.name === select.value);
    const schema = (tool && tool.inputSchema) || {};
    const required = schema.required || [];
    Object.entries(schema.properties || {}).forEach(([name, property]) => field(name, property, required.includes(name)));
  };
  document.getElementById('try-load').addEventListener('click', async () => {
    tryStatus.textContent = 'Listing the tools…';
    const answer = await post({ method: 'tools/list' });
    report(answer);
    try { tools = JSON.parse(answer.response).result.tools || []; } catch (e) { tools = []; }
    select.replaceChildren(...tools.map((t) => new Option(t.title || t.name, t.name)));
    select.disabled = callButton.disabled = tools.length === 0;
    showForm();
  });
  select.addEventListener('change', showForm);
  document.getElementById('try-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = {};
    for (const input of args.querySelectorAll('[data-name]')) {
      const kind = input.dataset.kind;
      if (kind === 'boolean') values[input.dataset.name] = input.checked;
      else if (kind === 'enum') values[input.dataset.name] = JSON.parse(input.value);
      else if (input.value === '') continue;
      else values[input.dataset.name] = kind === 'number' ? Number(input.value) : input.value;
    }
    tryStatus.textContent = 'Calling ' + select.value + '…';
    report(await post({ method: 'tools/call', tool: select.value, arguments: JSON.stringify(values) }));
  });
}

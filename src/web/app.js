/* global document, window, fetch, FileReader, URLSearchParams, setTimeout, clearTimeout, Blob, URL */
// The OpenDTS console: one page over the dtsserver API. Plain JavaScript, no build step; every text
// from the service is put into the page as text (never as HTML).

const state = { version: '', csrf: '', admin: false, login: '', selected: null, poll: null };
// Package passwords given in this page, by package path: kept in memory only, sent only in requests for that package.
const passwords = new Map();
const $ = (id) => document.getElementById(id);
const Node = window.Node;
const CSS = window.CSS;

/** Creates an element: attributes (on* are listeners) and children (strings become text). */
function el(tag, attrs = {}, ...children) {
  const svg = ['svg', 'g', 'rect', 'line', 'text', 'path', 'defs', 'marker', 'title', 'polygon'].includes(tag);
  const e = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) e.append(c instanceof Node ? c : String(c));
  return e;
}

function show(message, kind = 'error', rule = '') {
  const b = $('banner');
  b.replaceChildren(message, rule ? el('span', { class: 'rule' }, `Why: ${rule}`) : '');
  b.className = kind === 'info' ? 'info' : '';
  b.hidden = false;
}
function hideBanner() { $('banner').hidden = true; }

class ApiError extends Error {
  constructor(status, body) { super(body.error || `HTTP ${status}`); this.status = status; this.body = body; }
}

/** Calls the API with the version header, the session cookie (by the browser) and the CSRF token. */
async function api(method, path, body, extra = {}) {
  const headers = { 'x-opendts-version': state.version, ...extra };
  if (method !== 'GET') { headers['content-type'] = 'application/json'; headers['x-csrf-token'] = state.csrf; }
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const type = res.headers.get('content-type') || '';
  const data = type.startsWith('application/json') ? await res.json() : await res.blob();
  if (res.status === 401 && path !== '/api/session') {
    signedOut('Your session has ended: sign in again.');
    throw Object.assign(new ApiError(401, data), { shown: true });
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** Runs an action; an API refusal is shown with its explanation. */
async function attempt(action, done) {
  try {
    const r = await action();
    if (done) show(typeof done === 'function' ? done(r) : done, 'info');
    return r;
  } catch (e) {
    if (e instanceof ApiError) { if (!e.shown) show(e.message, 'error', e.body.rule || ''); } else show(String(e));
    return undefined;
  }
}

// ---- dialogs -------------------------------------------------------------------------------

/** Asks for values: fields [{name, label, value, type, options}] → object or null. */
function ask(title, fields) {
  return new Promise((resolve) => {
    const d = $('dialog');
    $('dialog-title').textContent = title;
    const inputs = fields.map((f) => {
      const input = f.options
        ? el('select', { name: f.name }, f.options.map((o) => el('option', { value: o, selected: o === f.value }, o)))
        : el('input', { name: f.name, type: f.type || 'text', value: f.type === 'file' ? undefined : (f.value || ''), accept: f.accept, checked: f.type === 'checkbox' && f.value });
      return { f, input, label: el('label', {}, f.label, input) };
    });
    $('dialog-fields').replaceChildren(...inputs.map((i) => i.label));
    const finish = (ok) => {
      $('dialog-form').onsubmit = null; $('dialog-cancel').onclick = null; d.oncancel = null;
      d.close();
      if (!ok) return resolve(null);
      const out = {};
      for (const { f, input } of inputs) out[f.name] = f.type === 'file' ? input.files[0] : f.type === 'checkbox' ? input.checked : input.value;
      resolve(out);
    };
    $('dialog-form').onsubmit = (ev) => { ev.preventDefault(); finish(true); };
    $('dialog-cancel').onclick = () => finish(false);
    d.oncancel = (ev) => { ev.preventDefault(); finish(false); };
    d.showModal();
    inputs[0]?.input.focus();
  });
}

function readFileBase64(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

// ---- sign-in ----------------------------------------------------------------------------------

function signedOut(message) {
  stopPolling();
  state.csrf = ''; state.login = '';
  $('console').hidden = true; $('who').hidden = true; $('sign-in-page').hidden = false;
  if (message) show(message); else hideBanner();
}

function signedIn(s) {
  state.csrf = s.csrfToken; state.admin = s.admin; state.login = s.login;
  $('login').textContent = `${s.login} (${s.admin ? 'administrator' : (s.roles.join(', ') || 'no role')})`;
  $('who').hidden = false; $('sign-in-page').hidden = true; $('console').hidden = false;
  for (const b of document.querySelectorAll('[data-admin]')) b.disabled = !state.admin;
  hideBanner();
  loadTree();
}

async function start() {
  const health = await (await fetch('/api/health')).json();
  state.version = String(health.version);
  $('version').textContent = `— SQL Server ${health.version}`;
  document.title = `OpenDTS Integration Services ${health.version}`;
  try { signedIn(await api('GET', '/api/session')); } catch { signedOut(); }
}

$('sign-in').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = new window.FormData(ev.target);
  const s = await attempt(() => api('POST', '/api/session', { user: f.get('user'), password: f.get('password') }));
  ev.target.password.value = '';
  if (s) signedIn(s);
});
$('sign-out').addEventListener('click', async () => { await attempt(() => api('DELETE', '/api/session')); signedOut(); });

// ---- the Stored Packages tree -----------------------------------------------------------------

let topFolders = [];

async function loadTree() {
  const r = await attempt(() => api('GET', '/api/store'));
  if (!r) return;
  topFolders = r.folders;
  $('tree').replaceChildren(...r.folders.map((f) => folderItem(f.name, f.name, f.kind === 'msdb' ? 'msdb' : 'file',
    f.problem ? `(${f.problem})` : f.kind === 'msdb' ? `${f.instance}, SQL Server ${f.instanceVersion}${f.writable ? '' : ', read-only'}` : 'file system')));
}

function selectFolder(path, node) {
  state.selected = path;
  for (const n of document.querySelectorAll('.node.selected')) n.classList.remove('selected');
  node.classList.add('selected');
  $('selected-folder').textContent = path;
}

function folderItem(path, name, kind, note) {
  const group = el('ul', { role: 'group', hidden: true });
  const label = el('span', { class: `node ${kind === 'msdb' ? 'msdb' : 'folder'}`, 'data-path': path, role: 'treeitem', 'aria-expanded': 'false' }, name, note ? el('span', { class: 'note' }, note) : '');
  label.addEventListener('click', async () => {
    selectFolder(path, label);
    const open = label.getAttribute('aria-expanded') === 'true';
    if (open) { group.hidden = true; label.setAttribute('aria-expanded', 'false'); return; }
    await fillFolder(path, group);
    group.hidden = false; label.setAttribute('aria-expanded', 'true');
  });
  return el('li', {}, label, group);
}

async function fillFolder(path, group) {
  const r = await attempt(() => api('GET', `/api/store?${new URLSearchParams({ path })}`));
  if (!r) return;
  group.replaceChildren(...r.entries.map((e) => e.kind === 'folder'
    ? folderItem(e.path, e.name, 'folder')
    : el('li', {}, el('span', { class: 'node package', 'data-path': e.path, role: 'treeitem', onclick: () => openPackage(e.path) }, e.name))));
}

async function refreshFolder(path) {
  const label = document.querySelector(`.node[data-path="${CSS.escape(path)}"]`);
  if (!label) return loadTree();
  const group = label.nextElementSibling;
  await fillFolder(path, group);
  group.hidden = false; label.setAttribute('aria-expanded', 'true');
}
const parentOf = (path) => path.split('\\').slice(0, -1).join('\\');
const nameOf = (path) => path.split('\\').pop();

function needFolder() {
  if (!state.selected) { show('Select a folder of Stored Packages first.'); return false; }
  return true;
}

$('refresh').addEventListener('click', () => { state.selected = null; $('selected-folder').textContent = '(none)'; loadTree(); });
$('new-folder').addEventListener('click', async () => {
  if (!needFolder()) return;
  const v = await ask(`New folder in ${state.selected}`, [{ name: 'name', label: 'Folder name' }]);
  if (!v) return;
  const parent = state.selected;
  if (await attempt(() => api('POST', '/api/store/folders', { parent, name: v.name }), `Folder "${v.name}" created.`)) refreshFolder(parent);
});
$('delete-folder').addEventListener('click', async () => {
  if (!needFolder()) return;
  const path = state.selected;
  if (!window.confirm(`Delete the folder "${path}"? It must be empty.`)) return;
  if (await attempt(() => api('DELETE', `/api/store/folders?${new URLSearchParams({ path })}`), `Folder "${path}" deleted.`)) refreshFolder(parentOf(path));
});
$('rename-folder').addEventListener('click', async () => {
  if (!needFolder()) return;
  const path = state.selected;
  const v = await ask(`Rename folder ${path}`, [{ name: 'name', label: 'New name', value: nameOf(path) }]);
  if (v && await attempt(() => api('POST', '/api/store/folders/rename', { path, name: v.name }), 'Folder renamed.')) refreshFolder(parentOf(path));
});
$('import').addEventListener('click', async () => {
  if (!needFolder()) return;
  const folder = state.selected;
  const v = await ask(`Import a package into ${folder}`, [
    { name: 'file', label: 'Package file (.dtsx)', type: 'file', accept: '.dtsx' },
    { name: 'name', label: 'Package name (default: the file name)' },
    { name: 'password', label: 'Package password (only for a package protected with one)', type: 'password' },
    { name: 'overwrite', label: 'Replace a package of the same name', type: 'checkbox' },
  ]);
  if (!v || !v.file) return;
  const content = await readFileBase64(v.file);
  const name = v.name || v.file.name.replace(/\.dtsx$/i, '');
  const r = await attempt(() => api('POST', '/api/packages/import', { folder, name, content, overwrite: v.overwrite, password: v.password || undefined }),
    (res) => `Imported "${name}" into ${folder}${res.upgradedFrom ? `, upgraded from package format ${res.upgradedFrom} to the SQL Server ${state.version} format` : ''}.`);
  if (r && v.password) passwords.set(`${folder}\\${name}`, v.password);
  if (r) refreshFolder(folder);
});
$('show-running').addEventListener('click', (ev) => { ev.preventDefault(); showExecutions('running'); });
$('show-history').addEventListener('click', (ev) => { ev.preventDefault(); showExecutions(); });

// ---- the package page -------------------------------------------------------------------------

function table(headers, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c ?? '')))) : el('tr', {}, el('td', { colspan: headers.length }, '(none)'))));
}

function content(...children) {
  stopPolling();
  $('content').replaceChildren(el('div', {}, ...children));
}

const EDGE_COLORS = { Success: '#2e7d32', Failure: '#c62828', Completion: '#1f5fae' };

/** Draws a diagram as SVG: boxes, arrows with labels. */
function drawDiagram(d) {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const width = Math.max(300, ...d.nodes.map((n) => n.x + n.width + 20));
  const height = Math.max(120, ...d.nodes.map((n) => n.y + n.height + 20));
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': d.title, class: 'diagram-svg' },
    el('defs', {}, el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' }, el('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#555' }))));
  for (const e of d.edges) {
    const a = byId.get(e.from); const b = byId.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + a.width / 2; const y1 = a.y + a.height; const x2 = b.x + b.width / 2; const y2 = b.y;
    const color = EDGE_COLORS[e.label.split(' ')[0]] || '#555';
    svg.append(el('line', { x1, y1, x2, y2, stroke: color, 'stroke-width': 2, 'marker-end': 'url(#arrow)' }),
      el('text', { x: (x1 + x2) / 2 + 4, y: (y1 + y2) / 2, fill: color }, e.label));
  }
  for (const n of d.nodes) {
    svg.append(el('g', { class: 'box', 'data-id': n.id },
      el('title', {}, `${n.id}\n${n.kind}`),
      el('rect', { x: n.x, y: n.y, width: n.width, height: n.height, rx: 6, fill: '#fff', stroke: '#4a6fa5', 'stroke-width': 1.5 }),
      el('text', { x: n.x + 8, y: n.y + 17, 'font-weight': 600 }, n.label.length > 26 ? `${n.label.slice(0, 25)}…` : n.label),
      el('text', { x: n.x + 8, y: n.y + 32, fill: '#5b5f6b' }, n.kind.replace(/^Microsoft\./, '').slice(0, 28))));
  }
  return el('div', { class: 'diagram' }, svg);
}

function tabs(items) {
  const body = el('div', {});
  const buttons = items.map((it, i) => el('button', { type: 'button', role: 'tab', 'aria-selected': i === 0 ? 'true' : 'false', onclick: (ev) => {
    for (const b of buttons) b.setAttribute('aria-selected', 'false');
    ev.target.setAttribute('aria-selected', 'true');
    body.replaceChildren(it.render());
  } }, it.title));
  if (items[0]) body.append(items[0].render());
  return [el('div', { class: 'tabs', role: 'tablist' }, buttons), body];
}

async function openPackage(path) {
  const password = passwords.get(path);
  const d = await attempt(() => api('GET', `/api/packages/details?${new URLSearchParams({ path })}`, undefined, password ? { 'x-package-password': password } : {}));
  if (!d) {
    content(el('h2', {}, `Package ${nameOf(path)}`), el('p', {}, 'The package could not be opened (see the message above). If it is protected with a password, give it:'),
      el('button', { type: 'button', onclick: async () => {
        const v = await ask(`Password of ${path}`, [{ name: 'password', label: 'Package password', type: 'password' }]);
        if (v && v.password) { passwords.set(path, v.password); openPackage(path); }
      } }, 'Open with Password…'));
    return;
  }
  hideBanner();
  const s = d.summary;
  const upgraded = s.sourceFormat !== s.formatVersion;
  const diagramTabs = d.diagrams.map((g) => ({ title: g.title, render: () => el('div', {}, el('p', { class: 'hint' }, g.layout === 'designer' ? 'Layout stored by the designer.' : 'Automatic layout (the package stores no designer layout).'), drawDiagram(g)) }));
  content(
    el('h2', {}, `Package ${s.name}`),
    el('p', {}, el('strong', {}, path), ` — package format ${s.sourceFormat} (${s.sourceVersion})`, upgraded ? `, shown upgraded to format ${s.formatVersion}` : '', `; protection: ${s.protectionLevelName}`),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', onclick: () => runDialog(path, s) }, 'Run Package…'),
      el('button', { type: 'button', onclick: () => exportFile(path) }, 'Export to File'),
      el('button', { type: 'button', 'data-admin': true, disabled: !state.admin, onclick: () => copyPackage(path) }, 'Copy / Export to Folder…'),
      el('button', { type: 'button', 'data-admin': true, disabled: !state.admin, onclick: () => renamePackage(path) }, 'Rename…'),
      el('button', { type: 'button', 'data-admin': true, disabled: !state.admin, onclick: () => deletePackage(path) }, 'Delete'),
      upgraded ? el('button', { type: 'button', 'data-admin': true, disabled: !state.admin, onclick: () => upgradePackage(path) }, 'Upgrade Permanently…') : ''),
    ...tabs([
      ...diagramTabs,
      { title: `Variables (${s.variables.length})`, render: () => table(['Name', 'Type', 'Value', 'Expression'], s.variables.map((v) => [v.name, v.typeName, v.value, v.expression])) },
      { title: `Parameters (${s.parameters.length})`, render: () => table(['Name', 'Type', 'Value', 'Required', 'Sensitive'], s.parameters.map((p) => [p.name, p.typeName, p.value, p.required ? 'yes' : '', p.sensitive ? 'yes' : ''])) },
      { title: `Connection Managers (${s.connectionManagers.length})`, render: () => table(['Name', 'Type', 'Connection string'], s.connectionManagers.map((c) => [c.name, c.type, c.connectionString ?? '(encrypted, not available)'])) },
      { title: `Inspect (${s.cannotRun.length + s.problems.length})`, render: () => el('div', {},
        el('h3', {}, 'What cannot run here'), table(['Where', 'Reason'], s.cannotRun.map((c) => [c.refId, c.reason])),
        el('h3', {}, 'Upgrade problems'), table(['Where', 'Problem'], s.problems.map((p) => [p.where, p.message])),
        el('h3', {}, 'Data flows'), table(['Data flow', 'Components', 'Paths'], s.dataFlows.map((f) => [f.refId, f.components.map((c) => `${c.name} [${c.classId}]`).join(', '), String(f.paths.length)]))) },
      { title: 'History', render: () => historyTable(path) },
    ]),
  );
}

async function exportFile(path) {
  const blob = await attempt(() => api('GET', `/api/packages/export?${new URLSearchParams({ path })}`));
  if (!blob) return;
  const a = el('a', { href: URL.createObjectURL(new Blob([blob])), download: `${nameOf(path)}.dtsx` });
  document.body.append(a); a.click(); a.remove();
}

async function copyPackage(path) {
  const v = await ask(`Copy ${path} to another folder`, [
    { name: 'folder', label: 'Destination folder', options: topFolders.map((f) => f.name), value: topFolders[0]?.name },
    { name: 'sub', label: 'Sub-folder path inside it (optional)' },
    { name: 'name', label: 'Package name', value: nameOf(path) },
    { name: 'overwrite', label: 'Replace a package of the same name', type: 'checkbox' },
  ]);
  if (!v) return;
  const folder = v.sub ? `${v.folder}\\${v.sub}` : v.folder;
  const r = await attempt(() => api('POST', '/api/packages/copy', { from: path, folder, name: v.name, overwrite: v.overwrite, password: passwords.get(path) }),
    (res) => `Copied to ${res.path}${res.upgradedFrom ? ` (upgraded from package format ${res.upgradedFrom})` : ''}.`);
  if (r) refreshFolder(folder);
}

async function renamePackage(path) {
  const v = await ask(`Rename ${path}`, [{ name: 'name', label: 'New name', value: nameOf(path) }]);
  if (!v) return;
  const r = await attempt(() => api('POST', '/api/packages/rename', { path, name: v.name }));
  if (!r) return;
  refreshFolder(parentOf(path));
  await openPackage(r.path);
  show(`Renamed to ${v.name}.`, 'info');
}

async function deletePackage(path) {
  if (!window.confirm(`Delete the package "${path}"?`)) return;
  if (await attempt(() => api('DELETE', `/api/packages?${new URLSearchParams({ path })}`), `Package "${path}" deleted.`)) {
    refreshFolder(parentOf(path));
    content(el('p', {}, `The package ${path} was deleted.`));
  }
}

async function upgradePackage(path) {
  const v = await ask(`Upgrade ${path} to the SQL Server ${state.version} format`, [{ name: 'backup', label: 'Keep the old version\'s bytes (backup)', type: 'checkbox', value: true }]);
  if (!v) return;
  const r = await attempt(() => api('POST', '/api/packages/upgrade', { path, backup: v.backup, password: passwords.get(path) }));
  if (!r) return;
  await openPackage(path);
  show(`Upgraded from package format ${r.upgradedFrom}${v.backup ? '; the old bytes were kept' : ''}.`, 'info');
}

// ---- running packages -------------------------------------------------------------------------

const OVERRIDE_KINDS = { 'Property (/SET)': 'set', 'Connection (/CONN)': 'connections', 'Parameter (/Par)': 'parameters' };

function runDialog(path, s) {
  const rows = el('tbody', {});
  const addRow = (kind = 'Property (/SET)', name = '', value = '') => rows.append(el('tr', {},
    el('td', {}, el('select', { name: 'kind' }, Object.keys(OVERRIDE_KINDS).map((k) => el('option', { selected: k === kind }, k)))),
    el('td', {}, el('input', { name: 'name', value: name, placeholder: '\\Package.Variables[User::X].Value' })),
    el('td', {}, el('input', { name: 'value', value })),
    el('td', {}, el('button', { type: 'button', onclick: (ev) => ev.target.closest('tr').remove() }, 'Remove'))));
  const suggestions = [
    ...s.variables.filter((v) => v.name.startsWith('User::')).map((v) => `\\Package.Variables[${v.name}].Value`),
    ...s.parameters.map((p) => `$Package::${p.name}`), ...s.connectionManagers.map((c) => c.name)];
  content(
    el('h2', {}, `Run ${path}`),
    el('p', { class: 'hint' }, 'Optional overrides, as dtexec /SET, /CONN and /Par take them. Values are passed to the run only and are not stored.'),
    el('table', { class: 'overrides' }, el('thead', {}, el('tr', {}, ['Kind', 'Name / property path', 'Value', ''].map((h) => el('th', {}, h)))), rows),
    el('datalist', { id: 'names' }, suggestions.map((x) => el('option', { value: x }))),
    el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: () => addRow() }, 'Add Override'),
      el('button', { type: 'button', class: 'primary', onclick: async () => {
        const body = { path, set: [], connections: [], parameters: [] };
        for (const tr of rows.children) {
          const [k, n, v] = ['kind', 'name', 'value'].map((f) => tr.querySelector(`[name=${f}]`).value);
          if (n) body[OVERRIDE_KINDS[k]].push({ name: n.replace(/^\$Package::/, ''), value: v });
        }
        const r = await attempt(() => api('POST', '/api/executions', body));
        if (r) showExecution(r.id);
      } }, 'Start'),
      el('button', { type: 'button', onclick: () => openPackage(path) }, 'Back to Package')));
  for (const input of rows.querySelectorAll('input[name=name]')) input.setAttribute('list', 'names');
}

function stopPolling() { if (state.poll) { clearTimeout(state.poll); state.poll = null; } }

function statusBadge(status) { return el('span', { class: `status ${status}` }, status); }

async function showExecution(id) {
  const first = await attempt(() => api('GET', `/api/executions/${id}`));
  if (!first) return;
  hideBanner();
  const log = el('pre', { class: 'messages', 'aria-label': 'Messages' });
  const head = el('p', {});
  const rowsBox = el('div', {});
  const stop = el('button', { type: 'button', onclick: async () => { await attempt(() => api('POST', `/api/executions/${id}/stop`), 'Stopping the package…'); } }, 'Stop');
  content(el('h2', {}, `Execution ${id}`), head, el('div', { class: 'actions' }, stop,
    el('button', { type: 'button', onclick: () => openPackage(first.execution.packagePath) }, 'Open Package')),
  el('h3', {}, 'Rows per data flow path'), rowsBox, el('h3', {}, 'Messages'), log);
  let seq = -1;
  const render = (r) => {
    const e = r.execution;
    head.replaceChildren(el('strong', {}, e.packagePath), ' — ', statusBadge(e.status), ` — started ${new Date(e.startTime).toLocaleString()} by ${e.startedBy}`,
      e.endTime ? `, ended ${new Date(e.endTime).toLocaleString()}` : '', e.exitCode !== null ? ` (exit code ${e.exitCode})` : '');
    for (const m of r.messages) { log.append(`${m.text}\n`); seq = m.seq; }
    if (r.messages.length) log.scrollTop = log.scrollHeight;
    rowsBox.replaceChildren(table(['Path', 'To', 'Rows'], r.rowsPerPath.map((p) => [p.path, p.to, String(p.rows)])));
    stop.disabled = e.status !== 'running';
    if (e.status === 'running') state.poll = setTimeout(tick, 500);
  };
  const tick = async () => {
    const r = await attempt(() => api('GET', `/api/executions/${id}?after=${seq}`));
    if (r && $('content').contains(log)) render(r);
  };
  render(first);
}

function historyRows(list) {
  return table(['ID', 'Package', 'Status', 'Started', 'By', 'Ended'], list.map((e) => [
    el('a', { href: `#execution-${e.id}`, onclick: (ev) => { ev.preventDefault(); showExecution(e.id); } }, String(e.id)),
    e.packagePath, statusBadge(e.status), new Date(e.startTime).toLocaleString(), e.startedBy, e.endTime ? new Date(e.endTime).toLocaleString() : '']));
}

function historyTable(path) {
  const box = el('div', {}, 'Loading…');
  attempt(() => api('GET', '/api/executions')).then((r) => { if (r) box.replaceChildren(historyRows(r.executions.filter((e) => e.packagePath === path))); });
  return box;
}

async function showExecutions(status) {
  const r = await attempt(() => api('GET', `/api/executions${status ? `?status=${status}` : ''}`));
  if (!r) return;
  content(el('h2', {}, status === 'running' ? 'Running Packages' : 'Execution History'),
    el('div', { class: 'actions' }, el('button', { type: 'button', onclick: () => showExecutions(status) }, 'Refresh')),
    historyRows(r.executions));
}

// ---- SQL Server Agent jobs ---------------------------------------------------------------------

function jobStatus(status) { return el('span', { class: `status ${status.toLowerCase()}` }, status); }

/** Agent's run_duration (hhmmss as a number) as h:mm:ss. */
function duration(hhmmss) {
  const s = String(hhmmss).padStart(6, '0');
  return `${Number(s.slice(0, -4))}:${s.slice(-4, -2)}:${s.slice(-2)}`;
}

async function startJob(name) {
  if (await attempt(() => api('POST', `/api/jobs/${encodeURIComponent(name)}/run`, {}), `Job "${name}" started.`)) {
    await showJobHistory(name, true);
  }
}

async function showJobs() {
  const r = await attempt(() => api('GET', '/api/jobs'));
  if (!r) return;
  content(el('h2', {}, 'Jobs'),
    el('p', { class: 'hint' }, r.agentRunning ? 'SQL Server Agent runs in this service.' : 'SQL Server Agent does not run in this service (start dtsserver with --agent): scheduled jobs run only where an Agent runs; "Start Job" works here.'),
    el('div', { class: 'actions' }, el('button', { type: 'button', onclick: () => showJobs() }, 'Refresh')),
    table(['Name', 'Enabled', 'Schedules', 'Next run', 'Status', 'Last outcome', ''], r.jobs.map((j) => [
      el('a', { href: `#job-${encodeURIComponent(j.name)}`, onclick: (ev) => { ev.preventDefault(); showJobHistory(j.name); } }, j.name),
      j.enabled ? 'Yes' : 'No',
      j.schedules.length ? el('ul', { class: 'schedules' }, j.schedules.map((s) => el('li', {}, el('strong', {}, s.name), `${s.enabled ? '' : ' (disabled)'}: ${s.description}`))) : '(none)',
      j.nextRun ?? '',
      j.running ? el('span', {}, jobStatus('Running'), ` since ${j.running.since ?? '?'} (${j.running.invokedBy ?? ''})`) : 'Idle',
      j.lastOutcome ? el('span', {}, jobStatus(j.lastOutcome.status), ` ${j.lastOutcome.at}`) : '(never ran)',
      el('span', { class: 'actions' },
        el('button', { type: 'button', onclick: () => startJob(j.name) }, 'Start Job'),
        el('button', { type: 'button', 'data-admin': true, disabled: !state.admin, onclick: async () => {
          if (await attempt(() => api('POST', `/api/jobs/${encodeURIComponent(j.name)}/enabled`, { enabled: !j.enabled }), `Job "${j.name}" ${j.enabled ? 'disabled' : 'enabled'}.`)) showJobs();
        } }, j.enabled ? 'Disable' : 'Enable')),
    ])));
}

/** The history of one job, newest first; `follow` refreshes it until the run just started has its outcome row. */
async function showJobHistory(name, follow = false) {
  const r = await attempt(() => api('GET', `/api/jobs/${encodeURIComponent(name)}/history`));
  if (!r) return;
  const box = el('div', {});
  const render = (h) => box.replaceChildren(table(['Run at', 'Step', 'Status', 'Duration', 'Message', 'Server'], h.history.map((x) => [
    x.runAt, x.stepId === 0 ? '(Job outcome)' : `${x.stepId} ${x.stepName}`, jobStatus(x.status), duration(x.duration), el('span', { class: 'message' }, x.message ?? ''), x.server])));
  content(el('h2', {}, `Job History: ${r.job}`),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', onclick: () => startJob(name) }, 'Start Job'),
      el('button', { type: 'button', onclick: () => showJobHistory(name) }, 'Refresh'),
      el('button', { type: 'button', onclick: () => showJobs() }, 'All Jobs')),
    box);
  render(r);
  const outcomes = r.history.filter((x) => x.stepId === 0).length;
  const tick = async () => {
    const h = await attempt(() => api('GET', `/api/jobs/${encodeURIComponent(name)}/history`));
    if (!h || !$('content').contains(box)) return;
    render(h);
    if (h.history.filter((x) => x.stepId === 0).length === outcomes) state.poll = setTimeout(tick, 500);
  };
  if (follow) state.poll = setTimeout(tick, 300);
}

$('show-jobs').addEventListener('click', (ev) => { ev.preventDefault(); showJobs(); });

start();

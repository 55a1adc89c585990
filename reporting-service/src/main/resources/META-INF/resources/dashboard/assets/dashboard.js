/*
 * The dashboard: reads the filters, asks the dashboard's data routes (same origin, session cookie) for each view and
 * draws tables and charts. A view the server does not serve (404) or that has no rows shows its empty state, so one
 * missing view never breaks the others. Data is written with textContent only, never as HTML.
 */
(function () {
  'use strict';

  const DATA = '/dashboard/data/';
  const charts = {};

  function $(id) { return document.getElementById(id); }

  function query(extra) {
    const params = new URLSearchParams();
    for (const name of ['from', 'to', 'model', 'channel', 'campaign']) {
      const value = $(name).value.trim();
      if (value) { params.set(name, value); }
    }
    for (const [name, value] of Object.entries(extra || {})) { params.set(name, value); }
    return params;
  }

  /** The number of minor units in a major one is 10^digits: 2 for EUR, 0 for JPY. */
  function digitsOf(currency) {
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency })
        .resolvedOptions().maximumFractionDigits;
    } catch (e) {
      return 2;
    }
  }

  function major(minor, currency) {
    return Number(minor) / Math.pow(10, digitsOf(currency));
  }

  /** Minor units to a plain figure with the currency's own decimals, e.g. 125000 EUR -> "1,250.00 EUR". */
  function money(minor, currency) {
    if (minor === null || minor === undefined) { return '—'; }
    const digits = digitsOf(currency);
    const value = major(minor, currency);
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
      + (currency ? ' ' + currency : '');
  }

  function number(value) {
    if (value === null || value === undefined) { return '—'; }
    return Number(value).toLocaleString('en-US', { maximumFractionDigits: 6 });
  }

  function ratio(value) {
    if (value === null || value === undefined) { return '—'; }
    return (Number(value) * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%';
  }

  function cell(text, numeric) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (numeric) { td.className = 'num'; }
    return td;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    for (const c of cells) { tr.appendChild(Array.isArray(c) ? cell(c[0], c[1]) : cell(c, false)); }
    return tr;
  }

  function fill(tbody, rows) {
    tbody.replaceChildren(...rows);
  }

  function empty(section, isEmpty, message) {
    const p = section.querySelector('.empty');
    if (message) { p.textContent = message; }
    p.hidden = !isEmpty;
    for (const part of section.querySelectorAll('table, .chart, dl, h3')) { part.hidden = isEmpty; }
  }

  function chart(id, type, labels, datasets) {
    if (charts[id]) { charts[id].destroy(); }
    if (typeof Chart === 'undefined') { return; }
    charts[id] = new Chart($(id), {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: { animation: false, responsive: true, plugins: { legend: { display: datasets.length > 1 } } }
    });
  }

  async function load(view, extra) {
    const response = await fetch(DATA + view + '?' + query(extra), {
      credentials: 'same-origin', headers: { Accept: 'application/json' }, redirect: 'error'
    });
    if (response.status === 404) { return { missing: true }; }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const errors = body && body.errors ? body.errors.map(e => e.field + ' ' + e.reason).join('; ') : '';
      throw new Error((body && body.detail ? body.detail : 'HTTP ' + response.status) + (errors ? ': ' + errors : ''));
    }
    return body;
  }

  function csvLink(section, view, extra) {
    $(section.id + '-csv').href = DATA + view + '?' + query(Object.assign({}, extra, { format: 'csv' }));
  }

  function showRevenue(report) {
    const section = $('revenue');
    if (report.missing || !report.rows || report.rows.length === 0) { empty(section, true); return; }
    empty(section, false);
    fill(section.querySelector('tbody'), report.rows.map(r => row([r.channel, r.campaign || '', r.currency,
      [money(r.revenueMinor, r.currency), true], [number(r.conversions), true]])));
    fill(section.querySelector('tfoot'), (report.totals || []).map(t => row(['Total', '', t.currency,
      [money(t.revenueMinor, t.currency), true], [number(t.conversions), true]])));
    const note = $('revenue-note');
    note.textContent = report.note || '';
    note.hidden = !report.note;
    const currencies = [...new Set(report.rows.map(r => r.currency))];
    const channels = [...new Set(report.rows.map(r => r.channel))];
    chart('revenue-chart', 'bar', channels, currencies.map(currency => ({
      label: currency,
      data: channels.map(ch => report.rows.filter(r => r.channel === ch && r.currency === currency)
        .reduce((sum, r) => sum + major(r.revenueMinor, currency), 0))
    })));
  }

  function showChannels(view) {
    const section = $('channels');
    if (view.missing || !view.rows || view.rows.length === 0) { empty(section, true); return; }
    empty(section, false);
    const c = view.currency;
    const line = (label, r) => row([label, [money(r.revenueMinor, c), true], [money(r.spendMinor, c), true],
      [ratio(r.roi), true], [ratio(r.roas), true], [number(r.conversions), true], [money(r.cpaMinor, c), true]]);
    fill(section.querySelector('tbody'), view.rows.map(r => line(r.channel, r)));
    fill(section.querySelector('tfoot'), view.totals ? [line('Total', view.totals)] : []);
    chart('channels-chart', 'bar', view.rows.map(r => r.channel),
      [{ label: 'ROI %', data: view.rows.map(r => r.roi === null ? null : r.roi * 100) }]);
  }

  function showOverTime(view) {
    const section = $('over-time');
    if (view.missing || !view.rows || view.rows.length === 0) { empty(section, true); return; }
    empty(section, false);
    chart('over-time-chart', 'line', view.rows.map(r => r.periodLabel || r.period),
      [{ label: 'ROI %', data: view.rows.map(r => r.roi === null ? null : r.roi * 100), spanGaps: false }]);
  }

  function showModelComparison(view) {
    const section = $('model-comparison');
    if (view.missing || !view.rows || view.rows.length === 0) { empty(section, true); return; }
    empty(section, false);
    const models = view.models || [];
    const head = document.createElement('tr');
    head.appendChild(cell('Channel'));
    for (const m of models) { head.appendChild(cell(m, true)); }
    section.querySelector('thead').replaceChildren(head);
    fill(section.querySelector('tbody'), view.rows.map(r => row([r.channel].concat(models.map(m =>
      [money((r.revenueMinorByModel || {})[m], view.currency), true])))));
  }

  function showFunnel(view) {
    const section = $('funnel');
    if (view.missing || !view.stages || view.stages.length === 0) { empty(section, true); return; }
    empty(section, false);
    fill(section.querySelector('tbody'), view.stages.map(s =>
      row([s.stage, [number(s.count), true], [ratio(s.rateFromPrevious), true]])));
    chart('funnel-chart', 'bar', view.stages.map(s => s.stage), [{ label: 'Leads', data: view.stages.map(s => s.count) }]);
  }

  function showDataQuality(view) {
    const section = $('data-quality');
    if (view.missing) { empty(section, true); return; }
    empty(section, false);
    const c = view.currency;
    const summary = $('data-quality-summary');
    summary.replaceChildren();
    for (const [label, value] of [['Direct or unassigned share of touches', ratio(view.directOrUnassignedShare)],
      ['Consent-suppressed', number(view.consentSuppressed)]]) {
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.textContent = value;
      summary.append(dt, dd);
    }
    fill($('spend-without-revenue').tBodies[0], (view.spendWithoutRevenue || []).map(r =>
      row([r.channel, r.campaign || '', [money(r.spendMinor, c), true]])));
    fill($('revenue-without-spend').tBodies[0], (view.revenueWithoutSpend || []).map(r =>
      row([r.channel, r.campaign || '', [money(r.revenueMinor, c), true]])));
    fill($('unknown-utm-values').tBodies[0], (view.unknownUtmValues || []).map(r =>
      row([r.field, r.value, [number(r.touches), true]])));
    fill($('conversions-without-rate').tBodies[0], (view.conversionsWithoutRate || []).map(r =>
      row([r.currency, [number(r.conversions), true], [money(r.amountMinor, r.currency), true]])));
  }

  const VIEWS = [
    ['attributed-revenue', showRevenue, () => ({})],
    ['channels', showChannels, () => ({})],
    ['over-time', showOverTime, () => ({ grain: $('grain').value })],
    ['model-comparison', showModelComparison, () => ({})],
    ['funnel', showFunnel, () => ({})],
    ['data-quality', showDataQuality, () => ({})]
  ];

  async function refresh() {
    document.body.dataset.state = 'loading';
    const problems = [];
    await Promise.all(VIEWS.map(async ([view, show, extra]) => {
      const section = document.querySelector('[data-view="' + view + '"]');
      csvLink(section, view, extra());
      try {
        show(await load(view, extra()));
      } catch (e) {
        empty(section, true, 'Could not load this view.');
        problems.push(e.message);
      }
    }));
    const problem = $('problem');
    problem.textContent = [...new Set(problems)].join(' · ');
    problem.hidden = problems.length === 0;
    document.body.dataset.loads = String(Number(document.body.dataset.loads) + 1);
    document.body.dataset.state = 'loaded';
  }

  function defaults() {
    const params = new URLSearchParams(window.location.search);
    const today = new Date();
    const monthAgo = new Date(today.getTime() - 29 * 24 * 3600 * 1000);
    $('from').value = params.get('from') || monthAgo.toISOString().slice(0, 10);
    $('to').value = params.get('to') || today.toISOString().slice(0, 10);
    for (const name of ['model', 'channel', 'campaign', 'grain']) {
      if (params.get(name)) { $(name).value = params.get(name); }
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    defaults();
    $('filters').addEventListener('submit', event => { event.preventDefault(); refresh(); });
    $('model').addEventListener('change', refresh);
    refresh();
  });
}());

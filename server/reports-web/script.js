// The backend-served reports page for people without the extension. Plain browser JavaScript served
// inline under a hash-pinned CSP: no external loads, every value inserted with textContent.
(function () {
  'use strict';
  var TOKEN_KEY = 'caseside-report-token';
  var TITLES = JSON.parse(document.getElementById('titles').textContent);
  // The report routes' paths, from the backend's route contract.
  var ROUTES = JSON.parse(document.getElementById('routes').textContent);
  var $ = function (id) {
    return document.getElementById(id);
  };
  var section = 'service';

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (attrs)
      Object.keys(attrs).forEach(function (k) {
        node.setAttribute(k, attrs[k]);
      });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs).forEach(function (k) {
      node.setAttribute(k, String(attrs[k]));
    });
    return node;
  }

  function filters() {
    var q = new URLSearchParams();
    ['from', 'to', 'marketplace', 'agentId'].forEach(function (k) {
      var v = $(k).value;
      if (v) q.set(k, v);
    });
    return q;
  }

  function call(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) } }).then(function (res) {
      if (res.ok) return res;
      return res.json().then(
        function (body) {
          throw new Error((body && body.error && body.error.message) || res.statusText);
        },
        function () {
          throw new Error(res.statusText);
        },
      );
    });
  }

  function status(text) {
    $('status').textContent = text;
  }

  // Horizontal bars: one per row, scaled to the largest value; labels as SVG text nodes.
  function barChart(table) {
    var rows = table.rows.map(function (r) {
      return { label: r[table.chart.label], value: parseFloat(r[table.chart.value]) || 0 };
    });
    var max = Math.max.apply(
      null,
      rows
        .map(function (r) {
          return r.value;
        })
        .concat([0]),
    );
    var height = rows.length * 22 + 24;
    var chart = svg('svg', { width: 420, height: height, role: 'img', class: 'chart' });
    var title = svg('title', {});
    title.textContent = table.columns[table.chart.value].label;
    chart.appendChild(title);
    var caption = svg('text', { x: 0, y: 14, class: 'caption' });
    caption.textContent = table.columns[table.chart.value].label;
    chart.appendChild(caption);
    rows.forEach(function (r, i) {
      var y = 24 + i * 22;
      var label = svg('text', { x: 0, y: y + 14 });
      label.textContent = r.label.length > 22 ? r.label.slice(0, 21) + '…' : r.label;
      chart.appendChild(label);
      var width = max > 0 ? Math.max(1, Math.round((r.value / max) * 220)) : 0;
      chart.appendChild(svg('rect', { x: 150, y: y + 3, width: width, height: 14, class: 'bar' }));
      var value = svg('text', { x: 156 + width, y: y + 14 });
      value.textContent = table.rows[i][table.chart.value];
      chart.appendChild(value);
    });
    return chart;
  }

  function downloadCsv(table) {
    var q = filters();
    q.set('section', section);
    q.set('table', table.name);
    call(ROUTES.csv + '?' + q.toString())
      .then(function (res) {
        var name = (res.headers.get('content-disposition') || '').replace(/^.*filename="([^"]+)".*$/, '$1') || table.name + '.csv';
        return res.blob().then(function (blob) {
          var a = el('a', null, { href: URL.createObjectURL(blob), download: name });
          document.body.appendChild(a);
          a.click();
          a.remove();
        });
      })
      .catch(function (err) {
        status(err.message);
      });
  }

  function renderTables(data) {
    var out = $('tables');
    out.replaceChildren();
    var s = data.scope;
    status(s.from + ' – ' + s.to + (s.marketplace ? ' · ' + s.marketplace : '') + (s.view === 'self' ? ' · your own numbers' : ' · team'));
    data.tables.forEach(function (table) {
      var box = el('section', null, { class: 'report', 'data-report': table.name });
      box.appendChild(el('h2', TITLES[table.name] || table.name));
      var button = el('button', 'Download CSV', { type: 'button', 'data-testid': 'csv-export' });
      button.addEventListener('click', function () {
        downloadCsv(table);
      });
      box.appendChild(button);
      var row = el('div', null, { class: 'row' });
      var t = el('table', null, { 'data-testid': 'report-table', 'data-report': table.name });
      var head = el('tr');
      table.columns.forEach(function (c) {
        head.appendChild(el('th', c.label));
      });
      t.appendChild(el('thead')).appendChild(head);
      var body = t.appendChild(el('tbody'));
      table.rows.forEach(function (cells) {
        var tr = el('tr');
        cells.forEach(function (c) {
          tr.appendChild(el('td', c));
        });
        body.appendChild(tr);
      });
      if (table.rows.length === 0)
        body.appendChild(el('tr')).appendChild(el('td', 'Nothing recorded in this range.', { colspan: String(table.columns.length) }));
      row.appendChild(t);
      if (table.chart && table.rows.length > 0) row.appendChild(barChart(table));
      box.appendChild(row);
      out.appendChild(box);
    });
  }

  function load() {
    status('Loading…');
    var q = filters();
    q.set('section', section);
    call(ROUTES.tables + '?' + q.toString())
      .then(function (res) {
        return res.json();
      })
      .then(renderTables)
      .catch(function (err) {
        status(err.message);
      });
  }

  function loadFilters() {
    return call(ROUTES.filters)
      .then(function (res) {
        return res.json();
      })
      .then(function (opts) {
        var agent = $('agentId');
        agent.replaceChildren(el('option', opts.view === 'team' ? 'All agents' : 'You', { value: '' }));
        if (opts.view === 'team')
          opts.agents.forEach(function (a) {
            agent.appendChild(el('option', a.name, { value: a.id }));
          });
        var market = $('marketplace');
        market.replaceChildren(el('option', 'All marketplaces', { value: '' }));
        opts.marketplaces.forEach(function (m) {
          market.appendChild(el('option', m, { value: m }));
        });
      });
  }

  function start() {
    $('signin').hidden = true;
    $('reports').hidden = false;
    loadFilters()
      .then(load)
      .catch(function (err) {
        sessionStorage.removeItem(TOKEN_KEY);
        $('signin').hidden = false;
        $('reports').hidden = true;
        $('signin-error').textContent = err.message;
      });
  }

  $('signin').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    start();
  });
  $('filters').addEventListener('submit', function (e) {
    e.preventDefault();
    load();
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-section]'), function (b) {
    b.addEventListener('click', function () {
      section = b.getAttribute('data-section');
      load();
    });
  });
  $('signout').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  });
  if (sessionStorage.getItem(TOKEN_KEY)) start();
})();

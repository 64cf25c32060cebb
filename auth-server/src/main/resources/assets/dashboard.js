// The console dashboard's live part: every 5 seconds it fetches /console/dashboard.json (the same record
// the page was rendered from) and updates the tiles and the chart in place. Loaded with the page's CSP
// nonce; it sets text and attributes only, never HTML.
(function () {
  'use strict';
  const root = document.getElementById('dashboard');
  if (!root) return;

  function apply(live) {
    for (const tile of live.tiles) {
      const value = root.querySelector('[data-tile="' + tile.key + '"]');
      if (value) {
        value.textContent = tile.value;
        value.className = 'value ' + tile.tone;
      }
    }
    document.getElementById('series-logins').setAttribute('points', live.chart.logins);
    document.getElementById('series-refreshes').setAttribute('points', live.chart.refreshes);
    live.chart.gridLabel.forEach(function (label, i) {
      root.querySelector('[data-grid-label="' + i + '"]').textContent = label;
    });
    document.getElementById('updated-at').textContent = live.updatedAt;
    root.dataset.refreshes = String(Number(root.dataset.refreshes) + 1);
  }

  async function refresh() {
    let response;
    try {
      response = await fetch('/console/dashboard.json', {
        credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' },
      });
    } catch (e) {
      return; // the server is restarting: try again next time
    }
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
      window.location.reload(); // the console session ended: the page signs in again
      return;
    }
    if (response.ok) apply(await response.json());
  }

  window.setInterval(refresh, 5000);
})();

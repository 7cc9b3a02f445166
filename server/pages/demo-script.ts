import { snippet } from './snippet.js';

/** The demo page's script: the snippet, then the demo's own buttons and SPA routing. */
export function demoScript(host: string): string {
  // The demo page enforces Trusted Types; the snippet assigns a script URL, so a host page
  // with Trusted Types allows exactly its Parley server's sdk.js through a policy like this one.
  return `if (window.trustedTypes && trustedTypes.createPolicy) {
  trustedTypes.createPolicy('default', {
    createScriptURL: function (url) {
      if (url === ${JSON.stringify(`${host}/sdk.js`)}) return url;
      throw new TypeError('script URL not allowed: ' + url);
    }
  });
}
${snippet(host, '{ appId: "demo", locale: document.documentElement.lang }')}
(function () {
  var who = document.getElementById('who');
  var main = document.getElementById('main');
  var navLinks = document.querySelectorAll('nav [data-route]');
  var routes = { '/demo/billing': 'billing', '/demo/reports': 'reports', '/demo/settings': 'settings' };
  var loading = 0;

  function clone(templateId) {
    return document.getElementById(templateId).content.cloneNode(true);
  }

  // Like an SPA: the route's content replaces the last one's. Its data loads late:
  // a [data-loads] placeholder gets its template ~600 ms after the route change.
  function render(path) {
    var name = routes[path.replace(/\\/+$/, '')] || 'dashboard';
    clearTimeout(loading);
    main.replaceChildren(clone('route-' + name));
    navLinks.forEach(function (a) {
      if (a.dataset.route === name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    document.title = document.getElementById('page-title').textContent + ' — Acme Analytics';
    var slot = main.querySelector('[data-loads]');
    if (slot) loading = setTimeout(function () {
      slot.replaceChildren(clone(slot.dataset.loads));
      slot.removeAttribute('aria-busy');
    }, 600);
  }

  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-route]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (a.getAttribute('href') === location.pathname) return; // already there
    history.pushState({}, '', a.getAttribute('href'));
    render(location.pathname);
  });
  window.addEventListener('popstate', function () { render(location.pathname); });
  render(location.pathname);

  var actions = {
    'sign-in': function (b) {
      var d = b.dataset;
      Messenger.identify(d.userId, { name: d.userName, email: d.userEmail, plan: d.userPlan }, { userHash: d.userHash });
      who.textContent = 'Signed in as ' + d.userName;
    },
    'sign-out': function () {
      Messenger.shutdown();
      who.textContent = 'Not signed in';
      Messenger.boot({ appId: 'demo' });
    },
    'start-tour': function (b) { Messenger.startTour(b.dataset.tourId); },
    'track': function () { Messenger.track('report_exported', { format: 'csv' }); },
    'payment-failed': function () { Messenger.track('payment_failed', { amount: 49, currency: 'EUR' }); },
    'payment-succeeded': function () { Messenger.track('payment_succeeded', { amount: 49, currency: 'EUR' }); },
    'export-csv': function () {
      Messenger.track('report_exported', { format: 'csv', report: 'sessions_by_day' });
      document.getElementById('export-status').textContent = 'Export started: the CSV is on its way.';
    }
  };
  // One listener for all buttons: the routes' own come and go with the route.
  document.addEventListener('click', function (e) {
    var b = e.target.closest('button[id]');
    if (b && actions[b.id]) actions[b.id](b);
  });
})();
`;
}

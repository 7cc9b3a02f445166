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
  var title = document.getElementById('page-title');
  var signIn = document.getElementById('sign-in');
  function route(path) {
    var name = path.indexOf('billing') >= 0 ? 'Billing' : path.indexOf('settings') >= 0 ? 'Settings' : 'Dashboard';
    title.textContent = name;
    document.title = name + ' — Acme Analytics';
  }
  document.querySelectorAll('[data-route]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      e.preventDefault();
      history.pushState({}, '', a.getAttribute('href'));
      route(location.pathname);
    });
  });
  window.addEventListener('popstate', function () { route(location.pathname); });
  route(location.pathname);
  signIn.addEventListener('click', function () {
    var d = signIn.dataset;
    Messenger.identify(d.userId, { name: d.userName, email: d.userEmail, plan: d.userPlan }, { userHash: d.userHash });
    who.textContent = 'Signed in as ' + d.userName;
  });
  document.getElementById('track').addEventListener('click', function () {
    Messenger.track('report_exported', { format: 'csv' });
  });
  document.getElementById('payment-failed').addEventListener('click', function () {
    Messenger.track('payment_failed', { amount: 49, currency: 'EUR' });
  });
  document.getElementById('payment-succeeded').addEventListener('click', function () {
    Messenger.track('payment_succeeded', { amount: 49, currency: 'EUR' });
  });
  document.getElementById('sign-out').addEventListener('click', function () {
    Messenger.shutdown();
    who.textContent = 'Not signed in';
    Messenger.boot({ appId: 'demo' });
  });
})();
`;
}

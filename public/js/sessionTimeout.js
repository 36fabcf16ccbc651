// Warns before an idle session ends and lets the person extend it (WCAG 2.2.1). Progressive: without this
// script the page states how long a session lasts, and the dialog's form still extends it.
(function () {
  var dialog = document.querySelector('[data-module="session-timeout"]');
  if (!dialog || typeof dialog.showModal !== 'function' || !window.fetch) return;
  var timeoutMs = Number(dialog.getAttribute('data-timeout-seconds')) * 1000;
  var warnMs = Number(dialog.getAttribute('data-warn-seconds')) * 1000;
  var form = dialog.querySelector('form');
  var token = form.querySelector('input[name="_csrf"]').value;
  var warnTimer, endTimer;

  function warn() {
    if (!dialog.open) dialog.showModal();
    form.querySelector('button').focus();
  }
  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(warn, Math.max(timeoutMs - warnMs, 0));
    endTimer = setTimeout(function () { window.location.href = dialog.getAttribute('data-expired-href'); }, timeoutMs);
  }
  function extend() {
    fetch('/session/extend', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': token, accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('not extended');
        dialog.close();
        schedule();
      })
      .catch(function () { form.submit(); });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    extend();
  });
  // Escape closes the warning; it counts as "stay signed in", as the person is plainly there.
  dialog.addEventListener('cancel', function (event) {
    event.preventDefault();
    extend();
  });
  schedule();
})();

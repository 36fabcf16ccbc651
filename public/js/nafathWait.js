// While the person answers in the Nafath app, asks the portal every few seconds whether the answer is in,
// and then follows the "check again" form. Without this script the button does the same.
(function () {
  var form = document.querySelector('[data-module="nafath-wait"]');
  if (!form || !window.fetch) return;
  var every = Number(form.getAttribute('data-poll-seconds')) * 1000 || 5000;
  function poll() {
    fetch('/account/nafath/status', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.waiting) setTimeout(poll, every);
        else form.submit();
      })
      .catch(function () { setTimeout(poll, every * 2); });
  }
  setTimeout(poll, every);
})();

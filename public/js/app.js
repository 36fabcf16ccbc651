// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-module="error-summary"]');
  if (summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) return;
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus();
      var legendOrLabel = target.closest('fieldset') || target.closest('.form-group');
      (legendOrLabel || target).scrollIntoView();
    });
  }
  // The chosen file's name, in the page's language, beside the button that chose it.
  document.querySelectorAll('[data-file-chosen]').forEach(function (line) {
    var input = document.getElementById(line.id.replace(/-chosen$/, ''));
    if (!input) return;
    line.hidden = false;
    input.addEventListener('change', function () {
      line.textContent = input.files && input.files.length ? input.files[0].name : line.getAttribute('data-none');
    });
  });
  document.querySelectorAll('[data-module="print"]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
});

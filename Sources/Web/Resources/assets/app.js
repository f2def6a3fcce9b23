// Freightdesk's own browser behaviour. No inline script anywhere: every behaviour is attached
// here by data attributes, so the pages work under `Content-Security-Policy: script-src 'self'`.
//
//   <form data-confirm="Delete this?">   asks before submitting; cancelling stops the submit.
//   <div data-auto-dismiss="6000">       closes itself (a Bootstrap alert fades) after 6000 ms.
//   <form data-disable-on-submit>        disables its submit buttons once sent (no double posts).
//   <div data-reload-after="2000">       reloads the page after 2000 ms (progress of a job).
"use strict";

(function () {
  function closeAlert(element) {
    if (window.bootstrap && window.bootstrap.Alert) {
      window.bootstrap.Alert.getOrCreateInstance(element).close();
    } else {
      element.remove();
    }
  }

  function scheduleAutoDismiss(root) {
    root.querySelectorAll("[data-auto-dismiss]").forEach(function (element) {
      var delay = parseInt(element.getAttribute("data-auto-dismiss"), 10);
      if (delay > 0) {
        window.setTimeout(function () { closeAlert(element); }, delay);
      }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    if (form.hasAttribute("data-disable-on-submit")) {
      form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
        button.disabled = true;
      });
    }
  });

  function scheduleReload(root) {
    var element = root.querySelector("[data-reload-after]");
    var delay = element ? parseInt(element.getAttribute("data-reload-after"), 10) : 0;
    if (delay > 0) {
      window.setTimeout(function () { window.location.reload(); }, delay);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    scheduleAutoDismiss(document);
    scheduleReload(document);
  });
})();

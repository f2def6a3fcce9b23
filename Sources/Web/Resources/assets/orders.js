// The order forms' live price. No inline script: the form's price box names where to ask
// (data-order-price="/app/orders/price"); whenever a field changes, the whole form (with its
// CSRF token) is posted there and the answer's total and lines are shown. Answers that arrive
// out of order are ignored, and typing is debounced.
"use strict";

(function () {
  var delayMilliseconds = 400;

  function show(box, answer) {
    var total = box.querySelector("[data-order-price-total]");
    var lines = box.querySelector("[data-order-price-lines]");
    lines.replaceChildren();
    if (answer.total) {
      total.textContent = answer.total;
      answer.lines.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line.label + " " + line.amount;
        lines.appendChild(item);
      });
    } else {
      total.textContent = answer.problem || "–";
    }
  }

  function attach(box) {
    var form = box.closest("form");
    if (!form) { return; }
    var timer = null;
    var asked = 0;
    function ask() {
      var number = ++asked;
      var body = new URLSearchParams(new FormData(form));
      fetch(box.getAttribute("data-order-price"), {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        if (answer && number === asked) { show(box, answer); }
      }).catch(function () { /* the price stays as it was; the server prices again on save */ });
    }
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, delayMilliseconds);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    ask();
  }

  function start() {
    document.querySelectorAll("[data-order-price]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

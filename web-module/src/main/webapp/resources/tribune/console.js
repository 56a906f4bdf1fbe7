/*
 * Console helpers, no framework needed:
 * - a form with data-dirty-check="message" warns before the page is left with unsaved changes;
 * - a button with data-confirm="question" asks before it submits.
 */
(function () {
  "use strict";
  var dirty = false;
  var submitting = false;

  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form.hasAttribute("data-dirty-check")) {
      dirty = true;
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.form && event.target.form.hasAttribute("data-dirty-check")) {
      dirty = true;
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  document.addEventListener("submit", function () {
    submitting = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
      return "";
    }
  });
})();

/*
 * Console helpers, no framework needed:
 * - a form with data-dirty-check="message" warns before the page is left with unsaved changes;
 * - a button with data-confirm="question" asks before it submits;
 * - the article editor's body keeps its cursor position in the hidden field "body-cursor", so that
 *   « Insérer dans le texte » puts an image after the cursor's line, not at the end;
 * - a report's decision: choosing "keep" chooses the rule "no breach", which is the only one that
 *   goes with it (the form works without this: the service then says which rule to choose).
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
  function keepCursor(event) {
    var body = event.target;
    if (!body.classList || !body.classList.contains("body-source") || !body.form) {
      return;
    }
    var cursor = body.form.querySelector("input[id$='body-cursor']");
    if (cursor) {
      cursor.value = String(body.selectionEnd);
    }
  }
  ["keyup", "click", "select", "input", "focusout"].forEach(function (type) {
    document.addEventListener(type, keepCursor);
  });
  document.addEventListener("change", function (event) {
    var outcome = event.target;
    if (!outcome.hasAttribute || !outcome.hasAttribute("data-decision-outcome")) {
      return;
    }
    var group = outcome.closest(".decision-form");
    var rule = group && group.querySelector("select[data-decision-rule]");
    if (!rule) {
      return;
    }
    if (outcome.value === "KEEP") {
      rule.value = "NO_BREACH";
    } else if (rule.value === "NO_BREACH") {
      rule.value = "";
    }
  });
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

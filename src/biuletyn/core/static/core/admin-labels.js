/*
 * Names for two inputs that Wagtail 7.4's own admin scripts create without a label (axe rule
 * "label", WCAG 1.3.1 and 4.1.2), so that editors who use a screen reader know what they fill in:
 *
 * - the tag field: the tag-it plugin hides the labelled <input> and types into a new one, which
 *   is named here by the original field's <label>;
 * - the multiple image upload: the file input is named by the button that stands for it.
 *
 * It only adds aria-labelledby; without JavaScript neither input exists. Loaded on every admin
 * page through the insert_global_admin_js hook (biuletyn/core/wagtail_hooks.py).
 */
(function () {
  "use strict";

  var counter = 0;

  function idOf(element) {
    if (!element.id) {
      counter += 1;
      element.id = "biuletyn-label-" + counter;
    }
    return element.id;
  }

  function labelTagInputs(root) {
    root.querySelectorAll("ul.tagit").forEach(function (list) {
      var original = list.previousElementSibling;
      var typed = list.querySelector("input.ui-autocomplete-input");
      if (!original || !original.id || !typed || typed.hasAttribute("aria-labelledby")) {
        return;
      }
      var label = document.querySelector('label[for="' + original.id + '"]');
      if (label) {
        typed.setAttribute("aria-labelledby", idOf(label));
      }
    });
  }

  function labelFileUpload(root) {
    root.querySelectorAll(".replace-file-input").forEach(function (wrapper) {
      var input = wrapper.querySelector("input[type=file]");
      var button = wrapper.querySelector("button");
      if (input && button && !input.labels.length && !input.hasAttribute("aria-labelledby")) {
        input.setAttribute("aria-labelledby", idOf(button));
      }
    });
  }

  function run() {
    labelTagInputs(document);
    labelFileUpload(document);
  }

  document.addEventListener("DOMContentLoaded", function () {
    run();
    // Wagtail builds some fields after load (tag-it, inline panels, modals).
    new MutationObserver(run).observe(document.body, { childList: true, subtree: true });
  });
})();

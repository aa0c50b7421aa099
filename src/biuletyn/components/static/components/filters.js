/* The calendar's filters and error summary, made easier with JavaScript; all of it works
   without (events/includes/filters.html, components/error_summary.html).
   - An error summary on the page takes focus, so a screen reader reads it first and the
     keyboard starts from it.
   - A link in the summary moves focus to its field (not only scrolls to it), opening the
     filter panel around it if closed.
   - "Change" in the filter line opens the panel and moves focus to its first field. */
(function () {
  "use strict";

  function focusField(target) {
    var panel = target.closest("details");
    if (panel && !panel.open) {
      panel.open = true;
    }
    var label = document.querySelector("label[for='" + target.id + "']");
    target.focus({ preventScroll: true });
    (label || target).scrollIntoView({ block: "start" });
  }

  function onLinkToField(event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target || !target.matches("input, select, textarea, button")) {
      return;
    }
    event.preventDefault();
    focusField(target);
  }

  document.querySelectorAll(".app-error-summary, .app-filter-status").forEach(function (box) {
    box.addEventListener("click", onLinkToField);
  });

  var summary = document.querySelector(".app-error-summary");
  if (summary) {
    summary.focus();
  }
})();

// The event editor: keeps the last day to ask for a PJM interpreter (on the Accessibility tab)
// current while the editor types the dates on the Content tab. The server counts the working
// days (Polish holidays included); this script only asks it and shows the answer.
(() => {
  "use strict";
  const output = document.querySelector("[data-interpreter-deadline]");
  const form = output && output.closest("form");
  if (!form) return;
  const names = ["start_date", "new_start_date", "status"];
  let timer;
  let latest = 0;

  async function update() {
    const params = new URLSearchParams();
    for (const name of names) {
      const input = form.elements.namedItem(name);
      if (input && "value" in input) params.set(name, input.value);
    }
    const request = ++latest;
    try {
      const response = await fetch(`${output.dataset.url}?${params}`, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok || request !== latest) return;
      const data = await response.json();
      const strong = document.createElement("strong");
      strong.textContent = data.message;
      output.replaceChildren(strong);
    } catch {
      // Offline or signed out: the sentence for the saved dates stays.
    }
  }

  function later(event) {
    if (!names.includes(event.target.name)) return;
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();

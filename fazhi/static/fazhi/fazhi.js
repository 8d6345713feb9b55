// Behaviour of the pages, kept out of the HTML: the Content-Security-Policy allows no inline script.
"use strict";

// <select data-submit-on-change> submits its form when a choice is made (the unit switcher).
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-submit-on-change]")) {
    event.target.form.submit();
  }
});

// <form data-confirm="…"> asks before it is sent (revoking a membership).
document.addEventListener("submit", (event) => {
  const message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

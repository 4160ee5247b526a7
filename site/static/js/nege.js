/* NEGE public site: small progressive enhancements (loaded with defer; no inline script). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Collapsible main navigation on small screens: the button only appears when JS runs.
  var toggle = document.querySelector(".nav-toggle");
  var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!toggle || !nav) {
    return;
  }
  toggle.hidden = false;
  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }
  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
})();

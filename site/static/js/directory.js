/* Directory: on a phone, fold the filter panel so that the results come first (it stays one tap away).
   Wide screens hide the panel's toggle, so the panel is reopened when the window grows. */
(function () {
  "use strict";
  var panel = document.querySelector(".directory-filters__facets");
  if (!panel || !window.matchMedia) {
    return;
  }
  var phone = window.matchMedia("(max-width: 48rem)");
  function fit() {
    panel.open = !phone.matches;
  }
  fit();
  phone.addEventListener("change", fit);
})();

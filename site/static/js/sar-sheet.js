// Follow-up sheet: show "Cause(s) de rejet" only for a result that requires it (manual, section 3).
(function () {
  "use strict";
  function init() {
    var result = document.querySelector("select[data-sar-rejection-results]");
    if (!result) {
      return;
    }
    var rejectionIds = result.getAttribute("data-sar-rejection-results").split(",");
    var causes = document.querySelector("[name=rejection_causes]");
    // The panel wrapper holds the field's label too: hide both together.
    var wrapper = causes ? causes.closest(".w-panel__wrapper") || causes.closest(".w-field__wrapper") : null;
    if (!wrapper) {
      return;
    }
    function toggle() {
      var errors = wrapper.querySelector("[data-field-errors]");
      var hasError = errors && errors.textContent.trim() !== "";
      wrapper.style.display = rejectionIds.indexOf(result.value) === -1 && !hasError ? "none" : "";
    }
    result.addEventListener("change", toggle);
    toggle();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

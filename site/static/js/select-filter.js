/* Type to find: `select[data-filter]` gets a search box above it that narrows its options as one types
 * (accents and case ignored), e.g. the HR contact chosen among an organisation's users. Without
 * JavaScript the plain select works as before. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    var search = document.createElement("input");
    search.type = "search";
    search.className = "select-filter__search";
    search.id = select.id + "_recherche";
    search.placeholder = select.getAttribute("data-filter") || "Rechercher…";
    search.setAttribute("aria-label", search.placeholder);
    search.setAttribute("aria-controls", select.id);
    select.size = Math.min(8, Math.max(select.options.length, 2));
    var status = document.createElement("p");
    status.className = "help";
    status.setAttribute("aria-live", "polite");
    search.addEventListener("input", function () {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      var firstShown = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var keep = !option.value || words.every(function (word) { return fold(option.text).indexOf(word) !== -1; });
        option.hidden = !keep;
        if (keep && option.value) {
          shown += 1;
          firstShown = firstShown || option;
        }
      });
      if (words.length && shown === 1) firstShown.selected = true; // a single match: take it
      status.textContent = words.length ? shown + " utilisateur" + (shown > 1 ? "s" : "") + " trouvé" + (shown > 1 ? "s" : "") : "";
    });
    select.parentNode.insertBefore(search, select);
    select.parentNode.insertBefore(status, select.nextSibling);
  }

  Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), enhance);
})();

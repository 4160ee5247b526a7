// Commission forms: filter the 300+ skills by name; show the "Sans suite" reason only when relevant.
(function () {
  "use strict";
  function normalize(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var filter = document.querySelector("[data-skill-filter]");
  if (filter) {
    var count = document.querySelector("[data-skill-count]");
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-skill-item]"));
    items.forEach(function (item) { item.dataset.key = normalize(item.dataset.name || ""); });
    var apply = function () {
      var query = normalize(filter.value.trim());
      var shown = 0;
      document.querySelectorAll("[data-skill-theme]").forEach(function (theme) {
        var visible = 0;
        theme.querySelectorAll("[data-skill-item]").forEach(function (item) {
          var chosen = item.querySelector("select").value !== "";
          var match = !query || item.dataset.key.indexOf(query) !== -1;
          item.hidden = !match;
          if (match) { visible += 1; }
          if (match && chosen) { theme.open = true; }
        });
        theme.hidden = visible === 0;
        if (query && visible) { theme.open = true; }
        shown += visible;
      });
      if (count) { count.textContent = query ? shown + " savoir-faire correspondant" + (shown > 1 ? "s" : "") : ""; }
    };
    filter.addEventListener("input", apply);
    filter.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); } });
    document.querySelectorAll("[data-skill-theme]").forEach(function (theme) {
      if (theme.querySelector("select option:checked:not([value=''])")) { theme.open = true; }
    });
  }
  // A collapsed panel opens when it holds an error, or when a jump link of the save bar leads to it.
  document.querySelectorAll("[data-volet]").forEach(function (volet) {
    if (volet.querySelector(".has-error, .error-message")) { volet.open = true; }
  });
  document.querySelectorAll(".commission-actions__nav a").forEach(function (link) {
    link.addEventListener("click", function () {
      var target = document.querySelector(link.getAttribute("href"));
      if (target) { target.open = true; }
    });
  });
  var reason = document.querySelector("select[name=dismissal_reason]");
  if (reason) {
    var wrapper = reason.closest(".commission-field");
    var radios = document.querySelectorAll("input[name=proposed_classification], input[name=classification]");
    var toggle = function () {
      var checked = document.querySelector("input[name=proposed_classification]:checked, input[name=classification]:checked");
      wrapper.hidden = !(checked && checked.value === "sans_suite");
    };
    radios.forEach(function (radio) { radio.addEventListener("change", toggle); });
    toggle();
  }
})();

/* Dossier form: conditional fields, city autocomplete, contact list depending on the organisation,
   and the uniqueness check button. The server enforces every rule again. */
(function () {
  "use strict";
  // Loaded on every extranet page (search filters) and by the form widgets: bind once.
  if (window.negeDossierForm) return;
  window.negeDossierForm = true;

  function wrapper(name) {
    var field = document.getElementById("id_" + name);
    if (!field) return null;
    // Wagtail wraps each field (label + input) in .w-panel__wrapper.
    return field.closest(".w-panel__wrapper") || field.closest("[data-field-wrapper]") || field.parentNode;
  }

  function radioValue(name) {
    var checked = document.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : "";
  }

  function toggle(name, shown) {
    var box = wrapper(name);
    if (box) box.hidden = !shown;
  }

  function conditional() {
    toggle("france_travail_id", radioValue("has_france_travail_id") === "True");
    toggle("caf_number", radioValue("is_rsa_beneficiary") === "True");
    var situation = document.getElementById("id_situation");
    if (situation && situation.dataset.temporary !== undefined) {
      var temporary = situation.dataset.temporary.split(",");
      toggle("situation_end_date", temporary.indexOf(situation.value) !== -1);
    }
  }

  function ensureList(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) {
      list = document.createElement("datalist");
      list.id = input.getAttribute("list");
      input.insertAdjacentElement("afterend", list);
    }
    return list;
  }

  function cityAutocomplete(input, url) {
    var list = ensureList(input);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var term = input.value.trim();
      if (term.length < 2) return;
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(term), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.results.forEach(function (name) {
              var option = document.createElement("option");
              option.value = name;
              list.appendChild(option);
            });
          });
      }, 200);
    });
  }

  function dependentContacts(orgSelect) {
    var contact = document.querySelector("[data-contact-select]");
    if (!contact) return;
    orgSelect.addEventListener("change", function () {
      contact.disabled = true;
      fetch(orgSelect.dataset.organisationSelect + "?organisation=" + encodeURIComponent(orgSelect.value), {
        credentials: "same-origin",
      })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          contact.textContent = "";
          var empty = document.createElement("option");
          empty.value = "";
          empty.textContent = "---------";
          contact.appendChild(empty);
          data.results.forEach(function (person) {
            var option = document.createElement("option");
            option.value = person.id;
            option.textContent = person.label;
            contact.appendChild(option);
          });
          contact.disabled = false;
        });
    });
  }

  function duplicateCheck(box) {
    var button = box.querySelector("[data-duplicate-check-button]");
    var result = box.querySelector("[data-duplicate-check-result]");
    button.addEventListener("click", function () {
      var params = new URLSearchParams();
      ["last_name", "first_name", "city", "france_travail_id"].forEach(function (name) {
        var field = document.getElementById("id_" + name);
        params.set(name, field ? field.value : "");
      });
      params.set("has_france_travail_id", radioValue("has_france_travail_id"));
      fetch(box.dataset.duplicateCheck + "?" + params.toString(), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          result.textContent = data.message;
          result.className = "duplicate-check__result " + (data.duplicates.length ? "help-critical" : "help-info");
        });
    });
  }

  // Suggested document name TYPE-N-NOM-Prénom-Identifiant.ext, offered when a file is chosen.
  function slug(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim()
      .replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function value(name) {
    var field = document.getElementById("id_" + name);
    return field ? field.value : "";
  }

  function suggestName(fileInput) {
    var prefix = fileInput.name.replace(/-file$/, "");
    var title = document.querySelector('[name="' + prefix + '-title"]');
    var type = document.querySelector('[name="' + prefix + '-doc_type"]');
    if (!title || title.value || !fileInput.files.length || !type) return;
    var formset = prefix.replace(/-\d+$/, "");
    var number = 0;
    document.querySelectorAll('select[name^="' + formset + '-"][name$="-doc_type"]').forEach(function (other) {
      var deleted = document.querySelector('[name="' + other.name.replace(/-doc_type$/, "-DELETE") + '"]');
      if (other.value === type.value && !(deleted && deleted.value)) number += 1;
    });
    var first = slug(value("first_name")).toLowerCase();
    var parts = [type.value, String(Math.max(number, 1)), slug(value("last_name")).toUpperCase(),
      first.charAt(0).toUpperCase() + first.slice(1)];
    if (radioValue("has_france_travail_id") === "True" && value("france_travail_id")) {
      parts.push(slug(value("france_travail_id")).toUpperCase());
    }
    var extension = (fileInput.files[0].name.match(/\.[A-Za-z0-9]+$/) || [""])[0].toLowerCase();
    title.value = parts.filter(Boolean).join("-") + extension;
  }

  function init() {
    document.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type === "file" && /-file$/.test(target.name)) suggestName(target);
    });
    document.addEventListener("change", conditional);
    conditional();
    document.querySelectorAll("[data-city-autocomplete]").forEach(function (input) {
      cityAutocomplete(input, input.dataset.cityAutocomplete);
    });
    // The search's name filter (the filter drawer may be re-rendered: bind on focus).
    document.addEventListener("focusin", function (event) {
      var input = event.target;
      if (input.dataset && input.dataset.nameAutocomplete && !input.dataset.bound) {
        input.dataset.bound = "1";
        cityAutocomplete(input, input.dataset.nameAutocomplete);
      }
    });
    document.querySelectorAll("[data-organisation-select]").forEach(dependentContacts);
    document.querySelectorAll("[data-duplicate-check]").forEach(duplicateCheck);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* Membership application: nothing typed is lost.
 * Part 1 (no account yet): non-secret fields are kept in this browser (localStorage) until part 1 is saved.
 * Part 2: the draft is saved on the server as the visitor types (data-autosave-url). */
(function () {
  "use strict";

  function serialisable(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "password" || el.type === "file" || el.name === "csrfmiddlewaretoken") return;
      if (el.type === "checkbox" || el.type === "radio") {
        if (!data[el.name]) data[el.name] = [];
        if (el.checked) data[el.name].push(el.value);
      } else {
        data[el.name] = [el.value];
      }
    });
    return data;
  }

  function restore(form, data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in data) || el.type === "password" || el.type === "file") return;
      var values = data[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values.indexOf(el.value) !== -1;
      } else if (!el.value) {
        el.value = values[0] || "";
      }
    });
  }

  var local = document.querySelector("form[data-local-draft]");
  if (local && window.localStorage) {
    var key = local.getAttribute("data-local-draft");
    var hasServerValues = local.querySelector(".form-field--error") !== null;
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "null");
      if (saved && !hasServerValues) restore(local, saved);
    } catch (e) { /* ignore a corrupt draft */ }
    local.addEventListener("input", function () {
      window.localStorage.setItem(key, JSON.stringify(serialisable(local)));
    });
  }

  var remote = document.querySelector("form[data-autosave-url]");
  if (remote) {
    if (window.localStorage) window.localStorage.removeItem("membership-part1");
    var url = remote.getAttribute("data-autosave-url");
    var status = remote.querySelector("[data-autosave-status]");
    var timer = null;
    var save = function () {
      var body = new FormData();
      var data = serialisable(remote);
      Object.keys(data).forEach(function (name) {
        data[name].forEach(function (value) { body.append(name, value); });
      });
      body.append("csrfmiddlewaretoken", remote.querySelector("[name=csrfmiddlewaretoken]").value);
      fetch(url, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
        if (status && response.ok) status.textContent = "Brouillon enregistré automatiquement.";
      }).catch(function () {
        if (status) status.textContent = "Brouillon non enregistré : vérifiez votre connexion.";
      });
    };
    var schedule = function () {
      clearTimeout(timer);
      timer = setTimeout(save, 1500);
    };
    remote.addEventListener("input", schedule);
    remote.addEventListener("change", schedule);
  }
})();

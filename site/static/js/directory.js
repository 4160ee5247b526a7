// Directory filters: apply a ticked filter at once (the "Filtrer" button still works without JS).
(function () {
  "use strict";
  var form = document.querySelector(".directory-filters");
  if (!form) { return; }
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") { form.submit(); }
  });
})();

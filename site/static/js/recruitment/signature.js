/* Signature pad of the consent panel: draw with mouse, finger or stylus (pointer events);
   the drawing is stored as a PNG data URL in the hidden input that follows the canvas. */
(function () {
  "use strict";

  function setup(pad) {
    var canvas = pad.querySelector("canvas");
    var input = pad.querySelector("[data-signature-input]");
    var state = pad.querySelector("[data-signature-state]");
    var clear = pad.querySelector("[data-signature-clear]");
    var ctx = canvas.getContext("2d");
    var drawing = false;
    var last = null;

    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111";
    canvas.style.touchAction = "none"; // keep the finger for drawing, not scrolling

    function point(event) {
      var rect = canvas.getBoundingClientRect();
      return {
        x: ((event.clientX - rect.left) * canvas.width) / rect.width,
        y: ((event.clientY - rect.top) * canvas.height) / rect.height,
      };
    }

    function save() {
      input.value = canvas.toDataURL("image/png");
      if (state) state.textContent = "Signature enregistrée dans le formulaire.";
      var method = document.querySelector('input[name="consent_method"][value="signature"]');
      if (method) method.checked = true;
    }

    canvas.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      drawing = true;
      last = point(event);
      canvas.setPointerCapture(event.pointerId);
      ctx.beginPath();
      ctx.arc(last.x, last.y, ctx.lineWidth / 2, 0, Math.PI * 2);
      ctx.fillStyle = ctx.strokeStyle;
      ctx.fill();
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) return;
      event.preventDefault();
      var current = point(event);
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(current.x, current.y);
      ctx.stroke();
      last = current;
    });
    function stop() {
      if (!drawing) return;
      drawing = false;
      save();
    }
    canvas.addEventListener("pointerup", stop);
    canvas.addEventListener("pointercancel", stop);
    canvas.addEventListener("pointerleave", stop);

    // After a form error the page sends the drawing back in the hidden input: show it again.
    if (input.value.indexOf("data:image/png;base64,") === 0) {
      var image = new Image();
      image.onload = function () {
        ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
        pad.dataset.redrawn = "1";
        if (state) state.textContent = "Signature enregistrée dans le formulaire.";
      };
      image.src = input.value;
    }

    if (clear) {
      clear.addEventListener("click", function () {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        input.value = "";
        if (state) state.textContent = "Pas encore signé.";
      });
    }
  }

  function init() {
    document.querySelectorAll("[data-signature-pad]").forEach(function (pad) {
      if (!pad.dataset.ready) {
        pad.dataset.ready = "1";
        setup(pad);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

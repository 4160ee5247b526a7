/* A small rich-text editor for `textarea[data-rich-text]`: paragraphs, bold, italic, lists and links.
 * The textarea stays the form's field (hidden, kept in sync), so the form, the autosave and a page
 * without JavaScript work unchanged; the server sanitises the HTML anyway (membership.rules). */
(function () {
  "use strict";

  var ALLOWED = { P: [], BR: [], STRONG: [], B: [], EM: [], I: [], UL: [], OL: [], LI: [], A: ["href"] };
  var RENAMED = { B: "STRONG", I: "EM" }; // what the browser's commands produce, stored as the semantic tags
  var BLOCKS = { P: true, UL: true, OL: true };
  var SAFE_URL = /^(https?:|mailto:)/i;

  // Copy only the allowed elements and attributes of `source` into `target` (text is always kept).
  function copyClean(source, target) {
    Array.prototype.forEach.call(source.childNodes, function (node) {
      if (node.nodeType === 3) {
        target.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === 1) {
        var attributes = ALLOWED[node.tagName];
        if (!attributes) {
          copyClean(node, target); // unknown wrapper (div, span...): keep its content
          return;
        }
        var clean = document.createElement(RENAMED[node.tagName] || node.tagName);
        attributes.forEach(function (name) {
          var value = node.getAttribute(name);
          if (value && (name !== "href" || SAFE_URL.test(value.trim()))) clean.setAttribute(name, value.trim());
        });
        copyClean(node, clean);
        target.appendChild(clean);
      }
    });
  }

  function cleanHtml(html) {
    var parsed = new DOMParser().parseFromString(html, "text/html"); // parsing runs no script
    var holder = document.createElement("div");
    copyClean(parsed.body, holder);
    return holder;
  }

  // The field's value: clean tags, and text typed outside any block gathered into paragraphs.
  function serialise(editor) {
    var clean = cleanHtml(editor.innerHTML);
    var result = document.createElement("div");
    var paragraph = null;
    Array.prototype.slice.call(clean.childNodes).forEach(function (node) {
      if (node.nodeType === 1 && BLOCKS[node.tagName]) {
        paragraph = null;
        result.appendChild(node);
      } else {
        if (!paragraph) {
          paragraph = document.createElement("p");
          result.appendChild(paragraph);
        }
        paragraph.appendChild(node);
      }
    });
    Array.prototype.slice.call(result.querySelectorAll("p")).forEach(function (p) {
      if (!p.textContent.trim()) p.remove();
    });
    return result.innerHTML;
  }

  function plainToParagraphs(text) {
    var holder = document.createElement("div");
    text.split(/\n\s*\n/).forEach(function (block) {
      if (!block.trim()) return;
      var p = document.createElement("p");
      block.split("\n").forEach(function (line, index) {
        if (index) p.appendChild(document.createElement("br"));
        p.appendChild(document.createTextNode(line));
      });
      holder.appendChild(p);
    });
    return holder;
  }

  var BUTTONS = [
    { command: "bold", label: "Gras" },
    { command: "italic", label: "Italique" },
    { command: "insertUnorderedList", label: "Liste à puces" },
    { command: "insertOrderedList", label: "Liste numérotée" },
    { command: "createLink", label: "Lien" },
    { command: "unlink", label: "Retirer le lien" },
  ];

  function enhance(textarea) {
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    var wrapper = document.createElement("div");
    wrapper.className = "rich-text";
    var toolbar = document.createElement("div");
    toolbar.className = "rich-text__toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Mise en forme");
    var editor = document.createElement("div");
    editor.className = "rich-text__editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    if (label) {
      label.id = label.id || textarea.id + "_label";
      editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function () { editor.focus(); });
    }
    var described = textarea.getAttribute("aria-describedby");
    if (described) editor.setAttribute("aria-describedby", described);

    var value = textarea.value.trim();
    var initial = value.indexOf("<") === -1 ? plainToParagraphs(value) : cleanHtml(value);
    while (initial.firstChild) editor.appendChild(initial.firstChild);

    function sync() {
      textarea.value = editor.textContent.trim() ? serialise(editor) : "";
    }

    BUTTONS.forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "rich-text__button";
      button.textContent = spec.label; // the visible text is the accessible name
      button.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the selection
      button.addEventListener("click", function () {
        editor.focus();
        if (spec.command === "createLink") {
          var url = window.prompt("Adresse du lien (https://…)", "https://");
          if (!url || !SAFE_URL.test(url.trim())) return;
          document.execCommand("createLink", false, url.trim());
        } else {
          document.execCommand(spec.command, false, null);
        }
        sync();
        editor.dispatchEvent(new Event("input", { bubbles: true }));
      });
      toolbar.appendChild(button);
    });

    editor.addEventListener("focus", function () {
      document.execCommand("defaultParagraphSeparator", false, "p");
    });
    editor.addEventListener("input", sync); // runs before the form's autosave listener sees the event
    editor.addEventListener("paste", function (event) {
      // Pasted text loses its foreign formatting (fonts, colours, styles of a word processor).
      event.preventDefault();
      var text = (event.clipboardData || window.clipboardData).getData("text/plain");
      document.execCommand("insertText", false, text);
    });

    textarea.hidden = true;
    textarea.parentNode.insertBefore(wrapper, textarea);
    wrapper.appendChild(toolbar);
    wrapper.appendChild(editor);
    wrapper.appendChild(textarea);
    if (textarea.closest(".form-field--error")) wrapper.classList.add("rich-text--error");
  }

  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-rich-text]"), enhance);
})();

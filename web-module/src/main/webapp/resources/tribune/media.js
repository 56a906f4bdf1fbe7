/*
 * The media library's upload form, improved: files dropped on the zone or chosen are sent one per
 * request as the body (so each gets its own progress bar and its own answer), then the page is
 * read again to show them. Without this script the form is a plain multipart upload of every file
 * chosen, with the same result.
 */
(function () {
  "use strict";
  function send(form, file, list) {
    return new Promise(function (resolve) {
      var item = document.createElement("li");
      var label = document.createElement("span");
      var bar = document.createElement("progress");
      label.textContent = form.getAttribute("data-sending").replace("{0}", file.name);
      bar.max = file.size || 1;
      bar.value = 0;
      item.appendChild(label);
      item.appendChild(bar);
      list.appendChild(item);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action"));
      xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
      xhr.setRequestHeader("X-Tribune-Token", form.querySelector("input[name=token]").value);
      xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.addEventListener("progress", function (e) {
        bar.value = e.loaded;
      });
      xhr.addEventListener("load", function () {
        var answer = null;
        try {
          answer = JSON.parse(xhr.responseText);
        } catch (ignored) {
          answer = null;
        }
        bar.value = bar.max;
        item.className = xhr.status === 201 ? "message-info" : "message-error";
        label.textContent = answer && answer.message ? answer.message
          : form.getAttribute("data-failed").replace("{0}", file.name);
        resolve(xhr.status === 201);
      });
      xhr.addEventListener("error", function () {
        item.className = "message-error";
        label.textContent = form.getAttribute("data-failed").replace("{0}", file.name);
        resolve(false);
      });
      xhr.send(file);
    });
  }
  function sendAll(form, files) {
    var list = document.getElementById("upload-progress");
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    var chain = Promise.resolve(0);
    Array.prototype.forEach.call(files, function (file) {
      chain = chain.then(function (taken) {
        return send(form, file, list).then(function (ok) {
          return taken + (ok ? 1 : 0);
        });
      });
    });
    chain.then(function (taken) {
      button.disabled = false;
      if (taken > 0) {
        // The new images at the top of the library; the answers stay listed above until then.
        window.setTimeout(function () {
          window.location.assign(window.location.pathname);
        }, 1500);
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("upload-form");
    if (!form || !window.XMLHttpRequest || !window.Promise) {
      return;
    }
    var input = document.getElementById("files");
    var zone = document.getElementById("drop-zone");
    form.addEventListener("submit", function (event) {
      if (!input.files || input.files.length === 0) {
        return;
      }
      event.preventDefault();
      sendAll(form, input.files);
    });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () {
        zone.classList.remove("dragging");
      });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        sendAll(form, event.dataTransfer.files);
      }
    });
  });
})();

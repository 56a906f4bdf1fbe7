/*
 * The import form with a progress bar: the file is sent as the request body (the server reads it
 * as it arrives, so the bytes sent are the bytes imported), then the page shows the report.
 * Without this script the form is a plain multipart upload with the same result.
 */
(function () {
  "use strict";
  function size(bytes, units) {
    var i = 0;
    while (bytes >= 1024 && i < units.length - 1) {
      bytes /= 1024;
      i++;
    }
    return (i === 0 ? bytes : bytes.toFixed(1)) + " " + units[i];
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("import-form");
    if (!form || !window.XMLHttpRequest) {
      return;
    }
    var progress = form.querySelector(".import-progress");
    var bar = document.getElementById("import-bar");
    var status = document.getElementById("import-status");
    var button = document.getElementById("import-start");
    var units = form.getAttribute("data-units").split(",");
    form.addEventListener("submit", function (event) {
      var input = document.getElementById("import-file");
      if (!input.files || input.files.length === 0) {
        return;
      }
      event.preventDefault();
      var file = input.files[0];
      var format = form.querySelector("input[name=format]:checked").value;
      var xhr = new XMLHttpRequest();
      var media = form.querySelector("input[name=media]");
      xhr.open(
        "POST",
        form.getAttribute("action") +
          "?format=" +
          encodeURIComponent(format) +
          (media && !media.checked ? "&media=skip" : "")
      );
      xhr.setRequestHeader("Content-Type", "application/xml");
      xhr.setRequestHeader("X-Tribune-Token", form.querySelector("input[name=token]").value);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.addEventListener("progress", function (e) {
        var total = e.lengthComputable ? e.total : file.size;
        bar.max = total || 1;
        bar.value = e.loaded;
        status.textContent = form.getAttribute("data-sending")
          .replace("{0}", size(e.loaded, units)).replace("{1}", size(total, units));
      });
      xhr.addEventListener("load", function () {
        var answer = null;
        try {
          answer = JSON.parse(xhr.responseText);
        } catch (ignored) {
          answer = null;
        }
        if (answer && answer.report) {
          window.location.assign(answer.report);
        } else {
          button.disabled = false;
          status.textContent = answer && answer.error ? answer.error.message
            : form.getAttribute("data-network");
        }
      });
      xhr.addEventListener("error", function () {
        button.disabled = false;
        status.textContent = form.getAttribute("data-network");
      });
      button.disabled = true;
      progress.hidden = false;
      bar.value = 0;
      bar.max = file.size || 1;
      xhr.send(file);
    });
  });
})();

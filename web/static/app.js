// Partnerkit's own small script. Every page works without it; it only
// adds conveniences. Modules add their enhancements below, each guarded by
// the presence of the element it improves.
"use strict";
(function () {
  // Ask before dangerous buttons (archive, leave, remove) when they carry
  // data-confirm with the question to ask.
  document.addEventListener("submit", function (e) {
    var btn = e.submitter;
    if (btn && btn.dataset && btn.dataset.confirm && !window.confirm(btn.dataset.confirm)) {
      e.preventDefault();
    }
  });
})();

// Partnerkit's own small script. Every page works without it; it only
// adds conveniences. Modules add their enhancements below, each guarded by
// the presence of the element it improves.
"use strict";
(function () {
  // Ask before dangerous buttons (delete, leave, remove, revoke) when they
  // carry data-confirm with the question to ask. The server carries such a
  // form out only with confirm=yes, and otherwise asks on a page of its
  // own; a yes here adds the field, so that the question is asked once.
  document.addEventListener("submit", function (e) {
    var btn = e.submitter;
    if (!btn || !btn.dataset || !btn.dataset.confirm) {
      return;
    }
    if (!window.confirm(btn.dataset.confirm)) {
      e.preventDefault();
      return;
    }
    var form = e.target;
    var yes = form.querySelector("input[type=hidden][name=confirm]");
    if (!yes) {
      yes = document.createElement("input");
      yes.type = "hidden";
      yes.name = "confirm";
      form.appendChild(yes);
    }
    yes.value = "yes";
  });
})();

// The partnership's menu: a wide screen shows its sections in a row. Where
// the stylesheet cannot open the <details> itself (no ::details-content),
// open it here on a wide screen.
(function () {
  var menu = document.querySelector("details.menu");
  if (!menu || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia("(min-width: 48rem)");
  function sync() {
    if (wide.matches) {
      menu.open = true;
    }
  }
  sync();
  if (wide.addEventListener) {
    wide.addEventListener("change", sync);
  }
  // On a phone, Escape closes the open menu and gives focus back to its button.
  menu.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();

// A table or chart wider than the screen scrolls in its own box; one that
// does becomes a tab stop so that a keyboard can scroll it too (browsers that
// already make scroll boxes focusable are not harmed).
(function () {
  var tables = document.querySelectorAll("main table, main figure.chart");
  if (!tables.length) {
    return;
  }
  function mark() {
    tables.forEach(function (t) {
      if (t.scrollWidth > t.clientWidth + 1) {
        t.tabIndex = 0;
      } else {
        t.removeAttribute("tabindex");
      }
    });
  }
  mark();
  window.addEventListener("resize", mark);
})();

// Maps: on an editable power map, dragging an actor's point to another cell
// records a new assessment through the API (same origin, session cookie),
// then reloads the page so the table and the advice follow. Without a
// script the form under the map does the same.
(function () {
  var fig = document.querySelector("figure.powermap[data-editable][data-api]");
  var svg = fig && fig.querySelector("svg");
  if (!svg || !window.fetch || !document.elementsFromPoint) {
    return;
  }
  fig.classList.add("draggable");
  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    var g = e.target.closest ? e.target.closest("g.actor") : null;
    if (!g || !g.dataset.id) {
      return;
    }
    e.preventDefault();
    svg.setPointerCapture(e.pointerId);
    drag = { g: g, x: e.clientX, y: e.clientY };
    g.classList.add("dragging");
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) {
      return;
    }
    var m = svg.getScreenCTM();
    var k = m && m.a ? m.a : 1;
    drag.g.setAttribute("transform", "translate(" + (e.clientX - drag.x) / k + " " + (e.clientY - drag.y) / k + ")");
  });
  function drop(e) {
    if (!drag) {
      return;
    }
    var g = drag.g;
    drag = null;
    g.classList.remove("dragging");
    g.removeAttribute("transform");
    if (e.type !== "pointerup") {
      return;
    }
    var cell = null;
    document.elementsFromPoint(e.clientX, e.clientY).forEach(function (el) {
      if (!cell && el.classList && el.classList.contains("cell")) {
        cell = el;
      }
    });
    if (!cell || (cell.dataset.support === g.dataset.support && cell.dataset.influence === g.dataset.influence)) {
      return;
    }
    fig.classList.add("saving");
    fetch(fig.dataset.api, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({
        actor: g.dataset.id,
        support: parseInt(cell.dataset.support, 10),
        influence: parseInt(cell.dataset.influence, 10),
        interest: parseInt(g.dataset.interest, 10) || 0
      })
    }).then(function (res) {
      if (res.ok) {
        window.location.reload();
      } else {
        fig.classList.remove("saving");
        fig.classList.add("failed");
      }
    }, function () {
      fig.classList.remove("saving");
      fig.classList.add("failed");
    });
  }
  svg.addEventListener("pointerup", drop);
  svg.addEventListener("pointercancel", drop);
})();

// Zoom and pan for the server-drawn lineage SVG. Optional: without JavaScript the drawing scrolls in its
// frame. Works again after htmx swaps the graph in place.
(function () {
  "use strict";

  function setup(root) {
    var frame = root.querySelector ? root.querySelector(".graph-frame") : null;
    var svg = frame ? frame.querySelector("svg.lineage-svg") : null;
    var controls = document.querySelector(".zoom-controls");
    if (!svg || svg.dataset.zoomReady) { return; }
    svg.dataset.zoomReady = "1";
    var base = svg.getAttribute("viewBox").split(" ").map(Number);
    var view = base.slice();
    frame.classList.add("pannable");
    if (controls) { controls.hidden = false; }

    function apply() { svg.setAttribute("viewBox", view.join(" ")); }
    function zoom(factor, cx, cy) {
      var w = view[2] * factor, h = view[3] * factor;
      if (w < 50 || w > base[2] * 8) { return; }
      view[0] = cx - (cx - view[0]) * factor;
      view[1] = cy - (cy - view[1]) * factor;
      view[2] = w; view[3] = h;
      apply();
    }
    function toSvg(evt) {
      var r = svg.getBoundingClientRect();
      var scale = Math.max(view[2] / r.width, view[3] / r.height);
      return [view[0] + (evt.clientX - r.left) * scale, view[1] + (evt.clientY - r.top) * scale, scale];
    }
    svg.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      var p = toSvg(evt);
      zoom(evt.deltaY > 0 ? 1.15 : 1 / 1.15, p[0], p[1]);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (evt) {
      if (evt.target.closest("a")) { return; }
      drag = { x: evt.clientX, y: evt.clientY, scale: toSvg(evt)[2] };
      svg.setPointerCapture(evt.pointerId);
    });
    svg.addEventListener("pointermove", function (evt) {
      if (!drag) { return; }
      view[0] -= (evt.clientX - drag.x) * drag.scale;
      view[1] -= (evt.clientY - drag.y) * drag.scale;
      drag.x = evt.clientX; drag.y = evt.clientY;
      apply();
    });
    svg.addEventListener("pointerup", function () { drag = null; });
    if (controls && !controls.dataset.bound) {
      controls.dataset.bound = "1";
      controls.addEventListener("click", function (evt) {
        var button = evt.target.closest("button");
        var current = document.querySelector("svg.lineage-svg");
        if (!button || !current || !current.zoomTo) { return; }
        current.zoomTo(button.dataset.zoom);
      });
    }
    svg.zoomTo = function (what) {
      if (what === "reset") { view = base.slice(); apply(); return; }
      zoom(what === "in" ? 1 / 1.3 : 1.3, view[0] + view[2] / 2, view[1] + view[3] / 2);
    };
  }

  document.addEventListener("DOMContentLoaded", function () { setup(document); });
  document.addEventListener("htmx:afterSettle", function () { setup(document); });
})();

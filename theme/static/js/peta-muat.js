/* Loads Leaflet and the map script only when a small map comes near the screen, so a
 * KIM profile costs ~45 KB less for readers who never scroll to its map. Containers:
 * <div class="peta" data-muat-css="…leaflet.css" data-muat-js="…leaflet.js …peta.js">. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".peta[data-muat-js]");
  if (!boxes.length) return;
  var started = false;

  function load() {
    if (started) return;
    started = true;
    var first = boxes[0];
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = first.getAttribute("data-muat-css");
    document.head.appendChild(css);
    var scripts = first.getAttribute("data-muat-js").split(" ");
    (function next(i) {
      if (i >= scripts.length) return;
      var s = document.createElement("script");
      s.src = scripts[i];
      s.onload = function () { next(i + 1); };
      document.body.appendChild(s);
    })(0);
  }

  if (!("IntersectionObserver" in window)) return load();
  var seen = new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); load(); }
  }, { rootMargin: "400px" });
  // Hidden elements never intersect: watch the section that holds the map.
  boxes.forEach(function (b) { seen.observe(b.parentElement); });
})();

/* Kabar KIM map: progressive enhancement of the plain lists on /peta/ and KIM profiles.
 * Each map container: <div class="peta" data-peta="<id of a JSON script>" hidden></div>
 * where the script holds a GeoJSON FeatureCollection ([lon, lat] positions) with
 * properties {kind: kim|produk|program, title, url, wifi, ...}. Without JS (or if
 * Leaflet fails) the container stays hidden and the list below it is the map. */
(function () {
  "use strict";
  if (!window.L || !document.querySelectorAll) return;
  var COLORS = { kim: "#1d4ed8", wifi: "#047857", produk: "#c2410c", program: "#7e22ce" };
  var LABELS = { kim: "KIM", produk: "Produk", program: "Program" };

  function popup(p) {
    var box = document.createElement("div");
    var kind = document.createElement("small");
    kind.textContent = LABELS[p.kind] || p.kind;
    box.appendChild(kind);
    box.appendChild(document.createElement("br"));
    var a = document.createElement("a");
    a.href = p.url;
    a.textContent = p.title;
    box.appendChild(a);
    var extra = [];
    if (p.wifi) extra.push("Wifi publik" + (p.wifi_location ? ": " + p.wifi_location : ""));
    if (p.price) extra.push(p.price);
    if (p.place) extra.push(p.place);
    if (p.when) extra.push(p.when);
    extra.forEach(function (t) {
      var line = document.createElement("div");
      line.textContent = t;
      box.appendChild(line);
    });
    return box;
  }

  function draw(el) {
    var src = document.getElementById(el.getAttribute("data-peta"));
    if (!src) return;
    var data;
    try { data = JSON.parse(src.textContent); } catch (e) { return; }
    if (!data.features || !data.features.length) return;
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false });
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    }).addTo(map);
    var layer = L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        var p = f.properties || {};
        var color = p.kind === "kim" && p.wifi ? COLORS.wifi : (COLORS[p.kind] || "#334155");
        return L.circleMarker(latlng, {
          radius: p.kind === "kim" ? 9 : 7, color: "#fff", weight: 2,
          fillColor: color, fillOpacity: 0.95
        });
      },
      onEachFeature: function (f, l) { l.bindPopup(popup(f.properties || {})); }
    }).addTo(map);
    var zoom = parseInt(el.getAttribute("data-zoom") || "15", 10);
    if (data.features.length === 1) {
      var c = data.features[0].geometry.coordinates;
      map.setView([c[1], c[0]], zoom);
    } else {
      map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: zoom });
    }
  }

  var maps = document.querySelectorAll("[data-peta]");
  for (var i = 0; i < maps.length; i++) draw(maps[i]);
})();

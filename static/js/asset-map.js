/* The community asset map: an enhancement over the list on the same page.
 *
 * Reads the GeoJSON of the list's filters (data-geojson), draws each asset
 * as a marker, grouped in clusters where they crowd, on the tile server set
 * by the site (data-tiles) or, with none, on the outline of Italy's regions.
 * Markers and clusters take the keyboard focus in turn (Tab); Enter opens a
 * marker's popup and moves the focus to its link, or zooms into a cluster.
 * Without JavaScript the section stays hidden and the list does the work.
 */
(function () {
  "use strict";

  // The bounds the vendored outline of Italy covers (its SVG is drawn in the
  // same Web Mercator projection as the map).
  var ITALY = [[35.49, 6.63], [47.09, 18.52]];

  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.textContent = value;
    if (className) { element.className = className; }
    return element;
  }

  function popupContent(properties) {
    var box = document.createElement("div");
    box.className = "asset-map__popup";
    var heading = text("p", "", "asset-map__popup-title");
    if (properties.url) {
      var link = text("a", properties.type_label + ": " + properties.place);
      link.href = properties.url;
      heading.appendChild(link);
    } else {
      heading.textContent = properties.type_label + ": " + properties.place;
    }
    box.appendChild(heading);
    box.appendChild(text("p", properties.organisation));
    box.appendChild(text("p", properties.address ? properties.address + ", " + properties.town : properties.town));
    box.appendChild(text("p", properties.description));
    return box;
  }

  function start(section) {
    if (!window.L || !window.L.markerClusterGroup) { return; }
    var L = window.L;
    section.hidden = false;
    var canvas = section.querySelector(".asset-map__canvas");
    var status = section.querySelector(".asset-map__status");
    // Clustering needs a maximum zoom even when no tile layer sets one.
    var map = L.map(canvas, {
      keyboard: true,
      scrollWheelZoom: false,
      minZoom: 4,
      maxZoom: 18,
      maxBounds: [[30, 0], [52, 25]]
    });
    map.fitBounds(ITALY);
    if (section.dataset.tiles) {
      L.tileLayer(section.dataset.tiles, {
        maxZoom: 19,
        attribution: section.dataset.attribution
      }).addTo(map);
    } else {
      L.imageOverlay(section.dataset.outline, ITALY, { alt: "", interactive: false }).addTo(map);
    }
    var clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: function (cluster) {
        var count = cluster.getChildCount();
        var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
        return L.divIcon({
          html: "<div><span>" + count + "</span></div>",
          className: "marker-cluster marker-cluster-" + size,
          iconSize: L.point(40, 40)
        });
      }
    });
    // A cluster's icon is a focusable marker: name it for screen readers.
    clusters.on("animationend spiderfied", labelClusters);
    map.on("zoomend moveend", labelClusters);
    function labelClusters() {
      canvas.querySelectorAll(".marker-cluster").forEach(function (icon) {
        icon.setAttribute("role", "button");
        icon.setAttribute("aria-label", section.dataset.clusterLabel + " (" + icon.textContent.trim() + ")");
      });
    }
    map.on("popupopen", function (event) {
      var link = event.popup.getElement().querySelector(".asset-map__popup a");
      if (link) { link.focus(); }
    });
    fetch(section.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            var title = feature.properties.type_label + ": " + feature.properties.place;
            return L.marker(latlng, { title: title, alt: title, keyboard: true });
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popupContent(feature.properties));
          }
        });
        clusters.addLayer(layer);
        map.addLayer(clusters);
        if (data.features.length) { map.fitBounds(clusters.getBounds(), { maxZoom: 14, padding: [20, 20] }); }
        labelClusters();
        if (data.truncated) { status.textContent = section.dataset.truncated; }
      })
      .catch(function (error) {
        // The list is still there: hide a map that could not be drawn.
        section.hidden = true;
        if (window.console) { window.console.error(error); }
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".asset-map").forEach(start);
  });
})();

/* Choosing a place's position by clicking a map, over the plain latitude
 * and longitude fields of the place form (which work without JavaScript).
 * A click or a drag of the marker writes both fields; typing in them moves
 * the marker. */
(function () {
  "use strict";

  var ITALY = [[35.49, 6.63], [47.09, 18.52]];

  function start(picker) {
    if (!window.L) { return; }
    var L = window.L;
    var form = picker.closest("form");
    var latitude = form.querySelector("[name=latitude]");
    var longitude = form.querySelector("[name=longitude]");
    picker.hidden = false;
    var map = L.map(picker.querySelector(".place-picker__canvas"), { keyboard: true, minZoom: 4, maxZoom: 19 });
    if (picker.dataset.tiles) {
      L.tileLayer(picker.dataset.tiles, { maxZoom: 19, attribution: picker.dataset.attribution }).addTo(map);
    } else {
      L.imageOverlay(picker.dataset.outline, ITALY, { alt: "", interactive: false }).addTo(map);
    }
    var marker = null;
    function current() {
      var lat = parseFloat(latitude.value);
      var lng = parseFloat(longitude.value);
      return isNaN(lat) || isNaN(lng) ? null : L.latLng(lat, lng);
    }
    function place(latlng, write) {
      if (!marker) {
        marker = L.marker(latlng, { draggable: true, keyboard: true, title: picker.dataset.markerLabel, alt: picker.dataset.markerLabel }).addTo(map);
        marker.on("dragend", function () { place(marker.getLatLng(), true); });
      }
      marker.setLatLng(latlng);
      if (write) {
        latitude.value = latlng.lat.toFixed(6);
        longitude.value = latlng.lng.toFixed(6);
      }
    }
    var initial = current();
    if (initial) {
      place(initial, false);
      map.setView(initial, 15);
    } else {
      map.fitBounds(ITALY);
    }
    map.on("click", function (event) { place(event.latlng, true); });
    [latitude, longitude].forEach(function (field) {
      field.addEventListener("change", function () {
        var latlng = current();
        if (latlng) { place(latlng, false); map.panTo(latlng); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".place-picker").forEach(start);
  });
})();

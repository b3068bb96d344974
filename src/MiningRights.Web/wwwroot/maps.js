// Draws each element with data-geometry (a GeoJSON geometry in CGCS2000 longitude/latitude) as a Leaflet map. No tile
// server is asked for anything: the service runs on a government intranet, so the polygon is drawn on a plain ground.
document.querySelectorAll('[data-geometry]').forEach(function (element) {
    var map = L.map(element, { attributionControl: false, scrollWheelZoom: false });
    var shape = L.geoJSON(JSON.parse(element.getAttribute('data-geometry')), {
        style: { color: '#1d4ed8', weight: 2, fillOpacity: 0.25 }
    }).addTo(map);
    map.fitBounds(shape.getBounds(), { padding: [24, 24] });
    element.setAttribute('data-drawn', 'true');
});

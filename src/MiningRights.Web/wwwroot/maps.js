// Draws each element with data-geometry (a GeoJSON geometry or feature collection in CGCS2000 longitude/latitude), or
// with data-geometry-src (the address of one, for a map too heavy to carry in its page), as a Leaflet map. No tile
// server is asked for anything: the service runs on a government intranet, so the base layer is the province's
// schematic outline shipped with the service (/maps/provinces.json), named by data-province.
// A feature whose properties say "overlap" is drawn in red, a right's (kind "right") dashed green; one with a "label"
// gets it as its tooltip; a point whose properties say "corner" is a small dot with its label (the corner's number)
// always shown. Labels are names officers and holders typed: a tooltip given a string inserts it as HTML, so
// every label goes in as a text node and is shown, never run.
(function () {
    function asText(label) {
        var span = document.createElement('span');
        span.textContent = String(label);
        return span;
    }

    var outlines = fetch('/maps/provinces.json').then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; });
    document.querySelectorAll('[data-geometry]').forEach(function (element) {
        draw(element, JSON.parse(element.getAttribute('data-geometry')));
    });
    document.querySelectorAll('[data-geometry-src]').forEach(function (element) {
        fetch(element.getAttribute('data-geometry-src'), { credentials: 'same-origin' })
            .then(function (r) { return r.json(); })
            .then(function (geometry) { draw(element, geometry); });
    });

    function draw(element, geometry) {
        var map = L.map(element, { attributionControl: false, scrollWheelZoom: false });
        var shape = L.geoJSON(geometry, {
            style: function (feature) {
                var properties = (feature && feature.properties) || {};
                if (properties.overlap) { return { color: '#b00020', weight: 2, fillOpacity: 0.5 }; }
                if (properties.kind === 'right') { return { color: '#15803d', weight: 2, dashArray: '6 4', fillOpacity: 0.15 }; }
                return { color: '#1d4ed8', weight: 2, fillOpacity: 0.25 };
            },
            pointToLayer: function (feature, latlng) {
                return L.circleMarker(latlng, { radius: 4, color: '#1d4ed8', weight: 2, fillOpacity: 1, interactive: false });
            },
            onEachFeature: function (feature, layer) {
                var properties = feature.properties || {};
                if (properties.label && properties.corner) {
                    layer.bindTooltip(asText(properties.label), { permanent: true, direction: 'right', className: 'corner-label' });
                } else if (properties.label) {
                    layer.bindTooltip(asText(properties.label));
                }
            }
        }).addTo(map);
        map.fitBounds(shape.getBounds().pad(element.hasAttribute('data-wide') ? 0.1 : 3), { padding: [24, 24] });
        var province = element.getAttribute('data-province');
        outlines.then(function (all) {
            var outline = all && all.features.filter(function (f) { return f.properties.code === province; });
            if (outline && outline.length > 0) {
                L.geoJSON(outline, { interactive: false, style: { color: '#64748b', weight: 1, fill: true, fillColor: '#f8fafc', fillOpacity: 1 } }).addTo(map).bringToBack();
                element.setAttribute('data-outline', province);
            }
            element.setAttribute('data-drawn', 'true');
        });
    }
})();

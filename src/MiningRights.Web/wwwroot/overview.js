// Draws each figure of the officers' overview from the JSON in its container's data-chart attribute (the same numbers
// as the table beside it). SVG, so that the charts print sharp; names are set as text and the tooltip is rich text,
// never HTML. A click on a category that has a link (a place) narrows the overview to it.
(function () {
    'use strict';
    var palette = ['#2060a0', '#e07020', '#40a060', '#c03040', '#8060b0', '#808080'];

    function option(data) {
        if (data.type === 'pie') {
            return {
                color: palette,
                tooltip: { trigger: 'item', renderMode: 'richText' },
                legend: { bottom: 0 },
                series: [{
                    type: 'pie', radius: ['35%', '65%'], name: data.series[0].name,
                    label: { formatter: '{b}: {c}' },
                    data: data.categories.map(function (name, i) { return { name: name, value: data.series[0].data[i] }; })
                }]
            };
        }
        var categoryAxis = { type: 'category', data: data.categories, axisLabel: { interval: 0, hideOverlap: true } };
        var valueAxis = { type: 'value', minInterval: 1 };
        return {
            color: palette,
            tooltip: { trigger: 'axis', renderMode: 'richText' },
            legend: { show: data.series.length > 1, bottom: 0 },
            grid: { left: 8, right: 16, top: 16, bottom: data.series.length > 1 ? 40 : 8, containLabel: true },
            xAxis: data.horizontal ? valueAxis : categoryAxis,
            yAxis: data.horizontal ? { type: 'category', data: data.categories, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } } : valueAxis,
            series: data.series.map(function (s) {
                return { type: data.type, name: s.name, data: s.data, stack: data.stacked ? 'all' : undefined, label: { show: !data.stacked && data.type === 'bar', position: data.horizontal ? 'right' : 'top' } };
            })
        };
    }

    document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        var chart = echarts.init(element, null, { renderer: 'svg' });
        chart.setOption(option(data));
        if (data.links) {
            chart.on('click', function (event) {
                var link = data.links[event.dataIndex];
                if (link) {
                    window.location.assign(link);
                }
            });
        }
        window.addEventListener('resize', function () { chart.resize(); });
        element.setAttribute('data-drawn', 'true');
    });
})();

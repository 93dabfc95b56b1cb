// Charts of the dashboard (数据看板). Each element with data-chart carries a plain description made by
// the server (labels, series, orientation); the table next to it holds the same numbers, so the
// page says everything without this script. No inline script: the page's CSP forbids it.
(function () {
  'use strict';

  var PALETTE = ['#b3121c', '#d9a441', '#2f6690', '#5b8e7d', '#8d6a9f', '#7a8795'];
  var ROW_HEIGHT = 30;

  function option(spec) {
    var horizontal = spec.horizontal;
    var categoryAxis = {
      type: 'category',
      data: spec.labels,
      inverse: horizontal,
      axisTick: { show: false },
      // Bars: every label shown, long ones cut (horizontal) or wrapped (vertical); days: as many as fit.
      axisLabel: spec.kind === 'line'
        ? { color: '#1f2933', hideOverlap: true }
        : { color: '#1f2933', interval: 0, width: horizontal ? 110 : 72, overflow: horizontal ? 'truncate' : 'break' }
    };
    var valueAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e3e6ea' } } };
    var twoAxes = !horizontal && spec.series.some(function (s) { return s.axis === 1; });
    if (twoAxes) {
      // Counts on the left, days (or another unit) on the right, each scaled to its own numbers.
      valueAxis = [valueAxis, { type: 'value', splitLine: { show: false }, axisLabel: { color: '#5f6b7a' } }];
    }
    return {
      color: PALETTE,
      animation: false,
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: spec.kind === 'line' ? 'line' : 'shadow' }, confine: true },
      legend: { show: spec.series.length > 1, top: 0, left: 0, type: 'scroll', itemWidth: 12, itemHeight: 10 },
      grid: { left: 8, right: 16, top: spec.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: spec.series.map(function (s) {
        return {
          name: s.name,
          type: spec.kind,
          stack: s.stack,
          data: s.data,
          yAxisIndex: twoAxes ? (s.axis || 0) : undefined,
          barMaxWidth: 22,
          smooth: spec.kind === 'line',
          symbolSize: 5,
          areaStyle: spec.kind === 'line' ? { opacity: 0.12 } : undefined,
          emphasis: { focus: 'series' }
        };
      })
    };
  }

  function draw(element) {
    var spec = JSON.parse(element.getAttribute('data-chart'));
    if (!spec.labels.length) {
      element.hidden = true;
      return null;
    }
    if (spec.horizontal) {
      // One band per row: a long list of units gets a taller chart instead of unreadable bars.
      var rows = spec.labels.length;
      element.style.height = Math.max(220, rows * ROW_HEIGHT + 60) + 'px';
    }
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option(spec));
    element.classList.add('dashboard-chart-ready');
    return chart;
  }

  function start() {
    if (!window.echarts) {
      return;
    }
    var charts = [];
    document.querySelectorAll('.dashboard-chart[data-chart]').forEach(function (element) {
      var chart = draw(element);
      if (chart) {
        charts.push(chart);
      }
    });
    var pending = null;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        charts.forEach(function (chart) { chart.resize(); });
      }, 150);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

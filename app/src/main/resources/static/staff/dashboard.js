'use strict';

// The staff dashboard: reads the staff API with the key signed in (kept in this browser until
// sign-out) and draws each figure as an SVG chart followed by the same numbers as a table.

const JOURNEYS = ['post-purchase', 'customer-retention', 'abandoned-checkout', 'welcome-series', 'browse-abandonment'];
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const SVG = 'http://www.w3.org/2000/svg';

const { byId, element, api } = Staff;
const percent = (value) => value == null ? '–' : (value * 100).toFixed(1) + ' %';
const number = (value) => value == null ? '–' : String(value);
const day = (instant) => instant.slice(0, 10);

function svgElement(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

/** The numbers of a chart, for screen readers and for anyone who prefers to read them. */
function table(id, caption, headers, rows) {
  return element('details', {}, element('summary', {}, 'Table: ' + caption),
    element('table', { id },
      element('caption', {}, caption),
      element('thead', {}, element('tr', {}, headers.map((header) => element('th', { scope: 'col' }, header)))),
      element('tbody', {}, rows.map((row) => element('tr', {}, row.map((cell, i) =>
        element(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, cell)))))));
}

function legend(names) {
  return element('div', { class: 'legend', 'aria-hidden': 'true' },
    names.map((name, i) => element('span', { style: '--c:' + COLOURS[i % COLOURS.length] }, name)));
}

/** Lines over the parts of the period; a part without a value leaves a gap. */
function lineChart(title, labels, series) {
  const width = 440, height = 170, left = 40, right = 8, top = 8, bottom = 22;
  const values = series.flatMap((line) => line.values).filter((value) => value != null);
  const max = Math.max(1, ...values), min = Math.min(0, ...values);
  const x = (i) => left + (labels.length < 2 ? 0 : i * (width - left - right) / (labels.length - 1));
  const y = (value) => top + (max - value) * (height - top - bottom) / (max - min || 1);
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  svg.append(svgElement('line', { x1: left, x2: width - right, y1: y(min), y2: y(min), stroke: '#aab2bd' }));
  [[max, y(max) + 4], [min, y(min)]].forEach(([value, at]) => {
    const label = svgElement('text', { x: left - 4, y: at, 'text-anchor': 'end' });
    label.textContent = Number.isInteger(value) ? value : value.toFixed(2);
    svg.append(label);
  });
  [[0, 'start'], [labels.length - 1, 'end']].forEach(([i, anchor]) => {
    const label = svgElement('text', { x: x(i), y: height - 6, 'text-anchor': anchor });
    label.textContent = labels[i] || '';
    svg.append(label);
  });
  series.forEach((line, n) => {
    const colour = COLOURS[n % COLOURS.length];
    let path = '';
    line.values.forEach((value, i) => {
      if (value != null) {
        path += (path && line.values[i - 1] != null ? ' L' : ' M') + x(i).toFixed(1) + ' ' + y(value).toFixed(1);
        svg.append(svgElement('circle', { cx: x(i), cy: y(value), r: 2.5, fill: colour }));
      }
    });
    if (path) {
      svg.append(svgElement('path', { d: path.trim(), fill: 'none', stroke: colour, 'stroke-width': 2 }));
    }
  });
  return [legend(series.map((line) => line.name)), svg];
}

/** One horizontal bar per item. */
function barChart(title, items) {
  const width = 440, row = 22, left = 180;
  const max = Math.max(1, ...items.map((item) => item.value));
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${Math.max(row, items.length * row)}`, role: 'img', 'aria-label': title });
  items.forEach((item, i) => {
    const label = svgElement('text', { x: left - 6, y: i * row + 15, 'text-anchor': 'end' });
    label.textContent = item.label;
    const bar = svgElement('rect', { x: left, y: i * row + 4, height: row - 8,
      width: Math.max(1, item.value * (width - left - 40) / max), fill: COLOURS[i % COLOURS.length] });
    const value = svgElement('text', { x: left + 4 + item.value * (width - left - 40) / max, y: i * row + 15 });
    value.textContent = item.value;
    svg.append(label, bar, value);
  });
  return [svg];
}

function section(title, ...content) {
  return element('section', { 'aria-label': title }, element('h2', {}, title), ...content);
}

function overTime(id, title, series, pick, names, format = number) {
  const labels = series.map((part) => day(part.to));
  const lines = names.map((name) => ({ name, values: series.map((part) => pick(part, name)) }));
  return section(title, ...lineChart(title, labels, lines),
    table(id, title + ' (at the end of each part)', ['Part ending', ...names],
      series.map((part, i) => [labels[i], ...lines.map((line) => format(line.values[i]))])));
}

function funnel(journey, steps) {
  const title = 'Funnel: ' + journey;
  return section(title, ...barChart(title + ', customers who reached each step',
      steps.map((step) => ({ label: step.step, value: step.reached }))),
    table('funnel-' + journey, title, ['Step', 'Reached', 'Sent', 'Held (quiet hours)', 'Skipped', 'Bought after'],
      steps.map((step) => [step.step, step.reached, step.sent, step.deferred,
        Object.entries(step.skipped).map(([reason, customers]) => reason + ': ' + customers).join(', ') || '0',
        step.conversions])));
}

function uplift(journey, steps) {
  const title = 'Uplift: ' + journey;
  const content = steps.length === 0 ? [element('p', {}, 'No marketing step sent or held out anyone in the period.')]
    : [...barChart(title + ', conversion rate with the message and without',
        steps.flatMap((step) => [{ label: step.step + ' sent', value: Math.round((step.treatmentRate || 0) * 1000) / 10 },
          { label: step.step + ' held out', value: Math.round((step.holdoutRate || 0) * 1000) / 10 }])),
      table('uplift-' + journey, title, ['Step', 'Sent', 'Held out', 'Rate sent', 'Rate held out', 'Uplift (95 % interval)',
        'Coupon cost per extra order'], steps.map((step) => [step.step, step.treatment, step.holdout,
        percent(step.treatmentRate), percent(step.holdoutRate),
        step.uplift == null ? '–' : `${percent(step.uplift)} (${percent(step.upliftLow)} to ${percent(step.upliftHigh)})`,
        number(step.couponCostPerExtraOrder)]))];
  return section(title, ...content);
}

const VERDICTS = {
  COLLECTING: (test) => `collecting: no call before ${test.horizon} customers per variant`,
  WINNER: (test) => 'winner: ' + test.winner,
  CONTROL_HOLDS: () => 'the control holds'
};

function experiments(byJourney) {
  const title = 'Experiments (A/B/n tests of messages)';
  const rows = byJourney.flatMap(([journey, tests]) => tests.flatMap((test) => test.variants.map((variant) => [
    journey, `${test.step} since ${day(test.since)}`, variant.variant + (variant.control ? ' (control)' : ''),
    variant.template, variant.customers, variant.conversions, percent(variant.rate), variant.awaitingOutcome,
    variant.difference == null ? '–'
      : `${percent(variant.difference)} (${percent(variant.low)} to ${percent(variant.high)}, ${percent(test.confidence)})`,
    VERDICTS[test.status](test)])));
  return section(title, ...(rows.length === 0 ? [element('p', {}, 'No message step sent a variant in the period.')]
    : [table('experiments', title, ['Journey', 'Step', 'Variant', 'Template', 'Sent (window over)', 'Bought after',
        'Rate', 'Sent (window still open)', 'Difference to the control (interval)', 'Verdict'], rows)]));
}

function returnsSection(returns) {
  const reasons = Object.entries(returns.unitsByReason);
  return section('Returns',
    figure('return-rate', percent(returns.returnRate), 'of the orders delivered were returned'),
    figure('returns-refunded', number(returns.refunded), 'refunded for ' + returns.refunds + ' returns'),
    figure('time-to-refund', number(returns.medianHoursToRefund), 'median hours from request to refund'),
    ...(reasons.length === 0 ? [element('p', {}, 'No returns asked for in the period.')]
      : barChart('Units asked back, by reason', reasons.map(([reason, units]) => ({ label: reason, value: units })))),
    table('return-reasons', 'Units asked back, by reason', ['Reason', 'Units'], reasons));
}

function figure(id, value, note) {
  return element('p', { class: 'figure' }, element('span', { id }, value), ' ', element('small', {}, note));
}

// Loads overlap when a period is chosen while another loads: only the latest choice may be shown,
// whichever answers last (the page once showed the opening period's figures under the chosen one's).
let latestLoad = 0;

async function load() {
  const thisLoad = ++latestLoad;
  const from = byId('from').value, to = byId('to').value;
  const period = `from=${from}&to=${to}`;
  byId('status').textContent = 'Loading…';
  try {
    const [report, series, returns, ...journeys] = await Promise.all([
      api('/api/metrics/lifecycle?' + period),
      api('/api/metrics/lifecycle/series?parts=12&' + period),
      api('/api/metrics/returns?' + period),
      ...JOURNEYS.flatMap((journey) => [api(`/api/journeys/${journey}/funnel?${period}`), api(`/api/journeys/${journey}/uplift?${period}`),
        api(`/api/journeys/${journey}/experiments?${period}`)])]);
    if (thisLoad !== latestLoad) {
      return;
    }
    const stages = Object.keys(report.customersByStage);
    const winBackUplift = journeys[3 * JOURNEYS.indexOf('customer-retention') + 1].find((step) => step.step === 'WIN_BACK');
    byId('figures').replaceChildren(
      overTime('stages', 'Customers per lifecycle stage', series, (part, stage) => part.customersByStage[stage], stages),
      overTime('transitions', 'Stage transitions', series, (part, stage) => part.stageTransitions[stage], stages),
      overTime('nps', 'NPS', series, (part) => part.surveys.nps, ['NPS']),
      overTime('response-rate', 'Survey response rate', series, (part) => part.surveys.responseRate, ['Response rate'], percent),
      overTime('repeat-rate', 'Repeat-purchase rate', series, (part) => part.repeatPurchaseRate, ['Repeat-purchase rate'], percent),
      overTime('delivery-time', 'Median order-to-delivery time (hours)', series, (part) => part.medianOrderToDeliveryHours, ['Hours']),
      section('Orders by status (now)', ...barChart('Orders by status',
          Object.entries(report.ordersByStatus).map(([status, count]) => ({ label: status, value: count }))),
        table('orders', 'Orders by status', ['Status', 'Orders'], Object.entries(report.ordersByStatus))),
      section('Win-back',
        figure('win-back-sent', report.winBack.sent, 'coupons issued'),
        figure('win-back-rate', percent(report.winBack.conversionRate), 'redeemed'),
        figure('win-back-cost', number(winBackUplift && winBackUplift.couponCostPerExtraOrder), 'coupon cost per extra order')),
      returnsSection(returns),
      ...JOURNEYS.flatMap((journey, i) => [funnel(journey, journeys[3 * i]), uplift(journey, journeys[3 * i + 1])]),
      experiments(JOURNEYS.map((journey, i) => [journey, journeys[3 * i + 2]])));
    byId('status').textContent = `Showing ${from} to ${to}`;
  } catch (error) {
    if (thisLoad === latestLoad) {
      byId('status').textContent = 'Could not load the figures: ' + error.message;
    }
  }
}

Staff.start({
  content: 'dashboard',
  init: () => {
    // The API's period ends before its "to" day: tomorrow includes today.
    const tomorrow = new Date(Date.now() + 86400000);
    byId('to').value = tomorrow.toISOString().slice(0, 10);
    byId('from').value = new Date(tomorrow.getTime() - 90 * 86400000).toISOString().slice(0, 10);
    byId('period').addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
  },
  onSignIn: load,
  onSignOut: () => byId('figures').replaceChildren(),
});

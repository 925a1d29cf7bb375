'use strict';

// The staff inbox: what waits for a person, most urgent first; each item opens with what its
// decision needs and the decision itself. Any order can be found and opened the same way.
// Addresses: #item/<kind>/<subject id> and #order/<order id>, so a link can be shared.

const { byId, element, api, ApiError } = Staff;

const KINDS = {
  ORDER_REVIEW: 'Order review',
  RETURN_REVIEW: 'Return review',
  RETURN_INSPECTION: 'Parcel to inspect',
  CARE_CASE: 'Care case',
  REFUND_OWED: 'Refund owed',
};

let items = [];

const time = (iso) => iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '–';
const money = (amount, currency) => amount == null ? '' : Number(amount).toFixed(2) + ' ' + (currency || '');

function since(iso) {
  const hours = (Date.now() - Date.parse(iso)) / 3600000;
  return hours < 1 ? Math.max(0, Math.round(hours * 60)) + ' min' : hours < 48 ? Math.round(hours) + ' h' : Math.round(hours / 24) + ' days';
}

function say(text, problem = false) {
  byId('status').replaceChildren(element('span', { class: problem ? 'message problem' : 'message' }, text));
}

/** A refused decision says why; one a colleague made first says who and when. */
function refusal(error) {
  if (error instanceof ApiError && error.problem.decidedBy) {
    return `Already decided by ${error.problem.decidedBy} at ${time(error.problem.decidedAt)}: ${error.problem.outcome}`;
  }
  if (error instanceof ApiError && error.problem.errors) {
    return error.message + ' (' + error.problem.errors.map((e) => e.field + ' ' + e.message).join('; ') + ')';
  }
  return error.message;
}

function table(id, headers, rows) {
  return element('table', { id },
    element('thead', {}, element('tr', {}, headers.map((header) => element('th', { scope: 'col' }, header)))),
    element('tbody', {}, rows.map((row) => element('tr', {}, row.map((cell) => element('td', {}, cell))))));
}

function section(title, ...children) {
  return element('section', {}, element('h2', {}, title), ...children);
}

async function loadItems() {
  const kind = byId('kind').value;
  items = await api('/api/inbox' + (kind ? '?kind=' + kind : ''));
  const now = Date.now();
  byId('items').tBodies[0].replaceChildren(...items.map((item) => element('tr', { 'data-item': item.kind + '/' + item.subjectId },
    element('td', {}, KINDS[item.kind]),
    element('td', {}, 'Order ', element('a', { href: '#order/' + item.orderId }, item.orderId),
      item.subjectId !== item.orderId ? ' · ' + item.subjectId : '',
      item.amount != null ? ' · ' + money(item.amount, item.currency) : ''),
    element('td', {}, item.waitingSince ? since(item.waitingSince) : '–'),
    element('td', item.deadline && Date.parse(item.deadline) - now < 86400000 ? { class: 'due' } : {},
      item.deadline ? time(item.deadline) : 'none'),
    element('td', {}, item.claimedBy ? item.claimedBy + ' until ' + time(item.claimLapsesAt).slice(11) : ''),
    element('td', { class: 'open' }, element('a', { href: '#item/' + item.kind + '/' + item.subjectId }, 'Open')))));
  byId('waiting').querySelector('h2').textContent = `Waiting for you (${items.length})`;
}

async function refresh() {
  try {
    await loadItems();
    await route();
  } catch (error) {
    say('Could not load the inbox: ' + error.message, true);
  }
}

async function route() {
  const [view, ...ids] = location.hash.slice(1).split('/');
  if (view === 'item') {
    await showItem(ids[0], ids[1]);
  } else if (view === 'order') {
    await showOrder(ids[0]);
  } else {
    byId('detail').replaceChildren();
  }
}

async function showItem(kind, subjectId) {
  const matches = (candidate) => candidate.kind === kind && candidate.subjectId === subjectId;
  // The list may show another kind only (Show), or a link was shared: ask for the item's own kind.
  const item = items.find(matches) || (KINDS[kind] ? (await api('/api/inbox?kind=' + kind)).find(matches) : undefined);
  if (!item) {
    byId('detail').replaceChildren(section(KINDS[kind] || 'Item', element('p', {}, 'Nothing waits here any more.')));
    return;
  }
  const sections = [itemSection(item)];
  if (kind === 'RETURN_REVIEW' || kind === 'RETURN_INSPECTION') {
    sections.push(returnSection(await api('/api/returns/' + subjectId)));
  }
  sections.push(...await orderSections(item.orderId));
  byId('detail').replaceChildren(...sections);
}

async function showOrder(orderId) {
  byId('detail').replaceChildren(...await orderSections(orderId));
}

function itemSection(item) {
  const claim = element('p', {}, item.claimedBy ? `${item.claimedBy} is on it until ${time(item.claimLapsesAt)}.` : 'Nobody has claimed it.');
  const claimButton = element('button', { type: 'button', id: 'claim' }, 'Claim');
  claimButton.addEventListener('click', () => act(() => api(`/api/inbox/${item.kind}/${item.subjectId}/claim`, { method: 'POST' }),
    (claimed) => `You are on it until ${time(claimed.lapsesAt)}.`));
  return section(KINDS[item.kind] + ' · ' + item.subjectId,
    element('p', {}, `Waiting since ${time(item.waitingSince)}; ` +
      (item.deadline ? `the process decides on its own at ${time(item.deadline)}.` : 'no deadline.')),
    item.detail ? element('p', { id: 'item-detail' }, item.detail) : null,
    claim, claimButton,
    decisionForm(item));
}

function field(label, input) {
  return [element('label', { for: input.id }, label), input];
}

function button(text, onClick) {
  const node = element('button', { type: 'button' }, text);
  node.addEventListener('click', onClick);
  return node;
}

/** The decision the item waits for, made here; the list reloads after it either way. */
function decisionForm(item) {
  const note = element('input', { id: 'note', name: 'note', size: 40 });
  const form = element('form', { id: 'decision' });
  const post = (path, body, done) => act(() => api(path, { method: 'POST', body }), () => done, true);
  switch (item.kind) {
    case 'ORDER_REVIEW':
      form.append(...field('Note (optional)', note),
        button('Approve', () => post(`/api/orders/${item.subjectId}/review`, { approved: true, note: note.value }, 'Review approved: the order goes on.')),
        button('Decline', () => post(`/api/orders/${item.subjectId}/review`, { approved: false, note: note.value }, 'Review declined: the order is rejected.')));
      break;
    case 'RETURN_REVIEW':
      form.append(...field('Note (the customer reads it when refused)', note),
        button('Approve', () => post(`/api/returns/${item.subjectId}/review`, { approved: true, note: note.value }, 'Return approved: the label goes out.')),
        button('Refuse', () => post(`/api/returns/${item.subjectId}/review`, { approved: false, note: note.value }, 'Return refused.')));
      break;
    case 'CARE_CASE':
      form.append(...field('What was done', note),
        button('Resolve', () => post(`/api/care-cases/${item.subjectId}/resolution`, { note: note.value }, 'Care case resolved.')));
      break;
    case 'REFUND_OWED': {
      const reference = element('input', { id: 'bank-reference', name: 'bankReference', size: 30 });
      form.append(...field('Bank reference of the transfer', reference),
        button('Settle', () => post(`/api/refunds/${item.subjectId}/settlement`, { bankReference: reference.value }, 'Refund settled.')));
      break;
    }
    case 'RETURN_INSPECTION':
      form.append(element('p', {}, 'Per product, how many you accept and whether they can be sold again:'),
        element('div', { id: 'inspection-lines' }), ...field('Note', note),
        button('Record the inspection', () => post(`/api/returns/${item.subjectId}/inspection`, {
          lines: [...form.querySelectorAll('[data-sku]')].map((line) => ({
            sku: line.dataset.sku,
            accepted: Number(line.querySelector('input[type=number]').value),
            sellable: line.querySelector('input[type=checkbox]').checked,
          })),
          note: note.value,
        }, 'Inspection recorded: the return is settled.')));
      api('/api/returns/' + item.subjectId).then((ret) => form.querySelector('#inspection-lines').replaceChildren(
        ...ret.lines.map((line) => element('p', { 'data-sku': line.sku }, `${line.sku} (${line.quantity} sent back) `,
          element('input', { type: 'number', min: 0, max: line.quantity, value: line.quantity, 'aria-label': line.sku + ' accepted' }),
          element('label', {}, element('input', { type: 'checkbox', checked: '' }), ' sellable')))));
      break;
    default:
      break;
  }
  return form;
}

/**
 * Runs a request; says what happened or why not. A decision made, or one a colleague made first
 * (409), closes the item; a refused input (400) leaves the form as it was, to be corrected.
 */
async function act(request, describe, decision = false) {
  try {
    const answer = await request();
    say(describe(answer));
  } catch (error) {
    say(refusal(error), true);
    if (!decision || !(error instanceof ApiError) || error.status !== 409) {
      return;
    }
  }
  if (decision) {
    location.hash = '';
  }
  await refresh();
}

function returnSection(ret) {
  return section('Return ' + ret.returnId + ' · ' + ret.status,
    table('return-lines', ['Product', 'Sent back', 'Reason', 'Comment', 'Accepted'],
      ret.lines.map((line) => [line.sku, line.quantity, line.reason, line.comment || '', line.accepted ?? '–'])));
}

/** One key per button drawn: a double click sends the message once. */
function sendAgainButton(orderId, message) {
  const key = 'resend-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  return button('Send again', () => act(() => api(`/api/orders/${orderId}/messages/${message.messageId}/resend`,
    { method: 'POST', headers: { 'Idempotency-Key': key } }), () => `"${message.subject}" sent again.`));
}

async function orderSections(orderId) {
  const order = await api('/api/orders/' + encodeURIComponent(orderId));
  const [customer, journey, messages, waiting] = await Promise.all([
    api('/api/customers/' + order.customerId),
    api('/api/customers/' + order.customerId + '/journey'),
    api('/api/customers/' + order.customerId + '/messages'),
    api('/api/inbox?orderId=' + encodeURIComponent(orderId)),
  ]);
  const actions = [];
  if (order.cancellable) {
    actions.push(button('Cancel the order', () => act(
      () => api(`/api/orders/${orderId}/cancellation`, { method: 'POST' }), (answer) => answer.message)));
  }
  waiting.forEach((item) => actions.push(element('a', { href: '#item/' + item.kind + '/' + item.subjectId }, 'Open its ' + KINDS[item.kind].toLowerCase())));
  return [
    section('Order ' + order.orderId,
      element('p', { id: 'order-status' }, `${order.status} · ${money(order.total, order.currency)} · ${order.payment.method}` +
        (order.trackingNumber ? ' · parcel ' + order.trackingNumber : '')),
      element('div', { class: 'actions' }, actions),
      table('order-lines', ['Product', 'Quantity', 'Unit price'], order.lines.map((line) => [line.sku, line.quantity, line.unitPrice])),
      element('h3', {}, 'Money'),
      element('p', {}, 'Payment: ' + order.payment.status),
      table('ledger', ['Refund', 'Kind', 'Amount', 'Status', 'Reason'],
        order.payment.refunds.map((refund) => [refund.refundId, refund.kind, money(refund.amount, order.currency), refund.status, refund.reason || ''])),
      order.returns.length ? element('p', {}, 'Returns: ' + order.returns.map((ret) => ret.returnId + ' ' + ret.status).join(', ')) : null),
    section('Timeline',
      table('timeline', ['When', 'Status', 'What', 'By'],
        order.timeline.map((change) => [time(change.at), change.status, change.note || '', change.decidedBy || '']))),
    section('Customer · ' + customer.stage,
      element('p', {}, `${customer.orders} orders, ${customer.totalSpent} spent` +
        (customer.lastNps != null ? `, last survey score ${customer.lastNps}` : '')),
      element('h3', {}, 'Journey'),
      table('journey', ['When', 'Step', 'Outcome'],
        journey.steps.slice(-10).map((step) => [time(step.at), step.step, step.outcome + (step.reason ? ' (' + step.reason + ')' : '')])),
      element('h3', {}, 'Messages sent about this order'),
      table('messages', ['When', 'Message', ''],
        messages.filter((message) => message.orderId === orderId).map((message) => [time(message.sentAt), message.subject,
          message.category === 'TRANSACTIONAL' ? sendAgainButton(orderId, message) : '']))),
  ];
}

Staff.start({
  content: 'work',
  init: () => {
    byId('filter').addEventListener('submit', (event) => {
      event.preventDefault();
      refresh();
    });
    byId('find').addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const found = await api('/api/orders?search=' + encodeURIComponent(byId('search').value.trim()));
        byId('found').replaceChildren(section(`Found ${found.length}`,
          table('found-orders', ['Order', 'Status', 'Total', 'Placed', 'Matched by'], found.map((order) => [
            element('a', { href: '#order/' + order.orderId }, order.orderId), order.status,
            money(order.total, order.currency), time(order.placedAt), order.matchedBy]))));
      } catch (error) {
        say(refusal(error), true);
      }
    });
    window.addEventListener('hashchange', () => route().catch((error) => say(refusal(error), true)));
  },
  onSignIn: refresh,
  onSignOut: () => {
    byId('items').tBodies[0].replaceChildren();
    byId('detail').replaceChildren();
  },
});

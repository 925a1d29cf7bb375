'use strict';

// What every staff page shares: the sign-in with a staff API key (kept in this browser until
// sign-out), calls to the staff API, and building the page's elements.
const Staff = (() => {
  const KEY = 'nurture.staffKey';
  const byId = (id) => document.getElementById(id);
  let page;

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    children.flat().forEach((child) => {
      if (child != null) {
        node.append(child instanceof Node ? child : String(child));
      }
    });
    return node;
  }

  /** An answer other than 2xx, with the API's problem details. */
  class ApiError extends Error {
    constructor(status, problem, path) {
      super((problem && (problem.detail || problem.title)) || path + ' answered ' + status);
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function api(path, options = {}) {
    const headers = { ...(options.headers || {}), 'X-API-Key': localStorage.getItem(KEY) };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401 || response.status === 403) {
      signOut('That key is not a staff key.');
      throw new Error('not signed in');
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new ApiError(response.status, body, path);
    }
    return body;
  }

  function show(signedIn) {
    byId('sign-in').hidden = signedIn;
    byId(page.content).hidden = !signedIn;
    byId('sign-out').hidden = !signedIn;
  }

  function signOut(message) {
    localStorage.removeItem(KEY);
    page.onSignOut();
    byId('sign-in-error').textContent = message || '';
    show(false);
  }

  /**
   * Wires the page's sign-in and sign-out; {@code content} is the id of what only signed-in staff
   * see, {@code onSignIn} draws it.
   */
  function start(options) {
    page = { onSignOut: () => {}, ...options };
    document.addEventListener('DOMContentLoaded', () => {
      (page.init || (() => {}))();
      byId('sign-in').addEventListener('submit', (event) => {
        event.preventDefault();
        localStorage.setItem(KEY, byId('key').value);
        byId('key').value = '';
        byId('sign-in-error').textContent = '';
        show(true);
        page.onSignIn();
      });
      byId('sign-out').addEventListener('click', () => signOut());
      const signedIn = Boolean(localStorage.getItem(KEY));
      show(signedIn);
      if (signedIn) {
        page.onSignIn();
      }
    });
  }

  return { byId, element, api, ApiError, start };
})();

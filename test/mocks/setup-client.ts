/**
 * Setup for the `client` vitest project (jsdom): the msw server for HTTP, DOM cleanup between
 * tests, a clean localStorage and IndexedDB (fake-indexeddb, for the outbox), and the browser
 * APIs jsdom lacks but Mantine needs.
 */
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { addScreenStrings, loadLanguage } from '../../client/i18n';
import { screenStringsId } from '../../client/i18n/id-complete';
import { handlers, resetMockState } from './handlers';

// Tests read English strings directly (getFixedT('en')); the app fetches them on demand.
await loadLanguage('en');
// Screens add their own strings when their code loads; a test may render a part of one alone.
addScreenStrings(screenStringsId);

export const server = setupServer(...handlers);

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetMockState();
  window.localStorage.clear();
  // A fresh, empty IndexedDB (the outbox) for the next test.
  globalThis.indexedDB = new IDBFactory();
});

afterAll(() => {
  server.close();
});

// Mantine reads these; jsdom does not implement them.
if (typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList,
  });
}

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
}

window.HTMLElement.prototype.scrollIntoView = function scrollIntoView(): void {};
const { getComputedStyle } = window;
window.getComputedStyle = (element: Element) => getComputedStyle(element);

// Mantine's autosize textarea listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: {
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      ready: Promise.resolve(),
    },
  });
}

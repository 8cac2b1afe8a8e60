// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Classify } from '@/utils/portals/detectors';
import { PANEL_GLOBAL, type PanelModule } from './panel-global';
import { runDetector, type ExtensionApi } from './detector';

/** Work pages: /order/<id>, or any page that renders #order (a moved path, told by its content). */
const classify: Classify = (url, doc) => (url.pathname.startsWith('/order/') || doc.querySelector('#order') ? 'order' : 'unknown');

const flush = () => new Promise((r) => setTimeout(r, 20));

function fakeExtension() {
  const started: string[] = [];
  const sendMessage = vi.fn(async (message: unknown) => {
    expect(message).toEqual({ type: 'panel:inject', portal: expect.stringMatching(/^(amazon|zalando)$/) });
    // What the worker's executeScript does: the portal's panel script leaves its entry point in this world.
    const injected = (message as { portal: string }).portal;
    const module: PanelModule = { start: (portal) => started.push(portal === injected ? portal : `${portal}, but ${injected} injected`) };
    (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = module;
  });
  const reads = { count: 0 };
  const api = (): ExtensionApi => {
    reads.count++;
    return { runtime: { id: 'ext', sendMessage } };
  };
  return { api, sendMessage, started, reads };
}

describe('runDetector', () => {
  const stops: Array<() => void> = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    delete (globalThis as Record<string, unknown>)[PANEL_GLOBAL];
    document.body.replaceChildren();
    history.replaceState(null, '', '/');
  });

  it('on a page that is not a work page, never touches the extension API', async () => {
    history.replaceState(null, '', '/signin');
    const ext = fakeExtension();
    stops.push(runDetector('amazon', classify, { extensionApi: ext.api, recheckAfterMs: [5] }).stop);
    await flush();
    expect(ext.reads.count).toBe(0);
    expect(ext.sendMessage).not.toHaveBeenCalled();
  });

  it('on a work page, asks the worker for the panel once and hands over', async () => {
    history.replaceState(null, '', '/order/1');
    const ext = fakeExtension();
    stops.push(runDetector('amazon', classify, { extensionApi: ext.api, recheckAfterMs: [5, 10] }).stop);
    await flush();
    expect(ext.sendMessage).toHaveBeenCalledTimes(1);
    expect(ext.started).toEqual(['amazon']);
  });

  it('follows SPA navigation from a non-work page to a work page', async () => {
    history.replaceState(null, '', '/home');
    const ext = fakeExtension();
    stops.push(runDetector('zalando', classify, { extensionApi: ext.api, recheckAfterMs: [] }).stop);
    await flush();
    expect(ext.started).toEqual([]);
    history.pushState(null, '', '/order/2');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await flush();
    expect(ext.started).toEqual(['zalando']);
  });

  it('finds a page that only tells its kind once rendered, on a re-check', async () => {
    history.replaceState(null, '', '/app/details');
    const ext = fakeExtension();
    stops.push(runDetector('zalando', classify, { extensionApi: ext.api, recheckAfterMs: [80] }).stop);
    await flush();
    const order = document.createElement('div');
    order.id = 'order';
    document.body.append(order);
    expect(ext.started).toEqual([]);
    await new Promise((r) => setTimeout(r, 150));
    expect(ext.started).toEqual(['zalando']);
  });

  it('retries on a later check when the worker was not there', async () => {
    history.replaceState(null, '', '/order/3');
    const ext = fakeExtension();
    ext.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    stops.push(runDetector('amazon', classify, { extensionApi: ext.api, recheckAfterMs: [60, 120] }).stop);
    await new Promise((r) => setTimeout(r, 200));
    expect(ext.sendMessage).toHaveBeenCalledTimes(2);
    expect(ext.started).toEqual(['amazon']);
  });
});

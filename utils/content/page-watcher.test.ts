// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortalAdapter } from '@/utils/portals/types';
import type { PageContext } from '@/utils/schemas/page';
import { watchPage, type WatchedPage } from './page-watcher';

/** A toy portal: /order/<id> pages are ready once #order renders; everything else is not a work page. */
const adapter: PortalAdapter = {
  id: 'amazon',
  matchesHost: () => true,
  pages: {
    predicates: [['order', (url) => url.pathname.startsWith('/order/')]],
    examples: { order: ['https://portal.example/order/1'], unknown: ['https://portal.example/'] },
  },
  classify: (url) => (url.pathname.startsWith('/order/') ? 'order' : 'unknown'),
  isContentReady: (_kind, doc) => doc.querySelector('#order') !== null,
  extract: (url, doc): PageContext => {
    const buyer = doc.querySelector('#buyer')?.textContent ?? undefined;
    return {
      portal: 'amazon',
      pageKind: 'order',
      url: url.href,
      orderId: url.pathname.split('/')[2],
      ...(buyer ? { buyer: { name: buyer } } : {}),
      items: [],
      recognition: doc.querySelector('#order') ? { status: 'full', missing: [] } : { status: 'unrecognized', missing: ['#order'] },
    };
  },
  findReplyBox: () => null,
};

const flush = () => new Promise((r) => setTimeout(r, 30));

describe('watchPage', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  function start(opts: { quietMs?: number; readyTimeoutMs?: number } = {}) {
    const pages: (WatchedPage | null)[] = [];
    const w = watchPage({ adapter, onPage: (p) => pages.push(p), settleMs: 10, ...opts });
    stop = w.stop;
    return { pages, check: w.check };
  }

  it('shows loading from the URL at once, then the order when its content renders', async () => {
    history.pushState({}, '', '/order/111-2223334-4445556');
    const { pages } = start();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ loading: true, context: { orderId: '111-2223334-4445556' } });
    document.body.innerHTML = '<div id="order"><span id="buyer">Emily Carter</span></div>';
    await flush();
    expect(pages.at(-1)).toMatchObject({ loading: false, context: { buyer: { name: 'Emily Carter' }, recognition: { status: 'full' } } });
  });

  it('follows History API navigation to another order and away from work pages', async () => {
    document.body.innerHTML = '<div id="order"></div>';
    history.pushState({}, '', '/order/111-0000000-0000001');
    const { pages, check } = start();
    expect(pages.at(-1)).toMatchObject({ loading: false, context: { orderId: '111-0000000-0000001' } });
    history.pushState({}, '', '/order/111-0000000-0000002');
    check();
    expect(pages.at(-1)).toMatchObject({ context: { orderId: '111-0000000-0000002' } });
    history.pushState({}, '', '/inventory');
    check();
    expect(pages.at(-1)).toBeNull();
  });

  it('reads a page whose hooks never render (a redesign) once the DOM is quiet, and stays there', async () => {
    history.pushState({}, '', '/order/206-5556667-7778889');
    document.body.innerHTML = '<main>New design</main>';
    const { pages } = start({ quietMs: 40 });
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 120));
    expect(pages.at(-1)).toMatchObject({ loading: false, context: { recognition: { status: 'unrecognized' } } });
    const count = pages.length;
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 80));
    // More DOM noise does not flip the panel back to loading.
    expect(pages.slice(count).every((p) => p && !p.loading)).toBe(true);
  });

  it('re-reads a shown page when late fields render', async () => {
    history.pushState({}, '', '/order/111-0000000-0000003');
    document.body.innerHTML = '<div id="order"></div>';
    const { pages } = start();
    document.querySelector('#order')!.innerHTML = '<span id="buyer">Late Buyer</span>';
    await flush();
    expect(pages.at(-1)).toMatchObject({ context: { buyer: { name: 'Late Buyer' } } });
  });

  // The agent switches thread or claim without a URL change: with the default timings the panel must
  // show the new item within 300 ms of the page rendering it (a selection change within one frame).
  it('follows a detail pane replaced without a URL change within 300 ms, a selection change within a frame', async () => {
    vi.useFakeTimers();
    history.pushState({}, '', '/order/111-0000000-0000004');
    document.body.innerHTML =
      '<ul><li aria-selected="true">one</li><li aria-selected="false">two</li></ul><div id="order"><span id="buyer">First Buyer</span></div>';
    const pages: (WatchedPage | null)[] = [];
    stop = watchPage({ adapter, onPage: (p) => pages.push(p) }).stop;
    expect(pages.at(-1)).toMatchObject({ context: { buyer: { name: 'First Buyer' } } });
    document.querySelector('#order')!.innerHTML = '<span id="buyer">Second Buyer</span>';
    await vi.advanceTimersByTimeAsync(300);
    expect(pages.at(-1)).toMatchObject({ context: { buyer: { name: 'Second Buyer' } } });
    const items = document.querySelectorAll('li');
    items[0]!.setAttribute('aria-selected', 'false');
    items[1]!.setAttribute('aria-selected', 'true');
    document.querySelector('#order')!.innerHTML = '<span id="buyer">Third Buyer</span>';
    await vi.advanceTimersByTimeAsync(20);
    expect(pages.at(-1)).toMatchObject({ context: { buyer: { name: 'Third Buyer' } } });
  });
});

/**
 * In-page instrumentation, added with `addInitScript` to both browsers (with and without the extension)
 * so both pay the same. It timestamps, with `performance.now()` (ms since navigation start):
 * - `content`: the order's content visible (the portal's order-id node, after its spinner);
 * - `panelHost`: the `caseside-panel` element in the page;
 * - `panelOrderId`: the panel's `[data-testid="order-id"]` showing the expected order id;
 * - `panelData`: backend data in the panel (`fraud-score` or a `history-item`);
 * - `insertClick` / `insertRegistered`: a click inside the panel (capture phase on the shadow host) and
 *   the portal's reply box announcing the new text (`kat-change`, which the box fires from its own
 *   `input` listener).
 * Mutation observers fire as microtasks after each DOM change, so the marks are DOM times, not paints.
 */
export const PROBE_SCRIPT = `(() => {
  if (window.top !== window) return;
  const ORDER_CONTENT = '[data-test-id="order-id-value"]';
  const ORDER_ID_RE = /\\/orders-v3\\/order\\/([^/?#]+)/;
  const b = (window.__csBench = { t: {}, expect: null, insertClicks: [], insertRegistered: [] });
  const mark = (k) => { if (b.t[k] === undefined) b.t[k] = performance.now(); };
  const expected = () => b.expect || (ORDER_ID_RE.exec(location.pathname) || [])[1] || null;
  let observedRoot = null;
  const checkPanel = () => {
    const host = document.querySelector('caseside-panel');
    if (!host) return;
    mark('panelHost');
    if (!host.__csBenchClick) {
      host.__csBenchClick = true;
      host.addEventListener('click', () => b.insertClicks.push(performance.now()), { capture: true });
    }
    const root = host.shadowRoot;
    if (!root) return;
    if (observedRoot !== root) {
      observedRoot = root;
      new MutationObserver(checkPanel).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    const want = expected();
    const id = root.querySelector('[data-testid="order-id"]');
    if (id && want && (id.textContent || '').includes(want)) mark('panelOrderId');
    if (root.querySelector('[data-testid="fraud-score"], [data-testid="history-item"]')) mark('panelData');
  };
  const check = () => {
    const want = expected();
    for (const node of document.querySelectorAll(ORDER_CONTENT)) {
      if (node.offsetParent !== null && (!want || (node.textContent || '').includes(want))) { mark('content'); break; }
    }
    checkPanel();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
  document.addEventListener('kat-change', (e) => {
    if (e.detail && e.detail.value) b.insertRegistered.push(performance.now());
  }, { capture: true });
  b.reset = (orderId) => { b.t = {}; b.expect = orderId || null; };
})();`;

export interface ProbeMarks {
  content?: number;
  panelHost?: number;
  panelOrderId?: number;
  panelData?: number;
}

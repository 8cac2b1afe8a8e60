/**
 * The panel acts for the signed-in agent, so it must act only on the agent's own hands. A script on the
 * portal page shares the DOM: it can call `.click()` on the panel's buttons or dispatch keys, and those
 * events reach the panel like real ones, except that `isTrusted` is false. These guards drop them before
 * React (or any listener of ours) sees them.
 */

/** Events that can make the panel do something. Focus and hover are left alone. */
const ACTION_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'paste',
  'drop',
] as const;

export function isTrustedEvent(event: Event): boolean {
  return event.isTrusted;
}

/**
 * The panel's own download link, clicked by the panel itself right after the defence is built: it only
 * saves a file the agent just asked for, so it is the one untrusted click let through.
 */
function isOwnDownloadClick(event: Event): boolean {
  if (event.type !== 'click') return false;
  const target = event.composedPath()[0];
  return target instanceof HTMLAnchorElement && target.hasAttribute('download') && target.href.startsWith('blob:');
}

/**
 * Drops untrusted action events at the panel's shadow root, in the capture phase, before React's
 * listeners on the container below it. Returns the function that removes the guard.
 */
export function guardTrustedInput(root: EventTarget): () => void {
  const drop = (event: Event) => {
    if (event.isTrusted || isOwnDownloadClick(event)) return;
    event.preventDefault(); // also cancels a synthetic click's default action (a form submit, a link)
    event.stopImmediatePropagation();
  };
  for (const type of ACTION_EVENTS) root.addEventListener(type, drop, true);
  return () => {
    for (const type of ACTION_EVENTS) root.removeEventListener(type, drop, true);
  };
}

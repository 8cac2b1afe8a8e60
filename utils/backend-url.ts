/**
 * Validates the team backend's URL typed on the options page. Tokens travel in headers, so plain http is
 * only accepted for this machine (the demo and local development); any other host needs https.
 */
export function parseBackendUrl(input: string): { ok: true; origin: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: 'Enter the backend address, for example https://caseside.example.com' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The backend address must start with https://' };
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    return { ok: false, message: 'Use https:// for a team backend on another machine; plain http is only allowed for localhost.' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Put the token in the token field, not in the address.' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, origin: `${url.origin}${path}` };
}

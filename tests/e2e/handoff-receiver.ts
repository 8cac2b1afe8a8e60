import { chromium, type Browser, type Locator } from '@playwright/test';
import { chromiumPath } from '../../scripts/lib/chromium';
import { DEMO_AGENT_TOKEN, DEMO_LEAD_TOKEN } from './harness';

/**
 * A warehouse receiver for the demo team, made through the API the way a lead would (a `receiver` agent,
 * member of the Warehouse team), and a plain Chromium without the extension for the page they use.
 */
export async function createWarehouseReceiver(backendUrl: string, name: string): Promise<{ token: string; warehouseId: string }> {
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${backendUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const created = (await call('POST', '/v1/agents', DEMO_LEAD_TOKEN, { name, role: 'receiver' })) as { agent: { id: string }; token: { token: string } };
  const { teams } = (await call('GET', '/v1/handoff-teams', DEMO_AGENT_TOKEN)) as { teams: { id: string; name: string; memberIds: string[] }[] };
  const warehouse = teams.find((t) => t.name === 'Warehouse')!;
  await call('PATCH', `/v1/handoff-teams/${warehouse.id}`, DEMO_LEAD_TOKEN, { memberIds: [...warehouse.memberIds, created.agent.id] });
  return { token: created.token.token, warehouseId: warehouse.id };
}

/** Chromium with no extension at all: what a warehouse PC has. */
export function launchPlainBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * Picks an option the way an agent does, with the keyboard: the panel drops untrusted events (a page
 * script could fire them), and Playwright's selectOption dispatches its change event from script.
 */
export async function chooseWithKeyboard(select: Locator, label: string): Promise<void> {
  await select.focus();
  for (let i = 0; i < 12; i++) {
    if ((await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent?.trim() ?? '')) === label) return;
    await select.press('ArrowDown');
  }
  throw new Error(`no option "${label}" reached with the keyboard`);
}

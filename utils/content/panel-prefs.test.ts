import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { panelCollapsed, setPanelCollapsedPreference } from './panel-prefs';

describe("the panel's collapsed preference", () => {
  beforeEach(() => fakeBrowser.reset());

  it('is open by default, remembers a change, and reads what the declared storage item wrote before', async () => {
    expect(await panelCollapsed()).toBe(false);
    await setPanelCollapsedPreference(true);
    expect(await panelCollapsed()).toBe(true);
    expect(await fakeBrowser.storage.local.get('panelPreferences')).toEqual({ panelPreferences: { collapsed: true } });
    await setPanelCollapsedPreference(false);
    expect(await panelCollapsed()).toBe(false);
    // The shape and key the WXT storage item used (local:panelPreferences), as an existing profile holds it.
    await fakeBrowser.storage.local.set({ panelPreferences: { collapsed: true }, panelPreferences$: { v: 1 } });
    expect(await panelCollapsed()).toBe(true);
  });

  it('reads anything else stored there as open', async () => {
    for (const value of ['yes', 1, null, { collapsed: 'true' }, []]) {
      await fakeBrowser.storage.local.set({ panelPreferences: value });
      expect(await panelCollapsed()).toBe(false);
    }
  });
});

import type { DisputeSlotProps } from '../disputes-app';

/** A section's props, by type only: nothing of the section is bundled where this list is read. */
const section = <Props extends object>() => null as unknown as Props;

/**
 * Panel sections that are not in the panel script: each is its own script (entrypoints/panel-section-<name>.ts),
 * loaded by the worker into the frame the first time the panel shows it (see kit.ts and lazy-section.tsx).
 * A new lazy section is one line here plus its entrypoint; wxt.config.ts, the worker and the message
 * schema read this list.
 */
export const PANEL_SECTIONS = {
  disputes: section<DisputeSlotProps>(),
};

export type PanelSections = typeof PANEL_SECTIONS;
export type PanelSectionName = keyof PanelSections;
export const PANEL_SECTION_NAMES = Object.keys(PANEL_SECTIONS) as [PanelSectionName, ...PanelSectionName[]];

/** The built file of a section script, as browser.scripting.executeScript names it. */
export const sectionScriptFile = (name: PanelSectionName): `/panel-section-${PanelSectionName}.js` => `/panel-section-${name}.js`;
/** Entrypoint names of section scripts (wxt.config.ts builds them against the panel's shared kit). */
export const SECTION_ENTRYPOINT_RE = /^panel-section-[a-z-]+$/;

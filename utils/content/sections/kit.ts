import type * as React from 'react';
import type * as JsxRuntime from 'react/jsx-runtime';
import type * as I18nContext from '@/components/i18n-context';
import type * as InputPolicy from '@/components/input-policy';
import type { PanelSectionName } from './names';

/**
 * What a lazily loaded section script shares with the panel script in the same isolated world: the one
 * Preact instance (hooks only work against the renderer that renders them), the panel's contexts, and the
 * place to register its component. The panel script puts the kit on a global before it renders; a section
 * build resolves react, react/jsx-runtime and the context modules to the shims in ./shims, which read it,
 * so a section carries its own code and nothing of the panel's (wxt.config.ts sets that up).
 */
export const SECTION_KIT_GLOBAL = '__casesideSectionKit';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a section's props are its own business
export type SectionComponent = React.ComponentType<any>;

/**
 * The React names sections may use: named one by one, so the panel script keeps only these of Preact's
 * compatibility layer (a namespace object would keep all of it). A section needing another adds it here
 * and in shims/react.ts; the build fails on a name missing from the shim.
 */
export type SharedReact = Pick<
  typeof React,
  'createElement' | 'Fragment' | 'useCallback' | 'useContext' | 'useEffect' | 'useEffectEvent' | 'useId' | 'useMemo' | 'useRef' | 'useState'
>;

export interface SectionKit {
  react: SharedReact;
  jsxRuntime: Pick<typeof JsxRuntime, 'jsx' | 'jsxs' | 'Fragment'>;
  i18n: typeof I18nContext;
  inputPolicy: typeof InputPolicy;
  register: (name: PanelSectionName, component: SectionComponent) => void;
}

export function sectionKit(): SectionKit {
  const kit = (globalThis as Record<string, unknown>)[SECTION_KIT_GLOBAL] as SectionKit | undefined;
  if (!kit) throw new Error('Caseside: a panel section loaded before its panel.');
  return kit;
}

/** Called by a section script's entrypoint. */
export function registerSection(name: PanelSectionName, component: SectionComponent): void {
  sectionKit().register(name, component);
}

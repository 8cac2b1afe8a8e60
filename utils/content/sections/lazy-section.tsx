import { createElement, Fragment, useCallback, useContext, useEffect, useEffectEvent, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Fragment as JsxFragment, jsx, jsxs } from 'react/jsx-runtime';
import * as I18nContext from '@/components/i18n-context';
import * as InputPolicy from '@/components/input-policy';
import { useT } from '@/components/i18n-context';
import { sendRequest } from '@/utils/messaging-send';
import { SECTION_KIT_GLOBAL, type SectionComponent, type SectionKit } from './kit';
import type { PanelSectionName, PanelSections } from './names';

const loaded = new Map<PanelSectionName, SectionComponent>();
const listeners = new Set<() => void>();
const requests = new Map<PanelSectionName, Promise<string | null>>();

/** Puts the kit a section script needs on the isolated world's global (once per frame). */
export function installSectionKit(): void {
  const global = globalThis as Record<string, unknown>;
  if (global[SECTION_KIT_GLOBAL]) return;
  const kit: SectionKit = {
    react: { createElement, Fragment, useCallback, useContext, useEffect, useEffectEvent, useId, useMemo, useRef, useState },
    jsxRuntime: { jsx, jsxs, Fragment: JsxFragment },
    i18n: I18nContext,
    inputPolicy: InputPolicy,
    register: (name, component) => {
      loaded.set(name, component);
      for (const fn of listeners) fn();
    },
  };
  global[SECTION_KIT_GLOBAL] = kit;
}

const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => void listeners.delete(fn);
};

/** Asks the worker for the section's script once per frame; resolves to an error message or null. */
function requestSection(name: PanelSectionName): Promise<string | null> {
  let request = requests.get(name);
  if (!request) {
    request = sendRequest({ type: 'panel:section', section: name }).then((res) => {
      if (res.ok && loaded.has(name)) return null;
      requests.delete(name); // a later render may try again
      return res.ok ? 'not registered' : res.error.message;
    });
    requests.set(name, request);
  }
  return request;
}

/**
 * A section whose code is loaded the first time it is shown. Until then a short loading line; if the
 * worker cannot load it, an error line (the rest of the panel is unaffected).
 */
export function LazySection<N extends PanelSectionName>({ name, props }: { name: N; props: PanelSections[N] }) {
  const t = useT();
  const component = useSyncExternalStore(subscribe, () => loaded.get(name));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (component) return;
    let current = true;
    void requestSection(name).then((error) => current && setFailed(error !== null));
    return () => {
      current = false;
    };
  }, [name, component]);
  if (component) return createElement(component, props);
  return (
    <p style={{ color: 'var(--cs-muted)' }} data-testid={`section-${name}-${failed ? 'failed' : 'loading'}`} role={failed ? 'alert' : 'status'}>
      {failed ? t('panelSectionFailed') : t('loading')}
    </p>
  );
}

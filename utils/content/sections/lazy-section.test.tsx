// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { I18nProvider, useT } from '@/components/i18n-context';
import { translatorFrom } from '@/utils/i18n';
import type { AnyRequest } from '@/utils/messaging';
import type { PageContext } from '@/utils/schemas/page';
import { registerSection, sectionKit } from './kit';
import { installSectionKit, LazySection } from './lazy-section';

const CONTEXT: PageContext = {
  portal: 'amazon',
  pageKind: 'chargeback',
  url: 'https://sellercentral.amazon.com/gp/chargebacks/home.html',
  items: [],
  recognition: { status: 'full', missing: [] },
};

/** Stands in for the section script: it uses the kit's hooks and context, as a built section does through its shims. */
function FakeDisputes({ context }: { context: PageContext }) {
  const t = useT();
  const [n] = useState(1);
  return (
    <p data-testid="section-rendered">
      {context.pageKind} {n} {t('loading')}
    </p>
  );
}

const ui = () =>
  render(
    <I18nProvider value={translatorFrom(en)}>
      <LazySection name="disputes" props={{ context: CONTEXT, canWrite: true, formatTime: (s) => s }} />
    </I18nProvider>,
  );

describe('LazySection', () => {
  let asked: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    installSectionKit();
  });
  afterEach(cleanup);

  it('asks the worker for a section it has not got, and fails visibly when the worker cannot load it', async () => {
    fakeBrowser.runtime.onMessage.addListener(((message: AnyRequest) => {
      if (message.type === 'panel:section') asked.push(message.section);
      return Promise.resolve({ ok: false, error: { code: 'inject_failed', message: 'Cannot access contents of the page.' } });
    }) as never);
    ui();
    expect(screen.getByTestId('section-disputes-loading').textContent).toBe(en.loading.message);
    expect((await screen.findByTestId('section-disputes-failed')).textContent).toBe(en.panelSectionFailed.message);
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(asked).toEqual(['disputes']);
  });

  it('renders the section once the worker has run its script, which registers through the kit', async () => {
    // The worker's injection: the section script registers its component while the request is answered.
    fakeBrowser.runtime.onMessage.addListener(((message: AnyRequest) => {
      if (message.type !== 'panel:section') return undefined;
      asked.push(message.section);
      registerSection('disputes', FakeDisputes);
      return Promise.resolve({ ok: true, data: null });
    }) as never);
    ui();
    expect((await screen.findByTestId('section-rendered')).textContent).toBe(`chargeback 1 ${en.loading.message}`);
    expect(asked).toEqual(['disputes']);
    expect(Object.keys(sectionKit().react).sort()).toEqual(
      ['createElement', 'Fragment', 'useCallback', 'useContext', 'useEffect', 'useEffectEvent', 'useId', 'useMemo', 'useRef', 'useState'].sort(),
    );
  });
});

import { createContext, useContext } from 'react';
import type { Translate } from '@/utils/i18n';

const I18nContext = createContext<Translate>((key) => key);
export const I18nProvider = I18nContext.Provider;
export const useT = (): Translate => useContext(I18nContext);

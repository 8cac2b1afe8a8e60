import { sectionKit } from '../kit';

/** components/i18n-context inside a section script: the panel's context object (see ../kit.ts). */
const { I18nProvider, useT } = sectionKit().i18n;
export { I18nProvider, useT };

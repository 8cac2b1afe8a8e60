import { translatorFrom, type Translate } from '../../../utils/i18n';
import type { WebSessionTexts } from './web-session';

/** The page's texts, sent by the server as a JSON data block (#page-messages) in the reader's language. */
export function pageTranslator(): Translate {
  const element = document.getElementById('page-messages');
  return translatorFrom(JSON.parse(element?.textContent ?? '{}') as Parameters<typeof translatorFrom>[0]);
}

/** The sign-in's texts every page shares (webPage*), with the page's own heading and sign-in button. */
export function sessionTexts(t: Translate, own: { title: string; signIn: string; intro?: string }): WebSessionTexts {
  return {
    ...own,
    token: t('webPageToken'),
    signInFailed: t('webPageSignInFailed'),
    signOut: t('webPageSignOut'),
    signedInAs: (name) => t('webPageSignedInAs', name),
    roleRefused: t('webPageRoleRefused'),
  };
}

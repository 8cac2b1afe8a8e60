import fc from 'fast-check';
import { digits, type Lang } from './values';

/** Generators of what buyer messages may not contain: phone numbers, e-mail addresses, links off Amazon, marketing. */

const NONZERO = fc.constantFrom(...'123456789'.split(''));
const cat = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));
const SEP = fc.constantFrom(' ', '-', '.');

/** Splits digits into groups of 2 to 4 joined by one separator, as people write them. */
const inGroups = (s: string) =>
  fc.tuple(fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 6, maxLength: 6 }), SEP).map(([sizes, sep]) => {
    const out: string[] = [];
    let i = 0;
    for (const size of sizes) {
      if (i >= s.length) break;
      out.push(s.slice(i, i + size));
      i += size;
    }
    if (i < s.length) out.push(s.slice(i));
    return out.join(sep);
  });

const COUNTRY = fc.constantFrom('1', '31', '33', '34', '39', '41', '43', '44', '48', '49', '81');
const subscriber = (min: number, max: number) => cat(NONZERO, digits(min - 1, max - 1));

/** Phone numbers recognisable by their shape alone. */
export const phoneByShape = fc.oneof(
  // International: +44 20 7946 0958, +49-30-1234567, +4930123456, 0049 30 1234567, +49 (0)30 1234567
  fc.tuple(COUNTRY, subscriber(8, 11)).chain(([cc, n]) => inGroups(n).map((g) => `+${cc} ${g}`)),
  fc.tuple(COUNTRY, subscriber(8, 11)).map(([cc, n]) => `+${cc}${n}`),
  fc.tuple(COUNTRY, subscriber(8, 11)).chain(([cc, n]) => inGroups(n).map((g) => `00${cc} ${g}`)),
  fc.tuple(subscriber(2, 3), digits(6, 8)).map(([area, n]) => `+49 (0)${area} ${n}`),
  // National with the trunk 0: 030 12345678, 030/1234567, 0171-1234567, 020 7946 0958, 06 1234 5678
  fc.tuple(subscriber(1, 3), digits(6, 8), fc.constantFrom(' ', '/', '-')).map(([area, n, sep]) => `0${area}${sep}${n}`),
  fc.tuple(subscriber(2, 3), digits(8)).chain(([area, n]) => inGroups(n).map((g) => `0${area} ${g}`)),
  // French: 01 23 45 67 89, 06.12.34.56.78
  fc.tuple(NONZERO, fc.array(digits(2), { minLength: 4, maxLength: 4 }), fc.constantFrom(' ', '.')).map(([d, pairs, sep]) => `0${d}${sep}${pairs.join(sep)}`),
  // North American: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-0199
  fc.tuple(subscriber(3, 3), digits(3), digits(4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  fc.tuple(subscriber(3, 3), digits(3), digits(4), fc.constantFrom('-', '.', ' ')).map(([a, b, c, s]) => `${a}${s}${b}${s}${c}`),
  fc.tuple(subscriber(3, 3), digits(3), digits(4)).map(([a, b, c]) => `1-${a}-${b}-${c}`),
);

/** Numbers that are phone numbers because the text says so: "Tel. 03012345678", "llámenos al 912 345 678". */
export const phoneNeedingWord = fc.oneof(
  fc.tuple(subscriber(9, 11)).map(([n]) => `0${n}`),
  fc.tuple(fc.constantFrom('6', '7', '8', '9'), digits(2), digits(3), digits(3)).map(([a, b, c, d]) => `${a}${b} ${c} ${d}`), // Spanish 912 345 678
  fc.tuple(fc.constantFrom('3'), digits(2), digits(7)).map(([a, b, c]) => `${a}${b} ${c}`), // Italian mobile 347 1234567
);

export const NEUTRAL: Record<Lang, string[]> = {
  en: ['For questions: #.', 'Our service team: #', 'You can reach us on # any weekday.'],
  de: ['Bei Fragen: #.', 'Unser Service: #', 'Sie erreichen uns werktags unter #.'],
  fr: ['Pour toute question : #.', 'Notre service client : #', 'Vous pouvez nous joindre au # en semaine.'],
  es: ['Para cualquier duda: #.', 'Nuestro servicio: #', 'Puede contactarnos en el # entre semana.'],
  it: ['Per domande: #.', 'Il nostro servizio: #', 'Può raggiungerci al # nei giorni feriali.'],
};
export const WITH_PHONE_WORD: Record<Lang, string[]> = {
  en: ['Call us at #.', 'Phone: #', 'Please ring # if the parcel is missing.', 'Tel. #'],
  de: ['Rufen Sie uns unter # an.', 'Telefon: #', 'Tel.: #', 'Unsere Hotline: #'],
  fr: ['Appelez-nous au #.', 'Tél. : #', 'Téléphone : #', 'Notre numéro de téléphone : #'],
  es: ['Llámenos al #.', 'Teléfono: #', 'Tel.: #', 'Móvil: #'],
  it: ['Chiamaci al #.', 'Telefono: #', 'Tel. #', 'Cellulare: #'],
};

const LABEL = fc.stringMatching(/^[a-z][a-z0-9]{2,10}(?:-[a-z0-9]{2,6})?$/).filter((l) => !/^(?:amazon|amzn)/.test(l));
const TLD = fc.constantFrom('com', 'de', 'fr', 'es', 'it', 'co.uk', 'net', 'org', 'shop', 'info', 'eu', 'nl', 'pl', 'store', 'io');
const DOMAIN = fc.tuple(fc.option(LABEL, { nil: undefined }), LABEL, TLD).map(([sub, name, tld]) => `${sub ? `${sub}.` : ''}${name}.${tld}`);
const PATH = fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 3 }).map((p) => (p.length ? `/${p.join('/')}` : ''));

export const email = fc.oneof(
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,10}(?:[._+-][a-z0-9]{1,8})?$/), DOMAIN).map(([local, d]) => `${local}@${d}`),
  fc.emailAddress(),
);

export const externalLink = fc.oneof(
  fc.tuple(fc.constantFrom('https://', 'http://'), DOMAIN, PATH).map(([s, d, p]) => `${s}${d}${p}`),
  fc.tuple(DOMAIN, PATH).map(([d, p]) => `www.${d}${p}`),
  fc.tuple(DOMAIN, PATH).map(([d, p]) => `${d}${p}`),
);

export const LINK_SENTENCES: Record<Lang, string[]> = {
  en: ['More details at #.', 'See # for the return form.', 'Our FAQ: #'],
  de: ['Weitere Infos unter #.', 'Das Rücksendeformular finden Sie auf #.', 'FAQ: #'],
  fr: ['Plus d’infos sur #.', 'Le formulaire de retour est sur #.', 'FAQ : #'],
  es: ['Más información en #.', 'El formulario de devolución está en #.', 'Preguntas frecuentes: #'],
  it: ['Maggiori informazioni su #.', 'Il modulo di reso è su #.', 'FAQ: #'],
};

export const MARKETING: Record<Lang, string[]> = {
  en: [
    'Leave us a 5-star review and get a free gift.',
    'Use coupon code SAVE10 for 10% off your next order.',
    'We would appreciate a positive review.',
    'Visit our online shop for more deals.',
    'Rate us five stars and receive a discount.',
    'Your feedback earns you a voucher.',
  ],
  de: [
    'Für eine 5-Sterne-Bewertung erhalten Sie einen Gutschein.',
    'Mit dem Rabattcode SAVE10 sparen Sie 10 %.',
    'Über eine positive Bewertung freuen wir uns.',
    'Besuchen Sie unseren Onlineshop.',
    'Bewerten Sie uns mit fünf Sternen und erhalten Sie ein Geschenk.',
  ],
  fr: [
    'Laissez-nous un avis 5 étoiles et recevez un cadeau.',
    'Profitez de 10 % de réduction avec le code promo SAVE10.',
    'Un avis positif nous aiderait beaucoup.',
    'Visitez notre boutique en ligne.',
    'Notez-nous cinq étoiles et recevez un bon de réduction.',
  ],
  es: [
    'Déjenos una reseña de 5 estrellas y reciba un regalo.',
    'Use el código promocional SAVE10 para un 10 % de descuento.',
    'Le agradeceríamos una valoración positiva.',
    'Visite nuestra tienda online.',
    'Valórenos con cinco estrellas y reciba un cupón.',
  ],
  it: [
    'Lasciaci una recensione a 5 stelle e ricevi un omaggio.',
    'Usa il codice sconto SAVE10 per il 10 % di sconto.',
    'Ci farebbe piacere una recensione positiva.',
    'Visita il nostro negozio online.',
    'Dacci cinque stelle e ricevi un buono sconto.',
  ],
};

import fc from 'fast-check';
import type { Lang } from './values';

/**
 * Sentences a reply template really says, per language, with a slot `#` for the generated value. None of
 * them contains a phone word (call, Telefon, llámenos ...): the values must pass on their own shape.
 */
export const SENTENCES: Record<Lang, Record<'order' | 'tracking' | 'date' | 'time' | 'amount' | 'postcode' | 'sku', string[]>> = {
  en: {
    order: ['Your order # is on its way.', 'Order #: we have issued a full refund.', 'Thank you for your order (#).', 'Regarding order # from yesterday.'],
    tracking: ['Your tracking number is #.', 'Tracking: # (shipped today)', 'The carrier lists your parcel as #, delivered to the neighbour.'],
    date: ['It was delivered on #.', 'Expected delivery: #', 'Your return must arrive by # at the latest.'],
    time: ['The courier comes between # and 6 pm.', 'Updated at #.', 'Pickup from #'],
    amount: ['We have refunded # to your card.', 'A partial refund of # was issued.', 'Total: # incl. VAT'],
    postcode: ['It is being shipped to #.', 'Delivery address: #', 'The parcel is held at the depot in # for 7 days.'],
    sku: ['Item # is back in stock.', 'You ordered # (size M).', 'ASIN/SKU: #'],
  },
  de: {
    order: ['Ihre Bestellung # ist unterwegs.', 'Bestellnummer: #', 'Zu Ihrer Bestellung # haben wir die Erstattung veranlasst.'],
    tracking: ['Ihre Sendungsnummer lautet #.', 'Sendungsverfolgung: #', 'Das Paket (#) wurde beim Nachbarn abgegeben.'],
    date: ['Die Zustellung erfolgte am #.', 'Voraussichtliche Lieferung: #', 'Bitte senden Sie den Artikel bis zum # zurück.'],
    time: ['Der Fahrer kommt gegen #.', 'Zugestellt um #', 'Abholung ab #'],
    amount: ['Wir haben Ihnen # erstattet.', 'Eine Teilerstattung von # wurde veranlasst.', 'Gesamtbetrag: # inkl. MwSt.'],
    postcode: ['Die Lieferung geht an #.', 'Lieferadresse: #', 'Das Paket liegt in der Filiale #.'],
    sku: ['Artikel # ist wieder vorrätig.', 'Sie haben # in Größe M bestellt.', 'Artikelnummer: #'],
  },
  fr: {
    order: ['Votre commande # est en route.', 'Commande n° # : le remboursement est effectué.', 'Concernant votre commande #.'],
    tracking: ['Votre numéro de suivi est #.', 'Suivi du colis : #', 'Le colis # a été déposé en point relais.'],
    date: ['Le colis a été livré le #.', 'Livraison prévue : #', 'Merci de retourner l’article avant le #.'],
    time: ['Le livreur passe vers #.', 'Livré à #', 'Retrait possible dès #'],
    amount: ['Nous vous avons remboursé #.', 'Un remboursement partiel de # a été effectué.', 'Montant total : # TTC'],
    postcode: ['La livraison se fait à #.', 'Adresse de livraison : #', 'Le colis attend au bureau de poste de #.'],
    sku: ['L’article # est de nouveau disponible.', 'Vous avez commandé # en taille M.', 'Référence : #'],
  },
  es: {
    order: ['Su pedido # está en camino.', 'Pedido #: hemos procesado el reembolso.', 'Respecto a su pedido #.'],
    tracking: ['Su número de seguimiento es #.', 'Seguimiento: #', 'El paquete # se entregó al vecino.'],
    date: ['Se entregó el #.', 'Entrega prevista: #', 'Devuelva el artículo antes del #.'],
    time: ['El repartidor pasa hacia las #.', 'Entregado a las #', 'Recogida desde las #'],
    amount: ['Le hemos reembolsado #.', 'Se emitió un reembolso parcial de #.', 'Total: # IVA incluido'],
    postcode: ['El envío va a #.', 'Dirección de entrega: #', 'El paquete espera en la oficina de #.'],
    sku: ['El artículo # vuelve a estar disponible.', 'Usted pidió # en talla M.', 'Referencia: #'],
  },
  it: {
    order: ['Il suo ordine # è in viaggio.', 'Ordine #: abbiamo emesso il rimborso.', 'In merito al suo ordine #.'],
    tracking: ['Il suo numero di tracciamento è #.', 'Tracking: #', 'Il pacco # è stato consegnato al vicino.'],
    date: ['È stato consegnato il #.', 'Consegna prevista: #', 'Restituisca l’articolo entro il #.'],
    time: ['Il corriere passa verso le #.', 'Consegnato alle #', 'Ritiro dalle #'],
    amount: ['Le abbiamo rimborsato #.', 'È stato emesso un rimborso parziale di #.', 'Totale: # IVA inclusa'],
    postcode: ['La spedizione va a #.', 'Indirizzo di consegna: #', 'Il pacco è in giacenza presso l’ufficio di #.'],
    sku: ['L’articolo # è di nuovo disponibile.', 'Ha ordinato # nella taglia M.', 'Codice articolo: #'],
  },
};

// A function replacement: an e-mail address may contain `$&` or "$`", which a string replacement would expand.
export const fill = (sentence: string, value: string) => sentence.replace('#', () => value);
export const sentenceOf = (lang: Lang, kind: keyof (typeof SENTENCES)['en']) => fc.constantFrom(...SENTENCES[lang][kind]);

/**
 * What Seller Central calls each field, in every UI language the agents use: en, de, fr, it, es, ja,
 * and nl, pl, sv for the EU marketplaces. The label tier reads a value by these words when the hooks
 * are gone. Entries are compared without case and without a trailing colon. Wording for the case pages
 * follows Amazon's help pages where they show it; the rest is the plain term in each language.
 */
export const LABELS = {
  orderId: [
    'Order ID', 'Order #', 'Order number', 'Order', 'Bestellnummer', 'Bestell-Nr.', 'Bestellung', 'Numéro de commande', 'N° de commande', 'ID de commande', 'Commande',
    'Numero ordine', 'ID ordine', 'N. ordine', 'Ordine', 'Número de pedido', 'N.º de pedido', 'ID del pedido', 'Pedido', '注文番号', '注文ID',
    'Bestelnummer', 'Bestel-ID', 'Bestelling', 'Numer zamówienia', 'Identyfikator zamówienia', 'Zamówienie', 'Ordernummer', 'Order-ID', 'Beställning',
  ],
  buyerName: [
    'Buyer name', 'Buyer', 'Customer', 'Customer name', 'Käufername', 'Käufer', 'Name des Käufers', 'Kunde', "Nom de l'acheteur", 'Nom de l’acheteur', 'Acheteur', 'Client',
    'Nome acquirente', 'Acquirente', 'Cliente', 'Nombre del comprador', 'Comprador', '購入者名', '購入者', 'お客様',
    'Naam koper', 'Koper', 'Klant', 'Imię i nazwisko kupującego', 'Kupujący', 'Klient', 'Köparens namn', 'Köpare', 'Kund',
    // The order page's link to the buyer is labelled as an action.
    'Contact Buyer', 'Käufer kontaktieren', "Contacter l'acheteur", 'Contacter l’acheteur', "Contatta l'acquirente", 'Contactar con el comprador', '購入者に連絡',
    'Contact opnemen met koper', 'Skontaktuj się z kupującym', 'Kontakta köparen',
  ],
  /** "Send message to Max Mustermann" on the contact-buyer form (the name follows the phrase). */
  sendMessageTo: [
    'Send message to', 'Send a message to', 'Nachricht senden an', 'Nachricht an', 'Envoyer un message à', 'Invia messaggio a', 'Invia un messaggio a',
    'Enviar mensaje a', 'Enviar un mensaje a', 'Bericht verzenden naar', 'Bericht sturen naar', 'Wyślij wiadomość do', 'Skicka meddelande till',
  ],
  salesChannel: ['Sales channel', 'Verkaufskanal', 'Canal de vente', 'Canale di vendita', 'Canal de venta', '販売チャネル', 'Verkoopkanaal', 'Kanał sprzedaży', 'Försäljningskanal', 'Marketplace', 'Marktplatz', 'Place de marché', 'Mercato', 'Tienda', 'マーケットプレイス', 'Marktplaats', 'Rynek', 'Marknadsplats'],
  purchaseDate: ['Purchase date', 'Kaufdatum', "Date d'achat", 'Date d’achat', 'Data di acquisto', 'Fecha de compra', '購入日', 'Aankoopdatum', 'Data zakupu', 'Köpdatum'],
  shipBy: ['Ship by', 'Versand bis', 'Expédier avant le', 'Spedire entro', 'Enviar antes de', '出荷予定日', 'Verzenden vóór', 'Wyślij do', 'Skicka senast'],
  shipTo: ['Ship to', 'Shipping address', 'Lieferadresse', 'Versandadresse', 'Versand an', 'Adresse de livraison', 'Expédier à', 'Indirizzo di spedizione', 'Spedire a', 'Dirección de envío', 'Enviar a', 'お届け先', '配送先', 'Verzendadres', 'Verzenden naar', 'Adres wysyłki', 'Leveransadress'],
  subtotal: ['Item subtotal', 'Items subtotal', 'Zwischensumme Artikel', 'Sous-total des articles', 'Subtotale articoli', 'Subtotal de productos', '商品の小計', 'Subtotaal artikelen', 'Suma częściowa produktów', 'Delsumma artiklar'],
  shipping: ['Shipping total', 'Versand gesamt', 'Versandkosten gesamt', 'Total livraison', 'Totale spedizione', 'Total envío', '配送料の合計', 'Totaal verzending', 'Suma za wysyłkę', 'Frakt totalt'],
  total: [
    'Item total', 'Order total', 'Grand total', 'Gesamtsumme', 'Gesamtbetrag', "Total de l'article", 'Total de l’article', 'Total de la commande', 'Totale articolo', 'Totale ordine',
    'Total del producto', 'Total del pedido', '商品の合計', '注文合計', 'Totaal artikel', 'Totaal bestelling', 'Suma zamówienia', 'Razem', 'Totalt', 'Ordersumma', '合計',
  ],
  quantity: ['Quantity', 'Qty', 'Menge', 'Anzahl', 'Quantité', 'Quantità', 'Cantidad', '数量', 'Aantal', 'Ilość', 'Antal'],
  unitPrice: ['Unit price', 'Stückpreis', 'Prix unitaire', 'Prezzo unitario', 'Precio unitario', '単価', 'Prijs per stuk', 'Cena jednostkowa', 'Styckpris', 'Price', 'Preis', 'Prix', 'Prezzo', 'Precio', 'Prijs', 'Cena', 'Pris'],
  amount: [
    'Amount', 'Claim amount', 'Chargeback amount', 'Refund amount', 'Disputed amount', 'Betrag', 'Anspruchsbetrag', 'Antragsbetrag', 'Rückbuchungsbetrag', 'Erstattungsbetrag',
    'Montant', 'Montant de la réclamation', 'Montant de la rétrofacturation', 'Montant du remboursement', 'Importo', 'Importo della richiesta', 'Importo dello storno', 'Importo del rimborso',
    'Importe', 'Importe de la reclamación', 'Importe del contracargo', 'Importe del reembolso', '金額', '請求額', 'チャージバック金額', '返金額',
    'Bedrag', 'Claimbedrag', 'Terugboekingsbedrag', 'Kwota', 'Kwota roszczenia', 'Kwota obciążenia zwrotnego', 'Belopp', 'Anspråksbelopp', 'Återbetalningsbelopp',
  ],
  reason: [
    'Reason', 'Claim reason', 'Return reason', 'Chargeback reason', 'Grund', 'Antragsgrund', 'Rücksendegrund', 'Motif', 'Raison', 'Motif de la réclamation', 'Motif du retour',
    'Motivo', 'Motivo della richiesta', 'Motivo del reso', 'Motivo de la reclamación', 'Motivo de la devolución', '理由', '申請理由', '返品理由',
    'Reden', 'Reden van retour', 'Powód', 'Powód zwrotu', 'Orsak', 'Anledning', 'Returorsak',
  ],
  status: ['Status', 'Claim status', 'Return status', 'Statut', 'Stato', 'Estado', 'ステータス', 'Stan'],
  claimId: ['Claim ID', 'Claim number', 'Anspruchs-ID', 'Antrags-ID', 'Antragsnummer', 'ID de réclamation', 'N° de réclamation', 'ID reclamo', 'ID richiesta', 'ID de reclamación', '申請ID', 'Claim-ID', 'Identyfikator roszczenia', 'Anspråks-ID'],
  claimFiled: [
    'Claim date', 'Claim received', 'Claim filed', 'Date filed', 'Filed on', 'Filed', 'Claim opened', 'Antragsdatum', 'Eingereicht am', 'Antrag gestellt am', 'Date de la réclamation', 'Réclamation déposée le', 'Déposée le',
    'Data della richiesta', 'Data del reclamo', 'Reclamo presentato il', 'Richiesta presentata il', 'Presentata il', 'Fecha de la reclamación', 'Fecha de presentación', 'Presentada el', '申請日', '申請日時',
    'Datum claim', 'Ingediend op', 'Data zgłoszenia', 'Zgłoszono', 'Datum för anspråk', 'Inskickat',
  ],
  /** Amazon asked the seller for information: the A-to-z response clock runs from here. */
  informationRequested: [
    'Information requested', 'Amazon requested information', 'Information request date', 'Information requested on', 'Informationen angefordert am', 'Informationsanfrage vom', 'Informations demandées le', 'Demande d’informations le',
    "Demande d'informations le", 'Informazioni richieste il', 'Amazon ha richiesto informazioni il', 'Richiesta di informazioni il', 'Información solicitada el', 'Solicitud de información', '情報リクエスト日', '情報提供依頼日',
    'Informatie aangevraagd op', 'Prośba o informacje', 'Information begärd', 'Information begärd den',
  ],
  respondBy: [
    'Respond by', 'Response due', 'Response due by', 'Reply by', 'Due date', 'Antworten bis', 'Antwort bis', 'Antwort fällig am', 'Fällig am', 'Répondre avant le', "Répondre d'ici le", 'Répondre d’ici le', 'Date limite de réponse',
    'Rispondere entro', 'Rispondi entro', 'Scadenza risposta', 'Responder antes del', 'Responder antes de', 'Fecha límite de respuesta', '回答期限', '返信期限',
    'Reageren vóór', 'Reageer vóór', 'Odpowiedz do', 'Termin odpowiedzi', 'Svara senast', 'Svarsfrist',
  ],
  chargebackId: ['Chargeback ID', 'Rückbuchungs-ID', 'ID de rétrofacturation', 'ID storno', 'ID del contracargo', 'チャージバックID', 'Terugboekings-ID', 'Identyfikator obciążenia zwrotnego', 'Återbetalnings-ID'],
  notifiedAt: [
    'Notification date', 'Date received', 'Chargeback date', 'Received', 'Notified on', 'Benachrichtigungsdatum', 'Eingangsdatum', 'Eingegangen am', 'Date de notification', 'Reçue le', 'Date de réception',
    'Data di notifica', 'Ricevuto il', 'Fecha de notificación', 'Recibido el', '通知日', '受領日', 'Meldingsdatum', 'Ontvangen op', 'Data powiadomienia', 'Otrzymano', 'Aviseringsdatum', 'Mottaget',
  ],
  returnId: ['RMA ID', 'RMA', 'Return request ID', 'Return ID', 'Rücksende-ID', 'RMA-ID', 'Rücksendenummer', 'ID de retour', 'Numéro de retour', 'ID reso', 'ID de devolución', '返品ID', 'Retour-ID', 'Identyfikator zwrotu', 'Retur-ID'],
  returnRequested: [
    'Return requested', 'Return request date', 'Request date', 'Requested on', 'Angefordert am', 'Rücksendung angefordert am', 'Rücksendung beantragt', 'Beantragt am', 'Anfragedatum', 'Date de la demande', 'Retour demandé le', 'Demandé le',
    'Data della richiesta di reso', 'Data richiesta', 'Richiesto il', 'Fecha de solicitud', 'Solicitado el', 'リクエスト日', '返品リクエスト日', 'Aanvraagdatum', 'Aangevraagd op', 'Data zgłoszenia zwrotu', 'Data żądania', 'Begärd', 'Begäransdatum',
  ],
  returnReceived: ['Return received', 'Received on', 'Rücksendung erhalten am', 'Erhalten am', 'Retour reçu le', 'Reso ricevuto il', 'Devolución recibida el', '返品受領日', 'Retour ontvangen op', 'Zwrot otrzymany', 'Retur mottagen'],
  subject: ['Subject', 'Betreff', 'Objet', 'Oggetto', 'Asunto', '件名', 'Onderwerp', 'Temat', 'Ämne'],
  addressType: ['Address Type', 'Adresstyp', "Type d'adresse", 'Type d’adresse', 'Tipo di indirizzo', 'Tipo de dirección', '住所の種類', 'Adrestype', 'Typ adresu', 'Adresstyp'],
} as const;

/** The buttons that open a reply box that is not shown until asked for. */
export const REPLY_OPENERS = [
  'Reply', 'Respond', 'Respond to Amazon', 'Respond to buyer', 'Antworten', 'Amazon antworten', 'Répondre', 'Répondre à Amazon', 'Rispondi', 'Rispondi ad Amazon', 'Responder',
  'Responder a Amazon', '返信', '返信する', 'Amazonに回答', 'Beantwoorden', 'Reageren', 'Odpowiedz', 'Svara',
] as const;

/** Who wrote a message in a thread, as the thread labels its sender. */
export const SENDER_WORDS = {
  seller: /\b(you|seller|your reply|sie|verkäufer|vous|vendeur|tu|venditore|usted|vendedor|jij|u|verkoper|ty|sprzedawca|du|säljare)\b|あなた|出品者/i,
  buyer: /\b(buyer|customer|käufer|kunde|acheteur|client|acquirente|cliente|comprador|koper|klant|kupujący|klient|köpare|kund)\b|購入者/i,
} as const;

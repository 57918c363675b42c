import { fill, type Lang, type Text } from './text';

/**
 * Every reason the app can refuse input for, in Dutch and English. Each message names the field
 * ({label}) and says why, so it reads well both beside the field and in a list of errors.
 */
export const reasons = {
  required: { nl: '{label} is verplicht.', en: '{label} is required.' },
  too_short: { nl: '{label} moet minstens {min} tekens hebben.', en: '{label} must be at least {min} characters.' },
  too_long: { nl: '{label} mag hoogstens {max} tekens hebben.', en: '{label} must be at most {max} characters.' },
  too_small: { nl: '{label} moet minstens {min} zijn.', en: '{label} must be at least {min}.' },
  too_big: { nl: '{label} mag hoogstens {max} zijn.', en: '{label} must be at most {max}.' },
  too_few_items: { nl: 'Kies bij {label} minstens {min}.', en: 'Choose at least {min} for {label}.' },
  too_many_items: { nl: 'Bij {label} kunnen er hoogstens {max} gekozen worden.', en: '{label} allows at most {max} choices.' },
  not_integer: { nl: '{label} moet een geheel getal zijn.', en: '{label} must be a whole number.' },
  not_number: { nl: '{label} moet een getal zijn.', en: '{label} must be a number.' },
  not_text: { nl: '{label} moet tekst zijn.', en: '{label} must be text.' },
  not_toggle: { nl: '{label} moet aan of uit staan.', en: '{label} must be on or off.' },
  invalid_option: { nl: '{label}: kies een van de aangeboden mogelijkheden.', en: '{label}: choose one of the offered options.' },
  duplicate_items: { nl: '{label} bevat een keuze twee keer.', en: '{label} contains the same choice twice.' },
  invalid: { nl: '{label} is ongeldig.', en: '{label} is invalid.' },
  unknown_field: { nl: '{label} bestaat niet in deze instellingen.', en: '{label} is not part of these settings.' },
  read_only: {
    nl: '{label} wordt door Backoffice bijgehouden en kan niet met de hand worden gewijzigd.',
    en: '{label} is kept by Backoffice and cannot be changed by hand.',
  },
  secret_field: {
    nl: '{label} is geheim en wordt in de sleutelhanger van het systeem bewaard, niet bij de instellingen.',
    en: "{label} is secret and is kept in the system's keychain, not with the settings.",
  },
  unknown_group: { nl: 'Er bestaan geen instellingen met de naam {label}.', en: 'There are no settings called {label}.' },
  not_an_object: { nl: 'De wijziging is onleesbaar: verwacht werden velden met waarden.', en: 'The change is unreadable: fields with values were expected.' },
  invalid_change: { nl: 'Niet opgeslagen: controleer de gemarkeerde velden.', en: 'Not saved: check the highlighted fields.' },
  unknown_item: { nl: '{label}: de gekozen waarde bestaat niet (meer).', en: '{label}: the chosen value does not exist (any more).' },
  keychain_unavailable: {
    nl: 'De sleutelhanger van het systeem is niet bereikbaar, dus geheimen (wachtwoorden, API-sleutels) kunnen nu niet veilig bewaard of gelezen worden. Er is niets opgeslagen. Meld u opnieuw aan bij het systeem of vraag de systeembeheerder.',
    en: "The system keychain cannot be reached, so secrets (passwords, API keys) cannot be stored or read safely now. Nothing was saved. Sign in to the system again or ask your IT administrator.",
  },
  keychain_missing: {
    nl: 'Geheimen (wachtwoorden, API-sleutels) hebben de sleutelhanger van het systeem nodig, maar deze installatie heeft er geen koppeling mee; op Debian installeert u die met "sudo apt-get install libsecret-1-dev" en daarna "npm rebuild keytar". Er is niets opgeslagen.',
    en: 'Secrets (passwords, API keys) need the system keychain, but this installation has no binding to it; on Debian install it with "sudo apt-get install libsecret-1-dev" and then "npm rebuild keytar". Nothing was saved.',
  },
  unknown_secret: { nl: 'Onbekend geheim: {label}.', en: 'Unknown secret: {label}.' },
  unknown_call: { nl: 'Onbekende opdracht: {label}.', en: 'Unknown request: {label}.' },
  not_signed_in: { nl: 'U bent niet (meer) aangemeld. Meld u opnieuw aan.', en: 'You are not signed in (any more). Please sign in again.' },
  forbidden: {
    nl: 'Als {role} mag u {area} niet {verb}. Vraag een Administrator om toegang.',
    en: 'As {role} you may not {verb} {area}. Ask an Administrator for access.',
  },
  invalid_input: { nl: 'De opdracht is onvolledig of onjuist: {label}.', en: 'The request is incomplete or wrong: {label}.' },
  mutation_id_taken: {
    nl: '{label} “{value}” hoort al bij een andere wijziging die nog naar de cloud moet; er is niets opgeslagen. Geef deze wijziging een nieuw nummer.',
    en: '{label} “{value}” already belongs to another change still waiting for the cloud; nothing was saved. Give this change a new id.',
  },
  internal: {
    nl: 'Er ging iets mis in Backoffice; er is niets gewijzigd. Probeer het opnieuw; blijft het misgaan, exporteer dan de diagnose bij Systeeminformatie.',
    en: 'Something went wrong in Backoffice; nothing was changed. Try again; if it keeps failing, export the diagnostics from System information.',
  },
  'password.tooShort': {
    nl: '{label} moet minstens {min} tekens hebben; een zin van een paar woorden is makkelijk te onthouden.',
    en: '{label} must be at least {min} characters; a sentence of a few words is easy to remember.',
  },
  'password.blank': { nl: '{label} mag niet leeg zijn of alleen uit spaties bestaan.', en: '{label} must not be empty or only spaces.' },
  'password.repeated': {
    nl: '{label} herhaalt steeds hetzelfde teken of patroon; kies een zin van een paar woorden.',
    en: '{label} repeats the same character or pattern; choose a sentence of a few words.',
  },
  'password.common': {
    nl: '{label} staat in lijsten van veelgebruikte wachtwoorden of is makkelijk te raden; kies een zin van een paar ongewone woorden.',
    en: '{label} is on lists of common passwords or easy to guess; choose a sentence of a few unusual words.',
  },
  'password.personal': {
    nl: '{label} bevat uw naam, e-mailadres of de naam van de winkel; dat raadt iemand die u kent meteen.',
    en: '{label} contains your name, e-mail address or the shop\'s name; anyone who knows you would guess it.',
  },
  'password.oldWrong': { nl: '{label}: dit is niet uw huidige wachtwoord.', en: '{label}: this is not your current password.' },
  'pin.format': { nl: '{label} bestaat uit 4 tot 6 cijfers.', en: '{label} consists of 4 to 6 digits.' },
  'credential.notHash': {
    nl: '{label}: alleen een scrypt-hash wordt gesynchroniseerd, en dit is er geen.',
    en: '{label}: only a scrypt hash is synced, and this is not one.',
  },
  'credential.unknownCost': {
    nl: '{label}: deze scrypt-hash heeft andere kosten (N, r, p) dan deze app ooit gebruikt; zo\'n hash kan niet of alleen traag gecontroleerd worden en wordt niet gesynchroniseerd.',
    en: '{label}: this scrypt hash has other cost parameters (N, r, p) than this app has ever used; such a hash cannot be checked, or only slowly, and is not synced.',
  },
  'signIn.wrong': { nl: 'Onbekend e-mailadres of onjuist wachtwoord. {warning}', en: 'Unknown e-mail address or wrong password. {warning}' },
  'signIn.triesLeft': {
    nl: 'Na {left} mislukte pogingen meer wordt het account {lock} geblokkeerd.',
    en: 'After {left} more failed attempts the account is locked for {lock}.',
  },
  'signIn.triesLeftLast': {
    nl: 'Na {left} mislukte poging meer wordt het account {lock} geblokkeerd.',
    en: 'After {left} more failed attempt the account is locked for {lock}.',
  },
  'signIn.locked': {
    nl: 'Te veel mislukte pogingen: dit account is geblokkeerd. Probeer het over {wait} opnieuw.',
    en: 'Too many failed attempts: this account is locked. Try again in {wait}.',
  },
  'signIn.inactive': { nl: 'Dit account is gedeactiveerd. Vraag een Administrator om het te activeren.', en: 'This account has been deactivated. Ask an Administrator to activate it.' },
  'signIn.posOnly': {
    nl: 'De rol {role} werkt alleen op de kassa en heeft geen toegang tot de backoffice.',
    en: 'The role {role} works on the till only and has no access to the back office.',
  },
  'startup.restored': {
    nl: 'De database was beschadigd en is teruggezet vanuit de reservekopie van {when}. Wijzigingen die na dat moment zijn gemaakt, zijn verloren; controleer ze. Het beschadigde bestand is bewaard als {file}.',
    en: 'The database was damaged and has been restored from the backup of {when}. Changes made after that moment are lost; please check them. The damaged file has been kept as {file}.',
  },
  'startup.recordRestored': {
    nl: '{label} was beschadigd en is teruggezet vanuit de reservekopie van {when}; wijzigingen daarna zijn verloren. De beschadigde gegevens staan in {file}.',
    en: '{label} was damaged and has been restored from the backup of {when}; later changes are lost. The damaged data is in {file}.',
  },
  'startup.recordRemoved': {
    nl: '{label} was beschadigd en er was geen goede reservekopie van; het is leeggemaakt (standaardwaarden). De beschadigde gegevens staan in {file}.',
    en: '{label} was damaged and no intact backup of it existed; it has been cleared (defaults). The damaged data is in {file}.',
  },
  'setup.alreadyDone': { nl: 'Backoffice is al ingericht; meld u aan.', en: 'Backoffice has already been set up; please sign in.' },
  unknown_collection: { nl: 'Er bestaat geen lijst met de naam {label}.', en: 'There is no list called {label}.' },
  unknown_record: { nl: '{label} bestaat niet (meer); misschien is het net verwijderd.', en: '{label} does not exist (any more); it may just have been deleted.' },
  not_unique: { nl: '{label} “{value}” wordt al gebruikt. Kies een andere waarde.', en: '{label} “{value}” is already in use. Choose another value.' },
  'channels.defaultRequired': {
    nl: 'Er moet precies één standaardkanaal zijn. Maak eerst een ander kanaal standaard.',
    en: 'There must be exactly one default channel. Make another channel the default first.',
  },
  'users.lastAdministrator': {
    nl: 'Dit is de laatste actieve Administrator; die kan niet worden verwijderd, gedeactiveerd of een andere rol krijgen.',
    en: 'This is the last active Administrator; it cannot be removed, deactivated or given another role.',
  },
  'templates.unknownPlaceholder': {
    nl: '{label}: de plaatshouder {{ {name} }} bestaat niet in dit sjabloon. Kies er een uit de lijst.',
    en: '{label}: the placeholder {{ {name} }} does not exist in this template. Pick one from the list.',
  },
  'templates.tooHeavy': {
    nl: '{label}: dit sjabloon vraagt te veel werk (een te grote herhaling of lus) en is afgebroken. Maak de lus kleiner.',
    en: '{label}: this template asks for too much work (too large a repetition or loop) and was stopped. Make the loop smaller.',
  },
  'templates.syntax': {
    nl: '{label}: regel {line} klopt niet. Een plaatshouder staat tussen {{ en }}, een opdracht tussen {% en %}.',
    en: '{label}: line {line} is malformed. A placeholder goes between {{ and }}, a command between {% and %}.',
  },
  'templates.unclosed': {
    nl: '{label}: op regel {line} wordt een {{ … }} of {% … %} niet gesloten.',
    en: '{label}: a {{ … }} or {% … %} on line {line} is not closed.',
  },
  'templates.unknownTag': {
    nl: '{label}: de opdracht {% {name} %} op regel {line} bestaat niet.',
    en: '{label}: the command {% {name} %} on line {line} does not exist.',
  },
  'templates.unknownFilter': {
    nl: '{label}: het filter {name} op regel {line} bestaat niet.',
    en: '{label}: the filter {name} on line {line} does not exist.',
  },
  'templates.fixed': { nl: 'De e-mailsjablonen liggen vast; u kunt ze aanpassen maar niet toevoegen of verwijderen.', en: 'The e-mail templates are fixed; you can edit them but not add or remove them.' },
  'webhookKey.notBase64': { nl: '{label} is geen geldige sleutel: verwacht werd een lange reeks letters en cijfers (base64).', en: '{label} is not a valid key: a long run of letters and digits (base64) was expected.' },
  'webhookKey.notJson': { nl: '{label} is onleesbaar: de inhoud is geen JSON.', en: '{label} is unreadable: its content is not JSON.' },
  'webhookKey.fields': { nl: '{label} mist een token of een webhook_url.', en: '{label} lacks a token or a webhook_url.' },
  'webhookUrl.notHttps': {
    nl: '{label} moet met https:// beginnen; gewone http mag alleen naar deze computer (localhost) om te testen.',
    en: '{label} must start with https://; plain http is allowed only to this computer (localhost) for testing.',
  },
  'webhookUrl.privateAddress': {
    nl: '{label} wijst naar {host}, een adres in een privé- of lokaal netwerk. Dat mag alleen als de IT-beheerder het met een beleid toestaat.',
    en: '{label} points to {host}, an address in a private or local network. That is allowed only when IT permits it by policy.',
  },
  user_needs_password: {
    nl: 'Een nieuwe gebruiker wordt aangemaakt met een eerste wachtwoord, via "Gebruiker toevoegen": zonder wachtwoord kan niemand met dat account inloggen.',
    en: 'A new user is created with a first password, through "Add user": without a password nobody can sign in with that account.',
  },
  cloud_not_connected: {
    nl: 'Niet verbonden met de cloud: {action} kan pas als Backoffice aan een cloudaccount is gekoppeld. Uw gegevens op deze computer blijven gewoon bruikbaar.',
    en: 'Not connected to the cloud: {action} needs Backoffice to be linked to a cloud account. Your data on this computer stays usable.',
  },
  'report.periodReversed': { nl: '{label} ligt vóór de begindatum van de periode.', en: '{label} comes before the start of the period.' },
  'report.periodTooLong': { nl: '{label}: een rapport beslaat hoogstens {max} dagen.', en: '{label}: a report covers at most {max} days.' },
  'ean.format': { nl: '{label} heeft precies 13 cijfers.', en: '{label} has exactly 13 digits.' },
  'ean.checkDigit': {
    nl: '{label} klopt niet: het laatste cijfer (controlecijfer) hoort bij deze code niet. Controleer de code op een tikfout.',
    en: '{label} is not valid: the last digit (check digit) does not belong to this code. Check it for a typo.',
  },
  'price.missing': { nl: 'De prijs ontbreekt of is geen bedrag.', en: 'The price is missing or is not an amount.' },
  'csv.noName': { nl: 'De naam van het product ontbreekt.', en: 'The product name is missing.' },
  'csv.noHeader': {
    nl: 'Het bestand mist de kopregel met de kolommen sku, ean, name, price, content, unit, brand.',
    en: 'The file lacks the header line with the columns sku, ean, name, price, content, unit, brand.',
  },
  'printer.noAddress': {
    nl: 'Er is nog geen bonprinter ingesteld: vul bij Media-instellingen › Bonprinter het adres in.',
    en: 'No receipt printer has been set up yet: fill in its address at Media settings › Receipt printer.',
  },
  'printer.port': {
    nl: '{label}: een bonprinter luistert op poort {min} tot en met {max} (meestal 9100); andere poorten worden niet gebruikt.',
    en: '{label}: a receipt printer listens on port {min} to {max} (usually 9100); other ports are not used.',
  },
  'printer.notLocal': {
    nl: '{label}: de bonprinter moet in het winkelnetwerk staan (bijvoorbeeld 192.168.1.50), niet op internet.',
    en: '{label}: the receipt printer must be on the shop network (for example 192.168.1.50), not on the internet.',
  },
  'printer.unknownHost': {
    nl: '{label}: deze naam is in het netwerk niet te vinden. Vul het IP-adres van de printer in.',
    en: '{label}: this name cannot be found on the network. Fill in the printer\'s IP address.',
  },
  'printer.unreachable': {
    nl: 'De bonprinter op {address} antwoordt niet ({detail}). Staat hij aan en zit hij in hetzelfde netwerk?',
    en: 'The receipt printer at {address} does not answer ({detail}). Is it switched on and on the same network?',
  },
  'kvk.format': {
    nl: '{label} bestaat uit precies 8 cijfers, bijvoorbeeld 12345678.',
    en: '{label} consists of exactly 8 digits, for example 12345678.',
  },
  'vatId.format': {
    nl: '{label} heeft de vorm NL + 9 cijfers + B + 2 cijfers, bijvoorbeeld NL123456789B01.',
    en: '{label} has the form NL + 9 digits + B + 2 digits, for example NL123456789B01.',
  },
  'vatId.suffix': {
    nl: '{label}: het volgnummer na de B begint bij 01; B00 wordt nooit uitgegeven.',
    en: '{label}: the number after the B starts at 01; B00 is never issued.',
  },
  'vatId.checksum': {
    nl: '{label} klopt niet: het controlegetal is onjuist. Controleer het nummer op een tikfout.',
    en: '{label} is not valid: its check digits do not match. Check the number for a typo.',
  },
  'iban.format': {
    nl: '{label} begint met een landcode en twee controlecijfers, bijvoorbeeld NL91 ABNA 0417 1643 00.',
    en: '{label} starts with a country code and two check digits, for example NL91 ABNA 0417 1643 00.',
  },
  'iban.country': { nl: '{label}: de landcode is onbekend.', en: '{label}: the country code is unknown.' },
  'iban.length': {
    nl: '{label} heeft niet het juiste aantal tekens voor dit land (NL: 18).',
    en: '{label} does not have the right length for its country (NL: 18).',
  },
  'iban.checksum': {
    nl: '{label} klopt niet: de controlecijfers passen niet bij het nummer. Controleer het op een tikfout.',
    en: '{label} is not valid: the check digits do not match the number. Check it for a typo.',
  },
  'bic.format': {
    nl: '{label} heeft 8 of 11 tekens, bijvoorbeeld ABNANL2A.',
    en: '{label} has 8 or 11 characters, for example ABNANL2A.',
  },
  'bic.country': {
    nl: '{label}: de tekens 5 en 6 zijn de landcode van de bank (NL voor Nederland), en „{country}” is geen land.',
    en: '{label}: characters 5 and 6 are the bank\'s country code (NL for the Netherlands), and “{country}” is not a country.',
  },
  'postcode.format': {
    nl: '{label} heeft de vorm 1234 AB: vier cijfers (niet beginnend met 0) en twee letters.',
    en: '{label} has the form 1234 AB: four digits (not starting with 0) and two letters.',
  },
  'postcode.reserved': {
    nl: '{label}: de lettercombinaties SA, SD en SS worden nooit uitgegeven.',
    en: '{label}: the letter pairs SA, SD and SS are never issued.',
  },
  'phone.invalid': {
    nl: '{label} is geen geldig telefoonnummer, bijvoorbeeld 020 123 4567 of +31 6 12345678.',
    en: '{label} is not a valid phone number, for example 020 123 4567 or +31 6 12345678.',
  },
  'email.invalid': {
    nl: '{label} is geen geldig e-mailadres, bijvoorbeeld info@winkel.nl.',
    en: '{label} is not a valid e-mail address, for example info@shop.nl.',
  },
  'url.invalid': {
    nl: '{label} moet een webadres zijn dat met https:// of http:// begint.',
    en: '{label} must be a web address starting with https:// or http://.',
  },
  'money.invalid': {
    nl: '{label} moet een bedrag in euro zijn met hoogstens 2 decimalen, bijvoorbeeld 12,50.',
    en: '{label} must be an amount in euros with at most 2 decimals, for example 12.50.',
  },
  'money.ambiguous': {
    nl: '{label}: „{value}” kan {small} of {large} betekenen. Schrijf de centen na een komma (0,50) en duizendtallen met een punt (1.500).',
    en: '{label}: “{value}” could mean {small} or {large}. Write the cents after a decimal comma (0,50) and thousands with a dot (1.500).',
  },
  'money.negative': { nl: '{label} mag niet negatief zijn.', en: '{label} cannot be negative.' },
  'receipt.lineTooLong': {
    nl: '{label}: regel {line} is {length} tekens; op een bon van 80 mm passen er {max}.',
    en: '{label}: line {line} is {length} characters; an 80 mm receipt fits {max}.',
  },
  'image.type': {
    nl: '{label} moet een PNG-, JPEG- of SVG-afbeelding zijn.',
    en: '{label} must be a PNG, JPEG or SVG image.',
  },
  'image.tooLarge': {
    nl: '{label} is te groot: hoogstens {max} kB.',
    en: '{label} is too large: at most {max} kB.',
  },
  'image.tooManyPixels': {
    nl: '{label} is te groot: {width} × {height} pixels, hoogstens {max} × {max}.',
    en: '{label} is too large: {width} × {height} pixels, at most {max} × {max}.',
  },
  'image.unsafeSvg': {
    nl: '{label}: deze SVG bevat scripts, HTML of verwijzingen naar andere bestanden of websites. Een logo is alleen een tekening: exporteer het opnieuw als eenvoudige SVG of als PNG.',
    en: '{label}: this SVG contains scripts, HTML or links to other files or websites. A logo is only a drawing: export it again as a plain SVG or as PNG.',
  },
  'pdf.type': { nl: '{label} moet een PDF-bestand zijn.', en: '{label} must be a PDF file.' },
  'pdf.tooLarge': {
    nl: '{label} is te groot: hoogstens {max} kB.',
    en: '{label} is too large: at most {max} kB.',
  },
  'attachment.notStored': {
    nl: '{label}: dit bestand staat niet op deze werkplek. Kies het bestand opnieuw.',
    en: '{label}: this file is not stored on this workstation. Choose the file again.',
  },
  'attachment.notAnUpload': { nl: '{label} is geen veld voor een bestand.', en: '{label} is not a field for a file.' },
  'invoice.numberReused': {
    nl: 'Het volgende factuurnummer mag niet lager worden dan {current}: factuurnummers worden nooit hergebruikt.',
    en: 'The next invoice number cannot go below {current}: invoice numbers are never reused.',
  },
  'invoice.prefix': {
    nl: '{label} mag alleen hoofdletters, cijfers en streepjes bevatten, hoogstens 10 tekens.',
    en: '{label} may contain only capital letters, digits and dashes, at most 10 characters.',
  },
  'orderPrefix.format': {
    nl: '{label} bestaat uit 1 tot 6 hoofdletters of cijfers, bijvoorbeeld S4.',
    en: '{label} consists of 1 to 6 capital letters or digits, for example S4.',
  },
  'email.insecureHost': {
    nl: '{label}: zonder beveiliging kan alleen naar een server op deze computer (localhost) gemaild worden; kies STARTTLS of SSL/TLS.',
    en: '{label}: without security, mail can only go to a server on this computer (localhost); choose STARTTLS or SSL/TLS.',
  },
  'hostname.invalid': {
    nl: '{label} moet een servernaam zijn, bijvoorbeeld smtp.voorbeeld.nl.',
    en: '{label} must be a server name, for example smtp.example.com.',
  },
  'shipping.freeFromZero': {
    nl: '{label} moet hoger zijn dan € 0: gratis vanaf € 0 is altijd gratis. Zet dan de prijs op € 0 of schakel „Gratis vanaf een bedrag” uit.',
    en: '{label} must be more than € 0: free from € 0 is always free. Set the price to € 0 instead, or switch off “Free from an amount”.',
  },
  'labels.sheetTooWide': {
    nl: '{label}: de etiketten zijn samen {size} mm breed en passen niet op een A4-vel van 210 mm. Kies minder kolommen of smallere etiketten.',
    en: '{label}: the labels add up to {size} mm wide and do not fit an A4 sheet of 210 mm. Choose fewer columns or narrower labels.',
  },
  'labels.sheetTooHigh': {
    nl: '{label}: de etiketten zijn samen {size} mm hoog en passen niet op een A4-vel van 297 mm. Kies minder rijen of lagere etiketten.',
    en: '{label}: the labels add up to {size} mm high and do not fit an A4 sheet of 297 mm. Choose fewer rows or shorter labels.',
  },
  'shipping.optionsOnlyForPackage': {
    nl: '{label} kan alleen bij Soort zending „Pakket”: MyParcel biedt bij een brievenbuspakje, brief of digitale postzegel geen extra opties. Zet dit uit of kies „Pakket”.',
    en: '{label} is only possible with Package type “Package”: MyParcel offers no options for a mailbox package, letter or digital stamp. Switch it off or choose “Package”.',
  },
  'shipping.deliveryOnlyForPackage': {
    nl: '{label}: ochtend, avond en ophalen bij een afhaalpunt kunnen alleen bij Soort zending „Pakket”. Kies „Standaard” of „Pakket”.',
    en: '{label}: morning, evening and pickup point delivery are only possible with Package type “Package”. Choose “Standard” or “Package”.',
  },
  'shipping.dpdPackagesOnly': {
    nl: '{label}: DPD bezorgt via MyParcel alleen pakketten naar België; brievenbuspakjes, brieven en digitale postzegels zijn van PostNL. Kies „Pakket” of vervoerder PostNL.',
    en: '{label}: through MyParcel, DPD delivers only packages to Belgium; mailbox packages, letters and digital stamps are PostNL products. Choose “Package” or carrier PostNL.',
  },
  'shipping.dpdBelgium': {
    nl: '{label} kan niet met vervoerder DPD: DPD bezorgt via MyParcel alleen in België, en daar zijn ochtend- en avondbezorging, alleen aan ontvanger, handtekening en retour niet mogelijk. Kies „Standaard” en zet deze opties uit, of kies een andere vervoerder.',
    en: '{label} is not possible with carrier DPD: through MyParcel, DPD delivers only in Belgium, where morning and evening delivery, recipient only, signature and return do not exist. Choose “Standard” and switch these options off, or choose another carrier.',
  },
  'stock.minAboveMax': {
    nl: 'Minimale voorraad ({min}) mag niet hoger zijn dan maximale voorraad ({max}).',
    en: 'Minimum stock ({min}) cannot be higher than maximum stock ({max}).',
  },
  locked_by_policy: {
    nl: '{label} wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.',
    en: '{label} is managed by your organisation and cannot be changed here.',
  },
  'policy.featureOff': { nl: '{label} is uitgeschakeld door uw organisatie.', en: '{label} has been switched off by your organisation.' },
  'policy.aboveMaximum': {
    nl: '{label} mag volgens het beleid van uw organisatie hoogstens {max} zijn.',
    en: "{label} may be at most {max} under your organisation's policy.",
  },
  'policy.unknownKey': { nl: 'Onbekende beleidsinstelling {label}; genegeerd.', en: 'Unknown policy setting {label}; ignored.' },
  'policy.invalidValue': { nl: 'Beleid {label}: {detail} Genegeerd.', en: 'Policy {label}: {detail} Ignored.' },
  'policy.unreadable': {
    nl: 'Beleidsbestand {label} is niet te lezen ({detail}); genegeerd.',
    en: 'Policy file {label} cannot be read ({detail}); ignored.',
  },
  'policy.notApplied': {
    nl: 'Beleid {label} kon niet worden toegepast: {detail}',
    en: 'Policy {label} could not be applied: {detail}',
  },
} as const satisfies Record<string, Text>;

export type ReasonCode = keyof typeof reasons;

export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(reasons, code);
}

/** The message for a refusal, in the user's language, naming the field by its label. */
export function describe(
  reason: ReasonCode,
  lang: Lang,
  values: Record<string, string | number> = {},
): string {
  return fill(reasons[reason][lang], values);
}

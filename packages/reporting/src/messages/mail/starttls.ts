import type { CheckCatalogue } from '../types.js';
import { mailServerSituationFindings, noNullMxFinding, perMailServerTlsFindings, starttlsSubtestFindings } from './shared.js';

/** The messages of the mail test's STARTTLS checks of the TLS connection itself, per mail server. */
export const mailStarttlsMessages: CheckCatalogue = {
  'mail-starttls-tls-available': {
    title: {
      nl: 'STARTTLS beschikbaar',
      en: 'STARTTLS available',
    },
    failureTitle: {
      nl: 'STARTTLS niet beschikbaar op alle mailservers',
      en: 'STARTTLS not available on all mail servers',
    },
    explanation: {
      nl: 'We testen of elke mailserver van het domein STARTTLS aanbiedt op poort 25 en daarna een TLS-verbinding opzet. Zonder STARTTLS gaat mail onversleuteld over het internet en kan iedereen onderweg meelezen.',
      en: 'We check that every mail server of the domain offers STARTTLS on port 25 and then sets up a TLS connection. Without STARTTLS, mail travels the internet unencrypted and anyone on the way can read it.',
    },
    advice: {
      nl: 'Zet TLS aan voor inkomende mail met een certificaat en sleutel, bijvoorbeeld in Postfix: "smtpd_tls_security_level = may" met "smtpd_tls_chain_files = /etc/postfix/mx.pem". Zorg dat elke mailserver in de MX-records bereikbaar is op poort 25.',
      en: 'Turn TLS on for incoming mail with a certificate and key, for example in Postfix: "smtpd_tls_security_level = may" with "smtpd_tls_chain_files = /etc/postfix/mx.pem". Make sure every mail server in the MX records can be reached on port 25.',
    },
    supplier: {
      nl: 'Niet al onze mailservers bieden STARTTLS aan op poort 25. Wilt u STARTTLS aanzetten op elke mailserver die mail voor ons domein ontvangt?',
      en: 'Not all of our mail servers offer STARTTLS on port 25. Please turn STARTTLS on at every mail server that receives mail for our domain.',
    },
    findings: {
      ...mailServerSituationFindings,
      // The shared per-server judgement can give these; this check reaches its own first today.
      ...perMailServerTlsFindings,
      ...noNullMxFinding,
      'mx-failed': {
        nl: 'De MX-records konden niet worden opgevraagd ({reason}), dus STARTTLS kon niet worden getest.',
        en: 'The MX records could not be looked up ({reason}), so STARTTLS could not be tested.',
      },
      'could-not-test': {
        nl: 'pastoe kon de TLS-test van deze mailserver niet afmaken ({reason}); dit zegt niets over de mailserver.',
        en: 'pastoe could not finish the TLS test of this mail server ({reason}); this says nothing about the mail server.',
      },
      unreachable: {
        nl: 'Geen TLS-verbinding via STARTTLS mogelijk ({reason}).',
        en: 'No TLS connection through STARTTLS possible ({reason}).',
      },
    },
  },
  'mail-starttls-tls-version': {
    title: {
      nl: 'TLS-versie voldoende',
      en: 'TLS version sufficient',
    },
    failureTitle: {
      nl: 'TLS-versie onvoldoende',
      en: 'TLS version insufficient',
    },
    explanation: {
      nl: 'We testen welke TLS-versies elke mailserver via STARTTLS ondersteunt. TLS 1.3 is goed en TLS 1.2 voldoende; SSL 2.0, SSL 3.0, TLS 1.0 en TLS 1.1 zijn onvoldoende, omdat ze bekende zwakheden hebben.',
      en: 'We check which TLS versions every mail server supports through STARTTLS. TLS 1.3 is good and TLS 1.2 sufficient; SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are insufficient because they have known weaknesses.',
    },
    advice: {
      nl: 'Schakel alles onder TLS 1.2 uit en zet TLS 1.3 aan, bijvoorbeeld in Postfix: "smtpd_tls_protocols = >=TLSv1.2" en "smtpd_tls_mandatory_protocols = >=TLSv1.2".',
      en: 'Turn off everything below TLS 1.2 and turn TLS 1.3 on, for example in Postfix: "smtpd_tls_protocols = >=TLSv1.2" and "smtpd_tls_mandatory_protocols = >=TLSv1.2".',
    },
    supplier: {
      nl: 'Onze mailservers ondersteunen nog verouderde TLS-versies. Wilt u alles onder TLS 1.2 uitschakelen en TLS 1.3 aanzetten, volgens de ICT-beveiligingsrichtlijnen voor TLS van het NCSC?',
      en: "Our mail servers still support outdated TLS versions. Please turn off everything below TLS 1.2 and turn TLS 1.3 on, following the NCSC's IT security guidelines for TLS.",
    },
    findings: {
      ...starttlsSubtestFindings,
      'insufficient-version': {
        nl: '{version} wordt ondersteund; die versie is onvoldoende veilig.',
        en: '{version} is supported; that version is insufficiently secure.',
      },
      'phase-out-version': {
        nl: '{version} wordt ondersteund; die versie moet worden uitgefaseerd.',
        en: '{version} is supported; that version is to be phased out.',
      },
      'version-undecided': {
        nl: 'Niet vastgesteld of {version} wordt ondersteund ({detail}).',
        en: 'Whether {version} is supported could not be told ({detail}).',
      },
    },
  },
  'mail-starttls-tls-ciphers': {
    title: {
      nl: 'Ciphers (algoritmeselecties) voldoende',
      en: 'Ciphers (algorithm selections) sufficient',
    },
    failureTitle: {
      nl: 'Ciphers (algoritmeselecties) onvoldoende',
      en: 'Ciphers (algorithm selections) insufficient',
    },
    explanation: {
      nl: 'We testen welke cipher suites elke mailserver accepteert. Met suites met zwakke algoritmen (zoals RC4, 3DES, NULL of zonder forward secrecy) is de versleuteling van de mail te breken of achteraf te ontcijferen.',
      en: 'We check which cipher suites every mail server accepts. Suites with weak algorithms (such as RC4, 3DES, NULL, or without forward secrecy) make the encryption of mail breakable or decryptable afterwards.',
    },
    advice: {
      nl: 'Sta alleen cipher suites toe die het NCSC goed of voldoende noemt, met ECDHE of DHE en AES-GCM of ChaCha20-Poly1305. Bijvoorbeeld in Postfix: "smtpd_tls_exclude_ciphers = aNULL, eNULL, EXPORT, DES, 3DES, RC4, MD5, PSK, SRP, CAMELLIA, ARIA".',
      en: 'Allow only cipher suites the NCSC calls good or sufficient, with ECDHE or DHE and AES-GCM or ChaCha20-Poly1305. For example in Postfix: "smtpd_tls_exclude_ciphers = aNULL, eNULL, EXPORT, DES, 3DES, RC4, MD5, PSK, SRP, CAMELLIA, ARIA".',
    },
    supplier: {
      nl: 'Onze mailservers accepteren nog onvoldoende veilige cipher suites. Wilt u alleen de suites toestaan die de ICT-beveiligingsrichtlijnen voor TLS van het NCSC goed of voldoende noemen?',
      en: "Our mail servers still accept insufficiently secure cipher suites. Please allow only the suites that the NCSC's IT security guidelines for TLS call good or sufficient.",
    },
    findings: {
      ...starttlsSubtestFindings,
      'insufficient-suite': {
        nl: 'Onvoldoende cipher suite geaccepteerd bij {version}: {suite} ({code}).',
        en: 'Insufficient cipher suite accepted at {version}: {suite} ({code}).',
      },
      'phase-out-suite': {
        nl: 'Uit te faseren cipher suite geaccepteerd bij {version}: {suite} ({code}).',
        en: 'Cipher suite to be phased out accepted at {version}: {suite} ({code}).',
      },
      'enumeration-incomplete': {
        nl: 'De lijst van cipher suites bij {version} is niet volledig vastgesteld.',
        en: 'The list of cipher suites at {version} was not fully established.',
      },
    },
  },
  'mail-starttls-tls-cipherorder': {
    title: {
      nl: 'Cipher-volgorde voldoende',
      en: 'Cipher order sufficient',
    },
    failureTitle: {
      nl: 'Cipher-volgorde onvoldoende',
      en: 'Cipher order insufficient',
    },
    explanation: {
      nl: 'We testen of elke mailserver zijn eigen volgorde van cipher suites afdwingt en daarin goede en voldoende suites vóór uit te faseren suites zet. Zo kiest een verbinding altijd de sterkste suite die beide kanten kennen.',
      en: 'We check that every mail server enforces its own order of cipher suites, with good and sufficient suites before suites to be phased out. A connection then always picks the strongest suite both sides know.',
    },
    advice: {
      nl: 'Laat de server de cipher-volgorde bepalen en zet de sterkste suites vooraan, bijvoorbeeld in Postfix: "tls_preempt_cipherlist = yes".',
      en: 'Let the server decide the cipher order and put the strongest suites first, for example in Postfix: "tls_preempt_cipherlist = yes".',
    },
    supplier: {
      nl: 'Wilt u onze mailservers hun eigen cipher-volgorde laten afdwingen, met goede en voldoende suites vóór uit te faseren suites?',
      en: 'Please let our mail servers enforce their own cipher order, with good and sufficient suites before suites to be phased out.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'no-server-preference': {
        nl: 'De mailserver volgt de voorkeur van de client en heeft geen eigen cipher-volgorde.',
        en: "The mail server follows the client's preference and has no cipher order of its own.",
      },
      'probe-failed': {
        nl: 'De test van de cipher-volgorde kon niet worden uitgevoerd.',
        en: 'The cipher order test could not be run.',
      },
      violation: {
        nl: 'De mailserver koos {chosen} terwijl {expected} de voorkeur had moeten krijgen.',
        en: 'The mail server chose {chosen} where {expected} should have been preferred.',
      },
    },
  },
  'mail-starttls-tls-keyexchange': {
    title: {
      nl: 'Sleuteluitwisselingsparameters voldoende',
      en: 'Key exchange parameters sufficient',
    },
    failureTitle: {
      nl: 'Sleuteluitwisselingsparameters onvoldoende',
      en: 'Key exchange parameters insufficient',
    },
    explanation: {
      nl: 'We kijken naar de parameters van de sleuteluitwisseling (ECDHE-curves en DHE-groepen) van elke mailserver. Zwakke curves of te kleine DH-groepen maken het mogelijk de sessiesleutel te achterhalen.',
      en: 'We look at the key exchange parameters (ECDHE curves and DHE groups) of every mail server. Weak curves or DH groups that are too small make it possible to recover the session key.',
    },
    advice: {
      nl: 'Gebruik voor ECDHE alleen X25519, X448, secp256r1, secp384r1 of secp521r1, en voor DHE een ffdhe-groep uit RFC 7919 van minstens 3072 bits, of schakel DHE uit. Bijvoorbeeld in Postfix: "tls_eecdh_auto_curves = X25519 X448 prime256v1 secp384r1".',
      en: 'For ECDHE use only X25519, X448, secp256r1, secp384r1 or secp521r1, and for DHE an RFC 7919 ffdhe group of at least 3072 bits, or turn DHE off. For example in Postfix: "tls_eecdh_auto_curves = X25519 X448 prime256v1 secp384r1".',
    },
    supplier: {
      nl: 'Onze mailservers gebruiken onvoldoende veilige parameters voor de sleuteluitwisseling. Wilt u alleen de curves en DH-groepen toestaan die de ICT-beveiligingsrichtlijnen voor TLS van het NCSC goed of voldoende noemen?',
      en: "Our mail servers use insufficiently secure key exchange parameters. Please allow only the curves and DH groups that the NCSC's IT security guidelines for TLS call good or sufficient.",
    },
    findings: {
      ...starttlsSubtestFindings,
      'insufficient-parameters': {
        nl: 'Onvoldoende sleuteluitwisselingsparameters: {parameters}.',
        en: 'Insufficient key exchange parameters: {parameters}.',
      },
      'phase-out-parameters': {
        nl: 'Uit te faseren sleuteluitwisselingsparameters: {parameters}.',
        en: 'Key exchange parameters to be phased out: {parameters}.',
      },
      'generator-not-2': {
        nl: 'De DH-groep {parameters} gebruikt een andere generator dan 2; pastoe beoordeelt die als onvoldoende.',
        en: 'The DH group {parameters} uses a generator other than 2; pastoe judges it insufficient.',
      },
      'dh-below-internetnl-minimum': {
        nl: 'De DH-groep {parameters} is kleiner dan 1024 bits en daarmee onvoldoende.',
        en: 'The DH group {parameters} is smaller than 1024 bits and so insufficient.',
      },
      'accepts-insufficient-group': {
        nl: 'De mailserver accepteert de onvoldoende groep {group} bij {version}.',
        en: 'The mail server accepts the insufficient group {group} at {version}.',
      },
      'accepts-phase-out-group': {
        nl: 'De mailserver accepteert de uit te faseren groep {group} bij {version}.',
        en: 'The mail server accepts the group {group}, which is to be phased out, at {version}.',
      },
    },
  },
  'mail-starttls-tls-keyexchangehash': {
    title: {
      nl: 'Hashfunctie voor sleuteluitwisseling voldoende',
      en: 'Hash function for key exchange sufficient',
    },
    failureTitle: {
      nl: 'Hashfunctie voor sleuteluitwisseling onvoldoende',
      en: 'Hash function for key exchange insufficient',
    },
    explanation: {
      nl: 'We testen of elke mailserver bij TLS 1.2 de sleuteluitwisseling ondertekent met een veilige hashfunctie. SHA-1 is onvoldoende en SHA-224 moet worden uitgefaseerd; SHA-256 of sterker is goed.',
      en: 'We check that every mail server signs the TLS 1.2 key exchange with a secure hash function. SHA-1 is insufficient and SHA-224 is to be phased out; SHA-256 or stronger is good.',
    },
    advice: {
      nl: 'Sta voor handtekeningen alleen SHA-256, SHA-384 en SHA-512 toe, bijvoorbeeld met de OpenSSL-instelling "SignatureAlgorithms = ECDSA+SHA256:ECDSA+SHA384:RSA-PSS+SHA256:RSA+SHA256:RSA+SHA384:RSA+SHA512".',
      en: 'Allow only SHA-256, SHA-384 and SHA-512 for signatures, for example with the OpenSSL setting "SignatureAlgorithms = ECDSA+SHA256:ECDSA+SHA384:RSA-PSS+SHA256:RSA+SHA256:RSA+SHA384:RSA+SHA512".',
    },
    supplier: {
      nl: 'Onze mailservers ondertekenen de TLS-sleuteluitwisseling nog met SHA-1 of SHA-224. Wilt u alleen SHA-256 of sterker toestaan?',
      en: 'Our mail servers still sign the TLS key exchange with SHA-1 or SHA-224. Please allow only SHA-256 or stronger.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'no-tls-1-2': {
        nl: 'De mailserver ondersteunt geen TLS 1.2, dus deze hashfunctie speelt geen rol.',
        en: 'The mail server does not support TLS 1.2, so this hash function plays no part.',
      },
      sha1: {
        nl: 'De mailserver ondertekent de sleuteluitwisseling met {hash}.',
        en: 'The mail server signs the key exchange with {hash}.',
      },
      sha224: {
        nl: 'De mailserver ondertekent de sleuteluitwisseling met {hash}, dat moet worden uitgefaseerd.',
        en: 'The mail server signs the key exchange with {hash}, which is to be phased out.',
      },
      'sha224-not-tested': {
        nl: 'Niet vastgesteld of de mailserver met SHA-224 ondertekent.',
        en: 'Whether the mail server signs with SHA-224 could not be told.',
      },
      'weak-default-hash': {
        nl: 'Ook met de gewone lijst van algoritmen kiest de mailserver het zwakke {scheme}.',
        en: 'Even when offered the usual list of algorithms, the mail server picks the weak {scheme}.',
      },
    },
  },
  'mail-starttls-tls-compress': {
    title: {
      nl: 'TLS-compressie uitgeschakeld',
      en: 'TLS compression disabled',
    },
    failureTitle: {
      nl: 'TLS-compressie ingeschakeld',
      en: 'TLS compression enabled',
    },
    explanation: {
      nl: 'We testen of elke mailserver compressie op TLS-niveau weigert. TLS-compressie maakt aanvallen zoals CRIME mogelijk, waarmee geheime delen van de versleutelde verbinding kunnen worden achterhaald.',
      en: 'We check that every mail server refuses compression at the TLS level. TLS compression enables attacks such as CRIME, which recover secret parts of the encrypted connection.',
    },
    advice: {
      nl: 'Schakel TLS-compressie uit, bijvoorbeeld in Postfix: "tls_ssl_options = NO_COMPRESSION", of werk de TLS-bibliotheek bij (moderne OpenSSL-versies bieden geen compressie meer).',
      en: 'Turn TLS compression off, for example in Postfix: "tls_ssl_options = NO_COMPRESSION", or update the TLS library (modern OpenSSL versions no longer offer compression).',
    },
    supplier: {
      nl: 'Onze mailservers staan TLS-compressie toe. Wilt u die uitschakelen?',
      en: 'Our mail servers allow TLS compression. Please turn it off.',
    },
    findings: {
      ...starttlsSubtestFindings,
      compression: {
        nl: 'De mailserver accepteert TLS-compressie.',
        en: 'The mail server accepts TLS compression.',
      },
      'compression-not-tested': {
        nl: 'Niet vastgesteld of de mailserver TLS-compressie accepteert; zoals bij Internet.nl telt dat als uitgeschakeld.',
        en: 'Whether the mail server accepts TLS compression could not be told; as at Internet.nl, that counts as disabled.',
      },
    },
  },
  'mail-starttls-tls-secreneg': {
    title: {
      nl: 'Veilige heronderhandeling ondersteund',
      en: 'Secure renegotiation supported',
    },
    failureTitle: {
      nl: 'Veilige heronderhandeling niet ondersteund',
      en: 'Secure renegotiation not supported',
    },
    explanation: {
      nl: 'We testen of elke mailserver bij TLS 1.2 en lager veilige heronderhandeling (RFC 5746) ondersteunt. Zonder die uitbreiding kan een aanvaller eigen gegevens voor in een versleutelde verbinding plakken.',
      en: 'We check that every mail server supports secure renegotiation (RFC 5746) at TLS 1.2 and below. Without that extension, an attacker can put data of their own in front of an encrypted connection.',
    },
    advice: {
      nl: 'Werk de mailserversoftware en TLS-bibliotheek bij naar een versie die veilige heronderhandeling ondersteunt; elke actuele OpenSSL-versie doet dat.',
      en: 'Update the mail server software and TLS library to a version that supports secure renegotiation; every current OpenSSL version does.',
    },
    supplier: {
      nl: 'Onze mailservers ondersteunen geen veilige heronderhandeling (RFC 5746). Wilt u de mailserversoftware en TLS-bibliotheek bijwerken?',
      en: 'Our mail servers do not support secure renegotiation (RFC 5746). Please update the mail server software and TLS library.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'insecure-renegotiation': {
        nl: 'De mailserver ondersteunt geen veilige heronderhandeling.',
        en: 'The mail server does not support secure renegotiation.',
      },
    },
  },
  'mail-starttls-tls-clientreneg': {
    title: {
      nl: 'Client-geïnitieerde heronderhandeling niet toegestaan',
      en: 'Client-initiated renegotiation not allowed',
    },
    failureTitle: {
      nl: 'Client-geïnitieerde heronderhandeling toegestaan',
      en: 'Client-initiated renegotiation allowed',
    },
    explanation: {
      nl: 'We testen of een client op de mailserver een heronderhandeling van de TLS-verbinding kan starten. Dat kost de server veel rekenwerk, dus een aanvaller kan hem ermee overbelasten.',
      en: 'We check whether a client can start a renegotiation of the TLS connection on the mail server. That costs the server a lot of computation, so an attacker can overload it this way.',
    },
    advice: {
      nl: 'Weiger heronderhandeling die de client start, bijvoorbeeld in Postfix: "tls_ssl_options = NO_RENEGOTIATION".',
      en: 'Refuse renegotiation started by the client, for example in Postfix: "tls_ssl_options = NO_RENEGOTIATION".',
    },
    supplier: {
      nl: 'Onze mailservers staan heronderhandeling toe die de client start. Wilt u dat uitschakelen?',
      en: 'Our mail servers allow renegotiation started by the client. Please turn it off.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'renegotiation-not-tested': {
        nl: 'Heronderhandeling kon niet worden getest ({reason}); zoals bij Internet.nl telt dat als niet toegestaan.',
        en: 'Renegotiation could not be tested ({reason}); as at Internet.nl, that counts as not allowed.',
      },
      allowed: {
        nl: 'De mailserver accepteerde heronderhandeling door de client (aantal op één verbinding: {accepted}).',
        en: 'The mail server accepted renegotiation by the client (count on one connection: {accepted}).',
      },
    },
  },
  'mail-starttls-tls-extendedmastersecret': {
    title: {
      nl: 'Extended Master Secret gebruikt',
      en: 'Extended Master Secret used',
    },
    failureTitle: {
      nl: 'Extended Master Secret niet gebruikt',
      en: 'Extended Master Secret not used',
    },
    explanation: {
      nl: 'We testen of elke mailserver bij TLS 1.2 de Extended Master Secret-uitbreiding (RFC 7627) gebruikt. Die koppelt de sessiesleutels aan de hele handshake en voorkomt zo aanvallen waarbij een aanvaller twee verbindingen dezelfde sleutels geeft.',
      en: 'We check that every mail server uses the Extended Master Secret extension (RFC 7627) at TLS 1.2. It binds the session keys to the whole handshake and so prevents attacks in which an attacker gives two connections the same keys.',
    },
    advice: {
      nl: 'Werk de TLS-bibliotheek bij naar een versie die Extended Master Secret ondersteunt (OpenSSL 1.1.0 en nieuwer doen dat standaard) en zet de uitbreiding niet uit.',
      en: 'Update the TLS library to a version that supports Extended Master Secret (OpenSSL 1.1.0 and newer do by default) and do not turn the extension off.',
    },
    supplier: {
      nl: 'Onze mailservers gebruiken bij TLS 1.2 geen Extended Master Secret (RFC 7627). Wilt u de TLS-bibliotheek bijwerken of de uitbreiding aanzetten?',
      en: 'Our mail servers do not use Extended Master Secret (RFC 7627) at TLS 1.2. Please update the TLS library or turn the extension on.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'no-tls-1-2': {
        nl: 'De mailserver ondersteunt geen TLS 1.2, dus Extended Master Secret is niet van toepassing.',
        en: 'The mail server does not support TLS 1.2, so Extended Master Secret does not apply.',
      },
      'ems-unknown': {
        nl: 'Niet vastgesteld of de mailserver Extended Master Secret gebruikt.',
        en: 'Whether the mail server uses Extended Master Secret could not be told.',
      },
      'no-ems': {
        nl: 'De mailserver gebruikt bij TLS 1.2 geen Extended Master Secret.',
        en: 'The mail server does not use Extended Master Secret at TLS 1.2.',
      },
    },
  },
  'mail-starttls-tls-0rtt': {
    title: {
      nl: '0-RTT uitgeschakeld',
      en: '0-RTT disabled',
    },
    failureTitle: {
      nl: '0-RTT ingeschakeld',
      en: '0-RTT enabled',
    },
    explanation: {
      nl: 'We testen of een mailserver bij TLS 1.3 vroege gegevens (0-RTT) accepteert. Die gegevens kan een aanvaller opnieuw afspelen. Internet.nl test dit niet voor mail en keurt het altijd goed; pastoe meldt het wel als de server vroege gegevens accepteert.',
      en: 'We check whether a mail server accepts early data (0-RTT) at TLS 1.3. An attacker can replay such data. Internet.nl does not test this for mail and always passes it; pastoe does report it when the server accepts early data.',
    },
    advice: {
      nl: 'Schakel 0-RTT (early data) uit in de TLS-instellingen van de mailserver; SMTP heeft er geen voordeel van.',
      en: 'Turn 0-RTT (early data) off in the TLS settings of the mail server; SMTP gains nothing from it.',
    },
    supplier: {
      nl: 'Onze mailservers accepteren TLS 1.3-vroege gegevens (0-RTT). Wilt u 0-RTT uitschakelen?',
      en: 'Our mail servers accept TLS 1.3 early data (0-RTT). Please turn 0-RTT off.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'early-data-advertised': {
        nl: 'De mailserver biedt vroege gegevens aan (tot {maxEarlyData} bytes), maar het accepteren ervan is niet getest.',
        en: 'The mail server offers early data (up to {maxEarlyData} bytes), but accepting it was not tested.',
      },
      'early-data-accepted': {
        nl: 'De mailserver accepteert vroege gegevens (0-RTT).',
        en: 'The mail server accepts early data (0-RTT).',
      },
    },
  },
  'mail-starttls-tls-caa': {
    title: {
      nl: 'CAA-records van de mailservers aanwezig',
      en: 'CAA records of the mail servers present',
    },
    failureTitle: {
      nl: 'CAA-records van de mailservers ontbreken of zijn onjuist',
      en: 'CAA records of the mail servers missing or incorrect',
    },
    explanation: {
      nl: 'We testen of voor de naam van elke mailserver (of een bovenliggend domein) CAA-records bestaan met een issue-regel. Daarin staat welke certificaatautoriteiten certificaten voor die naam mogen uitgeven, wat het risico op onterecht uitgegeven certificaten verkleint.',
      en: 'We check that CAA records with an issue property exist for the name of every mail server (or a parent domain). They say which certificate authorities may issue certificates for that name, which lowers the risk of certificates issued wrongly.',
    },
    advice: {
      nl: 'Publiceer CAA-records voor het domein van de mailservers die de certificaatautoriteit noemen die je gebruikt, bijvoorbeeld "example.nl. CAA 0 issue "letsencrypt.org"", eventueel met "CAA 0 iodef "mailto:security@example.nl"".',
      en: 'Publish CAA records for the domain of the mail servers that name the certificate authority you use, for example "example.nl. CAA 0 issue "letsencrypt.org"", optionally with "CAA 0 iodef "mailto:security@example.nl"".',
    },
    supplier: {
      nl: 'Wilt u CAA-records publiceren voor het domein van onze mailservers, met een issue-regel voor de certificaatautoriteit die de certificaten uitgeeft?',
      en: 'Please publish CAA records for the domain of our mail servers, with an issue property for the certificate authority that issues the certificates.',
    },
    findings: {
      ...perMailServerTlsFindings,
      'no-caa-lookup': {
        nl: 'Niet getest: de CAA-records van {host} zijn niet opgevraagd.',
        en: 'Not tested: the CAA records of {host} were not looked up.',
      },
      'no-certificate': {
        nl: 'Niet getest: mailserver {host} stuurde geen certificaat.',
        en: 'Not tested: mail server {host} sent no certificate.',
      },
      'no-caa': {
        nl: 'Er zijn geen CAA-records gevonden voor de mailserver of een bovenliggend domein.',
        en: 'No CAA records were found for the mail server or a parent domain.',
      },
      'missing-required-property-issue': {
        nl: 'De CAA-records hebben geen {property_tag}-regel.',
        en: 'The CAA records have no {property_tag} property.',
      },
      'issue-tag-case': {
        nl: 'De CAA-records schrijven {property_tag} met hoofdletters; Internet.nl telt die regel daardoor niet mee, al staat RFC 8659 het toe.',
        en: 'The CAA records write {property_tag} in capitals; Internet.nl therefore does not count the property, although RFC 8659 allows it.',
      },
      'invalid-property-syntax': {
        nl: 'De waarde van CAA-regel {property_name} is ongeldig: {property_value}',
        en: 'The value of CAA property {property_name} is invalid: {property_value}',
      },
      'invalid-property-issue-validation-method': {
        nl: 'De CAA-records noemen een onbekende validatiemethode: {value}',
        en: 'The CAA records name an unknown validation method: {value}',
      },
      'invalid-property-iodef-value': {
        nl: 'De iodef-regel is geen geldige mailto- of https-URL: {value}',
        en: 'The iodef property is no valid mailto or https URL: {value}',
      },
      'invalid-property-contactemail-value': {
        nl: 'De contactemail-regel is geen geldig e-mailadres: {value}',
        en: 'The contactemail property is no valid e-mail address: {value}',
      },
      'invalid-flags-reserved-bits': {
        nl: 'Een CAA-record gebruikt gereserveerde vlagbits (vlaggen {value}).',
        en: 'A CAA record uses reserved flag bits (flags {value}).',
      },
      'invalid-unknown-property': {
        nl: 'De CAA-records bevatten de onbekende regel {property_tag}.',
        en: 'The CAA records hold the unknown property {property_tag}.',
      },
      'invalid-reserved-property': {
        nl: 'De CAA-records bevatten de gereserveerde regel {property_tag}.',
        en: 'The CAA records hold the reserved property {property_tag}.',
      },
    },
  },
};

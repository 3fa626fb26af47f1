import type { CheckCatalogue } from '../types.js';
import { tlsNotTestedFindings } from './shared.js';

/** The messages of the website test's TLS protocol checks (versions, ciphers, key exchange and the TLS options). */
export const webTlsMessages: CheckCatalogue = {
  'web-https-tls-version': {
    title: { nl: 'TLS-versie', en: 'TLS version' },
    failureTitle: { nl: 'Onveilige TLS-versie', en: 'Insecure TLS version' },
    explanation: {
      nl: 'Deze test kijkt welke TLS-versies de webserver aanbiedt. Alleen TLS 1.3 en 1.2 zijn veilig genoeg volgens de NCSC-richtlijnen; SSL 3, TLS 1.0 en 1.1 hebben bekende zwakheden.',
      en: 'This test checks which TLS versions the web server offers. Only TLS 1.3 and 1.2 are secure enough under the NCSC guidelines; SSL 3, TLS 1.0 and 1.1 have known weaknesses.',
    },
    advice: {
      nl: 'Zet alle versies onder TLS 1.2 uit en bied TLS 1.3 aan. In nginx bijvoorbeeld: ssl_protocols TLSv1.2 TLSv1.3;',
      en: 'Turn off every version below TLS 1.2 and offer TLS 1.3. In nginx for example: ssl_protocols TLSv1.2 TLSv1.3;',
    },
    supplier: {
      nl: 'Onze webserver biedt verouderde TLS-versies aan. Wilt u alleen TLS 1.2 en TLS 1.3 toestaan, conform de NCSC-richtlijnen voor TLS?',
      en: 'Our web server offers outdated TLS versions. Please allow only TLS 1.2 and TLS 1.3, in line with the NCSC TLS guidelines.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'insufficient-version': {
        nl: '{version} wordt aangeboden en is onvoldoende veilig.',
        en: '{version} is offered and is insufficient.',
      },
      'phase-out-version': {
        nl: '{version} wordt aangeboden en moet worden uitgefaseerd.',
        en: '{version} is offered and is to be phased out.',
      },
      'version-undecided': {
        nl: 'Of {version} wordt ondersteund, kon pastoe niet vaststellen ({detail}).',
        en: 'pastoe could not tell whether {version} is supported ({detail}).',
      },
    },
  },
  'web-https-tls-ciphers': {
    title: { nl: 'Cipher suites', en: 'Cipher suites' },
    failureTitle: { nl: 'Onveilige cipher suites', en: 'Insecure cipher suites' },
    explanation: {
      nl: 'Deze test kijkt welke cipher suites de webserver accepteert. Met een onvoldoende cipher (zoals RC4, DES of NULL) kan een aanvaller het verkeer mogelijk ontcijferen; uit te faseren ciphers (zoals 3DES of zonder forward secrecy) moeten worden vervangen.',
      en: 'This test checks which cipher suites the web server accepts. An insufficient cipher (such as RC4, DES or NULL) may let an attacker decrypt the traffic; ciphers to be phased out (such as 3DES, or those without forward secrecy) should be replaced.',
    },
    advice: {
      nl: 'Sta alleen ciphers toe die het NCSC goed of voldoende noemt, zoals ECDHE met AES-GCM of ChaCha20-Poly1305. In nginx bijvoorbeeld: ssl_ciphers ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256;',
      en: 'Allow only ciphers the NCSC calls good or sufficient, such as ECDHE with AES-GCM or ChaCha20-Poly1305. In nginx for example: ssl_ciphers ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256;',
    },
    supplier: {
      nl: 'Onze webserver accepteert cipher suites die volgens de NCSC-richtlijnen onvoldoende of uit te faseren zijn. Wilt u alleen goede en voldoende ciphers toestaan?',
      en: 'Our web server accepts cipher suites the NCSC guidelines call insufficient or to be phased out. Please allow only good and sufficient ciphers.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'insufficient-suite': {
        nl: 'Cipher {suite} ({code}) wordt geaccepteerd onder {version} en is onvoldoende veilig.',
        en: 'Cipher {suite} ({code}) is accepted under {version} and is insufficient.',
      },
      'phase-out-suite': {
        nl: 'Cipher {suite} ({code}) wordt geaccepteerd onder {version} en moet worden uitgefaseerd.',
        en: 'Cipher {suite} ({code}) is accepted under {version} and is to be phased out.',
      },
      'enumeration-incomplete': {
        nl: 'De lijst van ciphers onder {version} is niet volledig opgevraagd.',
        en: 'The list of ciphers under {version} was not fully enumerated.',
      },
    },
  },
  'web-https-tls-cipherorder': {
    title: { nl: 'Volgorde van cipher suites', en: 'Cipher suite order' },
    failureTitle: { nl: 'Verkeerde volgorde van cipher suites', en: 'Wrong cipher suite order' },
    explanation: {
      nl: 'Deze test kijkt of de webserver zijn eigen voorkeur voor ciphers volgt en daarbij goede en voldoende ciphers boven uit te faseren ciphers kiest. Anders kan een verbinding onnodig met een zwakkere cipher worden opgezet.',
      en: 'This test checks that the web server follows its own cipher preference and prefers good and sufficient ciphers over ciphers to be phased out. Otherwise a connection may use a weaker cipher needlessly.',
    },
    advice: {
      nl: 'Laat de server de cipher kiezen en zet de sterkste ciphers vooraan. In nginx bijvoorbeeld: ssl_prefer_server_ciphers on; met een ssl_ciphers-lijst die begint met de ECDHE-GCM-ciphers.',
      en: 'Let the server choose the cipher and put the strongest ciphers first. In nginx for example: ssl_prefer_server_ciphers on; with an ssl_ciphers list that starts with the ECDHE-GCM ciphers.',
    },
    supplier: {
      nl: 'Onze webserver verkiest zwakkere ciphers boven sterkere. Wilt u de server-voorkeur voor ciphers aanzetten en de sterkste ciphers vooraan zetten?',
      en: 'Our web server prefers weaker ciphers over stronger ones. Please turn on server cipher preference and put the strongest ciphers first.',
    },
    findings: {
      ...tlsNotTestedFindings,
      violation: {
        nl: 'De server koos {chosen} terwijl {expected} de voorkeur had moeten krijgen.',
        en: 'The server chose {chosen} where {expected} should have been preferred.',
      },
      'no-server-preference': {
        nl: 'De server volgt de voorkeur van de client in plaats van een eigen cipher-volgorde.',
        en: 'The server follows the client’s preference instead of an order of its own.',
      },
      'probe-failed': {
        nl: 'De test van de cipher-volgorde kon niet worden uitgevoerd.',
        en: 'The cipher order test could not be run.',
      },
    },
  },
  'web-https-tls-keyexchange': {
    title: { nl: 'Parameters voor sleuteluitwisseling', en: 'Key exchange parameters' },
    failureTitle: { nl: 'Onveilige parameters voor sleuteluitwisseling', en: 'Insecure key exchange parameters' },
    explanation: {
      nl: 'Deze test kijkt welke elliptische krommen en Diffie-Hellman-groepen de webserver voor de sleuteluitwisseling gebruikt. Zwakke parameters maken het mogelijk de sessiesleutel te achterhalen.',
      en: 'This test checks which elliptic curves and Diffie-Hellman groups the web server uses for the key exchange. Weak parameters make it possible to recover the session key.',
    },
    advice: {
      nl: 'Gebruik voor ECDHE de krommen X25519, secp256r1 of secp384r1. DHE is hooguit uit te faseren: zet het uit, of gebruik alleen de groepen ffdhe3072 of groter uit RFC 7919. In nginx bijvoorbeeld: ssl_ecdh_curve X25519:secp256r1:secp384r1;',
      en: 'Use the curves X25519, secp256r1 or secp384r1 for ECDHE. DHE is at best to be phased out: turn it off, or use only the RFC 7919 groups ffdhe3072 or larger. In nginx for example: ssl_ecdh_curve X25519:secp256r1:secp384r1;',
    },
    supplier: {
      nl: 'Onze webserver gebruikt zwakke parameters voor de sleuteluitwisseling. Wilt u alleen de door het NCSC aanbevolen krommen en DH-groepen (ffdhe3072 of groter) toestaan?',
      en: 'Our web server uses weak key exchange parameters. Please allow only the curves and DH groups the NCSC recommends (ffdhe3072 or larger).',
    },
    findings: {
      ...tlsNotTestedFindings,
      'insufficient-parameters': {
        nl: 'Sleuteluitwisseling met {parameters} is onvoldoende veilig.',
        en: 'Key exchange with {parameters} is insufficient.',
      },
      'phase-out-parameters': {
        nl: 'Sleuteluitwisseling met {parameters} moet worden uitgefaseerd.',
        en: 'Key exchange with {parameters} is to be phased out.',
      },
      'generator-not-2': {
        nl: 'De Diffie-Hellman-groep {parameters} gebruikt een andere generator dan 2 en is onvoldoende veilig.',
        en: 'The Diffie-Hellman group {parameters} uses a generator other than 2 and is insufficient.',
      },
      'dh-below-internetnl-minimum': {
        nl: 'De Diffie-Hellman-groep {parameters} is te klein; Internet.nl ziet hem niet, pastoe rekent hem onvoldoende.',
        en: 'The Diffie-Hellman group {parameters} is too small; Internet.nl does not see it, pastoe counts it insufficient.',
      },
      'accepts-insufficient-group': {
        nl: 'De server accepteert groep {group} onder {version}, die onvoldoende veilig is.',
        en: 'The server accepts group {group} under {version}, which is insufficient.',
      },
      'accepts-phase-out-group': {
        nl: 'De server accepteert groep {group} onder {version}, die moet worden uitgefaseerd.',
        en: 'The server accepts group {group} under {version}, which is to be phased out.',
      },
    },
  },
  'web-https-tls-keyexchangehash': {
    title: { nl: 'Hashfunctie voor sleuteluitwisseling', en: 'Hash function for key exchange' },
    failureTitle: { nl: 'Zwakke hashfunctie voor sleuteluitwisseling', en: 'Weak hash function for key exchange' },
    explanation: {
      nl: 'Deze test kijkt of de webserver onder TLS 1.2 de sleuteluitwisseling ondertekent met SHA-256 of beter, ook als de client alleen SHA-1 of SHA-224 aanbiedt. Met SHA-1 kan een aanvaller de handtekening mogelijk vervalsen.',
      en: 'This test checks that under TLS 1.2 the web server signs the key exchange with SHA-256 or better, even when the client offers only SHA-1 or SHA-224. With SHA-1 an attacker may be able to forge the signature.',
    },
    advice: {
      nl: 'Sta alleen handtekeningalgoritmen met SHA-256 of beter toe. In OpenSSL-gebaseerde servers bijvoorbeeld: SignatureAlgorithms ECDSA+SHA256:RSA-PSS+SHA256:RSA+SHA256:ECDSA+SHA384:RSA+SHA384.',
      en: 'Allow only signature algorithms with SHA-256 or better. In OpenSSL-based servers for example: SignatureAlgorithms ECDSA+SHA256:RSA-PSS+SHA256:RSA+SHA256:ECDSA+SHA384:RSA+SHA384.',
    },
    supplier: {
      nl: 'Onze webserver ondertekent de TLS 1.2-sleuteluitwisseling met SHA-1 of SHA-224 als de client daarom vraagt. Wilt u alleen SHA-256 of beter toestaan?',
      en: 'Our web server signs the TLS 1.2 key exchange with SHA-1 or SHA-224 when a client asks for it. Please allow only SHA-256 or better.',
    },
    findings: {
      ...tlsNotTestedFindings,
      sha1: { nl: 'De server ondertekent de sleuteluitwisseling met {hash}.', en: 'The server signs the key exchange with {hash}.' },
      sha224: {
        nl: 'De server ondertekent de sleuteluitwisseling met {hash}; dat moet worden uitgefaseerd.',
        en: 'The server signs the key exchange with {hash}; that is to be phased out.',
      },
      'sha224-not-tested': {
        nl: 'Of de server SHA-224 accepteert, is niet getest.',
        en: 'Whether the server accepts SHA-224 was not tested.',
      },
      'weak-default-hash': {
        nl: 'Ook bij een normale verbinding kiest de server het zwakke handtekeningalgoritme {scheme}.',
        en: 'Even on a normal connection the server picks the weak signature scheme {scheme}.',
      },
      'no-tls-1-2': {
        nl: 'De server biedt geen TLS 1.2, dus deze test is niet van toepassing.',
        en: 'The server offers no TLS 1.2, so this test does not apply.',
      },
    },
  },
  'web-https-tls-compress': {
    title: { nl: 'TLS-compressie', en: 'TLS compression' },
    failureTitle: { nl: 'TLS-compressie aan', en: 'TLS compression enabled' },
    explanation: {
      nl: 'Deze test kijkt of de webserver compressie op TLS-niveau accepteert. Die compressie maakt de CRIME-aanval mogelijk, waarmee geheimen zoals sessiecookies kunnen worden achterhaald.',
      en: 'This test checks whether the web server accepts compression at the TLS level. That compression enables the CRIME attack, which can recover secrets such as session cookies.',
    },
    advice: {
      nl: 'Zet TLS-compressie uit; in actuele versies van OpenSSL en webservers staat zij standaard uit (OpenSSL-optie: SSL_OP_NO_COMPRESSION).',
      en: 'Turn TLS compression off; current versions of OpenSSL and web servers have it off by default (OpenSSL option: SSL_OP_NO_COMPRESSION).',
    },
    supplier: {
      nl: 'Onze webserver accepteert TLS-compressie, wat kwetsbaar is voor de CRIME-aanval. Wilt u TLS-compressie uitzetten?',
      en: 'Our web server accepts TLS compression, which is vulnerable to the CRIME attack. Please turn TLS compression off.',
    },
    findings: {
      ...tlsNotTestedFindings,
      compression: { nl: 'De server accepteert TLS-compressie.', en: 'The server accepts TLS compression.' },
      'compression-not-tested': {
        nl: 'Of de server TLS-compressie accepteert, is niet getest.',
        en: 'Whether the server accepts TLS compression was not tested.',
      },
    },
  },
  'web-https-tls-secreneg': {
    title: { nl: 'Veilige heronderhandeling', en: 'Secure renegotiation' },
    failureTitle: { nl: 'Onveilige heronderhandeling', en: 'Insecure renegotiation' },
    explanation: {
      nl: 'Deze test kijkt of de webserver onder TLS 1.2 en lager veilige heronderhandeling (RFC 5746) ondersteunt. Zonder kan een aanvaller eigen gegevens aan het begin van een versleutelde sessie invoegen.',
      en: 'This test checks that the web server supports secure renegotiation (RFC 5746) under TLS 1.2 and below. Without it an attacker can inject data of their own at the start of an encrypted session.',
    },
    advice: {
      nl: 'Werk de TLS-software bij; elke actuele versie ondersteunt veilige heronderhandeling (de renegotiation_info-extensie). Zet onveilige legacy-heronderhandeling uit.',
      en: 'Update the TLS software; every current version supports secure renegotiation (the renegotiation_info extension). Turn insecure legacy renegotiation off.',
    },
    supplier: {
      nl: 'Onze webserver ondersteunt geen veilige heronderhandeling (RFC 5746). Wilt u de TLS-software bijwerken of deze instelling aanzetten?',
      en: 'Our web server does not support secure renegotiation (RFC 5746). Please update the TLS software or turn this setting on.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'insecure-renegotiation': {
        nl: 'De server ondersteunt geen veilige heronderhandeling.',
        en: 'The server does not support secure renegotiation.',
      },
    },
  },
  'web-https-tls-clientreneg': {
    title: { nl: 'Client-geïnitieerde heronderhandeling', en: 'Client-initiated renegotiation' },
    failureTitle: { nl: 'Client-geïnitieerde heronderhandeling toegestaan', en: 'Client-initiated renegotiation allowed' },
    explanation: {
      nl: 'Deze test kijkt of een client de TLS-verbinding herhaaldelijk opnieuw kan laten onderhandelen. Dat kost de server veel rekenwerk en kan worden misbruikt voor een denial-of-service-aanval.',
      en: 'This test checks whether a client can make the server renegotiate the TLS connection again and again. That costs the server a lot of computation and can be abused for a denial-of-service attack.',
    },
    advice: {
      nl: 'Zet client-geïnitieerde heronderhandeling uit (in actuele webservers staat zij standaard uit), of beperk haar tot enkele keren per verbinding.',
      en: 'Turn client-initiated renegotiation off (current web servers have it off by default), or limit it to a few times per connection.',
    },
    supplier: {
      nl: 'Onze webserver staat client-geïnitieerde heronderhandeling toe. Wilt u die uitzetten?',
      en: 'Our web server allows client-initiated renegotiation. Please turn it off.',
    },
    findings: {
      ...tlsNotTestedFindings,
      allowed: {
        nl: 'De server accepteerde {accepted} heronderhandeling(en) op één verbinding.',
        en: 'The server accepted {accepted} renegotiation(s) on one connection.',
      },
      'renegotiation-not-tested': {
        nl: 'Heronderhandeling kon niet worden getest ({reason}).',
        en: 'Renegotiation could not be tested ({reason}).',
      },
    },
  },
  'web-https-tls-extendedmastersecret': {
    title: { nl: 'Extended Master Secret', en: 'Extended Master Secret' },
    failureTitle: { nl: 'Geen Extended Master Secret', en: 'No Extended Master Secret' },
    explanation: {
      nl: 'Deze test kijkt of de webserver onder TLS 1.2 de Extended Master Secret (RFC 7627) gebruikt. Die koppelt de sessiesleutel aan de hele handshake en voorkomt zo aanvallen waarbij een tussenpersoon twee verbindingen aan elkaar knoopt.',
      en: 'This test checks that the web server uses the Extended Master Secret (RFC 7627) under TLS 1.2. It binds the session key to the whole handshake and so prevents attacks where a middleman ties two connections together.',
    },
    advice: {
      nl: 'Werk de TLS-software bij naar een versie die de extended_master_secret-extensie ondersteunt (OpenSSL 1.1.0 of nieuwer doet dat standaard), of bied alleen TLS 1.3 aan.',
      en: 'Update the TLS software to a version that supports the extended_master_secret extension (OpenSSL 1.1.0 or newer does so by default), or offer TLS 1.3 only.',
    },
    supplier: {
      nl: 'Onze webserver gebruikt onder TLS 1.2 geen Extended Master Secret (RFC 7627). Wilt u de TLS-software bijwerken zodat deze extensie wordt ondersteund?',
      en: 'Our web server does not use the Extended Master Secret (RFC 7627) under TLS 1.2. Please update the TLS software so that it supports this extension.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'no-ems': { nl: 'De server gebruikt geen Extended Master Secret.', en: 'The server does not use the Extended Master Secret.' },
      'ems-unknown': {
        nl: 'Of de server Extended Master Secret gebruikt, kon niet worden vastgesteld.',
        en: 'Whether the server uses the Extended Master Secret could not be determined.',
      },
      'no-tls-1-2': {
        nl: 'De server biedt geen TLS 1.2, dus deze test is niet van toepassing.',
        en: 'The server offers no TLS 1.2, so this test does not apply.',
      },
    },
  },
  'web-https-tls-0rtt': {
    title: { nl: '0-RTT', en: '0-RTT' },
    failureTitle: { nl: '0-RTT onveilig toegestaan', en: '0-RTT allowed unsafely' },
    explanation: {
      nl: 'Deze test kijkt of de webserver onder TLS 1.3 vroege gegevens (0-RTT) accepteert zonder ze met HTTP 425 uit te stellen. Zulke gegevens kan een aanvaller opnieuw afspelen, zodat een verzoek twee keer wordt uitgevoerd.',
      en: 'This test checks whether the web server accepts early data (0-RTT) under TLS 1.3 without deferring it with HTTP 425. An attacker can replay such data, so that a request is carried out twice.',
    },
    advice: {
      nl: 'Zet 0-RTT uit (in nginx: ssl_early_data off;), of laat de applicatie verzoeken met vroege gegevens beantwoorden met 425 Too Early.',
      en: 'Turn 0-RTT off (in nginx: ssl_early_data off;), or make the application answer requests with early data with 425 Too Early.',
    },
    supplier: {
      nl: 'Onze webserver accepteert TLS 1.3-0-RTT-gegevens, die opnieuw kunnen worden afgespeeld. Wilt u 0-RTT uitzetten?',
      en: 'Our web server accepts TLS 1.3 0-RTT data, which can be replayed. Please turn 0-RTT off.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'early-data-accepted': {
        nl: 'De server accepteert vroege gegevens (0-RTT) en verwerkt het verzoek meteen.',
        en: 'The server accepts early data (0-RTT) and processes the request at once.',
      },
      'early-data-deferred': {
        nl: 'De server accepteert vroege gegevens, maar stelt het verzoek uit met 425 Too Early.',
        en: 'The server accepts early data but defers the request with 425 Too Early.',
      },
      'early-data-advertised': {
        nl: 'De server kondigt 0-RTT aan (tot {maxEarlyData} bytes), maar acceptatie kon niet worden getest.',
        en: 'The server advertises 0-RTT (up to {maxEarlyData} bytes), but acceptance could not be tested.',
      },
      'zero-rtt-not-tested': { nl: '0-RTT kon niet worden getest.', en: '0-RTT could not be tested.' },
    },
  },
  'web-https-tls-ocsp': {
    title: { nl: 'OCSP-stapling', en: 'OCSP stapling' },
    failureTitle: { nl: 'OCSP-stapling niet (goed) aan', en: 'OCSP stapling not (properly) enabled' },
    explanation: {
      nl: 'Deze test kijkt of de webserver een geldig OCSP-antwoord over zijn certificaat meestuurt (stapling). Dan hoeft de browser de uitgever niet zelf te vragen of het certificaat is ingetrokken, wat sneller is en de privacy van bezoekers beschermt.',
      en: 'This test checks that the web server sends a valid OCSP response about its certificate along (stapling). The browser then need not ask the issuer itself whether the certificate was revoked, which is faster and protects visitors’ privacy.',
    },
    advice: {
      nl: 'Zet OCSP-stapling aan en zorg dat de server de OCSP-responder van de uitgever kan bereiken. In nginx bijvoorbeeld: ssl_stapling on; ssl_stapling_verify on;',
      en: 'Turn OCSP stapling on and make sure the server can reach the issuer’s OCSP responder. In nginx for example: ssl_stapling on; ssl_stapling_verify on;',
    },
    supplier: {
      nl: 'Onze webserver stuurt geen (geldig) OCSP-antwoord mee. Wilt u OCSP-stapling aanzetten?',
      en: 'Our web server does not staple a (valid) OCSP response. Please enable OCSP stapling.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'no-ocsp-url': {
        nl: 'Het certificaat noemt geen OCSP-responder, dus stapling is niet nodig.',
        en: 'The certificate names no OCSP responder, so stapling is not needed.',
      },
      'not-stapled': { nl: 'De server stuurt geen OCSP-antwoord mee.', en: 'The server staples no OCSP response.' },
      'untrusted-staple': {
        nl: 'Het meegestuurde OCSP-antwoord is niet geldig ({reason}).',
        en: 'The stapled OCSP response is not valid ({reason}).',
      },
      revoked: {
        nl: 'Het meegestuurde OCSP-antwoord zegt dat het certificaat is ingetrokken.',
        en: 'The stapled OCSP response says the certificate is revoked.',
      },
    },
  },
  'web-https-tls-hybrid-pq': {
    title: { nl: 'Post-quantum sleuteluitwisseling', en: 'Post-quantum key exchange' },
    failureTitle: { nl: 'Geen post-quantum sleuteluitwisseling', en: 'No post-quantum key exchange' },
    explanation: {
      nl: 'Deze test kijkt of de webserver onder TLS 1.3 een hybride post-quantum sleuteluitwisseling kiest, zoals X25519MLKEM768. Die beschermt vandaag opgeslagen verkeer tegen ontcijfering door een toekomstige quantumcomputer.',
      en: 'This test checks that the web server chooses a hybrid post-quantum key exchange under TLS 1.3, such as X25519MLKEM768. It protects traffic recorded today from decryption by a future quantum computer.',
    },
    advice: {
      nl: 'Werk de TLS-software bij (bijvoorbeeld OpenSSL 3.5 of nieuwer) en zet X25519MLKEM768 vooraan in de lijst van groepen, bijvoorbeeld in nginx: ssl_ecdh_curve X25519MLKEM768:X25519:secp256r1;',
      en: 'Update the TLS software (for example OpenSSL 3.5 or newer) and put X25519MLKEM768 first in the list of groups, for example in nginx: ssl_ecdh_curve X25519MLKEM768:X25519:secp256r1;',
    },
    supplier: {
      nl: 'Onze webserver ondersteunt nog geen hybride post-quantum sleuteluitwisseling. Wilt u X25519MLKEM768 inschakelen en laten voorgaan?',
      en: 'Our web server does not support hybrid post-quantum key exchange yet. Please enable X25519MLKEM768 and prefer it.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'no-tls-1-3': { nl: 'De server biedt geen TLS 1.3.', en: 'The server offers no TLS 1.3.' },
      'no-hybrid': {
        nl: 'De server accepteert geen hybride post-quantum groep; hij kiest {chosen}.',
        en: 'The server accepts no hybrid post-quantum group; it chooses {chosen}.',
      },
      'hybrid-not-preferred': {
        nl: 'De server accepteert een hybride post-quantum groep, maar kiest {chosen}.',
        en: 'The server accepts a hybrid post-quantum group but chooses {chosen}.',
      },
    },
  },
};

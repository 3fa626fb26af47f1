/**
 * Reads the few fields the scanner needs from the session node:tls hands out in its `'session'`
 * event: OpenSSL's SSL_SESSION in DER (ssl/ssl_asn1.c). The session ticket's `max_early_data`
 * (context tag [15]) is the server's 0-RTT advertisement; tag [10] is the ticket itself. Read with
 * the x509 DER reader, so every length is checked against its container.
 */
import { DerError, DerTag, derChildren, isContext, isUniversal, readDer, smallInteger } from '../../x509/der.js';

/** What a session says about tickets and early data. */
export interface SessionFacts {
  /** Whether the session holds a ticket from the server. */
  readonly ticket: boolean;
  /** The ticket's `max_early_data`; 0 when the field is absent (OpenSSL omits zero). */
  readonly maxEarlyData: number;
}

/** Reads ticket and `max_early_data` from an SSL_SESSION DER; undefined when it does not parse. */
export function parseSessionFacts(der: Uint8Array): SessionFacts | undefined {
  try {
    const session = readDer(der);
    if (!isUniversal(session, DerTag.sequence)) return undefined;
    let ticket = false;
    let maxEarlyData = 0;
    for (const field of derChildren(session)) {
      if (isContext(field, 10) && field.constructed) {
        // [10] EXPLICIT OCTET STRING: the ticket.
        const inner = readDer(field.content);
        ticket = isUniversal(inner, DerTag.octetString) && inner.content.length > 0;
      } else if (isContext(field, 15) && field.constructed) {
        // [15] EXPLICIT INTEGER: max_early_data.
        const inner = readDer(field.content);
        if (!isUniversal(inner, DerTag.integer)) return undefined;
        maxEarlyData = smallInteger(inner);
      }
    }
    return { ticket, maxEarlyData };
  } catch (error) {
    if (error instanceof DerError) return undefined;
    throw error;
  }
}

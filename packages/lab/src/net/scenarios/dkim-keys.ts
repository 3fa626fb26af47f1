/**
 * DKIM key records for the lab's mail scenarios (RFC 6376 §3.6.1, RFC 8463): an Ed25519 key made
 * fresh per lab, RSA keys from the lab's fixed keys (making RSA keys at start-up is too slow).
 * Only the public halves are published; nothing in the lab signs mail.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { txtZoneText } from '../../dns/rdata.js';
import { type FixedLabKey, fixedLabKey } from '../../pki/fixed-keys.js';

/** The key a selector publishes: a fresh Ed25519 key, a fixed RSA key, or none (`revoked`: an empty `p=`). */
export type LabDkimKey = 'ed25519' | Extract<FixedLabKey, 'rsa1024' | 'rsa2048b'> | 'revoked';

/** The `k=` and `p=` of a key: Ed25519 as its 32 raw bytes, RSA as SubjectPublicKeyInfo. */
function keyTags(key: LabDkimKey): string {
  if (key === 'revoked') return 'k=rsa; p=';
  if (key === 'ed25519') {
    const spki = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
    return `k=ed25519; p=${spki.subarray(-32).toString('base64')}`;
  }
  return `k=rsa; p=${createPublicKey(fixedLabKey(key)).export({ type: 'spki', format: 'der' }).toString('base64')}`;
}

/** The zone-file line of a DKIM key record at `<selector>._domainkey`, its text split into 255-byte strings. */
export function dkimKeyRecord(selector: string, key: LabDkimKey): string {
  return `${selector}._domainkey 300 IN TXT ${txtZoneText(`v=DKIM1; ${keyTags(key)}`)}`;
}

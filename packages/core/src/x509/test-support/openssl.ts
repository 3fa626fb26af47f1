/**
 * Test helper: real certificates made with the openssl command line in a temporary directory,
 * so the X.509, DANE and certificate-evaluator tests run against what servers actually send.
 * Only for tests; nothing here is exported from the package.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Key types the helper can make. */
export type TestKey =
  | 'rsa-1024'
  | 'rsa-2048'
  | 'rsa-3072'
  | 'rsa-pss-2048'
  | 'ec-p224'
  | 'ec-p256'
  | 'ec-p384'
  | 'ec-secp256k1'
  | 'ec-brainpoolP256r1'
  | 'ed25519'
  | 'ed448';

/** How to make one certificate. */
export interface TestCertificateOptions {
  /** The key type (default `ec-p256`). */
  readonly key?: TestKey;
  /** The subject common name. */
  readonly cn?: string;
  /** subjectAltName DNS entries. */
  readonly dns?: readonly string[];
  /** subjectAltName IP entries. */
  readonly ips?: readonly string[];
  /** The digest to sign with (ignored for EdDSA). Default sha256. */
  readonly digest?: 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
  /** Sign with RSASSA-PSS (the issuer key must be RSA). */
  readonly pss?: boolean;
  /** Validity in days (default 30). */
  readonly days?: number;
  /** A CA certificate (basicConstraints CA:TRUE). */
  readonly ca?: boolean;
  /** An OCSP URL for Authority Information Access. */
  readonly ocspUrl?: string;
  /** extendedKeyUsage values, e.g. `OCSPSigning`. */
  readonly eku?: readonly string[];
  /** The issuer; self-signed when absent. */
  readonly issuer?: TestCertificate;
}

/** A generated certificate with its key, as files and bytes. */
export interface TestCertificate {
  /** DER bytes. */
  readonly der: Buffer;
  /** PEM text. */
  readonly pem: string;
  /** Path of the PEM certificate. */
  readonly certPath: string;
  /** Path of the PEM private key. */
  readonly keyPath: string;
}

/** A scratch directory of certificates; call `close` to delete it. */
export interface TestPki {
  /** Makes a certificate. */
  make(options?: TestCertificateOptions): TestCertificate;
  /** Runs openssl with arguments in the scratch directory and returns stdout. */
  openssl(args: readonly string[], input?: string): Buffer;
  /**
   * Makes an OCSP response for `leaf` from `issuer`'s responder, signed by `signer` (default the
   * issuer), valid for `days` (default 1), saying `status`.
   */
  ocspResponse(
    issuer: TestCertificate,
    leaf: TestCertificate,
    options?: { signer?: TestCertificate; status?: 'good' | 'revoked'; days?: number },
  ): Buffer;
  /** The scratch directory. */
  readonly dir: string;
  /** Removes the directory. */
  close(): void;
}

const keyArgs: Record<TestKey, readonly string[]> = {
  'rsa-1024': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  'rsa-2048': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  'rsa-3072': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072'],
  'rsa-pss-2048': ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048'],
  'ec-p224': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-224'],
  'ec-p256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'ec-p384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  'ec-secp256k1': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
  'ec-brainpoolP256r1': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:brainpoolP256r1'],
  ed25519: ['-algorithm', 'ED25519'],
  ed448: ['-algorithm', 'ED448'],
};

/** Opens a scratch PKI. openssl must be on the PATH (it is on every pastoe machine and in CI). */
export function openTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'pastoe-x509-'));
  let counter = 0;
  const openssl = (args: readonly string[], input?: string): Buffer =>
    execFileSync('openssl', [...args], { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });

  const make = (options: TestCertificateOptions = {}): TestCertificate => {
    const n = ++counter;
    const keyPath = join(dir, `k${n}.pem`);
    const certPath = join(dir, `c${n}.pem`);
    const csrPath = join(dir, `r${n}.csr`);
    const extPath = join(dir, `e${n}.cnf`);
    const key = options.key ?? 'ec-p256';
    openssl(['genpkey', ...keyArgs[key], '-out', keyPath]);
    const ext: string[] = [];
    const san = [...(options.dns ?? []).map((d) => `DNS:${d}`), ...(options.ips ?? []).map((ip) => `IP:${ip}`)];
    if (san.length > 0) ext.push(`subjectAltName=${san.join(',')}`);
    ext.push(options.ca ? 'basicConstraints=critical,CA:TRUE' : 'basicConstraints=CA:FALSE');
    if (options.eku !== undefined) ext.push(`extendedKeyUsage=${options.eku.join(',')}`);
    if (options.ocspUrl !== undefined) ext.push(`authorityInfoAccess=OCSP;URI:${options.ocspUrl}`);
    writeFileSync(extPath, `${ext.join('\n')}\n`);
    const issuerKey = options.issuer?.keyPath ?? keyPath;
    const eddsa = /^ed/.test(options.issuer === undefined ? key : keyOf(options.issuer));
    const digest = eddsa ? [] : [`-${options.digest ?? 'sha256'}`];
    const pss = options.pss ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:-1'] : [];
    openssl(['req', '-new', '-key', keyPath, '-subj', `/CN=${options.cn ?? `cert${n}`}`, '-out', csrPath]);
    const signer =
      options.issuer === undefined
        ? ['-signkey', keyPath]
        : ['-CA', options.issuer.certPath, '-CAkey', issuerKey, '-set_serial', String(1000 + n)];
    openssl([
      'x509',
      '-req',
      '-in',
      csrPath,
      ...signer,
      '-days',
      String(options.days ?? 30),
      ...digest,
      ...pss,
      '-extfile',
      extPath,
      '-out',
      certPath,
    ]);
    keys.set(certPath, key);
    const pem = readFileSync(certPath, 'utf8');
    const der = openssl(['x509', '-in', certPath, '-outform', 'DER']);
    return { der, pem, certPath, keyPath };
  };
  const keys = new Map<string, TestKey>();
  const keyOf = (cert: TestCertificate): TestKey => keys.get(cert.certPath) ?? 'ec-p256';

  const ocspResponse: TestPki['ocspResponse'] = (issuer, leaf, options = {}) => {
    const n = ++counter;
    const serial = openssl(['x509', '-in', leaf.certPath, '-noout', '-serial'])
      .toString()
      .trim()
      .replace(/^serial=/, '');
    const index = join(dir, `index${n}.txt`);
    const revoked = options.status === 'revoked';
    // The CA database format: status, expiry, revocation time, serial, file, subject.
    writeFileSync(index, `${revoked ? 'R' : 'V'}\t491231235959Z\t${revoked ? '240101000000Z' : ''}\t${serial}\tunknown\t/CN=leaf\n`);
    const request = join(dir, `req${n}.der`);
    const response = join(dir, `resp${n}.der`);
    openssl(['ocsp', '-issuer', issuer.certPath, '-cert', leaf.certPath, '-no_nonce', '-reqout', request]);
    const signer = options.signer ?? issuer;
    openssl([
      'ocsp',
      '-index',
      index,
      '-CA',
      issuer.certPath,
      '-rsigner',
      signer.certPath,
      '-rkey',
      signer.keyPath,
      '-reqin',
      request,
      '-respout',
      response,
      '-ndays',
      String(options.days ?? 1),
    ]);
    return readFileSync(response);
  };

  return { make, openssl, ocspResponse, dir, close: () => rmSync(dir, { recursive: true, force: true }) };
}

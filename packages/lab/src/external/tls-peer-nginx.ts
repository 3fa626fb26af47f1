/**
 * The nginx half of the TLS peer lab: the two server profiles of the TLS spec's measured anchors
 * (§4: A modern, B legacy) and one nginx configuration that serves both over HTTPS and over SMTP
 * with STARTTLS (the mail module), on loopback ports chosen at run time.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The TLS settings of one nginx server block, in nginx's (that is, OpenSSL's) words. */
export interface NginxTlsProfile {
  /** `ssl_protocols`. */
  readonly protocols: readonly string[];
  /** `ssl_ciphers`: the TLS ≤ 1.2 cipher string. */
  readonly ciphers: string;
  /** The TLS 1.3 suites, set with `ssl_conf_command Ciphersuites` (nginx has no directive of its own). */
  readonly ciphersuites: readonly string[];
  /** `ssl_prefer_server_ciphers`. */
  readonly preferServerCiphers: boolean;
  /** `ssl_ecdh_curve`: the groups, in OpenSSL's names. */
  readonly groups: readonly string[];
  /** Whether the server gets the lab's 1024-bit custom DH parameters (`ssl_dhparam`), which enables DHE. */
  readonly customDh1024: boolean;
}

/**
 * Server A, modern: TLS 1.2 and 1.3; 1.3 with AES_256_GCM and CHACHA20 only; 1.2 with the two
 * best "sufficient" suites of the 2025 guideline (it has no "good" 1.2 suite); server order;
 * X25519, P-384, P-256. Its certificate is RSA-3072.
 */
export const modernProfile: NginxTlsProfile = Object.freeze({
  protocols: Object.freeze(['TLSv1.2', 'TLSv1.3']),
  ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305',
  ciphersuites: Object.freeze(['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']),
  preferServerCiphers: true,
  groups: Object.freeze(['X25519', 'secp384r1', 'prime256v1']),
  customDh1024: false,
});

/**
 * Server B, legacy: TLS 1.0 to 1.3; everything Debian's OpenSSL 3.0 has at security level 0
 * (CBC, CAMELLIA, ARIA, NULL, anonymous, static RSA, CCM and CCM_8); all five TLS 1.3 suites;
 * the client's order; 1024-bit custom DH; 14 groups including legacy curves and ffdhe2048.
 * Its certificate is RSA-2048.
 */
export const legacyProfile: NginxTlsProfile = Object.freeze({
  protocols: Object.freeze(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']),
  ciphers: 'ALL:COMPLEMENTOFALL:@SECLEVEL=0',
  ciphersuites: Object.freeze([
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_128_CCM_SHA256',
    'TLS_AES_128_CCM_8_SHA256',
  ]),
  preferServerCiphers: false,
  groups: Object.freeze([
    'X25519',
    'X448',
    'prime256v1',
    'secp384r1',
    'secp521r1',
    'secp192r1',
    'secp224r1',
    'secp256k1',
    'sect571r1',
    'brainpoolP256r1',
    'brainpoolP384r1',
    'brainpoolP512r1',
    'ffdhe2048',
    'ffdhe3072',
  ]),
  customDh1024: true,
});

/** Key and certificate files of one server, and the profile it serves them with. */
export interface NginxSite {
  /** The profile. */
  readonly profile: NginxTlsProfile;
  /** The certificate chain file (PEM, leaf first). */
  readonly certificateFile: string;
  /** The private key file (PEM). */
  readonly keyFile: string;
  /** The HTTPS port on the listen address. */
  readonly httpsPort: number;
  /** The SMTP (STARTTLS) port on the listen address. */
  readonly smtpPort: number;
}

/** What {@link writeNginxConfig} needs. */
export interface NginxConfigInput {
  /** The lab's private directory: configuration, logs, temporary files and the pid file go here. */
  readonly dir: string;
  /** The loopback address every listener binds to. */
  readonly listen: string;
  /** The name in `server_name` (HTTP) and in the SMTP greeting. */
  readonly serverName: string;
  /** The mail module's shared object. */
  readonly mailModule: string;
  /** The DH parameter file for profiles with {@link NginxTlsProfile.customDh1024}. */
  readonly dhFile: string;
  /** The sites. */
  readonly sites: readonly NginxSite[];
}

/** Where Debian and upstream builds put nginx's dynamic modules. */
const moduleDirectories = ['/usr/lib/nginx/modules', '/usr/lib64/nginx/modules', '/usr/share/nginx/modules', '/usr/local/nginx/modules'];

/** The mail module (`libnginx-mod-mail` on Debian), or `undefined` when it is not installed. */
export function findNginxMailModule(): string | undefined {
  return moduleDirectories.map((dir) => join(dir, 'ngx_mail_module.so')).find((file) => existsSync(file));
}

/** Quotes a value for nginx's configuration language (none of the lab's values holds a `$`). */
function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** The ssl_* directives of a profile; the http and mail modules spell them the same. */
function tlsDirectives(site: NginxSite, dhFile: string, indent: string): string[] {
  const { profile } = site;
  return [
    `ssl_certificate ${quoted(site.certificateFile)};`,
    `ssl_certificate_key ${quoted(site.keyFile)};`,
    `ssl_protocols ${profile.protocols.join(' ')};`,
    `ssl_ciphers ${quoted(profile.ciphers)};`,
    `ssl_conf_command Ciphersuites ${quoted(profile.ciphersuites.join(':'))};`,
    `ssl_prefer_server_ciphers ${profile.preferServerCiphers ? 'on' : 'off'};`,
    `ssl_ecdh_curve ${quoted(profile.groups.join(':'))};`,
    ...(profile.customDh1024 ? [`ssl_dhparam ${quoted(dhFile)};`] : []),
  ].map((line) => `${indent}${line}`);
}

/**
 * Writes nginx's configuration and gives its path. nginx runs in the foreground as one process
 * (`daemon off`, `master_process off`), so the guard that started it can stop it with a signal,
 * and every path it writes (pid, error log, temporary files) is in `dir`: nothing root-only.
 */
export async function writeNginxConfig(input: NginxConfigInput): Promise<string> {
  const { dir } = input;
  const lines = [
    `load_module ${quoted(input.mailModule)};`,
    'daemon off;',
    'master_process off;',
    'worker_processes 1;',
    `pid ${quoted(join(dir, 'nginx.pid'))};`,
    `error_log ${quoted(join(dir, 'nginx-error.log'))} warn;`,
    'events {',
    '  worker_connections 512;',
    '}',
    'http {',
    '  access_log off;',
    // The compiled-in temporary paths are under /var/lib/nginx; nginx creates them at start.
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${quoted(join(dir, `${kind}-temp`))};`),
    '  default_type text/plain;',
    ...input.sites.flatMap((site) => [
      '  server {',
      `    listen ${input.listen}:${site.httpsPort} ssl;`,
      `    server_name ${input.serverName};`,
      ...tlsDirectives(site, input.dhFile, '    '),
      '    location / {',
      `      return 200 ${quoted('pastoe TLS peer lab')};`,
      '    }',
      '  }',
    ]),
    '}',
    'mail {',
    `  server_name ${input.serverName};`,
    // No client gets past STARTTLS and a hello here, so nothing ever asks this address; nginx only
    // insists that one is configured.
    `  auth_http ${input.listen}:1/auth;`,
    '  smtp_auth none;',
    ...input.sites.flatMap((site) => [
      '  server {',
      `    listen ${input.listen}:${site.smtpPort};`,
      '    protocol smtp;',
      '    starttls only;',
      ...tlsDirectives(site, input.dhFile, '    '),
      '  }',
    ]),
    '}',
  ];
  const file = join(dir, 'nginx.conf');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

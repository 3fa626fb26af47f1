/**
 * @packageDocumentation
 * The pastoe website test as checks for `@pastoe/core`'s runner. Today it has the DNSSEC checks
 * (Internet.nl's `web_dnssec_exist` and `web_dnssec_valid`); IPv6, HTTPS (redirect, HSTS, TLS,
 * certificate, DANE, CAA), security headers, security.txt and RPKI are planned. docs/status.md
 * in the repository lists every subtest and its check.
 */
import { type AnyCheck, type Preset, definePreset } from '@pastoe/core';
import { webDnssecExists } from './checks/web-dnssec-exists/web-dnssec-exists.check.js';
import { webDnssecValid } from './checks/web-dnssec-valid/web-dnssec-valid.check.js';

export { webDnssecExists, webDnssecValid };

/** Every website check, in Internet.nl's report order. It grows as the checks land. */
export const webChecks: readonly AnyCheck[] = Object.freeze([webDnssecExists, webDnssecValid]);

/** The website test as a preset. */
export const webPreset: Preset = definePreset({ id: 'web', title: 'preset.web.title', checks: webChecks });

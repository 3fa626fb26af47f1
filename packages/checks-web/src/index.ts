/**
 * @packageDocumentation
 * The pastoe website test as checks for `@pastoe/core`'s runner. Today it has the DNSSEC checks
 * (Internet.nl's `web_dnssec_exist` and `web_dnssec_valid`); IPv6, HTTPS (redirect, HSTS, TLS,
 * certificate, DANE, CAA), security headers, security.txt and RPKI are planned. docs/status.md
 * in the repository lists every subtest and its check.
 *
 * The checks name the probes they need by declaration only; {@link webPreset} binds those
 * declarations to `@pastoe/core`'s implementations.
 */
import { type AnyCheck, type AnyProbe, definePreset, dnssecProbe, type Preset } from '@pastoe/core';
import { webDnssecExists } from './checks/web-dnssec-exists/web-dnssec-exists.check.js';
import { webDnssecValid } from './checks/web-dnssec-valid/web-dnssec-valid.check.js';

export { webDnssecExists, webDnssecValid };

/** Every website check, in Internet.nl's report order. It grows as the checks land. */
export const webChecks: readonly AnyCheck[] = Object.freeze([webDnssecExists, webDnssecValid]);

/** The implementations {@link webPreset} binds to the declarations its checks name. */
export const webProbes: readonly AnyProbe[] = Object.freeze([dnssecProbe]);

/** The website test as a preset: its checks and the probe implementations bound to them. */
export const webPreset: Preset = definePreset({ id: 'web', title: 'preset.web.title', checks: webChecks, probes: webProbes });

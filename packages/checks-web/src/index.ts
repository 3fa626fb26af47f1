/**
 * @packageDocumentation
 * The pastoe website test: IPv6, DNSSEC, HTTPS (redirect, HSTS, TLS, certificate, DANE, CAA),
 * security headers, security.txt and RPKI, as checks for `@pastoe/core`'s runner.
 */
import { type AnyCheck, type Preset, definePreset } from '@pastoe/core';

/** Every website check, in Internet.nl's report order. It grows as the checks land. */
export const webChecks: readonly AnyCheck[] = Object.freeze([]);

/** The website test as a preset. */
export const webPreset: Preset = definePreset({ id: 'web', title: 'preset.web.title', checks: webChecks });

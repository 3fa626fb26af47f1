/**
 * @packageDocumentation
 * The pastoe mail test: MX and Null MX, IPv6, DNSSEC, DMARC, DKIM, SPF, STARTTLS with TLS and
 * certificates, DANE, MTA-STS, TLS-RPT and RPKI, as checks for `@pastoe/core`'s runner.
 */
import { type AnyCheck, type Preset, definePreset } from '@pastoe/core';

/** Every mail check, in Internet.nl's report order. It grows as the checks land. */
export const mailChecks: readonly AnyCheck[] = Object.freeze([]);

/** The mail test as a preset. */
export const mailPreset: Preset = definePreset({ id: 'mail', title: 'preset.mail.title', checks: mailChecks });

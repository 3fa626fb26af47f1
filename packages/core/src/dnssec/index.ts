/**
 * pastoe's DNSSEC validator: the public surface of `packages/core/src/dnssec`. The core package
 * index re-exports it; the modules behind it (canonical form, NSEC and NSEC3 proofs, the chain
 * walk) stay internal.
 */
export { createValidator, defaultValidatorLimits, isUsable } from './validator.js';
export type {
  AnswerKind,
  ValidateOptions,
  ValidationResult,
  Validator,
  ValidatorLimits,
  ValidatorOptions,
  ValidatorStats,
} from './validator.js';
export { edeCodeForReason, reasonForEdeCode, validationStatuses } from './reasons.js';
export type { BogusReason, IndeterminateReason, InsecureReason, SecureReason, ValidationReason, ValidationStatus } from './reasons.js';
export type { ChainStep, DnskeyStatus, DsStatus } from './chain.js';
export { ianaRootTrustAnchors, parseTrustAnchors, TrustAnchorSyntaxError } from './trust-anchors.js';
export type { DnskeyAnchor, DsAnchor, ZoneTrustAnchor } from './trust-anchors.js';
export { algorithmName, dsDigest, supportedAlgorithms, supportedDigestTypes } from './crypto.js';
export { keyTag } from './keytag.js';
export { defaultMaxNsec3Iterations, nsec3HashLabel } from './nsec3.js';

/**
 * The SMTP dialogue before TLS: banner, EHLO, STARTTLS, with per-step time limits and bounded replies.
 */
export { isValidEhloName, negotiateStarttls } from './starttls.js';
export type { StarttlsFailureCode, StarttlsOptions, StarttlsResult } from './starttls.js';
export { defaultReplyBounds } from './reply.js';
export type { ReplyBounds, ReplyFailure, SmtpReply } from './reply.js';

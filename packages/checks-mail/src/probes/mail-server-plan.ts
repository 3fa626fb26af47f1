import type { PlanContext, Subject } from '@pastoe/core';
import { mailServers } from '../parsers/mail-servers.js';
import { mxDeclaration } from './mx.declaration.js';

/**
 * The subjects of a per-mail-server probe: one per MX host the mail test judges (up to ten,
 * sorted by name), none when the domain has no real MX or the MX lookup failed (the MX checks
 * report that).
 */
export async function planMailServers(context: PlanContext): Promise<Subject[]> {
  const mx = await context.evidence(mxDeclaration);
  if (!mx.ok) return [];
  const { situation, hosts } = mailServers(mx.data);
  return situation === 'has-mx' ? hosts.map((name): Subject => ({ name, role: 'mx' })) : [];
}

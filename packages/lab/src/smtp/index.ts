/** The lab's SMTP server with STARTTLS. */
export { startSmtpServer } from './server.js';
export type { LabSmtpServer, LabStarttlsMode, StartSmtpServerOptions } from './server.js';

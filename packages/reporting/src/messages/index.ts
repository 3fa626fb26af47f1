export { checkMessages, catalogueChecks, findingMessageId, findingText, messageText } from './localize.js';
export type { CheckCatalogue, CheckMessages, Language, LocalText } from './types.js';
export { languages } from './types.js';

export { anonymityAudit, type AnonymityReport } from './run-audit.js';
export { formatAnonymityReport } from './format.js';

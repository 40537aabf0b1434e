export { caseWorkflow } from './caseWorkflow';

export { caseWorkflow } from './caseWorkflow';
export { policyReviewWorkflow } from './policyReviewWorkflow';
export { campaignWorkflow } from './campaignWorkflow';

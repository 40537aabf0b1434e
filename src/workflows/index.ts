export { caseWorkflow } from './caseWorkflow';
export { policyReviewWorkflow } from './policyReviewWorkflow';
export { campaignWorkflow } from './campaignWorkflow';
export { retentionWorkflow } from './retentionWorkflow';
